/* Watch mode's memory (see watch.h). */
#include "store/watch.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xalloc.h"

#define STATE_MAGIC "sentry-tui watch state 1"

static void entries_free(struct watch_entry **list, size_t *n)
{
	for (size_t i = 0; i < *n; i++) {
		free((*list)[i].id);
		free((*list)[i].substatus);
	}
	free(*list);
	*list = NULL;
	*n = 0;
}

static void entry_add(struct watch_entry **list, size_t *n, const char *id, time_t first_seen,
                      const char *substatus, enum watch_mark mark)
{
	size_t cap = *n;
	xgrow((void **)list, &cap, *n + 1, sizeof **list);
	(*list)[(*n)++] = (struct watch_entry){
		.id = xstrdup(id), .first_seen = first_seen,
		.substatus = substatus ? xstrdup(substatus) : NULL, .mark = mark,
	};
}

static const struct watch_entry *entry_find(const struct watch_entry *list, size_t n,
                                            const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i].id, id) == 0)
			return &list[i];
	return NULL;
}

void watch_init(struct watch *w, const char *bell, const char *state_dir)
{
	memset(w, 0, sizeof(*w));
	if (bell && strcmp(bell, "new") == 0)
		w->bell = WATCH_BELL_NEW;
	else if (bell && strcmp(bell, "escalating") == 0)
		w->bell = WATCH_BELL_ESCALATING;
	w->state_dir = state_dir ? xstrdup(state_dir) : NULL;
}

void watch_free(struct watch *w)
{
	entries_free(&w->prev, &w->nprev);
	entries_free(&w->marks, &w->nmarks);
	free(w->state_dir);
	free(w->key);
	memset(w, 0, sizeof(*w));
}

char *watch_state_dir(const char *xdg_state_home, const char *home)
{
	struct strbuf sb = STRBUF_INIT;
	if (xdg_state_home && *xdg_state_home)
		strbuf_addf(&sb, "%s/sentry-tui", xdg_state_home);
	else if (home && *home)
		strbuf_addf(&sb, "%s/.local/state/sentry-tui", home);
	else
		return NULL;
	return strbuf_detach(&sb);
}

/* FNV-1a: the file name must not carry the query's text, only tell queries apart. */
char *watch_state_path(const char *dir, const char *key)
{
	uint64_t h = 1469598103934665603ull;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
		h ^= *p;
		h *= 1099511628211ull;
	}
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "%s/watch-%016llx.state", dir, (unsigned long long)h);
	return strbuf_detach(&sb);
}

/* Only plain words go into the file: an id or substatus with blanks or controls in it
 * (hostile server text) is not one we can read back. */
static bool plain_word(const char *s)
{
	if (!s || !*s || strlen(s) > 128)
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p == 0x7f)
			return false;
	return true;
}

static void load_state(struct watch *w)
{
	if (!w->state_dir)
		return;
	char *path = watch_state_path(w->state_dir, w->key);
	FILE *f = fopen(path, "r");
	free(path);
	if (!f)
		return;
	char line[512];
	long long at = 0;
	if (!fgets(line, sizeof line, f) || strncmp(line, STATE_MAGIC, strlen(STATE_MAGIC)) != 0 ||
	    !fgets(line, sizeof line, f) || sscanf(line, "at %lld", &at) != 1) {
		fclose(f);
		return;
	}
	while (fgets(line, sizeof line, f)) {
		long long first = 0;
		char substatus[160], id[160];
		if (sscanf(line, "%lld %159s %159s", &first, substatus, id) != 3)
			continue;
		entry_add(&w->prev, &w->nprev, id, (time_t)first,
		          strcmp(substatus, "-") == 0 ? NULL : substatus, WATCH_NONE);
	}
	fclose(f);
	w->have_prev = true;
	w->prev_at = (time_t)at;
}

static bool substatus_is(const char *substatus, const char *what)
{
	return substatus && strcmp(substatus, what) == 0;
}

bool watch_bell_wanted(enum watch_bell bell, const struct issue *i, enum watch_mark mark)
{
	if (bell == WATCH_BELL_NEVER || mark == WATCH_NONE)
		return false;
	if (mark == WATCH_ESCALATING)
		return bell == WATCH_BELL_ESCALATING;
	if (mark != WATCH_NEW)
		return false;
	/* High priority: as Sentry rates it, or, when it does not say, by level. */
	if (i->priority)
		return strcmp(i->priority, "high") == 0;
	return i->level == LEVEL_FATAL || i->level == LEVEL_ERROR;
}

static enum watch_mark mark_for(const struct watch *w, const struct issue *i)
{
	const struct watch_entry *before = entry_find(w->prev, w->nprev, i->id);
	if (!before || (i->first_seen && w->prev_at && i->first_seen > w->prev_at))
		return WATCH_NEW;
	if (substatus_is(i->substatus, "escalating") && !substatus_is(before->substatus, "escalating"))
		return WATCH_ESCALATING;
	if (substatus_is(i->substatus, "regressed") && !substatus_is(before->substatus, "regressed"))
		return WATCH_REGRESSED;
	return WATCH_NONE;
}

void watch_update(struct watch *w, const char *key, struct issue *const *items, size_t n,
                  time_t now)
{
	if (!w->key || strcmp(w->key, key) != 0) {
		/* Another query: its own past, not the last query's. */
		entries_free(&w->prev, &w->nprev);
		entries_free(&w->marks, &w->nmarks);
		w->have_prev = false;
		w->prev_at = 0;
		free(w->key);
		w->key = xstrdup(key);
		load_state(w);
	}
	struct watch_entry *marks = NULL, *prev = NULL;
	size_t nmarks = 0, nprev = 0;
	for (size_t k = 0; k < n; k++) {
		const struct issue *i = items[k];
		if (!i->id)
			continue;
		enum watch_mark mark = w->have_prev ? mark_for(w, i) : WATCH_NONE;
		if (watch_bell_wanted(w->bell, i, mark))
			w->bell_pending = true;
		/* A mark not yet seen stays until the user looks. */
		const struct watch_entry *old = entry_find(w->marks, w->nmarks, i->id);
		if (mark == WATCH_NONE && old)
			mark = old->mark;
		if (mark != WATCH_NONE)
			entry_add(&marks, &nmarks, i->id, i->first_seen, NULL, mark);
		entry_add(&prev, &nprev, i->id, i->first_seen, i->substatus, WATCH_NONE);
	}
	entries_free(&w->marks, &w->nmarks);
	entries_free(&w->prev, &w->nprev);
	w->marks = marks;
	w->nmarks = nmarks;
	w->prev = prev;
	w->nprev = nprev;
	w->have_prev = true;
	w->prev_at = now;
}

void watch_seen(struct watch *w)
{
	entries_free(&w->marks, &w->nmarks);
}

enum watch_mark watch_mark_of(const struct watch *w, const char *id)
{
	const struct watch_entry *e = id ? entry_find(w->marks, w->nmarks, id) : NULL;
	return e ? e->mark : WATCH_NONE;
}

void watch_summary(const struct watch *w, struct strbuf *out)
{
	size_t count[4] = { 0 };
	for (size_t i = 0; i < w->nmarks; i++)
		count[w->marks[i].mark]++;
	static const char *const names[4] = { NULL, "new", "regressed", "escalating" };
	static const enum watch_mark order[3] = { WATCH_NEW, WATCH_ESCALATING, WATCH_REGRESSED };
	bool first = true;
	for (size_t k = 0; k < 3; k++) {
		if (!count[order[k]])
			continue;
		strbuf_addf(out, "%s%zu %s", first ? "" : ", ", count[order[k]], names[order[k]]);
		first = false;
	}
}

bool watch_take_bell(struct watch *w)
{
	bool ring = w->bell_pending;
	w->bell_pending = false;
	return ring;
}

static void make_dirs(const char *path)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	}
	mkdir(dir, 0700);
	free(dir);
}

bool watch_save(struct watch *w, struct strbuf *err)
{
	if (!w->state_dir || !w->key || !w->have_prev)
		return true;
	make_dirs(w->state_dir);
	char *path = watch_state_path(w->state_dir, w->key);
	struct strbuf tmp = STRBUF_INIT;
	strbuf_addf(&tmp, "%s.%ld.tmp", path, (long)getpid());
	bool ok = false;
	int fd = open(strbuf_str(&tmp), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		strbuf_addf(err, "cannot save the watch state in %s: %s", w->state_dir,
		            strerror(errno));
		goto out;
	}
	fchmod(fd, 0600); /* whatever the umask said */
	fprintf(f, "%s\nat %lld\n", STATE_MAGIC, (long long)w->prev_at);
	for (size_t i = 0; i < w->nprev; i++) {
		const struct watch_entry *e = &w->prev[i];
		if (!plain_word(e->id))
			continue;
		fprintf(f, "%lld %s %s\n", (long long)e->first_seen,
		        plain_word(e->substatus) ? e->substatus : "-", e->id);
	}
	ok = fclose(f) == 0;
	if (ok && rename(strbuf_str(&tmp), path) != 0)
		ok = false;
	if (!ok) {
		strbuf_addf(err, "cannot save the watch state in %s: %s", w->state_dir,
		            strerror(errno));
		unlink(strbuf_str(&tmp));
	}
out:
	strbuf_free(&tmp);
	free(path);
	return ok;
}
