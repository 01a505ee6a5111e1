/* The span tree of one transaction or trace: who is whose child, in what order, what a
 * waterfall shows as its rows, and what the numbers beside them mean. Pure data (no
 * curses, no I/O); the span_set it is built from is borrowed and must outlive it.
 *
 * Node 0 is the root (set->root); node i + 1 is set->spans[i]. Children are ordered by
 * start time, spans with the same start in the order sent. A span whose parent is
 * unknown, missing, or in another trace hangs under the root marked SPAN_ORPHAN; a
 * parent chain that loops is cut where it closes and marked SPAN_CYCLE. Every span is
 * in the tree exactly once. Nothing here recurses: a chain 10,000 deep costs heap, not
 * C stack. Building is O(n log n). */
#ifndef STORE_SPAN_TREE_H
#define STORE_SPAN_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/span.h"

#define SPAN_NONE UINT32_MAX
/* A run of at least this many like siblings is a repeated-span group (N+1). */
#define SPAN_GROUP_MIN 3

enum span_node_flag {
	SPAN_ORPHAN = 1 << 0,          /* parent unknown or in another trace: under the root */
	SPAN_CYCLE = 1 << 1,           /* its parent chain looped: cut here (also an orphan) */
	SPAN_OFFENDER = 1 << 2,        /* evidence: one of offenderSpanIds */
	SPAN_EVIDENCE_PARENT = 1 << 3, /* evidence: one of parentSpanIds */
	SPAN_CAUSE = 1 << 4,           /* evidence: one of causeSpanIds */
	SPAN_HAS_ERRORS = 1 << 5,      /* the trace endpoint attached errors or occurrences */
	SPAN_STARTS_EARLY = 1 << 6,    /* starts before the root starts */
	SPAN_ENDS_LATE = 1 << 7,       /* ends after the root ends */
	SPAN_REPEATED = 1 << 8,        /* a member of a repeated-span group */
};

struct span_node {
	const struct span *span;
	uint32_t parent;          /* SPAN_NONE for the root */
	uint32_t first_child;     /* index into span_tree.children */
	uint32_t nchildren;
	uint32_t depth;           /* the root is 0 */
	uint32_t group;           /* repeated-span group, or SPAN_NONE */
	unsigned flags;           /* enum span_node_flag */
	bool folded;              /* its children are hidden */
	double exclusive;         /* seconds: its duration minus the union of its children's */
};

/* Consecutive siblings with the same op and the same hash (or, without hashes, the
 * same description once numbers and quoted strings are masked): N+1 queries. */
struct span_group {
	uint32_t parent;
	uint32_t first;           /* position of the first member in span_tree.children */
	uint32_t count;
	double total;             /* seconds, summed durations */
	double mean;
	bool collapsed;           /* shown as one row (the default) */
};

/* One visible row: a span, or a collapsed group (group != SPAN_NONE; node is then its
 * first member). */
struct span_row {
	uint32_t node;
	uint32_t group;
};

struct span_tree {
	const struct span_set *set;
	struct span_node *nodes;
	size_t nnodes;            /* set->nspans + 1 */
	uint32_t *children;       /* every node's children, a node's being contiguous */
	uint32_t *preorder;       /* all nodes, depth-first, as a fully unfolded waterfall */
	struct span_group *groups;
	size_t ngroups;
	size_t norphans;          /* SPAN_ORPHAN nodes (cycles included) */
	struct span_row *rows;    /* what is visible now: see span_tree_refresh */
	size_t nrows;
	uint32_t *row_of;         /* node -> its row, or SPAN_NONE when hidden */
	uint32_t *zoom;           /* zoom stack; its top is the time axis' node */
	size_t nzoom;
	struct span_id_index *ids; /* span ids, sorted, for lookups */
	size_t nids;
};

struct span_interval {
	double start;
	double end;
};

void span_tree_build(struct span_tree *t, const struct span_set *set);
void span_tree_free(struct span_tree *t);

/* The node of a span id (the first one sent when ids repeat), or SPAN_NONE. */
uint32_t span_tree_find_id(const struct span_tree *t, const char *span_id);
double span_node_duration(const struct span_node *n);

/* Recompute the visible rows after changing fold state by hand. The functions below
 * that change what is visible call it themselves. */
void span_tree_refresh(struct span_tree *t);

/* Fold or unfold a node's children; collapse or expand a repeated-span group. */
void span_tree_set_folded(struct span_tree *t, uint32_t node, bool folded);
void span_tree_set_collapsed(struct span_tree *t, uint32_t group, bool collapsed);
/* What the fold key does on a row: a group row expands; a span with children folds or
 * unfolds; a childless member of an expanded group collapses its group. False when the
 * row has nothing to fold. */
bool span_tree_toggle(struct span_tree *t, size_t row);
/* Show the tree down to depth (the root is depth 0; 1 shows the root's children only):
 * deeper nodes with children fold, shallower ones unfold. Groups keep their state. */
void span_tree_fold_to_depth(struct span_tree *t, uint32_t depth);

/* Zoom: the node's subtree becomes the rows and its span the time axis; unzoom goes
 * back one step. False when there is nothing to do (a leaf, or not zoomed). */
bool span_tree_zoom(struct span_tree *t, uint32_t node);
bool span_tree_unzoom(struct span_tree *t);
uint32_t span_tree_axis_node(const struct span_tree *t);

/* Nodes whose op or description contains needle (ASCII case-insensitively), in
 * waterfall order, hidden ones included; *out is malloc'd (NULL when none). */
size_t span_tree_search(const struct span_tree *t, const char *needle, uint32_t **out);
/* Make a node visible (unzoom, unfold its ancestors, expand its group) and return its
 * row. */
size_t span_tree_reveal(struct span_tree *t, uint32_t node);

enum span_slowest { SPAN_SLOWEST_DURATION, SPAN_SLOWEST_EXCLUSIVE };
/* The slowest span but the root (the first in waterfall order on ties), or SPAN_NONE. */
uint32_t span_tree_slowest(const struct span_tree *t, enum span_slowest by);

/* The time within a node that none of its children covers, in order; 0 (and *out NULL)
 * for a leaf. */
size_t span_tree_gaps(const struct span_tree *t, uint32_t node, struct span_interval **out);

/* A description with numbers and quoted strings masked as "%s" and blanks folded:
 * "SELECT * FROM users WHERE id = %s". Owned; NULL for NULL. */
char *span_description_pattern(const char *description);

#endif
