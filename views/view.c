/* Cursor, scrolling and drawing shared by every view (see view.h). */
#include "views/view.h"

static size_t line_count(struct view *v)
{
	return v->ops->lines ? v->ops->lines(v) : 0;
}

void view_clamp(struct view *v)
{
	size_t n = line_count(v);
	if (n == 0) {
		v->cursor = v->offset = 0;
		return;
	}
	if (v->cursor >= n)
		v->cursor = n - 1;
	size_t h = v->height > 0 ? (size_t)v->height : 1;
	if (v->cursor < v->offset)
		v->offset = v->cursor;
	if (v->cursor >= v->offset + h)
		v->offset = v->cursor - h + 1;
	/* Do not leave empty rows at the bottom when the list could fill them. */
	if (v->offset + h > n)
		v->offset = n > h ? n - h : 0;
}

static void move_by(struct view *v, long delta)
{
	size_t n = line_count(v);
	if (n == 0)
		return;
	long c = (long)v->cursor + delta;
	if (c < 0)
		c = 0;
	if ((size_t)c >= n)
		c = (long)n - 1;
	v->cursor = (size_t)c;
}

bool view_move(struct view *v, enum request req)
{
	long h = v->height > 1 ? v->height : 1;
	size_t before = v->cursor;
	switch (req) {
	case REQ_MOVE_DOWN: move_by(v, 1); break;
	case REQ_MOVE_UP: move_by(v, -1); break;
	case REQ_MOVE_FIRST: v->cursor = 0; break;
	case REQ_MOVE_LAST: move_by(v, (long)line_count(v)); break;
	case REQ_HALF_PAGE_DOWN: move_by(v, h / 2 > 0 ? h / 2 : 1); break;
	case REQ_HALF_PAGE_UP: move_by(v, -(h / 2 > 0 ? h / 2 : 1)); break;
	case REQ_PAGE_DOWN:
		move_by(v, h);
		v->offset = v->cursor;
		break;
	case REQ_PAGE_UP:
		move_by(v, -h);
		v->offset = v->offset > (size_t)h ? v->offset - (size_t)h : 0;
		break;
	default:
		return false;
	}
	view_clamp(v);
	if (v->cursor != before && v->ops->cursor_changed)
		v->ops->cursor_changed(v);
	return true;
}

void view_draw(struct view *v, WINDOW *win, int top, int height, int width)
{
	int hdr = v->ops->header_height ? v->ops->header_height(v, width) : v->ops->header_rows;
	if (hdr > height)
		hdr = height;
	if (hdr > 0 && v->ops->draw_header)
		v->ops->draw_header(v, win, top, width);
	v->height = height - hdr;
	v->list_top = top + hdr;
	view_clamp(v);
	size_t n = line_count(v);
	for (int r = 0; r < v->height; r++) {
		size_t lineno = v->offset + (size_t)r;
		struct draw_row row;
		int y = top + hdr + r;
		bool sel = lineno == v->cursor && lineno < n;
		draw_row_begin(&row, win, y, 0, width, sel);
		if (lineno < n) {
			v->ops->draw_line(v, lineno, &row);
		} else if (r == 0 && n == 0 && v->ops->empty_text) {
			const char *msg = v->ops->empty_text(v);
			if (msg) {
				draw_pad(&row, ROLE_DIM, 2);
				draw_text(&row, ROLE_DIM, msg);
			}
		}
		draw_row_end(&row, ROLE_DEFAULT);
	}
}

/* Inner views */

static void hand_over(struct view *from, struct view *to)
{
	to->cursor = from->cursor;
	to->offset = from->offset;
	to->height = from->height;
}

size_t view_inner_lines(struct view *host, struct view *inner)
{
	hand_over(host, inner);
	size_t n = inner->ops->lines(inner);
	hand_over(inner, host);
	return n;
}

int view_inner_header_height(struct view *host, struct view *inner, int width)
{
	if (!inner->ops->header_height)
		return inner->ops->header_rows;
	hand_over(host, inner);
	int h = inner->ops->header_height(inner, width);
	hand_over(inner, host);
	return h;
}

void view_inner_draw_header(struct view *host, struct view *inner, WINDOW *win, int y, int width)
{
	if (!inner->ops->draw_header)
		return;
	hand_over(host, inner);
	inner->ops->draw_header(inner, win, y, width);
	hand_over(inner, host);
}

void view_inner_draw_line(struct view *host, struct view *inner, size_t lineno,
                          struct draw_row *row)
{
	hand_over(host, inner);
	inner->ops->draw_line(inner, lineno, row);
	hand_over(inner, host);
}

bool view_inner_request(struct view *host, struct view *inner, enum request req)
{
	hand_over(host, inner);
	bool done = inner->ops->request && inner->ops->request(inner, req);
	hand_over(inner, host);
	return done;
}

bool view_inner_command(struct view *host, struct view *inner, const char *name,
                        const char *args, struct strbuf *err)
{
	hand_over(host, inner);
	bool done = inner->ops->command && inner->ops->command(inner, name, args, err);
	hand_over(inner, host);
	return done;
}
