/* libFuzzer target for the JSON decoders: any body a server or a proxy may send.
 *   clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fsanitize=fuzzer,address,undefined -I. \
 *       tests/fuzz/fuzz_decode.c api/decode.c api/decode_repair.c util/hex.c api/json_util.c api/model.c util/xalloc.c util/strbuf.c \
 *       util/timeutil.c -ljansson -o fuzz_decode
 * Seed it from real shapes, with an empty corpus folder first (libFuzzer writes there):
 *   mkdir -p /tmp/decode-corpus && ./fuzz_decode /tmp/decode-corpus tests/fixtures/sentry/api */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/model.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_string(const char *s, size_t cap)
{
	if (s && strlen(s) > cap)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Bodies are not NUL-terminated on the wire; an exact-size copy makes ASan catch
	 * any read past len. */
	char *body = malloc(size ? size : 1);
	if (!body)
		return 0;
	memcpy(body, data, size);

	struct issue **issues;
	size_t n, skipped;
	struct strbuf err = STRBUF_INIT;
	if (decode_issue_list(body, size, &issues, &n, &skipped, &err)) {
		for (size_t i = 0; i < n; i++) {
			const struct issue *is = issues[i];
			/* The caps are what keep drawing fast on hostile data. */
			if (!is->id || !is->id[0])
				abort();
			check_string(is->id, MODEL_MAX_ID);
			check_string(is->title, MODEL_MAX_TITLE);
			check_string(is->culprit, MODEL_MAX_FIELD);
			if (is->nstats > MODEL_MAX_STATS || (is->nstats && !is->stats))
				abort();
		}
		issue_list_free(issues, n);
	} else if (err.len == 0) {
		abort(); /* a failure always says why */
	}
	strbuf_free(&err);

	struct project *projects;
	if (decode_project_list(body, size, &projects, &n, NULL))
		project_list_free(projects, n);

	struct strbuf detail = STRBUF_INIT;
	if (decode_error_detail(body, size, &detail) && detail.len > MODEL_MAX_FIELD)
		abort();
	strbuf_free(&detail);

	free(body);
	return 0;
}
