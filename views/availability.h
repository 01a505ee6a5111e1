/* Which actions this server supports (api/server_caps.h). What it lacks is absent from
 * the keys, the help and the hints, and asking for it by name says why, instead of a
 * change the server would silently drop being shown as done. */
#ifndef VIEWS_AVAILABILITY_H
#define VIEWS_AVAILABILITY_H

#include <stdbool.h>

#include "tui/request.h"

struct app;

bool app_request_available(const struct app *app, enum request req);
/* NULL when req is available; else why not ("GlitchTip has no assignees"). */
const char *app_request_unavailable(const struct app *app, enum request req);
/* The same for a `:` command with its arguments (":resolve next", ":assign me"). */
const char *app_command_unavailable(const struct app *app, const char *name, const char *args);

#endif
