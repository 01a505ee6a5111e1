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

/* Start argv with stdin from /dev/null and stdout and stderr into an unlinked temporary
 * file; *pid and *output (the file, to read once the child is done) are set. The caller
 * polls spawn_done. False when it could not start. */
bool spawn_capture(char *const argv[], const char *token, int *pid, int *output);
/* For a child of spawn_capture: true once it exited (*status its exit status, or -1). */
bool spawn_done(int pid, int *status);
/* Up to size-1 bytes of the file from its start, NUL-terminated; the file is closed. */
void spawn_read_output(int output, char *buf, size_t size);

/* Wait for a child of spawn_capture (the caller has suspended the screen). */
int spawn_wait_pid(int pid);
/* Run pager (argv, e.g. {"less", NULL}) on the terminal with the file as its stdin,
 * and wait for it. */
int spawn_pager(char *const argv[], int input, const char *token);

/* True for a variable the child must not see (its name or its value gives the token). */
bool spawn_variable_is_secret(const char *entry, const char *token);

#endif
