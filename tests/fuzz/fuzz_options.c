/* libFuzzer target for the option parsers: every setting's value check
 * (config_option_check: periods, sorts, seconds, percentages, booleans, URLs, slugs,
 * the token), `:archive`'s durations and "100/1h" thresholds, ISO-8601 times, the
 * command-line flags of the TUI and of `list`/`status` (the input split at NUL bytes
 * into argv). Besides crashes, leaks and overflows (UBSan) it aborts when a promise
 * breaks:
 *   - a value that passes its check comes back in normal form, and the normal form
 *     passes the same check unchanged (what the config keeps is what it would accept);
 *   - a checked period, sort, number of seconds or percentage means what the kind says;
 *   - a refusal says why, at the place given, and never quotes the token;
 *   - a duration is positive and a threshold's window at most a week;
 *   - a parsed time prints back (UTC, whole seconds) to a text that parses to it.
 * Built by `make fuzz-bins` (see the Makefile). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/options.h"
#include "config/args.h"
#include "config/filters.h"
#include "config/layer.h"
#include "config/options.h"
#include "tests/fuzz/fuzz_check.h"
#include "util/strbuf.h"
#include "util/timeutil.h"
#include "util/xalloc.h"
#include "views/triage_actions.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define WHERE "c.yml:1:1"

static void check_option(const struct config_option *opt, const char *value)
{
	struct strbuf errors = STRBUF_INIT;
	struct config_report report = { &errors, NULL, 0 };
	char *normal = config_option_check(opt, value, "setting", WHERE, &report);
	if (!normal) {
		FUZZ_REQUIRE(strncmp(strbuf_str(&errors), WHERE ": ", strlen(WHERE) + 2) == 0);
		if (opt->kind == KIND_SECRET) {
			/* Not "the value is not in the message": a secret such as "in s" is a
			 * piece of "must not contain spaces". The message must not depend on the
			 * secret at all: the same as for a stand-in that fails the same way. */
			struct strbuf stand_in_errors = STRBUF_INIT;
			struct config_report stand_in = { &stand_in_errors, NULL, 0 };
			FUZZ_REQUIRE(!config_option_check(opt, *value ? " " : "", "setting", WHERE,
			                                  &stand_in));
			FUZZ_REQUIRE(strcmp(strbuf_str(&errors), strbuf_str(&stand_in_errors)) == 0);
			strbuf_free(&stand_in_errors);
		}
		strbuf_free(&errors);
		return;
	}
	FUZZ_REQUIRE(!errors.len);
	char *again = config_option_check(opt, normal, "setting", WHERE, &report);
	FUZZ_REQUIRE(again && strcmp(again, normal) == 0);
	double percent;
	switch (opt->kind) {
	case KIND_PERIOD:
		FUZZ_REQUIRE(config_period_valid(normal));
		break;
	case KIND_SORT:
		FUZZ_REQUIRE(config_sort_lookup(normal) &&
		             strcmp(config_sort_lookup(normal), normal) == 0);
		break;
	case KIND_SECONDS:
		FUZZ_REQUIRE(atol(normal) >= opt->min && atol(normal) <= opt->max);
		break;
	case KIND_PERCENT:
		FUZZ_REQUIRE(config_parse_percent(normal, &percent) && percent >= 0 &&
		             percent <= 100);
		break;
	case KIND_BOOL:
		FUZZ_REQUIRE(strcmp(normal, "true") == 0 || strcmp(normal, "false") == 0);
		break;
	default:
		break;
	}
	free(normal);
	free(again);
	strbuf_free(&errors);
}

static void check_archive(const char *text)
{
	long minutes = parse_minutes(text);
	FUZZ_REQUIRE(minutes == -1 || minutes > 0);
	long count, window;
	if (parse_count_window(text, &count, &window))
		FUZZ_REQUIRE(count > 0 && window >= 0 && window <= 10080);
}

static void check_time(const char *text)
{
	time_t t;
	if (!time_parse_iso8601(text, &t))
		return;
	struct tm tm;
	if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 < 1000 || tm.tm_year + 1900 > 9999)
		return; /* only four-digit years print back as ISO-8601 */
	char back[32];
	strftime(back, sizeof back, "%Y-%m-%dT%H:%M:%SZ", &tm);
	time_t again;
	FUZZ_REQUIRE(time_parse_iso8601(back, &again) && again == t);
}

/* argv from the input's NUL-separated parts (at most 16), after a program name. */
static int split_argv(const char *text, size_t size, char **argv, int max)
{
	int argc = 0;
	argv[argc++] = xstrdup("sentry-tui");
	const char *p = text, *end = text + size;
	while (p < end && argc < max) {
		size_t len = strnlen(p, (size_t)(end - p));
		argv[argc++] = xstrndup(p, len);
		p += len + 1;
	}
	argv[argc] = NULL;
	return argc;
}

static void check_flags(const char *text, size_t size)
{
	char *argv[18], *copy[18];
	int argc = split_argv(text, size, argv, 17);
	struct config_layer flags = { .origin = ORIGIN_FLAG };
	struct strbuf errors = STRBUF_INIT;
	struct config_report report = { &errors, NULL, 0 };
	config_args_parse(argc, argv, &flags, &report);
	for (int id = 0; id < OPT_COUNT; id++)
		if (flags.text[id] && config_options[id].kind != KIND_SWITCH &&
		    config_options[id].kind != KIND_LIST)
			check_option(&config_options[id], flags.text[id]);
	config_layer_free(&flags);
	strbuf_free(&errors);

	/* list and status shift argv: work on a copy of the pointers. */
	for (int sub = 0; sub < 2; sub++) {
		memcpy(copy, argv, sizeof(char *) * (size_t)(argc + 1));
		int n = argc;
		struct cli_options o = { .ttl = -1 };
		struct strbuf err = STRBUF_INIT;
		if (cli_options_take(sub ? "status" : "list", &n, copy, &o, &err)) {
			FUZZ_REQUIRE(n >= 1 && n <= argc && copy[n] == NULL);
			FUZZ_REQUIRE(o.limit >= 0 && o.ttl >= -1);
		} else {
			FUZZ_REQUIRE(err.len);
		}
		strbuf_free(&err);
	}
	for (int i = 0; i < argc; i++)
		free(argv[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	for (int id = 0; id < OPT_COUNT; id++) {
		enum config_kind kind = config_options[id].kind;
		if (kind != KIND_SWITCH && kind != KIND_BINDINGS && kind != KIND_PROFILES)
			check_option(&config_options[id], text);
	}
	check_archive(text);
	check_time(text);
	check_flags((const char *)data, size);
	free(text);
	return 0;
}
