/* y, Y and o: copy what the view is about (OSC 52, a clipboard command) and open its
 * link in a browser, or, over SSH without a display, say so and copy the link. */
#ifndef VIEWS_LINK_ACTIONS_H
#define VIEWS_LINK_ACTIONS_H

#include <stdbool.h>

#include "api/model.h"
#include "tui/request.h"
#include "util/strbuf.h"

struct app;

/* Handle REQ_YANK, REQ_YANK_PERMALINK, REQ_OPEN_LINK; false for any other request. */
bool app_link_request(struct app *app, enum request req);
/* Put text on the clipboard the config names and say so ("copied WHAT: text"). */
void app_copy_text(struct app *app, const char *what, const char *text);
/* The issue's web link: its permalink, else one built from the server and id. */
void app_issue_link(const struct app *app, const struct issue *issue, struct strbuf *out);

#endif
