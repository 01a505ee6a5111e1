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

#include "util/strbuf.h"
#include "util/xalloc.h"

#define HEADER "sentry-tui-projects 1"

static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		h ^= *p;
		h *= 1099511628211ULL;
	}
	return (h ^ 0xff) * 1099511628211ULL; /* field separator: "ab","c" != "a","bc" */
}

/* $XDG_CACHE_HOME/sentry-tui/projects-HASH of the server and organization (the hash keeps
 * the URL out of the file name). NULL when there is no home. */
static char *cache_path(const struct config *cfg, bool create_dir)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	struct strbuf dir = STRBUF_INIT;
	if (xdg && *xdg == '/')
		strbuf_addf(&dir, "%s/sentry-tui", xdg);
	else if (home && *home)
		strbuf_addf(&dir, "%s/.cache/sentry-tui", home);
	else
		return NULL;
	if (create_dir) {
		char *parent = xstrdup(strbuf_str(&dir));
		*strrchr(parent, '/') = '\0';
		mkdir(parent, 0700);
		free(parent);
		mkdir(strbuf_str(&dir), 0700);
	}
	uint64_t h = 14695981039346656037ULL;
	h = fnv1a(h, cfg->url);
	h = fnv1a(h, cfg->org);
	strbuf_addf(&dir, "/projects-%016" PRIx64, h);
	return strbuf_detach(&dir);
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
	if (!path)
		return;
	char *tmp = xmalloc(strlen(path) + 32);
	sprintf(tmp, "%s.%ld", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		free(tmp);
		free(path);
		return; /* no cache: the next run asks the server, nothing else is lost */
	}
	FILE *f = fdopen(fd, "w");
	fprintf(f, HEADER " %lld\n", (long long)time(NULL));
	for (size_t i = 0; i < ps->n; i++) {
		const struct project *p = &ps->items[i];
		if (p->id && p->slug && all_digits(p->id) && !strpbrk(p->slug, "\t\n"))
			fprintf(f, "%s\t%s\n", p->id, p->slug);
	}
	if (fclose(f) == 0)
		rename(tmp, path);
	else
		unlink(tmp);
	free(tmp);
	free(path);
}

void project_cache_forget(const struct config *cfg)
{
	char *path = cache_path(cfg, false);
	if (path)
		unlink(path);
	free(path);
}
