/* libFuzzer target for release health: one body fed to the release list, release and
 * sessions decoders. Besides crashes and leaks it aborts when a promise breaks: a
 * percentage outside 0-100 that is not "not sent" (-1), a figure below -1, a series
 * longer than its cap or than the intervals, a release without a version.
 * Built by `make fuzz-bins` (see the Makefile). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/release.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_percent(double p)
{
	if (p != -1 && !(p >= 0 && p <= 100))
		abort();
}

static void check_release(const struct release *r)
{
	if (!r->version)
		abort();
	for (size_t i = 0; i < r->nprojects; i++) {
		const struct release_health *h = &r->projects[i].health;
		check_percent(h->crash_free_sessions);
		check_percent(h->crash_free_users);
		check_percent(h->adoption);
		check_percent(h->sessions_adoption);
		if (h->total_sessions < -1 || h->total_users < -1 || h->nstats > RELEASE_MAX_STATS)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *body = (const char *)data;
	struct release *list;
	size_t n;
	if (decode_release_list(body, size, &list, &n, NULL)) {
		for (size_t i = 0; i < n; i++)
			check_release(&list[i]);
		releases_free(list, n);
	}
	struct release one;
	if (decode_release(body, size, &one, NULL)) {
		check_release(&one);
		release_free(&one);
	}
	struct session_counts s;
	if (decode_session_counts(body, size, "sum(session)", &s, NULL)) {
		if (s.nintervals > RELEASE_MAX_INTERVALS)
			abort();
		for (size_t g = 0; g < s.ngroups; g++)
			if (s.groups[g].n != s.nintervals)
				abort();
		session_counts_free(&s);
	}
	return 0;
}
