/* The one table of options: each entry names a setting once (YAML key, flag, environment
 * variable, kind, default, help) and every source, the defaults, --help and the checks
 * on values are driven from it. sentry-tui.yml.example is kept in step by a unit test. */
#ifndef CONFIG_OPTIONS_H
#define CONFIG_OPTIONS_H

#include <stdbool.h>

#include "config/report.h"

enum config_option_id {
	OPT_URL,
	OPT_ORG,
	OPT_PROJECTS,
	OPT_TOKEN,
	OPT_TOKEN_COMMAND,
	OPT_CA_BUNDLE,
	OPT_PROFILE,
	OPT_PROFILES,
	OPT_QUERY,
	OPT_SORT,
	OPT_PERIOD,
	OPT_ENVIRONMENT,
	OPT_REFRESH_INTERVAL,
	OPT_TIMEOUT,
	OPT_READ_ONLY,
	OPT_WATCH,
	OPT_ALLOW_TRIAGE,
	OPT_BELL,
	OPT_THEME,
	OPT_SERVER_KIND,
	OPT_MOUSE,
	OPT_CLIPBOARD,
	OPT_CLIPBOARD_COMMAND,
	OPT_HYPERLINKS,
	OPT_CRASH_FREE_WARN,
	OPT_CRASH_FREE_BAD,
	OPT_COLOUR,
	OPT_CONFIRM_MUTATIONS,
	OPT_BINDINGS,
	OPT_CONFIG,
	OPT_HELP,
	OPT_VERSION,
	OPT_COUNT
};

/* How a value is written and checked. */
enum config_kind {
	KIND_TEXT,      /* any non-empty string without control characters */
	KIND_ANY_TEXT,  /* like KIND_TEXT, but may be empty (the query) */
	KIND_SLUG,      /* an org or project slug: no spaces, no control characters */
	KIND_URL,       /* http:// or https:// */
	KIND_SECRET,    /* the token: never shown in any message */
	KIND_LIST,      /* slugs; a YAML list, repeated flags, or comma-separated */
	KIND_CHOICE,    /* one of choices[] */
	KIND_SORT,      /* a sort of config/filters.h, kept as its API name */
	KIND_PERIOD,    /* N followed by s, m, h, d or w (config/filters.h) */
	KIND_SECONDS,   /* whole number from min to max */
	KIND_PERCENT,   /* a number from 0 to 100, decimals allowed ("99.5") */
	KIND_BOOL,      /* true/false (YAML also yes/no/on/off) */
	KIND_SWITCH,    /* a flag without a value */
	KIND_BINDINGS,  /* YAML mapping: request -> key or list of keys */
	KIND_PROFILES,  /* YAML mapping: name -> mapping of profile keys */
};

/* Where a YAML key may appear. */
#define SCOPE_TOP     1u
#define SCOPE_PROFILE 2u

struct config_option {
	const char *key;       /* YAML key; NULL for flag-only options */
	const char *flag;      /* "--url"; NULL when there is no flag */
	const char *short_flag;/* "-h"; usually NULL */
	const char *metavar;   /* the flag's argument in --help; NULL for switches */
	const char *env;       /* environment variable; NULL when none */
	enum config_kind kind;
	unsigned scope;
	const char *default_text; /* default as it would be written; NULL = unset */
	const char *const *choices; /* KIND_CHOICE: NULL-terminated */
	int min, max;          /* KIND_SECONDS */
	bool value_optional;   /* the flag may stand alone (--watch): it takes the next
	                          argument only when that starts with a digit */
	const char *help;      /* one line for --help */
};

extern const struct config_option config_options[OPT_COUNT];

/* The option whose YAML key is key and which may appear in scope; NULL otherwise. */
const struct config_option *config_option_by_key(const char *key, unsigned scope);
/* The option for "--flag" (or "-h"); NULL if unknown. */
const struct config_option *config_option_by_flag(const char *flag);
static inline enum config_option_id config_option_id(const struct config_option *opt)
{
	return (enum config_option_id)(opt - config_options);
}

/* The closest YAML key allowed in scope (or flag when flags is true) to what the user
 * typed, when it is close enough to be a likely typo; NULL otherwise. */
const char *config_option_suggest(const char *typed, unsigned scope, bool flags);

/* Check one scalar value for opt. name is how the user wrote the setting ("sort",
 * "profiles.work.url", "--url", "SENTRY_URL"); where is the message prefix. Returns the
 * value in normal form (malloc'd; booleans become "true"/"false") or NULL after
 * reporting why. The token's value never reaches a message. */
char *config_option_check(const struct config_option *opt, const char *value, const char *name,
                          const char *where, struct config_report *report);

/* Check one project slug (an entry of a list). Same contract as config_option_check. */
char *config_option_check_slug(const char *value, const char *name, const char *where,
                               struct config_report *report);

/* Split a comma-separated list of project slugs; empty pieces are skipped. Returns false
 * after reporting a bad slug. */
bool config_option_split_list(const char *value, const char *name, const char *where,
                              struct config_report *report, char ***list, size_t *n);

/* Parse a boolean as YAML 1.1 writes it (true/false/yes/no/on/off, any case). */
bool config_parse_bool(const char *text, bool *out);
/* "99", "99.5", "0.25": a plain decimal from 0 to 100 (no sign, exponent or blanks);
 * out may be NULL. */
bool config_parse_percent(const char *text, double *out);

/* What a YAML key takes, as --help and the man page show it: "URL", "true|false"… */
void config_option_value_shape(const struct config_option *opt, struct strbuf *out);

/* --help, written from the table. */
void config_options_help(struct strbuf *out);

#endif
