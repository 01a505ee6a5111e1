/* Counts, ages and sparklines as the issue list shows them: every rounding edge, every
 * unit edge, and exact sparkline strings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tui/format.h"

/* ---- format_count ---- */

static void assert_count(uint64_t n, const char *want)
{
	char buf[16];
	memset(buf, 'x', sizeof buf);
	format_count(n, buf, 8);
	if (strcmp(buf, want) != 0)
		fail_msg("format_count(%llu) = \"%s\", want \"%s\"", (unsigned long long)n, buf,
			 want);
}

static void test_count_plain_below_1000(void **state)
{
	assert_count(0, "0");
	assert_count(1, "1");
	assert_count(42, "42");
	assert_count(999, "999");
}

static void test_count_thousands_rounding(void **state)
{
	assert_count(1000, "1.0k");
	assert_count(1049, "1.0k"); /* 1.049 -> 1.0 */
	assert_count(1050, "1.1k"); /* halves round up */
	assert_count(1234, "1.2k");
	assert_count(9949, "9.9k");
	assert_count(9950, "10k");  /* 9.95 rounds to 10.0: no decimal at 10 and above */
	assert_count(10000, "10k");
	assert_count(10499, "10k");
	assert_count(10500, "11k");
	assert_count(12345, "12k");
	assert_count(99499, "99k");
	assert_count(99500, "100k");
	assert_count(123456, "123k");
	assert_count(999499, "999k");
}

static void test_count_carries_instead_of_four_digits(void **state)
{
	assert_count(999500, "1.0M");   /* not "1000k" */
	assert_count(999950, "1.0M");
	assert_count(1000000, "1.0M");
	assert_count(1049999, "1.0M");
	assert_count(1050000, "1.1M");
	assert_count(9949999, "9.9M");
	assert_count(9950000, "10M");
	assert_count(999499999, "999M");
	assert_count(999500000, "1.0B");
	assert_count(3400000000u, "3.4B");
	assert_count(999499999999ull, "999B");
	assert_count(999500000000ull, "1.0T");
	assert_count(5600000000000ull, "5.6T");
	assert_count(999500000000000ull, "1.0P");
	assert_count(999500000000000000ull, "1.0E");
	assert_count(UINT64_MAX, "18E");
}

/* Parse "1.2k" back; used to check the rounding error over a sweep. */
static double count_value(const char *s)
{
	char *end;
	double v = strtod(s, &end);
	const char *units = "kMBTPE";
	const char *u = *end ? strchr(units, *end) : NULL;
	for (const char *q = units; u && q <= u; q++)
		v *= 1000;
	return v;
}

static void test_count_width_and_accuracy_sweep(void **state)
{
	/* Every value from 0 up, growing by ~0.3% per step, plus each power of ten +-1. */
	for (uint64_t n = 0; n < UINT64_MAX / 1004 * 1000; n += n / 300 + 1) {
		uint64_t probes[3] = { n, n + 1, n ? n - 1 : 0 };
		for (int i = 0; i < 3; i++) {
			char buf[8];
			format_count(probes[i], buf, sizeof buf);
			assert_true(strlen(buf) <= 4);
			double shown = count_value(buf), real = (double)probes[i];
			/* At least 2 significant digits: off by at most 5%. */
			assert_true(shown >= real * 0.95 && shown <= real * 1.05 + 0.5);
			/* "1.0x" only ever means at least 0.95 of x, never 4 digits. */
			assert_false(strlen(buf) == 4 && buf[1] >= '0' && buf[1] <= '9' &&
				     buf[2] >= '0' && buf[2] <= '9' && buf[3] >= '0' && buf[3] <= '9');
		}
	}
}

static void test_count_small_buffer_is_terminated(void **state)
{
	char buf[4] = "zzz";
	format_count(123456, buf, 3);
	assert_string_equal(buf, "12");
	format_count(5, buf, 0); /* nothing written, nothing read */
	assert_string_equal(buf, "12");
}

/* ---- format_age ---- */

#define NOW ((time_t)1800000000) /* 2027-01-15 */
#define MIN 60
#define HOUR (60 * MIN)
#define DAY (24 * HOUR)
#define WEEK (7 * DAY)

static void assert_age(time_t age, const char *want)
{
	char buf[16];
	format_age(NOW - age, NOW, buf, sizeof buf);
	if (strcmp(buf, want) != 0)
		fail_msg("age %lld s = \"%s\", want \"%s\"", (long long)age, buf, want);
	assert_true(strlen(buf) <= 4);
}

static void test_age_unknown_and_now(void **state)
{
	char buf[8];
	format_age(0, NOW, buf, sizeof buf);
	assert_string_equal(buf, "-");
	format_age(NOW + 3600, NOW, buf, sizeof buf); /* clock skew: the future is "now" */
	assert_string_equal(buf, "now");
	assert_age(0, "now");
	assert_age(9, "now");
}

static void test_age_unit_edges(void **state)
{
	assert_age(10, "10s");
	assert_age(59, "59s");
	assert_age(MIN, "1m");
	assert_age(2 * MIN - 1, "1m"); /* truncated, like a clock */
	assert_age(HOUR - 1, "59m");
	assert_age(HOUR, "1h");
	assert_age(DAY - 1, "23h");
	assert_age(DAY, "1d");
	assert_age(WEEK - 1, "6d");
	assert_age(WEEK, "1w");
	assert_age(8 * WEEK - 1, "7w");
	assert_age(8 * WEEK, "1mo");   /* 56 days; a month is 30 days */
	assert_age(60 * DAY - 1, "1mo");
	assert_age(60 * DAY, "2mo");
	assert_age(365 * DAY, "12mo");
	assert_age(730 * DAY - 1, "24mo");
	assert_age(730 * DAY, "2y");    /* a year is 365 days */
	assert_age(1095 * DAY, "3y");
}

static void test_age_extremes_stay_narrow(void **state)
{
	char buf[8];
	format_age(1, NOW, buf, sizeof buf); /* 1970: a bogus but possible timestamp */
	assert_string_equal(buf, "57y");
	format_age(INT64_MIN + 1, INT64_MAX, buf, sizeof buf); /* no overflow, capped */
	assert_string_equal(buf, "999y");
	format_age(-100, 100, buf, sizeof buf); /* before the epoch is fine too */
	assert_string_equal(buf, "3m");
}

/* ---- format_sparkline ---- */

static void assert_spark(const uint32_t *counts, size_t n, int width, const char *want)
{
	char buf[256];
	memset(buf, 'x', sizeof buf);
	format_sparkline(counts, n, width, buf, sizeof buf);
	if (strcmp(buf, want) != 0)
		fail_msg("sparkline(n=%zu, width=%d) = \"%s\", want \"%s\"", n, width, buf, want);
}

static void test_spark_empty(void **state)
{
	static const uint32_t zeros[4] = { 0 };
	assert_spark(NULL, 0, 5, "     ");
	assert_spark(zeros, 4, 4, "    ");
	assert_spark(zeros, 4, 0, "");
	assert_spark(zeros, 4, -3, "");
}

static void test_spark_levels(void **state)
{
	static const uint32_t ramp[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8 };
	assert_spark(ramp, 9, 9, " ▁▂▃▄▅▆▇█");
	static const uint32_t tiny[] = { 1, 1000000 };
	assert_spark(tiny, 2, 2, "▁█"); /* any event shows */
	static const uint32_t half[] = { 4, 8, 5 };
	assert_spark(half, 3, 3, "▄█▅"); /* 5/8 -> level 5 */
	static const uint32_t flat[] = { 7, 7, 7 };
	assert_spark(flat, 3, 3, "███");
	static const uint32_t huge[] = { UINT32_MAX, UINT32_MAX / 2 + 1 };
	assert_spark(huge, 2, 2, "█▅"); /* a hair over half: ceil */
}

static void test_spark_24_hours_into_12_cells_sums_pairs(void **state)
{
	static const uint32_t hours[24] = {
		0, 0, 1, 0, 0, 1, 1, 1, 2, 1, 2, 2, 3, 2, 3, 3, 4, 3, 4, 4, 0, 0, 0, 8,
	};
	/* pair sums: 0 1 1 2 3 4 5 6 7 8 0 8 */
	assert_spark(hours, 24, 12, " ▁▁▂▃▄▅▆▇█ █");
}

static void test_spark_24_hours_into_30_cells_spreads(void **state)
{
	/* Cell i shows bucket floor(i*24/30): buckets 0, 4, 8, 12, 16, 20 get two cells. */
	uint32_t hours[24] = { 0 };
	hours[0] = 8;
	hours[4] = 4;
	hours[23] = 2;
	assert_spark(hours, 24, 30,
		     "██   ▄▄                      ▂");
}

static void test_spark_newest_bucket_is_rightmost(void **state)
{
	uint32_t hours[24] = { 0 };
	hours[23] = 1;
	assert_spark(hours, 24, 12, "           █");
	assert_spark(hours, 24, 7, "      █");
	assert_spark(hours, 24, 40, "                                       █");
	hours[23] = 0;
	hours[0] = 1;
	assert_spark(hours, 24, 7, "█      ");
}

static void test_spark_uneven_groups_are_not_spikes(void **state)
{
	/* 14 days into 12 cells: two cells hold 2 days. Steady traffic stays flat. */
	uint32_t days[14];
	for (int i = 0; i < 14; i++)
		days[i] = 5;
	assert_spark(days, 14, 12, "████████████");
	/* 3 buckets into 2 cells: [0] and [1,2]; rates 2 and 1. */
	static const uint32_t three[] = { 2, 1, 1 };
	assert_spark(three, 3, 2, "█▄");
}

static void test_spark_small_buffer(void **state)
{
	static const uint32_t ones[4] = { 1, 1, 1, 1 };
	char buf[7];
	format_sparkline(ones, 4, 4, buf, sizeof buf); /* room for 2 of the 4 cells */
	assert_string_equal(buf, "██");
	char exact[3 * 4 + 1];
	format_sparkline(ones, 4, 4, exact, sizeof exact);
	assert_string_equal(exact, "████");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_count_plain_below_1000),
		cmocka_unit_test(test_count_thousands_rounding),
		cmocka_unit_test(test_count_carries_instead_of_four_digits),
		cmocka_unit_test(test_count_width_and_accuracy_sweep),
		cmocka_unit_test(test_count_small_buffer_is_terminated),
		cmocka_unit_test(test_age_unknown_and_now),
		cmocka_unit_test(test_age_unit_edges),
		cmocka_unit_test(test_age_extremes_stay_narrow),
		cmocka_unit_test(test_spark_empty),
		cmocka_unit_test(test_spark_levels),
		cmocka_unit_test(test_spark_24_hours_into_12_cells_sums_pairs),
		cmocka_unit_test(test_spark_24_hours_into_30_cells_spreads),
		cmocka_unit_test(test_spark_newest_bucket_is_rightmost),
		cmocka_unit_test(test_spark_uneven_groups_are_not_spikes),
		cmocka_unit_test(test_spark_small_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
