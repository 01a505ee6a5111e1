/* A layer holds the settings one source gave (defaults, .sentryclirc, the YAML file or one
 * of its profiles, the environment, the flags), already checked and in normal form.
 * Layers are stacked lowest first; a value set in a higher layer hides the one below. */
#ifndef CONFIG_LAYER_H
#define CONFIG_LAYER_H

#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"
#include "config/options.h"

struct config_layer {
	enum config_origin origin;          /* of values set directly in this layer */
	char *text[OPT_COUNT];              /* NULL = not given; lists live in projects */
	char *where[OPT_COUNT];             /* message prefix of each given value */
	enum config_origin from[OPT_COUNT]; /* origin of each value (differs after overlay) */
	char **projects;                    /* OPT_PROJECTS, when has_projects */
	size_t nprojects;
	bool has_projects;                  /* an empty list is a choice: "all projects" */
	char *token_source;                 /* who gave token or token_command (no secret) */
};

/* Set one value; the layer takes text. A later set of the same option replaces it. */
void config_layer_set(struct config_layer *layer, enum config_option_id id, char *text,
                      const char *where);
/* Set the project list; the layer takes list and its strings. */
void config_layer_set_projects(struct config_layer *layer, char **list, size_t n,
                               const char *where);
/* Say who gave the token or token_command just set. */
void config_layer_set_token_source(struct config_layer *layer, const char *source);
/* Whether the option was given in this layer. */
bool config_layer_has(const struct config_layer *layer, enum config_option_id id);
/* Copy every value above gives over those in below. token and token_command are one
 * choice: giving either replaces both, so a profile's token beats a top-level command. */
void config_layer_overlay(struct config_layer *below, const struct config_layer *above);
void config_layer_free(struct config_layer *layer);

#endif
