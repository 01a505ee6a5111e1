/* Triage from keys and `:` commands (see triage_actions.c). */
#ifndef VIEWS_TRIAGE_ACTIONS_H
#define VIEWS_TRIAGE_ACTIONS_H

#include <stdbool.h>

#include "api/triage.h"
#include "views/app.h"

/* Make c an ASSIGN to this actor (owned copies; change_free releases them). */
void change_set_assignee(struct change *c, const char *type, const char *id, const char *name,
                         const char *email);
/* Apply c to the marked issues (after a y/N confirmation) or to the one on screen. */
void app_triage(struct app *app, const struct change *c);
/* Remember the issue on screen as where an action that waits for the server goes (no
 * issue when the marked ones are the targets). */
void pending_target_remember(struct app *app, struct pending_target *to);
/* Apply c to the remembered issue if it is still loaded (then forget it), else as
 * app_triage does. */
void app_triage_on(struct app *app, const struct change *c, struct pending_target *to);
/* The confirmation was answered y. */
void app_confirmed(struct app *app);
/* r u m a A b v z; false if req is not a triage request. */
bool app_triage_request(struct app *app, enum request req);
/* :resolve [next|VERSION], :archive …, :assign NAME|me|#team|none, :unassign. */
bool app_triage_command(struct app *app, const char *name, const char *args, struct strbuf *err);
/* :archive's argument forms (also used by the archive menu's prompts). */
bool app_archive_with(struct app *app, const char *args, struct strbuf *err);
bool parse_count_window(const char *s, long *count, long *window);
/* "30", "30m", "2h", "1d", "1w": minutes (> 0), or -1 for anything else. */
long parse_minutes(const char *s);
/* Members/teams/me finished loading. */
void app_people_changed(struct app *app);
/* Assign to the member or team whose name, email, username or #slug is name. */
void assign_by_name(struct app *app, const char *name, struct strbuf *err);
/* Members and teams changed: carry out an `:assign NAME` typed while they were loading. */
void assign_pending_arrived(struct app *app);

#endif
