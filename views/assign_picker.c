/* The assign picker: "me", "nobody", the organization's members and its teams, filtered
 * by what is typed in the prompt (Tab completes a name); Up/Down pick among the matches,
 * Enter assigns to the highlighted one. Server validation errors (e.g. not a member of a
 * team with access) come back verbatim through the triage status line. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curses.h>

#include "tui/keys.h"
#include "tui/prompt.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/triage_actions.h"
#include "views/views.h"

enum candidate_kind { CAND_ME, CAND_NOBODY, CAND_MEMBER, CAND_TEAM };

struct candidate {
	enum candidate_kind kind;
	size_t index;              /* into people.members / people.teams */
	char *label;               /* what is shown and matched */
	char *completion;          /* what Tab completes to */
};

struct picker {
	struct view view;
	struct candidate *all;
	size_t nall;
	size_t nmembers_seen, nteams_seen;
	struct candidate **shown;  /* the matches of the prompt text */
	size_t nshown;
	char *filter;              /* the text the matches were computed for */
};

static struct picker *picker_of(struct view *v)
{
	return (struct picker *)v;
}

static void add(struct picker *p, enum candidate_kind kind, size_t index, char *label,
                const char *completion)
{
	p->all = xrealloc(p->all, (p->nall + 1) * sizeof(*p->all));
	p->all[p->nall++] = (struct candidate){ kind, index, label, xstrdup(completion) };
}

static void free_candidates(struct picker *p)
{
	for (size_t i = 0; i < p->nall; i++) {
		free(p->all[i].label);
		free(p->all[i].completion);
	}
	free(p->all);
	p->all = NULL;
	p->nall = 0;
}

/* Rebuild the candidates when members or teams have arrived since. */
static void build(struct picker *p)
{
	struct people *pe = &p->view.app->people;
	if (p->all && p->nmembers_seen == pe->nmembers && p->nteams_seen == pe->nteams)
		return;
	free_candidates(p);
	p->nmembers_seen = pe->nmembers;
	p->nteams_seen = pe->nteams;
	add(p, CAND_ME, 0, xstrdup("me"), "me");
	add(p, CAND_NOBODY, 0, xstrdup("nobody (unassign)"), "nobody");
	const char **words = xcalloc(pe->nmembers + pe->nteams + 2, sizeof(char *));
	size_t nwords = 0;
	words[nwords++] = "me";
	words[nwords++] = "nobody";
	for (size_t i = 0; i < pe->nmembers; i++) {
		const struct member *m = &pe->members[i];
		struct strbuf sb = STRBUF_INIT;
		const char *name = m->name ? m->name : m->email ? m->email : m->user_id;
		strbuf_adds(&sb, name ? name : "?");
		if (m->email && (!m->name || strcmp(m->email, m->name) != 0))
			strbuf_addf(&sb, " <%s>", m->email);
		add(p, CAND_MEMBER, i, strbuf_detach(&sb), name ? name : "");
		words[nwords++] = p->all[p->nall - 1].completion;
	}
	for (size_t i = 0; i < pe->nteams; i++) {
		const struct team *t = &pe->teams[i];
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "#%s", t->slug ? t->slug : t->name ? t->name : t->id);
		char *label = strbuf_detach(&sb);
		add(p, CAND_TEAM, i, label, label);
		words[nwords++] = p->all[p->nall - 1].completion;
	}
	if (prompt_active())
		prompt_set_completions(words, nwords);
	free(words);
	free(p->filter);
	p->filter = NULL; /* forces the matches to be recomputed */
}

static bool contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return n == 0;
}

/* Matches of text; the cursor stays where it is while the text does not change. */
static void filter_for(struct picker *p, const char *text)
{
	build(p);
	if (p->filter && strcmp(p->filter, text) == 0)
		return;
	free(p->filter);
	p->filter = xstrdup(text);
	free(p->shown);
	p->shown = xcalloc(p->nall ? p->nall : 1, sizeof(*p->shown));
	p->nshown = 0;
	for (size_t i = 0; i < p->nall; i++)
		if (contains_ci(p->all[i].label, text))
			p->shown[p->nshown++] = &p->all[i];
	p->view.cursor = 0;
	p->view.offset = 0;
}

static void refilter(struct picker *p)
{
	filter_for(p, prompt_text());
}

static size_t lines(struct view *v)
{
	refilter(picker_of(v));
	return picker_of(v)->nshown;
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	const struct candidate *c = picker_of(v)->shown[lineno];
	draw_pad(row, ROLE_DEFAULT, 2);
	draw_text(row, c->kind == CAND_TEAM ? ROLE_SHORT_ID : c->kind == CAND_MEMBER ? ROLE_ASSIGNEE
	                                                                             : ROLE_HELP_KEY,
	          c->label);
}

static void assign_candidate(struct app *app, const struct candidate *c)
{
	struct people *pe = &app->people;
	struct change ch = { .kind = CHANGE_UNASSIGN };
	switch (c->kind) {
	case CAND_ME:
		app_triage_request(app, REQ_ASSIGN_ME);
		return;
	case CAND_NOBODY:
		break;
	case CAND_MEMBER:
		change_set_assignee(&ch, "user", pe->members[c->index].user_id,
		                    pe->members[c->index].name, pe->members[c->index].email);
		break;
	case CAND_TEAM:
		change_set_assignee(&ch, "team", pe->teams[c->index].id,
		                    pe->teams[c->index].slug ? pe->teams[c->index].slug
		                                             : pe->teams[c->index].name,
		                    NULL);
		break;
	}
	app_triage(app, &ch);
	change_free(&ch);
}

static void on_line(void *ctx, const char *line)
{
	struct picker *p = ctx;
	struct app *app = p->view.app;
	if (!line) {
		app_pop(app);
		app_status(app, STATUS_INFO, "not assigned");
		return;
	}
	/* The prompt closed with this text: pick the highlighted match of it. */
	filter_for(p, line);
	const struct candidate *c = p->view.cursor < p->nshown ? p->shown[p->view.cursor] : NULL;
	if (!c) {
		app_pop(app);
		app_status(app, STATUS_ERROR, "nobody matches '%s'", line);
		return;
	}
	struct candidate chosen = *c;
	chosen.label = xstrdup(c->label);
	chosen.completion = NULL;
	app_pop(app); /* frees p; the action applies to the view below */
	assign_candidate(app, &chosen);
	free(chosen.label);
}

/* Up/Down move among the matches while the prompt keeps the text. */
static bool key(struct view *v, int k)
{
	if (k == KEY_SPECIAL(KEY_DOWN) || k == KEY_CTRL('n')) {
		view_move(v, REQ_MOVE_DOWN);
		return true;
	}
	if (k == KEY_SPECIAL(KEY_UP) || k == KEY_CTRL('p')) {
		view_move(v, REQ_MOVE_UP);
		return true;
	}
	return false;
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	struct people *pe = &v->app->people;
	strbuf_adds(left, "Assign to");
	if (pe->loading)
		strbuf_adds(right, "loading members and teams…");
	else
		strbuf_addf(right, "%zu members · %zu teams · Tab completes", pe->nmembers, pe->nteams);
}

static const char *empty_text(struct view *v)
{
	return "No member or team matches.";
}

static void close_view(struct view *v)
{
	struct picker *p = picker_of(v);
	free_candidates(p);
	free(p->shown);
	free(p->filter);
	free(p);
}

static const struct view_ops picker_ops = {
	.name = "picker",
	.lines = lines,
	.draw_line = draw_line,
	.title = title,
	.close = close_view,
	.key = key,
	.empty_text = empty_text,
};

struct view *assign_picker_new(struct app *app)
{
	struct picker *p = xcalloc(1, sizeof(*p));
	p->view.ops = &picker_ops;
	p->view.app = app;
	people_load(&app->people);
	people_load_me(&app->people);
	prompt_open("assign to: ", NULL, "assign", on_line, p);
	build(p);
	return &p->view;
}

void assign_by_name(struct app *app, const char *name, struct strbuf *err)
{
	struct people *pe = &app->people;
	if (strcmp(name, "none") == 0 || strcmp(name, "nobody") == 0) {
		struct change c = { .kind = CHANGE_UNASSIGN };
		app_triage(app, &c);
		return;
	}
	if (!pe->loaded) {
		people_load(pe);
		strbuf_adds(err, "members and teams are still loading; try again in a moment");
		return;
	}
	struct change c = { .kind = CHANGE_ASSIGN };
	const char *slug = name[0] == '#' ? name + 1 : NULL;
	for (size_t i = 0; slug && i < pe->nteams; i++) {
		const struct team *t = &pe->teams[i];
		if ((t->slug && strcasecmp(t->slug, slug) == 0) || (t->name && strcasecmp(t->name, slug) == 0)) {
			change_set_assignee(&c, "team", t->id, t->slug ? t->slug : t->name, NULL);
			app_triage(app, &c);
			change_free(&c);
			return;
		}
	}
	for (size_t i = 0; !slug && i < pe->nmembers; i++) {
		const struct member *m = &pe->members[i];
		const char *keys[] = { m->name, m->email, m->username, m->user_id };
		for (size_t k = 0; k < 4; k++) {
			if (keys[k] && strcasecmp(keys[k], name) == 0) {
				change_set_assignee(&c, "user", m->user_id, m->name, m->email);
				app_triage(app, &c);
				change_free(&c);
				return;
			}
		}
	}
	strbuf_addf(err, "no member or team called '%s' (teams start with #)", name);
}
