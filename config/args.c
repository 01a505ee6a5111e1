/* Parsing the command line (see args.h). */
#include "config/args.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

static void unknown_option(const char *arg, size_t name_len, struct config_report *report)
{
	char quoted[CONFIG_QUOTE_SIZE];
	/* Only the name: after "=" may come a value the user did not mean to show. */
	char *name = xstrndup(arg, name_len);
	const char *shown = config_quote(name, quoted, sizeof quoted);
	if (strcmp(name, "--token") == 0 || strcmp(name, "--auth-token") == 0) {
		config_error(report, CONFIG_PROGRAM,
		             "unknown option \"%s\": a token on the command line is visible to other "
		             "users (ps); set SENTRY_AUTH_TOKEN or use the config file", shown);
	} else {
		const char *suggestion = name[0] == '-' && name[1] == '-'
		                         ? config_option_suggest(name, 0, true) : NULL;
		if (suggestion)
			config_error(report, CONFIG_PROGRAM,
			             "unknown option \"%s\" (did you mean \"%s\"?); see sentry-tui --help",
			             shown, suggestion);
		else
			config_error(report, CONFIG_PROGRAM,
			             "unknown option \"%s\"; see sentry-tui --help", shown);
	}
	free(name);
}

static void add_projects(const char *value, const char *flag, struct config_report *report,
                         char ***list, size_t *n)
{
	size_t before = *n;
	if (config_option_split_list(value, flag, CONFIG_PROGRAM, report, list, n) && *n == before)
		config_error(report, CONFIG_PROGRAM, "%s must not be empty", flag);
}

void config_args_parse(int argc, char **argv, struct config_layer *flags,
                       struct config_report *report)
{
	char quoted[CONFIG_QUOTE_SIZE];
	char **projects = NULL;
	size_t nprojects = 0;
	bool projects_given = false;

	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (arg[0] != '-' || strcmp(arg, "-") == 0) {
			config_error(report, CONFIG_PROGRAM,
			             "unexpected argument \"%s\"; sentry-tui takes options, or "
			             "open ISSUE (see sentry-tui --help)",
			             config_quote(arg, quoted, sizeof quoted));
			continue;
		}
		const char *equals = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
		size_t name_len = equals ? (size_t)(equals - arg) : strlen(arg);
		char *name = xstrndup(arg, name_len);
		const struct config_option *opt = config_option_by_flag(name);
		free(name);
		if (!opt) {
			unknown_option(arg, name_len, report);
			break;
		}
		enum config_option_id id = config_option_id(opt);
		if (opt->kind == KIND_SWITCH || opt->kind == KIND_BOOL) {
			if (equals)
				config_error(report, CONFIG_PROGRAM, "%s takes no value", opt->flag);
			else
				config_layer_set(flags, id, xstrdup("true"), CONFIG_PROGRAM);
			continue;
		}
		const char *value;
		if (opt->value_optional && !equals &&
		    (i + 1 >= argc || argv[i + 1][0] < '0' || argv[i + 1][0] > '9')) {
			/* Alone: the option's own default (config.c decides it). */
			config_layer_set(flags, id, xstrdup(""), CONFIG_PROGRAM);
			continue;
		}
		if (equals) {
			value = equals + 1;
		} else if (i + 1 < argc) {
			value = argv[++i];
		} else {
			config_error(report, CONFIG_PROGRAM, "%s needs a value (%s %s)", opt->flag,
			             opt->flag, opt->metavar);
			continue;
		}
		if (opt->kind == KIND_LIST) {
			projects_given = true;
			add_projects(value, opt->flag, report, &projects, &nprojects);
			continue;
		}
		char *checked = config_option_check(opt, value, opt->flag, CONFIG_PROGRAM, report);
		if (checked)
			config_layer_set(flags, id, checked, CONFIG_PROGRAM);
	}
	if (projects_given) {
		config_layer_set_projects(flags, projects, nprojects, CONFIG_PROGRAM);
	} else {
		free(projects);
	}
}

const char *config_args_take_open(int *argc, char **argv, struct strbuf *err)
{
	for (int i = 1; i < *argc; i++) {
		const char *arg = argv[i];
		if (arg[0] == '-' && strcmp(arg, "-") != 0) {
			if (strncmp(arg, "--", 2) == 0 && strchr(arg, '='))
				continue;
			const struct config_option *opt = config_option_by_flag(arg);
			if (!opt)
				return NULL; /* config_args_parse reports it, and stops there too */
			if (opt->value_optional) {
				if (i + 1 < *argc && argv[i + 1][0] >= '0' && argv[i + 1][0] <= '9')
					i++;
			} else if (opt->kind != KIND_SWITCH && opt->kind != KIND_BOOL) {
				i++; /* its value, whatever it reads like */
			}
			continue;
		}
		if (strcmp(arg, "open") != 0)
			return NULL;
		if (i + 1 >= *argc || argv[i + 1][0] == '-') {
			strbuf_adds(err, "sentry-tui open: which issue? Give a short id (BACKEND-4B), "
			                 "an issue id or an issue link: sentry-tui open BACKEND-4B\n");
			return NULL;
		}
		const char *target = argv[i + 1];
		for (int j = i; j + 2 <= *argc; j++)
			argv[j] = argv[j + 2];
		*argc -= 2;
		return target;
	}
	return NULL;
}
