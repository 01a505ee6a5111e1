/* Pure formatting of numbers, ages and sparklines for the list columns.
 * No ncurses here: results are UTF-8 strings that the draw layer shows. */
#ifndef TUI_FORMAT_H
#define TUI_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* Compact counts: 0..999 as is, then "1.2k", "12k", "123k", "1.2M", "3.4B", "5.6T"
 * (then P and E: UINT64_MAX is "18E"). Rounded half up; one decimal below 10 of a unit,
 * none at or above; never wider than 4 cells: what would round to 1000 of a unit carries
 * into the next (999_500 -> "1.0M", not "1000k"). Writes into buf (at least 8 bytes). */
void format_count(uint64_t n, char *buf, size_t bufsz);

/* Age of `then` relative to `now`, as Sentry users read it: "now" (<10s), "45s", "5m",
 * "3h", "2d", "3w" (< 8 weeks), "4mo" (< 2 years), "2y" (capped at "999y"); each unit is
 * truncated, a month is 30 days and a year 365. Future times show "now".
 * then == 0 (unknown) gives "-". Never wider than 4 cells. */
void format_age(time_t then, time_t now, char *buf, size_t bufsz);

/* A sparkline of exactly `width` cells from n bucket counts (oldest first).
 * Buckets are resampled to the width (buckets that share a cell are summed; the most
 * recent bucket ends in the right-most cell). Cells with zero events are ' '; any
 * non-zero cell scales against the maximum to U+2581..U+2588 ("▁".."█"), at least "▁".
 * With n == 0, width spaces. Writes UTF-8 into buf (needs 3*width+1 bytes); returns buf. */
char *format_sparkline(const uint32_t *counts, size_t n, int width, char *buf, size_t bufsz);

#endif
