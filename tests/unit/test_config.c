/* Configuration sources and their precedence, flags, --help/--version and the example
 * file, through the real config_load on temporary files. Errors: test_config_errors.c;
 * the token: test_config_token.c. */
#include "test_config_harness.h"

#include "config/filters.h"
#include "tui/keymap.h"

#define YAML_PATH "home/.config/sentry-tui/config.yml"

static void test_defaults_when_nothing_is_configured(void **state)
{
	struct sandbox *sb = *state;
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	const struct config *cfg = &sb->cfg;
	assert_string_equal(cfg->url, "https://sentry.io/");
	assert_null(cfg->org);
	assert_int_equal(cfg->nprojects, 0);
	assert_null(cfg->token);
	assert_null(cfg->token_source);
	assert_string_equal(cfg->query, "is:unresolved");
	assert_string_equal(cfg->sort, "date");
	assert_string_equal(cfg->period, "14d");
	assert_null(cfg->environment);
	assert_int_equal(cfg->refresh_interval, 0);
	assert_int_equal(cfg->timeout, 30);
	assert_null(cfg->ca_bundle);
	assert_false(cfg->read_only);
	assert_string_equal(cfg->theme, "default");
	assert_int_equal(cfg->nbindings, 0);
	assert_null(cfg->profile);
	assert_null(cfg->config_path);
	assert_int_equal(cfg->url_origin, ORIGIN_DEFAULT);
	assert_int_equal(cfg->org_origin, ORIGIN_DEFAULT);
}

/* Each step adds the next source up and checks that it now wins. */
static void test_url_precedence(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, "home/work/.sentryclirc", 0600, "[defaults]\nurl = https://rc.example/\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.url, "https://rc.example/");
	assert_int_equal(sb->cfg.url_origin, ORIGIN_SENTRYCLIRC);

	sandbox_write(sb, YAML_PATH, 0600, "url: https://yaml.example/\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.url, "https://yaml.example/");
	assert_int_equal(sb->cfg.url_origin, ORIGIN_YAML);

	sandbox_setenv(sb, "SENTRY_URL", "https://env.example/");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.url, "https://env.example/");
	assert_int_equal(sb->cfg.url_origin, ORIGIN_ENV);

	sandbox_load(sb, "--url", "https://flag.example/", NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.url, "https://flag.example/");
	assert_int_equal(sb->cfg.url_origin, ORIGIN_FLAG);
}

static void test_org_precedence(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, "home/work/.sentryclirc", 0600, "[defaults]\norg = rc-org\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.org, "rc-org");
	assert_int_equal(sb->cfg.org_origin, ORIGIN_SENTRYCLIRC);

	sandbox_write(sb, YAML_PATH, 0600, "org: yaml-org\n");
	sandbox_load(sb, NULL);
	assert_string_equal(sb->cfg.org, "yaml-org");
	assert_int_equal(sb->cfg.org_origin, ORIGIN_YAML);

	sandbox_setenv(sb, "SENTRY_ORG", "env-org");
	sandbox_load(sb, NULL);
	assert_string_equal(sb->cfg.org, "env-org");
	assert_int_equal(sb->cfg.org_origin, ORIGIN_ENV);

	sandbox_load(sb, "--org", "flag-org", NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.org, "flag-org");
	assert_int_equal(sb->cfg.org_origin, ORIGIN_FLAG);
}

static void assert_projects(const struct config *cfg, size_t n, const char *const *expected)
{
	assert_int_equal(cfg->nprojects, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(cfg->projects[i], expected[i]);
}

static void test_project_precedence(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, "home/work/.sentryclirc", 0600, "[defaults]\nproject = rc-project\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_projects(&sb->cfg, 1, (const char *const[]){ "rc-project" });

	sandbox_write(sb, YAML_PATH, 0600, "projects: [yaml-a, yaml-b]\n");
	sandbox_load(sb, NULL);
	assert_projects(&sb->cfg, 2, (const char *const[]){ "yaml-a", "yaml-b" });

	sandbox_setenv(sb, "SENTRY_PROJECT", "env-a, env-b,env-c");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_projects(&sb->cfg, 3, (const char *const[]){ "env-a", "env-b", "env-c" });

	sandbox_load(sb, "--project", "flag-a", NULL);
	assert_loaded_cleanly(sb);
	assert_projects(&sb->cfg, 1, (const char *const[]){ "flag-a" });
}

/* "projects: []" is a choice (every project), not an absence: it hides .sentryclirc's. */
static void test_empty_project_list_in_yaml_means_all_projects(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, "home/work/.sentryclirc", 0600, "[defaults]\nproject = rc-project\n");
	sandbox_write(sb, YAML_PATH, 0600, "projects: []\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_int_equal(sb->cfg.nprojects, 0);
}

static void test_token_precedence(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, "home/work/.sentryclirc", 0600, "[auth]\ntoken = rc-token\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.token, "rc-token");
	assert_int_equal(sb->cfg.token_origin, ORIGIN_SENTRYCLIRC);
	assert_shown(sb, &(struct strbuf){ .buf = sb->cfg.token_source },
	             "<tmp>/home/work/.sentryclirc");

	sandbox_write(sb, YAML_PATH, 0600, "token: yaml-token\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.token, "yaml-token");
	assert_int_equal(sb->cfg.token_origin, ORIGIN_YAML);
	assert_shown(sb, &(struct strbuf){ .buf = sb->cfg.token_source },
	             "<tmp>/home/.config/sentry-tui/config.yml");

	sandbox_setenv(sb, "SENTRY_AUTH_TOKEN", "env-token");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.token, "env-token");
	assert_int_equal(sb->cfg.token_origin, ORIGIN_ENV);
	assert_string_equal(sb->cfg.token_source, "SENTRY_AUTH_TOKEN");
}

/* An empty variable is treated as unset, as sentry-cli does. */
static void test_empty_environment_variables_are_ignored(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, YAML_PATH, 0600, "org: yaml-org\ntoken: yaml-token\n");
	sandbox_setenv(sb, "SENTRY_ORG", "");
	sandbox_setenv(sb, "SENTRY_AUTH_TOKEN", "");
	sandbox_setenv(sb, "SENTRY_PROJECT", " , ");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.org, "yaml-org");
	assert_string_equal(sb->cfg.token, "yaml-token");
	assert_int_equal(sb->cfg.nprojects, 0);
}

static void test_nearest_sentryclirc_wins_for_each_key(void **state)
{
	struct sandbox *sb = *state;
	/* Two levels above the working directory, and one level above. */
	sandbox_write(sb, "home/work/.sentryclirc", 0600,
	              "[defaults]\norg = far-org\nproject = far-project\n");
	sandbox_write(sb, "home/work/app/.sentryclirc", 0600, "[defaults]\norg = near-org\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.org, "near-org");
	assert_projects(&sb->cfg, 1, (const char *const[]){ "far-project" });
}

static void test_home_sentryclirc_is_the_fallback(void **state)
{
	struct sandbox *sb = *state;
	/* A home outside the working directory's ancestors, as when working in /srv. */
	sandbox_setenv_path(sb, "HOME", "elsewhere");
	sandbox_write(sb, "elsewhere/.sentryclirc", 0600,
	              "; written by sentry-cli login\n"
	              "[auth]\n"
	              "token=home-token\n"
	              "[defaults]\n"
	              "url=https://home.example/\n"
	              "org=home-org\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.token, "home-token");
	assert_string_equal(sb->cfg.org, "home-org");
	assert_string_equal(sb->cfg.url, "https://home.example/");
	assert_shown(sb, &(struct strbuf){ .buf = sb->cfg.token_source },
	             "<tmp>/elsewhere/.sentryclirc");

	/* A project's file beats home's for what it sets, and home's fills the rest. */
	sandbox_write(sb, "home/work/app/src/.sentryclirc", 0600, "[defaults]\norg = project-org\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.org, "project-org");
	assert_string_equal(sb->cfg.token, "home-token");
}

/* sentry-cli's own keys and sections are not ours to judge; quotes and ":" are INI. */
static void test_sentryclirc_ignores_sentry_cli_settings(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, "home/.sentryclirc", 0600,
	              "\xEF\xBB\xBF# sentry-cli settings\n"
	              "[http]\n"
	              "proxy_url = http://proxy:3128\n"
	              "verify_ssl = false\n"
	              "[defaults]\n"
	              "  org : \"quoted-org\"  \n"
	              "project = api, web\n"
	              "[auth]\n"
	              "dsn = https://key@o1.ingest.sentry.io/1\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.org, "quoted-org");
	assert_projects(&sb->cfg, 2, (const char *const[]){ "api", "web" });
	assert_string_equal(sb->cfg.url, "https://sentry.io/");
	assert_null(sb->cfg.token);
}

static void test_project_flag_repeats_and_takes_commas(void **state)
{
	struct sandbox *sb = *state;
	sandbox_load(sb, "--project", "api", "--project=web", "--project", "jobs,cron", NULL);
	assert_loaded_cleanly(sb);
	assert_projects(&sb->cfg, 4, (const char *const[]){ "api", "web", "jobs", "cron" });
	assert_int_equal(sb->cfg.url_origin, ORIGIN_DEFAULT);
}

static void test_flags_take_equals_or_next_argument(void **state)
{
	struct sandbox *sb = *state;
	sandbox_load(sb, "--url=https://a.example/", "--org", "acme", "--query=is:unresolved level:error",
	             "--read-only", NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.url, "https://a.example/");
	assert_string_equal(sb->cfg.org, "acme");
	assert_string_equal(sb->cfg.query, "is:unresolved level:error");
	assert_true(sb->cfg.read_only);

	/* An empty query is a real choice: every issue. The last of a repeated flag wins. */
	sandbox_load(sb, "--query=", "--org", "one", "--org=two", NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.query, "");
	assert_string_equal(sb->cfg.org, "two");
}

static void test_every_yaml_setting_is_read(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, YAML_PATH, 0600,
	              "url: https://sentry.example.com/prefix\n"
	              "org: acme\n"
	              "projects: backend\n"
	              "query: \"is:unresolved is:for_review\"\n"
	              "sort: freq\n"
	              "period: 24h\n"
	              "environment: production\n"
	              "refresh_interval: 60\n"
	              "timeout: 10\n"
	              "ca_bundle: ~/certs/ca.pem\n"
	              "read_only: yes\n"
	              "theme: mono\n"
	              "bindings:\n"
	              "  resolve: R\n"
	              "  open: [o, \"<Enter>\"]\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	const struct config *cfg = &sb->cfg;
	assert_string_equal(cfg->url, "https://sentry.example.com/prefix");
	assert_string_equal(cfg->org, "acme");
	assert_projects(cfg, 1, (const char *const[]){ "backend" });
	assert_string_equal(cfg->query, "is:unresolved is:for_review");
	assert_string_equal(cfg->sort, "freq");
	assert_string_equal(cfg->period, "24h");
	assert_string_equal(cfg->environment, "production");
	assert_int_equal(cfg->refresh_interval, 60);
	assert_int_equal(cfg->timeout, 10);
	assert_shown(sb, &(struct strbuf){ .buf = cfg->ca_bundle }, "<tmp>/home/certs/ca.pem");
	assert_true(cfg->read_only);
	assert_string_equal(cfg->theme, "mono");
	assert_shown(sb, &(struct strbuf){ .buf = cfg->config_path },
	             "<tmp>/home/.config/sentry-tui/config.yml");

	assert_int_equal(cfg->nbindings, 3);
	assert_string_equal(cfg->bindings[0].request, "resolve");
	assert_string_equal(cfg->bindings[0].keys, "R");
	assert_shown(sb, &(struct strbuf){ .buf = cfg->bindings[0].where },
	             "<tmp>/home/.config/sentry-tui/config.yml:14:12");
	assert_string_equal(cfg->bindings[1].request, "open");
	assert_string_equal(cfg->bindings[1].keys, "o");
	assert_shown(sb, &(struct strbuf){ .buf = cfg->bindings[1].where },
	             "<tmp>/home/.config/sentry-tui/config.yml:15:10");
	assert_string_equal(cfg->bindings[2].request, "open");
	assert_string_equal(cfg->bindings[2].keys, "<Enter>");
	assert_shown(sb, &(struct strbuf){ .buf = cfg->bindings[2].where },
	             "<tmp>/home/.config/sentry-tui/config.yml:15:13");
}

/* "key:" with nothing after it leaves the setting as the sources below have it. */
static void test_empty_yaml_values_leave_settings_alone(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, "home/.sentryclirc", 0600, "[defaults]\norg = rc-org\n");
	sandbox_write(sb, YAML_PATH, 0600, "org:\nsort: ~\nprofiles:\nbindings: null\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.org, "rc-org");
	assert_string_equal(sb->cfg.sort, "date");
}

static void test_short_refresh_interval_is_raised_with_a_warning(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, YAML_PATH, 0600, "refresh_interval: 2\n");
	assert_int_equal(sandbox_load(sb, NULL), CONFIG_OK);
	assert_errors(sb, "");
	assert_warnings(sb, "<tmp>/home/.config/sentry-tui/config.yml:1:19: warning: "
	                    "refresh_interval 2 is below the minimum; using 5 seconds\n");
	assert_int_equal(sb->cfg.refresh_interval, 5);
}

/* Release health thresholds: defaults, decimals, bad values with file:line, and a bad
 * threshold above the warning one. */
static void test_crash_free_thresholds(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, YAML_PATH, 0600, "org: acme\n");
	assert_int_equal(sandbox_load(sb, NULL), CONFIG_OK);
	assert_true(sb->cfg.crash_free_warn == 99 && sb->cfg.crash_free_bad == 97);
	config_free(&sb->cfg);
	memset(&sb->cfg, 0, sizeof(sb->cfg));
	sandbox_write(sb, YAML_PATH, 0600, "crash_free_warn: 99.5\ncrash_free_bad: 98.25\n");
	assert_int_equal(sandbox_load(sb, NULL), CONFIG_OK);
	assert_true(sb->cfg.crash_free_warn == 99.5 && sb->cfg.crash_free_bad == 98.25);
	config_free(&sb->cfg);
	memset(&sb->cfg, 0, sizeof(sb->cfg));
	sandbox_write(sb, YAML_PATH, 0600, "crash_free_warn: 101\ncrash_free_bad: 9x\n");
	assert_int_not_equal(sandbox_load(sb, NULL), CONFIG_OK);
	assert_errors(sb, "<tmp>/home/.config/sentry-tui/config.yml:1:18: crash_free_warn must be a "
	                  "percentage from 0 to 100, such as 99.5 (got \"101\")\n"
	                  "<tmp>/home/.config/sentry-tui/config.yml:2:17: crash_free_bad must be a "
	                  "percentage from 0 to 100, such as 99.5 (got \"9x\")\n");
	config_free(&sb->cfg);
	memset(&sb->cfg, 0, sizeof(sb->cfg));
	/* Only the warning threshold given, below the default bad one: the warning names
	 * the line the user wrote (found by fuzz_config: it said "default:"). */
	sandbox_write(sb, YAML_PATH, 0600, "crash_free_warn: 49\n");
	assert_int_equal(sandbox_load(sb, NULL), CONFIG_OK);
	assert_true(sb->cfg.crash_free_warn == 49 && sb->cfg.crash_free_bad == 49);
	assert_warnings(sb, "<tmp>/home/.config/sentry-tui/config.yml:1:18: warning: crash_free_bad "
	                    "97 is above crash_free_warn 49; using 49 for both\n");
}

static const char profiles_yaml[] =
	"url: https://top.example/\n"
	"org: top-org\n"
	"projects: [top-project]\n"
	"profile: work\n"
	"profiles:\n"
	"  work:\n"
	"    org: work-org\n"
	"    token: work-token\n"
	"  self-hosted:\n"
	"    url: https://sentry.internal/\n"
	"    org: ops\n"
	"    projects: [infra, db]\n"
	"    ca_bundle: /etc/ssl/internal.pem\n";

static void test_profile_from_file_overrides_top_level(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, YAML_PATH, 0600, profiles_yaml);
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.profile, "work");
	assert_string_equal(sb->cfg.org, "work-org");
	assert_string_equal(sb->cfg.url, "https://top.example/");  /* not in the profile */
	assert_projects(&sb->cfg, 1, (const char *const[]){ "top-project" });
	assert_string_equal(sb->cfg.token, "work-token");
	assert_shown(sb, &(struct strbuf){ .buf = sb->cfg.token_source },
	             "<tmp>/home/.config/sentry-tui/config.yml (profile work)");
}

/* SENTRY_TUI_PROFILE picks a profile over the file's choice; --profile beats both. */
static void test_profile_from_the_environment(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, YAML_PATH, 0600, profiles_yaml);
	sandbox_setenv(sb, "SENTRY_TUI_PROFILE", "self-hosted");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.profile, "self-hosted");
	assert_string_equal(sb->cfg.org, "ops");
	sandbox_load(sb, "--profile", "work", NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.profile, "work");
}

static void test_profile_flag_overrides_the_file_choice(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, YAML_PATH, 0600, profiles_yaml);
	sandbox_load(sb, "--profile", "self-hosted", NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.profile, "self-hosted");
	assert_string_equal(sb->cfg.url, "https://sentry.internal/");
	assert_string_equal(sb->cfg.org, "ops");
	assert_projects(&sb->cfg, 2, (const char *const[]){ "infra", "db" });
	assert_string_equal(sb->cfg.ca_bundle, "/etc/ssl/internal.pem");
	assert_null(sb->cfg.token);

	/* Flags and the environment still beat the profile. */
	sandbox_setenv(sb, "SENTRY_ORG", "env-org");
	sandbox_load(sb, "--profile=self-hosted", "--url", "https://flag.example/", NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.org, "env-org");
	assert_string_equal(sb->cfg.url, "https://flag.example/");
}

static void test_without_a_profile_only_the_top_level_applies(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, YAML_PATH, 0600,
	              "org: top-org\nprofiles:\n  work:\n    org: work-org\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_null(sb->cfg.profile);
	assert_string_equal(sb->cfg.org, "top-org");
}

static void test_config_file_locations(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, YAML_PATH, 0600, "org: default-location\n");
	sandbox_write(sb, "xdg/sentry-tui/config.yml", 0600, "org: xdg\n");
	sandbox_write(sb, "custom.yml", 0600, "org: custom\n");
	sandbox_write(sb, "flag.yml", 0600, "org: flag\n");

	sandbox_load(sb, NULL);
	assert_string_equal(sb->cfg.org, "default-location");

	/* A relative XDG_CONFIG_HOME is ignored, as the XDG spec asks. */
	sandbox_setenv(sb, "XDG_CONFIG_HOME", "xdg");
	sandbox_load(sb, NULL);
	assert_string_equal(sb->cfg.org, "default-location");

	sandbox_setenv_path(sb, "XDG_CONFIG_HOME", "xdg");
	sandbox_load(sb, NULL);
	assert_string_equal(sb->cfg.org, "xdg");

	sandbox_setenv_path(sb, "SENTRY_TUI_CONFIG", "custom.yml");
	sandbox_load(sb, NULL);
	assert_string_equal(sb->cfg.org, "custom");
	assert_shown(sb, &(struct strbuf){ .buf = sb->cfg.config_path }, "<tmp>/custom.yml");

	char *flag_path = sandbox_path(sb, "flag.yml");
	sandbox_load(sb, "--config", flag_path, NULL);
	free(flag_path);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.org, "flag");
}

static void test_missing_default_config_is_fine_but_a_named_one_is_not(void **state)
{
	struct sandbox *sb = *state;
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);

	sandbox_setenv_path(sb, "SENTRY_TUI_CONFIG", "nowhere.yml");
	assert_int_equal(sandbox_load(sb, NULL), CONFIG_ERROR);
	assert_errors(sb, "sentry-tui: cannot read config file <tmp>/nowhere.yml "
	                  "(from SENTRY_TUI_CONFIG): No such file or directory\n");

	char *path = sandbox_path(sb, "missing.yml");
	assert_int_equal(sandbox_load(sb, "--config", path, NULL), CONFIG_ERROR);
	free(path);
	assert_errors(sb, "sentry-tui: cannot read config file <tmp>/missing.yml "
	                  "(from --config): No such file or directory\n");
}

static void test_no_color_forces_mono(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, YAML_PATH, 0600, "theme: default\n");
	sandbox_setenv(sb, "NO_COLOR", "1");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.theme, "mono");

	sandbox_setenv(sb, "NO_COLOR", "");  /* no-color.org: empty is as if unset */
	sandbox_load(sb, NULL);
	assert_string_equal(sb->cfg.theme, "default");

	sandbox_write(sb, YAML_PATH, 0600, "theme: high-contrast\n");
	sandbox_setenv(sb, "NO_COLOR", "yes");
	sandbox_load(sb, NULL);
	assert_string_equal(sb->cfg.theme, "mono");

	sandbox_setenv(sb, "NO_COLOR", NULL);
	sandbox_load(sb, NULL);
	assert_string_equal(sb->cfg.theme, "high-contrast");
}

static void test_every_theme_name_loads(void **state)
{
	struct sandbox *sb = *state;
	static const char *const names[] = { "default", "8", "16", "256", "high-contrast", "mono" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		struct strbuf yaml = STRBUF_INIT;
		strbuf_addf(&yaml, "theme: %s\n", names[i]);
		sandbox_write(sb, YAML_PATH, 0600, strbuf_str(&yaml));
		strbuf_free(&yaml);
		sandbox_load(sb, NULL);
		assert_loaded_cleanly(sb);
		assert_string_equal(sb->cfg.theme, names[i]);
	}
}

static void test_help_lists_flags_environment_and_files(void **state)
{
	struct sandbox *sb = *state;
	/* --help must work even when the config is broken. */
	sandbox_write(sb, YAML_PATH, 0600, "sort: [\n");
	assert_int_equal(sandbox_load(sb, "--help", NULL), CONFIG_EXIT_OK);
	assert_errors(sb, "");
	const char *help = strbuf_str(&sb->out);
	assert_ptr_equal(strstr(help, "Usage: sentry-tui [OPTION]...\n"
	                              "       sentry-tui open ISSUE [OPTION]...\n"), help);
	static const char *const lines[] = {
		"\n  --url URL                   Sentry server URL (default: https://sentry.io/)\n",
		"\n  --org ORG                   organization slug\n",
		"\n  --project SLUG              projects to show (default: all); repeat for more\n"
		"                              than one\n",
		"\n  --profile NAME              which entry of profiles to use\n",
		"\n  --query QUERY               issue search (default: is:unresolved)\n",
		"\n  --read-only                 hide every action that changes data on the server\n",
		"\n  --config FILE               YAML config file\n",
		"\n  -h, --help                  show this help and exit\n",
		"\n  --version                   show the version and exit\n",
		"\n  SENTRY_URL                  Sentry server URL\n",
		"\n  SENTRY_AUTH_TOKEN           auth token\n",
		"\n  SENTRY_ORG                  organization slug\n",
		"\n  SENTRY_PROJECT              projects to show (default: all), comma-separated\n",
		"\n  SENTRY_TUI_CONFIG           YAML config file\n",
		"\n  NO_COLOR                    set to any non-empty value for the mono theme\n",
		"\n  --sort SORT                 issue order (default: date)\n",
		"\n  --period PERIOD             stats period: a number and s, m, h, d or w\n",
		"\n  --environment ENV           environment to show (default: all)\n",
		"\n  sort: date|new|freq|user|trends|inbox|recommended\n"
		"                              issue order (default: date)\n",
		"\n  token_command: STRING       shell command that prints the token (e.g. pass\n",
		"$XDG_CONFIG_HOME/sentry-tui/config.yml (~/.config/sentry-tui/config.yml\n",
		"then ~/.sentryclirc: [defaults] url, org, project\n",
	};
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		if (!strstr(help, lines[i]))
			fail_msg("--help lacks:\n%s\nin:\n%s", lines[i], help);
	/* Every line fits an 80-column terminal. */
	for (const char *line = help; *line;) {
		size_t len = strcspn(line, "\n");
		assert_true(len < 80);
		line += len + (line[len] == '\n');
	}
	char *long_help = xstrdup(help);
	assert_int_equal(sandbox_load(sb, "-h", NULL), CONFIG_EXIT_OK);
	assert_string_equal(strbuf_str(&sb->out), long_help);
	free(long_help);
}

static void test_version(void **state)
{
	struct sandbox *sb = *state;
	assert_int_equal(sandbox_load(sb, "--version", NULL), CONFIG_EXIT_OK);
	assert_string_equal(strbuf_str(&sb->out), "sentry-tui " SENTRY_TUI_VERSION "\n");
	assert_errors(sb, "");
}

static void test_unknown_flag_is_named_with_a_pointer_to_help(void **state)
{
	struct sandbox *sb = *state;
	assert_int_equal(sandbox_load(sb, "--bogus", NULL), CONFIG_ERROR);
	assert_errors(sb, "sentry-tui: unknown option \"--bogus\"; see sentry-tui --help\n");

	sandbox_load(sb, "--projcet=api", NULL);
	assert_errors(sb, "sentry-tui: unknown option \"--projcet\" (did you mean \"--project\"?); "
	                  "see sentry-tui --help\n");

	sandbox_load(sb, "-x", NULL);
	assert_errors(sb, "sentry-tui: unknown option \"-x\"; see sentry-tui --help\n");
}

static void test_flag_mistakes(void **state)
{
	struct sandbox *sb = *state;
	assert_int_equal(sandbox_load(sb, "--org", NULL), CONFIG_ERROR);
	assert_errors(sb, "sentry-tui: --org needs a value (--org ORG)\n");

	sandbox_load(sb, "--read-only=yes", "acme", "--url", "sentry.io", "--project=", NULL);
	assert_errors(sb, "sentry-tui: --read-only takes no value\n"
	                  "sentry-tui: unexpected argument \"acme\"; sentry-tui takes options, or "
	                  "open ISSUE (see sentry-tui --help)\n"
	                  "sentry-tui: --url must be a URL starting with https:// or http:// "
	                  "(got \"sentry.io\")\n"
	                  "sentry-tui: --project must not be empty\n");
}

static void test_environment_values_are_checked(void **state)
{
	struct sandbox *sb = *state;
	sandbox_setenv(sb, "SENTRY_URL", "localhost:9000");
	sandbox_setenv(sb, "SENTRY_ORG", "my org");
	assert_int_equal(sandbox_load(sb, NULL), CONFIG_ERROR);
	assert_errors(sb, "sentry-tui: SENTRY_URL must be a URL starting with https:// or http:// "
	                  "(got \"localhost:9000\")\n"
	                  "sentry-tui: SENTRY_ORG must be a slug without spaces (got \"my org\")\n");
}

/* The names of config/filters.h, in the config file and in the flags alike (the :
 * commands are checked against the same names by tests/screen/filter-names.sh). */
static void expect_sort(struct sandbox *sb, const char *typed, const char *want)
{
	struct strbuf yaml = STRBUF_INIT;
	strbuf_addf(&yaml, "sort: \"%s\"\n", typed);
	sandbox_write(sb, YAML_PATH, 0600, strbuf_str(&yaml));
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.sort, want);
	sandbox_write(sb, YAML_PATH, 0600, "");
	sandbox_load(sb, "--sort", typed, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.sort, want);
	strbuf_free(&yaml);
}

static void expect_period(struct sandbox *sb, const char *period, bool valid)
{
	struct strbuf yaml = STRBUF_INIT;
	strbuf_addf(&yaml, "period: \"%s\"\n", period);
	sandbox_write(sb, YAML_PATH, 0600, strbuf_str(&yaml));
	assert_int_equal(sandbox_load(sb, NULL), valid ? CONFIG_OK : CONFIG_ERROR);
	sandbox_write(sb, YAML_PATH, 0600, "");
	assert_int_equal(sandbox_load(sb, "--period", period, NULL), valid ? CONFIG_OK : CONFIG_ERROR);
	if (valid)
		assert_string_equal(sb->cfg.period, period);
	assert_int_equal(config_period_valid(period), valid);
	strbuf_free(&yaml);
}

static void test_filter_names_are_the_same_in_the_file_and_the_flags(void **state)
{
	struct sandbox *sb = *state;
	size_t n = 0;
	for (const struct config_sort *sort = config_sorts; sort->name; sort++, n++) {
		expect_sort(sb, sort->name, sort->name);
		assert_string_equal(config_sort_lookup(sort->name), sort->name);
		if (!sort->label)
			continue;
		expect_sort(sb, sort->label, sort->name);
		struct strbuf dashed = STRBUF_INIT;
		for (const char *p = sort->label; *p; p++)
			strbuf_addc(&dashed, *p == ' ' ? '-' : *p);
		expect_sort(sb, strbuf_str(&dashed), sort->name);
		strbuf_free(&dashed);
	}
	/* Every sort the issues endpoint documents. */
	assert_int_equal(n, 7);
	sandbox_load(sb, "--sort", "popular", NULL);
	assert_errors(sb, "sentry-tui: --sort must be one of date, new, freq, user, trends, inbox, "
	                  "recommended (or last-seen, first-seen, events, users) (got \"popular\")\n");

	static const char *const good[] = { "30s", "45m", "1h", "24h", "14d", "2w", "999999d" };
	static const char *const bad[] = { "0h", "014d", "24", "h", "1y", "1234567d", "24 h", "-1d" };
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		expect_period(sb, good[i], true);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		expect_period(sb, bad[i], false);

	/* "all" is every environment, as `:env all` and the end of the `e` cycle. */
	sandbox_write(sb, YAML_PATH, 0600, "environment: all\n");
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_null(sb->cfg.environment);
	sandbox_load(sb, "--environment", "production", NULL);
	assert_string_equal(sb->cfg.environment, "production");
	sandbox_load(sb, "--environment", "all", NULL);
	assert_null(sb->cfg.environment);
}

/* The example must stay in step with the option table: it must name every key, load as
 * shipped, and load with every setting uncommented. */
static char *read_example(void)
{
	const char *candidates[] = { "sentry-tui.yml.example", NULL };
	/* Tests run from the repository root; otherwise find it beside this source file. */
	struct strbuf beside = STRBUF_INIT;
	const char *here = __FILE__, *tests = strstr(here, "tests/unit/");
	if (tests) {
		strbuf_add(&beside, here, (size_t)(tests - here));
		strbuf_adds(&beside, "sentry-tui.yml.example");
		candidates[1] = strbuf_str(&beside);
	}
	char *text = NULL;
	for (size_t i = 0; i < 2 && !text && candidates[i]; i++) {
		FILE *f = fopen(candidates[i], "r");
		if (!f)
			continue;
		struct strbuf sb = STRBUF_INIT;
		char chunk[4096];
		for (size_t n; (n = fread(chunk, 1, sizeof chunk, f)) > 0;)
			strbuf_add(&sb, chunk, n);
		fclose(f);
		text = strbuf_detach(&sb);
	}
	strbuf_free(&beside);
	if (!text)
		fail_msg("cannot find sentry-tui.yml.example (run from the repository root)");
	return text;
}

/* "#key: value" and "#  nested: value" are settings; "# text" is prose. */
static bool is_setting_line(const char *line, size_t len)
{
	return line[0] == '#' && len > 1 &&
	       ((line[1] != ' ' && line[1] != '#') || (len > 2 && line[1] == ' ' && line[2] == ' '));
}

/* The example with the settings of one example uncommented: the only'th run of
 * consecutive setting lines (one example, such as the whole "#profiles:" block), or
 * every run when only is SIZE_MAX. Returns NULL when there is no such run. */
static char *uncomment_example(const char *example, size_t only)
{
	struct strbuf out = STRBUF_INIT;
	size_t run = 0;
	bool in_run = false, found = only == SIZE_MAX;
	for (const char *line = example; *line;) {
		size_t len = strcspn(line, "\n");
		bool setting = is_setting_line(line, len);
		if (in_run && !setting)
			run++;
		in_run = setting;
		if (setting && (only == SIZE_MAX || only == run)) {
			strbuf_add(&out, line + 1, len - 1);
			found = true;
		} else {
			strbuf_add(&out, line, len);
		}
		strbuf_addc(&out, '\n');
		line += len + (line[len] == '\n');
	}
	if (!found) {
		strbuf_free(&out);
		return NULL;
	}
	return strbuf_detach(&out);
}

static char *uncomment_settings(const char *example)
{
	return uncomment_example(example, SIZE_MAX);
}

/* Every example on its own, uncommented, loads without a word, its bindings checked
 * by the real keymap: a user who takes one example takes only that one. */
static void test_each_example_loads_on_its_own(void **state)
{
	struct sandbox *sb = *state;
	char *example = read_example();
	/* A token from the environment keeps token_command (a password manager) from running. */
	sandbox_setenv(sb, "SENTRY_AUTH_TOKEN", "env-token");
	keymap_init();
	sandbox_bind = keymap_bind;
	size_t n = 0;
	for (char *live; (live = uncomment_example(example, n)); n++) {
		sandbox_write(sb, YAML_PATH, 0600, live);
		sandbox_load(sb, NULL);
		if (sb->result != CONFIG_OK || sb->errors.len || sb->warnings.len)
			fail_msg("example %zu of sentry-tui.yml.example does not load on its own:\n%s%s", n,
			         strbuf_str(&sb->errors), strbuf_str(&sb->warnings));
		free(live);
	}
	sandbox_bind = NULL;
	keymap_free();
	assert_true(n >= 15);  /* url, org, ..., bindings: one per commented block */
	free(example);
}

static void test_example_file_documents_every_key_and_loads(void **state)
{
	struct sandbox *sb = *state;
	char *example = read_example();
	static const char *const keys[] = {
		"url", "org", "projects", "token", "token_command", "ca_bundle", "profile", "profiles",
		"query", "sort", "period", "environment", "refresh_interval", "timeout", "read_only",
		"theme", "hyperlinks", "bindings",
	};
	char *live = uncomment_settings(example);
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		struct strbuf top = STRBUF_INIT, nested = STRBUF_INIT;
		strbuf_addf(&top, "\n%s:", keys[i]);
		strbuf_addf(&nested, "  %s:", keys[i]);
		if (!strstr(live, strbuf_str(&top)) && !strstr(live, strbuf_str(&nested)))
			fail_msg("sentry-tui.yml.example has no commented-out example of %s", keys[i]);
		strbuf_free(&top);
		strbuf_free(&nested);
	}

	/* As shipped, everything is commented out. */
	sandbox_write(sb, YAML_PATH, 0600, example);
	sandbox_load(sb, NULL);
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.url, "https://sentry.io/");

	/* Uncommented, every example value is valid. The env token keeps token_command
	 * (a password manager) from running. */
	sandbox_write(sb, YAML_PATH, 0600, live);
	sandbox_setenv(sb, "SENTRY_AUTH_TOKEN", "env-token");
	keymap_init();
	sandbox_bind = keymap_bind;
	sandbox_load(sb, NULL);
	sandbox_bind = NULL;
	keymap_free();
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.profile, "work");
	assert_string_equal(sb->cfg.org, "acme");
	assert_string_equal(sb->cfg.sort, "date");
	assert_string_equal(sb->cfg.period, "14d");
	assert_int_equal(sb->cfg.timeout, 30);
	assert_true(sb->cfg.nbindings >= 3);
	free(live);
	free(example);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		sandbox_test(test_defaults_when_nothing_is_configured),
		sandbox_test(test_url_precedence),
		sandbox_test(test_org_precedence),
		sandbox_test(test_project_precedence),
		sandbox_test(test_empty_project_list_in_yaml_means_all_projects),
		sandbox_test(test_token_precedence),
		sandbox_test(test_empty_environment_variables_are_ignored),
		sandbox_test(test_nearest_sentryclirc_wins_for_each_key),
		sandbox_test(test_home_sentryclirc_is_the_fallback),
		sandbox_test(test_sentryclirc_ignores_sentry_cli_settings),
		sandbox_test(test_project_flag_repeats_and_takes_commas),
		sandbox_test(test_flags_take_equals_or_next_argument),
		sandbox_test(test_every_yaml_setting_is_read),
		sandbox_test(test_empty_yaml_values_leave_settings_alone),
		sandbox_test(test_short_refresh_interval_is_raised_with_a_warning),
		sandbox_test(test_crash_free_thresholds),
		sandbox_test(test_profile_from_the_environment),
		sandbox_test(test_profile_from_file_overrides_top_level),
		sandbox_test(test_profile_flag_overrides_the_file_choice),
		sandbox_test(test_without_a_profile_only_the_top_level_applies),
		sandbox_test(test_config_file_locations),
		sandbox_test(test_missing_default_config_is_fine_but_a_named_one_is_not),
		sandbox_test(test_no_color_forces_mono),
		sandbox_test(test_every_theme_name_loads),
		sandbox_test(test_help_lists_flags_environment_and_files),
		sandbox_test(test_version),
		sandbox_test(test_unknown_flag_is_named_with_a_pointer_to_help),
		sandbox_test(test_flag_mistakes),
		sandbox_test(test_environment_values_are_checked),
		sandbox_test(test_filter_names_are_the_same_in_the_file_and_the_flags),
		sandbox_test(test_example_file_documents_every_key_and_loads),
		sandbox_test(test_each_example_loads_on_its_own),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
