/* Timestamp parsing and the pinnable wall clock (see timeutil.h). */
#include "util/timeutil.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool pinned;
static time_t pinned_at;

static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* Days since the epoch for a proleptic Gregorian date (no timegm: it is not C11). */
static long long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool time_parse_iso8601(const char *s, time_t *out)
{
	int y, mo, d, h, mi, se;
	if (!s || strlen(s) < 19)
		return false;
	if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-' ||
	    !digits(s + 8, 2, &d) || (s[10] != 'T' && s[10] != ' ') || !digits(s + 11, 2, &h) ||
	    s[13] != ':' || !digits(s + 14, 2, &mi) || s[16] != ':' || !digits(s + 17, 2, &se))
		return false;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
		return false;
	const char *p = s + 19;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return false;
		while (isdigit((unsigned char)*p))
			p++;
	}
	long offset = 0;
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1, oh, om;
		p++;
		if (!digits(p, 2, &oh))
			return false;
		p += 2;
		if (*p == ':')
			p++;
		if (!digits(p, 2, &om))
			return false;
		p += 2;
		offset = sign * (oh * 3600L + om * 60L);
	}
	/* A bare timestamp without zone is taken as UTC, as Sentry means it. */
	if (*p != '\0')
		return false;
	long long t = days_from_civil(y, mo, d) * 86400LL + h * 3600LL + mi * 60LL + se - offset;
	*out = (time_t)t;
	return true;
}

bool time_pin(const char *spec)
{
	time_t t;
	if (!spec || !*spec)
		return false;
	if (time_parse_iso8601(spec, &t)) {
		pinned = true;
		pinned_at = t;
		return true;
	}
	char *end;
	long long v = strtoll(spec, &end, 10);
	if (*end != '\0' || v < 0)
		return false;
	pinned = true;
	pinned_at = (time_t)v;
	return true;
}

time_t time_now(void)
{
	return pinned ? pinned_at : time(NULL);
}

long long time_mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long long time_mono_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}
