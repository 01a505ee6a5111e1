/* The archive ("mute") menu. Its default, on Enter, is "until escalating": a bare
 * "ignored" would silently mean forever (docs/sentry-api.md §8.2), so forever is only ever
 * chosen explicitly. Conditions that need a number ask for it in the prompt. */
#include <stdlib.h>
#include <string.h>

#include "tui/keys.h"
#include "tui/prompt.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/triage_actions.h"
#include "views/view_table.h"

enum choice_kind { ARCHIVE_NOW, ASK_EVENTS, ASK_USERS };

struct choice {
	int key;
	const char *label;
	enum choice_kind kind;
	const char *args;          /* for app_archive_with */
};

static const struct choice choices[] = {
	{ 'e', "until escalating (default)", ARCHIVE_NOW, "escalating" },
	{ '1', "for 30 minutes", ARCHIVE_NOW, "30m" },
	{ '2', "for 2 hours", ARCHIVE_NOW, "2h" },
	{ '3', "for 24 hours", ARCHIVE_NOW, "24h" },
	{ '4', "for 1 week", ARCHIVE_NOW, "1w" },
	{ 'n', "until N more events…", ASK_EVENTS, NULL },
	{ 'u', "until N more users…", ASK_USERS, NULL },
	{ 'f', "forever", ARCHIVE_NOW, "forever" },
};
#define NCHOICES (sizeof(choices) / sizeof(choices[0]))

/* The choices this server honours: GlitchTip keeps an archived issue archived forever
 * and drops every condition, so forever is all it offers. */
struct archive_menu {
	struct view view;
	const struct choice *shown[NCHOICES];
	size_t n;
};

static struct archive_menu *am_of(struct view *v)
{
	return (struct archive_menu *)v;
}

static size_t lines(struct view *v)
{
	return am_of(v)->n;
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	char key[8];
	draw_pad(row, ROLE_DEFAULT, 2);
	const struct choice *c = am_of(v)->shown[lineno];
	draw_field(row, ROLE_HELP_KEY, key_format(c->key, key, sizeof(key)), 4, ALIGN_LEFT);
	draw_text(row, ROLE_DEFAULT, c->label);
}

static void on_number(void *ctx, const char *line, bool users)
{
	struct app *app = ctx;
	if (!line)
		return;
	struct strbuf args = STRBUF_INIT, err = STRBUF_INIT;
	strbuf_addf(&args, "%s %s", users ? "users" : "events", line);
	if (!app_archive_with(app, strbuf_str(&args), &err))
		app_status(app, STATUS_ERROR, "%s", strbuf_str(&err));
	strbuf_free(&args);
	strbuf_free(&err);
}

static void on_events(void *ctx, const char *line)
{
	on_number(ctx, line, false);
}

static void on_users(void *ctx, const char *line)
{
	on_number(ctx, line, true);
}

static void choose(struct view *v, const struct choice *c)
{
	struct app *app = v->app;
	app_pop(app); /* frees v: the action applies to the view below */
	struct strbuf err = STRBUF_INIT;
	switch (c->kind) {
	case ARCHIVE_NOW:
		if (!app_archive_with(app, c->args, &err))
			app_status(app, STATUS_ERROR, "%s", strbuf_str(&err));
		break;
	case ASK_EVENTS:
		prompt_open("archive until how many more events (e.g. 100 or 100/1h): ", NULL, "archive",
		            on_events, app);
		break;
	case ASK_USERS:
		prompt_open("archive until how many more users (e.g. 10 or 10/1d): ", NULL, "archive",
		            on_users, app);
		break;
	}
	strbuf_free(&err);
}

static bool key(struct view *v, int k)
{
	if (prompt_active())
		return false;
	struct archive_menu *am = am_of(v);
	for (size_t i = 0; i < am->n; i++) {
		if (am->shown[i]->key == k) {
			choose(v, am->shown[i]);
			return true;
		}
	}
	return false;
}

static bool request(struct view *v, enum request req)
{
	if (req == REQ_ENTER) {
		struct archive_menu *am = am_of(v);
		if (am->n)
			choose(v, am->shown[v->cursor < am->n ? v->cursor : 0]);
		return true;
	}
	if (req == REQ_BACK) {
		struct app *app = v->app; /* app_pop frees v */
		app_pop(app);
		app_status(app, STATUS_INFO, "not archived");
		return true;
	}
	return false;
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	size_t n = v->app->triage.nmarked;
	if (n && v->app->nviews >= 2 && v->app->views[v->app->nviews - 2]->ops->acts_on_marks)
		strbuf_addf(left, "Archive %zu marked issue%s", n, n == 1 ? "" : "s");
	else
		strbuf_adds(left, "Archive this issue");
	strbuf_adds(right, am_of(v)->n == NCHOICES ? "Enter: until escalating · q: cancel"
	                                            : "Enter: forever · q: cancel");
}

static void close_view(struct view *v)
{
	free(v);
}

static const struct view_ops menu_ops = {
	.name = "menu",
	.lines = lines,
	.draw_line = draw_line,
	.request = request,
	.title = title,
	.close = close_view,
	.key = key,
};

struct view *archive_menu_view_open(struct app *app, const struct view_args *args)
{
	struct archive_menu *am = xcalloc(1, sizeof(*am));
	am->view.ops = &menu_ops;
	am->view.app = app;
	bool conditions = server_has(&app->caps, FEATURE_STATUS_DETAILS);
	for (size_t i = 0; i < NCHOICES; i++)
		if (conditions || (choices[i].args && strcmp(choices[i].args, "forever") == 0))
			am->shown[am->n++] = &choices[i];
	return &am->view;
}
