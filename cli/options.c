/* Taking the subcommands' own options out of argv (see options.h). */
#include "cli/options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char *const cli_subcommands[] = { "list", "status", "profiles", NULL };

static const struct cli_flag FLAGS[] = {
	{ "--format", "plain|tsv|json", true, "list",
	  "plain (fits the terminal), tsv or json (default: plain)" },
	{ "--limit", "N", true, "list", "print at most N issues (default: 100)" },
	{ "--all", NULL, false, "list", "print every issue the query matches" },
	{ "--format", "FIELDS", true, "status",
	  "the line's template: {new} {unresolved} {escalating} {regressed} {stale}" },
	{ "--ascii", NULL, false, "status", "ASCII only (no \"⚠\" or \"·\")" },
	{ "--tmux", NULL, false, "status", "add tmux #[fg=…] styles" },
	{ "--ttl", "SECONDS", true, "status", "seconds the counts are cached (default: 30)" },
	{ "--probe", NULL, false, "profiles",
	  "ask each profile's server what it is (one small request each)" },
};

const struct cli_flag *cli_flag_table(size_t *n)
{
	*n = sizeof FLAGS / sizeof FLAGS[0];
	return FLAGS;
}

static bool parse_count(const char *value, long min, long *out)
{
	char *end;
	errno = 0;
	long n = strtol(value, &end, 10);
	if (errno || end == value || *end || n < min)
		return false;
	*out = n;
	return true;
}

static bool apply(const struct cli_flag *f, const char *value, struct cli_options *o,
                  struct strbuf *err)
{
	if (strcmp(f->name, "--format") == 0) {
		o->format = value;
	} else if (strcmp(f->name, "--limit") == 0) {
		if (!parse_count(value, 1, &o->limit)) {
			strbuf_addf(err, "sentry-tui list: --limit takes a number of issues (1 or more)\n");
			return false;
		}
	} else if (strcmp(f->name, "--ttl") == 0) {
		if (!parse_count(value, 0, &o->ttl)) {
			strbuf_addf(err, "sentry-tui status: --ttl takes seconds (0 or more)\n");
			return false;
		}
	} else if (strcmp(f->name, "--all") == 0) {
		o->all = true;
	} else if (strcmp(f->name, "--ascii") == 0) {
		o->ascii = true;
	} else if (strcmp(f->name, "--tmux") == 0) {
		o->tmux = true;
	} else if (strcmp(f->name, "--probe") == 0) {
		o->probe = true;
	}
	return true;
}

bool cli_options_take(const char *subcommand, int *argc, char **argv, struct cli_options *o,
                      struct strbuf *err)
{
	memset(o, 0, sizeof(*o));
	o->ttl = -1;
	int out = 1;
	for (int i = 2; i < *argc; i++) {
		const char *arg = argv[i];
		const char *equals = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
		size_t name_len = equals ? (size_t)(equals - arg) : strlen(arg);
		const struct cli_flag *f = NULL;
		/* The row of this subcommand first: --format is one flag for each. */
		for (size_t k = 0; k < sizeof FLAGS / sizeof FLAGS[0]; k++)
			if (strlen(FLAGS[k].name) == name_len && strncmp(FLAGS[k].name, arg, name_len) == 0 &&
			    (!f || strcmp(FLAGS[k].subcommand, subcommand) == 0))
				f = &FLAGS[k];
		if (!f) {
			argv[out++] = argv[i]; /* the TUI's option (or its value): config_load checks it */
			continue;
		}
		if (strcmp(f->subcommand, subcommand) != 0) {
			strbuf_addf(err, "sentry-tui %s: %s belongs to sentry-tui %s; see sentry-tui --help\n",
			            subcommand, f->name, f->subcommand);
			return false;
		}
		const char *value = NULL;
		if (f->takes_value) {
			if (equals) {
				value = equals + 1;
			} else if (i + 1 < *argc) {
				value = argv[++i];
			} else {
				strbuf_addf(err, "sentry-tui %s: %s needs a value\n", subcommand, f->name);
				return false;
			}
		} else if (equals) {
			strbuf_addf(err, "sentry-tui %s: %s takes no value\n", subcommand, f->name);
			return false;
		}
		if (!apply(f, value, o, err))
			return false;
	}
	argv[out] = NULL;
	*argc = out;
	if (o->all && o->limit) {
		strbuf_adds(err, "sentry-tui list: give --limit N or --all, not both\n");
		return false;
	}
	return true;
}
