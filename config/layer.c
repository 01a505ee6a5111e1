/* Stacking the settings of several sources (see layer.h). */
#include "config/layer.h"

#include <stdlib.h>

#include "config/token.h"
#include "util/xalloc.h"

static void clear_value(struct config_layer *layer, enum config_option_id id)
{
	if (id == OPT_TOKEN)
		config_secret_free(layer->text[id]);
	else
		free(layer->text[id]);
	free(layer->where[id]);
	layer->text[id] = NULL;
	layer->where[id] = NULL;
}

static void clear_projects(struct config_layer *layer)
{
	for (size_t i = 0; i < layer->nprojects; i++)
		free(layer->projects[i]);
	free(layer->projects);
	layer->projects = NULL;
	layer->nprojects = 0;
	layer->has_projects = false;
	clear_value(layer, OPT_PROJECTS);
}

void config_layer_set(struct config_layer *layer, enum config_option_id id, char *text,
                      const char *where)
{
	clear_value(layer, id);
	layer->text[id] = text;
	layer->where[id] = xstrdup(where);
	layer->from[id] = layer->origin;
}

void config_layer_set_projects(struct config_layer *layer, char **list, size_t n,
                               const char *where)
{
	clear_projects(layer);
	layer->projects = list;
	layer->nprojects = n;
	layer->has_projects = true;
	layer->where[OPT_PROJECTS] = xstrdup(where);
	layer->from[OPT_PROJECTS] = layer->origin;
}

void config_layer_set_token_source(struct config_layer *layer, const char *source)
{
	free(layer->token_source);
	layer->token_source = xstrdup(source);
}

bool config_layer_has(const struct config_layer *layer, enum config_option_id id)
{
	return id == OPT_PROJECTS ? layer->has_projects : layer->text[id] != NULL;
}

static void copy_value(struct config_layer *below, const struct config_layer *above,
                       enum config_option_id id)
{
	clear_value(below, id);
	below->text[id] = xstrdup_or_null(above->text[id]);
	below->where[id] = xstrdup_or_null(above->where[id]);
	below->from[id] = above->from[id];
}

void config_layer_overlay(struct config_layer *below, const struct config_layer *above)
{
	for (size_t i = 0; i < OPT_COUNT; i++) {
		enum config_option_id id = (enum config_option_id)i;
		if (id == OPT_PROJECTS || id == OPT_TOKEN || id == OPT_TOKEN_COMMAND)
			continue;
		if (above->text[id])
			copy_value(below, above, id);
	}
	if (above->has_projects) {
		char **list = xcalloc(above->nprojects, sizeof *list);
		for (size_t i = 0; i < above->nprojects; i++)
			list[i] = xstrdup(above->projects[i]);
		clear_projects(below);
		below->projects = list;
		below->nprojects = above->nprojects;
		below->has_projects = true;
		below->where[OPT_PROJECTS] = xstrdup_or_null(above->where[OPT_PROJECTS]);
		below->from[OPT_PROJECTS] = above->from[OPT_PROJECTS];
	}
	if (above->text[OPT_TOKEN] || above->text[OPT_TOKEN_COMMAND]) {
		copy_value(below, above, OPT_TOKEN);
		copy_value(below, above, OPT_TOKEN_COMMAND);
		free(below->token_source);
		below->token_source = xstrdup_or_null(above->token_source);
	}
}

void config_layer_free(struct config_layer *layer)
{
	clear_projects(layer);
	for (size_t i = 0; i < OPT_COUNT; i++)
		clear_value(layer, (enum config_option_id)i);
	free(layer->token_source);
	layer->token_source = NULL;
}
