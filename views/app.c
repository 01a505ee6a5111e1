/* The application controller (see app.h). */
#include "views/app.h"

#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/draw.h"
#include "tui/hyperlink.h"
#include "tui/keymap.h"
#include "tui/keys.h"
#include "tui/loop.h"
#include "tui/osc.h"
#include "tui/prompt.h"
#include "tui/sanitize.h"
#include "tui/screen.h"
#include "tui/theme.h"
#include "tui/script.h"
#include "util/timeutil.h"
#include "util/xalloc.h"
#include "views/availability.h"
#include "views/command_complete.h"
#include "views/hooks.h"
#include "views/link_actions.h"
#include "views/open_issue.h"
#include "views/profile_picker.h"
#include "views/suggest.h"
#include "views/triage_actions.h"
#include "views/view_table.h"

#define INFO_MESSAGE_MS 5000
#define MIN_COLS 40
#define MIN_ROWS 6

static void schedule_tick(struct app *app);
static void schedule_refresh(struct app *app);

void app_touch(struct app *app)
{
	app->dirty = true;
}

struct view *app_top(struct app *app)
{
	return app->nviews ? app->views[app->nviews - 1] : NULL;
}

void app_push(struct app *app, struct view *view)
{
	if (app->nviews == APP_MAX_VIEWS) {
		view->ops->close(view);
		return;
	}
	app->views[app->nviews++] = view;
	app_touch(app);
}

void app_pop(struct app *app)
{
	if (app->nviews <= 1) {
		app_quit(app);
		return;
	}
	struct view *v = app->views[--app->nviews];
	v->ops->close(v);
	app_touch(app);
}

/* Status line */

static void clear_status(void *ctx)
{
	struct app *app = ctx;
	app->status_timer = 0;
	if (app->status_kind == STATUS_INFO) {
		free(app->status);
		app->status = NULL;
		app->status_kind = STATUS_NONE;
		app_touch(app);
	}
}

void app_status(struct app *app, enum status_kind kind, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	free(app->status);
	app->status = strbuf_detach(&sb);
	app->status_kind = kind;
	app->status_is_notice = false;
	app->status_keep = false;
	if (app->status_timer)
		loop_timer_cancel(app->status_timer);
	app->status_timer = kind == STATUS_INFO ? loop_timer_add(INFO_MESSAGE_MS, clear_status, app) : 0;
	app_touch(app);
}

void app_startup_warnings(struct app *app, const char *warnings)
{
	struct strbuf sb = STRBUF_INIT;
	bool any = false;
	/* An earlier start-up error (sentry-tui open) stays first; an info message (a
	 * lookup under way) gives way. */
	if (app->status && app->status_kind == STATUS_ERROR)
		strbuf_adds(&sb, app->status);
	for (const char *line = warnings; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (len) {
			if (sb.len)
				strbuf_adds(&sb, " · ");
			strbuf_add(&sb, line, len);
			any = true;
		}
		line = end ? end + 1 : line + len;
	}
	if (any) {
		/* An error, so that it stays (and wraps) until a key is pressed; kept, so
		 * that the stream's first page does not clear it before it is seen. */
		app_status(app, STATUS_ERROR, "%s", strbuf_str(&sb));
		app->status_keep = true;
	}
	strbuf_free(&sb);
}

void app_api_notice(void *ctx, const char *message)
{
	struct app *app = ctx;
	app_status(app, STATUS_INFO, "%s", message);
	app->status_is_notice = true;
}

/* Store callbacks: state only, never drawing. */


/* Tell the views on the stack that watch the stream (the stream keeps its cursor on its
 * issue across reloads). */
static void stream_changed(struct app *app)
{
	for (int i = 0; i < app->nviews; i++)
		if (app->views[i]->ops->stream_changed)
			app->views[i]->ops->stream_changed(app->views[i]);
}
/* Watch mode: a fresh first page is compared with the one before (marks, bell). The
 * key tells queries apart in the state file: profile, server and the rows' filters. */
static void watch_new_rows(struct app *app)
{
	struct issue_stream *s = &app->stream;
	if (!app->cfg->watch || s->first_pages == app->watch_first_pages)
		return;
	app->watch_first_pages = s->first_pages;
	const struct issue_filters *f = s->has_applied ? &s->applied : &s->filters;
	struct strbuf key = STRBUF_INIT;
	strbuf_addf(&key, "%s\n%s\n%s\n%s\n%s\n%s\n%s\n", app->cfg->profile ? app->cfg->profile : "",
	            app->cfg->url, app->cfg->org ? app->cfg->org : "", f->query ? f->query : "",
	            f->sort ? f->sort : "", f->period ? f->period : "",
	            f->environment ? f->environment : "");
	for (size_t i = 0; i < f->nprojects; i++)
		strbuf_addf(&key, "%s,", f->projects[i]);
	watch_update(&app->watch, strbuf_str(&key), s->items, s->n, time_now());
	strbuf_free(&key);
}

static void on_stream_change(void *ctx, const char *error)
{
	struct app *app = ctx;
	if (error && !app->stale_since)
		app->stale_since = time_now();
	else if (!error && !app->stream.reloading)
		app->stale_since = 0;
	if (error && app->cfg->watch && app->stream.n) {
		/* Watch mode keeps the rows in view: the header says they are stale, and why. */
		if (app->refresh_backoff < 8)
			app->refresh_backoff = app->refresh_backoff ? app->refresh_backoff * 2 : 2;
	} else if (error) {
		app_status(app, STATUS_ERROR, "%s", error);
		if (app->refresh_backoff < 8)
			app->refresh_backoff = app->refresh_backoff ? app->refresh_backoff * 2 : 2;
	} else {
		app->refresh_backoff = 1;
		/* A success answers an earlier error or "retrying" notice: clear it. It does
		 * not answer the project list's problem (e.g. no project visible). */
		bool projects_problem = app->status && app->projects.error &&
		                        strcmp(app->status, app->projects.error) == 0;
		if ((app->status_kind == STATUS_ERROR && !app->status_keep && !projects_problem) ||
		    app->status_is_notice) {
			free(app->status);
			app->status = NULL;
			app->status_kind = STATUS_NONE;
		}
	}
	watch_new_rows(app);
	stream_changed(app);
	schedule_tick(app);
	app_touch(app);
}

static void on_projects_loaded(void *ctx)
{
	struct app *app = ctx;
	if (app->projects.error && !app->stream.error)
		app_status(app, STATUS_ERROR, "%s", app->projects.error);
	issue_stream_projects_loaded(&app->stream);
	app_touch(app);
}

static void on_triage_done(void *ctx, const char *message, bool error)
{
	struct app *app = ctx;
	app_status(app, error ? STATUS_ERROR : STATUS_INFO, "%s", message);
	stream_changed(app);
}

static void on_stream_rows(void *ctx, struct issue **items, size_t n, long long asked_us)
{
	struct app *app = ctx;
	triage_overlay(&app->triage, items, n, asked_us);
}

static void on_people(void *ctx)
{
	app_people_changed(ctx);
}

void app_confirm(struct app *app, const char *question, const struct change *c)
{
	free(app->confirm_text);
	app->confirm_text = xstrdup(question);
	change_free(&app->confirm_change);
	if (c)
		change_copy(c, &app->confirm_change);
	app->confirming = true;
	app_touch(app);
}

void app_quit(struct app *app)
{
	size_t n = triage_in_flight(&app->triage);
	if (n == 0) {
		app->quit = true;
		return;
	}
	/* Quitting now would leave the outcome of those changes unknown to the user. */
	struct strbuf q = STRBUF_INIT;
	strbuf_addf(&q, "%zu change%s still being sent — quit anyway? y/N", n, n == 1 ? " is" : "s are");
	free(app->confirm_text);
	app->confirm_text = strbuf_detach(&q);
	change_free(&app->confirm_change);
	app->confirm_quit = true;
	app->confirming = true;
	app_touch(app);
}

static void answer_confirm(struct app *app, int key)
{
	app->confirming = false;
	if (app->confirm_quit) {
		app->confirm_quit = false;
		if (key == 'y' || key == 'Y')
			app->quit = true;
		else
			app_status(app, STATUS_INFO, "not quitting: the answer will show here");
	} else if (key == 'y' || key == 'Y') {
		app_confirmed(app);
	} else {
		app_status(app, STATUS_INFO, "cancelled: nothing was changed");
	}
	app->confirm_undo = false;
	pending_target_clear(&app->confirm_target);
	change_free(&app->confirm_change);
	free(app->confirm_text);
	app->confirm_text = NULL;
}

/* Timers */

static void on_tick(void *ctx)
{
	struct app *app = ctx;
	app->tick_timer = 0;
	app_touch(app);
	schedule_tick(app);
}

/* Keep "updated Ns ago" honest without waking up more than needed: every second during
 * the first minute, then once a minute. */
static void schedule_tick(struct app *app)
{
	if (app->tick_timer || !app->stream.updated_at || app->script)
		return;
	long long ago = (long long)(time_now() - app->stream.updated_at);
	long long delay = ago < 60 ? 1000 : (60 - ago % 60) * 1000;
	app->tick_timer = loop_timer_add(delay, on_tick, app);
}

static void on_refresh_timer(void *ctx)
{
	struct app *app = ctx;
	app->refresh_timer = 0;
	if (!app->stream.loading && !prompt_active())
		issue_stream_reload(&app->stream);
	schedule_refresh(app);
}

static void schedule_refresh(struct app *app)
{
	if (!app->cfg->refresh_interval || app->refresh_timer)
		return;
	int mult = app->refresh_backoff > 0 ? app->refresh_backoff : 1;
	app->refresh_timer = loop_timer_add(app->cfg->refresh_interval * 1000LL * mult,
	                                    on_refresh_timer, app);
}

/* Lifecycle */

void app_init(struct app *app, const struct config *cfg, struct api_client *client,
              enum server_kind known_kind, int screen_rows)
{
	memset(app, 0, sizeof(*app));
	app->cfg = cfg;
	app->client = client;
	server_caps_init(&app->caps, cfg->server_kind);
	if (!app->caps.configured && known_kind != SERVER_UNKNOWN)
		app->caps.kind = known_kind;
	theme_set_profile_colour(cfg->colour);
	prompt_set_history_profile(cfg->profile);
	app->target = (struct sentry_target){ client, cfg->url, cfg->org, &app->caps };
	app->refresh_backoff = 1;
	if (cfg->watch) {
		char *dir = watch_state_dir(getenv("XDG_STATE_HOME"), getenv("HOME"));
		watch_init(&app->watch, cfg->bell, dir);
		free(dir);
	}
	project_store_init(&app->projects, &app->target, on_projects_loaded, app);
	issue_stream_init(&app->stream, &app->target, &app->projects, on_stream_change, app);
	app->stream.overlay = on_stream_rows;
	app->stream.overlay_ctx = app;
	triage_init(&app->triage, &app->target, &app->stream, on_triage_done, app);
	people_init(&app->people, &app->target, on_people, app);
	struct issue_filters *f = &app->stream.filters;
	issue_filters_set(&f->query, cfg->query ? cfg->query : "is:unresolved");
	issue_filters_set(&f->sort, cfg->sort ? cfg->sort : "date");
	issue_filters_set(&f->period, cfg->period ? cfg->period : "14d");
	issue_filters_set(&f->environment, cfg->environment);
	issue_filters_set_projects(f, cfg->projects, cfg->nprojects);
	app_push(app, view_open(app, VIEW_issues, NULL));
	if (!cfg->watch) /* a watch compares whole first pages with the last session */
		issue_stream_set_first_page_rows(&app->stream, screen_rows); /* the first rows sooner */
	issue_stream_reload(&app->stream);
	/* In parallel: slugs, environments and the per-project fallback need the list. */
	project_store_load(&app->projects);
	schedule_refresh(app);
}

void app_free(struct app *app)
{
	if (app->cfg && app->cfg->watch) {
		/* On the way out: the next start marks what changed while nobody watched. */
		struct strbuf err = STRBUF_INIT;
		if (!watch_save(&app->watch, &err))
			fprintf(stderr, "sentry-tui: %s\n", strbuf_str(&err));
		strbuf_free(&err);
		watch_free(&app->watch);
	}
	while (app->nviews) {
		struct view *v = app->views[--app->nviews];
		v->ops->close(v);
	}
	issue_lookup_cancel(&app->lookup);
	triage_free(&app->triage);
	people_free(&app->people);
	issue_stream_free(&app->stream);
	project_store_free(&app->projects);
	change_free(&app->confirm_change);
	pending_target_clear(&app->confirm_target);
	free(app->confirm_text);
	free(app->switch_profile);
	if (app->status_timer)
		loop_timer_cancel(app->status_timer);
	if (app->tick_timer)
		loop_timer_cancel(app->tick_timer);
	if (app->refresh_timer)
		loop_timer_cancel(app->refresh_timer);
	free(app->status);
	free(app->wait_for);
	free(app->dump_dir);
	memset(app, 0, sizeof(*app));
}

void app_stream_add_filter(struct app *app, const char *term)
{
	struct issue_filters *f = &app->stream.filters;
	struct strbuf q = STRBUF_INIT;
	if (f->query && *f->query)
		strbuf_addf(&q, "%s ", f->query);
	strbuf_adds(&q, term);
	issue_filters_set(&f->query, strbuf_str(&q));
	strbuf_free(&q);
	/* Back on the stream (the first view), from the top of the new result. */
	while (app->nviews > 1)
		app_pop(app);
	if (app->nviews) {
		app->views[0]->cursor = 0;
		app->views[0]->offset = 0;
	}
	issue_stream_reload(&app->stream);
	app_status(app, STATUS_INFO, "query: %s", f->query);
}

/* "HTTP 401" or "cannot connect to host": the failure in a few words, for the title. */
static void short_reason(const char *error, struct strbuf *out)
{
	const char *http = strstr(error, "(HTTP ");
	if (http) {
		strbuf_add(out, http + 1, strcspn(http + 1, ")"));
		return;
	}
	const char *colon = strstr(error, ": ");
	const char *p = colon ? colon + 2 : error;
	size_t len = strlen(p);
	const char *cut = strstr(p, " (");
	if (cut && (size_t)(cut - p) < len)
		len = (size_t)(cut - p);
	cut = strstr(p, " — ");
	if (cut && (size_t)(cut - p) < len)
		len = (size_t)(cut - p);
	strbuf_add(out, p, len);
}

void app_watch_title(struct app *app, struct strbuf *right)
{
	if (!app->cfg->watch)
		return;
	if (app->stale_since && app->stream.error && app->stream.n) {
		struct tm tm;
		char hhmm[16] = "?";
		time_t t = app->stale_since;
		if (localtime_r(&t, &tm))
			strftime(hhmm, sizeof hhmm, "%H:%M", &tm);
		strbuf_addf(right, "stale since %s (", hhmm);
		short_reason(app->stream.error, right);
		strbuf_adds(right, ")");
	}
	struct strbuf marks = STRBUF_INIT;
	watch_summary(&app->watch, &marks);
	if (marks.len)
		strbuf_addf(right, "%s%s", right->len ? " · " : "", strbuf_str(&marks));
	strbuf_free(&marks);
}

/* Requests */

static void on_command_line(void *ctx, const char *line)
{
	if (line)
		app_run_command(ctx, line);
}

static void open_profile_picker(struct app *app)
{
	if (!app->cfg->nprofile_names)
		app_status(app, STATUS_ERROR, "no profiles to switch to: the config file defines none");
	else
		app_push(app, view_open(app, VIEW_profile_picker, NULL));
}

void app_dispatch(struct app *app, enum request req)
{
	const struct request_info *info = request_info(req);
	struct view *v = app_top(app);
	if (!info || !v)
		return;
	if ((info->flags & REQF_MUTATES) && app->cfg->read_only) {
		app_status(app, STATUS_ERROR, "read-only mode: '%s' is disabled", info->name);
		return;
	}
	const char *why = app_request_unavailable(app, req);
	if (why) {
		app_status(app, STATUS_INFO, "%s: '%s' is not available here", why, info->name);
		return;
	}
	app_touch(app);
	if (v->ops->request && v->ops->request(v, req))
		return;
	if (view_move(v, req))
		return;
	switch (req) {
	case REQ_QUIT:
		app_quit(app);
		break;
	case REQ_BACK:
		app_pop(app);
		break;
	case REQ_HELP:
		app_push(app, view_open(app, VIEW_help, &(struct view_args){
			.scope = v->ops->name,
			.inner_scope = v->ops->inner_scope ? v->ops->inner_scope(v) : NULL,
		}));
		break;
	case REQ_COMMAND:
		prompt_open(":", NULL, "command", on_command_line, app);
		prompt_set_completer(command_complete, app);
		break;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		break;
	case REQ_TRANSACTIONS:
		app_push(app, view_open(app, VIEW_transactions, NULL));
		break;
	case REQ_RELEASES:
		app_push(app, view_open(app, VIEW_releases, NULL));
		break;
	case REQ_PROFILES:
		open_profile_picker(app);
		break;
	default:
		if (!app_link_request(app, req) && !app_triage_request(app, req))
			app_status(app, STATUS_INFO, "'%s' does nothing here", info->name);
	}
}

void app_stream_scope(struct app *app, struct stream_scope *out)
{
	const struct issue_filters *f = app->stream.has_applied ? &app->stream.applied
	                                                         : &app->stream.filters;
	out->filters = f;
	out->ids = f->nprojects ? xcalloc(f->nprojects, sizeof(*out->ids)) : NULL;
	out->nids = 0;
	struct strbuf label = STRBUF_INIT;
	for (size_t i = 0; i < f->nprojects; i++) {
		const struct project *p = project_store_find(&app->projects, f->projects[i]);
		if (p && p->id)
			out->ids[out->nids++] = p->id;
		strbuf_addf(&label, "%s%s", i ? ", " : "", f->projects[i]);
	}
	if (!f->nprojects)
		strbuf_adds(&label, "all projects");
	out->label = strbuf_detach(&label);
}

void stream_scope_free(struct stream_scope *scope)
{
	free(scope->ids);
	free(scope->label);
}

/* Rows one turn of the mouse wheel moves, as most terminal programs do. */
#define WHEEL_ROWS 3

/* A click selects the row under it, a double click opens it, the wheel moves the cursor
 * (config `mouse: true`). */
static void app_mouse(struct app *app)
{
	int y = 0;
	enum screen_mouse_action what = screen_mouse(&y);
	struct view *v = app_top(app);
	if (!v || what == MOUSE_NONE || prompt_active())
		return;
	if (what == MOUSE_WHEEL_UP || what == MOUSE_WHEEL_DOWN) {
		for (int i = 0; i < WHEEL_ROWS; i++)
			app_dispatch(app, what == MOUSE_WHEEL_UP ? REQ_MOVE_UP : REQ_MOVE_DOWN);
		return;
	}
	int row = y - v->list_top;
	size_t n = v->ops->lines ? v->ops->lines(v) : 0;
	if (row < 0 || row >= v->height || v->offset + (size_t)row >= n)
		return;
	v->cursor = v->offset + (size_t)row;
	view_clamp(v);
	if (v->ops->cursor_changed)
		v->ops->cursor_changed(v);
	if (what == MOUSE_DOUBLE_CLICK)
		app_dispatch(app, REQ_ENTER);
}

void app_handle_key(struct app *app, int key)
{
	app_touch(app);
	watch_seen(&app->watch); /* a key means the user looked: the marks were seen */
	if (app->confirming) {
		int y;
		if (key == KEY_SPECIAL(KEY_MOUSE))
			screen_mouse(&y); /* a click or a turn of the wheel is no answer */
		else
			answer_confirm(app, key);
		return;
	}
	struct view *v = app_top(app);
	if (v && v->ops->key && v->ops->key(v, key))
		return;
	if (prompt_active()) {
		prompt_feed_key(key);
		return;
	}
	if (key == KEY_SPECIAL(KEY_MOUSE)) {
		app_mouse(app);
		return;
	}
	/* A key command of the config wins over the key's request. */
	const char *hook = keymap_lookup_hook(v ? v->ops->name : "generic", key);
	if (hook) {
		app_run_hook(app, hook);
		return;
	}
	const char *inner = v && v->ops->inner_scope ? v->ops->inner_scope(v) : NULL;
	enum request req = inner ? keymap_lookup_only(inner, key) : REQ_NONE;
	if (req == REQ_NONE)
		req = keymap_lookup(v ? v->ops->name : "generic", key);
	if (app->status_kind == STATUS_ERROR) {
		free(app->status);
		app->status = NULL;
		app->status_kind = STATUS_NONE;
	}
	if (req == REQ_NONE) {
		struct strbuf msg = STRBUF_INIT;
		suggest_unbound_key(v ? v->ops->name : "generic", key, app->cfg->read_only, &msg);
		app_status(app, STATUS_INFO, "%s", strbuf_str(&msg));
		strbuf_free(&msg);
		return;
	}
	app_dispatch(app, req);
}

/* Commands */

static void dump_screen(struct app *app, const char *name)
{
	app_redraw(app, true);
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/%s", app->dump_dir ? app->dump_dir : ".", name);
	FILE *f = fopen(strbuf_str(&path), "w");
	if (f) {
		draw_dump_screen(f);
		fclose(f);
	} else {
		app_status(app, STATUS_ERROR, "cannot write %s", strbuf_str(&path));
	}
	strbuf_free(&path);
}

/* The logical state behind the screen, for tests: which view, where the cursor is. */
static void dump_view(struct app *app, const char *name)
{
	struct view *v = app_top(app);
	if (!v)
		return;
	struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
	strbuf_addf(&sb, "view: %s\ncursor: %zu\noffset: %zu\nheight: %d\n", v->ops->name,
	            v->cursor, v->offset, v->height);
	if (v->ops->describe)
		v->ops->describe(v, &sb);
	strbuf_addf(&sb, "status: %s\n", app->status ? app->status : "");
	strbuf_addf(&sb, "clipboard: %s\n", osc_last_copied());
	/* When it was taken, on the clock a test's server can log too (CLOCK_MONOTONIC). */
	strbuf_addf(&sb, "clock_us: %lld\n", time_mono_us());
	strbuf_addf(&path, "%s/%s", app->dump_dir ? app->dump_dir : ".", name);
	FILE *f = fopen(strbuf_str(&path), "w");
	if (f) {
		fputs(strbuf_str(&sb), f);
		fclose(f);
	}
	strbuf_free(&sb);
	strbuf_free(&path);
}

void app_run_command(struct app *app, const char *line)
{
	while (*line == ':' || *line == ' ')
		line++;
	size_t nlen = strcspn(line, " ");
	char *name = xstrndup(line, nlen);
	const char *args = line + nlen;
	while (*args == ' ')
		args++;
	char *arg = xstrdup(args);
	for (size_t n = strlen(arg); n > 0 && arg[n - 1] == ' ';)
		arg[--n] = '\0';
	struct strbuf err = STRBUF_INIT;
	struct view *v = app_top(app);
	int cols, rows;

	if (!*name) {
		/* an empty command line does nothing */
	} else if (strcmp(name, "q") == 0 || strcmp(name, "quit") == 0) {
		app_quit(app);
	} else if (strcmp(name, "screen") == 0) {
		dump_screen(app, *arg ? arg : "screen");
	} else if (strcmp(name, "view") == 0) {
		app_redraw(app, true);
		dump_view(app, *arg ? arg : "view");
	} else if (strcmp(name, "stamp") == 0) {
		/* Benchmarks: the monotonic clock in ms, then the process's CPU time in µs,
		 * written to the dump directory. */
		struct strbuf path = STRBUF_INIT;
		strbuf_addf(&path, "%s/%s", app->dump_dir ? app->dump_dir : ".", *arg ? arg : "stamp");
		FILE *f = fopen(strbuf_str(&path), "w");
		if (f) {
			struct timespec cpu = { 0, 0 };
			clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
			fprintf(f, "%lld\n%lld\n", time_mono_ms(),
			        (long long)cpu.tv_sec * 1000000 + cpu.tv_nsec / 1000);
			fclose(f);
		}
		strbuf_free(&path);
	} else if (strcmp(name, "wait-for") == 0) {
		free(app->wait_for);
		app->wait_for = xstrdup(arg);
		app->wait_deadline = time_mono_ms() + 10000;
	} else if (strcmp(name, "resize") == 0) {
		if (sscanf(arg, "%dx%d", &cols, &rows) == 2 && cols > 0 && rows > 0)
			screen_resize(rows, cols);
		else
			strbuf_addf(&err, "usage: :resize COLSxROWS");
	} else if (strcmp(name, "open") == 0) {
		app_open_issue(app, arg, &err);
	} else if (strcmp(name, "profile") == 0) {
		if (*arg)
			app_switch_profile(app, arg, &err);
		else
			open_profile_picker(app);
	} else if (v && v->ops->command && v->ops->command(v, name, arg, &err)) {
		/* handled by the view */
	} else if (app_command_unavailable(app, name, arg)) {
		app_status(app, STATUS_INFO, "%s: :%s is not available here",
		           app_command_unavailable(app, name, arg), name);
	} else if (app_triage_command(app, name, arg, &err)) {
		/* a triage action */
	} else if (request_by_name(name) != REQ_NONE) {
		app_dispatch(app, request_by_name(name));
	} else {
		suggest_unknown_command(name, app->cfg->read_only, &err);
	}
	if (err.len)
		app_status(app, STATUS_ERROR, "%s", strbuf_str(&err));
	strbuf_free(&err);
	free(name);
	free(arg);
	app_touch(app);
}

/* Drawing: the one place that updates the terminal. */

/* Drop the last " · " part of sb; false when there is none (after min_start). */
static bool drop_last_part(struct strbuf *sb, size_t min_start)
{
	const char *str = strbuf_str(sb), *cut = NULL;
	for (const char *p = str + min_start; (p = strstr(p, " · ")) != NULL; p++)
		cut = p;
	if (!cut)
		return false;
	char *rest = xstrndup(str, (size_t)(cut - str));
	strbuf_reset(sb);
	strbuf_adds(sb, rest);
	free(rest);
	return true;
}

/* The title row: the view's left text (what is shown) and right text (counts), and a
 * read-only badge. When they do not fit, whole " · " parts go, from the end of the right
 * side (but its first), then from the end of the left side (but what comes before its
 * last " │ ": the query), then the left side's first " │ " part (the org); only then is
 * the left clipped. A badge is shown whole or not at all. */
static void draw_title(struct app *app, struct view *v, int width)
{
	struct strbuf left = STRBUF_INIT, right = STRBUF_INIT;
	if (!v)
		return;
	if (v->ops->title)
		v->ops->title(v, &left, &right);
	const char *badge = app->cfg->read_only ? "READ-ONLY" : NULL;
	int bw = badge ? sanitize_width(badge) + 1 : 0;
	/* The profile's name, in its colour, first: which server this is, at a glance. */
	const char *profile = app->cfg->profile;
	int pw = profile ? sanitize_width(profile) + 2 : 0;
	if (pw > width / 3)
		profile = NULL, pw = 0;
	/* What goes first when short of room: the right side's later parts ("updated …"),
	 * the left's last part (the sort, also marked in the column header), the left's
	 * first " │ " part (the org), then the left's other later parts. */
	bool dropped_sort = false, dropped_org = false;
	for (;;) {
		int need = pw + 1 + sanitize_width(strbuf_str(&left)) + 2 +
		           sanitize_width(strbuf_str(&right)) + bw + 1;
		if (need <= width)
			break;
		if (drop_last_part(&right, 0))
			continue;
		const char *l = strbuf_str(&left);
		const char *last_bar = NULL, *first_bar = strstr(l, " │ ");
		for (const char *p = first_bar; p && (p = strstr(p, " │ ")) != NULL; p++)
			last_bar = p;
		size_t scope = last_bar ? (size_t)(last_bar - l) + 1 : 0;
		if (!dropped_sort) {
			dropped_sort = true;
			if (drop_last_part(&left, scope))
				continue;
		}
		if (!dropped_org && first_bar && first_bar != last_bar) {
			dropped_org = true;
			char *rest = xstrdup(first_bar + strlen(" │ "));
			strbuf_reset(&left);
			strbuf_adds(&left, rest);
			free(rest);
			continue;
		}
		if (drop_last_part(&left, scope))
			continue;
		break;
	}
	if (badge && bw + 2 > width / 2)
		badge = NULL, bw = 0;
	struct draw_row row;
	draw_row_begin(&row, stdscr, 0, 0, width, false);
	if (profile) {
		draw_pad(&row, ROLE_PROFILE, 1);
		draw_text(&row, ROLE_PROFILE, profile);
		draw_pad(&row, ROLE_PROFILE, 1);
	}
	draw_pad(&row, ROLE_TITLE, 1);
	int rw = sanitize_width(strbuf_str(&right));
	if (rw > width / 2)
		rw = width / 2;
	row.right = width - rw - bw - 2;
	if (sanitize_width(strbuf_str(&left)) > draw_room(&row))
		draw_field(&row, ROLE_TITLE, strbuf_str(&left), draw_room(&row), ALIGN_LEFT);
	else
		draw_text(&row, ROLE_TITLE, strbuf_str(&left));
	row.right = width;
	draw_pad(&row, ROLE_TITLE, width - rw - bw - 1 - row.x);
	if (badge) {
		draw_text(&row, ROLE_STATUS_ERROR, badge);
		draw_pad(&row, ROLE_TITLE, 1);
	}
	draw_field(&row, ROLE_TITLE, strbuf_str(&right), rw, ALIGN_RIGHT);
	draw_row_end(&row, ROLE_TITLE);
	strbuf_free(&left);
	strbuf_free(&right);
}

/* The key hints that fit in width cells, whole: help and back/quit first, then the others
 * in the table's order while they fit (one that does not is left out, not cut). */
static void key_hints(struct app *app, struct strbuf *out, int width)
{
	enum { MAX_HINTS = 32 };
	char *items[MAX_HINTS];
	bool first[MAX_HINTS];
	size_t nitems = 0;
	static const struct {
		enum request req;
		const char *label;
	} hints[] = {
		{ REQ_HELP, "help" }, { REQ_QUERY, "query" }, { REQ_SORT, "sort" },
		{ REQ_PERIOD, "period" }, { REQ_ENVIRONMENT, "env" }, { REQ_PROJECT, "project" },
		{ REQ_RESOLVE, "resolve" }, { REQ_ARCHIVE, "archive" }, { REQ_ASSIGN, "assign" },
		{ REQ_MARK, "mark" },
		{ REQ_NEXT_SECTION, "section" }, { REQ_TOGGLE_IN_APP, "in-app" },
		{ REQ_TOGGLE_ORDER, "order" }, { REQ_SEARCH, "search" }, { REQ_EVENT_PREV, "older" },
		{ REQ_EVENT_NEXT, "newer" }, { REQ_EVENT_LIST, "events" },
		{ REQ_SPAN_FOLD, "fold" }, { REQ_SPAN_ZOOM_IN, "zoom" },
		{ REQ_SPAN_SLOWEST, "slowest" }, { REQ_SPAN_SEARCH, "search" },
		{ REQ_SPAN_DETAIL, "detail" }, { REQ_TRANSACTION_SORT, "sort" },
		{ REQ_TRANSACTION_FILTER, "filter" }, { REQ_RELEASE_SORT, "sort" },
		{ REQ_RELEASE_FILTER, "version" }, { REQ_RELEASE_PERIOD, "period" },
		{ REQ_NEW_ISSUES, "new issues" }, { REQ_RELEASE_ISSUES, "issues" },
		{ REQ_ENTER, "open" }, { REQ_REFRESH, "refresh" }, { REQ_BACK, NULL },
	};
	struct view *v = app_top(app);
	if (!v)
		return;
	/* A view shown inside this one (the Spans section) has its keys hinted instead of
	 * the host's own, but for the section key. */
	const char *inner = v->ops->inner_scope ? v->ops->inner_scope(v) : NULL;
	for (size_t i = 0; i < sizeof(hints) / sizeof(hints[0]); i++) {
		const struct request_info *info = request_info(hints[i].req);
		bool own = strcmp(info->scope, v->ops->name) == 0;
		if (strcmp(info->scope, "generic") != 0 && !own && !(inner && strcmp(info->scope, inner) == 0))
			continue;
		if (inner && ((own && hints[i].req != REQ_NEXT_SECTION) || hints[i].req == REQ_ENTER))
			continue;
		if (hints[i].req == REQ_ENTER && (!v->ops->lines || !v->ops->lines(v)))
			continue;
		if (!app_request_available(app, hints[i].req))
			continue;
		if ((info->flags & REQF_MUTATES) &&
		    (app->cfg->read_only || (strcmp(v->ops->name, "issues") != 0 &&
		                             strcmp(v->ops->name, "issue") != 0)))
			continue;
		struct strbuf keys = STRBUF_INIT;
		keymap_keys_for(hints[i].req, &keys);
		if (keys.len) {
			/* The first key, without tig's angle brackets: "C-r refresh". */
			const char *k = strbuf_str(&keys);
			size_t len = strcspn(k, " ");
			if (strncmp(k, "<LT>", len) == 0 && len == 4) {
				k = "<";
				len = 1;
			} else if (len > 2 && k[0] == '<' && k[len - 1] == '>') {
				k++;
				len -= 2;
			}
			const char *label = hints[i].label ? hints[i].label
			                  : app->nviews > 1 ? "back" : "quit";
			if (hints[i].req == REQ_ENTER && strcmp(v->ops->name, "issue") == 0)
				label = "expand";
			struct strbuf item = STRBUF_INIT;
			strbuf_addf(&item, "%.*s %s", (int)len, k, label);
			if (nitems < MAX_HINTS) {
				first[nitems] = hints[i].req == REQ_HELP || hints[i].req == REQ_BACK;
				items[nitems++] = strbuf_detach(&item);
			}
			strbuf_free(&item);
		}
		strbuf_free(&keys);
	}
	bool take[MAX_HINTS] = { false };
	int used = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < nitems; i++) {
			if (take[i] || first[i] != (pass == 0))
				continue;
			int w = sanitize_width(items[i]) + (used ? 2 : 0);
			if (used + w <= width) {
				take[i] = true;
				used += w;
			}
		}
	}
	for (size_t i = 0; i < nitems; i++) {
		if (take[i])
			strbuf_addf(out, "%s%s", out->len ? "  " : "", items[i]);
		free(items[i]);
	}
}

/* The stream's failure explains its empty or stale rows: on the stream it stays on
 * screen, above the status line, for as long as it is true (until a load succeeds or the
 * filters change), not only until the next key. NULL when the status line says it. */
static const char *stream_error_shown(struct app *app)
{
	struct view *v = app_top(app);
	const char *err = app->stream.error;
	if (!v || strcmp(v->ops->name, "issues") != 0 || app->stream.reloading || !err)
		return NULL;
	if (app->cfg->watch && app->stream.n)
		return NULL; /* the title says "stale since …": the rows stay in view */
	if (app->status && strcmp(app->status, err) == 0 && !prompt_active() && !app->confirming)
		return NULL;
	return err;
}

static int stream_error_rows(struct app *app, int width)
{
	const char *err = stream_error_shown(app);
	if (!err)
		return 0;
	int rows = draw_wrapped_rows(err, width);
	return rows > 3 ? 3 : rows;
}

/* Errors get up to three rows so the whole sentence can be read; everything else one. */
static int status_rows(struct app *app, int width)
{
	int extra = stream_error_rows(app, width);
	if (prompt_active() || app->confirming || !app->status || app->status_kind != STATUS_ERROR)
		return extra + 1;
	int rows = draw_wrapped_rows(app->status, width);
	return extra + (rows > 3 ? 3 : rows);
}

static void draw_status(struct app *app, int y, int width)
{
	int extra = stream_error_rows(app, width);
	if (extra) {
		draw_wrapped(stdscr, y, width, extra, ROLE_STATUS_ERROR, stream_error_shown(app));
		y += extra;
	}
	if (prompt_active()) {
		prompt_draw(stdscr, y, width);
		return;
	}
	if (app->confirming) {
		struct draw_row row;
		draw_row_begin(&row, stdscr, y, 0, width, false);
		draw_text(&row, ROLE_PROMPT, app->confirm_text);
		draw_row_end(&row, ROLE_STATUS);
		return;
	}
	int rows = status_rows(app, width) - extra;
	if (rows > 1) {
		draw_wrapped(stdscr, y, width, rows, ROLE_STATUS_ERROR, app->status);
		return;
	}
	struct draw_row row;
	draw_row_begin(&row, stdscr, y, 0, width, false);
	struct strbuf right = STRBUF_INIT;
	struct issue_stream *s = &app->stream;
	if (s->reloading || s->waiting_for_projects)
		strbuf_adds(&right, "⟳ loading…");
	else if (s->loading)
		strbuf_addf(&right, "⟳ loading page %d…", s->pages + 1);
	else if (!api_idle(app->client))
		strbuf_adds(&right, "⟳ working…");
	int rw = sanitize_width(strbuf_str(&right));
	row.right = width - (rw ? rw + 1 : 0);
	if (app->status) {
		enum color_role role = app->status_kind == STATUS_ERROR ? ROLE_STATUS_ERROR
		                                                        : ROLE_STATUS_INFO;
		if (sanitize_width(app->status) > draw_room(&row))
			draw_field(&row, role, app->status, draw_room(&row), ALIGN_LEFT);
		else
			draw_text(&row, role, app->status);
	} else {
		struct strbuf hints = STRBUF_INIT;
		key_hints(app, &hints, draw_room(&row));
		draw_text(&row, ROLE_DIM, strbuf_str(&hints));
		strbuf_free(&hints);
	}
	draw_row_end(&row, ROLE_STATUS);
	row.right = width;
	if (rw) {
		draw_pad(&row, ROLE_STATUS, 1);
		draw_text(&row, ROLE_LOADING, strbuf_str(&right));
	}
	strbuf_free(&right);
}

void app_redraw(struct app *app, bool force)
{
	if (!app->dirty && !force)
		return;
	app->dirty = false;
	if (watch_take_bell(&app->watch))
		beep(); /* from the draw pass: a callback never touches the terminal */
	int rows = LINES, cols = COLS;
	erase();
	if (cols < MIN_COLS || rows < MIN_ROWS) {
		char size[64];
		snprintf(size, sizeof(size), "%dx%d, need %dx%d", cols, rows, MIN_COLS, MIN_ROWS);
		const char *lines[2] = { "Terminal too small", size };
		for (int i = 0; i < 2; i++) {
			int w = sanitize_width(lines[i]);
			struct draw_row row;
			draw_row_begin(&row, stdscr, rows / 2 - 1 + i, w < cols ? (cols - w) / 2 : 0, cols,
			               false);
			draw_text(&row, ROLE_STATUS_INFO, lines[i]);
		}
		curs_set(0);
	} else {
		struct view *v = app_top(app);
		int srows = status_rows(app, cols);
		draw_title(app, v, cols);
		if (v)
			view_draw(v, stdscr, 1, rows - 1 - srows, cols);
		draw_status(app, rows - srows, cols);
		curs_set(prompt_active() ? 1 : 0);
		/* A hidden cursor stays where the frame's last write left it: parking it in the
		 * corner cost a cursor motion per frame (docs/benchmarks.md, bytes per move). */
		leaveok(stdscr, !prompt_active());
		if (prompt_active())
			prompt_draw(stdscr, rows - 1, cols); /* leaves the cursor in the prompt */
	}
	wnoutrefresh(stdscr);
	hyperlink_before_update();
	doupdate();
	/* Escapes of our own (a clipboard write) go after curses' frame, never inside it. */
	screen_flush_queued();
}
