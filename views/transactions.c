/* Recent transactions (`:transactions`): the stream's projects, environment and period,
 * newest first or slowest first, filtered by name; Enter opens the waterfall (the
 * transaction's trace where the server lists spans, else the transaction event). The
 * header says what the rows came from. Pages load as the cursor nears the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/transactions.h"
#include "tui/format.h"
#include "tui/prompt.h"
#include "util/timeutil.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/view_table.h"
#include "views/waterfall_layout.h"

#define DURATION_WIDTH 7
#define OP_WIDTH 16
#define PROJECT_WIDTH 14

struct transactions_view {
	struct view view;
	struct transaction_store store;
	char *project_label;      /* the stream's projects, as the header names them */
};

static struct transactions_view *tv_of(struct view *v)
{
	return (struct transactions_view *)v;
}

static size_t lines(struct view *v)
{
	return tv_of(v)->store.n;
}

static void cursor_changed(struct view *v)
{
	struct transaction_store *s = &tv_of(v)->store;
	if (v->cursor + 10 >= s->n)
		transaction_store_load_more(s);
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	const struct transaction_row *r = &tv_of(v)->store.rows[lineno];
	char age[16], duration[32];
	if (r->timestamp)
		format_age(r->timestamp, time_now(), age, sizeof(age));
	else
		snprintf(age, sizeof(age), "-");
	if (r->duration_ms >= 0)
		waterfall_format_duration(r->duration_ms / 1000.0, duration, sizeof(duration));
	else
		snprintf(duration, sizeof(duration), "?");
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_AGE, age, 4, ALIGN_RIGHT);
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_NUMBER, duration, DURATION_WIDTH, ALIGN_RIGHT);
	draw_pad(row, ROLE_DEFAULT, 2);
	draw_field(row, ROLE_DIM, r->op ? r->op : "-", OP_WIDTH, ALIGN_LEFT);
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_SHORT_ID, r->project ? r->project : "-", PROJECT_WIDTH, ALIGN_LEFT);
	draw_pad(row, ROLE_DEFAULT, 1);
	if (r->status && strcmp(r->status, "ok") != 0) {
		draw_text(row, ROLE_LEVEL_ERROR, r->status);
		draw_pad(row, ROLE_DEFAULT, 1);
	}
	draw_field(row, ROLE_DEFAULT, r->name ? r->name : "(no name)", draw_room(row), ALIGN_LEFT);
}

/* Two rows: what the list is (from what the rows came from), then the column titles. */
static void draw_header(struct view *v, WINDOW *win, int y, int width)
{
	struct transactions_view *tv = tv_of(v);
	const struct transaction_store *s = &tv->store;
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "%s · %s · last %s", tv->project_label,
	            s->environment ? s->environment : "all environments",
	            s->period ? s->period : "24h");
	if (s->applied.name)
		strbuf_addf(&sb, " · name contains \"%s\"", s->applied.name);
	strbuf_addf(&sb, " · %s", s->applied.sort == DISCOVER_SLOWEST ? "slowest first" : "newest first");
	if (s->dataset == DISCOVER_TRANSACTIONS && s->dataset_known)
		strbuf_adds(&sb, " · transactions dataset");
	struct draw_row row;
	draw_row_begin(&row, win, y, 0, width, false);
	draw_pad(&row, ROLE_DEFAULT, 1);
	draw_field(&row, ROLE_DEFAULT, strbuf_str(&sb), draw_room(&row), ALIGN_LEFT);
	draw_row_end(&row, ROLE_DEFAULT);
	strbuf_free(&sb);
	draw_row_begin(&row, win, y + 1, 0, width, false);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, "AGE", 4, ALIGN_RIGHT);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, "TIME", DURATION_WIDTH, ALIGN_RIGHT);
	draw_pad(&row, ROLE_HEADER, 2);
	draw_field(&row, ROLE_HEADER, "OP", OP_WIDTH, ALIGN_LEFT);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, "PROJECT", PROJECT_WIDTH, ALIGN_LEFT);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_text(&row, ROLE_HEADER, "TRANSACTION");
	draw_row_end(&row, ROLE_HEADER);
}

static void on_filter(void *ctx, const char *text)
{
	struct transactions_view *tv = ctx;
	if (!text)
		return;
	transaction_store_set_filter(&tv->store, text, tv->store.asked.sort);
}

/* The waterfall of the row: its trace (spans dataset) or its event. */
static void open_row(struct transactions_view *tv)
{
	struct view *v = &tv->view;
	if (v->cursor >= tv->store.n)
		return;
	const struct transaction_row *r = &tv->store.rows[v->cursor];
	struct view_args args = { .project = r->project };
	if (r->event_id && r->project) {
		args.event = r->event_id;
	} else if (r->trace) {
		args.trace = r->trace;
		args.focus_span = r->span_id;
	} else {
		app_status(v->app, STATUS_INFO, "the server sent no trace or event id for this row");
		return;
	}
	app_push(v->app, view_open(v->app, VIEW_waterfall, &args));
}

static bool request(struct view *v, enum request req)
{
	struct transactions_view *tv = tv_of(v);
	struct transaction_store *s = &tv->store;
	switch (req) {
	case REQ_ENTER:
		open_row(tv);
		return true;
	case REQ_TRANSACTION_SORT:
		transaction_store_set_filter(s, s->asked.name,
		                             s->asked.sort == DISCOVER_NEWEST ? DISCOVER_SLOWEST
		                                                              : DISCOVER_NEWEST);
		app_status(v->app, STATUS_INFO, "transactions: %s",
		           s->asked.sort == DISCOVER_SLOWEST ? "slowest first" : "newest first");
		return true;
	case REQ_TRANSACTION_FILTER:
		prompt_open("transaction name contains: ", s->asked.name, "transactions", on_filter, tv);
		return true;
	case REQ_REFRESH:
		transaction_store_reload(s);
		return true;
	default:
		return false;
	}
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	const struct transaction_store *s = &tv_of(v)->store;
	strbuf_addf(left, "%s › transactions", v->app->target.org);
	if (s->loading)
		strbuf_adds(right, "loading…");
	else
		strbuf_addf(right, "%zu%s loaded", s->n, s->next_cursor ? "+" : "");
}

static const char *empty_text(struct view *v)
{
	const struct transaction_store *s = &tv_of(v)->store;
	if (s->error)
		return s->error;
	if (s->loading)
		return "Loading transactions…";
	return "No transactions match.";
}

static void describe(struct view *v, struct strbuf *out)
{
	const struct transaction_store *s = &tv_of(v)->store;
	const struct transaction_row *r = v->cursor < s->n ? &s->rows[v->cursor] : NULL;
	strbuf_addf(out, "rows: %zu\nmore: %s\ndataset: %s\nsort: %s\nname: %s\n", s->n,
	            s->next_cursor ? "yes" : "no",
	            s->dataset == DISCOVER_SPANS ? "spans" : "transactions",
	            s->applied.sort == DISCOVER_SLOWEST ? "slowest" : "newest",
	            s->applied.name ? s->applied.name : "-");
	if (r)
		strbuf_addf(out, "transaction: %s\n", r->name ? r->name : "-");
}

static void close_view(struct view *v)
{
	struct transactions_view *tv = tv_of(v);
	transaction_store_free(&tv->store);
	free(tv->project_label);
	free(tv);
}

static const struct view_ops transactions_ops = {
	.name = "transactions",
	.lines = lines,
	.header_rows = 2,
	.draw_header = draw_header,
	.draw_line = draw_line,
	.request = request,
	.title = title,
	.cursor_changed = cursor_changed,
	.close = close_view,
	.empty_text = empty_text,
	.describe = describe,
};

/* An answer arrived: the next pass draws it (never draw from a callback). */
static void changed(void *ctx)
{
	struct transactions_view *tv = ctx;
	if (tv->store.error)
		app_status(tv->view.app, STATUS_ERROR, "%s", tv->store.error);
	view_clamp(&tv->view);
	app_touch(tv->view.app);
}

/* The stream's projects, environment and period: the rows the stream came from. */
struct view *transactions_view_open(struct app *app, const struct view_args *args)
{
	struct transactions_view *tv = xcalloc(1, sizeof(*tv));
	tv->view.ops = &transactions_ops;
	tv->view.app = app;
	struct stream_scope scope;
	app_stream_scope(app, &scope);
	tv->project_label = scope.label;
	scope.label = NULL;
	transaction_store_open(&tv->store, &app->target, scope.ids, scope.nids,
	                       scope.filters->environment, scope.filters->period, changed, tv);
	stream_scope_free(&scope);
	return &tv->view;
}
