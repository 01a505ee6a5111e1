/* Files of the cache folder ($XDG_CACHE_HOME/sentry-tui, else ~/.cache/sentry-tui) named
 * by a hash of what they belong to (server, organization, query…), so that no URL or
 * query text appears in a file name. Used by `status` and `list --project`. */
#ifndef SENTRY_TUI_CLI_CACHE_FILE_H
#define SENTRY_TUI_CLI_CACHE_FILE_H

#include <stdbool.h>
#include <stdint.h>

/* The hash's start; add each field with cache_key_add. */
#define CACHE_KEY_START 14695981039346656037ULL

/* FNV-1a of s (NULL as ""), then a separator, so that "ab","c" and "a","bc" differ. */
uint64_t cache_key_add(uint64_t key, const char *s);

/* "DIR/NAME-KEY" (KEY in 16 hex digits), the folder made (0700) when create_dir; NULL
 * when there is no home to put it in. The caller frees it. */
char *cache_file_path(const char *name, uint64_t key, bool create_dir);

#endif
