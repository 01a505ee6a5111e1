/* One release of one project (Enter on `:releases`, R on an issue screen): its dates,
 * commits and deploys, its health over the period (crash-free sessions and users,
 * adoption, session counts), and a chart of its sessions by status (healthy, errored,
 * crashed, abnormal: one sparkline row each, scaled to its own peak, then the crash-free
 * rate per interval), from the sessions endpoint. n opens the stream on the issues first
 * seen in it, i on every issue seen in it; marked issues can be resolved in it
 * (:resolve-in-release). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/search_term.h"
#include "store/release_detail.h"
#include "tui/format.h"
#include "util/timeutil.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/lines.h"
#include "views/release_format.h"
#include "views/triage_actions.h"
#include "views/view_table.h"

#define LABEL_WIDTH 12
#define TOTAL_WIDTH 20

/* The statuses of the chart, in the order drawn, with their colour. */
static const struct {
	const char *status;
	enum color_role role;
} chart_rows[] = {
	{ "healthy", ROLE_BADGE_RESOLVED },
	{ "errored", ROLE_LEVEL_WARNING },
	{ "crashed", ROLE_LEVEL_ERROR },
	{ "abnormal", ROLE_SPAN_MIDDLEWARE },
};
#define NCHART (sizeof(chart_rows) / sizeof(chart_rows[0]))

enum item_kind { ITEM_LINE, ITEM_CHART, ITEM_CRASH_FREE };

struct item {
	enum item_kind kind;
	size_t index;             /* ITEM_LINE: into lines; ITEM_CHART: into chart_rows */
};

struct release_view {
	struct view view;
	struct release_detail_store store;
	char *project_slug;
	struct lines lines;
	struct item *items;
	size_t nitems, cap;
	bool built;
};

static struct release_view *rv_of(struct view *v)
{
	return (struct release_view *)v;
}

static void add_item(struct release_view *rv, enum item_kind kind, size_t index)
{
	xgrow((void **)&rv->items, &rv->cap, rv->nitems + 1, sizeof(*rv->items));
	rv->items[rv->nitems++] = (struct item){ kind, index };
}

static struct line *add_line(struct release_view *rv, int indent)
{
	add_item(rv, ITEM_LINE, rv->lines.n);
	return lines_add(&rv->lines, LINE_TEXT, 0, indent);
}

static void when(struct line *l, time_t t)
{
	if (!t) {
		line_seg(l, ROLE_DIM, "–");
		return;
	}
	char age[16], date[40];
	struct tm tm;
	format_age(t, time_now(), age, sizeof(age));
	if (gmtime_r(&t, &tm))
		strftime(date, sizeof(date), "%Y-%m-%d %H:%M UTC", &tm);
	else
		snprintf(date, sizeof(date), "?");
	line_segf(l, ROLE_AGE, "%s ago", age);
	line_segf(l, ROLE_DIM, " · %s", date);
}

static struct line *field(struct release_view *rv, const char *label)
{
	struct line *l = add_line(rv, 1);
	line_segf(l, ROLE_HEADER, "%-*s", LABEL_WIDTH, label);
	return l;
}

static void count_text(long long n, char *buf, size_t size)
{
	if (n < 0)
		snprintf(buf, size, "–");
	else
		format_count((uint64_t)n, buf, size);
}

static const struct release_project *shown_project(const struct release_view *rv)
{
	const struct release *r = rv->store.release;
	for (size_t i = 0; r && i < r->nprojects; i++)
		if (!rv->project_slug || (r->projects[i].slug && strcmp(r->projects[i].slug, rv->project_slug) == 0))
			return &r->projects[i];
	return NULL;
}

static void build_health(struct release_view *rv, const struct release_project *p)
{
	const struct release_health *h = p ? &p->health : NULL;
	char a[16], b[16];
	struct line *l = add_line(rv, 1);
	line_segf(l, ROLE_HEADER, "Health, last %s", rv->store.period);
	if (!h || !h->has_health) {
		line_seg(add_line(rv, 1), ROLE_DIM, "no session data: this release never sent sessions");
		return;
	}
	l = field(rv, "Crash-free");
	if (h->crash_free_sessions < 0) {
		line_segf(l, ROLE_DIM, "no sessions in %s", rv->store.period);
	} else {
		line_segf(l, release_crash_free_role(rv->view.app->cfg, h->crash_free_sessions),
		          "%.2f %%", h->crash_free_sessions);
		line_seg(l, ROLE_DIM, " of sessions · ");
		if (h->crash_free_users >= 0)
			line_segf(l, release_crash_free_role(rv->view.app->cfg, h->crash_free_users),
			          "%.2f %%", h->crash_free_users);
		else
			line_seg(l, ROLE_DIM, "–");
		line_seg(l, ROLE_DIM, " of users");
	}
	l = field(rv, "Adoption");
	if (h->adoption >= 0)
		line_segf(l, ROLE_NUMBER, "%.0f %%", h->adoption);
	else
		line_seg(l, ROLE_DIM, "–");
	line_seg(l, ROLE_DIM, " of the project's users in 24h");
	l = field(rv, "Sessions");
	count_text(h->total_sessions, a, sizeof(a));
	count_text(h->total_sessions_24h, b, sizeof(b));
	line_segf(l, ROLE_NUMBER, "%s", a);
	line_segf(l, ROLE_DIM, " (24h %s) · ", b);
	count_text(h->sessions_crashed, a, sizeof(a));
	count_text(h->sessions_errored, b, sizeof(b));
	line_segf(l, ROLE_LEVEL_ERROR, "%s crashed", a);
	line_segf(l, ROLE_DIM, " · %s errored", b);
	l = field(rv, "Users");
	count_text(h->total_users, a, sizeof(a));
	count_text(h->total_users_24h, b, sizeof(b));
	line_segf(l, ROLE_NUMBER, "%s", a);
	line_segf(l, ROLE_DIM, " (24h %s)", b);
}

static void build_chart(struct release_view *rv)
{
	struct release_detail_store *s = &rv->store;
	struct line *l = add_line(rv, 1);
	line_segf(l, ROLE_HEADER, "Sessions by status, last %s, every %s", s->period, s->interval);
	line_seg(l, ROLE_DIM, " (each row scaled to its own peak)");
	if (s->sessions_error) {
		line_segf(add_line(rv, 1), ROLE_STATUS_ERROR, "%s", s->sessions_error);
		return;
	}
	if (!s->have_sessions) {
		line_seg(add_line(rv, 1), ROLE_LOADING, "Loading sessions…");
		return;
	}
	uint64_t total = 0;
	for (size_t g = 0; g < s->sessions.ngroups; g++)
		total += s->sessions.groups[g].total;
	if (total == 0) {
		line_segf(add_line(rv, 1), ROLE_DIM, "no sessions in %s", s->period);
		return;
	}
	for (size_t i = 0; i < NCHART; i++)
		add_item(rv, ITEM_CHART, i);
	add_item(rv, ITEM_CRASH_FREE, 0);
	l = add_line(rv, 1);
	line_segf(l, ROLE_DIM, "%-*s", LABEL_WIDTH, "legend");
	for (size_t i = 0; i < NCHART; i++) {
		line_seg(l, chart_rows[i].role, "▇ ");
		line_segf(l, ROLE_DIM, "%s  ", chart_rows[i].status);
	}
	line_seg(l, ROLE_DIM, "(▁ low … █ the row's peak; blank: none)");
}

static void build(struct release_view *rv)
{
	lines_clear(&rv->lines);
	rv->nitems = 0;
	struct release_detail_store *s = &rv->store;
	const struct release *r = s->release;
	if (!r) {
		struct line *l = add_line(rv, 1);
		if (s->release_error)
			line_segf(l, ROLE_STATUS_ERROR, "%s", s->release_error);
		else
			line_seg(l, ROLE_LOADING, "Loading the release…");
		add_line(rv, 0);
		build_chart(rv);
		return;
	}
	const struct release_project *p = shown_project(rv);
	struct line *l = field(rv, "Projects");
	for (size_t i = 0; i < r->nprojects; i++)
		line_segf(l, ROLE_SHORT_ID, "%s%s", i ? ", " : "", r->projects[i].slug ? r->projects[i].slug : "?");
	when(field(rv, "Created"), r->created);
	when(field(rv, "Released"), r->released);
	when(field(rv, "First event"), r->first_event);
	when(field(rv, "Last event"), r->last_event);
	char a[16], b[16];
	count_text(r->commit_count, a, sizeof(a));
	count_text(r->deploy_count, b, sizeof(b));
	l = field(rv, "Commits");
	line_segf(l, ROLE_NUMBER, "%s", a);
	line_seg(l, ROLE_DIM, " · deploys ");
	line_segf(l, ROLE_NUMBER, "%s", b);
	if (r->last_deploy) {
		line_segf(l, ROLE_DIM, " · last to %s ", r->last_deploy_environment ? r->last_deploy_environment : "?");
		char age[16];
		format_age(r->last_deploy, time_now(), age, sizeof(age));
		line_segf(l, ROLE_AGE, "%s ago", age);
	}
	l = field(rv, "New issues");
	long long n = p && p->new_groups >= 0 ? p->new_groups : r->new_groups;
	count_text(n, a, sizeof(a));
	line_segf(l, ROLE_NUMBER, "%s", a);
	line_seg(l, ROLE_DIM, " first seen in this release (n opens them; i: every issue seen in it)");
	add_line(rv, 0);
	build_health(rv, p);
	add_line(rv, 0);
	build_chart(rv);
}

static void ensure_built(struct release_view *rv)
{
	if (!rv->built) {
		build(rv);
		rv->built = true;
	}
}

static size_t lines(struct view *v)
{
	struct release_view *rv = rv_of(v);
	ensure_built(rv);
	return rv->nitems;
}

static uint32_t saturate(uint64_t n)
{
	return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}

static const struct session_group *group_of(const struct session_counts *c, const char *status)
{
	for (size_t g = 0; g < c->ngroups; g++)
		if (c->groups[g].status && strcmp(c->groups[g].status, status) == 0)
			return &c->groups[g];
	return NULL;
}

static void draw_chart_row(struct release_view *rv, size_t which, struct draw_row *row)
{
	const struct session_counts *c = &rv->store.sessions;
	const struct session_group *g = group_of(c, chart_rows[which].status);
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_DEFAULT, chart_rows[which].status, LABEL_WIDTH, ALIGN_LEFT);
	int width = draw_room(row) - TOTAL_WIDTH - 1;
	if (width < 4)
		width = 4;
	uint32_t *counts = c->nintervals ? xcalloc(c->nintervals, sizeof(*counts)) : NULL;
	for (size_t i = 0; g && i < g->n && i < c->nintervals; i++)
		counts[i] = saturate(g->series[i]);
	size_t size = (size_t)width * 4 + 1;
	char *spark = xmalloc(size);
	format_sparkline(counts, c->nintervals, width, spark, size);
	draw_field(row, chart_rows[which].role, spark, width, ALIGN_LEFT);
	free(spark);
	free(counts);
	char total[16];
	format_count(g ? g->total : 0, total, sizeof(total));
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_NUMBER, total, TOTAL_WIDTH, ALIGN_RIGHT);
}

/* The crash-free rate per cell, drawn as heights between the lowest and 100 %. */
static void draw_crash_free_row(struct release_view *rv, struct draw_row *row)
{
	const struct session_counts *c = &rv->store.sessions;
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_DEFAULT, "crash-free", LABEL_WIDTH, ALIGN_LEFT);
	int width = draw_room(row) - TOTAL_WIDTH - 1;
	if (width < 4)
		width = 4;
	const struct session_group *crashed = group_of(c, "crashed");
	double lowest = 100;
	uint64_t all = 0, all_crashed = 0;
	double *rate = c->nintervals ? xcalloc(c->nintervals, sizeof(*rate)) : NULL;
	for (size_t i = 0; i < c->nintervals; i++) {
		uint64_t total = 0;
		for (size_t g = 0; g < c->ngroups; g++)
			if (i < c->groups[g].n)
				total += c->groups[g].series[i];
		uint64_t crash = crashed && i < crashed->n ? crashed->series[i] : 0;
		all += total;
		all_crashed += crash;
		rate[i] = total ? 100.0 - 100.0 * (double)crash / (double)total : -1;
		if (rate[i] >= 0 && rate[i] < lowest)
			lowest = rate[i];
	}
	double floor_ = floor(lowest) - 1;
	if (floor_ < 0)
		floor_ = 0;
	/* Heights above the floor, in hundredths of a percent (a blank: no sessions). */
	uint32_t *heights = c->nintervals ? xcalloc(c->nintervals, sizeof(*heights)) : NULL;
	for (size_t i = 0; i < c->nintervals; i++)
		heights[i] = rate[i] < 0 ? 0 : (uint32_t)((rate[i] - floor_) * 100) + 1;
	size_t size = (size_t)width * 4 + 1;
	char *spark = xmalloc(size);
	format_sparkline(heights, c->nintervals, width, spark, size);
	double overall = all ? 100.0 - 100.0 * (double)all_crashed / (double)all : -1;
	draw_field(row, release_crash_free_role(rv->view.app->cfg, lowest), spark, width, ALIGN_LEFT);
	draw_pad(row, ROLE_DEFAULT, 1);
	char text[48];
	snprintf(text, sizeof(text), "%.2f %% (low %.2f)", overall, lowest);
	draw_field(row, release_crash_free_role(rv->view.app->cfg, overall), text, TOTAL_WIDTH, ALIGN_RIGHT);
	free(spark);
	free(heights);
	free(rate);
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	struct release_view *rv = rv_of(v);
	ensure_built(rv);
	const struct item *it = &rv->items[lineno];
	if (it->kind == ITEM_CHART) {
		draw_chart_row(rv, it->index, row);
		return;
	}
	if (it->kind == ITEM_CRASH_FREE) {
		draw_crash_free_row(rv, row);
		return;
	}
	const struct line *l = &rv->lines.items[it->index];
	draw_pad(row, ROLE_DEFAULT, l->indent);
	for (size_t i = 0; i < l->nsegs; i++)
		draw_text(row, l->segs[i].role, l->segs[i].text);
}

/* The stream on `key:VERSION` (firstRelease, release). */
static void stream_on(struct release_view *rv, const char *key)
{
	struct strbuf term = STRBUF_INIT;
	const char *why = search_term_append(&term, key, rv->store.version);
	if (why)
		app_status(rv->view.app, STATUS_ERROR, "cannot search for this release: %s", why);
	else
		app_stream_add_filter(rv->view.app, strbuf_str(&term));
	strbuf_free(&term);
}

static bool request(struct view *v, enum request req)
{
	struct release_view *rv = rv_of(v);
	switch (req) {
	case REQ_NEW_ISSUES:
		stream_on(rv, "firstRelease");
		return true;
	case REQ_RELEASE_ISSUES:
		stream_on(rv, "release");
		return true;
	case REQ_REFRESH:
		release_detail_reload(&rv->store);
		rv->built = false;
		return true;
	case REQ_ENTER:
		return true;
	default:
		return false;
	}
}

/* :resolve-in-release: the stream's marked issues resolved in this release. */
static bool command(struct view *v, const char *name, const char *args, struct strbuf *err)
{
	struct release_view *rv = rv_of(v);
	if (strcmp(name, "resolve-in-release") != 0)
		return false;
	if (!v->app->triage.nmarked) {
		strbuf_adds(err, "no issues are marked: mark them in the stream (Space), then come back");
		return true;
	}
	struct strbuf line = STRBUF_INIT;
	strbuf_addf(&line, "resolve %s", rv->store.version);
	app_run_command(v->app, strbuf_str(&line));
	strbuf_free(&line);
	return true;
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	struct release_view *rv = rv_of(v);
	strbuf_addf(left, "%s › release %s", v->app->target.org, rv->store.version);
	if (rv->project_slug)
		strbuf_addf(left, " · %s", rv->project_slug);
	strbuf_adds(right, "n new issues · i issues · q back");
}

static void describe(struct view *v, struct strbuf *out)
{
	struct release_view *rv = rv_of(v);
	strbuf_addf(out, "release: %s\nloaded: %s\nsessions: %s\nintervals: %zu\n", rv->store.version,
	            rv->store.release ? "yes" : "no", rv->store.have_sessions ? "yes" : "no",
	            rv->store.sessions.nintervals);
}

static void close_view(struct view *v)
{
	struct release_view *rv = rv_of(v);
	release_detail_free(&rv->store);
	lines_free(&rv->lines);
	free(rv->items);
	free(rv->project_slug);
	free(rv);
}

static const struct view_ops release_ops = {
	.name = "release",
	.lines = lines,
	.draw_line = draw_line,
	.request = request,
	.title = title,
	.close = close_view,
	.describe = describe,
	.command = command,
	.acts_on_marks = true,
};

static void changed(void *ctx)
{
	struct release_view *rv = ctx;
	rv->built = false;
	app_touch(rv->view.app);
}

struct view *release_detail_view_open(struct app *app, const struct view_args *args)
{
	struct release_view *rv = xcalloc(1, sizeof(*rv));
	rv->view.ops = &release_ops;
	rv->view.app = app;
	rv->project_slug = args->project ? xstrdup(args->project) : NULL;
	release_detail_open(&rv->store, &app->target, args->release ? args->release : "",
	                    args->project_id, args->environment, args->period ? args->period : "14d",
	                    changed, rv);
	return &rv->view;
}
