/* Starting other programs (a browser, a clipboard command, a user's hook) without
 * blocking the loop and without handing them the auth token: argv is run directly (no
 * shell), the child's environment loses every SENTRY_*TOKEN* variable and any variable
 * holding the token's value, and it is detached (double fork: nothing to reap). */
#ifndef UTIL_SPAWN_H
#define UTIL_SPAWN_H

#include <stdbool.h>
#include <stddef.h>

/* Start argv[0] (searched in PATH) with stdin from input (NULL: /dev/null), stdout and
 * stderr to /dev/null, or, when output is set, the first line of its stdout read back
 * later with spawn_output_poll. token may be NULL. False when it could not start. */
bool spawn_detached(char *const argv[], const char *input, const char *token);

/* The same, but waits for the child (curses suspended by the caller: a pager). Returns
 * its exit status, or -1. */
int spawn_wait(char *const argv[], const char *token);

/* True for a variable the child must not see (its name or its value gives the token). */
bool spawn_variable_is_secret(const char *entry, const char *token);

#endif
