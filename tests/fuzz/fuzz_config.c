/* libFuzzer target for the YAML config as a whole: the text is parsed by itself
 * (config_yaml_parse) and then loaded the way the program loads it, as the file named by
 * --config (a memfd, so no disk is touched), with the real keymap checking `bindings:`.
 * Besides crashes and leaks it aborts when a promise breaks:
 *   - every error and warning is one line "WHERE: message" (WHERE the file's
 *     "path:line:col", the path alone, or "sentry-tui"), with no control byte in it;
 *   - no token reaches a message: neither the one the environment gives nor any
 *     `token:` value the file itself holds;
 *   - a load that succeeds has a URL and checked values (sort, period, refresh);
 *   - token_command is never run (a token from the environment outranks it).
 * Built by `make fuzz-bins` (see the Makefile); seeds in tests/fuzz/seeds/config. */
#define _GNU_SOURCE /* memfd_create */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "config/config.h"
#include "tests/fuzz/fuzz_check.h"
#include "config/filters.h"
#include "config/yaml.h"
#include "tui/keymap.h"
#include "util/strbuf.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ENV_TOKEN "sntrys_fuzzEnvironmentToken0123456789"
#define FAKE_PATH "/fuzz/config.yml"

static int config_fd = -1;
static char config_path[64];
static char empty_dir[64];
static bool keymap_dirty;

static const char *fake_getenv(const char *name)
{
	if (strcmp(name, "SENTRY_AUTH_TOKEN") == 0)
		return ENV_TOKEN;
	if (strcmp(name, "SENTRY_TUI_CONFIG") == 0)
		return config_path;
	if (strcmp(name, "HOME") == 0 || strcmp(name, "XDG_CONFIG_HOME") == 0)
		return empty_dir;
	return NULL;
}

static bool bind(const char *request, const char *key_spec, struct strbuf *err)
{
	keymap_dirty = true;
	return keymap_bind(request, key_spec, err);
}

static bool bind_hook(const char *scope, const char *key_spec, const char *command,
                      struct strbuf *err)
{
	keymap_dirty = true;
	return keymap_bind_hook(scope, key_spec, command, err);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	config_fd = memfd_create("sentry-tui-fuzz-config", 0);
	if (config_fd < 0)
		abort();
	snprintf(config_path, sizeof config_path, "/proc/self/fd/%d", config_fd);
	/* cwd and HOME: a folder without .sentryclirc, so only the input is read. */
	strcpy(empty_dir, "/tmp/sentry-tui-fuzz-home.XXXXXX");
	if (!mkdtemp(empty_dir))
		abort();
	keymap_init();
	return 0;
}

/* Each line "WHERE: text", WHERE one of the allowed prefixes; no control byte. */
static void check_messages(const char *text, const char *path)
{
	size_t plen = strlen(path);
	const char *line = text;
	while (*line) {
		const char *nl = strchr(line, '\n');
		FUZZ_REQUIRE(nl); /* every message ends its line */
		FUZZ_REQUIRE((strncmp(line, path, plen) == 0 && line[plen] == ':') ||
		             strncmp(line, "sentry-tui: ", 12) == 0);
		for (const char *p = line; p < nl; p++)
			FUZZ_REQUIRE((unsigned char)*p >= 0x20 && *p != 0x7f);
		line = nl + 1;
	}
}

/* The input being checked, for check_no_secret. */
static const char *input;
static size_t input_len;

/* Whether needle occurs more than once in the input. */
static bool repeated_in_input(const char *needle)
{
	size_t n = strlen(needle);
	const char *first = memmem(input, input_len, needle, n);
	return first && memmem(first + 1, input_len - (size_t)(first + 1 - input), needle, n);
}

static void check_no_secret(const char *text, const char *secret)
{
	/* Short values could be in any message by chance ("a"), and a value the file also
	 * writes elsewhere (as its org, say) is quoted there: only a real-looking token
	 * written once must never show. */
	if (!secret || strlen(secret) < 8 || repeated_in_input(secret))
		return;
	FUZZ_REQUIRE(!strstr(text, secret));
}

static void parse_alone(const char *text, size_t size)
{
	struct config_yaml yaml = { 0 };
	struct strbuf errors = STRBUF_INIT, warnings = STRBUF_INIT;
	struct config_report report = { &errors, &warnings, 0 };
	config_yaml_parse(FAKE_PATH, text, size, &yaml, &report);
	check_messages(strbuf_str(&errors), FAKE_PATH);
	check_messages(strbuf_str(&warnings), FAKE_PATH);
	const char *secret = yaml.top.text[OPT_TOKEN];
	check_no_secret(strbuf_str(&errors), secret);
	check_no_secret(strbuf_str(&warnings), secret);
	for (size_t i = 0; i < yaml.nprofiles; i++) {
		FUZZ_REQUIRE(yaml.profiles[i].name);
		check_no_secret(strbuf_str(&errors), yaml.profiles[i].layer.text[OPT_TOKEN]);
		check_no_secret(strbuf_str(&warnings), yaml.profiles[i].layer.text[OPT_TOKEN]);
	}
	strbuf_free(&errors);
	strbuf_free(&warnings);
	config_yaml_free(&yaml);
}

static void load_as_program(const uint8_t *data, size_t size)
{
	FUZZ_REQUIRE(ftruncate(config_fd, 0) == 0 && pwrite(config_fd, data, size, 0) == (ssize_t)size);
	char *argv[] = { "sentry-tui", NULL };
	const struct config_env env = {
		.getenv = fake_getenv, .cwd = empty_dir, .bind = bind, .bind_hook = bind_hook,
	};
	struct config cfg;
	struct strbuf out = STRBUF_INIT, errors = STRBUF_INIT, warnings = STRBUF_INIT;
	enum config_result r = config_load(&cfg, 1, argv, &env, &out, &errors, &warnings);
	check_messages(strbuf_str(&errors), config_path);
	check_messages(strbuf_str(&warnings), config_path);
	if (!memmem(data, size, ENV_TOKEN, strlen(ENV_TOKEN))) {
		check_no_secret(strbuf_str(&errors), ENV_TOKEN);
		check_no_secret(strbuf_str(&warnings), ENV_TOKEN);
	}
	if (r == CONFIG_OK) {
		/* The environment's token wins, and no command ran. */
		FUZZ_REQUIRE(cfg.url && cfg.token && strcmp(cfg.token, ENV_TOKEN) == 0);
		FUZZ_REQUIRE(!cfg.token_command);
		FUZZ_REQUIRE(cfg.sort && config_sort_lookup(cfg.sort));
		FUZZ_REQUIRE(cfg.period && config_period_valid(cfg.period));
		FUZZ_REQUIRE(cfg.refresh_interval == 0 || cfg.refresh_interval >= 5);
		FUZZ_REQUIRE(cfg.crash_free_warn >= 0 && cfg.crash_free_warn <= 100);
		FUZZ_REQUIRE(cfg.crash_free_bad >= 0 && cfg.crash_free_bad <= 100);
		FUZZ_REQUIRE(!errors.len); /* a load with errors is not OK */
	} else if (r == CONFIG_ERROR) {
		FUZZ_REQUIRE(errors.len); /* a failure always says why */
	}
	strbuf_free(&out);
	strbuf_free(&errors);
	strbuf_free(&warnings);
	config_free(&cfg);
	if (keymap_dirty) { /* the next input starts from the built-in keys */
		keymap_free();
		keymap_init();
		keymap_dirty = false;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The file is read whole and NUL-terminated by the program; the same here. */
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	input = text;
	input_len = size;
	parse_alone(text, size);
	load_as_program(data, size);
	free(text);
	return 0;
}
