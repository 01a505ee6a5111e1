/* Bars, gaps, one-line descriptions and durations of the waterfall (see the rule in
 * waterfall_layout.h). */
#include "views/waterfall_layout.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Times this close are one instant (the tree uses the same tolerance). */
#define SAME_INSTANT 1e-6

/* Index k holds the block k + 1 eighths wide, from the left edge of the cell. */
static const char *const eighths[8] = {
	"\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589", "\u2588",
};

/* Positions are never negative (they are clamped to the axis), so truncation is floor;
 * this keeps libm out of the link. */
static int floor_nonneg(double x)
{
	return (int)x;
}

/* A time as a position in eighths of a cell, clamped to the axis. */
static double position(const struct waterfall_axis *axis, double t, int width)
{
	double span = axis->end - axis->start;
	if (!(span > 0) || !isfinite(t))
		return 0;
	double p = (t - axis->start) / span * width * 8.0;
	return p < 0 ? 0 : p > width * 8.0 ? width * 8.0 : p;
}

/* The cells as one append: a row of a 10,000-span waterfall is laid out in a few
 * hundred nanoseconds this way, where an append per cell cost ten times that. */
static void emit(struct strbuf *out, const char *const *cells, int width)
{
	if (width <= 0)
		return;
	char local[1024];
	size_t cap = (size_t)width * 4; /* a cell is one character: at most 4 bytes */
	char *buf = cap <= sizeof(local) ? local : xmalloc(cap), *w = buf;
	for (int i = 0; i < width; i++)
		for (const char *c = cells[i]; *c; c++)
			*w++ = *c;
	strbuf_add(out, buf, (size_t)(w - buf));
	if (buf != local)
		free(buf);
}

struct waterfall_bar waterfall_bar(struct strbuf *out, const struct waterfall_axis *axis,
                                   double start, double end, int width)
{
	struct waterfall_bar bar = { -1, -1, false, false, false };
	if (width <= 0)
		return bar;
	const char **cells = xmalloc((size_t)width * sizeof(*cells));
	for (int i = 0; i < width; i++)
		cells[i] = " ";
	double s = position(axis, start, width), e = position(axis, end, width);
	int first = floor_nonneg(s / 8 + 0.5);
	int end8 = floor_nonneg(e + 0.5);
	if (end8 <= first * 8) {
		int cell = floor_nonneg(s / 8);
		cell = cell >= width ? width - 1 : cell;
		cells[cell] = eighths[0];
		bar.first_cell = bar.last_cell = cell;
		bar.mark = true;
	} else {
		int last = (end8 - 1) / 8;
		for (int i = first; i < last; i++)
			cells[i] = eighths[7];
		cells[last] = eighths[end8 - 8 * last - 1];
		bar.first_cell = first;
		bar.last_cell = last;
	}
	if (start < axis->start - SAME_INSTANT) {
		bar.clipped_left = true;
		cells[0] = WATERFALL_CLIP_LEFT;
		bar.first_cell = 0;
	}
	if (end > axis->end + SAME_INSTANT) {
		bar.clipped_right = true;
		cells[width - 1] = WATERFALL_CLIP_RIGHT;
		bar.last_cell = width - 1;
	}
	emit(out, cells, width);
	free(cells);
	return bar;
}

void waterfall_gaps(struct strbuf *out, const struct waterfall_axis *axis,
                    const struct span_interval *gaps, size_t ngaps, int width)
{
	if (width <= 0)
		return;
	const char **cells = xmalloc((size_t)width * sizeof(*cells));
	for (int i = 0; i < width; i++)
		cells[i] = " ";
	for (size_t g = 0; g < ngaps; g++) {
		int from = floor_nonneg(position(axis, gaps[g].start, width) / 8 + 0.5);
		int to = floor_nonneg(position(axis, gaps[g].end, width) / 8 + 0.5);
		for (int i = from; i < to && i < width; i++)
			cells[i] = WATERFALL_GAP;
	}
	emit(out, cells, width);
	free(cells);
}

char *waterfall_fold_text(const char *text)
{
	if (!text)
		return NULL;
	char *out = xmalloc(strlen(text) + 1), *w = out;
	bool blank = false;
	for (const char *p = text; *p; p++) {
		if (isspace((unsigned char)*p)) {
			blank = w > out;
			continue;
		}
		if (blank)
			*w++ = ' ';
		blank = false;
		*w++ = *p;
	}
	*w = '\0';
	return out;
}

void waterfall_format_duration(double seconds, char *buf, size_t size)
{
	double ms = seconds * 1000;
	if (!isfinite(seconds) || seconds < 0)
		snprintf(buf, size, "?");
	else if (seconds == 0)
		snprintf(buf, size, "0ms");
	else if (ms < 0.05)
		snprintf(buf, size, "<0.1ms");
	else if (ms < 9.95)
		snprintf(buf, size, "%.1fms", ms);
	else if (ms < 999.5)
		snprintf(buf, size, "%.0fms", ms);
	else if (seconds < 9.995)
		snprintf(buf, size, "%.2fs", seconds);
	else if (seconds < 59.95)
		snprintf(buf, size, "%.1fs", seconds);
	else if (seconds < 3599.5) {
		long whole = (long)(seconds + 0.5);
		snprintf(buf, size, "%ldm%02lds", whole / 60, whole % 60);
	} else {
		long minutes = (long)(seconds / 60 + 0.5);
		snprintf(buf, size, "%ldh%02ldm", minutes / 60, minutes % 60);
	}
}
