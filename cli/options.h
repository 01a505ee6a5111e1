/* The options only `list`, `status` or `profiles` take; every other option is the TUI's. */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

struct cli_options {
	const char *format;   /* --format: list: plain|tsv|json; status: a template */
	long limit;           /* --limit N, 0 = not given */
	bool all;             /* --all */
	bool ascii;           /* --ascii */
	bool tmux;            /* --tmux */
	long ttl;             /* --ttl SECONDS, -1 = not given */
	bool probe;           /* profiles --probe */
};

/* The subcommands that take options of their own, in help order. */
extern const char *const cli_subcommands[];

/* One option of a subcommand; the table also writes the man page and completions. */
struct cli_flag {
	const char *name;      /* "--limit" */
	const char *metavar;   /* "N"; literal choices separated by '|' ("plain|tsv|json");
	                          NULL for a switch */
	bool takes_value;
	const char *subcommand; /* "list", "status" or "profiles" */
	const char *help;
};

/* The table, in help order; a flag two subcommands take has one row for each. */
const struct cli_flag *cli_flag_table(size_t *n);

/* Take the options of subcommand ("list", "status", "profiles") out of argv (shifting the rest
 * down; argv[0] stays, the subcommand word goes). A bad value or an option of the other
 * subcommand puts a sentence in err and returns false. */
bool cli_options_take(const char *subcommand, int *argc, char **argv, struct cli_options *o,
                      struct strbuf *err);

#endif
