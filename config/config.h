/* Configuration: command-line flags > environment > YAML config > .sentryclirc > defaults.
 *
 * Sources (all read before the terminal is touched):
 *   flags:  --url URL, --org ORG, --project SLUG (repeatable), --query Q, --sort SORT,
 *           --period PERIOD, --environment ENV, --config FILE, --profile NAME,
 *           --read-only, --help, --version (sort, period and environment names are
 *           those of config/filters.h, as the `:` commands take them)
 *   env:    SENTRY_URL, SENTRY_AUTH_TOKEN, SENTRY_ORG, SENTRY_PROJECT (comma-separated
 *           allowed), SENTRY_TUI_CONFIG (YAML path), XDG_CONFIG_HOME, HOME
 *   YAML:   $SENTRY_TUI_CONFIG, else $XDG_CONFIG_HOME/sentry-tui/config.yml, else
 *           ~/.config/sentry-tui/config.yml (a missing default file is fine; a missing
 *           --config/SENTRY_TUI_CONFIG file is an error). Schema in sentry-tui.yml.example.
 *   .sentryclirc: INI, [defaults] url, org, project; [auth] token. Searched from the cwd
 *           upward (nearest file wins per key), then ~/.sentryclirc.
 * Every problem is collected as "file:line:col: message" (or "sentry-tui: message" for
 * flags/env) and returned together; nothing stops at the first error.
 */
#ifndef CONFIG_CONFIG_H
#define CONFIG_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

/* Where a value came from, for --help output and diagnostics. */
enum config_origin {
	ORIGIN_DEFAULT = 0,
	ORIGIN_SENTRYCLIRC,
	ORIGIN_YAML,
	ORIGIN_ENV,
	ORIGIN_FLAG,
};

/* A "bindings:" entry, validated later by the keymap (config/ must not know requests). */
struct config_binding {
	char *request;  /* request name as written, e.g. "resolve" */
	char *keys;     /* one key spec, e.g. "R" or "<C-r>"; lists become several entries */
	char *where;    /* "file:line:col" of the key spec, for error messages */
};

struct config {
	char *url;                 /* default "https://sentry.io/" */
	char *org;
	char **projects;           /* slugs */
	size_t nprojects;
	char *token;               /* secret: never print, never log */
	char *token_command;       /* the YAML command that produced token (config_load ran
	                              it), or NULL when the token was given directly */
	char *token_source;        /* human description of where the token came from,
	                              e.g. "SENTRY_AUTH_TOKEN", "/home/u/.sentryclirc",
	                              "/home/u/.config/sentry-tui/config.yml (profile work)",
	                              "token_command at FILE:LINE:COL" (no secret) */
	char *query;               /* default "is:unresolved" */
	char *sort;                /* default "date" */
	char *period;              /* statsPeriod, default "14d" */
	char *environment;         /* NULL = all */
	int refresh_interval;      /* seconds, 0 = off (default 0); values 1..4 are raised to 5 */
	int timeout;               /* seconds per request, default 30 */
	char *ca_bundle;           /* NULL = system default; TLS is always verified */
	bool read_only;            /* also set by watch mode, unless allow_triage */
	int watch;                 /* watch mode's refresh in seconds (>= 5); 0 = not watching */
	bool allow_triage;         /* watch mode keeps the actions that change issues */
	char *bell;                /* "new" | "escalating" | "never" (default) */
	char *theme;               /* "default" | "8" | "16" | "256" | "high-contrast" | "mono"
	                              (a non-empty NO_COLOR forces mono) */
	char *server_kind;         /* "auto" (default) | "sentry" | "glitchtip" */
	bool mouse;                /* clicks and the wheel (default off) */
	char *clipboard;           /* "osc52" (default) | "command" | "off" */
	char *clipboard_command;   /* for clipboard: command, or NULL */
	char *hyperlinks;          /* "auto" (default) | "on" | "off": OSC 8 links */
	double crash_free_warn;    /* release health: below this percent warns (default 99) */
	double crash_free_bad;     /* and below this is bad (default 97) */
	struct config_binding *bindings;
	size_t nbindings;
	char *profile;             /* selected profile name or NULL */
	char *colour;              /* the profile's colour in the title row, or NULL */
	bool confirm_mutations;    /* ask before every change (a guard for prod) */
	char **profile_names;      /* every profile the config file defines, in its order */
	size_t nprofile_names;
	char *config_path;         /* the YAML file read, or NULL */
	enum config_origin url_origin, org_origin, token_origin;
};

/* Injected environment so unit tests need no real variables. HOME, XDG_CONFIG_HOME and
 * NO_COLOR are read through getenv too. cwd is where the .sentryclirc search starts; a
 * relative --config path is still opened relative to the process's own directory.
 * token_command's child gets the real process environment. */
struct config_env {
	const char *(*getenv)(const char *name); /* NULL = getenv */
	const char *cwd;                         /* NULL = getcwd() */
	/* Checks and applies one `bindings:` entry (the keymap: config/ knows no requests),
	 * or returns false with why in err; what it refuses is reported with the other
	 * errors at the key's file:line:col. NULL = entries are only kept in cfg->bindings. */
	bool (*bind)(const char *request, const char *key_spec, struct strbuf *err);
	/* The same for a key command (`bindings: {issues: {J: "!cmd %(short_id)"}}`). */
	bool (*bind_hook)(const char *scope, const char *key_spec, const char *command,
	                  struct strbuf *err);
	/* A profile chosen at run time (:profile NAME): it replaces --profile,
	 * SENTRY_TUI_PROFILE and the file's profile: key; the other sources keep their
	 * precedence, as if the program had been started with --profile NAME. */
	const char *profile;
	/* Leave token_command unrun (cfg->token stays NULL, cfg->token_command names it):
	 * `sentry-tui profiles` lists profiles without asking a password manager. */
	bool no_token_command;
};

enum config_result {
	CONFIG_OK,          /* cfg is ready (org and token may still be NULL: see
	                       config_missing_server) */
	CONFIG_EXIT_OK,     /* --help/--version printed to out; exit 0 */
	CONFIG_ERROR,       /* messages in errors, one per line; exit 2 */
};

/* Load everything. cfg needs no initialisation; config_free(cfg) is safe after any
 * result (on CONFIG_ERROR and CONFIG_EXIT_OK cfg is left empty). Precedence is per
 * setting; within the YAML file a profile's values beat top-level ones, and token and
 * token_command count as one setting (the higher source's choice wins).
 * out receives --help/--version text; errors receives every
 * "file:line:col: message" line; warnings receives non-fatal lines (e.g. a config file
 * holding a token that is readable by group/others: "FILE: warning: ... chmod 600 FILE").
 * token_command is run here (via /bin/sh -c, stdin /dev/null, first line of stdout is the
 * token; a failure, empty output or no end within 10 s is an error naming the command,
 * never its output), and only when no higher source gave a token and nothing else is
 * wrong. With env->bind, `bindings:` entries are checked (and applied) as they are read
 * and their mistakes are among the errors. A FIFO or device as a config file is refused
 * without being waited on.
 * NO_COLOR in the environment (any non-empty value) forces theme "mono". */
enum config_result config_load(struct config *cfg, int argc, char **argv,
                               const struct config_env *env, struct strbuf *out,
                               struct strbuf *errors, struct strbuf *warnings);

/* The message printed when no token was found anywhere: how to provide one (env,
 * .sentryclirc, config token/token_command, with the config file locations) and how to
 * try the demo instead. Several lines, each ending in "\n". */
const char *config_no_token_help(void);
/* What a loaded config lacks to talk to a server (no organization, no token), as the
 * text to print on stderr, or NULL when it has both. */
const char *config_missing_server(const struct config *cfg);

void config_free(struct config *cfg);

#endif
