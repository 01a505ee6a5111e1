/* The request table (ARCHITECTURE.md rule 4: keys are data).
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
	_(PROJECT,        issues,  "project",          "p",                  REQF_NONE,      "Cycle the project filter") \
	_(NEXT_SECTION,   issue,   "next-section",     "<Tab>",              REQF_NONE,      "Next section") \
	_(PREV_SECTION,   issue,   "previous-section", "<BackTab>",          REQF_NONE,      "Previous section") \
	_(SECTION_STACK,  issue,   "stack-trace",      "1",                  REQF_NONE,      "Show the stack trace") \
	_(SECTION_CRUMBS, issue,   "breadcrumbs",      "2",                  REQF_NONE,      "Show the breadcrumbs") \
	_(SECTION_TAGS,   issue,   "tags",             "3",                  REQF_NONE,      "Show the issue's tag distributions") \
	_(SECTION_CONTEXT,issue,   "context",          "4",                  REQF_NONE,      "Show user, request, contexts and tags of the event") \
	_(SECTION_SPANS,  issue,   "spans",            "5",                  REQF_NONE,      "Show a transaction's spans (its waterfall)") \
	_(TOGGLE_ORDER,   issue,   "toggle-order",     "O",                  REQF_NONE,      "Stack trace: crashing frame first / last") \
	_(TOGGLE_IN_APP,  issue,   "toggle-in-app",    "i",                  REQF_NONE,      "Stack trace: in-app frames only / all frames") \
	_(TOGGLE_RAW,     issue,   "toggle-raw",       "x",                  REQF_NONE,      "Stack trace: raw (minified/unsymbolicated) frames") \
	_(TOGGLE_TIME,    issue,   "toggle-time",      "T",                  REQF_NONE,      "Breadcrumbs: relative / absolute time") \
	_(FILTER_LEVEL,   issue,   "filter-level",     "L",                  REQF_NONE,      "Breadcrumbs: cycle the level filter") \
	_(FILTER_CATEGORY,issue,   "filter-category",  "C",                  REQF_NONE,      "Breadcrumbs: cycle the category filter") \
	_(SEARCH,         issue,   "search",           "/",                  REQF_NONE,      "Search in this section") \
	_(SEARCH_NEXT,    issue,   "search-next",      "n",                  REQF_NONE,      "Next match") \
	_(SEARCH_PREV,    issue,   "search-previous",  "N",                  REQF_NONE,      "Previous match") \
	_(SCROLL_LEFT,    issue,   "scroll-left",      "h <Left>",           REQF_NONE,      "Scroll long lines left") \
	_(SCROLL_RIGHT,   issue,   "scroll-right",     "l <Right>",          REQF_NONE,      "Scroll long lines right") \
	_(EVENT_PREV,     issue,   "previous-event",   "<LT>",               REQF_NONE,      "Show the previous (older) event") \
	_(EVENT_NEXT,     issue,   "next-event",       ">",                  REQF_NONE,      "Show the next (newer) event") \
	_(EVENT_OLDEST,   issue,   "oldest-event",     "{",                  REQF_NONE,      "Show the oldest event") \
	_(EVENT_LATEST,   issue,   "latest-event",     "}",                  REQF_NONE,      "Show the latest event") \
	_(EVENT_RECOMMENDED, issue, "recommended-event", "*",                REQF_NONE,      "Show the recommended event") \
	_(EVENT_LIST,     issue,   "event-list",       "E",                  REQF_NONE,      "List the issue's events to pick one") \
	_(WATERFALL,      issue,   "waterfall",        "w",                  REQF_NONE,      "Show a transaction's spans as a waterfall") \
	_(TRACE,          issue,   "trace",            "t",                  REQF_NONE,      "Open the event's trace as a waterfall, this event marked") \
	_(SPAN_FOLD,      waterfall, "fold",           "<Space>",            REQF_NONE,      "Fold / unfold the span's children, or a repeated-span group") \
	_(SPAN_ZOOM_IN,   waterfall, "zoom-in",        "+",                  REQF_NONE,      "Zoom into the span: its subtree, its time as the axis") \
	_(SPAN_ZOOM_OUT,  waterfall, "zoom-out",       "-",                  REQF_NONE,      "Zoom back out one step") \
	_(SPAN_SLOWEST,   waterfall, "slowest-span",   "S",                  REQF_NONE,      "Jump to the slowest span (again: by exclusive time)") \
	_(SPAN_DETAIL,    waterfall, "span-detail",    "d",                  REQF_NONE,      "Show the span in full (Enter too)") \
	_(SPAN_SEARCH,    waterfall, "span-search",    "/",                  REQF_NONE,      "Search span ops and descriptions") \
	_(SPAN_SEARCH_NEXT, waterfall, "span-search-next", "n",              REQF_NONE,      "Next matching span") \
	_(SPAN_SEARCH_PREV, waterfall, "span-search-previous", "N",          REQF_NONE,      "Previous matching span") \
	_(TRANSACTIONS,   generic, "transactions",     "T",                  REQF_NONE,      "Recent transactions (Enter opens one's waterfall)") \
	_(TRANSACTION_SORT, transactions, "transaction-sort", "s",           REQF_NONE,      "Newest first / slowest first") \
	_(TRANSACTION_FILTER, transactions, "transaction-filter", "/",       REQF_NONE,      "Show transactions whose name contains some text") \
	_(RELEASES,       generic, "releases",         "R",                  REQF_NONE,      "Release health: crash-free rates and adoption per release") \
	_(PROFILES,       generic, "profiles",         "P",                  REQF_NONE,      "Switch to another profile of the config (server, org, token)") \
	_(RELEASE_SORT,   releases, "release-sort",    "s",                  REQF_NONE,      "Cycle sort: newest, adoption, crash-free sessions/users, sessions, users") \
	_(RELEASE_FILTER, releases, "release-filter",  "/",                  REQF_NONE,      "Show releases whose version contains some text") \
	_(RELEASE_PERIOD, releases, "release-period",  "t",                  REQF_NONE,      "Cycle the period: 24h, 7d, 14d, 30d, 90d") \
	_(NEW_ISSUES,     release, "new-issues",       "n",                  REQF_NONE,      "The stream on the issues first seen in this release") \
	_(RELEASE_ISSUES, release, "release-issues",   "i",                  REQF_NONE,      "The stream on the issues seen in this release") \
	_(LAST_RELEASE,   issue,   "last-release",     "R",                  REQF_NONE,      "The issue's last release (:release first for its first)") \
	_(RESOLVE,        generic, "resolve",          "r",                  REQF_MUTATES,   "Resolve (the marked issues, or this one); :resolve next | VERSION") \
	_(UNRESOLVE,      generic, "unresolve",        "u",                  REQF_MUTATES,   "Unresolve") \
	_(ARCHIVE,        generic, "archive",          "m",                  REQF_MUTATES,   "Archive (mute): until escalating, for a time, until N events/users, forever") \
	_(ASSIGN,         generic, "assign",           "a",                  REQF_MUTATES,   "Assign to a member or team (type to filter, Tab completes)") \
	_(ASSIGN_ME,      generic, "assign-me",        "A",                  REQF_MUTATES,   "Assign to me") \
	_(BOOKMARK,       generic, "bookmark",         "b",                  REQF_MUTATES,   "Bookmark / remove the bookmark") \
	_(REVIEWED,       generic, "reviewed",         "v",                  REQF_MUTATES,   "Mark reviewed") \
	_(UNDO,           generic, "undo",             "z",                  REQF_MUTATES,   "Undo the last triage action") \
	_(YANK,           generic, "yank",             "y",                  REQF_SELECTION, "Copy: short id, permalink, title, event id, frame, Markdown link") \
	_(YANK_PERMALINK, generic, "yank-permalink",   "Y",                  REQF_SELECTION, "Copy the issue's permalink") \
	_(OPEN_LINK,      generic, "open-link",        "o",                  REQF_SELECTION, "Open the issue in the browser (without a display: copy its link)") \
	_(MARK,           issues,  "mark",             "<Space>",            REQF_NONE,      "Mark / unmark the issue for a batch action") \
	_(MARK_ALL,       issues,  "mark-all",         "V",                  REQF_NONE,      "Mark every loaded issue") \
	_(CLEAR_MARKS,    issues,  "clear-marks",      "<Esc>",              REQF_NONE,      "Clear the marks")

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
