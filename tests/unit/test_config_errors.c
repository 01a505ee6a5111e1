/* Every kind of configuration mistake, reported as the user sees it: "file:line:col:
 * message", all of them at once, in file order. */
#include "test_config_harness.h"

#include "config/layer.h"
#include "config/sentryclirc.h"
#include "tui/keymap.h"

#include <time.h>

/* Most tests point SENTRY_TUI_CONFIG at <tmp>/c.yml to keep the messages short. */
static enum config_result load_yaml(struct sandbox *sb, const char *yaml)
{
	sandbox_write(sb, "c.yml", 0600, yaml);
	sandbox_setenv_path(sb, "SENTRY_TUI_CONFIG", "c.yml");
	return sandbox_load(sb, NULL);
}

static void test_unknown_keys_suggest_the_close_ones(void **state)
{
	struct sandbox *sb = *state;
	assert_int_equal(load_yaml(sb,
	                           "sortt: freq\n"
	                           "refresh: 30\n"
	                           "readonly: true\n"
	                           "colour_scheme: dark\n"),
	                 CONFIG_ERROR);
	assert_errors(sb, "<tmp>/c.yml:1:1: unknown key \"sortt\" (did you mean \"sort\"?)\n"
	                  "<tmp>/c.yml:2:1: unknown key \"refresh\" (did you mean \"refresh_interval\"?)\n"
	                  "<tmp>/c.yml:3:1: unknown key \"readonly\" (did you mean \"read_only\"?)\n"
	                  "<tmp>/c.yml:4:1: unknown key \"colour_scheme\"\n");
	assert_warnings(sb, "");
}

static void test_wrong_types(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb,
	          "org: [acme, other]\n"
	          "url:\n"
	          "  host: sentry.io\n"
	          "timeout: [30]\n"
	          "read_only: {a: 1}\n"
	          "projects: {api: 1}\n"
	          "profiles: [work]\n"
	          "bindings: R\n");
	assert_errors(sb, "<tmp>/c.yml:1:6: org must be a string, not a list\n"
	                  "<tmp>/c.yml:3:3: url must be a string, not a mapping\n"
	                  "<tmp>/c.yml:4:10: timeout must be a number, not a list\n"
	                  "<tmp>/c.yml:5:12: read_only must be true or false, not a mapping\n"
	                  "<tmp>/c.yml:6:11: projects must be a project slug or a list of them, "
	                  "not a mapping\n"
	                  "<tmp>/c.yml:7:11: profiles must be a mapping of profile names to settings, "
	                  "not a list\n"
	                  "<tmp>/c.yml:8:11: bindings must be a mapping of request names to keys, "
	                  "not a string\n");
}

static void test_bad_values_list_what_is_allowed(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb,
	          "sort: popular\n"
	          "theme: dark\n"
	          "period: 2 days\n"
	          "refresh_interval: -1\n"
	          "timeout: 0\n"
	          "read_only: maybe\n"
	          "url: sentry.example.com\n"
	          "org: \"\"\n"
	          "projects: [api, \"web app\", ~]\n"
	          "query: \"a\\tb\"\n");
	assert_errors(sb, "<tmp>/c.yml:1:7: sort must be one of date, new, freq, user, trends, "
	                  "inbox, recommended (or last-seen, first-seen, events, users) "
	                  "(got \"popular\")\n"
	                  "<tmp>/c.yml:2:8: theme must be one of default, 8, 16, 256, high-contrast, mono (got \"dark\")\n"
	                  "<tmp>/c.yml:3:9: period must be a number followed by s, m, h, d or w, such "
	                  "as 24h or 14d (got \"2 days\")\n"
	                  "<tmp>/c.yml:4:19: refresh_interval must be a whole number of seconds "
	                  "from 0 to 86400 (got \"-1\")\n"
	                  "<tmp>/c.yml:5:10: timeout must be a whole number of seconds from 1 to "
	                  "86400 (got \"0\")\n"
	                  "<tmp>/c.yml:6:12: read_only must be true or false (got \"maybe\")\n"
	                  "<tmp>/c.yml:7:6: url must be a URL starting with https:// or http:// "
	                  "(got \"sentry.example.com\")\n"
	                  "<tmp>/c.yml:8:6: org must not be empty\n"
	                  "<tmp>/c.yml:9:17: projects must be a slug without spaces (got \"web app\")\n"
	                  "<tmp>/c.yml:9:28: entries of projects must be project slugs, not empty\n"
	                  "<tmp>/c.yml:10:8: query must not contain control characters "
	                  "(got \"a\\x09b\")\n");
}

static void test_duplicate_keys(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb,
	          "org: acme\n"
	          "sort: new\n"
	          "org: other\n"
	          "profiles:\n"
	          "  work:\n"
	          "    url: https://a.example/\n"
	          "    url: https://b.example/\n"
	          "  work: {}\n"
	          "bindings:\n"
	          "  resolve: R\n"
	          "  resolve: r\n");
	assert_errors(sb, "<tmp>/c.yml:3:1: duplicate key \"org\" (first given at line 1)\n"
	                  "<tmp>/c.yml:7:5: duplicate key \"url\" (first given at line 6)\n"
	                  "<tmp>/c.yml:8:3: duplicate key \"work\" (first given at line 5)\n"
	                  "<tmp>/c.yml:11:3: duplicate key \"resolve\" (first given at line 10)\n");
}

static void test_yaml_syntax_errors_use_libyaml_words(void **state)
{
	struct sandbox *sb = *state;
	assert_int_equal(load_yaml(sb, "org: acme\nsort: date: new\n"), CONFIG_ERROR);
	assert_errors(sb, "<tmp>/c.yml:2:11: mapping values are not allowed in this context\n");

	load_yaml(sb, "org: acme\nquery: \"is:unresolved\n");
	assert_errors(sb, "<tmp>/c.yml:3:1: found unexpected end of stream "
	                  "(while scanning a quoted scalar at line 2, column 8)\n");

	load_yaml(sb, "org: acme\nprojects: [api, web\n");
	assert_errors(sb, "<tmp>/c.yml:3:1: did not find expected ',' or ']' "
	                  "(while parsing a flow sequence at line 2, column 11)\n");

	/* Invalid UTF-8: libyaml gives the byte offset of the octet that does not fit (here
	 * the quote after a lone Latin-1 "é"), shown as line and column. */
	load_yaml(sb, "org: acme\nquery: \"caf\xe9\"\n");
	assert_errors(sb, "<tmp>/c.yml:2:13: invalid trailing UTF-8 octet\n");

	load_yaml(sb, "org: *undefined\n");
	assert_errors(sb, "<tmp>/c.yml:1:6: found undefined alias\n");
}

static void test_file_shape_errors(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb, "- org: acme\n");
	assert_errors(sb, "<tmp>/c.yml:1:1: the config file must be a mapping of keys to values, "
	                  "not a list\n");

	load_yaml(sb, "org: acme\n---\norg: other\n");
	assert_errors(sb, "<tmp>/c.yml:2:1: a config file holds one YAML document; remove this "
	                  "\"---\" and what follows, or merge it into the first\n");

	load_yaml(sb, "[a]: 1\n");
	assert_errors(sb, "<tmp>/c.yml:1:1: keys of the config file must be strings, not a list\n");

	/* Empty files and files of comments are fine. */
	assert_int_equal(load_yaml(sb, ""), CONFIG_OK);
	assert_int_equal(load_yaml(sb, "# nothing yet\n"), CONFIG_OK);
	assert_errors(sb, "");
}

static void test_profile_errors(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb,
	          "profiles:\n"
	          "  work:\n"
	          "    orgg: acme\n"
	          "    theme: mono\n"
	          "    nickname: w\n"
	          "    url: [https://a.example/]\n"
	          "    token: abc\n"
	          "    token_command: pass show sentry\n"
	          "  home: https://sentry.io/\n"
	          "  \"\": {}\n");
	assert_errors(sb, "<tmp>/c.yml:3:5: unknown key \"orgg\" in profiles.work (did you mean \"org\"?)\n"
	                  "<tmp>/c.yml:4:5: \"theme\" cannot be set in a profile, only at the top level\n"
	                  "<tmp>/c.yml:5:5: unknown key \"nickname\" in profiles.work\n"
	                  "<tmp>/c.yml:6:10: profiles.work.url must be a string, not a list\n"
	                  "<tmp>/c.yml:8:20: profiles.work.token_command and profiles.work.token are "
	                  "both set; keep only one\n"
	                  "<tmp>/c.yml:9:9: profiles.home must be a mapping of settings, not a string\n"
	                  "<tmp>/c.yml:10:3: profile names must not be empty\n");
}

static void test_token_and_token_command_together_at_top_level(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb, "token: abc\ntoken_command: pass show sentry\n");
	assert_errors(sb, "<tmp>/c.yml:2:16: token_command and token are both set; keep only one\n");
}

static void test_binding_errors(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb,
	          "bindings:\n"
	          "  resolve:\n"
	          "  open: []\n"
	          "  quit: [q, [Q], \"\"]\n"
	          "  help: {key: \"?\"}\n"
	          "  \"\": x\n");
	assert_errors(sb, "<tmp>/c.yml:2:11: bindings.resolve needs a key or a list of keys\n"
	                  "<tmp>/c.yml:3:9: bindings.open needs a key or a list of keys\n"
	                  "<tmp>/c.yml:4:13: entries of bindings.quit must be keys, not a list\n"
	                  "<tmp>/c.yml:4:18: entries of bindings.quit must be keys, not empty\n"
	                  "<tmp>/c.yml:5:9: bindings.help must be a key or a list of keys, not a "
	                  "mapping (a view's key commands start with !, e.g. issues: {J: "
	                  "\"!jira-create %(short_id)\"})\n"
	                  "<tmp>/c.yml:6:3: request names in bindings must not be empty\n");
}

/* Bindings are checked by the real keymap while the file is read: their mistakes come
 * with all the others, in file order, and what the user wrote is shown escaped. */
static void test_bad_bindings_are_reported_with_the_other_errors(void **state)
{
	struct sandbox *sb = *state;
	keymap_init();
	sandbox_bind = keymap_bind;
	load_yaml(sb,
	          "sort: sideways\n"
	          "bindings:\n"
	          "  resolvee: R\n"
	          "  move-down: [j, <Nope>]\n"
	          "  \"quit\\e[2J\": Q\n"
	          "theme: dark\n");
	sandbox_bind = NULL;
	assert_errors(sb, "<tmp>/c.yml:1:7: sort must be one of date, new, freq, user, trends, inbox, "
	                  "recommended (or last-seen, first-seen, events, users) (got \"sideways\")\n"
	                  "<tmp>/c.yml:3:13: unknown request 'resolvee' (see the help overlay, '?', "
	                  "for names)\n"
	                  "<tmp>/c.yml:4:18: cannot parse key '<Nope>' (write e.g. R, <C-r>, <F5>, "
	                  "<Enter>)\n"
	                  "<tmp>/c.yml:5:16: unknown request 'quit\\x1b[2J' (see the help overlay, "
	                  "'?', for names)\n"
	                  "<tmp>/c.yml:6:8: theme must be one of default, 8, 16, 256, high-contrast, mono (got \"dark\")\n");
	assert_int_equal(sb->result, CONFIG_ERROR);

	/* Good bindings take effect. */
	keymap_init();
	sandbox_bind = keymap_bind;
	load_yaml(sb, "bindings:\n  resolve: R\n");
	sandbox_bind = NULL;
	assert_errors(sb, "");
	assert_int_equal(keymap_lookup("issues", 'R'), REQ_RESOLVE);
	keymap_free();
}

static void test_unknown_profile_names_the_known_ones(void **state)
{
	struct sandbox *sb = *state;
	const char *yaml = "profile: wrok\n"
	                   "profiles:\n"
	                   "  work: {org: acme}\n"
	                   "  personal: {org: me}\n";
	assert_int_equal(load_yaml(sb, yaml), CONFIG_ERROR);
	assert_errors(sb, "<tmp>/c.yml:1:10: unknown profile \"wrok\" (known profiles: work, "
	                  "personal)\n");

	assert_int_equal(sandbox_load(sb, "--profile", "staging", NULL), CONFIG_ERROR);
	assert_errors(sb, "sentry-tui: unknown profile \"staging\" (known profiles: work, "
	                  "personal)\n");

	load_yaml(sb, "org: acme\n");
	sandbox_load(sb, "--profile", "work", NULL);
	assert_errors(sb, "sentry-tui: unknown profile \"work\": <tmp>/c.yml defines no profiles\n");

	sandbox_setenv(sb, "SENTRY_TUI_CONFIG", NULL);
	sandbox_load(sb, "--profile=work", NULL);
	assert_errors(sb, "sentry-tui: unknown profile \"work\": there is no config file (looked "
	                  "for <tmp>/home/.config/sentry-tui/config.yml)\n");
}

/* One pass reports everything, from the YAML file, .sentryclirc and the environment. */
static void test_many_errors_are_reported_together(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, "home/work/.sentryclirc", 0600, "[defaults]\nurl = ftp://x\n");
	sandbox_setenv(sb, "SENTRY_URL", "nope");
	assert_int_equal(load_yaml(sb,
	                           "sort: hot\n"
	                           "period: 14days\n"
	                           "colors: mono\n"
	                           "profiles:\n"
	                           "  work:\n"
	                           "    org: [a]\n"),
	                 CONFIG_ERROR);
	assert_errors(sb, "<tmp>/home/work/.sentryclirc:2:7: url must be a URL starting with "
	                  "https:// or http:// (got \"ftp://x\")\n"
	                  "sentry-tui: SENTRY_URL must be a URL starting with https:// or http:// "
	                  "(got \"nope\")\n"
	                  "<tmp>/c.yml:1:7: sort must be one of date, new, freq, user, trends, "
	                  "inbox, recommended (or last-seen, first-seen, events, users) "
	                  "(got \"hot\")\n"
	                  "<tmp>/c.yml:2:9: period must be a number followed by s, m, h, d or w, such "
	                  "as 24h or 14d (got \"14days\")\n"
	                  "<tmp>/c.yml:3:1: unknown key \"colors\" (did you mean \"colour\"?)\n"
	                  "<tmp>/c.yml:6:10: profiles.work.org must be a string, not a list\n");
	/* A failed load leaves nothing behind to use by mistake. */
	assert_null(sb->cfg.url);
	assert_null(sb->cfg.token);
}

static void test_error_flood_is_cut_short(void **state)
{
	struct sandbox *sb = *state;
	struct strbuf yaml = STRBUF_INIT;
	for (int i = 0; i < 60; i++)
		strbuf_addf(&yaml, "unknown_%d: 1\n", i);
	load_yaml(sb, strbuf_str(&yaml));
	strbuf_free(&yaml);
	const char *errors = strbuf_str(&sb->errors);
	size_t lines = 0;
	for (const char *p = errors; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, 51);
	assert_non_null(strstr(errors, "unknown key \"unknown_49\"\n"
	                               "sentry-tui: too many errors; only the first 50 are shown\n"));
}

static void test_sentryclirc_errors(void **state)
{
	struct sandbox *sb = *state;
	sandbox_write(sb, "home/work/app/.sentryclirc", 0600,
	              "[defaults\n"
	              "org = acme\n"
	              "  just some words\n"
	              "= value\n"
	              "[auth] token\n"
	              "[defaults]\n"
	              "url = \"https//typo.example\"\n"
	              "project = api, my app\n");
	assert_int_equal(sandbox_load(sb, NULL), CONFIG_ERROR);
	assert_errors(sb, "<tmp>/home/work/app/.sentryclirc:1:1: missing \"]\" after the section name\n"
	                  "<tmp>/home/work/app/.sentryclirc:3:3: expected \"key = value\", "
	                  "\"[section]\" or a comment\n"
	                  "<tmp>/home/work/app/.sentryclirc:4:1: missing key name before \"=\"\n"
	                  "<tmp>/home/work/app/.sentryclirc:5:8: unexpected text after the section "
	                  "name\n"
	                  "<tmp>/home/work/app/.sentryclirc:7:8: url must be a URL starting with "
	                  "https:// or http:// (got \"https//typo.example\")\n"
	                  "<tmp>/home/work/app/.sentryclirc:8:11: project must be a slug without "
	                  "spaces (got \"my app\")\n");
}

/* A deeply nested file once took libyaml seconds to load: the depth is capped first. */
static void test_deep_nesting_is_refused_quickly(void **state)
{
	struct sandbox *sb = *state;
	enum { DEPTH = 100000 };
	struct strbuf deep = STRBUF_INIT;
	strbuf_adds(&deep, "org: acme\nprojects: ");
	for (int i = 0; i < DEPTH; i++)
		strbuf_addc(&deep, '[');
	for (int i = 0; i < DEPTH; i++)
		strbuf_addc(&deep, ']');
	strbuf_addc(&deep, '\n');
	struct timespec start, end;
	clock_gettime(CLOCK_MONOTONIC, &start);
	assert_int_equal(load_yaml(sb, strbuf_str(&deep)), CONFIG_ERROR);
	clock_gettime(CLOCK_MONOTONIC, &end);
	double seconds = (double)(end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
	/* The top-level mapping is level 1, so level 65 is the 64th "[" (column 74). */
	assert_errors(sb, "<tmp>/c.yml:2:74: nesting deeper than 64\n");
	/* Generous for a loaded machine under valgrind; without the cap it takes ~20 s. */
	assert_true(seconds < 5.0);
	strbuf_free(&deep);

	/* 64 levels (the mapping and 63 lists) are still read, and reported for what they are. */
	strbuf_reset(&deep);
	strbuf_adds(&deep, "projects: ");
	for (int i = 0; i < 63; i++)
		strbuf_addc(&deep, '[');
	for (int i = 0; i < 63; i++)
		strbuf_addc(&deep, ']');
	strbuf_addc(&deep, '\n');
	load_yaml(sb, strbuf_str(&deep));
	assert_errors(sb, "<tmp>/c.yml:1:12: entries of projects must be project slugs, not a "
	                  "list\n");
	strbuf_free(&deep);
}

/* sandbox_write stops at the first NUL; these files need the bytes as given. */
static void write_bytes(struct sandbox *sb, const char *relative, const char *bytes, size_t len)
{
	sandbox_write(sb, relative, 0600, "");
	char *path = sandbox_path(sb, relative);
	int fd = open(path, O_WRONLY | O_TRUNC);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, bytes, len), (ssize_t)len);
	close(fd);
	free(path);
}

/* A NUL once cut the report at that byte: the line is reported with where the NUL is,
 * and every line after it is still read and checked. */
static void test_nul_byte_in_sentryclirc_is_reported_and_reading_goes_on(void **state)
{
	struct sandbox *sb = *state;
	static const char rc[] = "[defaults]\n"
	                         "org = ac\0me\n"
	                         "url = also-bad\n"
	                         "project = api\n";
	write_bytes(sb, "home/work/app/.sentryclirc", rc, sizeof rc - 1);
	assert_int_equal(sandbox_load(sb, NULL), CONFIG_ERROR);
	assert_errors(sb, "<tmp>/home/work/app/.sentryclirc:2:9: NUL byte in the line; the line "
	                  "is ignored\n"
	                  "<tmp>/home/work/app/.sentryclirc:3:7: url must be a URL starting with "
	                  "https:// or http:// (got \"also-bad\")\n");

	/* The column is the NUL's, even inside a value. */
	static const char rc2[] = "[auth]\ntoken = x\0y\n[defaults]\norg = acme\n";
	write_bytes(sb, "home/work/app/.sentryclirc", rc2, sizeof rc2 - 1);
	sandbox_load(sb, NULL);
	assert_errors(sb, "<tmp>/home/work/app/.sentryclirc:2:10: NUL byte in the line; the line "
	                  "is ignored\n");
}

/* The text is read up to its length and no further: a last line without "=" was once
 * searched past the end (found by fuzz_sentryclirc; a file read from disk ends in a NUL,
 * so only a text without one, as here, showed it, under ASan). */
static void test_sentryclirc_is_read_up_to_its_length(void **state)
{
	static const char rc[] = "[defaults]\norg = acme\nproject";
	char *text = malloc(sizeof rc - 1); /* exactly the text, no NUL after it */
	assert_non_null(text);
	memcpy(text, rc, sizeof rc - 1);
	struct config_layer layer = { .origin = ORIGIN_SENTRYCLIRC };
	struct strbuf errors = STRBUF_INIT, warnings = STRBUF_INIT;
	struct config_report report = { &errors, &warnings, 0 };
	assert_false(config_sentryclirc_parse("rc", text, sizeof rc - 1, &layer, &report));
	assert_string_equal(strbuf_str(&errors),
	                    "rc:3:1: expected \"key = value\", \"[section]\" or a comment\n");
	assert_string_equal(layer.text[OPT_ORG], "acme");
	config_layer_free(&layer);
	strbuf_free(&errors);
	strbuf_free(&warnings);
	free(text);
}

/* A FIFO (or device) as the config file once blocked start-up in open() or read(). */
static void test_config_that_is_not_a_regular_file_is_refused_at_once(void **state)
{
	struct sandbox *sb = *state;
	char *fifo = sandbox_path(sb, "c.fifo");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	sandbox_load(sb, "--config", fifo, NULL);
	assert_errors(sb, "<tmp>/c.fifo: not a regular file (from --config)\n");
	assert_int_equal(sb->result, CONFIG_ERROR);

	sandbox_setenv(sb, "SENTRY_TUI_CONFIG", "/dev/zero");
	sandbox_load(sb, NULL);
	assert_errors(sb, "/dev/zero: not a regular file (from SENTRY_TUI_CONFIG)\n");
	sandbox_setenv(sb, "SENTRY_TUI_CONFIG", NULL);

	/* A .sentryclirc is sentry-cli's file: skipped with a warning, as when unreadable. */
	char *rc = sandbox_path(sb, "home/work/.sentryclirc");
	assert_int_equal(mkfifo(rc, 0600), 0);
	sandbox_load(sb, NULL);
	assert_errors(sb, "");
	assert_warnings(sb, "<tmp>/home/work/.sentryclirc: warning: not a regular file; not "
	                    "read\n");
	free(rc);
	free(fifo);
}

/* Columns count characters, not bytes, as libyaml's do. */
static void test_columns_count_characters(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb, "profiles:\n  \"caf\xc3\xa9\": {theme: x}\n");
	assert_errors(sb, "<tmp>/c.yml:2:12: \"theme\" cannot be set in a profile, only at the "
	                  "top level\n");

	sandbox_setenv(sb, "SENTRY_TUI_CONFIG", NULL);
	sandbox_write(sb, "home/.sentryclirc", 0600, "[defaults]\n\xc3\xa9t\xc3\xa9 = 1\nurl = x\n");
	sandbox_load(sb, NULL);
	assert_errors(sb, "<tmp>/home/.sentryclirc:3:7: url must be a URL starting with https:// "
	                  "or http:// (got \"x\")\n");
}

/* Terminal control sequences in a bad value are shown escaped, not sent to the tty. */
static void test_values_in_messages_are_escaped(void **state)
{
	struct sandbox *sb = *state;
	load_yaml(sb, "sort: \"\\e[31mred\"\n");
	assert_errors(sb, "<tmp>/c.yml:1:7: sort must be one of date, new, freq, user, trends, "
	                  "inbox, recommended (or last-seen, first-seen, events, users) "
	                  "(got \"\\x1b[31mred\")\n");
	/* A view's name in a key command's message too (found by fuzz_config: a tab in it
	 * reached the terminal as is). */
	load_yaml(sb, "bindings:\n  \"is\\tsues\\e[2J\":\n    J: \"!echo %(title\"\n");
	assert_errors(sb, "<tmp>/c.yml:3:8: bindings.is\\x09sues\\x1b[2J.J: a %(field) is not "
	                  "closed in this key command\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		sandbox_test(test_unknown_keys_suggest_the_close_ones),
		sandbox_test(test_wrong_types),
		sandbox_test(test_bad_values_list_what_is_allowed),
		sandbox_test(test_duplicate_keys),
		sandbox_test(test_yaml_syntax_errors_use_libyaml_words),
		sandbox_test(test_file_shape_errors),
		sandbox_test(test_profile_errors),
		sandbox_test(test_token_and_token_command_together_at_top_level),
		sandbox_test(test_binding_errors),
		sandbox_test(test_bad_bindings_are_reported_with_the_other_errors),
		sandbox_test(test_unknown_profile_names_the_known_ones),
		sandbox_test(test_many_errors_are_reported_together),
		sandbox_test(test_error_flood_is_cut_short),
		sandbox_test(test_sentryclirc_errors),
		sandbox_test(test_deep_nesting_is_refused_quickly),
		sandbox_test(test_nul_byte_in_sentryclirc_is_reported_and_reading_goes_on),
		sandbox_test(test_sentryclirc_is_read_up_to_its_length),
		sandbox_test(test_config_that_is_not_a_regular_file_is_refused_at_once),
		sandbox_test(test_columns_count_characters),
		sandbox_test(test_values_in_messages_are_escaped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
