/* The issue screen. For now a summary of the selected issue from the stream (the full
 * screen with stack traces, breadcrumbs, tags and contexts replaces it next). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/format.h"
#include "util/timeutil.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/views.h"

struct issue_view {
	struct view view;
	char *lines[16][2];  /* label, value (value may be server text) */
	size_t n;
	char *short_id;
};

static void add(struct issue_view *iv, const char *label, const char *value)
{
	if (iv->n < sizeof(iv->lines) / sizeof(iv->lines[0])) {
		iv->lines[iv->n][0] = xstrdup(label);
		iv->lines[iv->n][1] = xstrdup(value ? value : "-");
		iv->n++;
	}
}

static size_t lines(struct view *v)
{
	return ((struct issue_view *)v)->n;
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	struct issue_view *iv = (struct issue_view *)v;
	draw_pad(row, ROLE_DEFAULT, 1);
	draw_field(row, ROLE_HEADER, iv->lines[lineno][0], 12, ALIGN_LEFT);
	draw_text(row, ROLE_DEFAULT, iv->lines[lineno][1]);
}

static bool request(struct view *v, enum request req)
{
	if (req == REQ_BACK) {
		app_pop(v->app);
		return true;
	}
	return false;
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	struct issue_view *iv = (struct issue_view *)v;
	strbuf_addf(left, "%s › %s", v->app->target.org, iv->short_id);
	strbuf_adds(right, "q: back to the stream");
}

static void close_view(struct view *v)
{
	struct issue_view *iv = (struct issue_view *)v;
	for (size_t i = 0; i < iv->n; i++) {
		free(iv->lines[i][0]);
		free(iv->lines[i][1]);
	}
	free(iv->short_id);
	free(iv);
}

static const struct view_ops issue_ops = {
	.name = "issue",
	.lines = lines,
	.draw_line = draw_line,
	.request = request,
	.title = title,
	.close = close_view,
};

struct view *issue_view_new(struct app *app, const struct issue *i)
{
	struct issue_view *iv = xcalloc(1, sizeof(*iv));
	char buf[64], age[16];
	iv->view.ops = &issue_ops;
	iv->view.app = app;
	iv->short_id = xstrdup(i->short_id ? i->short_id : i->id);
	add(iv, "Title", i->title);
	add(iv, "Culprit", i->culprit);
	add(iv, "Level", i->level_name ? i->level_name : issue_level_name(i->level));
	snprintf(buf, sizeof(buf), "%s%s%s", i->status ? i->status : "-",
	         i->substatus ? " / " : "", i->substatus ? i->substatus : "");
	add(iv, "Status", buf);
	format_count(i->count, buf, sizeof(buf));
	add(iv, "Events", buf);
	snprintf(buf, sizeof(buf), "%lld", i->user_count);
	add(iv, "Users", buf);
	format_age(i->first_seen, time_now(), age, sizeof(age));
	add(iv, "First seen", age);
	format_age(i->last_seen, time_now(), age, sizeof(age));
	add(iv, "Last seen", age);
	add(iv, "Project", i->project_slug);
	add(iv, "Assignee", i->assigned_to ? (i->assigned_to->name ? i->assigned_to->name
	                                                         : i->assigned_to->id)
	                                   : "unassigned");
	add(iv, "Priority", i->priority);
	add(iv, "Link", i->permalink);
	add(iv, "", "");
	add(iv, "", "Stack trace, breadcrumbs, tags and context arrive with the issue screen.");
	return &iv->view;
}
