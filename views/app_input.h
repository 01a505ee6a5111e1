/* Loop hooks for the app (see tui/loop.h). */
#ifndef VIEWS_APP_INPUT_H
#define VIEWS_APP_INPUT_H

#include <stdbool.h>

#include "views/app.h"

void app_on_input(void *app);
void app_on_signal(void *app, int signo);
void app_on_redraw(void *app);
int app_wait_hint(void *app);
bool app_should_quit(void *app);

#endif
