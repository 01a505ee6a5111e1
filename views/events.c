/* The issue's events as a list to pick one: Enter shows it on the issue screen below.
 * Pages load lazily as the cursor nears the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/issue_detail.h"
#include "tui/format.h"
#include "util/timeutil.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/view_table.h"

struct events_view {
	struct view view;
	struct issue_detail_store *store;  /* borrowed from the issue screen below */
	struct view *issue_view;
};

static struct events_view *ev_of(struct view *v)
{
	return (struct events_view *)v;
}

static size_t lines(struct view *v)
{
	return ev_of(v)->store->nevents;
}

static void maybe_load_more(struct view *v)
{
	struct issue_detail_store *s = ev_of(v)->store;
	if (s->events_cursor && !s->events_state.loading && v->cursor + 10 >= s->nevents)
		issue_detail_store_load_events(s);
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	const struct event_summary *e = &ev_of(v)->store->events[lineno];
	char age[16];
	format_age(e->date_created, time_now(), age, sizeof(age));
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_SHORT_ID, e->id ? e->id : "?", 12, ALIGN_LEFT);
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_AGE, age, 4, ALIGN_RIGHT);
	draw_pad(row, ROLE_DEFAULT, 2);
	draw_field(row, ROLE_ASSIGNEE, e->environment ? e->environment : "-", 12, ALIGN_LEFT);
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_DIM, e->release ? e->release : "-", 14, ALIGN_LEFT);
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_DEFAULT, e->user ? e->user : "-", 20, ALIGN_LEFT);
	draw_pad(row, ROLE_DEFAULT, 1);
	const char *msg = e->message && *e->message ? e->message : e->title;
	if (msg)
		draw_field(row, ROLE_DEFAULT, msg, draw_room(row), ALIGN_LEFT);
}

static void draw_header(struct view *v, WINDOW *win, int y, int width)
{
	struct draw_row row;
	draw_row_begin(&row, win, y, 0, width, false);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, "EVENT", 12, ALIGN_LEFT);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, "AGE", 4, ALIGN_RIGHT);
	draw_pad(&row, ROLE_HEADER, 2);
	draw_field(&row, ROLE_HEADER, "ENVIRONMENT", 12, ALIGN_LEFT);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, "RELEASE", 14, ALIGN_LEFT);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, "USER", 20, ALIGN_LEFT);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_text(&row, ROLE_HEADER, "MESSAGE");
	draw_row_end(&row, ROLE_HEADER);
}

static bool request(struct view *v, enum request req)
{
	struct events_view *ev = ev_of(v);
	if (req == REQ_ENTER) {
		if (v->cursor < ev->store->nevents && ev->store->events[v->cursor].id) {
			char *id = xstrdup(ev->store->events[v->cursor].id);
			struct view *issue = ev->issue_view;
			app_pop(v->app); /* frees ev */
			/* The issue screen's own `:event ID`. */
			struct strbuf err = STRBUF_INIT;
			if (issue->ops->command)
				issue->ops->command(issue, "event", id, &err);
			strbuf_free(&err);
			free(id);
		}
		return true;
	}
	if (req == REQ_BACK) {
		app_pop(v->app);
		return true;
	}
	return false;
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	struct issue_detail_store *s = ev_of(v)->store;
	const char *name = s->detail && s->detail->issue.short_id ? s->detail->issue.short_id
	                                                           : s->issue_id;
	strbuf_addf(left, "%s › events of %s", v->app->target.org, name);
	strbuf_addf(right, "%zu%s loaded · Enter shows one", s->nevents, s->events_cursor ? "+" : "");
}

static const char *empty_text(struct view *v)
{
	struct issue_detail_store *s = ev_of(v)->store;
	if (s->events_state.loading)
		return "Loading events…";
	return s->events_state.error ? s->events_state.error : "No events.";
}

static void close_view(struct view *v)
{
	free(v);
}

static const struct view_ops events_ops = {
	.name = "events",
	.lines = lines,
	.header_rows = 1,
	.draw_header = draw_header,
	.draw_line = draw_line,
	.request = request,
	.title = title,
	.cursor_changed = maybe_load_more,
	.close = close_view,
	.empty_text = empty_text,
};

struct view *events_view_open(struct app *app, const struct view_args *args)
{
	struct events_view *ev = xcalloc(1, sizeof(*ev));
	ev->view.ops = &events_ops;
	ev->view.app = app;
	ev->store = args->store;
	ev->issue_view = args->parent;
	issue_detail_store_load_events(ev->store);
	return &ev->view;
}
