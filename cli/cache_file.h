/* Files of the cache folder ($XDG_CACHE_HOME/sentry-tui, else ~/.cache/sentry-tui) named
 * by a hash of what they belong to (server, organization, query…), so that no URL or
 * query text appears in a file name. Used by `status` and `list --project`. */
#ifndef SENTRY_TUI_CLI_CACHE_FILE_H
#define SENTRY_TUI_CLI_CACHE_FILE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>

/* The hash's start; add each field with cache_key_add. */
#define CACHE_KEY_START 14695981039346656037ULL

/* FNV-1a of s (NULL as ""), then a separator, so that "ab","c" and "a","bc" differ. */
uint64_t cache_key_add(uint64_t key, const char *s);

/* "DIR/NAME-KEY" (KEY in 16 hex digits), the folder made (0700) when create_dir; NULL
 * when there is no home to put it in. The caller frees it. */
char *cache_file_path(const char *name, uint64_t key, bool create_dir);

/* A new version of the file at path, written beside it (mode 0600) and put in its place
 * by cache_file_commit, so a reader never sees half a file. NULL when it cannot be made
 * (no cache then: the next run asks the server, nothing else is lost). */
struct cache_write {
	char *tmp;
};
FILE *cache_file_begin(const char *path, struct cache_write *w);
/* Closes f and replaces the file with it, or drops it when the write failed. */
void cache_file_commit(FILE *f, const char *path, struct cache_write *w);

#endif
