/* Release health (`:releases`, R): one row per release and project with its age,
 * adoption, crash-free sessions and users, sessions and users in 24h, a sparkline of
 * sessions over the period and its new issues; releases that never sent sessions say
 * "no session data", not zeros. Newest first; s cycles the sort (session sorts flatten
 * the list), / filters by version, t cycles the period; Enter opens the release. The
 * header says what the rows came from. Narrow terminals drop columns, rightmost first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/search_term.h"
#include "store/releases.h"
#include "tui/format.h"
#include "tui/prompt.h"
#include "util/timeutil.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/release_format.h"
#include "views/view_table.h"

/* The periods release health takes (docs/sentry-api.md §10), as t cycles them. */
static const char *const periods[] = { "24h", "7d", "14d", "30d", "90d" };
#define NPERIODS (sizeof(periods) / sizeof(periods[0]))

struct releases_view {
	struct view view;
	struct release_store store;
	char *project_label;      /* the projects the rows came from */
	char *asked_label;        /* those asked for, shown once their rows arrive */
	char *environment;        /* likewise for the environment (NULL = all) */
};

/* Which columns fit: the figures that matter most stay longest. */
struct layout {
	int version;
	bool users, sparkline, crash_free_users, new_issues;
};

static struct releases_view *rv_of(struct view *v)
{
	return (struct releases_view *)v;
}

static struct layout layout_for(int width)
{
	struct layout l = { .version = 18 };
	/* project 10, age 4, adoption 15, crash-free sessions 9, sessions in 24h 7 and the
	 * gaps: always (48 cells and the version). */
	int room = width - 48 - l.version;
	l.crash_free_users = room >= 10;
	l.new_issues = room >= 10 + 5;
	l.users = room >= 10 + 5 + 8;
	l.sparkline = room >= 10 + 5 + 8 + 16;
	if (room > 10 + 5 + 8 + 16 + 12)
		l.version += 12;
	return l;
}

static size_t lines(struct view *v)
{
	return rv_of(v)->store.n;
}

static void cursor_changed(struct view *v)
{
	struct release_store *s = &rv_of(v)->store;
	if (v->cursor + 10 >= s->n)
		release_store_load_more(s);
}

static void draw_count(struct draw_row *row, long long n, int width)
{
	char buf[16];
	if (n < 0)
		snprintf(buf, sizeof(buf), "–");
	else
		format_count((uint64_t)n, buf, sizeof(buf));
	draw_field(row, ROLE_NUMBER, buf, width, ALIGN_RIGHT);
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	struct releases_view *rv = rv_of(v);
	const struct release_row *r = &rv->store.rows[lineno];
	const struct release *rel = r->release;
	const struct release_project *p = r->project;
	struct layout l = layout_for(row->right - row->x);
	char age[16];
	format_age(rel->created, time_now(), age, sizeof(age));
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_SHORT_ID,
	           release_short_version(rel->version, rel->short_version, p ? p->slug : NULL),
	           l.version, ALIGN_LEFT);
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_DIM, p && p->slug ? p->slug : "-", 10, ALIGN_LEFT);
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_AGE, age, 4, ALIGN_RIGHT);
	draw_pad(row, ROLE_DEFAULT, 2);
	const struct release_health *h = p ? &p->health : NULL;
	if (!h || !h->has_health) {
		draw_field(row, ROLE_DIM, "no session data", 15 + 2 + 9, ALIGN_LEFT);
	} else if (h->total_sessions <= 0) {
		char text[64];
		snprintf(text, sizeof(text), "no sessions in %s", rv->store.applied.period);
		draw_field(row, ROLE_DIM, text, 15 + 2 + 9, ALIGN_LEFT);
	} else {
		release_draw_adoption(row, h->adoption, 10);
		draw_pad(row, ROLE_DEFAULT, 2);
		release_draw_crash_free(row, v->app->cfg, h->crash_free_sessions, 9);
	}
	if (l.crash_free_users) {
		draw_pad(row, ROLE_DEFAULT, 1);
		if (h && h->has_health && h->total_sessions > 0)
			release_draw_crash_free(row, v->app->cfg, h->crash_free_users, 9);
		else
			draw_pad(row, ROLE_DEFAULT, 9);
	}
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_count(row, h && h->has_health ? h->total_sessions_24h : -1, 7);
	if (l.users) {
		draw_pad(row, ROLE_DEFAULT, 1);
		draw_count(row, h && h->has_health ? h->total_users_24h : -1, 7);
	}
	if (l.sparkline) {
		char spark[16 * 4];
		format_sparkline(h ? h->stats : NULL, h ? h->nstats : 0, 14, spark, sizeof(spark));
		draw_pad(row, ROLE_DEFAULT, 2);
		draw_field(row, ROLE_SPARK, spark, 14, ALIGN_LEFT);
	}
	if (l.new_issues) {
		draw_pad(row, ROLE_DEFAULT, 1);
		long long n = p && p->new_groups >= 0 ? p->new_groups : rel->new_groups;
		draw_count(row, n, 4);
	}
}

static void draw_header(struct view *v, WINDOW *win, int y, int width)
{
	struct releases_view *rv = rv_of(v);
	const struct release_store *s = &rv->store;
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "%s · %s · last %s · %s", rv->project_label,
	            rv->environment ? rv->environment : "all environments", s->applied.period,
	            release_sort_label(s->applied.sort));
	if (s->applied.version)
		strbuf_addf(&sb, " · version contains \"%s\"", s->applied.version);
	struct draw_row row;
	draw_row_begin(&row, win, y, 0, width, false);
	draw_pad(&row, ROLE_DEFAULT, 1);
	draw_field(&row, ROLE_DEFAULT, strbuf_str(&sb), draw_room(&row), ALIGN_LEFT);
	draw_row_end(&row, ROLE_DEFAULT);
	strbuf_free(&sb);

	struct layout l = layout_for(width);
	draw_row_begin(&row, win, y + 1, 0, width, false);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, "VERSION", l.version, ALIGN_LEFT);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, "PROJECT", 10, ALIGN_LEFT);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, "AGE", 4, ALIGN_RIGHT);
	draw_pad(&row, ROLE_HEADER, 2);
	draw_field(&row, ROLE_HEADER, "ADOPTION", 15, ALIGN_LEFT);
	draw_pad(&row, ROLE_HEADER, 2);
	draw_field(&row, ROLE_HEADER, "CF SESS", 9, ALIGN_RIGHT);
	if (l.crash_free_users) {
		draw_pad(&row, ROLE_HEADER, 1);
		draw_field(&row, ROLE_HEADER, "CF USERS", 9, ALIGN_RIGHT);
	}
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, "SESS24", 7, ALIGN_RIGHT);
	if (l.users) {
		draw_pad(&row, ROLE_HEADER, 1);
		draw_field(&row, ROLE_HEADER, "USERS24", 7, ALIGN_RIGHT);
	}
	if (l.sparkline) {
		draw_pad(&row, ROLE_HEADER, 2);
		struct strbuf title = STRBUF_INIT;
		strbuf_addf(&title, "SESSIONS %s", s->applied.period);
		draw_field(&row, ROLE_HEADER, strbuf_str(&title), 14, ALIGN_LEFT);
		strbuf_free(&title);
	}
	if (l.new_issues) {
		draw_pad(&row, ROLE_HEADER, 1);
		draw_field(&row, ROLE_HEADER, "NEW", 4, ALIGN_RIGHT);
	}
	draw_row_end(&row, ROLE_HEADER);
}

static void on_version_filter(void *ctx, const char *text)
{
	struct releases_view *rv = ctx;
	if (!text)
		return;
	struct release_store *s = &rv->store;
	release_store_set_filter(s, text, s->asked.period, s->asked.sort);
}

static void open_row(struct releases_view *rv)
{
	struct view *v = &rv->view;
	if (v->cursor >= rv->store.n)
		return;
	const struct release_row *r = &rv->store.rows[v->cursor];
	app_push(v->app, view_open(v->app, VIEW_release_detail, &(struct view_args){
		.release = r->release->version,
		.project = r->project ? r->project->slug : NULL,
		.project_id = r->project ? r->project->id : NULL,
		.period = rv->store.applied.period,
		.environment = rv->store.environment,
	}));
}

/* The stream with one more search term about the release under the cursor. */
static void issues_of_row(struct releases_view *rv, const char *key)
{
	struct view *v = &rv->view;
	if (v->cursor >= rv->store.n)
		return;
	struct strbuf term = STRBUF_INIT;
	const char *why = search_term_append(&term, key, rv->store.rows[v->cursor].release->version);
	if (why)
		app_status(v->app, STATUS_ERROR, "cannot search for this release: %s", why);
	else
		app_stream_add_filter(v->app, strbuf_str(&term));
	strbuf_free(&term);
}

static void set_sort(struct releases_view *rv, enum release_sort sort)
{
	struct release_store *s = &rv->store;
	release_store_set_filter(s, s->asked.version, s->asked.period, sort);
	app_status(rv->view.app, STATUS_INFO, "releases: %s", release_sort_label(sort));
}

static bool request(struct view *v, enum request req)
{
	struct releases_view *rv = rv_of(v);
	struct release_store *s = &rv->store;
	switch (req) {
	case REQ_ENTER:
		open_row(rv);
		return true;
	case REQ_RELEASE_SORT:
		set_sort(rv, (enum release_sort)((s->asked.sort + 1) % RELEASE_SORT_COUNT));
		return true;
	case REQ_RELEASE_FILTER:
		prompt_open("version contains: ", s->asked.version, "releases", on_version_filter, rv);
		return true;
	case REQ_RELEASE_PERIOD: {
		size_t next = 0;
		for (size_t i = 0; i < NPERIODS; i++)
			if (strcmp(periods[i], s->asked.period) == 0)
				next = (i + 1) % NPERIODS;
		release_store_set_filter(s, s->asked.version, periods[next], s->asked.sort);
		return true;
	}
	case REQ_NEW_ISSUES:
		issues_of_row(rv, "firstRelease");
		return true;
	case REQ_RELEASE_ISSUES:
		issues_of_row(rv, "release");
		return true;
	case REQ_REFRESH:
		release_store_reload(s);
		return true;
	default:
		return false;
	}
}

/* :project SLUG|all and :env NAME|all: the releases of another project or environment
 * (the stream keeps its own). */
static bool scope_command(struct releases_view *rv, const char *name, const char *args,
                          struct strbuf *err)
{
	struct app *app = rv->view.app;
	struct release_store *s = &rv->store;
	bool all = !*args || strcmp(args, "all") == 0;
	if (strcmp(name, "env") == 0 || strcmp(name, "environment") == 0) {
		release_store_set_scope(s, (const char *const *)s->project_ids, s->nproject_ids,
		                        all ? NULL : args);
		return true;
	}
	if (strcmp(name, "project") != 0)
		return false;
	const struct project *p = all ? NULL : project_store_find(&app->projects, args);
	if (!all && (!p || !p->id)) {
		strbuf_addf(err, "no project '%s' in organization '%s'", args, app->target.org);
		return true;
	}
	const char *id = p ? p->id : NULL;
	free(rv->asked_label);
	rv->asked_label = xstrdup(all ? "all projects" : args);
	release_store_set_scope(s, &id, all ? 0 : 1, s->environment);
	return true;
}

/* :sort NAME with the API's names (sessions, crash_free_users …). */
static bool command(struct view *v, const char *name, const char *args, struct strbuf *err)
{
	if (scope_command(rv_of(v), name, args, err))
		return true;
	if (strcmp(name, "sort") != 0)
		return false;
	enum release_sort sort;
	if (!release_sort_parse(args, &sort)) {
		strbuf_adds(err, "usage: :sort date|adoption|crash_free_sessions|crash_free_users|"
		                 "sessions|users");
		return true;
	}
	set_sort(rv_of(v), sort);
	return true;
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	const struct release_store *s = &rv_of(v)->store;
	strbuf_addf(left, "%s › releases", v->app->target.org);
	if (s->loading)
		strbuf_adds(right, "loading…");
	else
		strbuf_addf(right, "%zu%s rows", s->n, s->next_cursor ? "+" : "");
}

static const char *empty_text(struct view *v)
{
	const struct release_store *s = &rv_of(v)->store;
	if (s->error)
		return s->error;
	return s->loading ? "Loading releases…" : "No releases match.";
}

static void describe(struct view *v, struct strbuf *out)
{
	const struct release_store *s = &rv_of(v)->store;
	strbuf_addf(out, "rows: %zu\nmore: %s\nsort: %s\nperiod: %s\nversion: %s\n", s->n,
	            s->next_cursor ? "yes" : "no", release_sort_name(s->applied.sort),
	            s->applied.period, s->applied.version ? s->applied.version : "-");
	if (v->cursor < s->n)
		strbuf_addf(out, "release: %s\n", s->rows[v->cursor].release->version);
}

static void close_view(struct view *v)
{
	struct releases_view *rv = rv_of(v);
	release_store_free(&rv->store);
	free(rv->project_label);
	free(rv->asked_label);
	free(rv->environment);
	free(rv);
}

static const struct view_ops releases_ops = {
	.name = "releases",
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
	.command = command,
};

static void changed(void *ctx)
{
	struct releases_view *rv = ctx;
	if (rv->store.error) {
		app_status(rv->view.app, STATUS_ERROR, "%s", rv->store.error);
	} else if (!rv->store.loading) {
		/* The rows are those of the projects and environment last asked for. */
		if (rv->asked_label) {
			free(rv->project_label);
			rv->project_label = rv->asked_label;
			rv->asked_label = NULL;
		}
		free(rv->environment);
		rv->environment = rv->store.environment ? xstrdup(rv->store.environment) : NULL;
	}
	view_clamp(&rv->view);
	app_touch(rv->view.app);
}

/* The stream's period when release health takes it, else 14d. */
static const char *health_period(const char *period)
{
	for (size_t i = 0; period && i < NPERIODS; i++)
		if (strcmp(periods[i], period) == 0)
			return periods[i];
	return "14d";
}

struct view *releases_view_open(struct app *app, const struct view_args *args)
{
	struct releases_view *rv = xcalloc(1, sizeof(*rv));
	rv->view.ops = &releases_ops;
	rv->view.app = app;
	struct stream_scope scope;
	app_stream_scope(app, &scope);
	const struct issue_filters *f = scope.filters;
	rv->project_label = scope.label;
	scope.label = NULL;
	rv->environment = f->environment ? xstrdup(f->environment) : NULL;
	release_store_open(&rv->store, &app->target, scope.ids, scope.nids, f->environment,
	                   health_period(f->period), changed, rv);
	stream_scope_free(&scope);
	return &rv->view;
}
