/* The request table (DESIGN rule 4: keys are data).
 *
 * Every action has one row: scope (which view's keymap it lives in; "generic" applies
 * everywhere), name (used by `:` commands and config `bindings:`), default keys,
 * help text, and flags. The help overlay, `:` command names, config bindings and
 * read-only mode all come from this one table.
 */
#ifndef TUI_REQUEST_H
#define TUI_REQUEST_H

enum request_flags {
	REQF_NONE = 0,
	REQF_MUTATES = 1 << 0,   /* changes data on the server: refused in read-only mode */
	REQF_SELECTION = 1 << 1, /* needs a row under the cursor */
	REQF_HIDDEN = 1 << 2,    /* not listed in the help overlay */
};

/*  _(ENUM,           scope,    name,              default keys,         flags,          help) */
#define REQUEST_INFO(_) \
	_(MOVE_DOWN,      generic, "move-down",        "j <Down>",           REQF_NONE,      "Move the cursor down") \
	_(MOVE_UP,        generic, "move-up",          "k <Up>",             REQF_NONE,      "Move the cursor up") \
	_(MOVE_FIRST,     generic, "move-first",       "g <Home>",           REQF_NONE,      "Jump to the first row") \
	_(MOVE_LAST,      generic, "move-last",        "G <End>",            REQF_NONE,      "Jump to the last row (loads more first)") \
	_(HALF_PAGE_DOWN, generic, "half-page-down",   "<C-d>",              REQF_NONE,      "Move down half a screen") \
	_(HALF_PAGE_UP,   generic, "half-page-up",     "<C-u>",              REQF_NONE,      "Move up half a screen") \
	_(PAGE_DOWN,      generic, "page-down",        "<PgDn> <Space>",     REQF_NONE,      "Move down a screen") \
	_(PAGE_UP,        generic, "page-up",          "<PgUp>",             REQF_NONE,      "Move up a screen") \
	_(ENTER,          generic, "enter",            "<Enter>",            REQF_SELECTION, "Open the selected item") \
	_(BACK,           generic, "back",             "q <Esc>",            REQF_NONE,      "Go back (quits from the issue stream)") \
	_(QUIT,           generic, "quit",             "Q",                  REQF_NONE,      "Quit sentry-tui") \
	_(REFRESH,        generic, "refresh",          "<C-r> <F5>",         REQF_NONE,      "Reload from the server") \
	_(HELP,           generic, "help",             "? <F1>",             REQF_NONE,      "Show this help") \
	_(COMMAND,        generic, "command",          ":",                  REQF_NONE,      "Enter a command (:help lists them)") \
	_(REDRAW,         generic, "redraw",           "<C-l>",              REQF_HIDDEN,    "Redraw the screen") \
	_(QUERY,          issues,  "query",            "/",                  REQF_NONE,      "Edit the Sentry search query") \
	_(SORT,           issues,  "sort",             "s",                  REQF_NONE,      "Cycle sort: last seen, first seen, events, users") \
	_(PERIOD,         issues,  "period",           "t",                  REQF_NONE,      "Cycle the time period") \
	_(ENVIRONMENT,    issues,  "environment",      "e",                  REQF_NONE,      "Cycle the environment filter") \
	_(PROJECT,        issues,  "project",          "p",                  REQF_NONE,      "Cycle the project filter")

enum request {
	REQ_NONE = 0,
#define REQ_ENUM(id, scope, name, keys, flags, help) REQ_##id,
	REQUEST_INFO(REQ_ENUM)
#undef REQ_ENUM
	REQ_COUNT
};

struct request_info {
	enum request req;
	const char *scope;
	const char *name;
	const char *default_keys;
	unsigned flags;
	const char *help;
};

/* Row for req, or NULL for REQ_NONE/out of range. */
const struct request_info *request_info(enum request req);
/* Look up by name ("resolve"); REQ_NONE if unknown. */
enum request request_by_name(const char *name);

#endif
