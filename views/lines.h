/* Display lines for the detail screens: each line is a list of segments, each with a
 * colour role, plus what the line refers to in the model (a frame, a crumb, a tag
 * value) so a key on the selected line knows what it acts on. Builders (event_render.c)
 * produce them from the models; the issue view scrolls, searches and draws them through
 * the draw layer (server text stays untrusted until it is drawn). */
#ifndef VIEWS_LINES_H
#define VIEWS_LINES_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/theme.h"

enum line_kind {
	LINE_TEXT,          /* plain content */
	LINE_HEADING,       /* a section heading */
	LINE_STACK_HEADING, /* an exception's, thread's or bare stack's heading: ref = id of
	                       its crashing frame (what Enter expands), -1 when it has none */
	LINE_FRAME,         /* a stack frame: ref = frame id (see event_render.h) */
	LINE_SYSTEM_FRAMES, /* "N system frames" collapsed run: ref = id of its first frame,
	                       ref2 = id of its last (display order) */
	LINE_SOURCE,        /* a context line of an expanded frame */
	LINE_VAR,           /* a local variable of an expanded frame */
	LINE_CRUMB,         /* a breadcrumb: ref = index in event->crumbs */
	LINE_TAG_KEY,       /* ref = key index */
	LINE_TAG_VALUE,     /* ref = key index, ref2 = value index */
	LINE_FIELD,         /* "label  value" in the context section */
	LINE_BLANK,
};

struct segment {
	enum color_role role;
	char *text;         /* owned UTF-8, may hold server text: drawn sanitized */
};

/* A bar drawn in the space the line has left: fraction (0..1) of the width. */
struct bar {
	bool present;
	double fraction;
	int max_width;      /* cells at most */
};

struct line {
	enum line_kind kind;
	int ref;
	int ref2;
	int indent;         /* cells before the first segment */
	bool highlight;     /* e.g. the faulting source line */
	struct segment *segs;
	size_t nsegs, cap;
	struct bar bar;     /* drawn after segs[bar_after] when present */
	size_t bar_after;
};

struct lines {
	struct line *items;
	size_t n, cap;
};

/* Append a new empty line and return it (valid until the next lines_add). */
struct line *lines_add(struct lines *ls, enum line_kind kind, int ref, int indent);
/* Append a segment (copies text; NULL is skipped). */
void line_seg(struct line *l, enum color_role role, const char *text);
void line_segf(struct line *l, enum color_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* All segment text joined (for search and tests); caller frees. */
char *line_text(const struct line *l);
void lines_clear(struct lines *ls);
void lines_free(struct lines *ls);

#endif
