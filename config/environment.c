/* Reading settings from the environment (see environment.h). */
#include "config/environment.h"

#include <stdlib.h>

const char *config_env_get(const struct config_env *env, const char *name)
{
	return env && env->getenv ? env->getenv(name) : getenv(name);
}

const char *config_env_get_nonempty(const struct config_env *env, const char *name)
{
	const char *value = config_env_get(env, name);
	return value && *value ? value : NULL;
}

void config_environment_read(const struct config_env *env, struct config_layer *layer,
                             struct config_report *report)
{
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const struct config_option *opt = &config_options[i];
		enum config_option_id id = (enum config_option_id)i;
		const char *value = opt->env ? config_env_get_nonempty(env, opt->env) : NULL;
		if (!value)
			continue;
		if (opt->kind == KIND_LIST) {
			char **list = NULL;
			size_t n = 0;
			/* Only commas ("," or " , ") say nothing, like an empty variable. */
			if (config_option_split_list(value, opt->env, CONFIG_PROGRAM, report, &list, &n) &&
			    n > 0) {
				config_layer_set_projects(layer, list, n, CONFIG_PROGRAM);
			} else {
				for (size_t j = 0; j < n; j++)
					free(list[j]);
				free(list);
			}
			continue;
		}
		char *checked = config_option_check(opt, value, opt->env, CONFIG_PROGRAM, report);
		if (!checked)
			continue;
		config_layer_set(layer, id, checked, CONFIG_PROGRAM);
		if (id == OPT_TOKEN)
			config_layer_set_token_source(layer, opt->env);
	}
}
