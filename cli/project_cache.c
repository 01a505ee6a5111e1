/* Project ids by slug between runs (see project_cache.h). */
#include "cli/project_cache.h"

#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cache_file.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define HEADER "sentry-tui-projects 1"

/* $XDG_CACHE_HOME/sentry-tui/projects-HASH of the server and organization. NULL when
 * there is no home. */
static char *cache_path(const struct config *cfg, bool create_dir)
{
	uint64_t key = cache_key_add(CACHE_KEY_START, cfg->url);
	key = cache_key_add(key, cfg->org);
	return cache_file_path("projects", key, create_dir);
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

void project_cache_ids_free(char **ids, size_t n)
{
	for (size_t i = 0; ids && i < n; i++)
		free(ids[i]);
	free(ids);
}

char **project_cache_lookup(const struct config *cfg)
{
	if (!cfg->nprojects)
		return NULL;
	char *path = cache_path(cfg, false);
	FILE *f = path ? fopen(path, "r") : NULL;
	free(path);
	if (!f)
		return NULL;
	char **ids = xcalloc(cfg->nprojects, sizeof(*ids));
	size_t found = 0;
	long long at;
	char line[512];
	bool fresh = fscanf(f, HEADER " %lld\n", &at) == 1 && at <= (long long)time(NULL) &&
	             (long long)time(NULL) - at < PROJECT_CACHE_TTL_S;
	while (fresh && fgets(line, sizeof(line), f)) {
		char *tab = strchr(line, '\t'), *end = strchr(line, '\n');
		if (!tab || !end)
			continue; /* not a line this file writes: ignored */
		*tab = *end = '\0';
		const char *id = line, *slug = tab + 1;
		if (!all_digits(id))
			continue;
		for (size_t i = 0; i < cfg->nprojects; i++) {
			if (!ids[i] && strcmp(cfg->projects[i], slug) == 0) {
				ids[i] = xstrdup(id);
				found++;
			}
		}
	}
	fclose(f);
	if (!fresh || found < cfg->nprojects) {
		project_cache_ids_free(ids, cfg->nprojects);
		return NULL;
	}
	return ids;
}

void project_cache_store(const struct config *cfg, const struct project_store *ps)
{
	char *path = cache_path(cfg, true);
	struct cache_write w;
	FILE *f = cache_file_begin(path, &w);
	if (f) {
		fprintf(f, HEADER " %lld\n", (long long)time(NULL));
		for (size_t i = 0; i < ps->n; i++) {
			const struct project *p = &ps->items[i];
			if (p->id && p->slug && all_digits(p->id) && !strpbrk(p->slug, "\t\n"))
				fprintf(f, "%s\t%s\n", p->id, p->slug);
		}
		cache_file_commit(f, path, &w);
	}
	free(path);
}

void project_cache_forget(const struct config *cfg)
{
	char *path = cache_path(cfg, false);
	if (path)
		unlink(path);
	free(path);
}
