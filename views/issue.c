/* The issue screen: a header (what the issue is, its state, counts, the event shown)
 * over sections switched with 1-5 and Tab: stack trace, breadcrumbs, issue-wide tag
 * distributions, the event's context, and for a transaction (a performance issue's
 * event) its spans: a waterfall view shown inside the section, which the screen opens
 * on. Data comes from the issue detail store, fetched in parallel on open; each part
 * shows as soon as it arrives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/search_term.h"
#include "store/issue_detail.h"
#include "tui/format.h"
#include "tui/prompt.h"
#include "tui/sanitize.h"
#include "util/timeutil.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/event_render.h"
#include "views/item_fields.h"
#include "views/lines.h"
#include "views/style.h"
#include "views/view_table.h"

enum section {
	SECTION_STACK, SECTION_CRUMBS, SECTION_TAGS, SECTION_CONTEXT, SECTION_SPANS, SECTION_COUNT
};

static const char *const section_names[SECTION_COUNT] = {
	"Stack trace", "Breadcrumbs", "Tags", "Context", "Spans",
};

struct issue_view {
	struct view view;
	struct issue summary;               /* the stream's row, until the detail arrives */
	struct issue_detail_store store;
	enum section section;
	bool section_chosen;                /* the user picked one: events no longer switch */
	struct view *waterfall;             /* the Spans section, once the event has spans */
	struct lines lines[SECTION_COUNT];
	unsigned built_version[SECTION_COUNT]; /* store version the lines were built from */
	unsigned built_options[SECTION_COUNT]; /* and the options */
	size_t cursor[SECTION_COUNT];       /* each section keeps its own position */
	size_t offset[SECTION_COUNT];
	bool crumbs_positioned;             /* cursor put on the last crumb before the error */
	char *crash_shown_for;              /* the event whose crash frame was opened */
	unsigned options;                   /* bumped when an option changes */
	int hscroll;

	struct stack_options stack;
	int *expanded;                      /* frame ids shown with source and vars */
	size_t nexpanded, expanded_cap;
	struct crumb_options crumbs;
	char *crumb_level;
	char *crumb_category;
	char *search;
};

static struct issue_view *iv_of(struct view *v)
{
	return (struct issue_view *)v;
}

/* Frames expanded with Enter */

static bool frame_expanded(void *ctx, int id)
{
	struct issue_view *iv = ctx;
	for (size_t i = 0; i < iv->nexpanded; i++)
		if (iv->expanded[i] == id)
			return true;
	return false;
}

static void toggle_frame(struct issue_view *iv, int id)
{
	for (size_t i = 0; i < iv->nexpanded; i++) {
		if (iv->expanded[i] == id) {
			iv->expanded[i] = iv->expanded[--iv->nexpanded];
			iv->options++;
			return;
		}
	}
	xgrow((void **)&iv->expanded, &iv->expanded_cap, iv->nexpanded + 1, sizeof(int));
	iv->expanded[iv->nexpanded++] = id;
	iv->options++;
}

/* The crash up front, as Sentry's web UI opens an event: each newly shown event starts
 * with its crash frame expanded (source, faulting line, variables) and the cursor on
 * it. Expansions the user made stay while the same event is refreshed. Returns the
 * crash frame's id when a new event is shown, else -1. */
static int open_on_crash(struct issue_view *iv, const struct event *e)
{
	const char *id = e->id ? e->id : "";
	if (iv->crash_shown_for && strcmp(iv->crash_shown_for, id) == 0)
		return -1;
	free(iv->crash_shown_for);
	iv->crash_shown_for = xstrdup(id);
	iv->nexpanded = 0;
	int crash = render_crash_frame(e, iv->stack.raw);
	const struct frame *f = render_frame_by_id(e, crash);
	/* A frame without source or variables has nothing to expand into. */
	if (f && (f->ncontext > 0 || f->vars.n > 0)) {
		xgrow((void **)&iv->expanded, &iv->expanded_cap, 1, sizeof(int));
		iv->expanded[iv->nexpanded++] = crash;
	}
	iv->options++;
	return crash;
}

static void cursor_to_frame(struct issue_view *iv, int frame_id)
{
	const struct lines *ls = &iv->lines[SECTION_STACK];
	for (size_t i = 0; i < ls->n; i++) {
		if (ls->items[i].kind == LINE_FRAME && ls->items[i].ref == frame_id) {
			iv->cursor[SECTION_STACK] = i;
			/* From the top when that shows the heading, the frame and its source. */
			iv->offset[SECTION_STACK] = 0;
			if (iv->section == SECTION_STACK) {
				iv->view.cursor = i;
				iv->view.offset = 0;
			}
			return;
		}
	}
}

/* Building lines */

static const struct issue *shown_issue(struct issue_view *iv)
{
	return iv->store.detail ? &iv->store.detail->issue : &iv->summary;
}

static void part_state(struct lines *ls, const struct detail_part *p, const char *what)
{
	struct line *l = lines_add(ls, LINE_TEXT, 0, 2);
	if (p->error)
		line_segf(l, ROLE_STATUS_ERROR, "%s", p->error);
	else if (p->loading)
		line_segf(l, ROLE_LOADING, "Loading %s…", what);
	else
		line_segf(l, ROLE_DIM, "No %s.", what);
}

static void build(struct issue_view *iv, enum section s)
{
	if (iv->lines[s].n && iv->built_version[s] == iv->store.version &&
	    iv->built_options[s] == iv->options)
		return;
	iv->built_version[s] = iv->store.version;
	iv->built_options[s] = iv->options;
	struct lines *ls = &iv->lines[s];
	lines_clear(ls);
	const struct event *e = iv->store.event;
	int crash;
	switch (s) {
	case SECTION_STACK:
		if (e) {
			crash = open_on_crash(iv, e);
			iv->built_options[s] = iv->options;
			render_stacktrace(e, &iv->stack, ls);
			if (crash >= 0)
				cursor_to_frame(iv, crash);
		} else {
			part_state(ls, &iv->store.event_state, "event");
		}
		break;
	case SECTION_CRUMBS:
		if (e) {
			iv->crumbs.level = iv->crumb_level;
			iv->crumbs.category = iv->crumb_category;
			int pos = render_breadcrumbs(e, &iv->crumbs, ls);
			if (!iv->crumbs_positioned && pos >= 0) {
				iv->crumbs_positioned = true;
				iv->cursor[s] = (size_t)pos;
				if (iv->section == s)
					iv->view.cursor = (size_t)pos;
			}
		} else {
			part_state(ls, &iv->store.event_state, "event");
		}
		break;
	case SECTION_TAGS:
		if (iv->store.ntags)
			render_tags(iv->store.tags, iv->store.ntags, ls);
		else
			part_state(ls, &iv->store.tags_state, "tags");
		break;
	case SECTION_CONTEXT:
		if (e)
			render_context(e, ls);
		else
			part_state(ls, &iv->store.event_state, "event");
		break;
	default:
		break;
	}
	if (ls->n == 0)
		lines_add(ls, LINE_BLANK, 0, 0);
}

/* The Spans section shows a waterfall of the store's event (absent for an event
 * without spans). */
static struct view *spans_view(struct issue_view *iv)
{
	if (iv->section != SECTION_SPANS || !iv->store.spans)
		return NULL;
	if (!iv->waterfall)
	{
		struct span_source src = issue_detail_span_source(&iv->store);
		iv->waterfall = view_open(iv->view.app, VIEW_waterfall,
		                          &(struct view_args){ .spans = &src, .inner = true });
	}
	return iv->waterfall;
}

static bool section_shown(const struct issue_view *iv, enum section s)
{
	return s != SECTION_SPANS || iv->store.spans != NULL;
}

static size_t lines(struct view *v)
{
	struct issue_view *iv = iv_of(v);
	struct view *inner = spans_view(iv);
	if (inner)
		return view_inner_lines(v, inner);
	build(iv, iv->section);
	return iv->lines[iv->section].n;
}

/* Drawing */

static void draw_bar(struct draw_row *row, const struct bar *bar)
{
	static const char *const eighths[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	int width = bar->max_width > 0 ? bar->max_width : 20;
	if (width > draw_room(row) - 1)
		width = draw_room(row) - 1;
	if (width <= 0)
		return;
	double f = bar->fraction < 0 ? 0 : bar->fraction > 1 ? 1 : bar->fraction;
	int units = (int)(f * width * 8 + 0.5);
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < units / 8; i++)
		strbuf_adds(&sb, "█");
	strbuf_adds(&sb, eighths[units % 8]);
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_SPARK, strbuf_str(&sb), width, ALIGN_LEFT);
	strbuf_free(&sb);
}

static int line_width(const struct line *l)
{
	int w = l->indent;
	for (size_t i = 0; i < l->nsegs; i++)
		w += sanitize_width(l->segs[i].text);
	if (l->bar.present)
		w += 1 + (l->bar.max_width > 0 ? l->bar.max_width : 20);
	return w;
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	struct issue_view *iv = iv_of(v);
	struct view *inner = spans_view(iv);
	if (inner) {
		view_inner_draw_line(v, inner, lineno, row);
		return;
	}
	const struct line *l = &iv->lines[iv->section].items[lineno];
	int skip = iv->hscroll;
	int full = line_width(l);
	int right = row->right;
	bool clipped = full - skip > right - row->x;
	if (clipped)
		row->right = right - 1; /* room for the clip marker */
	if (skip > 0) {
		draw_field(row, ROLE_DIM, "‹", 1, ALIGN_LEFT);
		skip++;
	}
	int indent = l->indent;
	while (indent > 0 && skip > 0) {
		indent--;
		skip--;
	}
	draw_pad(row, ROLE_DEFAULT, indent);
	for (size_t i = 0; i < l->nsegs; i++) {
		draw_text_skip(row, l->segs[i].role, l->segs[i].text, &skip);
		if (l->bar.present && l->bar_after == i && skip == 0)
			draw_bar(row, &l->bar);
	}
	if (clipped) {
		draw_row_end(row, l->highlight ? ROLE_SOURCE_HIGHLIGHT : ROLE_DEFAULT);
		row->right = right;
		draw_field(row, ROLE_DIM, "…", 1, ALIGN_LEFT);
	}
}

static void header_event_line(struct issue_view *iv, struct strbuf *sb)
{
	const struct event *e = iv->store.event;
	const char *which = iv->store.event_which ? iv->store.event_which : "recommended";
	if (iv->store.event_state.loading) {
		strbuf_addf(sb, "Loading %s event…", strlen(which) > 12 ? "the" : which);
		return;
	}
	if (!e) {
		strbuf_adds(sb, "No event");
		return;
	}
	char age[16];
	format_age(e->date_created, time_now(), age, sizeof(age));
	char date[32] = "";
	struct tm tm;
	time_t t = e->date_created;
	if (t && gmtime_r(&t, &tm))
		strftime(date, sizeof(date), "%Y-%m-%d %H:%M UTC", &tm);
	strbuf_addf(sb, "Event %.12s", e->id ? e->id : "?");
	if (strlen(which) <= 12)
		strbuf_addf(sb, " (%s)", which);
	strbuf_addf(sb, " · %s ago · %s", age, date);
	if (e->release)
		strbuf_addf(sb, " · %s", e->release);
	if (e->environment)
		strbuf_addf(sb, " · %s", e->environment);
	/* Where < and > lead, so the ends of the chain are visible without trying. */
	strbuf_addf(sb, " · %s%s", e->previous_event_id ? "< older " : "oldest ",
	            e->next_event_id ? "> newer" : "newest");
}

enum { HEADER_ROWS = 7 };

static int header_height(struct view *v, int width)
{
	struct view *inner = spans_view(iv_of(v));
	return HEADER_ROWS + (inner ? view_inner_header_height(v, inner, width) : 0);
}

static void header_row(WINDOW *win, int y, int width, enum color_role role, const char *text)
{
	struct draw_row row;
	draw_row_begin(&row, win, y, 0, width, false);
	draw_pad(&row, ROLE_DEFAULT, 1);
	if (sanitize_width(text) > draw_room(&row))
		draw_field(&row, role, text, draw_room(&row), ALIGN_LEFT);
	else
		draw_text(&row, role, text);
	draw_row_end(&row, ROLE_DEFAULT);
}

static void draw_header(struct view *v, WINDOW *win, int y, int width)
{
	struct issue_view *iv = iv_of(v);
	const struct issue *i = shown_issue(iv);
	const struct issue_detail *d = iv->store.detail;
	struct strbuf sb = STRBUF_INIT;
	char n1[16], n2[16], a1[16], a2[16];

	/* 1: level, short id, title */
	struct draw_row row;
	draw_row_begin(&row, win, y, 0, width, false);
	draw_pad(&row, ROLE_DEFAULT, 1);
	const char *level = i->level_name ? i->level_name : issue_level_name(i->level);
	draw_text(&row, style_level_role(i->level), level);
	draw_pad(&row, ROLE_DEFAULT, 1);
	draw_link_text(&row, ROLE_SHORT_ID, i->short_id ? i->short_id : i->id, i->permalink);
	draw_pad(&row, ROLE_DEFAULT, 2);
	const char *title = i->title ? i->title : "(no title)";
	if (sanitize_width(title) > draw_room(&row))
		draw_field(&row, ROLE_HEADER, title, draw_room(&row), ALIGN_LEFT);
	else
		draw_text(&row, ROLE_HEADER, title);
	draw_row_end(&row, ROLE_DEFAULT);

	/* 2: culprit */
	header_row(win, y + 1, width, ROLE_CULPRIT, i->culprit && *i->culprit ? i->culprit : "-");

	/* 3: status, priority, assignee, bookmark */
	strbuf_addf(&sb, "%s", i->status ? i->status : "unknown");
	if (d && d->status_text)
		strbuf_addf(&sb, " (%s)", d->status_text);
	else if (i->substatus) {
		strbuf_adds(&sb, " · ");
		for (const char *c = i->substatus; *c; c++)
			strbuf_addc(&sb, *c == '_' ? ' ' : *c);
	}
	if (i->priority)
		strbuf_addf(&sb, " · priority %s", i->priority);
	if (i->assigned_to)
		strbuf_addf(&sb, " · assigned to %s%s",
		            i->assigned_to->type && strcmp(i->assigned_to->type, "team") == 0 ? "#" : "",
		            i->assigned_to->name ? i->assigned_to->name : i->assigned_to->id);
	else
		strbuf_adds(&sb, " · unassigned");
	if (i->is_bookmarked)
		strbuf_adds(&sb, " · ★ bookmarked");
	header_row(win, y + 2, width, ROLE_DEFAULT, strbuf_str(&sb));
	strbuf_reset(&sb);

	/* 4: counts and first/last seen with releases */
	format_count(i->count, n1, sizeof(n1));
	format_count(i->user_count > 0 ? (uint64_t)i->user_count : 0, n2, sizeof(n2));
	strbuf_addf(&sb, "events %s", n1);
	/* Only the periods the server counted (GlitchTip counts none here). */
	if (d && (d->has_events_24h || d->has_events_30d)) {
		char c24[16], c30[16];
		format_count(d->events_24h, c24, sizeof(c24));
		format_count(d->events_30d, c30, sizeof(c30));
		if (d->has_events_24h && d->has_events_30d)
			strbuf_addf(&sb, " (24h %s, 30d %s)", c24, c30);
		else if (d->has_events_24h)
			strbuf_addf(&sb, " (24h %s)", c24);
		else
			strbuf_addf(&sb, " (30d %s)", c30);
	}
	format_age(i->first_seen, time_now(), a1, sizeof(a1));
	format_age(i->last_seen, time_now(), a2, sizeof(a2));
	strbuf_addf(&sb, " · users %s · first seen %s ago", n2, a1);
	if (d && d->first_release)
		strbuf_addf(&sb, " in %s", d->first_release);
	strbuf_addf(&sb, " · last seen %s ago", a2);
	if (d && d->last_release)
		strbuf_addf(&sb, " in %s", d->last_release);
	header_row(win, y + 3, width, ROLE_DEFAULT, strbuf_str(&sb));
	strbuf_reset(&sb);

	/* 5: permalink (null when the caller is not an org member), a link where the
	 * terminal shows them */
	draw_row_begin(&row, win, y + 4, 0, width, false);
	draw_pad(&row, ROLE_DEFAULT, 1);
	const char *permalink = i->permalink ? i->permalink : "(no permalink)";
	draw_link_field(&row, ROLE_DIM, permalink, draw_room(&row), ALIGN_LEFT, i->permalink);
	draw_row_end(&row, ROLE_DEFAULT);

	/* 6: the event shown */
	header_event_line(iv, &sb);
	header_row(win, y + 5, width, ROLE_ASSIGNEE, strbuf_str(&sb));
	strbuf_reset(&sb);

	/* 7: section tabs */
	draw_row_begin(&row, win, y + 6, 0, width, false);
	for (int s = 0; s < SECTION_COUNT; s++) {
		char label[48];
		if (!section_shown(iv, (enum section)s))
			continue;
		if (s == SECTION_CRUMBS && iv->store.event)
			snprintf(label, sizeof(label), " %d %s (%zu) ", s + 1, section_names[s],
			         iv->store.event->ncrumbs);
		else
			snprintf(label, sizeof(label), " %d %s ", s + 1, section_names[s]);
		draw_text(&row, s == (int)iv->section ? ROLE_TITLE : ROLE_HEADER, label);
		draw_pad(&row, ROLE_DEFAULT, 1);
	}
	if (iv->section == SECTION_STACK)
		strbuf_addf(&sb, "%s%s%s", iv->stack.newest_first ? "newest first" : "oldest first",
		            iv->stack.in_app_only ? " · in-app only" : "",
		            iv->stack.raw ? " · raw" : "");
	else if (iv->section == SECTION_CRUMBS)
		strbuf_addf(&sb, "%s · level %s · category %s",
		            iv->crumbs.relative ? "relative time" : "UTC time",
		            iv->crumb_level ? iv->crumb_level : "all",
		            iv->crumb_category ? iv->crumb_category : "all");
	draw_text(&row, ROLE_DIM, strbuf_str(&sb));
	draw_row_end(&row, ROLE_DEFAULT);
	strbuf_free(&sb);
	struct view *inner = spans_view(iv);
	if (inner)
		view_inner_draw_header(v, inner, win, y + HEADER_ROWS, width);
}

/* Sections and options */

static void show_section(struct issue_view *iv, enum section s)
{
	iv->cursor[iv->section] = iv->view.cursor;
	iv->offset[iv->section] = iv->view.offset;
	iv->section = s;
	iv->view.cursor = iv->cursor[s];
	iv->view.offset = iv->offset[s];
	iv->hscroll = 0;
	if (s != SECTION_SPANS)
		build(iv, s);
}

static void switch_section(struct issue_view *iv, enum section s)
{
	iv->section_chosen = true;
	if (section_shown(iv, s))
		show_section(iv, s);
	else
		app_status(iv->view.app, STATUS_INFO, "this event has no spans (not a transaction)");
}

/* Tab and BackTab: the next section this event has. */
static void step_section(struct issue_view *iv, int dir)
{
	enum section s = iv->section;
	do
		s = (enum section)((s + SECTION_COUNT + dir) % SECTION_COUNT);
	while (!section_shown(iv, s));
	switch_section(iv, s);
}

static void options_changed(struct issue_view *iv)
{
	iv->options++;
	view_clamp(&iv->view);
}

/* The distinct values of a crumb field, in order of appearance, to cycle a filter. */
static const char *next_crumb_value(struct issue_view *iv, bool level, const char *cur)
{
	const struct event *e = iv->store.event;
	if (!e)
		return NULL;
	bool take = cur == NULL;
	for (size_t i = 0; i < e->ncrumbs; i++) {
		const char *val = level ? e->crumbs[i].level : e->crumbs[i].category;
		if (!val)
			continue;
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++) {
			const char *pv = level ? e->crumbs[j].level : e->crumbs[j].category;
			seen = pv && strcmp(pv, val) == 0;
		}
		if (seen)
			continue;
		if (take)
			return val;
		if (cur && strcmp(cur, val) == 0)
			take = true;
	}
	return NULL;
}

static void cycle_crumb_filter(struct issue_view *iv, bool level)
{
	char **field = level ? &iv->crumb_level : &iv->crumb_category;
	const char *next = next_crumb_value(iv, level, *field);
	char *copy = xstrdup_or_null(next);
	free(*field);
	*field = copy;
	app_status(iv->view.app, STATUS_INFO, "breadcrumbs: %s %s", level ? "level" : "category",
	           copy ? copy : "all");
	iv->view.cursor = 0;
	options_changed(iv);
}

/* Search within the section */

static bool line_matches(const struct line *l, const char *needle)
{
	char *text = line_text(l);
	bool found = false;
	size_t nlen = strlen(needle);
	for (const char *p = text; *p && !found; p++)
		found = strncasecmp(p, needle, nlen) == 0;
	free(text);
	return found;
}

static void search_step(struct issue_view *iv, int dir)
{
	if (!iv->search || !*iv->search)
		return;
	struct lines *ls = &iv->lines[iv->section];
	size_t n = ls->n;
	for (size_t k = 1; k <= n; k++) {
		size_t i = (iv->view.cursor + (dir > 0 ? k : n * 2 - k)) % n;
		if (line_matches(&ls->items[i], iv->search)) {
			iv->view.cursor = i;
			view_clamp(&iv->view);
			app_status(iv->view.app, STATUS_INFO, "/%s: line %zu of %zu", iv->search, i + 1, n);
			return;
		}
	}
	app_status(iv->view.app, STATUS_ERROR, "no match for '%s' in %s", iv->search,
	           section_names[iv->section]);
}

static void on_search(void *ctx, const char *text)
{
	struct issue_view *iv = ctx;
	if (!text)
		return;
	free(iv->search);
	iv->search = xstrdup(text);
	search_step(iv, 1);
}

/* Tags: Enter on a value goes back to the stream filtered by it. */

static void filter_stream_by_tag(struct issue_view *iv)
{
	const struct line *l = &iv->lines[SECTION_TAGS].items[iv->view.cursor];
	if (l->kind != LINE_TAG_VALUE || (size_t)l->ref >= iv->store.ntags)
		return;
	const struct tag_key *k = &iv->store.tags[l->ref];
	if ((size_t)l->ref2 >= k->ntop)
		return;
	const struct tag_value *tv = &k->top[l->ref2];
	struct strbuf term = STRBUF_INIT;
	struct app *app = iv->view.app;
	/* Server text: quoted as one search term, or refused with the reason. */
	const char *why = tv->query && *tv->query ? search_term_append_raw(&term, tv->query)
	                                          : search_term_append(&term, k->key, tv->value);
	if (why) {
		app_status(app, STATUS_ERROR, "cannot filter by this value: %s", why);
		strbuf_free(&term);
		return;
	}
	char *added = strbuf_detach(&term);
	app_pop(app); /* frees iv */
	app_stream_add_filter(app, added);
	free(added);
}

/* The event's trace (contexts.trace), with the event's own span under the cursor. */
static void open_trace(struct issue_view *iv)
{
	const struct event *e = iv->store.event;
	const char *trace_id = event_context_value(e, "trace", "trace_id");
	if (!trace_id || !*trace_id) {
		app_status(iv->view.app, STATUS_INFO, "%s", iv->store.event_state.loading
		           ? "the event is still loading" : "this event has no trace id (no trace context)");
		return;
	}
	app_push(iv->view.app, view_open(iv->view.app, VIEW_waterfall, &(struct view_args){
		.trace = trace_id,
		.focus_span = event_context_value(e, "trace", "span_id"),
		.focus_event = e->id,
	}));
}

/* The issue's first or last release, on the release screen. */
static void open_release(struct issue_view *iv, bool first)
{
	const struct issue_detail *d = iv->store.detail;
	const char *version = d ? (first ? d->first_release : d->last_release) : NULL;
	if (!version) {
		app_status(iv->view.app, STATUS_INFO, d ? "this issue was seen in no release"
		                                         : "the issue is still loading");
		return;
	}
	const struct issue *i = shown_issue(iv);
	app_push(iv->view.app, view_open(iv->view.app, VIEW_release_detail, &(struct view_args){
		.release = version, .project = i->project_slug, .project_id = i->project_id,
		.period = "14d",
	}));
}

static bool request(struct view *v, enum request req)
{
	struct issue_view *iv = iv_of(v);
	const struct event *e = iv->store.event;
	struct lines *ls = &iv->lines[iv->section];
	const struct line *cur = v->cursor < ls->n ? &ls->items[v->cursor] : NULL;
	struct view *inner = spans_view(iv);
	/* The waterfall's own keys, and Enter, q (its span detail) and Ctrl-r there. */
	if (inner && (strcmp(request_info(req)->scope, "waterfall") == 0 || req == REQ_ENTER ||
	              req == REQ_BACK || req == REQ_REFRESH) &&
	    view_inner_request(v, inner, req))
		return true;
	switch (req) {
	case REQ_BACK:
		app_pop(v->app);
		return true;
	case REQ_NEXT_SECTION:
		step_section(iv, 1);
		return true;
	case REQ_PREV_SECTION:
		step_section(iv, -1);
		return true;
	case REQ_SECTION_STACK: switch_section(iv, SECTION_STACK); return true;
	case REQ_SECTION_CRUMBS: switch_section(iv, SECTION_CRUMBS); return true;
	case REQ_SECTION_TAGS: switch_section(iv, SECTION_TAGS); return true;
	case REQ_SECTION_CONTEXT: switch_section(iv, SECTION_CONTEXT); return true;
	case REQ_SECTION_SPANS: switch_section(iv, SECTION_SPANS); return true;
	case REQ_ENTER:
		if (cur && cur->kind == LINE_FRAME) {
			toggle_frame(iv, cur->ref);
			view_clamp(v);
		} else if (cur && cur->kind == LINE_STACK_HEADING && cur->ref >= 0) {
			/* The exception's crash frame: the one the screen opened expanded. */
			toggle_frame(iv, cur->ref);
		} else if (cur && cur->kind == LINE_STACK_HEADING) {
			app_status(v->app, STATUS_INFO, "no frames to show");
		} else if (cur && cur->kind == LINE_SYSTEM_FRAMES) {
			app_status(v->app, STATUS_INFO, "i shows all frames");
		} else if (cur && cur->kind == LINE_TAG_VALUE) {
			filter_stream_by_tag(iv);
		}
		return true;
	case REQ_TOGGLE_ORDER:
		iv->stack.newest_first = !iv->stack.newest_first;
		app_status(v->app, STATUS_INFO, "stack trace: %s first",
		           iv->stack.newest_first ? "crashing frame" : "oldest frame");
		options_changed(iv);
		return true;
	case REQ_TOGGLE_IN_APP:
		iv->stack.in_app_only = !iv->stack.in_app_only;
		app_status(v->app, STATUS_INFO, "stack trace: %s",
		           iv->stack.in_app_only ? "in-app frames only" : "all frames");
		options_changed(iv);
		return true;
	case REQ_TOGGLE_RAW:
		iv->stack.raw = !iv->stack.raw;
		app_status(v->app, STATUS_INFO, "stack trace: %s frames",
		           iv->stack.raw ? "raw" : "symbolicated");
		options_changed(iv);
		return true;
	case REQ_TOGGLE_TIME:
		iv->crumbs.relative = !iv->crumbs.relative;
		options_changed(iv);
		return true;
	case REQ_FILTER_LEVEL:
		cycle_crumb_filter(iv, true);
		return true;
	case REQ_FILTER_CATEGORY:
		cycle_crumb_filter(iv, false);
		return true;
	case REQ_WATERFALL:
		if (iv->store.spans)
		{
			struct span_source src = issue_detail_span_source(&iv->store);
			app_push(v->app, view_open(v->app, VIEW_waterfall, &(struct view_args){ .spans = &src }));
		}
		else
			app_status(v->app, STATUS_INFO, "%s", iv->store.event_state.loading
			           ? "the event is still loading" : "this event has no spans (not a transaction)");
		return true;
	case REQ_TRACE:
		open_trace(iv);
		return true;
	case REQ_LAST_RELEASE:
		open_release(iv, false);
		return true;
	case REQ_SEARCH:
		prompt_open("search: ", NULL, "search", on_search, iv);
		return true;
	case REQ_SEARCH_NEXT:
		search_step(iv, 1);
		return true;
	case REQ_SEARCH_PREV:
		search_step(iv, -1);
		return true;
	case REQ_SCROLL_LEFT:
		iv->hscroll = iv->hscroll > 8 ? iv->hscroll - 8 : 0;
		return true;
	case REQ_SCROLL_RIGHT:
		iv->hscroll += 8;
		return true;
	case REQ_EVENT_PREV:
	case REQ_EVENT_NEXT: {
		const char *id = !e ? NULL : req == REQ_EVENT_PREV ? e->previous_event_id
		                                                   : e->next_event_id;
		if (!id) {
			app_status(v->app, STATUS_INFO, "no %s event",
			           req == REQ_EVENT_PREV ? "older" : "newer");
			return true;
		}
		char *copy = xstrdup(id);
		issue_detail_store_load_event(&iv->store, copy);
		free(copy);
		return true;
	}
	case REQ_REFRESH:
		app_status(v->app, STATUS_INFO, "refreshing…");
		issue_detail_store_refresh(&iv->store);
		return true;
	case REQ_EVENT_OLDEST:
		issue_detail_store_load_event(&iv->store, "oldest");
		return true;
	case REQ_EVENT_LATEST:
		issue_detail_store_load_event(&iv->store, "latest");
		return true;
	case REQ_EVENT_RECOMMENDED:
		issue_detail_store_load_event(&iv->store, "recommended");
		return true;
	case REQ_EVENT_LIST:
		app_push(v->app, view_open(v->app, VIEW_events,
		                           &(struct view_args){ .store = &iv->store, .parent = v }));
		return true;
	default:
		return false;
	}
}

static bool command(struct view *v, const char *name, const char *args, struct strbuf *err)
{
	struct issue_view *iv = iv_of(v);
	struct view *inner = spans_view(iv);
	if (inner && view_inner_command(v, inner, name, args, err))
		return true;
	if (strcmp(name, "search") == 0 && *args) {
		on_search(iv, args);
		return true;
	}
	if (strcmp(name, "release") == 0) {
		if (strcmp(args, "first") != 0 && strcmp(args, "last") != 0 && *args) {
			strbuf_adds(err, "usage: :release first|last");
			return true;
		}
		open_release(iv, strcmp(args, "first") == 0);
		return true;
	}
	if (strcmp(name, "event") == 0 && *args) {
		issue_detail_store_load_event(&iv->store, args);
		return true;
	}
	return false;
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	struct issue_view *iv = iv_of(v);
	const struct issue *i = shown_issue(iv);
	strbuf_addf(left, "%s › %s", v->app->target.org, i->short_id ? i->short_id : i->id);
	if (i->project_slug)
		strbuf_addf(left, " · %s", i->project_slug);
	strbuf_adds(right, "q back · ? keys");
}

static void describe(struct view *v, struct strbuf *out)
{
	struct issue_view *iv = iv_of(v);
	struct lines *ls = &iv->lines[iv->section];
	strbuf_addf(out, "section: %s\n", section_names[iv->section]);
	struct view *inner = spans_view(iv);
	if (inner && inner->ops->describe)
		inner->ops->describe(inner, out);
	if (v->cursor < ls->n) {
		char *text = line_text(&ls->items[v->cursor]);
		strbuf_addf(out, "line: %s\n", text);
		free(text);
	}
	strbuf_addf(out, "event: %s\n", iv->store.event && iv->store.event->id ? iv->store.event->id : "-");
	strbuf_addf(out, "hscroll: %d\n", iv->hscroll);
}

static const char *empty_text(struct view *v)
{
	struct view *inner = spans_view(iv_of(v));
	if (inner && inner->ops->empty_text)
		return inner->ops->empty_text(inner);
	return "Nothing here.";
}

static const char *inner_scope(struct view *v)
{
	struct view *inner = spans_view(iv_of(v));
	return inner ? inner->ops->name : NULL;
}

static struct issue *current_issue(struct view *v)
{
	struct issue_view *iv = iv_of(v);
	return iv->store.detail ? &iv->store.detail->issue : &iv->summary;
}

static void item_fields(struct view *v, struct item_fields *out)
{
	struct issue_view *iv = iv_of(v);
	const struct event *e = iv->store.event;
	out->issue = current_issue(v);
	out->event_id = e ? e->id : NULL;
	out->release = e ? e->release : NULL;
	const struct lines *ls = &iv->lines[iv->section];
	if (!e || iv->section != SECTION_STACK || v->cursor >= ls->n)
		return;
	/* A frame's own line, its source and its variables all mean that frame. */
	const struct line *cur = &ls->items[v->cursor];
	if (cur->kind != LINE_FRAME && cur->kind != LINE_SOURCE && cur->kind != LINE_VAR)
		return;
	const struct frame *f = render_frame_by_id(e, cur->ref);
	if (!f)
		return;
	out->file = f->filename ? f->filename : f->abs_path ? f->abs_path : f->module;
	out->line = f->line_no;
}

static void close_view(struct view *v)
{
	struct issue_view *iv = iv_of(v);
	triage_watch(&v->app->triage, NULL, NULL);
	if (iv->waterfall)
		iv->waterfall->ops->close(iv->waterfall);
	issue_detail_store_free(&iv->store);
	for (int s = 0; s < SECTION_COUNT; s++)
		lines_free(&iv->lines[s]);
	issue_free(&iv->summary);
	free(iv->expanded);
	free(iv->crash_shown_for);
	free(iv->crumb_level);
	free(iv->crumb_category);
	free(iv->search);
	free(iv);
}

static void on_store_change(void *ctx, const char *error)
{
	struct issue_view *iv = ctx;
	if (error)
		app_status(iv->view.app, STATUS_ERROR, "%s", error);
	/* A transaction opens on its spans, unless the user has picked a section. */
	if (iv->store.spans && !iv->section_chosen && iv->section == SECTION_STACK)
		show_section(iv, SECTION_SPANS);
	else if (!iv->store.spans && iv->section == SECTION_SPANS)
		show_section(iv, SECTION_STACK);
	app_touch(iv->view.app);
}

/* The issue as it arrives: triage settled since it was asked for, and triage in flight,
 * go back on it. */
static void on_issue_arrived(void *ctx, struct issue_detail *d, long long asked_us)
{
	struct app *app = ctx;
	triage_overlay_detail(&app->triage, d, asked_us);
}

static const struct view_ops issue_ops = {
	.name = "issue",
	.lines = lines,
	.header_height = header_height,
	.draw_header = draw_header,
	.draw_line = draw_line,
	.request = request,
	.title = title,
	.close = close_view,
	.empty_text = empty_text,
	.describe = describe,
	.command = command,
	.current_issue = current_issue,
	.inner_scope = inner_scope,
	.item_fields = item_fields,
};

struct view *issue_view_open(struct app *app, const struct view_args *args)
{
	const struct issue *issue = args->issue;
	const char *event = args->event;
	struct issue_view *iv = xcalloc(1, sizeof(*iv));
	iv->view.ops = &issue_ops;
	iv->view.app = app;
	issue_clone(issue, &iv->summary);
	iv->stack.newest_first = true;
	iv->stack.expanded = frame_expanded;
	iv->stack.ctx = iv;
	iv->crumbs.relative = true;
	issue_detail_store_open(&iv->store, &app->target, issue->id, event, on_store_change, iv);
	iv->store.overlay = on_issue_arrived;
	iv->store.overlay_ctx = app;
	triage_watch(&app->triage, &iv->summary, &iv->store);
	return &iv->view;
}
