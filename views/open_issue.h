/* `:open` and `sentry-tui open`: open the issue a short id, numeric id or link names,
 * from the loaded stream when it is there, else after looking it up on the server; a
 * transaction (PROJECT:EVENT_ID or its link) or a trace link opens its waterfall. */
#ifndef VIEWS_OPEN_ISSUE_H
#define VIEWS_OPEN_ISSUE_H

#include <stdbool.h>

#include "util/strbuf.h"

struct app;

/* Open what text names on top of the stream (any other views are closed). False, with
 * err, when text names no issue of this server and organization; a lookup's failure
 * comes later, in the status line, where the stream's reloads do not wipe it. */
bool app_open_issue(struct app *app, const char *text, struct strbuf *err);

#endif
