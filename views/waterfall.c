/* The waterfall: a transaction's spans as a tree of rows, each with its op, its
 * description on one line, its duration and a bar placed by time against the
 * transaction (or the zoomed span). Repeated spans (N+1) collapse into one
 * "N × description" row; the performance issue's evidence is marked. `d` (or Enter)
 * shows one span in full in the same view; q goes back to the rows.
 *
 * The spans come from a span source (store/span_source.h): the issue screen's event,
 * a transaction fetched by project and id, or a whole trace. When the source's spans
 * change (another event, a refresh) the tree is rebuilt from them (the cursor stays
 * on its span id when the new spans have it). A source may name a span to focus (an
 * error's span in its trace): the cursor starts there and the row is marked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/span_fetch.h"
#include "store/span_tree.h"
#include "tui/prompt.h"
#include "tui/sanitize.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/lines.h"
#include "views/view_table.h"
#include "views/waterfall_layout.h"

#define EVIDENCE_MARK "\u25C6"   /* ◆ an offending span of the issue's evidence */
#define ERROR_MARK "\u25CF"      /* ● an error happened in this span (a trace) */
#define FOCUS_MARK "\u25B6"      /* ▶ the span the waterfall was opened for */
#define ORPHAN_MARK "?"           /* its parent is unknown: it hangs under the root */
#define DURATION_WIDTH 7

struct waterfall_view {
	struct view view;
	struct span_source src;
	bool inner;                         /* shown inside another view: q is the host's */
	const struct span_set *built_from;  /* the spans the tree was built from */
	uint32_t focus_node;                /* the source's focus span, SPAN_NONE if none */
	struct span_tree tree;
	bool have_tree;
	char *keep_span;                    /* the cursor's span id across a reload */
	char *search;
	enum span_slowest slowest_by;
	/* Detail mode: the rows of one span, and where the cursor was in the waterfall. */
	bool detail;
	uint32_t detail_node;
	struct lines detail_lines;
	size_t saved_cursor, saved_offset;
};

static struct waterfall_view *wv_of(struct view *v)
{
	return (struct waterfall_view *)v;
}

/* The tree, rebuilt when the source's spans changed (another event, a refresh). */
static const struct span_set *spans_of(struct waterfall_view *wv)
{
	return wv->src.ops->spans(wv->src.ctx);
}

/* The span the source asks to focus: by span id, else the trace node that is the
 * event or holds it among its errors. */
static uint32_t find_focus(const struct span_tree *t, const struct span_source *src)
{
	if (src->focus_span_id) {
		uint32_t node = span_tree_find_id(t, src->focus_span_id);
		if (node != SPAN_NONE)
			return node;
	}
	if (!src->focus_event_id)
		return SPAN_NONE;
	for (uint32_t i = 0; i < t->nnodes; i++) {
		const struct span *s = t->nodes[i].span;
		if (s->event_id && strcmp(s->event_id, src->focus_event_id) == 0)
			return i;
		for (size_t e = 0; e < s->nerrors; e++)
			if (s->errors[e].event_id && strcmp(s->errors[e].event_id, src->focus_event_id) == 0)
				return i;
	}
	return SPAN_NONE;
}

static struct span_tree *tree_of(struct waterfall_view *wv)
{
	const struct span_set *set = spans_of(wv);
	if (wv->have_tree && wv->built_from == set)
		return &wv->tree;
	if (wv->have_tree) {
		/* The old set is gone: only the tree's own arrays may be touched. */
		span_tree_free(&wv->tree);
		wv->have_tree = false;
	}
	wv->built_from = set;
	wv->detail = false;
	if (!set)
		return NULL;
	span_tree_build(&wv->tree, set);
	wv->have_tree = true;
	wv->view.cursor = 0;
	wv->view.offset = 0;
	wv->focus_node = find_focus(&wv->tree, &wv->src);
	uint32_t node = wv->focus_node;
	if (wv->keep_span) {
		node = span_tree_find_id(&wv->tree, wv->keep_span);
		free(wv->keep_span);
		wv->keep_span = NULL;
	}
	if (node != SPAN_NONE)
		wv->view.cursor = span_tree_reveal(&wv->tree, node);
	return &wv->tree;
}

static uint32_t cursor_node(struct waterfall_view *wv)
{
	struct span_tree *t = tree_of(wv);
	if (!t || wv->view.cursor >= t->nrows)
		return SPAN_NONE;
	return t->rows[wv->view.cursor].node;
}

static void cursor_to_node(struct waterfall_view *wv, uint32_t node)
{
	struct span_tree *t = &wv->tree;
	if (node == SPAN_NONE || node >= t->nnodes)
		return;
	size_t row = t->row_of[node] != SPAN_NONE ? t->row_of[node] : span_tree_reveal(t, node);
	wv->view.cursor = row;
	view_clamp(&wv->view);
}

/* The detail of one span */

static void field(struct lines *ls, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	struct line *l = lines_add(ls, LINE_FIELD, 0, 1);
	line_segf(l, ROLE_HEADER, "%-16s", label);
	line_seg(l, ROLE_DEFAULT, value);
}

static void kv_block(struct lines *ls, const char *heading, const struct kv_list *kv)
{
	if (kv->n == 0)
		return;
	lines_add(ls, LINE_BLANK, 0, 0);
	line_seg(lines_add(ls, LINE_HEADING, 0, 1), ROLE_HEADER, heading);
	for (size_t i = 0; i < kv->n; i++)
		field(ls, kv->items[i].key ? kv->items[i].key : "?",
		      kv->items[i].value ? kv->items[i].value : "");
}

static void build_detail(struct waterfall_view *wv, uint32_t node)
{
	struct span_tree *t = &wv->tree;
	const struct span_node *n = &t->nodes[node];
	const struct span *s = n->span;
	struct lines *ls = &wv->detail_lines;
	char buf[32];
	lines_clear(ls);
	struct line *head = lines_add(ls, LINE_HEADING, 0, 1);
	line_seg(head, ROLE_HEADER, node == 0 ? "Transaction" : "Span");
	if (n->flags & SPAN_OFFENDER)
		line_seg(head, ROLE_LEVEL_ERROR, "  " EVIDENCE_MARK " offending span of this issue");
	field(ls, "op", s->op);
	/* Description in full: one line per line of the text (SQL keeps its shape). */
	if (s->description && *s->description) {
		const char *p = s->description;
		bool first = true;
		while (*p) {
			size_t len = strcspn(p, "\n");
			char *part = xstrndup(p, len);
			field(ls, first ? "description" : "", part);
			if (!first && !*part)
				lines_add(ls, LINE_TEXT, 0, 17);
			free(part);
			first = false;
			p += len;
			if (*p == '\n')
				p++;
		}
	}
	waterfall_format_duration(s->start - t->set->root.start, buf, sizeof(buf));
	field(ls, "start", buf);
	waterfall_format_duration(span_node_duration(n), buf, sizeof(buf));
	field(ls, "duration", buf);
	waterfall_format_duration(n->exclusive, buf, sizeof(buf));
	field(ls, "exclusive time", buf);
	field(ls, "status", s->status);
	field(ls, "span id", s->span_id);
	field(ls, "parent span id", s->parent_span_id);
	field(ls, "trace id", s->trace_id);
	field(ls, "hash", s->hash);
	if (n->flags & SPAN_ORPHAN)
		field(ls, "parent", "not in this transaction (shown under the root)");
	if (s->end_missing)
		field(ls, "end", "missing (drawn as zero length)");
	kv_block(ls, "Tags", &s->tags);
	kv_block(ls, "Data", &s->data);
}

static void open_detail(struct waterfall_view *wv)
{
	uint32_t node = cursor_node(wv);
	if (node == SPAN_NONE)
		return;
	build_detail(wv, node);
	wv->detail = true;
	wv->detail_node = node;
	wv->saved_cursor = wv->view.cursor;
	wv->saved_offset = wv->view.offset;
	wv->view.cursor = 0;
	wv->view.offset = 0;
}

static void close_detail(struct waterfall_view *wv)
{
	wv->detail = false;
	wv->view.cursor = wv->saved_cursor;
	wv->view.offset = wv->saved_offset;
	view_clamp(&wv->view);
}

/* Rows */

static size_t lines(struct view *v)
{
	struct waterfall_view *wv = wv_of(v);
	struct span_tree *t = tree_of(wv);
	if (!t)
		return 0;
	return wv->detail ? wv->detail_lines.n : t->nrows;
}

static bool is_last_child(const struct span_tree *t, uint32_t node)
{
	const struct span_node *n = &t->nodes[node];
	if (n->parent == SPAN_NONE)
		return true;
	const struct span_node *p = &t->nodes[n->parent];
	return t->children[p->first_child + p->nchildren - 1] == node;
}

/* "│ ├─ " guides: one two-cell column per level below the axis node. last_in_row is
 * the row's last span (a collapsed group's last member), which decides ├ or └. */
static void tree_guides(const struct span_tree *t, uint32_t node, uint32_t last_in_row,
                        uint32_t top_depth, struct strbuf *out)
{
	uint32_t depth = t->nodes[node].depth;
	if (depth <= top_depth)
		return;
	size_t levels = depth - top_depth;
	const char **cols = xcalloc(levels, sizeof(*cols));
	uint32_t at = node;
	for (size_t i = levels; i-- > 0;) {
		bool last = is_last_child(t, i == levels - 1 ? last_in_row : at);
		if (i == levels - 1)
			cols[i] = last ? "\u2514\u2500" : "\u251C\u2500";
		else
			cols[i] = last ? "  " : "\u2502 ";
		at = t->nodes[at].parent;
	}
	for (size_t i = 0; i < levels; i++)
		strbuf_adds(out, cols[i]);
	free(cols);
}

/* The family of an op ("db.sql.query" is db), for its colour. */
static enum color_role op_role(const char *op)
{
	static const struct { const char *prefix; enum color_role role; } families[] = {
		{ "db", ROLE_SPAN_DB }, { "http", ROLE_SPAN_HTTP }, { "cache", ROLE_SPAN_CACHE },
		{ "ui", ROLE_SPAN_UI }, { "browser", ROLE_SPAN_UI }, { "resource", ROLE_SPAN_UI },
		{ "paint", ROLE_SPAN_UI }, { "mark", ROLE_SPAN_UI }, { "measure", ROLE_SPAN_UI },
		{ "middleware", ROLE_SPAN_MIDDLEWARE }, { "view", ROLE_SPAN_MIDDLEWARE },
		{ "template", ROLE_SPAN_MIDDLEWARE }, { "function", ROLE_SPAN_MIDDLEWARE },
	};
	if (!op)
		return ROLE_DIM;
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++) {
		size_t n = strlen(families[i].prefix);
		if (strncmp(op, families[i].prefix, n) == 0 && (op[n] == '\0' || op[n] == '.'))
			return families[i].role;
	}
	return ROLE_SPAN_OTHER;
}

static int label_width(int width)
{
	int w = width * 2 / 5;
	return w < 24 ? 24 : w;
}

static struct waterfall_axis axis_of(const struct span_tree *t)
{
	const struct span *s = t->nodes[span_tree_axis_node(t)].span;
	return (struct waterfall_axis){ s->start, s->end };
}

/* The bar with the node's gaps (time none of its children covers) shown as ░ where
 * the bar is a whole block. Both strings are exactly width cells of one codepoint. */
static void draw_bar(struct draw_row *row, const struct span_tree *t, uint32_t node,
                     double start, double end, int width, enum color_role role)
{
	struct waterfall_axis axis = axis_of(t);
	struct strbuf bar = STRBUF_INIT, gaps = STRBUF_INIT;
	waterfall_bar(&bar, &axis, start, end, width);
	struct span_interval *iv = NULL;
	size_t ngaps = node == SPAN_NONE ? 0 : span_tree_gaps(t, node, &iv);
	waterfall_gaps(&gaps, &axis, iv, ngaps, width);
	free(iv);
	const char *b = strbuf_str(&bar), *g = strbuf_str(&gaps);
	struct strbuf cell = STRBUF_INIT;
	while (*b && *g) {
		size_t bl = 1, gl = 1;
		while ((b[bl] & 0xC0) == 0x80)
			bl++;
		while ((g[gl] & 0xC0) == 0x80)
			gl++;
		bool gap = strncmp(g, WATERFALL_GAP, gl) == 0 && strncmp(b, "\u2588", bl) == 0;
		strbuf_reset(&cell);
		strbuf_add(&cell, gap ? g : b, gap ? gl : bl);
		draw_text(row, gap ? ROLE_DIM : role, strbuf_str(&cell));
		b += bl;
		g += gl;
	}
	strbuf_free(&cell);
	strbuf_free(&bar);
	strbuf_free(&gaps);
}

static void draw_detail_line(struct waterfall_view *wv, size_t lineno, struct draw_row *row)
{
	const struct line *l = &wv->detail_lines.items[lineno];
	draw_pad(row, ROLE_DEFAULT, l->indent);
	for (size_t i = 0; i < l->nsegs; i++)
		draw_text(row, l->segs[i].role, l->segs[i].text);
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	struct waterfall_view *wv = wv_of(v);
	struct span_tree *t = tree_of(wv);
	if (!t)
		return;
	if (wv->detail) {
		draw_detail_line(wv, lineno, row);
		return;
	}
	const struct span_row *r = &t->rows[lineno];
	const struct span_node *n = &t->nodes[r->node];
	const struct span *s = n->span;
	const struct span_group *grp = r->group != SPAN_NONE ? &t->groups[r->group] : NULL;
	int width = row->right - row->x;
	int label_w = label_width(width);
	int bar_w = width - 1 - label_w - 1 - DURATION_WIDTH - 1;
	bool offender = (n->flags & SPAN_OFFENDER) != 0;
	if (grp) /* a collapsed group is an offender when any member is */
		for (uint32_t i = 0; i < grp->count && !offender; i++)
			offender = t->nodes[t->children[grp->first + i]].flags & SPAN_OFFENDER;

	bool orphan = (n->flags & SPAN_ORPHAN) != 0;
	const char *mark = offender ? EVIDENCE_MARK : r->node == wv->focus_node ? FOCUS_MARK
	                   : s->nerrors ? ERROR_MARK : orphan ? ORPHAN_MARK : " ";
	draw_text(row, *mark == ' ' ? ROLE_DEFAULT : *mark == '?' ? ROLE_LEVEL_WARNING : ROLE_LEVEL_ERROR,
	          mark);
	struct strbuf label = STRBUF_INIT;
	uint32_t last_in_row = grp ? t->children[grp->first + grp->count - 1] : r->node;
	tree_guides(t, r->node, last_in_row, t->nodes[span_tree_axis_node(t)].depth, &label);
	struct draw_row field_row = *row;
	field_row.right = row->x + label_w;
	draw_text(&field_row, ROLE_DIM, strbuf_str(&label));
	strbuf_free(&label);
	char num[64];
	if (grp) {
		snprintf(num, sizeof(num), "%u \u00D7 ", grp->count);
		draw_text(&field_row, ROLE_NUMBER, num);
	}
	draw_text(&field_row, offender ? ROLE_LEVEL_ERROR : op_role(s->op), s->op ? s->op : "(no op)");
	if (n->folded && n->nchildren) {
		snprintf(num, sizeof(num), " [+%u]", n->nchildren);
		draw_text(&field_row, ROLE_NUMBER, num);
	}
	if (s->status && strcmp(s->status, "ok") != 0) {
		draw_text(&field_row, ROLE_LEVEL_ERROR, " ");
		draw_text(&field_row, ROLE_LEVEL_ERROR, s->status);
	}
	if (grp) {
		waterfall_format_duration(grp->mean, num, sizeof(num));
		draw_text(&field_row, ROLE_DIM, " (mean ");
		draw_text(&field_row, ROLE_DIM, num);
		draw_text(&field_row, ROLE_DIM, ")");
	}
	/* A group reads as its statement with the values masked: what repeats. */
	char *pattern = grp ? span_description_pattern(s->description) : NULL;
	char *desc = waterfall_fold_text(pattern ? pattern : s->description);
	free(pattern);
	if (desc && *desc) {
		draw_text(&field_row, ROLE_DEFAULT, " ");
		draw_text(&field_row, ROLE_DEFAULT, desc);
	}
	free(desc);
	draw_pad(&field_row, ROLE_DEFAULT, draw_room(&field_row));
	row->x = field_row.x;
	draw_pad(row, ROLE_DEFAULT, 1);
	waterfall_format_duration(grp ? grp->total : span_node_duration(n), num, sizeof(num));
	draw_field(row, ROLE_NUMBER, num, DURATION_WIDTH, ALIGN_RIGHT);
	draw_pad(row, ROLE_DEFAULT, 1);
	if (bar_w > 0) {
		double start = s->start, end = s->end;
		if (grp) {
			const struct span *last = t->nodes[t->children[grp->first + grp->count - 1]].span;
			end = last->end > end ? last->end : end;
		}
		enum color_role role = offender ? ROLE_LEVEL_ERROR : op_role(s->op);
		draw_bar(row, t, grp || n->folded ? SPAN_NONE : r->node, start, end, bar_w, role);
	}
}

/* Header: what the transaction is, then its measurements and the issue's evidence. */

static void header_lines(struct waterfall_view *wv, struct strbuf *out, int which)
{
	const struct span_set *set = spans_of(wv);
	char buf[32];
	if (which == 0) {
		waterfall_format_duration(set->root.end - set->root.start, buf, sizeof(buf));
		strbuf_addf(out, "%s · %s · %s · %zu spans",
		            set->root.op ? set->root.op : "(no op)", buf,
		            set->root.status ? set->root.status : "no status", set->nspans);
		if (set->dropped)
			strbuf_addf(out, " (%zu unusable, not shown)", set->dropped);
		if (wv->tree.norphans)
			strbuf_addf(out, " · %zu without a known parent", wv->tree.norphans);
	} else if (which == 1) {
		for (size_t i = 0; i < set->nmeasurements; i++) {
			const struct span_metric *m = &set->measurements[i];
			strbuf_addf(out, "%s%s %.0f%s%s", out->len ? " · " : "", m->name ? m->name : "?",
			            m->value, m->unit && strcmp(m->unit, "none") ? " " : "",
			            m->unit && strcmp(m->unit, "none") ? m->unit : "");
		}
		for (size_t i = 0; i < set->nspan_ops; i++) {
			const struct span_metric *m = &set->span_ops[i];
			waterfall_format_duration(m->value / 1000.0, buf, sizeof(buf));
			strbuf_addf(out, "%s%s %s", out->len ? " · " : "", m->name ? m->name : "?", buf);
		}
	} else {
		const struct span_evidence *e = &set->evidence;
		strbuf_addf(out, EVIDENCE_MARK " %s", e->issue_title ? e->issue_title : "evidence");
		if (e->subtitle)
			strbuf_addf(out, " — %s", e->subtitle);
	}
}

static bool has_metrics(const struct span_set *set)
{
	return set->nmeasurements || set->nspan_ops;
}

static int header_height(struct view *v, int width)
{
	struct waterfall_view *wv = wv_of(v);
	const struct span_set *set = tree_of(wv) ? spans_of(wv) : NULL;
	if (!set)
		return 0;
	return 1 + has_metrics(set) + set->has_evidence + 1;
}

static void draw_header(struct view *v, WINDOW *win, int y, int width)
{
	struct waterfall_view *wv = wv_of(v);
	struct span_tree *t = tree_of(wv);
	if (!t)
		return;
	const struct span_set *set = spans_of(wv);
	struct draw_row row;
	for (int which = 0; which < 3; which++) {
		if ((which == 1 && !has_metrics(set)) || (which == 2 && !set->has_evidence))
			continue;
		struct strbuf sb = STRBUF_INIT;
		header_lines(wv, &sb, which);
		draw_row_begin(&row, win, y++, 0, width, false);
		draw_pad(&row, ROLE_DEFAULT, 1);
		if (which == 0) {
			/* The name takes what the numbers leave; the numbers always show. */
			const char *name = set->title ? set->title : "(no name)";
			int stats = sanitize_width(strbuf_str(&sb)) + 3;
			int name_w = draw_room(&row) - stats;
			if (name_w < 10)
				name_w = 10;
			if (sanitize_width(name) < name_w)
				name_w = sanitize_width(name);
			draw_field(&row, ROLE_TITLE, name, name_w, ALIGN_LEFT);
			draw_text(&row, ROLE_DEFAULT, " · ");
		}
		draw_text(&row, which == 2 ? ROLE_LEVEL_ERROR : ROLE_DEFAULT, strbuf_str(&sb));
		draw_row_end(&row, ROLE_DEFAULT);
		strbuf_free(&sb);
	}
	/* Column titles, and the axis: where it starts and how long it is. */
	draw_row_begin(&row, win, y, 0, width, false);
	int label_w = label_width(width);
	int bar_w = width - 1 - label_w - 1 - DURATION_WIDTH - 1;
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, wv->detail ? "SPAN DETAIL" : "SPAN", label_w, ALIGN_LEFT);
	draw_pad(&row, ROLE_HEADER, 1);
	draw_field(&row, ROLE_HEADER, "TIME", DURATION_WIDTH, ALIGN_RIGHT);
	draw_pad(&row, ROLE_HEADER, 1);
	if (bar_w > 0) {
		struct waterfall_axis axis = axis_of(t);
		char from[32], len[32], text[80];
		waterfall_format_duration(axis.start - set->root.start, from, sizeof(from));
		waterfall_format_duration(axis.end - axis.start, len, sizeof(len));
		snprintf(text, sizeof(text), "+%s", from);
		int lw = (int)strlen(text);
		draw_text(&row, ROLE_HEADER, text);
		snprintf(text, sizeof(text), "%s%s", t->nzoom ? "zoom " : "", len);
		draw_field(&row, ROLE_HEADER, text, bar_w - lw, ALIGN_RIGHT);
	}
	draw_row_end(&row, ROLE_HEADER);
}

/* Keys */

static void on_search(void *ctx, const char *text);

static void search_step(struct waterfall_view *wv, int dir)
{
	struct span_tree *t = tree_of(wv);
	if (!t || !wv->search || !*wv->search)
		return;
	uint32_t *hits = NULL;
	size_t nhits = span_tree_search(t, wv->search, &hits);
	if (nhits == 0) {
		app_status(wv->view.app, STATUS_INFO, "no span matches \"%s\"", wv->search);
		return;
	}
	/* Position of the cursor's node in waterfall order, then the next hit past it. */
	uint32_t cur = cursor_node(wv);
	size_t cur_pos = 0;
	for (size_t i = 0; i < t->nnodes; i++)
		if (t->preorder[i] == cur)
			cur_pos = i;
	size_t *pos = xcalloc(t->nnodes, sizeof(*pos));
	for (size_t i = 0; i < t->nnodes; i++)
		pos[t->preorder[i]] = i;
	size_t pick = dir > 0 ? 0 : nhits - 1;
	for (size_t k = 0; k < nhits; k++) {
		size_t i = dir > 0 ? k : nhits - 1 - k;
		if (dir > 0 ? pos[hits[i]] > cur_pos : pos[hits[i]] < cur_pos) {
			pick = i;
			break;
		}
	}
	free(pos);
	cursor_to_node(wv, hits[pick]);
	app_status(wv->view.app, STATUS_INFO, "match %zu of %zu", pick + 1, nhits);
	free(hits);
}

static void on_search(void *ctx, const char *text)
{
	struct waterfall_view *wv = ctx;
	if (!text)
		return;
	free(wv->search);
	wv->search = xstrdup(text);
	search_step(wv, 1);
}

static bool request(struct view *v, enum request req)
{
	struct waterfall_view *wv = wv_of(v);
	struct span_tree *t = tree_of(wv);
	if (wv->detail) {
		if (req == REQ_BACK || req == REQ_SPAN_DETAIL || req == REQ_ENTER) {
			close_detail(wv);
			return true;
		}
		return false;
	}
	if (req == REQ_BACK) {
		if (wv->inner)
			return false;
		app_pop(v->app);
		return true;
	}
	if (!t)
		return false;
	uint32_t node = cursor_node(wv);
	switch (req) {
	case REQ_ENTER:
	case REQ_SPAN_DETAIL:
		open_detail(wv);
		return true;
	case REQ_SPAN_FOLD:
		if (node != SPAN_NONE && span_tree_toggle(t, v->cursor))
			cursor_to_node(wv, node);
		else
			app_status(v->app, STATUS_INFO, "nothing to fold here");
		return true;
	case REQ_SPAN_ZOOM_IN:
		if (node != SPAN_NONE && span_tree_zoom(t, node)) {
			cursor_to_node(wv, node);
			v->offset = 0;
		} else {
			app_status(v->app, STATUS_INFO, "no child spans to zoom into");
		}
		return true;
	case REQ_SPAN_ZOOM_OUT: {
		uint32_t axis = span_tree_axis_node(t);
		if (span_tree_unzoom(t))
			cursor_to_node(wv, axis);
		else
			app_status(v->app, STATUS_INFO, "not zoomed");
		return true;
	}
	case REQ_SPAN_SLOWEST: {
		uint32_t slow = span_tree_slowest(t, wv->slowest_by);
		if (slow == SPAN_NONE) {
			app_status(v->app, STATUS_INFO, "no spans");
			return true;
		}
		cursor_to_node(wv, slow);
		char buf[32];
		const struct span_node *n = &t->nodes[slow];
		bool excl = wv->slowest_by == SPAN_SLOWEST_EXCLUSIVE;
		waterfall_format_duration(excl ? n->exclusive : span_node_duration(n), buf, sizeof(buf));
		app_status(v->app, STATUS_INFO, "slowest span by %s: %s (S again: by %s)",
		           excl ? "exclusive time" : "duration", buf,
		           excl ? "duration" : "exclusive time");
		wv->slowest_by = excl ? SPAN_SLOWEST_DURATION : SPAN_SLOWEST_EXCLUSIVE;
		return true;
	}
	case REQ_REFRESH: {
		/* The source fetches the spans again; the tree is rebuilt from
		 * the answer with the cursor on the same span (folds start afresh). */
		const struct span *s = node != SPAN_NONE ? t->nodes[node].span : NULL;
		free(wv->keep_span);
		wv->keep_span = s && s->span_id ? xstrdup(s->span_id) : NULL;
		wv->src.ops->reload(wv->src.ctx);
		return true;
	}
	case REQ_SPAN_SEARCH:
		prompt_open("search spans: ", NULL, "search", on_search, wv);
		return true;
	case REQ_SPAN_SEARCH_NEXT:
		search_step(wv, 1);
		return true;
	case REQ_SPAN_SEARCH_PREV:
		search_step(wv, -1);
		return true;
	default:
		return false;
	}
}

/* :depth N shows the tree down to N levels below the transaction; :search TEXT. */
static bool command(struct view *v, const char *name, const char *args, struct strbuf *err)
{
	struct waterfall_view *wv = wv_of(v);
	struct span_tree *t = tree_of(wv);
	if (strcmp(name, "search") == 0 && *args) {
		on_search(wv, args);
		return true;
	}
	if (strcmp(name, "depth") != 0)
		return false;
	char *end = NULL;
	long depth = strtol(args, &end, 10);
	if (!*args || *end || depth < 1 || depth > 1000) {
		strbuf_addf(err, "usage: :depth N (1 shows the transaction's own spans)");
		return true;
	}
	if (!t)
		return true;
	uint32_t node = cursor_node(wv);
	span_tree_fold_to_depth(t, (uint32_t)depth);
	/* The cursor's span, or its nearest ancestor still shown. */
	while (node != SPAN_NONE && t->row_of[node] == SPAN_NONE)
		node = t->nodes[node].parent;
	if (node != SPAN_NONE)
		cursor_to_node(wv, node);
	view_clamp(v);
	return true;
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	struct waterfall_view *wv = wv_of(v);
	strbuf_addf(left, "%s › ", v->app->target.org);
	wv->src.ops->label(wv->src.ctx, left);
	strbuf_adds(left, " › waterfall");
	const char *event_id = wv->src.ops->event_id(wv->src.ctx);
	if (event_id)
		strbuf_addf(right, "event %.8s", event_id);
}

static const char *empty_text(struct view *v)
{
	struct waterfall_view *wv = wv_of(v);
	if (wv->src.ops->loading(wv->src.ctx))
		return "Loading the spans…";
	const char *error = wv->src.ops->error(wv->src.ctx);
	return error ? error : "This transaction has no spans.";
}

static void describe(struct view *v, struct strbuf *out)
{
	struct waterfall_view *wv = wv_of(v);
	struct span_tree *t = tree_of(wv);
	if (!t) {
		strbuf_adds(out, "spans: none\n");
		return;
	}
	uint32_t node = wv->detail ? wv->detail_node : cursor_node(wv);
	const struct span *s = node != SPAN_NONE ? t->nodes[node].span : NULL;
	strbuf_addf(out, "span: %s\n", s && s->span_id ? s->span_id : "-");
	if (!wv->detail && v->cursor < t->nrows && t->rows[v->cursor].group != SPAN_NONE)
		strbuf_addf(out, "group: %u spans\n", t->groups[t->rows[v->cursor].group].count);
	strbuf_addf(out, "rows: %zu\n", t->nrows);
	strbuf_adds(out, "folded:");
	for (size_t i = 0; i < t->nnodes; i++)
		if (t->nodes[i].folded && t->nodes[i].span->span_id)
			strbuf_addf(out, " %s", t->nodes[i].span->span_id);
	strbuf_adds(out, "\n");
	const struct span *axis = t->nodes[span_tree_axis_node(t)].span;
	strbuf_addf(out, "zoom: %s\n", t->nzoom && axis->span_id ? axis->span_id : "-");
	strbuf_addf(out, "detail: %s\n", wv->detail ? "open" : "-");
}

static void close_view(struct view *v)
{
	struct waterfall_view *wv = wv_of(v);
	if (wv->have_tree)
		span_tree_free(&wv->tree);
	lines_free(&wv->detail_lines);
	span_source_free(&wv->src);
	free(wv->search);
	free(wv->keep_span);
	free(wv);
}

static const struct view_ops waterfall_ops = {
	.name = "waterfall",
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
};

/* An answer arrived: the next pass draws it (never draw from a callback). */
static void fetched(void *ctx)
{
	app_touch(ctx);
}

/* The spans of args->spans (taken over), of a trace, or of a transaction event. */
struct view *waterfall_view_open(struct app *app, const struct view_args *args)
{
	struct waterfall_view *wv = xcalloc(1, sizeof(*wv));
	wv->view.ops = &waterfall_ops;
	wv->view.app = app;
	if (args->spans)
		wv->src = *args->spans;
	else if (args->trace)
		wv->src = span_fetch_trace(&app->target, args->trace, fetched, app);
	else
		wv->src = span_fetch_event(&app->target, args->project ? args->project : "",
		                           args->event ? args->event : "", fetched, app);
	wv->src.focus_span_id = args->focus_span ? xstrdup(args->focus_span) : NULL;
	wv->src.focus_event_id = args->focus_event ? xstrdup(args->focus_event) : NULL;
	wv->inner = args->inner;
	wv->focus_node = SPAN_NONE;
	wv->slowest_by = SPAN_SLOWEST_DURATION;
	return &wv->view;
}
