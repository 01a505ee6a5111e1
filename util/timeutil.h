/* Wall-clock and timestamp helpers shared by the API decoders and the UI.
 * The clock can be pinned (SENTRY_TUI_NOW) so tests see stable ages. */
#ifndef UTIL_TIMEUTIL_H
#define UTIL_TIMEUTIL_H

#include <stdbool.h>
#include <time.h>

/* Parse ISO-8601 as Sentry sends it ("2018-11-06T21:19:55Z", optional fraction of any
 * length, "Z" or "+hh:mm"/"-hhmm" offset). Returns false (and leaves *out) on anything else. */
bool time_parse_iso8601(const char *s, time_t *out);

/* Pin the wall clock: "2026-11-20T12:00:00Z" or epoch seconds. False if unparseable. */
bool time_pin(const char *spec);
/* The (possibly pinned) wall clock. */
time_t time_now(void);
/* Monotonic milliseconds, never pinned: for timers, retries and timeouts. */
long long time_mono_ms(void);
/* The same clock in microseconds (ordering test dumps against a server's log). */
long long time_mono_us(void);

#endif
