/* URL building on curl's URL API (see url.h).
 *
 * Everything from the user or the server is escaped by curl: path segments with
 * curl_easy_escape, query values with CURLU_URLENCODE. The strings handed out are
 * malloc'd copies, so callers free() them like every other string in the project. */
#include "api/url.h"

#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

/* base as a fresh handle, or NULL unless it is an absolute http(s) URL with a host. */
static CURLU *parse_base(const char *base)
{
	if (!base)
		return NULL;
	CURLU *url = curl_url();
	if (!url)
		return NULL;
	char *scheme = NULL, *host = NULL;
	bool ok = curl_url_set(url, CURLUPART_URL, base, 0) == CURLUE_OK &&
	          curl_url_get(url, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	          curl_url_get(url, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	          (strcasecmp(scheme, "http") == 0 || strcasecmp(scheme, "https") == 0) &&
	          host[0] != '\0';
	curl_free(scheme);
	curl_free(host);
	if (!ok) {
		curl_url_cleanup(url);
		return NULL;
	}
	/* A query or fragment in the configured base would otherwise ride along on every
	 * request and mix with ours. */
	curl_url_set(url, CURLUPART_QUERY, NULL, 0);
	curl_url_set(url, CURLUPART_FRAGMENT, NULL, 0);
	return url;
}

static bool add_segment(struct strbuf *path, const char *segment)
{
	/* "." and ".." are unreserved characters, so escaping leaves them alone, and curl
	 * would then resolve them and walk up the path: an org slug ".." must not turn
	 * /organizations/../issues/ into /issues/. */
	if (strcmp(segment, ".") == 0) {
		strbuf_adds(path, "%2E");
	} else if (strcmp(segment, "..") == 0) {
		strbuf_adds(path, "%2E%2E");
	} else {
		char *escaped = curl_easy_escape(NULL, segment, 0);
		if (!escaped) /* only when out of memory */
			return false;
		strbuf_adds(path, escaped);
		curl_free(escaped);
	}
	strbuf_addc(path, '/');
	return true;
}

/* The base path without trailing slashes, then "/api/0/" and the escaped segments. An
 * empty or missing segment would change which endpoint is asked (organizations//issues/),
 * so it fails the whole URL. */
static bool set_api_path(CURLU *url, const char *const *segments, size_t nsegments)
{
	for (size_t i = 0; i < nsegments; i++)
		if (!segments[i] || !segments[i][0])
			return false;
	char *base_path = NULL;
	if (curl_url_get(url, CURLUPART_PATH, &base_path, 0) != CURLUE_OK)
		return false;
	size_t len = strlen(base_path);
	while (len > 0 && base_path[len - 1] == '/')
		len--;
	/* Whoever pasted the API root ("https://sentry.io/api/0/") meant the server. */
	if (len >= 6 && memcmp(base_path + len - 6, "/api/0", 6) == 0)
		len -= 6;
	struct strbuf path = STRBUF_INIT;
	strbuf_add(&path, base_path, len);
	curl_free(base_path);
	strbuf_adds(&path, "/api/0/");
	bool ok = true;
	for (size_t i = 0; ok && i < nsegments; i++)
		ok = add_segment(&path, segments[i]);
	ok = ok && curl_url_set(url, CURLUPART_PATH, strbuf_str(&path), 0) == CURLUE_OK;
	strbuf_free(&path);
	return ok;
}

/* Appends "key=value" with the value URL-encoded (":" becomes %3A, " " becomes "+");
 * repeated keys stay in call order. */
static bool add_param(CURLU *url, const char *key, const char *value)
{
	struct strbuf pair = STRBUF_INIT;
	strbuf_addf(&pair, "%s=%s", key, value);
	bool ok = curl_url_set(url, CURLUPART_QUERY, strbuf_str(&pair),
	                       CURLU_APPENDQUERY | CURLU_URLENCODE) == CURLUE_OK;
	strbuf_free(&pair);
	return ok;
}

/* The finished URL as a malloc'd string; frees url. NULL when anything failed. */
static char *finish(CURLU *url, bool ok)
{
	char *text = NULL, *result = NULL;
	if (ok && curl_url_get(url, CURLUPART_URL, &text, 0) == CURLUE_OK)
		result = xstrdup(text);
	curl_free(text);
	curl_url_cleanup(url);
	return result;
}

char *url_api(const char *base, const char *const *segments, size_t nsegments)
{
	CURLU *url = parse_base(base);
	if (!url)
		return NULL;
	return finish(url, set_api_path(url, segments, nsegments));
}

char *url_issue_list(const char *base, const char *org, const struct issue_query *q)
{
	static const struct issue_query no_filters = { 0 };
	const char *segments[] = { "organizations", org, "issues" };
	CURLU *url = parse_base(base);
	if (!url)
		return NULL;
	if (!q)
		q = &no_filters;
	bool ok = set_api_path(url, segments, 3);
	/* Always send query: without it Sentry falls back to is:unresolved (docs/sentry-api.md §3.1). */
	ok = ok && add_param(url, "query", q->query ? q->query : "");
	/* NULL omits a parameter; "" is sent, since groupStatsPeriod= means "no stats". */
	if (q->sort)
		ok = ok && add_param(url, "sort", q->sort);
	if (q->stats_period)
		ok = ok && add_param(url, "statsPeriod", q->stats_period);
	if (q->group_stats_period)
		ok = ok && add_param(url, "groupStatsPeriod", q->group_stats_period);
	for (size_t i = 0; q->project_ids && i < q->nproject_ids; i++)
		if (q->project_ids[i] && q->project_ids[i][0])
			ok = ok && add_param(url, "project", q->project_ids[i]);
	for (size_t i = 0; q->environments && i < q->nenvironments; i++)
		if (q->environments[i])
			ok = ok && add_param(url, "environment", q->environments[i]);
	if (q->limit > 0) {
		char limit[16];
		snprintf(limit, sizeof(limit), "%d", q->limit);
		ok = ok && add_param(url, "limit", limit);
	}
	if (q->cursor && q->cursor[0])
		ok = ok && add_param(url, "cursor", q->cursor);
	if (q->expand && q->expand[0])
		ok = ok && add_param(url, "expand", q->expand);
	return finish(url, ok);
}

char *url_org_projects(const char *base, const char *org, const char *cursor)
{
	const char *segments[] = { "organizations", org, "projects" };
	CURLU *url = parse_base(base);
	if (!url)
		return NULL;
	bool ok = set_api_path(url, segments, 3) && add_param(url, "per_page", "100");
	if (cursor && cursor[0])
		ok = ok && add_param(url, "cursor", cursor);
	return finish(url, ok);
}

char *url_host(const char *url)
{
	if (!url)
		return NULL;
	CURLU *parsed = curl_url();
	if (!parsed)
		return NULL;
	char *host = NULL, *result = NULL;
	if (curl_url_set(parsed, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(parsed, CURLUPART_HOST, &host, 0) == CURLUE_OK && host[0])
		result = xstrdup(host);
	curl_free(host);
	curl_url_cleanup(parsed);
	return result;
}

char *url_api_query(const char *base, const char *const *segments, size_t nsegments,
                    const char *const *params, size_t nparams)
{
	CURLU *url = parse_base(base);
	if (!url)
		return NULL;
	bool ok = set_api_path(url, segments, nsegments);
	for (size_t i = 0; ok && i + 1 < nparams * 2; i += 2)
		if (params[i + 1])
			ok = add_param(url, params[i], params[i + 1]);
	return finish(url, ok);
}
