/* Named files of the cache folder (see cache_file.h). */
#include "cli/cache_file.h"

#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

uint64_t cache_key_add(uint64_t key, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		key ^= *p;
		key *= 1099511628211ULL;
	}
	return (key ^ 0xff) * 1099511628211ULL;
}

char *cache_file_path(const char *name, uint64_t key, bool create_dir)
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
	strbuf_addf(&dir, "/%s-%016" PRIx64, name, key);
	return strbuf_detach(&dir);
}

FILE *cache_file_begin(const char *path, struct cache_write *w)
{
	w->tmp = NULL;
	if (!path)
		return NULL;
	char *tmp = xmalloc(strlen(path) + 32);
	sprintf(tmp, "%s.%ld", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
	if (!f) {
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return NULL;
	}
	w->tmp = tmp;
	return f;
}

void cache_file_commit(FILE *f, const char *path, struct cache_write *w)
{
	if (fclose(f) == 0)
		rename(w->tmp, path);
	else
		unlink(w->tmp);
	free(w->tmp);
	w->tmp = NULL;
}
