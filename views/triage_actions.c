/* Triage keys and commands: which issues an action is for (the marked ones in the
 * stream, else the row or issue on screen), the confirmation a batch needs, and the
 * `:resolve next`-style commands. The engine itself is store/triage.c. */
#include "views/triage_actions.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/prompt.h"
#include "util/xalloc.h"
#include "views/view_table.h"

void change_set_assignee(struct change *c, const char *type, const char *id, const char *name,
                         const char *email)
{
	c->kind = CHANGE_ASSIGN;
	c->assignee.type = xstrdup(type);
	c->assignee.id = xstrdup_or_null(id);
	c->assignee.name = xstrdup_or_null(name);
	c->assignee.email = xstrdup_or_null(email);
}

/* The issues an action applies to: every marked stream row when the view on top acts
 * on marks (the stream, a release) and there are some, else the issue it is about. */
static struct issue **targets(struct app *app, size_t *n, bool *batch)
{
	struct view *v = app_top(app);
	*batch = false;
	*n = 0;
	if (v && v->ops->acts_on_marks && app->triage.nmarked) {
		struct issue **marked = triage_marked_issues(&app->triage, n);
		if (*n) {
			*batch = true;
			return marked;
		}
		free(marked);
	}
	struct issue *one = v && v->ops->current_issue ? v->ops->current_issue(v) : NULL;
	if (!one)
		return NULL;
	struct issue **out = xcalloc(1, sizeof(*out));
	out[0] = one;
	*n = 1;
	return out;
}

static size_t distinct_projects(struct issue **issues, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++) {
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = issues[i]->project_id && issues[j]->project_id &&
			       strcmp(issues[i]->project_id, issues[j]->project_id) == 0;
		if (!seen)
			count++;
	}
	return count;
}

static void run(struct app *app, const struct change *c, struct issue **issues, size_t n)
{
	struct strbuf err = STRBUF_INIT;
	if (!triage_apply(&app->triage, c, issues, n, &err))
		app_status(app, STATUS_ERROR, "%s", strbuf_str(&err));
	else
		app_status(app, STATUS_INFO, "sending…");
	strbuf_free(&err);
	app_touch(app);
}

/* confirm_mutations (a guard for prod): even one issue waits for y, and the question
 * names the profile and the issue. */
static void confirm_one(struct app *app, const struct change *c, const struct issue *issue)
{
	struct strbuf q = STRBUF_INIT;
	if (app->cfg->profile)
		strbuf_addf(&q, "%s: ", app->cfg->profile);
	change_describe(c, &q);
	strbuf_addf(&q, " %s? y/N", issue->short_id ? issue->short_id : issue->id);
	pending_target_clear(&app->confirm_target);
	app->confirm_target.id = xstrdup_or_null(issue->id);
	app->confirm_target.short_id = xstrdup_or_null(issue->short_id);
	app_confirm(app, strbuf_str(&q), c);
	strbuf_free(&q);
}

void app_triage(struct app *app, const struct change *c)
{
	if (app->cfg->read_only) {
		app_status(app, STATUS_ERROR, "read-only mode: nothing is changed on the server");
		return;
	}
	size_t n;
	bool batch;
	struct issue **issues = targets(app, &n, &batch);
	if (!issues) {
		app_status(app, STATUS_ERROR, "no issue here to act on");
		return;
	}
	if (!batch) {
		if (app->cfg->confirm_mutations)
			confirm_one(app, c, issues[0]);
		else
			run(app, c, issues, n);
		free(issues);
		return;
	}
	/* A batch waits for y: it says how many issues in how many projects. */
	struct strbuf q = STRBUF_INIT;
	size_t projects = distinct_projects(issues, n);
	if (app->cfg->confirm_mutations && app->cfg->profile)
		strbuf_addf(&q, "%s: ", app->cfg->profile);
	strbuf_addf(&q, "%zu marked issue%s", n, n == 1 ? "" : "s");
	if (projects > 1)
		strbuf_addf(&q, " in %zu projects", projects);
	strbuf_adds(&q, " → ");
	change_describe(c, &q);
	strbuf_addf(&q, "%s? y/N", projects > 1 ? " (one request per project)" : "");
	app_confirm(app, strbuf_str(&q), c);
	strbuf_free(&q);
	free(issues);
}

static struct issue *loaded_issue(struct app *app, const char *id);

static void undo(struct app *app)
{
	struct strbuf err = STRBUF_INIT;
	if (!triage_undo(&app->triage, &err))
		app_status(app, STATUS_INFO, "%s", strbuf_str(&err));
	else
		app_status(app, STATUS_INFO, "undoing…");
	strbuf_free(&err);
}

void app_confirmed(struct app *app)
{
	if (app->confirm_undo) {
		undo(app);
		return;
	}
	const struct change *c = &app->confirm_change;
	const struct pending_target *one = &app->confirm_target;
	if (one->id) {
		/* The issue asked about, even if a refresh moved the rows meanwhile. */
		struct issue *issue = loaded_issue(app, one->id);
		if (issue)
			run(app, c, &issue, 1);
		else
			app_status(app, STATUS_ERROR, "nothing was sent: %s is no longer loaded",
			           one->short_id ? one->short_id : "the issue");
		return;
	}
	size_t n;
	bool batch;
	struct issue **issues = targets(app, &n, &batch);
	if (issues)
		run(app, c, issues, n);
	free(issues);
}

void pending_target_remember(struct app *app, struct pending_target *to)
{
	pending_target_clear(to);
	size_t n;
	bool batch;
	struct issue **issues = targets(app, &n, &batch);
	if (issues && !batch) {
		to->id = xstrdup_or_null(issues[0]->id);
		to->short_id = xstrdup_or_null(issues[0]->short_id);
	}
	free(issues);
}

/* The loaded copy of the issue with this id: the one on screen, else its stream row. */
static struct issue *loaded_issue(struct app *app, const char *id)
{
	struct view *v = app_top(app);
	struct issue *on_screen = v && v->ops->current_issue ? v->ops->current_issue(v) : NULL;
	if (on_screen && on_screen->id && strcmp(on_screen->id, id) == 0)
		return on_screen;
	const struct issue_stream *s = app->triage.stream;
	for (size_t i = 0; s && i < s->n; i++)
		if (s->items[i]->id && strcmp(s->items[i]->id, id) == 0)
			return s->items[i];
	return NULL;
}

void app_triage_on(struct app *app, const struct change *c, struct pending_target *to)
{
	if (!to || !to->id) {
		app_triage(app, c);
	} else if (app->cfg->read_only) {
		app_status(app, STATUS_ERROR, "read-only mode: nothing is changed on the server");
	} else {
		struct issue *issue = loaded_issue(app, to->id);
		if (issue && app->cfg->confirm_mutations)
			confirm_one(app, c, issue);
		else if (issue)
			run(app, c, &issue, 1);
		else
			app_status(app, STATUS_ERROR,
			           "nothing was sent: %s is no longer loaded; open it and try again",
			           to->short_id ? to->short_id : "the issue");
	}
	if (to)
		pending_target_clear(to);
}

/* Archive menu, assign picker */

static void simple(struct app *app, enum change_kind kind)
{
	struct change c = { .kind = kind };
	app_triage(app, &c);
}

static void assign_me(struct app *app)
{
	struct people *p = &app->people;
	if (!p->me.user_id) {
		app->want_assign_me = true;
		pending_target_remember(app, &p->pending_me_target);
		people_load_me(p);
		app_status(app, STATUS_INFO, "finding out who you are…");
		return;
	}
	struct change c = { .kind = CHANGE_UNASSIGN };
	change_set_assignee(&c, "user", p->me.user_id, p->me.name, p->me.email);
	app_triage_on(app, &c, &p->pending_me_target);
	change_free(&c);
}

void app_people_changed(struct app *app)
{
	assign_pending_arrived(app);
	if (app->want_assign_me && app->people.me.user_id) {
		app->want_assign_me = false;
		assign_me(app);
	} else if (app->want_assign_me && !app->people.me_loading && app->people.error) {
		app->want_assign_me = false;
		pending_target_clear(&app->people.pending_me_target);
		app_status(app, STATUS_ERROR, "%s", app->people.error);
	}
	app_touch(app);
}

bool app_triage_request(struct app *app, enum request req)
{
	struct strbuf err = STRBUF_INIT;
	size_t n;
	bool batch;
	struct issue **issues;
	switch (req) {
	case REQ_RESOLVE: simple(app, CHANGE_RESOLVE); break;
	case REQ_UNRESOLVE: simple(app, CHANGE_UNRESOLVE); break;
	case REQ_REVIEWED: simple(app, CHANGE_MARK_REVIEWED); break;
	case REQ_BOOKMARK:
		/* Toggle by the first target: bookmark unless it already is. */
		issues = targets(app, &n, &batch);
		simple(app, issues && issues[0]->is_bookmarked ? CHANGE_UNBOOKMARK : CHANGE_BOOKMARK);
		free(issues);
		break;
	case REQ_ARCHIVE:
		app_push(app, view_open(app, VIEW_archive_menu, NULL));
		break;
	case REQ_ASSIGN:
		app_push(app, view_open(app, VIEW_assign_picker, NULL));
		break;
	case REQ_ASSIGN_ME:
		assign_me(app);
		break;
	case REQ_UNDO:
		if (app->cfg->confirm_mutations && !app->cfg->read_only) {
			struct strbuf q = STRBUF_INIT;
			strbuf_addf(&q, "%s%sundo the last change? y/N", app->cfg->profile ? app->cfg->profile : "",
			            app->cfg->profile ? ": " : "");
			app_confirm(app, strbuf_str(&q), NULL);
			app->confirm_undo = true;
			strbuf_free(&q);
		} else {
			undo(app);
		}
		break;
	default:
		strbuf_free(&err);
		return false;
	}
	strbuf_free(&err);
	app_touch(app);
	return true;
}

/* "30m", "2h", "24h", "1w", "90" (minutes): minutes, or -1. */
long parse_minutes(const char *s)
{
	static const struct {
		const char *unit;
		long minutes;
	} units[] = { { "", 1 }, { "m", 1 }, { "h", 60 }, { "d", 1440 }, { "w", 10080 } };
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || v <= 0 || errno)
		return -1;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		/* A count too large for its unit is refused, not wrapped ("9999999999999999w"
		 * overflowed; fuzz_options and test_triage try it). */
		if (strcmp(end, units[i].unit) == 0)
			return v <= LONG_MAX / units[i].minutes ? v * units[i].minutes : -1;
	return -1;
}

/* "100", "100/1h": count and window (0 = none). */
bool parse_count_window(const char *s, long *count, long *window)
{
	char *end;
	*count = strtol(s, &end, 10);
	*window = 0;
	if (end == s || *count <= 0)
		return false;
	while (*end == ' ')
		end++;
	if (*end == '\0')
		return true;
	if (*end != '/' && strncmp(end, "in ", 3) != 0)
		return false;
	end += *end == '/' ? 1 : 3;
	while (*end == ' ')
		end++;
	*window = parse_minutes(end);
	return *window > 0 && *window <= 10080;
}

bool app_archive_with(struct app *app, const char *args, struct strbuf *err)
{
	struct change c = { .kind = CHANGE_ARCHIVE_ESCALATING };
	long count, window;
	if (!*args || strcmp(args, "escalating") == 0) {
		c.kind = CHANGE_ARCHIVE_ESCALATING;
	} else if (strcmp(args, "forever") == 0) {
		c.kind = CHANGE_ARCHIVE_FOREVER;
	} else if (strncmp(args, "events ", 7) == 0 && parse_count_window(args + 7, &count, &window)) {
		c.kind = CHANGE_ARCHIVE_COUNT;
		c.count = count;
		c.minutes = window;
	} else if (strncmp(args, "users ", 6) == 0 && parse_count_window(args + 6, &count, &window)) {
		c.kind = CHANGE_ARCHIVE_USERS;
		c.count = count;
		c.minutes = window;
	} else if (parse_minutes(args) > 0) {
		c.kind = CHANGE_ARCHIVE_DURATION;
		c.minutes = parse_minutes(args);
	} else {
		strbuf_addf(err, "archive how? escalating (default), 30m, 2h, 24h, 1w, "
		                 "events N[/1h], users N[/1h], forever — not '%s'", args);
		return false;
	}
	app_triage(app, &c);
	return true;
}

bool app_triage_command(struct app *app, const char *name, const char *args, struct strbuf *err)
{
	if (strcmp(name, "resolve") == 0) {
		struct change c = { .kind = CHANGE_RESOLVE };
		if (strcmp(args, "next") == 0) {
			c.kind = CHANGE_RESOLVE_NEXT_RELEASE;
		} else if (*args) {
			c.kind = CHANGE_RESOLVE_IN_RELEASE;
			c.release = xstrdup(args);
		}
		app_triage(app, &c);
		change_free(&c);
		return true;
	}
	if (strcmp(name, "archive") == 0 || strcmp(name, "mute") == 0) {
		app_archive_with(app, args, err);
		return true;
	}
	if (strcmp(name, "assign") == 0 && *args) {
		if (strcmp(args, "me") == 0)
			app_triage_request(app, REQ_ASSIGN_ME);
		else
			assign_by_name(app, args, err);
		return true;
	}
	if (strcmp(name, "unassign") == 0) {
		simple(app, CHANGE_UNASSIGN);
		return true;
	}
	return false;
}
