/* Switching profiles at run time (`:profile NAME`, the picker): see profile_picker.c. */
#ifndef VIEWS_PROFILE_PICKER_H
#define VIEWS_PROFILE_PICKER_H

#include <stdbool.h>

#include "util/strbuf.h"

struct app;

/* Ask main to end this profile's session and start NAME's (app->switch_profile, and
 * the loop stops). False with why in err: no such profile, or changes still in flight. */
bool app_switch_profile(struct app *app, const char *name, struct strbuf *err);

#endif
