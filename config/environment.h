/* The SENTRY_* environment variables, as the official Sentry CLIs read them. */
#ifndef CONFIG_ENVIRONMENT_H
#define CONFIG_ENVIRONMENT_H

#include "config/config.h"
#include "config/layer.h"
#include "config/report.h"

/* The variable as the injected environment has it (real getenv when env or its
 * getenv is NULL); NULL when unset. */
const char *config_env_get(const struct config_env *env, const char *name);
/* Same, but a variable set to "" counts as unset. */
const char *config_env_get_nonempty(const struct config_env *env, const char *name);

/* Every option of the table that names a variable (SENTRY_URL, SENTRY_AUTH_TOKEN,
 * SENTRY_ORG, SENTRY_PROJECT, SENTRY_TUI_CONFIG) goes into layer (ORIGIN_ENV). A
 * variable set to the empty string counts as unset, as it does for sentry-cli. */
void config_environment_read(const struct config_env *env, struct config_layer *layer,
                             struct config_report *report);

#endif
