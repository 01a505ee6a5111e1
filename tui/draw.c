/* Sanitizing, width-aware drawing (see draw.h). */
#include "tui/draw.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/hyperlink.h"
#include "tui/sanitize.h"
#include "util/xalloc.h"

void draw_row_begin(struct draw_row *row, WINDOW *win, int y, int x, int right, bool selected)
{
	row->win = win;
	row->y = y;
	row->x = x;
	row->right = right;
	row->selected = selected;
}

int draw_room(const struct draw_row *row)
{
	return row->right > row->x ? row->right - row->x : 0;
}

static void put_cell(struct draw_row *row, const wchar_t *wc, int nwc, enum color_role role)
{
	enum color_role r = row->selected ? ROLE_CURSOR : role;
	attr_t attr = theme_attr(r);
	if (row->selected && role == ROLE_MARK)
		attr |= A_UNDERLINE; /* keep replaced bytes visible on the cursor row too */
	wchar_t buf[GLYPH_MAX_WC + 1];
	memcpy(buf, wc, (size_t)nwc * sizeof(wchar_t));
	buf[nwc] = L'\0';
	cchar_t cc;
	setcchar(&cc, buf, attr, theme_pair(r), NULL);
	mvwadd_wch(row->win, row->y, row->x, &cc);
}

/* Draw glyphs of text into at most `limit` cells; returns cells used. */
static int draw_glyphs(struct draw_row *row, enum color_role role, const char *text, int limit,
                       bool *clipped)
{
	const char *p = text ? text : "", *end = p + strlen(p);
	struct glyph g;
	int used = 0;
	*clipped = false;
	while (sanitize_next(&p, end, 0, &g)) {
		if (used + g.width > limit) {
			*clipped = true;
			break;
		}
		enum color_role r = g.kind == GLYPH_MARK ? ROLE_MARK : role;
		if (g.kind == GLYPH_MARK && g.nwc == g.width && g.width > 1) {
			for (int i = 0; i < g.nwc; i++) {
				put_cell(row, &g.wc[i], 1, r);
				row->x++;
			}
		} else {
			put_cell(row, g.wc, g.nwc, r);
			row->x += g.width;
		}
		used += g.width;
	}
	return used;
}

int draw_text(struct draw_row *row, enum color_role role, const char *text)
{
	bool clipped;
	return draw_glyphs(row, role, text, draw_room(row), &clipped);
}

int draw_text_skip(struct draw_row *row, enum color_role role, const char *text, int *skip)
{
	const char *p = text ? text : "", *end = p + strlen(p);
	struct glyph g;
	while (*skip > 0) {
		if (!sanitize_next(&p, end, 0, &g))
			return 0;
		if (g.width > *skip) {
			/* Half of a wide glyph scrolled off: show the visible half as blank. */
			int rest = g.width - *skip;
			*skip = 0;
			draw_pad(row, role, rest);
			break;
		}
		*skip -= g.width;
	}
	return draw_text(row, role, p);
}

void draw_pad(struct draw_row *row, enum color_role role, int width)
{
	static const wchar_t space[] = L" ";
	for (int i = 0; i < width && row->x < row->right; i++) {
		put_cell(row, space, 1, role);
		row->x++;
	}
}

void draw_field(struct draw_row *row, enum color_role role, const char *text, int width,
                enum draw_align align)
{
	if (width > draw_room(row))
		width = draw_room(row);
	if (width <= 0)
		return;
	int natural = sanitize_width(text);
	if (natural <= width) {
		if (align == ALIGN_RIGHT)
			draw_pad(row, role, width - natural);
		bool clipped;
		int used = draw_glyphs(row, role, text, natural, &clipped);
		if (align == ALIGN_LEFT)
			draw_pad(row, role, width - used);
		return;
	}
	/* Too long: leave one cell for the clip marker. */
	bool clipped;
	int used = draw_glyphs(row, role, text, width - 1, &clipped);
	draw_pad(row, role, width - 1 - used);
	static const wchar_t ellipsis[] = L"…";
	put_cell(row, ellipsis, 1, row->selected ? ROLE_CURSOR : ROLE_DIM);
	row->x++;
}

void draw_link_field(struct draw_row *row, enum color_role role, const char *text, int width,
                     enum draw_align align, const char *url)
{
	int start = row->x;
	draw_field(row, role, text, width, align);
	/* The link covers the text, not the padding around it. */
	int used = row->x - start, natural = sanitize_width(text);
	if (natural < used) {
		if (align == ALIGN_RIGHT)
			start += used - natural;
		used = natural;
	}
	hyperlink_record(row->win, row->y, start, used, url);
}

int draw_link_text(struct draw_row *row, enum color_role role, const char *text,
                   const char *url)
{
	int start = row->x;
	int used = draw_text(row, role, text);
	hyperlink_record(row->win, row->y, start, used, url);
	return used;
}

void draw_row_end(struct draw_row *row, enum color_role role)
{
	draw_pad(row, role, draw_room(row));
}

void draw_dump_screen(FILE *out)
{
	int rows = getmaxy(curscr), cols = getmaxx(curscr);
	if (rows <= 0 || cols <= 0)
		return;
	char *line = malloc((size_t)cols * MB_LEN_MAX * (CCHARW_MAX + 1) + 1);
	if (!line)
		return;
	for (int y = 0; y < rows; y++) {
		size_t len = 0, trimmed = 0;
		for (int x = 0; x < cols; x++) {
			cchar_t cc;
			wchar_t wc[CCHARW_MAX + 1];
			attr_t attr;
			short pair;
			if (mvwin_wch(curscr, y, x, &cc) == ERR)
				break;
			getcchar(&cc, wc, &attr, &pair, NULL);
			int w = wcwidth(wc[0]);
			mbstate_t st;
			memset(&st, 0, sizeof(st));
			for (int i = 0; wc[i] && i < CCHARW_MAX; i++) {
				size_t n = wcrtomb(line + len, wc[i], &st);
				if (n != (size_t)-1)
					len += n;
			}
			if (!wc[0])
				line[len++] = ' ';
			if (wc[0] != L' ' && wc[0])
				trimmed = len;
			if (w == 2)
				x++; /* the next cell continues this character */
		}
		line[trimmed] = '\0';
		fprintf(out, "%s\n", line);
	}
	free(line);
}

int draw_wrapped_rows(const char *text, int width)
{
	int w = sanitize_width(text);
	if (width <= 0)
		return 1;
	return w <= width ? 1 : (w + width - 1) / width;
}

void draw_wrapped(WINDOW *win, int y, int width, int max_rows, enum color_role role,
                  const char *text)
{
	const char *p = text ? text : "", *end = p + strlen(p);
	struct glyph g;
	for (int r = 0; r < max_rows && p < end; r++) {
		bool last = r == max_rows - 1;
		/* Measure how much fits, preferring to break after a space (word wrap). */
		const char *q = p, *fit = p, *after_space = NULL;
		int x = 0;
		while (q < end) {
			const char *before = q;
			if (!sanitize_next(&q, end, 0, &g))
				break;
			int limit = last ? width - 1 : width;
			if (x + g.width > limit) {
				q = before;
				break;
			}
			x += g.width;
			fit = q;
			if (g.kind == GLYPH_TEXT && g.wc[0] == L' ')
				after_space = q;
		}
		if (last && fit >= end)
			; /* everything fits on the last row */
		else if (!last && fit < end && after_space && after_space > p)
			fit = after_space;
		char *chunk = xstrndup(p, (size_t)(fit - p));
		struct draw_row row;
		draw_row_begin(&row, win, y + r, 0, width, false);
		draw_text(&row, role, chunk);
		free(chunk);
		p = fit;
		if (last && p < end) {
			static const wchar_t ellipsis[] = L"…";
			put_cell(&row, ellipsis, 1, role);
			row.x++;
		}
		draw_row_end(&row, role);
	}
}
