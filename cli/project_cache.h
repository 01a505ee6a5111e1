/* The organization's project ids by slug, remembered between runs of `sentry-tui list`,
 * so that `--project SLUG` asks for the issues at once (one round trip) instead of the
 * projects first. Sentry's issue list takes numeric project ids only (docs/sentry-api.md
 * §3.1); the per-project endpoint that takes a slug cannot filter by period.
 *
 * $XDG_CACHE_HOME/sentry-tui/projects-HASH, one per server and organization, mode 0600:
 * "ID<TAB>SLUG" lines, no token. An entry is trusted for PROJECT_CACHE_TTL_S; the caller
 * forgets the file (and asks the server) when an answer shows that an id is stale. */
#ifndef CLI_PROJECT_CACHE_H
#define CLI_PROJECT_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"
#include "store/projects.h"

#define PROJECT_CACHE_TTL_S (24 * 3600)

/* The ids of cfg's project slugs, in their order (a malloc'd array of malloc'd strings,
 * free with project_cache_ids_free), when a fresh cache has every one of them; else
 * NULL. */
char **project_cache_lookup(const struct config *cfg);
void project_cache_ids_free(char **ids, size_t n);
/* Remember every project of ps (loaded) for cfg's server and organization. */
void project_cache_store(const struct config *cfg, const struct project_store *ps);
/* Drop the file: its ids are not to be trusted any more. */
void project_cache_forget(const struct config *cfg);

#endif
