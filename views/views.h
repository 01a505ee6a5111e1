/* Constructors of the views (one file each). */
#ifndef VIEWS_VIEWS_H
#define VIEWS_VIEWS_H

#include "api/model.h"
#include "views/view.h"

struct app;

/* The issue stream: the first screen. */
struct view *issues_view_new(struct app *app);
/* The stream's store changed: keep the cursor on the same issue across reloads. */
void issues_view_store_changed(struct view *v);
/* One issue (placeholder until the issue screen lands). Copies what it needs. */
struct view *issue_view_new(struct app *app, const struct issue *issue);
/* Key help generated from the request table and the live keymap. */
struct view *help_view_new(struct app *app, const char *scope);

#endif
