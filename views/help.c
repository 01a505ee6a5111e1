/* The help overlay, generated from the request table, the live keymap and the command
 * table, so user bindings and read-only mode show as they are; then a legend of the
 * letters and symbols the screens draw. */
#include <stdlib.h>
#include <string.h>

#include "tui/keymap.h"
#include "tui/sanitize.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/availability.h"
#include "views/commands.h"
#include "views/style.h"
#include "views/view_table.h"

/* Longest key list the key column grows to; longer ones (many user bindings) are cut. */
#define MAX_KEY_COLUMN 24

enum help_kind {
	HELP_HEADING, /* text */
	HELP_KEY,     /* left = the keys, name = the request, text = its help */
	HELP_COMMAND, /* left = ":name ARGS", text = its help (on the next row if left is long) */
	HELP_SYMBOL,  /* left = the glyph drawn in role, text = what it means */
	HELP_TEXT,    /* text, in the help column: a continuation or a note */
};

struct help_line {
	enum help_kind kind;
	char *left;
	enum color_role role;
	const char *name;
	const char *text;
};

struct help_view {
	struct view view;
	struct help_line *lines;
	size_t n, cap;
	int key_width;  /* key column, with its gap */
	int name_width; /* request-name column, with its gap */
};

/* What the screens draw that is not a word, and where. Levels come from style.c; the
 * rest is listed here, one line each: a new mark or badge is one more row. */
struct legend_entry {
	const char *scope;
	const char *glyph;
	enum color_role role;
	const char *meaning;
};

static const struct legend_entry legend[] = {
	{ "issues", GLYPH_FOR_REVIEW, ROLE_DEFAULT, "for review: not yet reviewed (v marks it reviewed)" },
	{ "issues", GLYPH_PENDING, ROLE_LOADING, "a change is on its way to the server (the row shows it already)" },
	{ "issues", GLYPH_MARKED, ROLE_BOOKMARK, "marked for a batch action (Space; V all; Esc clears)" },
	{ "issues", GLYPH_BOOKMARK, ROLE_BOOKMARK, "bookmarked" },
	{ "issues", "NEW", ROLE_BADGE_NEW, "first seen in the last 7 days" },
	{ "issues", "REGR", ROLE_BADGE_REGRESSED, "regressed: came back after it was resolved" },
	{ "issues", "ESCAL", ROLE_BADGE_ESCALATING, "escalating: many more events than usual" },
	{ "issues", "ONGO", ROLE_BADGE_ONGOING, "ongoing" },
	{ "issues", "ARCHV", ROLE_BADGE_ARCHIVED, "archived (ignored)" },
	{ "issues", "+", ROLE_BADGE_NEW, "watch mode: new since the last refresh or your last look (any key clears)" },
	{ "issues", "\u25B2", ROLE_BADGE_ESCALATING, "watch mode: started escalating since then" },
	{ "issues", "\u21BA", ROLE_BADGE_REGRESSED, "watch mode: regressed since then" },
	{ "issues", "RESLV", ROLE_BADGE_RESOLVED, "resolved" },
	{ "issues", "dim row", ROLE_DIM, "no longer matches the query after a change; gone at the next refresh" },
	{ "issues", "▁▂▄█", ROLE_SPARK, "events in the last 24 hours" },
	{ "issues", GLYPH_SORT_KEY, ROLE_HEADER, "the column the stream is sorted by" },
	{ "issues", "AGE", ROLE_HEADER, "first seen, how long ago (shown when sorted by first seen)" },
	{ "issues", "EVT USR", ROLE_HEADER, "events and users, in narrow terminals" },
	{ "generic", "READ-ONLY", ROLE_HEADER, "read-only mode: nothing can be changed on the server" },
	{ "issue", "●", ROLE_IN_APP, "in-app frame (your code)" },
	{ "issue", "○", ROLE_DIM, "system or library frame" },
	{ "issue", "→", ROLE_DEFAULT, "the faulting line, in a frame's source" },
	{ "issue", "×N", ROLE_NUMBER, "the frame repeats N times (recursion)" },
	{ "issue", "‹ …", ROLE_DIM, "the line goes on to the left / right (h l scroll)" },
	{ "releases", "\u2588\u2588\u258D 24 %", ROLE_SPARK, "adoption: the release's share of its project's users in 24h" },
	{ "releases", "99.91 %", ROLE_BADGE_RESOLVED, "crash-free at or above crash_free_warn (99 % unless the config says)" },
	{ "releases", "98.20 %", ROLE_LEVEL_WARNING, "crash-free below crash_free_warn" },
	{ "releases", "95.50 %", ROLE_LEVEL_ERROR, "crash-free below crash_free_bad (97 % unless the config says)" },
	{ "releases", "\u2013", ROLE_DIM, "the server sent no figure (not zero)" },
	{ "release", "\u2581\u2583\u2588", ROLE_SPARK, "sessions per interval, each row scaled to its own peak" },
	{ "release", "\u2013", ROLE_DIM, "the server sent no figure (not zero)" },
	{ "waterfall", "█▍", ROLE_SPARK, "a span's time: the bar starts and ends where the span does (eighths of a cell)" },
	{ "waterfall", "▏", ROLE_SPARK, "a span too short to show as a bar" },
	{ "waterfall", "░", ROLE_DIM, "a gap: time inside the span that none of its children covers" },
	{ "waterfall", "◂ ▸", ROLE_SPARK, "the span starts before / ends after the time axis" },
	{ "waterfall", "◆", ROLE_LEVEL_ERROR, "an offending span of the performance issue (its evidence)" },
	{ "waterfall", "N ×", ROLE_NUMBER, "N repeated spans folded into one row (total time; mean beside)" },
	{ "waterfall", "[+N]", ROLE_NUMBER, "a folded span: N child spans hidden" },
	{ "waterfall", "\u25B6", ROLE_LEVEL_ERROR, "the span the waterfall was opened for (an error's, with t)" },
	{ "waterfall", "\u25CF", ROLE_LEVEL_ERROR, "an error happened in this span (a trace)" },
	{ "waterfall", "?", ROLE_LEVEL_WARNING, "its parent is not in this transaction: shown under the root" },
	{ "generic", "⟳", ROLE_LOADING, "loading or working (bottom right)" },
};

static void add_line(struct help_view *hv, struct help_line line)
{
	xgrow((void **)&hv->lines, &hv->cap, hv->n + 1, sizeof(*hv->lines));
	hv->lines[hv->n++] = line;
}

static void add_heading(struct help_view *hv, const char *text)
{
	add_line(hv, (struct help_line){ .kind = HELP_HEADING, .text = text });
}

static bool in_scope(const char *entry_scope, const char *scope)
{
	return strcmp(entry_scope, scope) == 0;
}

/* The keys of scope's requests, as they work in the view the help was opened from. */
static void add_keys(struct help_view *hv, const char *scope, const char *from,
                     const char *heading, bool read_only)
{
	add_heading(hv, heading);
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		const struct request_info *info = request_info((enum request)r);
		if (!in_scope(info->scope, scope) || (info->flags & REQF_HIDDEN))
			continue;
		if (read_only && (info->flags & REQF_MUTATES))
			continue;
		if (!app_request_available(hv->view.app, info->req))
			continue;
		struct strbuf keys = STRBUF_INIT;
		keymap_keys_display(info->req, from, &keys);
		if (!keys.len)
			strbuf_adds(&keys, "(no key)");
		add_line(hv, (struct help_line){ .kind = HELP_KEY, .left = strbuf_detach(&keys),
		                                 .role = ROLE_HELP_KEY, .name = info->name,
		                                 .text = info->help });
	}
}

static void add_commands(struct help_view *hv, const char *scope, const char *inner,
                         bool read_only)
{
	add_heading(hv, "Commands (: then a name; Tab completes names and arguments)");
	size_t n;
	const struct command_info *commands = command_table(&n);
	for (size_t i = 0; i < n; i++) {
		const struct command_info *c = &commands[i];
		if (!in_scope(c->scope, "generic") && !in_scope(c->scope, scope) &&
		    !(inner && in_scope(c->scope, inner)))
			continue;
		if (read_only && c->mutates)
			continue;
		if (app_command_unavailable(hv->view.app, c->name, ""))
			continue;
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, ":%s", c->name);
		if (c->alias)
			strbuf_addf(&sb, " (:%s)", c->alias);
		if (*c->args)
			strbuf_addf(&sb, " %s", c->args);
		add_line(hv, (struct help_line){ .kind = HELP_COMMAND, .left = strbuf_detach(&sb),
		                                 .role = ROLE_HELP_KEY, .text = c->help });
	}
	add_line(hv, (struct help_line){ .kind = HELP_COMMAND, .left = xstrdup(":NAME"),
	                                 .role = ROLE_HELP_KEY,
	                                 .text = "Any action above by its name (:mark-all, :refresh)" });
}

static void add_symbol(struct help_view *hv, const char *glyph, enum color_role role,
                       const char *meaning)
{
	add_line(hv, (struct help_line){ .kind = HELP_SYMBOL, .left = xstrdup(glyph), .role = role,
	                                 .text = meaning });
}

static void add_legend(struct help_view *hv, const char *scope, const char *inner)
{
	add_heading(hv, "Symbols");
	if (in_scope(scope, "issues")) {
		static const enum issue_level levels[] = { LEVEL_FATAL, LEVEL_ERROR, LEVEL_WARNING,
		                                           LEVEL_INFO, LEVEL_DEBUG, LEVEL_SAMPLE };
		for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
			add_line(hv, (struct help_line){ .kind = HELP_SYMBOL,
			                                 .left = xstrdup(style_level_letter(levels[i])),
			                                 .role = style_level_role(levels[i]),
			                                 .name = "level",
			                                 .text = issue_level_name(levels[i]) });
	}
	for (size_t i = 0; i < sizeof(legend) / sizeof(legend[0]); i++)
		if (in_scope(legend[i].scope, scope) || in_scope(legend[i].scope, "generic") ||
		    (inner && in_scope(legend[i].scope, inner)))
			add_symbol(hv, legend[i].glyph, legend[i].role, legend[i].meaning);
}

/* Columns as wide as their widest entry, so names never run into the help text. */
static void measure(struct help_view *hv)
{
	int keys = 0, names = 0;
	for (size_t i = 0; i < hv->n; i++) {
		const struct help_line *l = &hv->lines[i];
		if (l->kind == HELP_KEY || l->kind == HELP_SYMBOL) {
			int w = sanitize_width(l->left);
			if (w > keys)
				keys = w;
		}
		if (l->kind == HELP_KEY && (int)strlen(l->name) > names)
			names = (int)strlen(l->name);
	}
	hv->key_width = (keys > MAX_KEY_COLUMN ? MAX_KEY_COLUMN : keys) + 2;
	hv->name_width = names + 2;
}

/* Commands whose syntax does not fit before the help column get their help on a row
 * of its own below. */
static void wrap_long_commands(struct help_view *hv)
{
	int room = hv->key_width + hv->name_width - 2;
	for (size_t i = 0; i < hv->n; i++) {
		struct help_line *l = &hv->lines[i];
		if (l->kind != HELP_COMMAND || sanitize_width(l->left) <= room || !l->text)
			continue;
		struct help_line cont = { .kind = HELP_TEXT, .text = l->text };
		l->text = NULL;
		xgrow((void **)&hv->lines, &hv->cap, hv->n + 1, sizeof(*hv->lines));
		memmove(&hv->lines[i + 2], &hv->lines[i + 1], (hv->n - i - 1) * sizeof(*hv->lines));
		hv->lines[i + 1] = cont;
		hv->n++;
		i++;
	}
}

static size_t lines(struct view *v)
{
	return ((struct help_view *)v)->n;
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	struct help_view *hv = (struct help_view *)v;
	const struct help_line *l = &hv->lines[lineno];
	switch (l->kind) {
	case HELP_HEADING:
		draw_pad(row, ROLE_HEADER, 1);
		draw_text(row, ROLE_HEADER, l->text);
		return;
	case HELP_KEY:
		draw_pad(row, ROLE_DEFAULT, 3);
		draw_field(row, l->role, l->left, hv->key_width, ALIGN_LEFT);
		draw_field(row, ROLE_DIM, l->name, hv->name_width, ALIGN_LEFT);
		break;
	case HELP_COMMAND:
		draw_pad(row, ROLE_DEFAULT, 3);
		if (l->text) {
			draw_field(row, l->role, l->left, hv->key_width + hv->name_width, ALIGN_LEFT);
		} else {
			draw_text(row, l->role, l->left);
			return;
		}
		break;
	case HELP_SYMBOL:
		draw_pad(row, ROLE_DEFAULT, 3);
		draw_field(row, l->role, l->left, hv->key_width, ALIGN_LEFT);
		if (l->name) { /* "level: error" */
			draw_text(row, ROLE_DEFAULT, l->name);
			draw_text(row, ROLE_DEFAULT, ": ");
		}
		break;
	case HELP_TEXT:
		draw_pad(row, ROLE_DEFAULT, 3 + hv->key_width + hv->name_width);
		break;
	}
	draw_text(row, ROLE_DEFAULT, l->text);
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
	strbuf_adds(left, "Help: keys and commands, and what the symbols mean");
	strbuf_adds(right, "q: close · j/k scroll");
}

static void close_view(struct view *v)
{
	struct help_view *hv = (struct help_view *)v;
	for (size_t i = 0; i < hv->n; i++)
		free(hv->lines[i].left);
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

/* The heading of a scope's keys; a scope not named here is headed by its name. */
static const char *scope_heading(const char *scope)
{
	static const struct { const char *scope, *heading; } headings[] = {
		{ "issues", "Issue stream" }, { "issue", "Issue" }, { "waterfall", "Waterfall" },
		{ "transactions", "Transactions" }, { "releases", "Releases" }, { "release", "Release" },
	};
	for (size_t i = 0; i < sizeof(headings) / sizeof(headings[0]); i++)
		if (strcmp(headings[i].scope, scope) == 0)
			return headings[i].heading;
	return scope;
}

/* A scope some request lives in (a menu or picker has none of its own: generic). */
static bool has_keys(const char *scope)
{
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++)
		if (strcmp(request_info((enum request)r)->scope, scope) == 0)
			return true;
	return false;
}

struct view *help_view_open(struct app *app, const struct view_args *args)
{
	struct help_view *hv = xcalloc(1, sizeof(*hv));
	hv->view.ops = &help_ops;
	hv->view.app = app;
	bool ro = app->cfg && app->cfg->read_only;
	const char *shown = args->scope && has_keys(args->scope) ? args->scope : "generic";
	const char *inner = args->inner_scope && has_keys(args->inner_scope) ? args->inner_scope : NULL;
	/* The keys of a view shown inside this one come first: they win when both bind one. */
	if (inner)
		add_keys(hv, inner, inner, scope_heading(inner), ro);
	if (strcmp(shown, "generic") != 0)
		add_keys(hv, shown, shown, scope_heading(shown), ro);
	add_keys(hv, "generic", shown, "Everywhere", ro);
	add_commands(hv, shown, inner, ro);
	add_legend(hv, shown, inner);
	measure(hv);
	wrap_long_commands(hv);
	return &hv->view;
}
