/* The help overlay, generated from the request table and the live keymap, so user
 * bindings and read-only mode show as they are. */
#include <stdlib.h>
#include <string.h>

#include "tui/keymap.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/views.h"

struct help_line {
	char *keys;
	const struct request_info *info; /* NULL for a section heading in keys */
};

struct help_view {
	struct view view;
	struct help_line *lines;
	size_t n, cap;
};

static void add_line(struct help_view *hv, char *keys, const struct request_info *info)
{
	xgrow((void **)&hv->lines, &hv->cap, hv->n + 1, sizeof(*hv->lines));
	hv->lines[hv->n++] = (struct help_line){ keys, info };
}

static void add_scope(struct help_view *hv, const char *scope, const char *heading,
                      bool read_only)
{
	add_line(hv, xstrdup(heading), NULL);
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		const struct request_info *info = request_info((enum request)r);
		if (strcmp(info->scope, scope) != 0 || (info->flags & REQF_HIDDEN))
			continue;
		if (read_only && (info->flags & REQF_MUTATES))
			continue;
		struct strbuf keys = STRBUF_INIT;
		keymap_keys_for(info->req, &keys);
		add_line(hv, strbuf_detach(&keys), info);
	}
}

static size_t lines(struct view *v)
{
	return ((struct help_view *)v)->n;
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	const struct help_line *l = &((struct help_view *)v)->lines[lineno];
	if (!l->info) {
		draw_pad(row, ROLE_HEADER, 1);
		draw_text(row, ROLE_HEADER, l->keys);
		return;
	}
	draw_pad(row, ROLE_DEFAULT, 3);
	draw_field(row, ROLE_HELP_KEY, l->keys[0] ? l->keys : "(unbound)", 18, ALIGN_LEFT);
	draw_field(row, ROLE_DIM, l->info->name, 16, ALIGN_LEFT);
	draw_text(row, ROLE_DEFAULT, l->info->help);
}

static bool request(struct view *v, enum request req)
{
	if (req == REQ_BACK || req == REQ_HELP) {
		app_pop(v->app);
		return true;
	}
	return false;
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	strbuf_adds(left, "Help: keys and commands");
	strbuf_adds(right, "q: close · :name runs any action by name");
}

static void close_view(struct view *v)
{
	struct help_view *hv = (struct help_view *)v;
	for (size_t i = 0; i < hv->n; i++)
		free(hv->lines[i].keys);
	free(hv->lines);
	free(hv);
}

static const struct view_ops help_ops = {
	.name = "help",
	.lines = lines,
	.draw_line = draw_line,
	.request = request,
	.title = title,
	.close = close_view,
};

struct view *help_view_new(struct app *app, const char *scope)
{
	struct help_view *hv = xcalloc(1, sizeof(*hv));
	hv->view.ops = &help_ops;
	hv->view.app = app;
	bool ro = app->cfg && app->cfg->read_only;
	if (scope && strcmp(scope, "issues") == 0)
		add_scope(hv, scope, "Issue stream", ro);
	else if (scope && strcmp(scope, "issue") == 0)
		add_scope(hv, scope, "Issue", ro);
	add_scope(hv, "generic", "Everywhere", ro);
	return &hv->view;
}
