/* The application: the view stack, the status line, request dispatch and `:` commands.
 * main builds it from the config, registers it with the loop, and frees it.
 *
 * Data path: keys -> keymap -> request -> the top view (or the core) -> store/api;
 * api callbacks -> store -> app_touch() -> one redraw per loop pass. */
#ifndef VIEWS_APP_H
#define VIEWS_APP_H

#include <stdbool.h>

#include "api/client.h"
#include "api/endpoints.h"
#include "config/config.h"
#include "api/triage.h"
#include "store/issue_lookup.h"
#include "store/issue_stream.h"
#include "store/people.h"
#include "store/projects.h"
#include "store/triage.h"
#include "store/watch.h"
#include "views/view.h"

#define APP_MAX_VIEWS 8

enum status_kind { STATUS_NONE, STATUS_INFO, STATUS_ERROR };

struct script;

struct app {
	const struct config *cfg;
	struct api_client *client;
	struct sentry_target target;
	struct server_caps caps;     /* what the server supports (target.caps points here) */
	struct project_store projects;
	struct issue_stream stream;
	struct triage triage;
	struct people people;
	struct issue_lookup lookup;  /* :open of an issue the stream has not loaded */
	bool want_assign_me;       /* A pressed before we knew who "me" is */
	bool confirming;           /* a y/N question is in the status line */
	char *confirm_text;
	bool confirm_quit;         /* the question is whether to quit with changes in flight */
	bool confirm_undo;         /* the question is whether to undo (confirm_mutations) */
	struct change confirm_change;
	struct pending_target confirm_target; /* one issue asked about (else the marks) */

	struct view *views[APP_MAX_VIEWS];
	int nviews;

	bool quit;
	char *switch_profile;      /* quit to switch to this profile (main does the switch) */
	bool dirty;
	int exit_code;

	char *status;              /* message (may hold server text: drawn sanitized) */
	enum status_kind status_kind;
	bool status_is_notice;     /* the message is a transient API notice (retrying…) */
	bool status_keep;          /* an error the stream's next success must not clear */
	unsigned status_timer;
	unsigned tick_timer;       /* keeps "updated Ns ago" current */
	unsigned refresh_timer;    /* auto-refresh */
	int refresh_backoff;       /* multiplier after failed auto-refreshes */
	struct watch watch;        /* --watch: marks, bell and the state file */
	unsigned watch_first_pages;/* the stream's first page watch.c last saw */
	time_t stale_since;        /* the rows are from before a failure at this time; 0 = fresh */

	struct script *script;     /* scripted input for tests, or NULL */
	char *wait_for;            /* script: text awaited on screen */
	long long wait_deadline;
	char *dump_dir;
	char *script_failure;      /* why a script stopped early (printed after endwin) */
};

/* Watch mode's title parts: "stale since 12:03 (HTTP 401)" and the marks counted. */
void app_watch_title(struct app *app, struct strbuf *right);

/* Set up stores and the first view, and ask for the first rows. The client must outlive
 * the app. known_kind is what an earlier session with this profile learnt of its server
 * (SERVER_UNKNOWN: nothing yet), so a profile switched back to is not probed again.
 * screen_rows: the terminal's height (the first page is sized to it; 0 when unknown).
 * Touches no terminal: it may run before screen_init, so the first requests are on their
 * way while curses starts. */
void app_init(struct app *app, const struct config *cfg, struct api_client *client,
              enum server_kind known_kind, int screen_rows);
void app_free(struct app *app);

void app_push(struct app *app, struct view *view);
void app_pop(struct app *app);
/* Quit, after asking when a triage change is still on its way to the server. */
void app_quit(struct app *app);
struct view *app_top(struct app *app);

/* Mark the screen for redraw on this pass. */
void app_touch(struct app *app);
/* Status line message; info messages fade after a few seconds, errors stay until the
 * next action. */
void app_status(struct app *app, enum status_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The config's warnings (one per line, e.g. a token file others can read) as a status
 * line error on the first screen: the stderr copy is hidden by the alternate screen. */
void app_startup_warnings(struct app *app, const char *warnings);

void app_handle_key(struct app *app, int key);
void app_dispatch(struct app *app, enum request req);
/* Run one `:` command line (without the colon). */
void app_run_command(struct app *app, const char *line);
/* Draw everything if dirty (or forced). */
void app_redraw(struct app *app, bool force);

/* Ask y/N in the status line; y applies c (copied; NULL for a question that is not a
 * change) to the issue in app->confirm_target, else to the same targets
 * (triage_actions.c). */
void app_confirm(struct app *app, const char *question, const struct change *c);

/* What the stream's rows came from, for a view that shows the same scope (releases,
 * transactions): the projects' numeric ids (ids owned, strings borrowed from the
 * project store), a label ("backend, frontend" or "all projects", owned), and the
 * filters themselves (borrowed). */
struct stream_scope {
	const struct issue_filters *filters;
	const char **ids;
	size_t nids;
	char *label;
};
void app_stream_scope(struct app *app, struct stream_scope *out);
void stream_scope_free(struct stream_scope *scope);

/* Add a search term to the stream's query, show the stream from the top and reload. */
void app_stream_add_filter(struct app *app, const char *term);

/* The API client's transient notices (rate limits, retries). */
void app_api_notice(void *app, const char *message);

#endif
