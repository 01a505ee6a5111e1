/* Reading the Sentry fixtures in unit tests (linked into every tests/unit binary).
 * Paths are relative to $SENTRY_TUI_FIXTURES, default "tests/fixtures/sentry" from the
 * repository root, e.g. "api/oss-sentry.event.python_zero_division.json". */
#ifndef TESTS_UNIT_SUPPORT_FIXTURE_H
#define TESTS_UNIT_SUPPORT_FIXTURE_H

#include <stddef.h>

/* The fixtures directory. */
const char *fixture_dir(void);
/* The file's bytes (malloc'd, NUL-terminated), or NULL when it cannot be read. */
char *fixture_try_read(const char *rel, size_t *len);
/* Like fixture_try_read, but a missing file fails the running cmocka test. */
char *fixture_read(const char *rel, size_t *len);

#endif
