/* Interned strings for values that repeat across thousands of rows (a level, a
 * project's slug, an assignee's name): one copy of each, kept for the life of the
 * process, instead of a heap copy per row (about 32 bytes of allocation each).
 *
 * A model that holds an interned string never frees it: strpool_release frees what
 * the pool does not own and leaves the rest. The pool is capped; past the cap a value
 * stays the caller's own heap copy, so nothing grows without bound. */
#ifndef UTIL_STRPOOL_H
#define UTIL_STRPOOL_H

#include <stdbool.h>

/* Hand over a heap string (NULL allowed): the pool's copy of it (s is freed), or s
 * itself when the pool is full. Free the result only with strpool_release. */
char *strpool_take(char *s);
/* Whether p points into the pool. */
bool strpool_owns(const void *p);
/* free(p) unless the pool owns it. */
void strpool_release(void *p);
/* Drop the whole pool (tests; every interned pointer becomes invalid). */
void strpool_reset(void);

#endif
