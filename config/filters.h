/* The issue stream's filter names, in one place for the config file, the flags
 * (--sort, --period, --environment) and the `:sort`, `:period` and `:env` commands, so
 * that a name accepted in one is accepted in all. */
#ifndef CONFIG_FILTERS_H
#define CONFIG_FILTERS_H

#include <stdbool.h>

#include "util/strbuf.h"

struct config_sort {
	const char *name;   /* what the API takes, e.g. "date" */
	const char *label;  /* the words the screen shows, e.g. "last seen"; NULL = name */
};

/* Every sort the issues endpoint takes, in the order `s` cycles through the first four. */
extern const struct config_sort config_sorts[];

/* The API name for text: a name ("freq") or a label as the screen shows it ("last seen")
 * or written with a dash ("last-seen"); NULL when it is none of them. */
const char *config_sort_lookup(const char *text);

/* The label of an API name, or the name itself when it has none (or is unknown). */
const char *config_sort_label(const char *name);

/* "date, new, ... (or last-seen, first-seen, ...)", for messages. */
void config_sort_describe(struct strbuf *out);

/* A stats period as Sentry takes it: 1 to 6 digits without a leading zero, then s, m,
 * h, d or w ("24h", "14d", "90d"). */
bool config_period_valid(const char *text);

/* "all" selects every environment (as the `e` cycle ends), in the config and flags as on
 * the command line. */
bool config_environment_means_all(const char *text);

#endif
