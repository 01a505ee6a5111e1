/* config_load: gathers every source into layers, stacks them in precedence order
 * (defaults < .sentryclirc < YAML < environment < flags) and fills struct config. */
#include "config/config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/args.h"
#include "config/environment.h"
#include "config/files.h"
#include "config/filters.h"
#include "config/layer.h"
#include "config/options.h"
#include "config/report.h"
#include "config/sentryclirc.h"
#include "config/token.h"
#include "config/yaml.h"
#include "util/xalloc.h"

#ifndef SENTRY_TUI_VERSION
#define SENTRY_TUI_VERSION "0.0.0-dev"
#endif

/* Below this, automatic refreshes would hammer the server for little gain. */
#define MIN_REFRESH_INTERVAL 5

struct load {
	struct config *cfg;
	const struct config_env *env;
	struct config_report report;
	struct config_layer defaults, sentryclirc, yaml_layer, environment, flags, merged;
	struct config_yaml yaml;
	enum config_yaml_status yaml_status;
	char *yaml_path;
	const char *yaml_given_by;
	char *cwd;
};

static char *current_directory(const struct config_env *env)
{
	if (env && env->cwd)
		return xstrdup(env->cwd);
	for (size_t size = 256; size <= 65536; size *= 2) {
		char *buf = xmalloc(size);
		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE)
			break;
	}
	return NULL;  /* a removed cwd: only ~/.sentryclirc is read */
}

/* --config, else $SENTRY_TUI_CONFIG, else the XDG location. */
static void find_yaml(struct load *ld)
{
	if (ld->flags.text[OPT_CONFIG]) {
		ld->yaml_path = xstrdup(ld->flags.text[OPT_CONFIG]);
		ld->yaml_given_by = config_options[OPT_CONFIG].flag;
		return;
	}
	if (ld->environment.text[OPT_CONFIG]) {
		ld->yaml_path = xstrdup(ld->environment.text[OPT_CONFIG]);
		ld->yaml_given_by = config_options[OPT_CONFIG].env;
		return;
	}
	/* The XDG spec says a relative XDG_CONFIG_HOME is to be ignored. */
	const char *xdg = config_env_get_nonempty(ld->env, "XDG_CONFIG_HOME");
	const char *home = config_env_get_nonempty(ld->env, "HOME");
	char *base = NULL;
	if (xdg && xdg[0] == '/')
		base = xstrdup(xdg);
	else if (home)
		base = config_path_join(home, ".config");
	if (base) {
		ld->yaml_path = config_path_join(base, "sentry-tui/config.yml");
		free(base);
	}
}

static void read_yaml(struct load *ld)
{
	ld->yaml_status = CONFIG_YAML_MISSING;
	ld->yaml.bind = ld->env ? ld->env->bind : NULL;
	ld->yaml.bind_hook = ld->env ? ld->env->bind_hook : NULL;
	if (ld->yaml_path)
		ld->yaml_status = config_yaml_read(ld->yaml_path, ld->yaml_given_by, &ld->yaml,
		                                   &ld->report);
}

static void unknown_profile(struct load *ld, const char *name, const char *where)
{
	char quoted[CONFIG_QUOTE_SIZE];
	const char *shown = config_quote(name, quoted, sizeof quoted);
	if (ld->yaml_status == CONFIG_YAML_UNREADABLE)
		return;  /* already reported; the profile may well be in that file */
	if (ld->yaml_status == CONFIG_YAML_MISSING) {
		if (ld->yaml_path)
			config_error(&ld->report, where, "unknown profile \"%s\": there is no config file "
			             "(looked for %s)", shown, ld->yaml_path);
		else
			config_error(&ld->report, where, "unknown profile \"%s\": there is no config file "
			             "(HOME is not set)", shown);
		return;
	}
	if (ld->yaml.nprofiles == 0) {
		config_error(&ld->report, where, "unknown profile \"%s\": %s defines no profiles",
		             shown, ld->yaml_path);
		return;
	}
	struct strbuf known = STRBUF_INIT;
	for (size_t i = 0; i < ld->yaml.nprofiles; i++) {
		char quoted_known[CONFIG_QUOTE_SIZE];
		strbuf_addf(&known, "%s%s", i ? ", " : "",
		            config_quote(ld->yaml.profiles[i].name, quoted_known, sizeof quoted_known));
	}
	config_error(&ld->report, where, "unknown profile \"%s\" (known profiles: %s)", shown,
	             strbuf_str(&known));
	strbuf_free(&known);
}

/* The YAML layer: the top level, with the chosen profile over it. */
static void choose_profile(struct load *ld)
{
	ld->yaml_layer.origin = ORIGIN_YAML;
	config_layer_overlay(&ld->yaml_layer, &ld->yaml.top);

	/* --profile, then SENTRY_TUI_PROFILE, then the file's own profile: key. */
	const char *name = ld->env ? ld->env->profile : NULL;
	const char *where = CONFIG_PROGRAM;
	if (!name)
		name = ld->flags.text[OPT_PROFILE];
	if (!name)
		name = ld->environment.text[OPT_PROFILE];
	if (!name) {
		name = ld->yaml.top.text[OPT_PROFILE];
		where = ld->yaml.top.where[OPT_PROFILE];
	}
	if (!name)
		return;
	const struct config_profile *profile = config_yaml_profile(&ld->yaml, name);
	if (!profile) {
		unknown_profile(ld, name, where);
		return;
	}
	config_layer_overlay(&ld->yaml_layer, &profile->layer);
	ld->cfg->profile = xstrdup(name);
}

static void set_defaults(struct config_layer *defaults)
{
	defaults->origin = ORIGIN_DEFAULT;
	for (size_t i = 0; i < OPT_COUNT; i++)
		if (config_options[i].default_text)
			config_layer_set(defaults, (enum config_option_id)i,
			                 xstrdup(config_options[i].default_text), "default");
}

static char *take(struct config_layer *layer, enum config_option_id id)
{
	char *text = layer->text[id];
	layer->text[id] = NULL;
	return text;
}

/* Values in the merged layer were checked when read, so they convert without fail. */
static int seconds(const struct config_layer *layer, enum config_option_id id)
{
	return layer->text[id] ? atoi(layer->text[id]) : 0;
}

/* "~/x" in a YAML path means what it means in a shell. */
static char *expand_home(char *path, const char *home)
{
	if (!path || !home || strncmp(path, "~/", 2) != 0)
		return path;
	char *expanded = config_path_join(home, path + 2);
	free(path);
	return expanded;
}

static void fill_config(struct load *ld)
{
	struct config *cfg = ld->cfg;
	struct config_layer *m = &ld->merged;

	cfg->url = take(m, OPT_URL);
	cfg->org = take(m, OPT_ORG);
	cfg->projects = m->projects;
	cfg->nprojects = m->nprojects;
	m->projects = NULL;
	m->nprojects = 0;
	cfg->query = take(m, OPT_QUERY);
	cfg->sort = take(m, OPT_SORT);
	cfg->period = take(m, OPT_PERIOD);
	cfg->environment = take(m, OPT_ENVIRONMENT);
	if (cfg->environment && config_environment_means_all(cfg->environment)) {
		free(cfg->environment);
		cfg->environment = NULL;
	}
	cfg->timeout = seconds(m, OPT_TIMEOUT);
	cfg->refresh_interval = seconds(m, OPT_REFRESH_INTERVAL);
	if (cfg->refresh_interval > 0 && cfg->refresh_interval < MIN_REFRESH_INTERVAL) {
		config_warning(&ld->report, m->where[OPT_REFRESH_INTERVAL],
		               "refresh_interval %d is below the minimum; using %d seconds",
		               cfg->refresh_interval, MIN_REFRESH_INTERVAL);
		cfg->refresh_interval = MIN_REFRESH_INTERVAL;
	}
	cfg->ca_bundle = expand_home(take(m, OPT_CA_BUNDLE), config_env_get_nonempty(ld->env, "HOME"));
	config_parse_bool(m->text[OPT_READ_ONLY], &cfg->read_only);
	config_parse_bool(m->text[OPT_ALLOW_TRIAGE], &cfg->allow_triage);
	cfg->bell = take(m, OPT_BELL);
	if (m->text[OPT_WATCH]) {
		/* A bare --watch refreshes at refresh_interval, or every minute. */
		cfg->watch = seconds(m, OPT_WATCH);
		if (!cfg->watch)
			cfg->watch = cfg->refresh_interval ? cfg->refresh_interval : 60;
		cfg->refresh_interval = cfg->watch;
		if (!cfg->allow_triage)
			cfg->read_only = true;
	}
	cfg->theme = take(m, OPT_THEME);
	cfg->server_kind = take(m, OPT_SERVER_KIND);
	config_parse_bool(m->text[OPT_MOUSE], &cfg->mouse);
	cfg->clipboard = take(m, OPT_CLIPBOARD);
	cfg->clipboard_command = take(m, OPT_CLIPBOARD_COMMAND);
	cfg->hyperlinks = take(m, OPT_HYPERLINKS);
	cfg->colour = take(m, OPT_COLOUR);
	config_parse_bool(m->text[OPT_CONFIRM_MUTATIONS], &cfg->confirm_mutations);
	cfg->nprofile_names = ld->yaml.nprofiles;
	cfg->profile_names = xcalloc(ld->yaml.nprofiles + 1, sizeof *cfg->profile_names);
	for (size_t i = 0; i < ld->yaml.nprofiles; i++)
		cfg->profile_names[i] = xstrdup(ld->yaml.profiles[i].name);
	cfg->crash_free_warn = 99;
	cfg->crash_free_bad = 97;
	if (m->text[OPT_CRASH_FREE_WARN])
		config_parse_percent(m->text[OPT_CRASH_FREE_WARN], &cfg->crash_free_warn);
	if (m->text[OPT_CRASH_FREE_BAD])
		config_parse_percent(m->text[OPT_CRASH_FREE_BAD], &cfg->crash_free_bad);
	if (cfg->crash_free_bad > cfg->crash_free_warn) {
		/* Both always have a value (the defaults'): name the one the user gave. */
		config_warning(&ld->report, m->where[m->from[OPT_CRASH_FREE_BAD] != ORIGIN_DEFAULT
		                                             ? OPT_CRASH_FREE_BAD
		                                             : OPT_CRASH_FREE_WARN],
		               "crash_free_bad %g is above crash_free_warn %g; using %g for both",
		               cfg->crash_free_bad, cfg->crash_free_warn, cfg->crash_free_warn);
		cfg->crash_free_bad = cfg->crash_free_warn;
	}
	/* no-color.org: present and not empty means no colour. */
	const char *no_color = config_env_get(ld->env, "NO_COLOR");
	if (no_color && *no_color) {
		free(cfg->theme);
		cfg->theme = xstrdup("mono");
	}
	cfg->bindings = ld->yaml.bindings;
	cfg->nbindings = ld->yaml.nbindings;
	ld->yaml.bindings = NULL;
	ld->yaml.nbindings = 0;
	if (ld->yaml_status == CONFIG_YAML_READ)
		cfg->config_path = xstrdup(ld->yaml_path);
	cfg->url_origin = m->from[OPT_URL];
	cfg->org_origin = m->from[OPT_ORG];
}

/* The token as given, or what token_command prints; run only when nothing above the
 * command gave a token and nothing else is wrong (no passphrase prompt for nothing). */
static void resolve_token(struct load *ld)
{
	struct config *cfg = ld->cfg;
	struct config_layer *m = &ld->merged;
	if (m->text[OPT_TOKEN]) {
		cfg->token = take(m, OPT_TOKEN);
		cfg->token_source = xstrdup_or_null(m->token_source);
		cfg->token_origin = m->from[OPT_TOKEN];
		return;
	}
	if (!m->text[OPT_TOKEN_COMMAND] || ld->report.nerrors)
		return;
	if (ld->env && ld->env->no_token_command) {
		cfg->token_command = take(m, OPT_TOKEN_COMMAND); /* named, not run */
		return;
	}
	const char *where = m->where[OPT_TOKEN_COMMAND];
	int timeout_ms = CONFIG_TOKEN_COMMAND_TIMEOUT_MS;
	/* Tests shorten the wait, as SENTRY_TUI_BACKOFF_MS shortens retries. */
	const char *test_timeout = config_env_get_nonempty(ld->env,
	                                                   "SENTRY_TUI_TOKEN_COMMAND_TIMEOUT_MS");
	if (test_timeout && atoi(test_timeout) > 0)
		timeout_ms = atoi(test_timeout);
	cfg->token = config_token_from_command(m->text[OPT_TOKEN_COMMAND], where, timeout_ms,
	                                       &ld->report);
	if (!cfg->token)
		return;
	cfg->token_command = take(m, OPT_TOKEN_COMMAND);
	struct strbuf source = STRBUF_INIT;
	strbuf_addf(&source, "token_command at %s", where);
	cfg->token_source = strbuf_detach(&source);
	cfg->token_origin = m->from[OPT_TOKEN_COMMAND];
}

static void free_load(struct load *ld)
{
	config_layer_free(&ld->defaults);
	config_layer_free(&ld->sentryclirc);
	config_layer_free(&ld->yaml_layer);
	config_layer_free(&ld->environment);
	config_layer_free(&ld->flags);
	config_layer_free(&ld->merged);
	config_yaml_free(&ld->yaml);
	free(ld->yaml_path);
	free(ld->cwd);
}

enum config_result config_load(struct config *cfg, int argc, char **argv,
                               const struct config_env *env, struct strbuf *out,
                               struct strbuf *errors, struct strbuf *warnings)
{
	struct load ld = {
		.cfg = cfg,
		.env = env,
		.report = { .errors = errors, .warnings = warnings },
		.sentryclirc = { .origin = ORIGIN_SENTRYCLIRC },
		.environment = { .origin = ORIGIN_ENV },
		.flags = { .origin = ORIGIN_FLAG },
		.merged = { .origin = ORIGIN_DEFAULT },
	};
	*cfg = (struct config){ 0 };

	config_args_parse(argc, argv, &ld.flags, &ld.report);
	if (ld.report.nerrors) {
		free_load(&ld);
		return CONFIG_ERROR;
	}
	if (ld.flags.text[OPT_HELP] || ld.flags.text[OPT_VERSION]) {
		if (ld.flags.text[OPT_HELP])
			config_options_help(out);
		else
			strbuf_adds(out, "sentry-tui " SENTRY_TUI_VERSION "\n");
		free_load(&ld);
		return CONFIG_EXIT_OK;
	}

	set_defaults(&ld.defaults);
	ld.cwd = current_directory(env);
	const char *home = config_env_get_nonempty(env, "HOME");
	config_sentryclirc_read(ld.cwd, home, &ld.sentryclirc, &ld.report);
	config_environment_read(env, &ld.environment, &ld.report);
	find_yaml(&ld);
	read_yaml(&ld);
	choose_profile(&ld);

	config_layer_overlay(&ld.merged, &ld.defaults);
	config_layer_overlay(&ld.merged, &ld.sentryclirc);
	config_layer_overlay(&ld.merged, &ld.yaml_layer);
	config_layer_overlay(&ld.merged, &ld.environment);
	config_layer_overlay(&ld.merged, &ld.flags);
	fill_config(&ld);
	resolve_token(&ld);

	enum config_result result = ld.report.nerrors ? CONFIG_ERROR : CONFIG_OK;
	free_load(&ld);
	if (result == CONFIG_ERROR)
		config_free(cfg);
	return result;
}

const char *config_missing_server(const struct config *cfg)
{
	if (!cfg->org || !*cfg->org)
		return "sentry-tui: no organization given: use --org ORG, SENTRY_ORG, "
		       "'org' in .sentryclirc [defaults] or in the config file\n";
	if (!cfg->token || !*cfg->token)
		return config_no_token_help();
	return NULL;
}

const char *config_no_token_help(void)
{
	return "sentry-tui: no Sentry auth token found. Give one in any of these ways:\n"
	       "  - the environment:  export SENTRY_AUTH_TOKEN=<token>\n"
	       "  - a .sentryclirc in this directory, a parent, or your home directory\n"
	       "    (as sentry-cli writes it):\n"
	       "        [auth]\n"
	       "        token = <token>\n"
	       "  - the config file ($SENTRY_TUI_CONFIG, else $XDG_CONFIG_HOME/sentry-tui/config.yml,\n"
	       "    else ~/.config/sentry-tui/config.yml), with chmod 600 on it:\n"
	       "        token: <token>\n"
	       "    or, to keep the token in a password manager:\n"
	       "        token_command: pass show sentry\n"
	       "Create a token under User Settings > Personal Tokens (on sentry.io:\n"
	       "https://sentry.io/settings/account/api/auth-tokens/) with the scopes org:read,\n"
	       "project:read and event:read, plus event:write to resolve, assign and archive.\n"
	       "To try sentry-tui without a Sentry account, run: make demo\n";
}

void config_free(struct config *cfg)
{
	free(cfg->url);
	free(cfg->org);
	for (size_t i = 0; i < cfg->nprojects; i++)
		free(cfg->projects[i]);
	free(cfg->projects);
	config_secret_free(cfg->token);
	free(cfg->token_command);
	free(cfg->token_source);
	free(cfg->query);
	free(cfg->sort);
	free(cfg->period);
	free(cfg->environment);
	free(cfg->ca_bundle);
	free(cfg->theme);
	free(cfg->bell);
	free(cfg->server_kind);
	free(cfg->clipboard);
	free(cfg->clipboard_command);
	free(cfg->hyperlinks);
	for (size_t i = 0; i < cfg->nbindings; i++) {
		free(cfg->bindings[i].request);
		free(cfg->bindings[i].keys);
		free(cfg->bindings[i].where);
	}
	free(cfg->bindings);
	free(cfg->profile);
	free(cfg->colour);
	for (size_t i = 0; i < cfg->nprofile_names; i++)
		free(cfg->profile_names[i]);
	free(cfg->profile_names);
	free(cfg->config_path);
	*cfg = (struct config){ 0 };
}
