/* Collecting configuration problems: every error and warning is one line,
 * "WHERE: message" or "WHERE: warning: message", where WHERE is "file:line:col" for a
 * file, a file name alone, or "sentry-tui" for flags and the environment. */
#ifndef CONFIG_REPORT_H
#define CONFIG_REPORT_H

#include <stddef.h>

#include "util/strbuf.h"

/* Prefix for problems with flags and environment variables. */
#define CONFIG_PROGRAM "sentry-tui"

/* A file gone badly wrong (the wrong path given to --config) should not bury the first
 * message under thousands. */
#define CONFIG_MAX_ERRORS_SHOWN 50

struct config_report {
	struct strbuf *errors;
	struct strbuf *warnings;
	size_t nerrors;
};

void config_error(struct config_report *report, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void config_warning(struct config_report *report, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* "file:line:col" from 0-based line and column (as libyaml counts). malloc'd. */
char *config_where(const char *file, size_t line0, size_t col0);

/* A user's value made safe to print inside double quotes: control bytes, '"' and '\'
 * are escaped, and long values are cut. Returns a pointer into buf. */
const char *config_quote(const char *value, char *buf, size_t size);
#define CONFIG_QUOTE_SIZE 96

#endif
