/* The yank menu (y): what to copy of the issue under the cursor or on screen: its
 * short id, permalink, title, the event shown, the stack frame under the cursor as
 * file:line, or a Markdown link. A letter or Enter copies; q cancels. The texts are
 * taken when the menu opens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/keys.h"
#include "tui/prompt.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/item_fields.h"
#include "views/link_actions.h"
#include "views/view_table.h"

#define MAX_ITEMS 6

struct yank_item {
	int key;
	const char *what;          /* "short id", … (for the menu and the message) */
	char *text;
};

struct yank_menu {
	struct view view;
	struct yank_item items[MAX_ITEMS];
	size_t n;
	char *subject;             /* the short id, for the title */
};

static struct yank_menu *ym_of(struct view *v)
{
	return (struct yank_menu *)v;
}

static void add(struct yank_menu *ym, int key, const char *what, const char *text)
{
	if (!text || !*text || ym->n >= MAX_ITEMS)
		return;
	ym->items[ym->n++] = (struct yank_item){ key, what, xstrdup(text) };
}

static size_t lines(struct view *v)
{
	return ym_of(v)->n;
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	const struct yank_item *it = &ym_of(v)->items[lineno];
	char key[8];
	draw_pad(row, ROLE_DEFAULT, 2);
	draw_field(row, ROLE_HELP_KEY, key_format(it->key, key, sizeof(key)), 4, ALIGN_LEFT);
	draw_field(row, ROLE_DEFAULT, it->what, 10, ALIGN_LEFT);
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_DIM, it->text, draw_room(row), ALIGN_LEFT);
}

static void copy(struct view *v, size_t i)
{
	struct yank_menu *ym = ym_of(v);
	if (i >= ym->n)
		return;
	struct app *app = v->app;
	char *what = xstrdup(ym->items[i].what), *text = xstrdup(ym->items[i].text);
	app_pop(app); /* frees the menu */
	app_copy_text(app, what, text);
	free(what);
	free(text);
}

static bool key(struct view *v, int k)
{
	struct yank_menu *ym = ym_of(v);
	if (prompt_active())
		return false;
	for (size_t i = 0; i < ym->n; i++) {
		if (ym->items[i].key == k) {
			copy(v, i);
			return true;
		}
	}
	return false;
}

static bool request(struct view *v, enum request req)
{
	if (req == REQ_ENTER) {
		copy(v, v->cursor);
		return true;
	}
	if (req == REQ_BACK) {
		struct app *app = v->app;
		app_pop(app);
		app_status(app, STATUS_INFO, "nothing copied");
		return true;
	}
	return false;
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	strbuf_addf(left, "Copy from %s", ym_of(v)->subject ? ym_of(v)->subject : "this issue");
	strbuf_adds(right, "a letter or Enter copies · q: cancel");
}

static void describe(struct view *v, struct strbuf *out)
{
	struct yank_menu *ym = ym_of(v);
	for (size_t i = 0; i < ym->n; i++)
		strbuf_addf(out, "item: %c %s\n", ym->items[i].key, ym->items[i].what);
}

static void close_view(struct view *v)
{
	struct yank_menu *ym = ym_of(v);
	for (size_t i = 0; i < ym->n; i++)
		free(ym->items[i].text);
	free(ym->subject);
	free(ym);
}

static const struct view_ops yank_ops = {
	.name = "menu",
	.lines = lines,
	.draw_line = draw_line,
	.request = request,
	.title = title,
	.close = close_view,
	.key = key,
	.describe = describe,
};

/* Built from the view on top when it opens (the menu is pushed over it). */
struct view *yank_menu_view_open(struct app *app, const struct view_args *args)
{
	struct yank_menu *ym = xcalloc(1, sizeof(*ym));
	ym->view.ops = &yank_ops;
	ym->view.app = app;
	struct item_fields f;
	item_fields_of(app_top(app), &f);
	if (!f.issue)
		return &ym->view;
	struct strbuf link = STRBUF_INIT, md = STRBUF_INIT, frame = STRBUF_INIT;
	app_issue_link(app, f.issue, &link);
	const char *id = f.issue->short_id ? f.issue->short_id : f.issue->id;
	ym->subject = id ? xstrdup(id) : NULL;
	add(ym, 's', "short id", id);
	add(ym, 'l', "permalink", strbuf_str(&link));
	add(ym, 't', "title", f.issue->title);
	add(ym, 'e', "event id", f.event_id);
	if (f.file) {
		strbuf_adds(&frame, f.file);
		if (f.line > 0)
			strbuf_addf(&frame, ":%d", f.line);
		add(ym, 'f', "frame", strbuf_str(&frame));
	}
	/* [BACKEND-1: title](link), with the brackets of the title escaped. */
	strbuf_addf(&md, "[%s: ", id ? id : "issue");
	for (const char *p = f.issue->title ? f.issue->title : ""; *p; p++) {
		if (*p == '[' || *p == ']' || *p == '\\')
			strbuf_addc(&md, '\\');
		strbuf_addc(&md, *p);
	}
	strbuf_addf(&md, "](%s)", strbuf_str(&link));
	add(ym, 'm', "Markdown", strbuf_str(&md));
	strbuf_free(&link);
	strbuf_free(&md);
	strbuf_free(&frame);
	return &ym->view;
}
