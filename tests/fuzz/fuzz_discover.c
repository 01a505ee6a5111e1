/* libFuzzer target for the events endpoint's transaction rows (api/decode_discover.c):
 * one body decoded as the spans dataset and as the transactions dataset. Besides
 * crashes and leaks it aborts when a promise of discover.h breaks: a string over its
 * cap, a duration that is neither a finite non-negative number nor -1, an id in the
 * wrong slot for the dataset, rows on a failed decode or a failure without a reason.
 *   clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fsanitize=fuzzer,address,undefined -I. \
 *       tests/fuzz/fuzz_discover.c api/decode_discover.c api/decode.c api/decode_repair.c \
 *       api/json_util.c api/model.c util/hex.c util/xalloc.c util/strbuf.c util/timeutil.c \
 *       -ljansson -lm -o fuzz_discover
 * Seed it from real shapes, with an empty corpus folder first (libFuzzer writes there):
 *   mkdir -p /tmp/discover-corpus && ./fuzz_discover /tmp/discover-corpus tests/fixtures/sentry/api */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/discover.h"
#include "api/model.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_string(const char *s, size_t cap)
{
	if (s && strlen(s) > cap)
		abort();
}

static void check_row(const struct transaction_row *r, enum discover_dataset ds)
{
	/* A spans row names its span (Enter opens the trace on it), a transactions row its
	 * event (Enter opens that event): never the other. */
	if (ds == DISCOVER_SPANS ? r->event_id != NULL : r->span_id != NULL)
		abort();
	check_string(r->event_id, MODEL_MAX_ID);
	check_string(r->span_id, MODEL_MAX_ID);
	check_string(r->name, MODEL_MAX_TITLE);
	check_string(r->op, MODEL_MAX_FIELD);
	check_string(r->status, MODEL_MAX_FIELD);
	check_string(r->project, MODEL_MAX_ID);
	check_string(r->trace, MODEL_MAX_ID);
	if (r->duration_ms != -1 && !(isfinite(r->duration_ms) && r->duration_ms >= 0))
		abort();
}

static void decode_as(const char *body, size_t len, enum discover_dataset ds)
{
	struct transaction_row *rows = NULL;
	size_t n = 0;
	struct strbuf err = STRBUF_INIT;
	bool ok = decode_transaction_rows(body, len, ds, &rows, &n, &err);
	if (!ok && (rows || n || !*strbuf_str(&err)))
		abort();
	if (n && !rows)
		abort();
	for (size_t i = 0; i < n; i++)
		check_row(&rows[i], ds);
	transaction_rows_free(rows, n);
	strbuf_free(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	decode_as((const char *)data, size, DISCOVER_SPANS);
	decode_as((const char *)data, size, DISCOVER_TRANSACTIONS);
	return 0;
}
