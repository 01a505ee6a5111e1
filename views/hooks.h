/* Key commands from the config (util/hook_template.h): run one for the issue under the
 * cursor or on screen. "!cmd" runs without blocking and its first line of output comes
 * back in the status line; "!!cmd" suspends the screen, shows its output in $PAGER (or
 * less), then comes back. The child never gets the token. */
#ifndef VIEWS_HOOKS_H
#define VIEWS_HOOKS_H

struct app;

void app_run_hook(struct app *app, const char *command);

#endif
