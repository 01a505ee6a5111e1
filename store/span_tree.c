/* The span tree (see span_tree.h): parents from parent_span_id, children by start,
 * orphans and cycles under the root, repeated-span groups, evidence marks, and the
 * visible rows under fold and zoom. Every walk is iterative with a heap stack. */
#include "store/span_tree.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

/* Times closer than this (one microsecond) are the same instant: the same time written
 * twice (ISO and float, or rounded by an SDK) must not read as an overrun. */
#define SAME_INSTANT 1e-6

struct span_id_index {
	const char *id;
	uint32_t node;
};

double span_node_duration(const struct span_node *n)
{
	return n->span->end - n->span->start;
}

/* ---- id lookup --------------------------------------------------------------------- */

static int compare_ids(const void *a, const void *b)
{
	const struct span_id_index *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	return x->node < y->node ? -1 : x->node > y->node;
}

static void index_ids(struct span_tree *t)
{
	t->ids = xmalloc(t->nnodes * sizeof(*t->ids));
	for (uint32_t i = 0; i < t->nnodes; i++)
		if (t->nodes[i].span->span_id)
			t->ids[t->nids++] = (struct span_id_index){ t->nodes[i].span->span_id, i };
	qsort(t->ids, t->nids, sizeof(*t->ids), compare_ids);
}

uint32_t span_tree_find_id(const struct span_tree *t, const char *span_id)
{
	if (!span_id)
		return SPAN_NONE;
	/* The leftmost match: the root, else the first span sent with that id. */
	size_t lo = 0, hi = t->nids;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(t->ids[mid].id, span_id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->nids && strcmp(t->ids[lo].id, span_id) == 0 ? t->ids[lo].node : SPAN_NONE;
}

/* ---- parents ----------------------------------------------------------------------- */

static bool other_trace(const struct span *s, const struct span *root)
{
	return s->trace_id && root->trace_id && strcmp(s->trace_id, root->trace_id) != 0;
}

static void assign_parents(struct span_tree *t)
{
	const struct span *root = t->nodes[0].span;
	for (uint32_t i = 1; i < t->nnodes; i++) {
		struct span_node *n = &t->nodes[i];
		uint32_t parent = SPAN_NONE;
		if (n->span->trace_top_level) {
			n->parent = 0; /* a root of the trace, not a stray */
			continue;
		}
		if (!other_trace(n->span, root))
			parent = span_tree_find_id(t, n->span->parent_span_id);
		if (parent == i) {
			n->flags |= SPAN_CYCLE;
			parent = SPAN_NONE;
		}
		if (parent == SPAN_NONE) {
			n->flags |= SPAN_ORPHAN;
			parent = 0;
		}
		n->parent = parent;
	}
}

/* A chain of parents that never reaches the root loops: cut each loop where the walk
 * meets itself and hang that node under the root. Each node is walked once. */
static void break_cycles(struct span_tree *t)
{
	uint32_t *walk = xmalloc(t->nnodes * sizeof(*walk));
	bool *settled = xcalloc(t->nnodes, sizeof(*settled));
	for (uint32_t i = 0; i < t->nnodes; i++)
		walk[i] = SPAN_NONE;
	settled[0] = true;
	for (uint32_t i = 1; i < t->nnodes; i++) {
		uint32_t u = i;
		while (!settled[u]) {
			walk[u] = i;
			uint32_t p = t->nodes[u].parent;
			if (walk[p] == i) { /* back on this walk's own path */
				t->nodes[p].parent = 0;
				t->nodes[p].flags |= SPAN_CYCLE | SPAN_ORPHAN;
				break;
			}
			u = p;
		}
		for (u = i; !settled[u]; u = t->nodes[u].parent)
			settled[u] = true;
	}
	free(walk);
	free(settled);
}

/* ---- children ---------------------------------------------------------------------- */

struct child_key {
	uint32_t parent;
	uint32_t node;
	double start;
};

static int compare_children(const void *a, const void *b)
{
	const struct child_key *x = a, *y = b;
	if (x->parent != y->parent)
		return x->parent < y->parent ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->node < y->node ? -1 : x->node > y->node; /* the order sent */
}

static void link_children(struct span_tree *t)
{
	size_t n = t->nnodes - 1;
	struct child_key *keys = xmalloc((n ? n : 1) * sizeof(*keys));
	for (uint32_t i = 1; i < t->nnodes; i++)
		keys[i - 1] = (struct child_key){ t->nodes[i].parent, i, t->nodes[i].span->start };
	qsort(keys, n, sizeof(*keys), compare_children);
	t->children = xmalloc((n ? n : 1) * sizeof(*t->children));
	for (size_t k = 0; k < n; k++) {
		struct span_node *p = &t->nodes[keys[k].parent];
		if (p->nchildren++ == 0)
			p->first_child = (uint32_t)k;
		t->children[k] = keys[k].node;
	}
	free(keys);
}

/* Depth-first order and depths, children in their order. */
static void number_preorder(struct span_tree *t)
{
	uint32_t *stack = xmalloc(t->nnodes * sizeof(*stack));
	size_t top = 0, k = 0;
	t->preorder = xmalloc(t->nnodes * sizeof(*t->preorder));
	stack[top++] = 0;
	while (top > 0) {
		uint32_t u = stack[--top];
		struct span_node *n = &t->nodes[u];
		t->preorder[k++] = u;
		for (uint32_t c = n->nchildren; c-- > 0;) {
			uint32_t child = t->children[n->first_child + c];
			t->nodes[child].depth = n->depth + 1;
			stack[top++] = child;
		}
	}
	free(stack);
}

/* The union of a node's children's intervals, clipped to the node; calls each gap (the
 * time no child covers) and returns the covered total. Children are sorted by start. */
static double sweep_children(const struct span_tree *t, uint32_t node, struct span_interval **gaps,
                             size_t *ngaps)
{
	const struct span_node *n = &t->nodes[node];
	double from = n->span->start, to = n->span->end, covered = 0, cursor = from;
	size_t cap = 0;
	for (uint32_t c = 0; c < n->nchildren; c++) {
		const struct span *s = t->nodes[t->children[n->first_child + c]].span;
		double start = s->start < from ? from : s->start;
		double end = s->end > to ? to : s->end;
		if (end <= cursor)
			continue;
		if (start > cursor) {
			if (gaps) {
				xgrow((void **)gaps, &cap, *ngaps + 1, sizeof(**gaps));
				(*gaps)[(*ngaps)++] = (struct span_interval){ cursor, start };
			}
			cursor = start;
		}
		covered += end - cursor;
		cursor = end;
	}
	if (gaps && n->nchildren && cursor < to) {
		xgrow((void **)gaps, &cap, *ngaps + 1, sizeof(**gaps));
		(*gaps)[(*ngaps)++] = (struct span_interval){ cursor, to };
	}
	return covered;
}

size_t span_tree_gaps(const struct span_tree *t, uint32_t node, struct span_interval **out)
{
	size_t n = 0;
	*out = NULL;
	if (node < t->nnodes)
		sweep_children(t, node, out, &n);
	return n;
}

/* ---- repeated spans ---------------------------------------------------------------- */

/* Reads a description as its pattern, one byte at a time: runs of blanks read as one
 * space (none at the ends), a number not glued to a word and a '…' string read as
 * MASK. */
#define MASK '\x01'

struct pattern_reader {
	const char *p;
	bool after_word;
};

static bool word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static char pattern_next(struct pattern_reader *r)
{
	const char *p = r->p;
	if (isspace((unsigned char)*p)) {
		while (isspace((unsigned char)*p))
			p++;
		r->p = p;
		r->after_word = false;
		return *p ? ' ' : '\0';
	}
	if (*p == '\'') {
		for (p++; *p; p++)
			if (*p == '\'' && *++p != '\'') /* '' is a quote inside the string */
				break;
		r->p = p;
		r->after_word = false;
		return MASK;
	}
	if (isdigit((unsigned char)*p) && !r->after_word) {
		while (isalnum((unsigned char)*p) || *p == '.')
			p++;
		r->p = p;
		r->after_word = false;
		return MASK;
	}
	if (*p) {
		r->p = p + 1;
		r->after_word = word_char(*p);
	}
	return *p;
}

static struct pattern_reader pattern_start(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return (struct pattern_reader){ s, false };
}

static bool same_pattern(const char *a, const char *b)
{
	if (!a || !b || !*a || !*b)
		return false;
	struct pattern_reader x = pattern_start(a), y = pattern_start(b);
	for (;;) {
		/* The same byte in both that reads as itself (not a blank, quote or digit, which
		 * pattern_next folds) is skipped here, without a call per byte: both readers are
		 * always in the same state, as they have read the same so far. */
		while (*x.p == *y.p && *x.p && *x.p != '\'' && !isspace((unsigned char)*x.p) &&
		       !isdigit((unsigned char)*x.p)) {
			x.after_word = y.after_word = word_char(*x.p);
			x.p++;
			y.p++;
		}
		char c = pattern_next(&x);
		if (c != pattern_next(&y))
			return false;
		if (!c)
			return true;
	}
}

char *span_description_pattern(const char *description)
{
	if (!description)
		return NULL;
	struct strbuf out = STRBUF_INIT;
	struct pattern_reader r = pattern_start(description);
	for (char c; (c = pattern_next(&r)) != '\0';)
		if (c == MASK)
			strbuf_adds(&out, "%s");
		else
			strbuf_addc(&out, c);
	return strbuf_detach(&out);
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static bool alike(const struct span *a, const struct span *b)
{
	if (!same_str(a->op, b->op))
		return false;
	if (a->hash && b->hash)
		return strcmp(a->hash, b->hash) == 0;
	return same_pattern(a->description, b->description);
}

static void add_group(struct span_tree *t, size_t *cap, uint32_t parent, uint32_t first, uint32_t count)
{
	xgrow((void **)&t->groups, cap, t->ngroups + 1, sizeof(*t->groups));
	struct span_group *g = &t->groups[t->ngroups];
	*g = (struct span_group){ parent, first, count, 0, 0, true };
	for (uint32_t k = first; k < first + count; k++) {
		struct span_node *member = &t->nodes[t->children[k]];
		member->group = (uint32_t)t->ngroups;
		member->flags |= SPAN_REPEATED;
		g->total += span_node_duration(member);
	}
	g->mean = g->total / count;
	t->ngroups++;
}

static void find_groups(struct span_tree *t)
{
	size_t cap = 0;
	for (uint32_t u = 0; u < t->nnodes; u++) {
		const struct span_node *n = &t->nodes[u];
		uint32_t end = n->first_child + n->nchildren;
		for (uint32_t k = n->first_child; k < end;) {
			uint32_t run = 1;
			while (k + run < end && alike(t->nodes[t->children[k]].span,
			                              t->nodes[t->children[k + run]].span))
				run++;
			if (run >= SPAN_GROUP_MIN)
				add_group(t, &cap, u, k, run);
			k += run;
		}
	}
}

/* ---- marks ------------------------------------------------------------------------- */

static void mark_ids(struct span_tree *t, char *const *ids, size_t n, unsigned flag)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t node = span_tree_find_id(t, ids[i]);
		if (node != SPAN_NONE)
			t->nodes[node].flags |= flag;
	}
}

static void mark_nodes(struct span_tree *t)
{
	const struct span *root = t->nodes[0].span;
	for (uint32_t i = 1; i < t->nnodes; i++) {
		struct span_node *n = &t->nodes[i];
		if (n->span->nerrors || n->span->noccurrences)
			n->flags |= SPAN_HAS_ERRORS;
		if (n->span->start < root->start - SAME_INSTANT)
			n->flags |= SPAN_STARTS_EARLY;
		if (n->span->end > root->end + SAME_INSTANT)
			n->flags |= SPAN_ENDS_LATE;
		if (n->flags & SPAN_ORPHAN)
			t->norphans++;
		n->exclusive = span_node_duration(n) - sweep_children(t, i, NULL, NULL);
	}
	t->nodes[0].exclusive = span_node_duration(&t->nodes[0]) - sweep_children(t, 0, NULL, NULL);
	const struct span_evidence *ev = &t->set->evidence;
	mark_ids(t, ev->offender_span_ids, ev->noffender, SPAN_OFFENDER);
	mark_ids(t, ev->parent_span_ids, ev->nparent, SPAN_EVIDENCE_PARENT);
	mark_ids(t, ev->cause_span_ids, ev->ncause, SPAN_CAUSE);
}

/* ---- building ---------------------------------------------------------------------- */

void span_tree_build(struct span_tree *t, const struct span_set *set)
{
	memset(t, 0, sizeof(*t));
	t->set = set;
	t->nnodes = set->nspans + 1;
	t->nodes = xcalloc(t->nnodes, sizeof(*t->nodes));
	for (size_t i = 0; i < t->nnodes; i++) {
		t->nodes[i].span = i ? &set->spans[i - 1] : &set->root;
		t->nodes[i].group = SPAN_NONE;
	}
	t->nodes[0].parent = SPAN_NONE;
	index_ids(t);
	assign_parents(t);
	break_cycles(t);
	link_children(t);
	number_preorder(t);
	find_groups(t);
	mark_nodes(t);
	t->rows = xmalloc(t->nnodes * sizeof(*t->rows));
	t->row_of = xmalloc(t->nnodes * sizeof(*t->row_of));
	t->zoom = xmalloc(t->nnodes * sizeof(*t->zoom));
	span_tree_refresh(t);
}

void span_tree_free(struct span_tree *t)
{
	free(t->nodes);
	free(t->children);
	free(t->preorder);
	free(t->groups);
	free(t->rows);
	free(t->row_of);
	free(t->zoom);
	free(t->ids);
	memset(t, 0, sizeof(*t));
}

/* ---- visible rows ------------------------------------------------------------------ */

uint32_t span_tree_axis_node(const struct span_tree *t)
{
	return t->nzoom ? t->zoom[t->nzoom - 1] : 0;
}

struct walk_frame {
	uint32_t node;
	uint32_t next; /* the next child position to visit */
};

static void add_row(struct span_tree *t, uint32_t node, uint32_t group)
{
	t->row_of[node] = (uint32_t)t->nrows;
	t->rows[t->nrows++] = (struct span_row){ node, group };
}

void span_tree_refresh(struct span_tree *t)
{
	for (size_t i = 0; i < t->nnodes; i++)
		t->row_of[i] = SPAN_NONE;
	t->nrows = 0;
	struct walk_frame *stack = xmalloc(t->nnodes * sizeof(*stack));
	size_t top = 0;
	uint32_t axis = span_tree_axis_node(t);
	add_row(t, axis, SPAN_NONE);
	stack[top++] = (struct walk_frame){ axis, t->nodes[axis].first_child };
	while (top > 0) {
		struct walk_frame *f = &stack[top - 1];
		const struct span_node *n = &t->nodes[f->node];
		if (n->folded || f->next >= n->first_child + n->nchildren) {
			top--;
			continue;
		}
		uint32_t child = t->children[f->next];
		const struct span_node *c = &t->nodes[child];
		if (c->group != SPAN_NONE && t->groups[c->group].collapsed) {
			/* The whole run is one row; its members' subtrees stay hidden. */
			add_row(t, child, c->group);
			f->next += t->groups[c->group].count;
			continue;
		}
		f->next++;
		add_row(t, child, SPAN_NONE);
		stack[top++] = (struct walk_frame){ child, c->first_child };
	}
	free(stack);
}

void span_tree_set_folded(struct span_tree *t, uint32_t node, bool folded)
{
	if (node < t->nnodes && t->nodes[node].folded != folded) {
		t->nodes[node].folded = folded;
		span_tree_refresh(t);
	}
}

void span_tree_set_collapsed(struct span_tree *t, uint32_t group, bool collapsed)
{
	if (group < t->ngroups && t->groups[group].collapsed != collapsed) {
		t->groups[group].collapsed = collapsed;
		span_tree_refresh(t);
	}
}

bool span_tree_toggle(struct span_tree *t, size_t row)
{
	if (row >= t->nrows)
		return false;
	const struct span_row *r = &t->rows[row];
	const struct span_node *n = &t->nodes[r->node];
	if (r->group != SPAN_NONE) {
		span_tree_set_collapsed(t, r->group, false);
	} else if (n->nchildren) {
		span_tree_set_folded(t, r->node, !n->folded);
	} else if (n->group != SPAN_NONE) {
		span_tree_set_collapsed(t, n->group, true);
	} else {
		return false;
	}
	return true;
}

void span_tree_fold_to_depth(struct span_tree *t, uint32_t depth)
{
	for (size_t i = 0; i < t->nnodes; i++)
		t->nodes[i].folded = t->nodes[i].nchildren && t->nodes[i].depth >= depth;
	span_tree_refresh(t);
}

static bool inside(const struct span_tree *t, uint32_t node, uint32_t ancestor)
{
	for (uint32_t u = node; u != SPAN_NONE; u = t->nodes[u].parent)
		if (u == ancestor)
			return true;
	return false;
}

bool span_tree_zoom(struct span_tree *t, uint32_t node)
{
	/* Only deeper into the current subtree, so the stack is a chain (at most n deep). */
	uint32_t axis = span_tree_axis_node(t);
	if (node >= t->nnodes || !t->nodes[node].nchildren || node == axis || !inside(t, node, axis))
		return false;
	t->zoom[t->nzoom++] = node;
	t->nodes[node].folded = false;
	span_tree_refresh(t);
	return true;
}

bool span_tree_unzoom(struct span_tree *t)
{
	if (!t->nzoom)
		return false;
	t->nzoom--;
	span_tree_refresh(t);
	return true;
}

/* ---- finding ----------------------------------------------------------------------- */

/* strstr, ASCII letters compared without case (bytes above 127 exactly). */
static bool contains_folded(const char *hay, const char *needle)
{
	if (!hay)
		return false;
	size_t n = strlen(needle);
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

size_t span_tree_search(const struct span_tree *t, const char *needle, uint32_t **out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	if (!needle || !*needle)
		return 0;
	for (size_t k = 0; k < t->nnodes; k++) {
		uint32_t u = t->preorder[k];
		const struct span *s = t->nodes[u].span;
		if (contains_folded(s->op, needle) || contains_folded(s->description, needle)) {
			xgrow((void **)out, &cap, n + 1, sizeof(**out));
			(*out)[n++] = u;
		}
	}
	return n;
}

size_t span_tree_reveal(struct span_tree *t, uint32_t node)
{
	if (node >= t->nnodes)
		return 0;
	while (t->nzoom && !inside(t, node, span_tree_axis_node(t)))
		t->nzoom--;
	for (uint32_t u = node; u != SPAN_NONE; u = t->nodes[u].parent) {
		if (u != node)
			t->nodes[u].folded = false;
		if (t->nodes[u].group != SPAN_NONE)
			t->groups[t->nodes[u].group].collapsed = false;
	}
	span_tree_refresh(t);
	return t->row_of[node];
}

uint32_t span_tree_slowest(const struct span_tree *t, enum span_slowest by)
{
	uint32_t best = SPAN_NONE;
	double best_time = -1;
	for (size_t k = 1; k < t->nnodes; k++) {
		uint32_t u = t->preorder[k];
		const struct span_node *n = &t->nodes[u];
		double time = by == SPAN_SLOWEST_EXCLUSIVE ? n->exclusive : span_node_duration(n);
		if (time > best_time) {
			best_time = time;
			best = u;
		}
	}
	return best;
}
