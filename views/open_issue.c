/* Opening an issue by reference (see open_issue.h). */
#include "views/open_issue.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/permalink.h"
#include "views/app.h"
#include "views/view_table.h"

/* The stream row of the issue, or -1 when it is not loaded. */
static long stream_row(const struct app *app, const char *short_id, const char *id)
{
	const struct issue_stream *s = &app->stream;
	for (size_t i = 0; i < s->n; i++) {
		const struct issue *is = s->items[i];
		if ((short_id && is->short_id && strcasecmp(is->short_id, short_id) == 0) ||
		    (id && is->id && strcmp(is->id, id) == 0))
			return (long)i;
	}
	return -1;
}

/* The issue screen right on top of the stream, so q goes back to the stream, which
 * keeps the issue's row under the cursor when it has it. */
static void show(struct app *app, const struct issue *issue, const char *event)
{
	while (app->nviews > 1)
		app_pop(app);
	long row = stream_row(app, issue->short_id, issue->id);
	if (row >= 0 && app->nviews) {
		app->views[0]->cursor = (size_t)row;
		view_clamp(app->views[0]);
	}
	app_push(app, view_open(app, VIEW_issue, &(struct view_args){ .issue = issue, .event = event }));
}

static void on_found(void *ctx, const char *asked, const struct issue *found, const char *event,
                     const char *error)
{
	struct app *app = ctx;
	if (!found) {
		app_status(app, STATUS_ERROR, "cannot open %s: %s", asked, error);
		app->status_keep = true;
		return;
	}
	/* The "looking up" notice has done its job. */
	if (app->status_kind == STATUS_INFO && !app->status_is_notice) {
		free(app->status);
		app->status = NULL;
		app->status_kind = STATUS_NONE;
	}
	show(app, found, event);
}

bool app_open_issue(struct app *app, const char *text, struct strbuf *err)
{
	struct issue_ref ref;
	if (!issue_ref_parse(text, app->target.base_url, app->target.org, &ref, err))
		return false;
	/* A transaction or a trace opens its waterfall, on top of the stream. */
	if (ref.kind == ISSUE_REF_EVENT || ref.kind == ISSUE_REF_TRACE) {
		issue_lookup_cancel(&app->lookup);
		while (app->nviews > 1)
			app_pop(app);
		app_push(app, view_open(app, VIEW_waterfall, &(struct view_args){
			.project = ref.project, .event = ref.event, .trace = ref.trace }));
		issue_ref_free(&ref);
		return true;
	}
	bool numeric = ref.kind == ISSUE_REF_NUMERIC;
	long row = stream_row(app, numeric ? NULL : ref.issue, numeric ? ref.issue : NULL);
	bool ok = true;
	if (row >= 0) {
		issue_lookup_cancel(&app->lookup);
		show(app, app->stream.items[row], ref.event);
	} else {
		issue_lookup_start(&app->lookup, &app->target, &ref, on_found, app);
		if (issue_lookup_busy(&app->lookup)) {
			app_status(app, STATUS_INFO, "looking up %s…", ref.issue);
		} else {
			strbuf_addf(err, "cannot look up %s: the request could not be built", ref.issue);
			ok = false;
		}
	}
	issue_ref_free(&ref);
	return ok;
}
