/* The auth token's special handling: running token_command, wiping freed copies, and
 * warning about files that expose a token to other users. */
#ifndef CONFIG_TOKEN_H
#define CONFIG_TOKEN_H

#include <sys/types.h>

#include "config/report.h"

/* How long token_command may run (a password manager waiting for a passphrase that
 * cannot come, a hung network lookup) before it is killed with its process group. */
#define CONFIG_TOKEN_COMMAND_TIMEOUT_MS 10000

/* Run command with /bin/sh -c in its own process group (stdin /dev/null, stderr passed
 * through, SENTRY_AUTH_TOKEN removed from its environment) and return the first line of
 * its stdout, trimmed, as a malloc'd token. On failure, or when it has not finished
 * within timeout_ms (it is then killed), report at where (naming the command and its
 * exit status, never its output) and return NULL. The token is never put in an argv or
 * the environment. */
char *config_token_from_command(const char *command, const char *where, int timeout_ms,
                                struct config_report *report);

/* Warn when a file holding a token can be read by group or others (mode & 077). */
void config_token_check_file_mode(const char *path, mode_t mode, struct config_report *report);

/* Lower this process's core file limit to 0 (children inherit it but may raise it
 * again): a core dump would hold the token, in memory from start to exit. Call before
 * the token is read. */
void config_token_no_core_dumps(void);

/* free() that first overwrites the string, so the token does not linger in the heap. */
void config_secret_free(char *secret);

#endif
