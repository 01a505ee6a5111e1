/* The YAML config file (schema: sentry-tui.yml.example), read with libyaml's document
 * API. Every problem is reported as file:line:col and reading goes on after it, so the
 * user sees all of them at once. */
#ifndef CONFIG_YAML_H
#define CONFIG_YAML_H

#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"
#include "config/layer.h"
#include "config/report.h"

/* Deeper collections are refused before the file is loaded. The schema needs four
 * levels (profiles.NAME.projects[]); the rest is room for mistakes to be reported. */
#define CONFIG_YAML_MAX_DEPTH 64

struct config_profile {
	char *name;
	char *where;                /* file:line:col of its name */
	struct config_layer layer;  /* url, org, projects, token/token_command, ca_bundle */
};

struct config_yaml {
	struct config_layer top;    /* top-level keys */
	struct config_profile *profiles; /* in file order */
	size_t nprofiles;
	struct config_binding *bindings;
	size_t nbindings;
	/* Set by the caller before reading: checks each binding (see struct config_env). */
	bool (*bind)(const char *request, const char *key_spec, struct strbuf *err);
	bool (*bind_hook)(const char *scope, const char *key_spec, const char *command,
	                  struct strbuf *err);
};

enum config_yaml_status {
	CONFIG_YAML_MISSING,  /* no file at a default location: fine */
	CONFIG_YAML_READ,     /* read (possibly with errors reported) */
	CONFIG_YAML_UNREADABLE,
};

/* Read the file at path. given_by names what asked for it ("--config",
 * "SENTRY_TUI_CONFIG"), in which case it must exist; NULL for the default location. */
enum config_yaml_status config_yaml_read(const char *path, const char *given_by,
                                         struct config_yaml *yaml, struct config_report *report);

/* Parse text as the file path. Returns whether it holds a token (for the mode warning). */
bool config_yaml_parse(const char *path, const char *text, size_t len, struct config_yaml *yaml,
                       struct config_report *report);

/* The profile called name, or NULL. */
const struct config_profile *config_yaml_profile(const struct config_yaml *yaml,
                                                 const char *name);

void config_yaml_free(struct config_yaml *yaml);

#endif
