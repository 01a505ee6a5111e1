/* Constructors of the views (one file each). */
#ifndef VIEWS_VIEWS_H
#define VIEWS_VIEWS_H

#include "api/model.h"
#include "store/span_source.h"
#include "views/view.h"

struct app;

/* The issue stream: the first screen. */
struct view *issues_view_new(struct app *app);
/* The stream's store changed: keep the cursor on the same issue across reloads. */
void issues_view_store_changed(struct view *v);
/* One issue (placeholder until the issue screen lands). Copies what it needs. */
struct view *issue_view_new(struct app *app, const struct issue *issue);
/* The same on a given event (an id, latest, oldest; NULL = the recommended one). */
struct view *issue_view_new_at(struct app *app, const struct issue *issue, const char *event);
/* Show another event on an open issue screen. */
void issue_view_show_event(struct view *issue_view, const char *event_id);
/* The issue's events, to pick one for the issue screen below it. */
struct issue_detail_store;
struct view *events_view_new(struct app *app, struct issue_detail_store *store,
                             struct view *issue_view);
/* A transaction's spans as a waterfall, from a span source (owned by the view; a
 * borrowed source such as the issue screen's store must outlive it). */
struct span_source;
struct view *waterfall_view_new(struct app *app, struct span_source src);
/* The same, shown inside another view (the issue screen's Spans section): q is left
 * to the host, except to close a span's detail. */
struct view *waterfall_view_inner(struct app *app, struct span_source src);
/* The waterfall of one transaction event (project slug, 32-hex event id). */
struct view *waterfall_view_for_event(struct app *app, const char *project, const char *event_id);
/* The waterfall of a whole trace; focus_span_id / focus_event_id (either may be NULL) is
 * put under the cursor and marked. */
struct view *waterfall_view_for_trace(struct app *app, const char *trace_id,
                                      const char *focus_span_id, const char *focus_event_id);
/* The archive menu: until escalating (default), for a time, until N events/users, forever. */
struct view *archive_menu_new(struct app *app);
/* The assign picker: members and teams filtered as you type. */
struct view *assign_picker_new(struct app *app);
/* Key help generated from the request table and the live keymap. */
struct view *help_view_new(struct app *app, const char *scope);

#endif
