/* libFuzzer target for what people type or paste: `:open` text (short ids, links,
 * PROJECT:EVENT, trace links), key-command templates from the config, and the URLs built
 * from such text (an org slug, an issue id, a search query). Besides crashes and leaks
 * it aborts when a promise breaks: an accepted reference without what its kind needs, a
 * checked template that expands to no program, an argument that holds a control
 * character the template did not; a built URL whose path segments or query value do
 * not decode back to the text that went in, or that goes to another host.
 * Built by `make fuzz-bins` (see the Makefile). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "api/permalink.h"
#include "api/url.h"
#include "tests/fuzz/fuzz_check.h"
#include "util/hook_template.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *value(void *ctx, const char *field)
{
	return "v";
}

#define BASE "https://sentry.example.com/prefix/"

/* The text of part (a path segment or a query value) decoded; plus_is_space for query
 * values, where the builder writes " " as "+". Caller frees. */
static char *decoded(const char *part, size_t len, bool plus_is_space)
{
	char *copy = xstrndup(part, len);
	if (plus_is_space)
		for (char *p = copy; *p; p++)
			if (*p == '+')
				*p = ' ';
	int n = 0;
	char *raw = curl_easy_unescape(NULL, copy, 0, &n);
	FUZZ_REQUIRE(raw);
	char *out = xstrndup(raw, (size_t)n);
	FUZZ_REQUIRE(strlen(out) == (size_t)n); /* no %00 in a built URL */
	curl_free(raw);
	free(copy);
	return out;
}

/* /prefix/api/0/organizations/ORG/issues/ID/ with ORG and ID as given. */
static void check_issue_url(const char *org, const char *id)
{
	const char *segments[] = { "organizations", org, "issues", id };
	char *url = url_api(BASE, segments, 4);
	if (!url) {
		FUZZ_REQUIRE(!*org || !*id); /* only an empty segment is refused */
		return;
	}
	const char *prefix = "https://sentry.example.com/prefix/api/0/organizations/";
	FUZZ_REQUIRE(strncmp(url, prefix, strlen(prefix)) == 0);
	const char *p = url + strlen(prefix);
	for (const char *q = p; *q; q++)
		FUZZ_REQUIRE((unsigned char)*q > 0x20 && *q != 0x7f && *q != '?' && *q != '#');
	const char *slash = strchr(p, '/');
	FUZZ_REQUIRE(slash);
	char *got_org = decoded(p, (size_t)(slash - p), false);
	FUZZ_REQUIRE(strcmp(got_org, org) == 0);
	free(got_org);
	FUZZ_REQUIRE(strncmp(slash, "/issues/", 8) == 0);
	p = slash + 8;
	slash = strchr(p, '/');
	FUZZ_REQUIRE(slash && slash[1] == '\0');
	char *got_id = decoded(p, (size_t)(slash - p), false);
	FUZZ_REQUIRE(strcmp(got_id, id) == 0);
	free(got_id);
	free(url);
}

/* ?query=TEXT&sort=… : the query value decodes back to the text. */
static void check_query_url(const char *text)
{
	const struct issue_query q = { .query = text, .sort = "date", .limit = 25 };
	char *url = url_issue_list(BASE, "acme", &q);
	FUZZ_REQUIRE(url);
	const char *start = strstr(url, "?query=");
	FUZZ_REQUIRE(start && strncmp(url, "https://sentry.example.com/", 27) == 0);
	start += 7;
	const char *end = strchr(start, '&');
	FUZZ_REQUIRE(end && strncmp(end, "&sort=date&limit=25", 19) == 0 && !strchr(end + 1, '#'));
	char *got = decoded(start, (size_t)(end - start), true);
	FUZZ_REQUIRE(strcmp(got, text) == 0);
	free(got);
	free(url);
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

	/* The text as an org and, after its first NUL, as an issue id; whole as a query. */
	const char *nul = memchr(data, '\0', size);
	char *second = nul ? xstrndup(nul + 1, size - (size_t)(nul + 1 - (const char *)data))
	                   : xstrdup("4500000002");
	check_issue_url(text, second);
	free(second);
	check_query_url(text);
	free(text);
	return 0;
}
