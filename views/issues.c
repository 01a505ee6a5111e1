/* The issue stream view: one row per issue, columns that adapt to the width, filters
 * cycled with single keys, lazy paging as the cursor nears the end. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/filters.h"
#include "store/issue_stream.h"
#include "tui/format.h"
#include "tui/prompt.h"
#include "tui/sanitize.h"
#include "util/timeutil.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/style.h"
#include "views/view_table.h"

/* Load the next page when the cursor is this close to the end of what is loaded. */
#define PREFETCH_ROWS 20

static const char *const sort_cycle[] = { "date", "new", "freq", "user" };
static const char *const sort_labels[] = { "last seen", "first seen", "events", "users" };
static const char *const period_cycle[] = { "1h", "24h", "7d", "14d", "30d", "90d" };

struct issues_view {
	struct view view;
	char *selected_id;   /* issue under the cursor before a reload, to find it again */
	/* The issue under the cursor and the filters of its rows: a refresh of the same
	 * filters (rows inserted above it, the automatic refresh) keeps the cursor on it. */
	char *cursor_id;
	size_t cursor_at;    /* where cursor_id was: a cursor set elsewhere (:open) wins */
	struct issue_filters cursor_filters;
	size_t seen_n;
	struct strbuf empty_msg; /* the text empty_text returns */
	int id_width;            /* the ID column: widest short id loaded, plus a space */
};

static struct issue_stream *stream_of(struct view *v)
{
	return &v->app->stream;
}

/* Columns */

enum sort_key { SORT_LAST_SEEN, SORT_FIRST_SEEN, SORT_EVENTS, SORT_USERS };

static enum sort_key sort_key_of(const char *sort)
{
	if (sort && strcmp(sort, "new") == 0)
		return SORT_FIRST_SEEN;
	if (sort && strcmp(sort, "freq") == 0)
		return SORT_EVENTS;
	if (sort && strcmp(sort, "user") == 0)
		return SORT_USERS;
	return SORT_LAST_SEEN;
}

struct columns {
	int level, marks, short_id, title, badge, events, users, spark, last, first, assignee;
};

#define BADGE_WIDTH 6     /* the longest badge (5 cells) and a space: whole or not at all */
#define MIN_TITLE 31      /* 30 cells of title and a space, at 80 columns and wider */
#define SHORT_ID_MIN 8
#define SHORT_ID_MAX 16

/* Fixed widths include one separating space. Optional columns narrow or go, in this
 * order, until the title has MIN_TITLE cells (or, on a narrower terminal, until nothing
 * else can give way); the column the stream is sorted by never goes. Nothing is ever
 * drawn past the width. id_width is the widest short id loaded, plus its space. */
static struct columns layout(int width, enum sort_key key, int id_width)
{
	struct columns c = {
		.level = 2, .marks = 3, .short_id = id_width, .badge = BADGE_WIDTH, .events = 7,
		.users = 7, .spark = 25, .last = 6, .first = 5, .assignee = 15,
	};
	/* Room for the sort mark after "EVENTS" / "USERS". */
	if (key == SORT_EVENTS)
		c.events = 8;
	for (int step = 0;; step++) {
		int fixed = c.level + c.marks + c.short_id + c.badge + c.events + c.users + c.spark +
		            c.last + c.first + c.assignee;
		c.title = width - fixed;
		if (c.title >= MIN_TITLE + 60 && step == 0) {
			/* Room to spare: whole team and member names before an even longer title. */
			c.assignee = 23;
			c.title -= 8;
		}
		if (c.title >= MIN_TITLE)
			return c;
		switch (step) {
		case 0: c.spark = 13; break;
		case 1: c.assignee = 11; break;
		case 2: if (key != SORT_FIRST_SEEN) c.first = 0; break;
		case 3: c.spark = 9; break;
		case 4: if (key != SORT_USERS) c.users = 0; break;
		case 5: c.spark = 0; break;
		case 6: /* counts are at most 4 cells; short headers */
			c.events = 5;
			if (c.users)
				c.users = 5;
			break;
		case 7: c.assignee = 9; break;
		case 8: if (c.short_id > 12) c.short_id = 12; break;
		case 9: c.assignee = 0; break;
		case 10: c.badge = 0; break;
		case 11: if (key != SORT_EVENTS) c.events = 0; break;
		case 12: if (key != SORT_LAST_SEEN) c.last = 0; break;
		default:
			if (c.title < 1)
				c.title = 1;
			return c;
		}
	}
}

/* Substatus badge: what changed about the issue, so it reads without colour. */
static const char *badge(const struct issue *i, enum color_role *role)
{
	const char *ss = i->substatus ? i->substatus : "";
	const char *st = i->status ? i->status : "";
	*role = ROLE_BADGE_ONGOING;
	if (strcmp(st, "resolved") == 0) {
		*role = ROLE_BADGE_RESOLVED;
		return "RESLV";
	}
	if (strcmp(st, "ignored") == 0 || strncmp(ss, "archived", 8) == 0) {
		*role = ROLE_BADGE_ARCHIVED;
		return "ARCHV";
	}
	if (strcmp(ss, "new") == 0) {
		*role = ROLE_BADGE_NEW;
		return "NEW";
	}
	if (strcmp(ss, "regressed") == 0) {
		*role = ROLE_BADGE_REGRESSED;
		return "REGR";
	}
	if (strcmp(ss, "escalating") == 0) {
		*role = ROLE_BADGE_ESCALATING;
		return "ESCAL";
	}
	if (strcmp(ss, "ongoing") == 0)
		return "ONGO";
	return "";
}

static void assignee_text(const struct issue *i, char *buf, size_t n)
{
	const struct actor *a = i->assigned_to;
	if (!a) {
		snprintf(buf, n, "-");
		return;
	}
	const char *name = a->name ? a->name : a->email ? a->email : a->id ? a->id : "?";
	if (a->type && strcmp(a->type, "team") == 0)
		snprintf(buf, n, "#%s", name);
	else
		snprintf(buf, n, "%s", name);
}

static struct columns columns_for(struct view *v, int width)
{
	struct issues_view *iv = (struct issues_view *)v;
	return layout(width, sort_key_of(stream_of(v)->filters.sort), iv->id_width);
}

/* Watch mode (--watch) fits a small pane: level, what changed, short id, events, last
 * seen, then the title takes the rest. */
#define COMPACT_ID_MAX 13
#define COMPACT_EVENTS 7
#define COMPACT_SEEN 5

static const char *watch_glyph(enum watch_mark mark)
{
	switch (mark) {
	case WATCH_NEW: return "+";
	case WATCH_REGRESSED: return "↺";
	case WATCH_ESCALATING: return "▲";
	case WATCH_NONE: break;
	}
	return " ";
}

static int compact_id_width(struct view *v)
{
	int w = ((struct issues_view *)v)->id_width;
	return w > COMPACT_ID_MAX ? COMPACT_ID_MAX : w;
}

static void draw_issue_compact(struct view *v, const struct issue *i, struct draw_row *row)
{
	char buf[64];
	enum watch_mark mark = watch_mark_of(&v->app->watch, i->id);
	draw_field(row, style_level_role(i->level), style_level_letter(i->level), 1, ALIGN_LEFT);
	draw_field(row, mark == WATCH_NEW ? ROLE_BADGE_NEW : mark == WATCH_REGRESSED
	                ? ROLE_BADGE_REGRESSED : ROLE_BADGE_ESCALATING, watch_glyph(mark), 1, ALIGN_LEFT);
	draw_field(row, ROLE_BOOKMARK, i->marked ? GLYPH_MARKED : i->pending ? GLYPH_PENDING : " ", 1,
	           ALIGN_LEFT);
	int idw = compact_id_width(v);
	draw_link_field(row, ROLE_SHORT_ID, i->short_id ? i->short_id : i->id, idw - 1, ALIGN_LEFT,
	                i->permalink);
	draw_pad(row, ROLE_DEFAULT, 1);
	if (i->has_count)
		format_count(i->count, buf, sizeof(buf));
	else
		snprintf(buf, sizeof(buf), "-");
	draw_field(row, ROLE_NUMBER, buf, COMPACT_EVENTS - 1, ALIGN_RIGHT);
	draw_pad(row, ROLE_DEFAULT, 1);
	format_age(i->last_seen, time_now(), buf, sizeof(buf));
	draw_field(row, ROLE_AGE, buf, COMPACT_SEEN - 1, ALIGN_RIGHT);
	draw_pad(row, ROLE_DEFAULT, 1);
	const char *title = i->title ? i->title : "(no title)";
	enum color_role role = i->dimmed ? ROLE_DIM : ROLE_DEFAULT;
	if (sanitize_width(title) > draw_room(row))
		draw_field(row, role, title, draw_room(row), ALIGN_LEFT);
	else
		draw_text(row, role, title);
}

static void draw_header_compact(struct view *v, struct draw_row *row)
{
	draw_pad(row, ROLE_HEADER, 3);
	draw_field(row, ROLE_HEADER, "ID", compact_id_width(v), ALIGN_LEFT);
	draw_field(row, ROLE_HEADER, "EVENTS", COMPACT_EVENTS - 1, ALIGN_RIGHT);
	draw_pad(row, ROLE_HEADER, 1);
	draw_field(row, ROLE_HEADER, "SEEN", COMPACT_SEEN - 1, ALIGN_RIGHT);
	draw_pad(row, ROLE_HEADER, 1);
	draw_text(row, ROLE_HEADER, "ISSUE");
}

static void draw_issue(struct view *v, size_t lineno, struct draw_row *row)
{
	struct issue_stream *s = stream_of(v);
	const struct issue *i = s->items[lineno];
	if (v->app->cfg->watch) {
		draw_issue_compact(v, i, row);
		return;
	}
	struct columns c = columns_for(v, row->right);
	char buf[256];

	/* A row changed so that it no longer matches the query stays, dimmed, until the next
	 * refresh, so the cursor does not jump. */
	enum color_role text_role = i->dimmed ? ROLE_DIM : ROLE_DEFAULT;
	/* The cursor bar covers the issue's name (short id, title, culprit); the level, the
	 * marks and the columns after the title keep their own look on the cursor row.
	 * Nothing there loses its colour, and a one-row move rewrites two names, not two
	 * whole rows (a full-width bar at 200 columns cost about twice the bytes per key:
	 * docs/benchmarks.md). */
	bool on_cursor = row->selected;
	row->selected = false;
	draw_field(row, style_level_role(i->level), style_level_letter(i->level), 1, ALIGN_LEFT);
	/* For review (•), pending (…), marked (✓), bookmarked (★): read without colour. */
	draw_field(row, ROLE_BADGE_NEW, i->for_review == 1 ? GLYPH_FOR_REVIEW : " ", 1, ALIGN_LEFT);
	draw_field(row, i->pending ? ROLE_LOADING : ROLE_BOOKMARK, i->pending ? GLYPH_PENDING : " ",
	           1, ALIGN_LEFT);
	draw_field(row, ROLE_BOOKMARK, i->marked ? GLYPH_MARKED : " ", 1, ALIGN_LEFT);
	draw_field(row, ROLE_BOOKMARK, i->is_bookmarked ? GLYPH_BOOKMARK : " ", 1, ALIGN_LEFT);
	row->selected = on_cursor;
	draw_link_field(row, ROLE_SHORT_ID, i->short_id ? i->short_id : i->id, c.short_id - 1,
	                ALIGN_LEFT, i->permalink);
	draw_pad(row, ROLE_DEFAULT, 1);

	/* Title, then the culprit dimmed, in one clipped field. */
	int title_end = row->x + c.title - 1;
	struct draw_row sub = *row;
	sub.right = title_end;
	const char *title = i->title ? i->title : "(no title)";
	int tw = sanitize_width(title);
	if (tw > c.title - 1) {
		draw_field(&sub, text_role, title, c.title - 1, ALIGN_LEFT);
	} else {
		draw_text(&sub, text_role, title);
		if (i->culprit && *i->culprit && draw_room(&sub) > 2) {
			draw_pad(&sub, ROLE_DEFAULT, 2);
			if (sanitize_width(i->culprit) > draw_room(&sub))
				draw_field(&sub, ROLE_CULPRIT, i->culprit, draw_room(&sub), ALIGN_LEFT);
			else
				draw_text(&sub, ROLE_CULPRIT, i->culprit);
		}
		draw_row_end(&sub, ROLE_DEFAULT);
	}
	row->x = title_end;
	row->selected = false; /* the bar ends with the title */
	draw_pad(row, ROLE_DEFAULT, 1);

	if (c.badge) {
		enum color_role br;
		const char *b = badge(i, &br);
		draw_field(row, br, b, c.badge - 1, ALIGN_LEFT);
		draw_pad(row, ROLE_DEFAULT, 1);
	}
	if (c.events) {
		if (i->has_count)
			format_count(i->count, buf, sizeof(buf));
		else
			snprintf(buf, sizeof(buf), "-");
		draw_field(row, ROLE_NUMBER, buf, c.events - 1, ALIGN_RIGHT);
		draw_pad(row, ROLE_DEFAULT, 1);
	}
	if (c.users) {
		format_count(i->user_count > 0 ? (uint64_t)i->user_count : 0, buf, sizeof(buf));
		draw_field(row, ROLE_NUMBER, buf, c.users - 1, ALIGN_RIGHT);
		draw_pad(row, ROLE_DEFAULT, 1);
	}
	if (c.spark) {
		char spark[3 * 32 + 1];
		format_sparkline(i->stats, i->nstats, c.spark - 1, spark, sizeof(spark));
		draw_field(row, ROLE_SPARK, spark, c.spark - 1, ALIGN_LEFT);
		draw_pad(row, ROLE_DEFAULT, 1);
	}
	time_t now = time_now();
	if (c.last) {
		format_age(i->last_seen, now, buf, sizeof(buf));
		draw_field(row, ROLE_AGE, buf, c.last - 1, ALIGN_RIGHT);
		draw_pad(row, ROLE_DEFAULT, 1);
	}
	if (c.first) {
		format_age(i->first_seen, now, buf, sizeof(buf));
		draw_field(row, ROLE_AGE, buf, c.first - 1, ALIGN_RIGHT);
		draw_pad(row, ROLE_DEFAULT, 1);
	}
	if (c.assignee) {
		assignee_text(i, buf, sizeof(buf));
		draw_field(row, i->assigned_to ? ROLE_ASSIGNEE : ROLE_DIM, buf, c.assignee - 1,
		           ALIGN_LEFT);
	}
}

static const char *sort_label(const char *sort)
{
	for (size_t i = 0; i < sizeof(sort_cycle) / sizeof(sort_cycle[0]); i++)
		if (sort && strcmp(sort, sort_cycle[i]) == 0)
			return sort_labels[i];
	return sort ? sort : "last seen";
}

/* A column header, with the sort mark when the stream is sorted by it: the long label
 * when it fits with the mark, else the short one. */
static void header_field(struct draw_row *row, const char *label, const char *short_label,
                         bool sorted, int width, enum draw_align align)
{
	char text[32];
	snprintf(text, sizeof(text), "%s%s", label, sorted ? GLYPH_SORT_KEY : "");
	if (sanitize_width(text) > width)
		snprintf(text, sizeof(text), "%s%s", short_label, sorted ? GLYPH_SORT_KEY : "");
	draw_field(row, ROLE_HEADER, text, width, align);
}

static void draw_header(struct view *v, WINDOW *win, int y, int width)
{
	struct columns c = columns_for(v, width);
	enum sort_key key = sort_key_of(stream_of(v)->filters.sort);
	struct draw_row row;
	draw_row_begin(&row, win, y, 0, width, false);
	if (v->app->cfg->watch) {
		draw_header_compact(v, &row);
		draw_row_end(&row, ROLE_HEADER);
		return;
	}
	draw_pad(&row, ROLE_HEADER, c.level + c.marks);
	draw_field(&row, ROLE_HEADER, "ID", c.short_id, ALIGN_LEFT);
	draw_field(&row, ROLE_HEADER, "ISSUE", c.title, ALIGN_LEFT);
	if (c.badge)
		draw_field(&row, ROLE_HEADER, "", c.badge, ALIGN_LEFT);
	if (c.events) {
		header_field(&row, "EVENTS", "EVT", key == SORT_EVENTS, c.events - 1, ALIGN_RIGHT);
		draw_pad(&row, ROLE_HEADER, 1);
	}
	if (c.users) {
		header_field(&row, "USERS", "USR", key == SORT_USERS, c.users - 1, ALIGN_RIGHT);
		draw_pad(&row, ROLE_HEADER, 1);
	}
	if (c.spark)
		draw_field(&row, ROLE_HEADER, "24H", c.spark, ALIGN_LEFT);
	if (c.last) {
		header_field(&row, "SEEN", "SEEN", key == SORT_LAST_SEEN, c.last - 1, ALIGN_RIGHT);
		draw_pad(&row, ROLE_HEADER, 1);
	}
	if (c.first) {
		header_field(&row, "AGE", "AGE", key == SORT_FIRST_SEEN, c.first - 1, ALIGN_RIGHT);
		draw_pad(&row, ROLE_HEADER, 1);
	}
	if (c.assignee)
		draw_field(&row, ROLE_HEADER, "ASSIGNEE", c.assignee - 1, ALIGN_LEFT);
	draw_row_end(&row, ROLE_HEADER);
}

static size_t lines(struct view *v)
{
	return stream_of(v)->n;
}

static void remember_selection(struct issues_view *iv)
{
	struct issue_stream *s = stream_of(&iv->view);
	free(iv->selected_id);
	iv->selected_id = NULL;
	if (iv->view.cursor < s->n && s->items[iv->view.cursor]->id)
		iv->selected_id = xstrdup(s->items[iv->view.cursor]->id);
}

static void maybe_load_more(struct view *v)
{
	struct issue_stream *s = stream_of(v);
	if (s->has_more && !s->loading && v->cursor + PREFETCH_ROWS >= s->n)
		issue_stream_load_more(s);
}

static void remember_cursor(struct issues_view *iv)
{
	struct issue_stream *s = stream_of(&iv->view);
	free(iv->cursor_id);
	iv->cursor_id = NULL;
	if (iv->view.cursor < s->n && s->items[iv->view.cursor]->id && s->has_applied && !s->reloading) {
		iv->cursor_id = xstrdup(s->items[iv->view.cursor]->id);
		iv->cursor_at = iv->view.cursor;
		issue_filters_copy(&iv->cursor_filters, &s->applied);
	}
}

static void cursor_changed(struct view *v)
{
	if (!stream_of(v)->reloading)
		remember_cursor((struct issues_view *)v);
	/* Moving while a reload is in flight: the row to come back to is the one now under
	 * the cursor, not the one when the reload started. */
	if (stream_of(v)->reloading && ((struct issues_view *)v)->selected_id)
		remember_selection((struct issues_view *)v);
	maybe_load_more(v);
}

static void reload(struct view *v, bool keep_cursor)
{
	struct issues_view *iv = (struct issues_view *)v;
	if (keep_cursor) {
		remember_selection(iv);
	} else {
		free(iv->selected_id);
		iv->selected_id = NULL;
		v->cursor = v->offset = 0;
	}
	issue_stream_reload(stream_of(v));
}

static size_t cycle_index(const char *const *list, size_t n, const char *cur)
{
	for (size_t i = 0; i < n; i++)
		if (cur && strcmp(list[i], cur) == 0)
			return (i + 1) % n;
	return 0;
}

static void set_sort(struct view *v, const char *sort)
{
	issue_filters_set(&stream_of(v)->filters.sort, sort);
	app_status(v->app, STATUS_INFO, "sort: %s", sort_label(sort));
	reload(v, false);
}

static void set_period(struct view *v, const char *period)
{
	issue_filters_set(&stream_of(v)->filters.period, period);
	app_status(v->app, STATUS_INFO, "period: %s", period);
	reload(v, false);
}

static void set_environment(struct view *v, const char *env)
{
	issue_filters_set(&stream_of(v)->filters.environment, env && *env ? env : NULL);
	app_status(v->app, STATUS_INFO, "environment: %s", env && *env ? env : "all");
	reload(v, false);
}

static void set_project(struct view *v, const char *slug)
{
	struct issue_stream *s = stream_of(v);
	char *slugs[1] = { (char *)(uintptr_t)slug };
	issue_filters_set_projects(&s->filters, slugs, slug && *slug ? 1 : 0);
	app_status(v->app, STATUS_INFO, "project: %s", slug && *slug ? slug : "all");
	reload(v, false);
}

static void set_query(struct view *v, const char *query)
{
	issue_filters_set(&stream_of(v)->filters.query, query);
	reload(v, false);
}

/* Environments offered by `e`: the union of the projects' environments, in order. */
static const char *next_environment(struct view *v)
{
	struct project_store *ps = &v->app->projects;
	const char *cur = stream_of(v)->filters.environment;
	const char *first = NULL;
	bool take_next = cur == NULL;
	for (size_t p = 0; p < ps->n; p++) {
		for (size_t e = 0; e < ps->items[p].nenvironments; e++) {
			const char *env = ps->items[p].environments[e];
			bool dup = false;
			for (size_t q = 0; q <= p && !dup; q++)
				for (size_t f = 0; f < ps->items[q].nenvironments; f++) {
					if (q == p && f >= e)
						break;
					if (strcmp(ps->items[q].environments[f], env) == 0) {
						dup = true;
						break;
					}
				}
			if (dup)
				continue;
			if (!first)
				first = env;
			if (take_next)
				return env;
			if (cur && strcmp(cur, env) == 0)
				take_next = true;
		}
	}
	return NULL; /* back to all environments */
}

static const char *next_project(struct view *v)
{
	struct project_store *ps = &v->app->projects;
	struct issue_filters *f = &stream_of(v)->filters;
	if (ps->n == 0)
		return NULL;
	if (f->nprojects != 1)
		return ps->items[0].slug;
	for (size_t i = 0; i + 1 < ps->n; i++)
		if (ps->items[i].slug && strcmp(ps->items[i].slug, f->projects[0]) == 0)
			return ps->items[i + 1].slug;
	return NULL;
}

static void on_query_done(void *ctx, const char *line)
{
	struct view *v = ctx;
	if (!line) {
		app_status(v->app, STATUS_INFO, "query unchanged");
		return;
	}
	set_query(v, line);
}

static bool request(struct view *v, enum request req)
{
	struct issue_stream *s = stream_of(v);
	switch (req) {
	case REQ_ENTER:
		if (v->cursor < s->n)
			app_push(v->app, view_open(v->app, VIEW_issue,
			                           &(struct view_args){ .issue = s->items[v->cursor] }));
		return true;
	case REQ_BACK:
		app_quit(v->app);
		return true;
	case REQ_REFRESH:
		app_status(v->app, STATUS_INFO, "refreshing…");
		reload(v, true);
		return true;
	case REQ_MARK:
		if (v->cursor < s->n) {
			triage_toggle_mark(&v->app->triage, s->items[v->cursor]);
			view_move(v, REQ_MOVE_DOWN);
			app_status(v->app, STATUS_INFO, "%zu marked", v->app->triage.nmarked);
		}
		return true;
	case REQ_MARK_ALL:
		for (size_t k = 0; k < s->n; k++)
			triage_mark(&v->app->triage, s->items[k]);
		app_status(v->app, STATUS_INFO, "%zu marked", v->app->triage.nmarked);
		return true;
	case REQ_CLEAR_MARKS:
		if (v->app->triage.nmarked) {
			triage_clear_marks(&v->app->triage);
			app_status(v->app, STATUS_INFO, "marks cleared");
		}
		return true;
	case REQ_MOVE_LAST:
		/* G goes to the last loaded row and asks for more; pressing it again after the
		 * page arrives goes further, like a pager following a growing file. */
		return false;
	case REQ_QUERY:
		prompt_open("query: ", s->filters.query, "query", on_query_done, v);
		return true;
	case REQ_SORT:
		set_sort(v, sort_cycle[cycle_index(sort_cycle, 4, s->filters.sort)]);
		return true;
	case REQ_PERIOD:
		set_period(v, period_cycle[cycle_index(period_cycle, 6, s->filters.period)]);
		return true;
	case REQ_ENVIRONMENT:
		if (!v->app->projects.ready && !s->filters.environment) {
			project_store_load(&v->app->projects);
			app_status(v->app, STATUS_INFO, "loading environments…");
			return true;
		}
		set_environment(v, next_environment(v));
		return true;
	case REQ_PROJECT:
		if (!v->app->projects.ready) {
			project_store_load(&v->app->projects);
			app_status(v->app, STATUS_INFO, "loading projects…");
			return true;
		}
		set_project(v, next_project(v));
		return true;
	default:
		return false;
	}
}

static bool command(struct view *v, const char *name, const char *args, struct strbuf *err)
{
	if (strcmp(name, "query") == 0 || strcmp(name, "q") == 0) {
		set_query(v, args);
		return true;
	}
	if (strcmp(name, "sort") == 0) {
		const char *sort = config_sort_lookup(args);
		if (sort) {
			set_sort(v, sort);
			return true;
		}
		strbuf_addf(err, "unknown sort '%s' (", args);
		config_sort_describe(err);
		strbuf_adds(err, ")");
		return true;
	}
	if (strcmp(name, "period") == 0) {
		if (!config_period_valid(args)) {
			strbuf_addf(err, "bad period '%s' (e.g. 24h, 14d, 90d)", args);
			return true;
		}
		set_period(v, args);
		return true;
	}
	if (strcmp(name, "env") == 0 || strcmp(name, "environment") == 0) {
		set_environment(v, config_environment_means_all(args) ? NULL : args);
		return true;
	}
	if (strcmp(name, "project") == 0) {
		set_project(v, strcmp(args, "all") == 0 ? NULL : args);
		return true;
	}
	return false;
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	struct issue_stream *s = stream_of(v);
	/* The filter the rows came from: a new one shows once its first page is here. */
	const struct issue_filters *f = s->has_applied ? &s->applied : &s->filters;
	/* The query first: on a narrow terminal it is what must stay visible. */
	strbuf_addf(left, "%s │ %s │ ", v->app->target.org,
	            f->query && *f->query ? f->query : "(all issues)");
	if (f->nprojects == 0)
		strbuf_adds(left, "all projects");
	for (size_t i = 0; i < f->nprojects; i++)
		strbuf_addf(left, "%s%s", i ? "," : "", f->projects[i]);
	strbuf_addf(left, " · %s · %s · %s", f->environment ? f->environment : "all envs",
	            f->period ? f->period : "14d", sort_label(f->sort));

	app_watch_title(v->app, right); /* stale since …, marks counted: first to stay */
	long long total = issue_stream_total(s);
	if (s->n || total >= 0) {
		/* An unknown or unbelievable total (X-Hits missing, garbage, or below what is
		 * loaded) is not shown: "60+ issues" while more pages exist, else "60 issues". */
		if (right->len)
			strbuf_adds(right, " · ");
		if (total >= 0 && (size_t)total != s->n)
			strbuf_addf(right, "%zu of %lld", s->n, total);
		else
			strbuf_addf(right, "%zu%s", s->n, total < 0 && s->has_more ? "+" : "");
		strbuf_addf(right, " issue%s", (total >= 0 ? total : (long long)s->n) == 1 && !s->has_more
		                                    ? "" : "s");
	}
	if (v->app->triage.nmarked) {
		if (right->len)
			strbuf_adds(right, " · ");
		strbuf_addf(right, "%zu marked", v->app->triage.nmarked);
	}
	if (s->updated_at) {
		long long ago = (long long)(time_now() - s->updated_at);
		if (right->len)
			strbuf_adds(right, " · ");
		if (ago < 5)
			strbuf_adds(right, "updated now");
		else if (ago < 60)
			strbuf_addf(right, "updated %llds ago", ago);
		else if (ago < 3600)
			strbuf_addf(right, "updated %lldm ago", ago / 60);
		else
			strbuf_addf(right, "updated %lldh ago", ago / 3600);
	}
}

static const char *empty_text(struct view *v)
{
	struct issues_view *iv = (struct issues_view *)v;
	struct issue_stream *s = stream_of(v);
	const struct issue_filters *f = s->has_applied ? &s->applied : &s->filters;
	if (s->loading || s->reloading || s->waiting_for_projects)
		return "Loading issues…";
	strbuf_reset(&iv->empty_msg);
	/* The reason stays below the list (the status area) for as long as it is true. */
	if (s->error)
		strbuf_adds(&iv->empty_msg, "Could not load issues: the reason is below. Ctrl-r retries.");
	else if (f->query && *f->query)
		strbuf_addf(&iv->empty_msg, "No issues match %s in the last %s", f->query,
		            f->period ? f->period : "14d");
	else
		strbuf_addf(&iv->empty_msg, "No issues in the last %s", f->period ? f->period : "14d");
	return strbuf_str(&iv->empty_msg);
}

/* After the store changed: put the cursor back on the issue it was on before a reload,
 * and offer a query the server refused again, in the prompt, to be fixed. */
static void stream_changed(struct view *v)
{
	struct issues_view *iv = (struct issues_view *)v;
	struct issue_stream *s = stream_of(v);
	char *rejected = issue_stream_take_rejected_query(s);
	if (rejected && app_top(v->app) == v && !prompt_active())
		prompt_open("query: ", rejected, "query", on_query_done, v);
	free(rejected);
	if (iv->selected_id && !s->reloading) {
		long idx = issue_stream_find(s, iv->selected_id);
		if (idx >= 0)
			v->cursor = (size_t)idx;
		free(iv->selected_id);
		iv->selected_id = NULL;
	} else if (iv->cursor_id && v->cursor == iv->cursor_at && !s->reloading && s->has_applied &&
	           issue_filters_equal(&iv->cursor_filters, &s->applied)) {
		/* The same filters again (a refresh): rows new above the cursor do not push it
		 * off its issue. */
		long idx = issue_stream_find(s, iv->cursor_id);
		if (idx >= 0)
			v->cursor = (size_t)idx;
	}
	view_clamp(v);
	if (!s->reloading)
		remember_cursor(iv);
	if (s->n != iv->seen_n || !iv->id_width) {
		int w = SHORT_ID_MIN - 1;
		for (size_t k = 0; k < s->n; k++) {
			const char *id = s->items[k]->short_id ? s->items[k]->short_id : s->items[k]->id;
			int iw = sanitize_width(id);
			if (iw > w)
				w = iw;
		}
		iv->id_width = w + 1 > SHORT_ID_MAX ? SHORT_ID_MAX : w + 1;
	}
	if (s->n != iv->seen_n) {
		iv->seen_n = s->n;
		maybe_load_more(v);
	}
}

static void describe(struct view *v, struct strbuf *out)
{
	struct issue_stream *s = stream_of(v);
	const struct issue *sel = v->cursor < s->n ? s->items[v->cursor] : NULL;
	strbuf_addf(out, "selected: %s\n", sel && sel->short_id ? sel->short_id : "-");
	if (sel)
		strbuf_addf(out, "row: status=%s substatus=%s assignee=%s bookmarked=%s pending=%s "
		                 "dimmed=%s marked=%s\n",
		            sel->status ? sel->status : "-", sel->substatus ? sel->substatus : "-",
		            sel->assigned_to ? (sel->assigned_to->name ? sel->assigned_to->name
		                                                       : sel->assigned_to->id)
		                             : "-",
		            sel->is_bookmarked ? "yes" : "no", sel->pending ? "yes" : "no",
		            sel->dimmed ? "yes" : "no", sel->marked ? "yes" : "no");
	strbuf_addf(out, "marked: %zu\n", v->app->triage.nmarked);
	strbuf_addf(out, "rows: %zu\nhits: %lld\npages: %d\nmore: %s\n", s->n, s->hits, s->pages,
	            s->has_more ? "yes" : "no");
	strbuf_addf(out, "query: %s\nsort: %s\nperiod: %s\nenvironment: %s\n",
	            s->filters.query ? s->filters.query : "", s->filters.sort ? s->filters.sort : "",
	            s->filters.period ? s->filters.period : "",
	            s->filters.environment ? s->filters.environment : "all");
	strbuf_adds(out, "projects:");
	for (size_t i = 0; i < s->filters.nprojects; i++)
		strbuf_addf(out, " %s", s->filters.projects[i]);
	strbuf_addf(out, "\nper_project: %s\n", s->per_project ? "yes" : "no");
	/* Every loaded row's triage state, for tests that compare it with the server's. */
	for (size_t i = 0; i < s->n; i++) {
		const struct issue *it = s->items[i];
		const struct actor *who = it->assigned_to;
		strbuf_addf(out, "issue: %s %s status=%s substatus=%s assignee=%s%s%s bookmarked=%s "
		                 "pending=%s\n",
		            it->id ? it->id : "-", it->short_id ? it->short_id : "-",
		            it->status ? it->status : "-", it->substatus ? it->substatus : "-",
		            who && who->type ? who->type : who ? "?" : "-", who ? ":" : "",
		            who && who->id ? who->id : "", it->is_bookmarked ? "yes" : "no",
		            it->pending ? "yes" : "no");
	}
}

static struct issue *current_issue(struct view *v)
{
	struct issue_stream *s = stream_of(v);
	return v->cursor < s->n ? s->items[v->cursor] : NULL;
}

static void close_view(struct view *v)
{
	struct issues_view *iv = (struct issues_view *)v;
	free(iv->selected_id);
	free(iv->cursor_id);
	issue_filters_free(&iv->cursor_filters);
	strbuf_free(&iv->empty_msg);
	free(iv);
}

static const struct view_ops issues_ops = {
	.name = "issues",
	.lines = lines,
	.header_rows = 1,
	.draw_header = draw_header,
	.draw_line = draw_issue,
	.request = request,
	.title = title,
	.cursor_changed = cursor_changed,
	.close = close_view,
	.empty_text = empty_text,
	.command = command,
	.describe = describe,
	.current_issue = current_issue,
	.stream_changed = stream_changed,
	.acts_on_marks = true,
};

struct view *issues_view_open(struct app *app, const struct view_args *args)
{
	struct issues_view *iv = xcalloc(1, sizeof(*iv));
	iv->view.ops = &issues_ops;
	iv->view.app = app;
	iv->id_width = SHORT_ID_MAX;
	return &iv->view;
}
