/* The draw layer: the only code that puts text on the screen (ARCHITECTURE.md rule 3).
 *
 * A row is drawn left to right into a struct draw_row; every string goes through the
 * sanitizer and is clipped by display width. A selected row is drawn in the cursor
 * role, whatever roles its fields ask for. */
#ifndef TUI_DRAW_H
#define TUI_DRAW_H

#include <curses.h>
#include <stdbool.h>

#include "tui/theme.h"

struct draw_row {
	WINDOW *win;
	int y;
	int x;          /* next column to draw at */
	int right;      /* one past the last usable column */
	bool selected;  /* draw everything in the cursor role */
};

enum draw_align { ALIGN_LEFT, ALIGN_RIGHT };

void draw_row_begin(struct draw_row *row, WINDOW *win, int y, int x, int right, bool selected);
/* Draw untrusted UTF-8 text, as much as fits before row->right. Returns cells drawn. */
int draw_text(struct draw_row *row, enum color_role role, const char *text);
/* Like draw_text, but first skips *skip cells of the text (horizontal scrolling);
 * *skip is reduced by what was skipped. A wide character cut by the skip edge is
 * replaced by a space. */
int draw_text_skip(struct draw_row *row, enum color_role role, const char *text, int *skip);
/* Draw into a field of exactly width cells: clipped with "…" when too long, padded with
 * spaces otherwise. */
void draw_field(struct draw_row *row, enum color_role role, const char *text, int width,
                enum draw_align align);
/* draw_field and draw_text whose text links to url (an OSC 8 hyperlink, see
 * tui/hyperlink.h) where the terminal shows links; url may be NULL or anything a server
 * sent: only a valid http(s) URL becomes a link. */
void draw_link_field(struct draw_row *row, enum color_role role, const char *text, int width,
                     enum draw_align align, const char *url);
int draw_link_text(struct draw_row *row, enum color_role role, const char *text,
                   const char *url);
/* Spaces, in role. */
void draw_pad(struct draw_row *row, enum color_role role, int width);
/* Fill to row->right with spaces in role. */
void draw_row_end(struct draw_row *row, enum color_role role);
/* Remaining cells. */
int draw_room(const struct draw_row *row);

/* Rows needed to show text wrapped at width cells (at least 1). */
int draw_wrapped_rows(const char *text, int width);
/* Draw text wrapped over up to max_rows rows starting at (y, 0), each width cells wide
 * and filled to the end in role; the last row ends in "…" if it still does not fit. */
void draw_wrapped(WINDOW *win, int y, int width, int max_rows, enum color_role role,
                  const char *text);

/* Text of the whole screen as the terminal shows it (for `:screen` dumps): one line per
 * row, trailing spaces trimmed, wide characters once. */
void draw_dump_screen(FILE *out);

#endif
