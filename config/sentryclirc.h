/* .sentryclirc, the INI file of sentry-cli: [defaults] url, org, project and
 * [auth] token. Other sections and keys belong to sentry-cli and are ignored. */
#ifndef CONFIG_SENTRYCLIRC_H
#define CONFIG_SENTRYCLIRC_H

#include <stdbool.h>
#include <stddef.h>

#include "config/layer.h"
#include "config/report.h"

/* Read every .sentryclirc from cwd up to the root, then home's (either may be NULL), into
 * layer; for each key the nearest file wins. Problems are reported as file:line:col. */
void config_sentryclirc_read(const char *cwd, const char *home, struct config_layer *layer,
                             struct config_report *report);

/* Parse one file's text; path names it in messages and in the layer's token_source.
 * Returns whether the file holds a token, for the warning about readable files. */
bool config_sentryclirc_parse(const char *path, const char *text, size_t len,
                              struct config_layer *layer, struct config_report *report);

#endif
