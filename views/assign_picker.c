/* The assign picker: "me", the organization's members and its teams, filtered by what is
 * typed in the prompt (Tab completes a name); Up/Down pick among the matches, Enter
 * assigns to the highlighted one. The best match comes first: an exact name, then a name
 * or word that starts with the text, then one that contains it. Members who can be
 * assigned to the issue's project (on a team with access to it) come before those who
 * cannot, who are marked. "nobody (unassign)" is never a match of typed text: it is the
 * last row, chosen by moving onto it, or by typing "none" or ":unassign". Server
 * validation errors come back verbatim through the triage status line. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curses.h>

#include "tui/keys.h"
#include "tui/prompt.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/triage_actions.h"
#include "views/view_table.h"

enum candidate_kind { CAND_ME, CAND_NOBODY, CAND_MEMBER, CAND_TEAM };

struct candidate {
	enum candidate_kind kind;
	size_t index;              /* into people.members / people.teams */
	char *label;               /* what is shown and matched */
	char *completion;          /* what Tab completes to */
	bool no_access;            /* a member not on a team with access to the project */
	int rank;                  /* of the current text: 0 exact … 3 no match */
};

struct picker {
	struct view view;
	struct candidate *all;
	size_t nall, cap;
	size_t nmembers_seen, nteams_seen;
	bool access_seen;          /* the project's members were known at the last build */
	char *project;             /* the slug assignments are checked against, or NULL */
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
	xgrow((void **)&p->all, &p->cap, p->nall + 1, sizeof(*p->all)); /* geometric growth */
	p->all[p->nall++] = (struct candidate){ kind, index, label, xstrdup(completion), false, 0 };
}

static void free_candidates(struct picker *p)
{
	for (size_t i = 0; i < p->nall; i++) {
		free(p->all[i].label);
		free(p->all[i].completion);
	}
	free(p->all);
	p->all = NULL;
	p->nall = p->cap = 0;
}

/* Rebuild the candidates when members or teams have arrived since. */
static void build(struct picker *p)
{
	struct people *pe = &p->view.app->people;
	bool access_known = p->project && people_access_known(pe, p->project);
	if (p->all && p->nmembers_seen == pe->nmembers && p->nteams_seen == pe->nteams &&
	    p->access_seen == access_known)
		return;
	free_candidates(p);
	p->nmembers_seen = pe->nmembers;
	p->nteams_seen = pe->nteams;
	p->access_seen = access_known;
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
		p->all[p->nall - 1].no_access = access_known && !people_has_access(pe, m->user_id);
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

/* How well text names a candidate: 0 exactly (a name, first name, email, its user part,
 * username or #slug), 1 one of those starts with it, 2 the label contains it, 3 not at all. */
static int rank_word(const char *word, const char *text, size_t n)
{
	if (!word || !*word)
		return 3;
	if (strcasecmp(word, text) == 0)
		return 0;
	if (strncasecmp(word, text, n) == 0)
		return 1;
	return 3;
}

static int rank_words_of(const char *s, const char *text, size_t n)
{
	/* Every word of a name ("Bo Li" → "Bo", "Li") and the user part of an email. */
	int best = rank_word(s, text, n);
	for (const char *w = s; w && *w && best > 0; w++) {
		if (w == s || w[-1] == ' ' || w[-1] == '.' || w[-1] == '-' || w[-1] == '_') {
			size_t len = strcspn(w, " .-_@");
			if (len == n && strncasecmp(w, text, n) == 0)
				best = 0;
			else if (len >= n && strncasecmp(w, text, n) == 0 && best > 1)
				best = 1;
		}
	}
	return best;
}

static bool contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return n == 0;
}

static int rank_of(const struct picker *p, const struct candidate *c, const char *text)
{
	size_t n = strlen(text);
	if (n == 0)
		return 0;
	const struct people *pe = &p->view.app->people;
	int best = 3;
	switch (c->kind) {
	case CAND_ME:
		return strcasecmp(text, "me") == 0 ? 0 : 3;
	case CAND_NOBODY:
		/* Never by accident: "no", "un" or "bo" must not unassign; the whole word must
		 * be typed (":unassign" as on the command line works too). */
		return strcasecmp(text, "none") == 0 || strcasecmp(text, "nobody") == 0 ||
		               strcasecmp(text, "unassign") == 0 || strcasecmp(text, ":unassign") == 0
		           ? 0
		           : 3;
	case CAND_MEMBER: {
		const struct member *m = &pe->members[c->index];
		const char *words[] = { m->name, m->email, m->username };
		for (size_t i = 0; i < 3; i++) {
			int r = rank_words_of(words[i], text, n);
			if (r < best)
				best = r;
		}
		break;
	}
	case CAND_TEAM: {
		const char *t = text[0] == '#' ? text + 1 : text;
		best = rank_words_of(c->label + 1, t, strlen(t));
		if (best > 0 && pe->teams[c->index].name) {
			int r = rank_words_of(pe->teams[c->index].name, t, strlen(t));
			best = r < best ? r : best;
		}
		break;
	}
	}
	if (best == 3 && contains_ci(c->label, text))
		best = 2;
	return best;
}

/* Where a candidate sorts among those of the same rank: me, members who can be assigned
 * to the project, teams, the other members, nobody last. */
static int group_of(const struct candidate *c)
{
	switch (c->kind) {
	case CAND_ME: return 0;
	case CAND_MEMBER: return c->no_access ? 3 : 1;
	case CAND_TEAM: return 2;
	case CAND_NOBODY: return 4;
	}
	return 4;
}

static int compare_shown(const void *a, const void *b)
{
	const struct candidate *x = *(const struct candidate *const *)a;
	const struct candidate *y = *(const struct candidate *const *)b;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	if (group_of(x) != group_of(y))
		return group_of(x) - group_of(y);
	return x < y ? -1 : x > y; /* the server's order */
}

/* Matches of text, best first; the cursor stays where it is while the text does not change. */
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
	for (size_t i = 0; i < p->nall; i++) {
		p->all[i].rank = rank_of(p, &p->all[i], text);
		if (p->all[i].rank < 3)
			p->shown[p->nshown++] = &p->all[i];
	}
	qsort(p->shown, p->nshown, sizeof(*p->shown), compare_shown);
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
	enum color_role role = c->kind == CAND_TEAM     ? ROLE_SHORT_ID
	                       : c->no_access           ? ROLE_DIM
	                       : c->kind == CAND_MEMBER ? ROLE_ASSIGNEE
	                                                : ROLE_HELP_KEY;
	draw_text(row, role, c->label);
	if (c->no_access) {
		struct strbuf note = STRBUF_INIT;
		strbuf_addf(&note, "  not on a team with access to %s", picker_of(v)->project);
		draw_text(row, ROLE_DIM, strbuf_str(&note));
		strbuf_free(&note);
	}
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
	free(p->project);
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

struct view *assign_picker_view_open(struct app *app, const struct view_args *args)
{
	struct picker *p = xcalloc(1, sizeof(*p));
	p->view.ops = &picker_ops;
	p->view.app = app;
	/* One issue (no batch): put the people who can be assigned in its project first. */
	struct view *below = app_top(app);
	struct issue *issue = below && below->ops->current_issue && !app->triage.nmarked
	                              ? below->ops->current_issue(below)
	                              : NULL;
	if (issue && issue->project_slug) {
		p->project = xstrdup(issue->project_slug);
		people_load_access(&app->people, p->project);
	}
	people_load(&app->people);
	people_load_me(&app->people);
	prompt_open("assign to: ", NULL, "assign", on_line, p);
	build(p);
	return &p->view;
}

/* Assign to name, on the issue in `to` when it is set (a deferred :assign NAME), else
 * on the issues an action on screen is for. */
static void assign_named(struct app *app, const char *name, struct pending_target *to,
                         struct strbuf *err)
{
	struct people *pe = &app->people;
	if (strcmp(name, "none") == 0 || strcmp(name, "nobody") == 0) {
		struct change c = { .kind = CHANGE_UNASSIGN };
		app_triage_on(app, &c, to);
		return;
	}
	if (!pe->loaded) {
		/* Carried out when they arrive (assign_pending_arrived), not dropped, and on
		 * the issue it was typed on. */
		free(pe->pending_assign);
		pe->pending_assign = xstrdup(name);
		if (to) { /* deferred again: it keeps the issue it was typed on */
			pending_target_clear(&pe->pending_assign_target);
			pe->pending_assign_target = *to;
			*to = (struct pending_target){ 0 };
		} else {
			pending_target_remember(app, &pe->pending_assign_target);
		}
		people_load(pe);
		app_status(app, STATUS_INFO, "loading members and teams; will assign to %s", name);
		return;
	}
	struct change c = { .kind = CHANGE_ASSIGN };
	const char *slug = name[0] == '#' ? name + 1 : NULL;
	for (size_t i = 0; slug && i < pe->nteams; i++) {
		const struct team *t = &pe->teams[i];
		if ((t->slug && strcasecmp(t->slug, slug) == 0) || (t->name && strcasecmp(t->name, slug) == 0)) {
			change_set_assignee(&c, "team", t->id, t->slug ? t->slug : t->name, NULL);
			app_triage_on(app, &c, to);
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
				app_triage_on(app, &c, to);
				change_free(&c);
				return;
			}
		}
	}
	if (to)
		pending_target_clear(to);
	strbuf_addf(err, "no member or team called '%s' (teams start with #)", name);
}

void assign_by_name(struct app *app, const char *name, struct strbuf *err)
{
	assign_named(app, name, NULL, err);
}

void assign_pending_arrived(struct app *app)
{
	struct people *pe = &app->people;
	if (!pe->pending_assign || pe->loading)
		return;
	char *name = pe->pending_assign;
	pe->pending_assign = NULL;
	struct pending_target to = pe->pending_assign_target;
	pe->pending_assign_target = (struct pending_target){ 0 };
	struct strbuf err = STRBUF_INIT;
	if (pe->error && !pe->nmembers && !pe->nteams)
		app_status(app, STATUS_ERROR, "cannot assign to %s: %s", name, pe->error);
	else
		assign_named(app, name, &to, &err);
	pending_target_clear(&to);
	if (err.len)
		app_status(app, STATUS_ERROR, "%s", strbuf_str(&err));
	strbuf_free(&err);
	free(name);
}
