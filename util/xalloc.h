/* Allocation that never returns NULL: on exhaustion it runs the fatal hook
 * (which restores the terminal) and aborts. Every layer may use it. */
#ifndef UTIL_XALLOC_H
#define UTIL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow *arr (of elements of size elem) so it holds at least need elements. */
void xgrow(void **arr, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
/* Copy at most n bytes of s (stops at NUL); NULL in gives NULL out. */
char *xstrndup(const char *s, size_t n);
/* xstrdup that passes NULL through. */
char *xstrdup_or_null(const char *s);

/* Called before abort() on allocation failure; main sets it to restore the terminal. */
extern void (*xalloc_fatal_hook)(void);

#endif
