/* The auth token: token_command, the warning about files others can read, and the
 * rule that the token's value appears in no message at all. */
#include "test_config_harness.h"

#include <time.h>

#define SECRET "sntrys_SECRET_4f1a9c"

static enum config_result load_yaml(struct sandbox *sb, mode_t mode, const char *yaml)
{
	sandbox_write(sb, "c.yml", mode, yaml);
	sandbox_setenv_path(sb, "SENTRY_TUI_CONFIG", "c.yml");
	return sandbox_load(sb, NULL);
}

static void test_token_command_gives_the_first_line_trimmed(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb, 0600, "token_command: printf '  tok-123 \\r\\nsecond line\\n'\n");
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.token, "tok-123");
	assert_string_equal(sb->cfg.token_command, "printf '  tok-123 \\r\\nsecond line\\n'");
	assert_int_equal(sb->cfg.token_origin, ORIGIN_YAML);
	assert_shown(sb, &(struct strbuf){ .buf = sb->cfg.token_source },
	             "token_command at <tmp>/c.yml:1:16");
}

static void test_token_command_failure_names_command_and_status(void **state)
{
	struct sandbox *sb = *state;
	/* What it printed before failing must not be shown: it may be half a secret. The
	 * printf builds output ("not-shown") that the command's own text does not hold. */
	assert_int_equal(load_yaml(sb, 0600, "token_command: printf 'not%sshown' -; exit 3\n"),
	                 CONFIG_ERROR);
	assert_errors(sb, "<tmp>/c.yml:1:16: token_command \"printf 'not%sshown' -; exit 3\" failed "
	                  "with exit status 3\n");
	assert_secret_hidden(sb, "not-shown");
	assert_null(sb->cfg.token);

	load_yaml(sb, 0600, "profiles:\n  work:\n    token_command: exit 1\nprofile: work\n");
	assert_errors(sb, "<tmp>/c.yml:3:20: token_command \"exit 1\" failed with exit status 1\n");

	load_yaml(sb, 0600, "token_command: kill -TERM $$\n");
	assert_errors(sb, "<tmp>/c.yml:1:16: token_command \"kill -TERM $$\" was killed by "
	                  "signal 15\n");
}

static void test_token_command_without_output_is_an_error(void **state)
{
	struct sandbox *sb = *state;
	assert_int_equal(load_yaml(sb, 0600, "token_command: \"true\"\n"), CONFIG_ERROR);
	assert_errors(sb, "<tmp>/c.yml:1:16: token_command \"true\" printed no token\n");

	/* Only the first line counts, even when a token follows an empty one. */
	load_yaml(sb, 0600, "token_command: printf '\\nsecond%sline\\n' -\n");
	assert_errors(sb, "<tmp>/c.yml:1:16: token_command \"printf '\\\\nsecond%sline\\\\n' -\" "
	                  "printed no token\n");
	assert_secret_hidden(sb, "second-line");

	load_yaml(sb, 0600, "token_command: echo two words\n");
	assert_errors(sb, "<tmp>/c.yml:1:16: token_command \"echo two words\" printed a first line "
	                  "with spaces or control characters, which is not a token\n");
}

/* stdin is /dev/null: a command that reads its input sees the end at once, not the tty. */
static void test_token_command_reads_no_input(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb, 0600, "token_command: cat\n");
	assert_errors(sb, "<tmp>/c.yml:1:16: token_command \"cat\" printed no token\n");
}

/* A token from a lower source (.sentryclirc here) must not leak into the command's
 * environment or arguments. */
static void test_token_command_does_not_see_other_tokens(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, "home/.sentryclirc", 0600, "[auth]\ntoken = " SECRET "\n");
	load_yaml(sb, 0600,
	          "token_command: if env | grep -q SECRET_4f1a9c; then echo leaked; "
	          "else echo clean; fi\n");
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.token, "clean");
}

/* Gone, or a zombie nobody has reaped yet (a container's init may not): not running. */
static bool process_is_running(pid_t pid)
{
	char path[64], stat[256] = "";
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	size_t n = fread(stat, 1, sizeof stat - 1, f);
	fclose(f);
	stat[n] = '\0';
	const char *state = strrchr(stat, ')');
	return state && state[1] == ' ' && state[2] != 'Z' && state[2] != 'X';
}

/* A hanging command once blocked start-up forever: it is bounded, killed with what it
 * started, and reported at its line. */
static void test_hanging_token_command_is_killed_and_reported(void **state)
{
	struct sandbox *sb = *state;
	sandbox_setenv(sb, "SENTRY_TUI_TOKEN_COMMAND_TIMEOUT_MS", "300");
	char *pid_file = sandbox_path(sb, "sleeper.pid");
	struct strbuf yaml = STRBUF_INIT;
	strbuf_addf(&yaml, "org: acme\ntoken_command: sleep 100 & echo $! >'%s'; wait\n", pid_file);
	struct timespec start, end;
	clock_gettime(CLOCK_MONOTONIC, &start);
	assert_int_equal(load_yaml(sb, 0600, strbuf_str(&yaml)), CONFIG_ERROR);
	clock_gettime(CLOCK_MONOTONIC, &end);
	struct strbuf expected = STRBUF_INIT;
	strbuf_addf(&expected, "<tmp>/c.yml:2:16: token_command \"sleep 100 & echo $! >'%s'; "
	            "wait\" did not finish in 0.3 s\n", pid_file);
	assert_errors(sb, sandbox_text(sb, &expected));
	assert_true(end.tv_sec - start.tv_sec < 5);
	assert_null(sb->cfg.token);

	/* The background sleep was in the command's process group and died with it. */
	FILE *f = fopen(pid_file, "r");
	assert_non_null(f);
	int sleeper = 0;
	assert_int_equal(fscanf(f, "%d", &sleeper), 1);
	fclose(f);
	/* SIGKILL is delivered at once but the exit takes a moment. */
	for (int tries = 0; tries < 200 && process_is_running((pid_t)sleeper); tries++)
		nanosleep(&(struct timespec){ .tv_nsec = 10 * 1000000 }, NULL);
	assert_false(process_is_running((pid_t)sleeper));

	/* The plain case of the issue, with the default wording in whole seconds. */
	sandbox_setenv(sb, "SENTRY_TUI_TOKEN_COMMAND_TIMEOUT_MS", "1000");
	load_yaml(sb, 0600, "token_command: sleep 100\n");
	assert_errors(sb, "<tmp>/c.yml:1:16: token_command \"sleep 100\" did not finish in 1 s\n");

	/* A command that closes its output but runs on is bounded too. */
	load_yaml(sb, 0600, "token_command: echo tok; exec >&-; sleep 100\n");
	assert_errors(sb, "<tmp>/c.yml:1:16: token_command \"echo tok; exec >&-; sleep 100\" did "
	                  "not finish in 1 s\n");
	strbuf_free(&expected);
	strbuf_free(&yaml);
	free(pid_file);
}

/* Even an empty SENTRY_AUTH_TOKEN (ignored as a source) is not handed to the command. */
static void test_token_command_environment_has_no_token_variable(void **state)
{
	struct sandbox *sb = *state;
	setenv("SENTRY_AUTH_TOKEN", "", 1);
	load_yaml(sb, 0600,
	          "token_command: if env | grep -q '^SENTRY_AUTH_TOKEN='; then echo leaked; "
	          "else echo clean; fi\n");
	unsetenv("SENTRY_AUTH_TOKEN");
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.token, "clean");
}

static void test_token_command_runs_only_when_needed(void **state)
{
	struct sandbox *sb = *state;
	char *marker = sandbox_path(sb, "ran");
	struct strbuf yaml = STRBUF_INIT;
	strbuf_addf(&yaml, "token_command: touch '%s'; echo from-command\n", marker);
	free(marker);

	/* The environment's token comes first: no command, no passphrase prompt. */
	sandbox_setenv(sb, "SENTRY_AUTH_TOKEN", "env-token");
	load_yaml(sb, 0600, strbuf_str(&yaml));
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.token, "env-token");
	assert_null(sb->cfg.token_command);
	assert_false(sandbox_exists(sb, "ran"));

	/* Nor when the config is wrong anyway. */
	sandbox_setenv(sb, "SENTRY_AUTH_TOKEN", NULL);
	strbuf_adds(&yaml, "sort: sideways\n");
	assert_int_equal(load_yaml(sb, 0600, strbuf_str(&yaml)), CONFIG_ERROR);
	assert_false(sandbox_exists(sb, "ran"));

	/* Nor for --help. */
	sandbox_load(sb, "--help", NULL);
	assert_false(sandbox_exists(sb, "ran"));
	strbuf_free(&yaml);
}

/* token and token_command are one choice: the profile's token beats the top-level
 * command, and a .sentryclirc token loses to a YAML command. */
static void test_token_and_command_are_one_setting(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb, 0600,
	          "token_command: exit 1\n"
	          "profile: work\n"
	          "profiles:\n"
	          "  work:\n"
	          "    token: profile-token\n");
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.token, "profile-token");
	assert_null(sb->cfg.token_command);

	sandbox_write(sb, "home/.sentryclirc", 0600, "[auth]\ntoken = rc-token\n");
	load_yaml(sb, 0600, "token_command: echo command-token\n");
	assert_loaded_cleanly(sb);
	assert_string_equal(sb->cfg.token, "command-token");
}

static const char readable_warning[] =
	"<tmp>/c.yml: warning: this file holds an auth token and is readable by other users; "
	"run: chmod 600 <tmp>/c.yml\n";

static void test_readable_token_file_warns(void **state)
{
	struct sandbox *sb = *state;
	assert_int_equal(load_yaml(sb, 0644, "token: " SECRET "\n"), CONFIG_OK);
	assert_warnings(sb, readable_warning);
	assert_errors(sb, "");

	load_yaml(sb, 0640, "profiles:\n  work:\n    token: " SECRET "\n");
	assert_warnings(sb, readable_warning);

	load_yaml(sb, 0600, "token: " SECRET "\n");
	assert_warnings(sb, "");

	/* No token, nothing to protect; a command is not a secret. */
	load_yaml(sb, 0644, "org: acme\ntoken_command: echo from-command\n");
	assert_warnings(sb, "");
	assert_secret_hidden(sb, SECRET);
}

static void test_readable_sentryclirc_with_token_warns(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, "home/.sentryclirc", 0604, "[auth]\ntoken=" SECRET "\n");
	sandbox_write(sb, "home/work/.sentryclirc", 0644, "[defaults]\norg=acme\n");
	assert_int_equal(sandbox_load(sb, NULL), CONFIG_OK);
	assert_warnings(sb, "<tmp>/home/.sentryclirc: warning: this file holds an auth token and is "
	                    "readable by other users; run: chmod 600 <tmp>/home/.sentryclirc\n");
	assert_secret_hidden(sb, SECRET);
}

/* Every way a token can be wrong or misplaced, and not one message shows it. */
static void test_token_never_appears_in_messages(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb, 0644, "token: [" SECRET "]\n");
	assert_errors(sb, "<tmp>/c.yml:1:8: token must be a string, not a list\n");
	assert_secret_hidden(sb, SECRET);

	load_yaml(sb, 0644, "token: \"" SECRET " trailing words\"\n");
	assert_errors(sb, "<tmp>/c.yml:1:8: token must not contain spaces or control characters\n");
	assert_warnings(sb, readable_warning);
	assert_secret_hidden(sb, SECRET);

	load_yaml(sb, 0600, "tokne: " SECRET "\n");
	assert_errors(sb, "<tmp>/c.yml:1:1: unknown key \"tokne\" (did you mean \"token\"?)\n");
	assert_secret_hidden(sb, SECRET);

	load_yaml(sb, 0600, "profiles:\n  work:\n    token: {value: " SECRET "}\n");
	assert_errors(sb, "<tmp>/c.yml:3:12: profiles.work.token must be a string, not a mapping\n");
	assert_secret_hidden(sb, SECRET);

	sandbox_setenv(sb, "SENTRY_TUI_CONFIG", NULL);
	sandbox_setenv(sb, "SENTRY_AUTH_TOKEN", SECRET "\n");
	sandbox_load(sb, NULL);
	assert_errors(sb, "sentry-tui: SENTRY_AUTH_TOKEN must not contain spaces or control "
	                  "characters\n");
	assert_secret_hidden(sb, SECRET);
	sandbox_setenv(sb, "SENTRY_AUTH_TOKEN", NULL);

	/* A .sentryclirc line that is only the token: not echoed back. */
	sandbox_write(sb, "home/.sentryclirc", 0600, "[auth]\n" SECRET "\n");
	sandbox_load(sb, NULL);
	assert_errors(sb, "<tmp>/home/.sentryclirc:2:1: expected \"key = value\", \"[section]\" or "
	                  "a comment\n");
	assert_secret_hidden(sb, SECRET);
	sandbox_write(sb, "home/.sentryclirc", 0600, "[auth]\ntoken = \"" SECRET "\" x\n");
	sandbox_load(sb, NULL);
	assert_errors(sb, "<tmp>/home/.sentryclirc:2:9: token must not contain spaces or control "
	                  "characters\n");
	assert_secret_hidden(sb, SECRET);
	sandbox_write(sb, "home/.sentryclirc", 0600, "");
}

/* A token typed on the command line is refused without being echoed, and so is
 * whatever follows it. */
static void test_token_flag_is_refused_without_echo(void **state)
{
	struct sandbox *sb = *state;
	assert_int_equal(sandbox_load(sb, "--token=" SECRET, NULL), CONFIG_ERROR);
	assert_errors(sb, "sentry-tui: unknown option \"--token\": a token on the command line is "
	                  "visible to other users (ps); set SENTRY_AUTH_TOKEN or use the config file\n");
	assert_secret_hidden(sb, SECRET);

	sandbox_load(sb, "--auth-tokn", SECRET, NULL);
	assert_errors(sb, "sentry-tui: unknown option \"--auth-tokn\"; see sentry-tui --help\n");
	assert_secret_hidden(sb, SECRET);
}

static void test_no_token_help_says_how_to_give_one(void **state)
{
	const char *help = config_no_token_help();
	static const char *const needed[] = {
		"no Sentry auth token found",
		"export SENTRY_AUTH_TOKEN=<token>",
		"[auth]\n        token = <token>\n",
		"~/.config/sentry-tui/config.yml",
		"token: <token>",
		"token_command: pass show sentry",
		"run: make demo\n",
	};
	for (size_t i = 0; i < sizeof needed / sizeof *needed; i++)
		if (!strstr(help, needed[i]))
			fail_msg("config_no_token_help() lacks \"%s\"", needed[i]);
	assert_int_equal(help[strlen(help) - 1], '\n');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		sandbox_test(test_token_command_gives_the_first_line_trimmed),
		sandbox_test(test_token_command_failure_names_command_and_status),
		sandbox_test(test_token_command_without_output_is_an_error),
		sandbox_test(test_token_command_reads_no_input),
		sandbox_test(test_token_command_does_not_see_other_tokens),
		sandbox_test(test_hanging_token_command_is_killed_and_reported),
		sandbox_test(test_token_command_environment_has_no_token_variable),
		sandbox_test(test_token_command_runs_only_when_needed),
		sandbox_test(test_token_and_command_are_one_setting),
		sandbox_test(test_readable_token_file_warns),
		sandbox_test(test_readable_sentryclirc_with_token_warns),
		sandbox_test(test_token_never_appears_in_messages),
		sandbox_test(test_token_flag_is_refused_without_echo),
		cmocka_unit_test(test_no_token_help_says_how_to_give_one),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
