/* The waterfall's bars and labels as cells of text: pure arithmetic, no curses (the
 * view draws the strings through tui/draw like any other text).
 *
 * A bar maps time to width * 8 eighths of a cell. Its start snaps to the nearest cell
 * boundary and its end to the nearest eighth, so both edges are monotone in time: a
 * child drawn inside its parent never pokes out of it. The end gets sub-cell precision
 * with the left-aligned blocks ▏▎▍▌▋▊▉ (1 to 7 eighths) and █ (a whole cell); the start
 * needs none, being on a boundary. A bar that would be shorter than one eighth (a
 * zero-length or very short span) is a single ▏ in the cell its start falls in, so no
 * span is invisible. A span that starts before the axis shows ◂ in the first cell, one
 * that runs past its end ▸ in the last cell (the marker replaces the bar's glyph).
 * Every result is exactly width cells wide, one column per cell. */
#ifndef VIEWS_WATERFALL_LAYOUT_H
#define VIEWS_WATERFALL_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "store/span_tree.h"
#include "util/strbuf.h"

#define WATERFALL_CLIP_LEFT "\u25C2"   /* ◂ */
#define WATERFALL_CLIP_RIGHT "\u25B8"  /* ▸ */
#define WATERFALL_GAP "\u2591"         /* ░ */

struct waterfall_axis {
	double start;             /* epoch seconds */
	double end;
};

/* Where a bar landed, for colouring: the cells it occupies (markers included). */
struct waterfall_bar {
	int first_cell;           /* -1 when width is 0 */
	int last_cell;
	bool mark;                /* shorter than an eighth: drawn as one ▏ */
	bool clipped_left;        /* starts before the axis: ◂ in cell 0 */
	bool clipped_right;       /* ends after the axis: ▸ in the last cell */
};

/* Append the bar of [start, end] against the axis as width cells to out. */
struct waterfall_bar waterfall_bar(struct strbuf *out, const struct waterfall_axis *axis,
                                   double start, double end, int width);

/* Append width cells with ░ where a gap covers the cell (from the nearest cell boundary
 * to the nearest cell boundary, so gaps under half a cell are not drawn) and blanks
 * elsewhere. Gaps outside the axis are clipped to it. */
void waterfall_gaps(struct strbuf *out, const struct waterfall_axis *axis,
                    const struct span_interval *gaps, size_t ngaps, int width);

/* The text on one line: every run of blanks (newlines and tabs too) becomes one space,
 * none at the ends. Multi-line SQL reads as one line. Owned; NULL for NULL. */
char *waterfall_fold_text(const char *text);

/* A duration for a column: "0ms", "<0.1ms", "0.4ms", "9.9ms", "12ms", "999ms",
 * "1.23s", "12.3s", "2m05s", "1h02m"; "?" for a negative or non-finite one. */
void waterfall_format_duration(double seconds, char *buf, size_t size);

#endif
