/* Compact counts, ages and sparklines for the list columns (see format.h). */
#include "tui/format.h"

#include <inttypes.h>
#include <stdio.h>

/* n / d rounded to nearest, halves up (9950 / 1000 -> 10). Written so that n close
 * to UINT64_MAX cannot overflow. */
static uint64_t divide_rounded(uint64_t n, uint64_t d)
{
	uint64_t rest = n % d;
	return n / d + (rest >= d - rest ? 1 : 0);
}

/* Rules, for each unit k (1e3), M (1e6), B (1e9), T (1e12), P (1e15), E (1e18) in turn:
 *   1. Round n to tenths of the unit (halves up). Below 10.0 print "d.dU":
 *      1000 -> "1.0k", 1049 -> "1.0k", 1050 -> "1.1k", 9949 -> "9.9k".
 *   2. Otherwise round to whole units (halves up). Below 1000 print "dddU":
 *      9950 -> "10k", 99_499 -> "99k", 99_500 -> "100k", 999_499 -> "999k".
 *   3. Otherwise the value would need 4 digits: carry into the next unit instead,
 *      where it is at least 9.995 and so prints as "1.0": 999_500 -> "1.0M".
 * Below 1000 the number is printed as is. UINT64_MAX is "18E", so the result is never
 * wider than 4 cells. */
void format_count(uint64_t n, char *buf, size_t bufsz)
{
	static const char units[] = "kMBTPE";
	uint64_t unit = 1000;

	if (!buf || bufsz == 0)
		return;
	if (n < 1000) {
		snprintf(buf, bufsz, "%" PRIu64, n);
		return;
	}
	for (size_t i = 0; units[i]; i++, unit *= 1000) {
		uint64_t tenths = divide_rounded(n, unit / 10);
		if (tenths < 100) {
			snprintf(buf, bufsz, "%" PRIu64 ".%" PRIu64 "%c", tenths / 10, tenths % 10,
				 units[i]);
			return;
		}
		uint64_t whole = divide_rounded(n, unit);
		if (whole < 1000 || units[i + 1] == '\0') {
			snprintf(buf, bufsz, "%" PRIu64 "%c", whole, units[i]);
			return;
		}
	}
}

#define MINUTE (60u)
#define HOUR   (60u * MINUTE)
#define DAY    (24u * HOUR)
#define WEEK   (7u * DAY)
#define MONTH  (30u * DAY)  /* a calendar-free month: ages are approximate anyway */
#define YEAR   (365u * DAY)
#define MAX_YEARS 999       /* keeps "999y" within 4 cells for absurd timestamps */

/* Rules (age = now - then, in seconds; every step truncates, so "59m" lasts until the
 * full hour, as a clock would):
 *   then == 0            "-"  (unknown)
 *   age < 10 (or future) "now"
 *   age < 1 min          "10s".."59s"
 *   age < 1 hour         "1m".."59m"
 *   age < 1 day          "1h".."23h"
 *   age < 1 week         "1d".."6d"
 *   age < 8 weeks        "1w".."7w"
 *   age < 2 years        "1mo".."24mo" (a month is 30 days, a year 365 days)
 *   otherwise            "2y".."999y" (capped) */
void format_age(time_t then, time_t now, char *buf, size_t bufsz)
{
	static const struct {
		uint64_t below; /* this step applies to ages under this many seconds */
		uint64_t unit;
		const char *suffix;
	} steps[] = {
		{ MINUTE, 1, "s" },
		{ HOUR, MINUTE, "m" },
		{ DAY, HOUR, "h" },
		{ WEEK, DAY, "d" },
		{ 8 * (uint64_t)WEEK, DAY * 7, "w" },
		{ 2 * (uint64_t)YEAR, MONTH, "mo" },
		{ UINT64_MAX, YEAR, "y" },
	};

	if (!buf || bufsz == 0)
		return;
	if (then == 0) {
		snprintf(buf, bufsz, "-");
		return;
	}
	if (then >= now) {
		snprintf(buf, bufsz, "now");
		return;
	}
	/* The true difference of two time_t with now > then fits in uintmax_t, and unsigned
	 * subtraction gives it exactly even when the signed one would overflow. */
	uint64_t age = (uint64_t)((uintmax_t)(intmax_t)now - (uintmax_t)(intmax_t)then);
	if (age < 10) {
		snprintf(buf, bufsz, "now");
		return;
	}
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if (age < steps[i].below || steps[i].below == UINT64_MAX) {
			uint64_t value = age / steps[i].unit;
			if (value > MAX_YEARS)
				value = MAX_YEARS; /* only the year step can get here */
			snprintf(buf, bufsz, "%" PRIu64 "%s", value, steps[i].suffix);
			return;
		}
	}
}

/* Resampling n buckets onto w cells (cells and buckets numbered from 0, oldest first):
 *   cell i covers buckets [lo, hi) with lo = floor(i*n/w), hi = floor((i+1)*n/w),
 *   and hi = lo + 1 when that range would be empty.
 * With n >= w the ranges partition the buckets, so every event is counted exactly once
 * (24 buckets on 12 cells: cell i = buckets 2i and 2i+1). With n < w a bucket is spread
 * over one or more adjacent cells, each showing that bucket's value (24 buckets on 30
 * cells: buckets 0, 4, 8, 12, 16 and 20 get two cells). Either way the newest bucket
 * ends in the last cell.
 *
 * Heights: a cell with no events is ' '. Otherwise its rate is its sum divided by the
 * number of buckets it covers (so with 14 days on 12 cells the two cells that hold 2 days
 * are not drawn twice as tall as their neighbours), and its level is
 * ceil(8 * rate / highest rate), 1..8, drawn as U+2581..U+2588: the busiest cell is "█",
 * exactly half of it "▄", and any non-zero cell is at least "▁". */
struct cell {
	uint64_t sum;   /* events in the cell */
	size_t buckets; /* how many buckets it covers */
};

static struct cell resample(const uint32_t *counts, size_t n, size_t cells, size_t i)
{
	/* floor(i*n/cells), written so that i*n cannot overflow. */
	size_t lo = i * (n / cells) + i * (n % cells) / cells;
	size_t hi = (i + 1) * (n / cells) + (i + 1) * (n % cells) / cells;
	if (hi == lo)
		hi = lo + 1;
	struct cell c = { 0, hi - lo };
	for (size_t b = lo; b < hi; b++)
		c.sum += counts[b];
	return c;
}

char *format_sparkline(const uint32_t *counts, size_t n, int width, char *buf, size_t bufsz)
{
	if (!buf || bufsz == 0)
		return buf;
	size_t cells = width > 0 ? (size_t)width : 0;
	size_t pos = 0;

	if (!counts)
		n = 0;
	struct cell busiest = { 0, 1 };
	for (size_t i = 0; n > 0 && i < cells; i++) {
		struct cell c = resample(counts, n, cells, i);
		/* c.sum / c.buckets > busiest.sum / busiest.buckets, without dividing */
		if ((double)c.sum * (double)busiest.buckets > (double)busiest.sum * (double)c.buckets)
			busiest = c;
	}
	for (size_t i = 0; i < cells; i++) {
		struct cell c = n > 0 ? resample(counts, n, cells, i) : (struct cell){ 0, 1 };
		if (c.sum == 0) {
			if (pos + 1 >= bufsz)
				break;
			buf[pos++] = ' ';
			continue;
		}
		/* 8 * rate / highest rate as one division of two integer products, which are
		 * exact in a double for any realistic count: an exact 4/8 gives exactly 4.0,
		 * and ceil() is done by hand to avoid libm. */
		double scaled = 8.0 * (double)c.sum * (double)busiest.buckets /
				((double)c.buckets * (double)busiest.sum);
		int level = (int)scaled;
		if (level < scaled)
			level++;
		if (level < 1)
			level = 1;
		if (level > 8)
			level = 8;
		if (pos + 3 >= bufsz)
			break;
		/* U+2580 + level in UTF-8: E2 96 80+level */
		buf[pos++] = (char)0xE2;
		buf[pos++] = (char)0x96;
		buf[pos++] = (char)(0x80 + level);
	}
	buf[pos] = '\0';
	return buf;
}
