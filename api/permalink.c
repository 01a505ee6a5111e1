/* Issue references and links (see permalink.h). Links are taken apart with curl's URL
 * API, the same parser that builds our requests. */
#include "api/permalink.h"

#include <ctype.h>
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/xalloc.h"

#define MAX_SEGMENTS 16
#define MAX_ID_LEN   64

static const char accepted[] =
	"expected a short id (BACKEND-4B), an issue id (4500000002), PROJECT:EVENT_ID, "
	"or an issue, event or trace link";

void issue_ref_free(struct issue_ref *ref)
{
	if (!ref)
		return;
	free(ref->issue);
	free(ref->event);
	free(ref->project);
	free(ref->trace);
	memset(ref, 0, sizeof(*ref));
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

bool issue_ref_is_short_id(const char *text)
{
	const char *dash = strrchr(text, '-');
	if (!dash || dash == text || !dash[1] || strlen(text) > MAX_ID_LEN)
		return false;
	for (const char *p = dash + 1; *p; p++)
		if (!isalnum((unsigned char)*p))
			return false;
	/* A project slug: letters, digits, "-" and "_", not all digits (Sentry refuses
	 * numeric slugs, and "12-3" is more likely a typo than a short id). */
	bool letter = false;
	for (const char *p = text; p < dash; p++) {
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
			return false;
		letter = letter || isalpha((unsigned char)*p);
	}
	return letter && isalnum((unsigned char)text[0]);
}

static char *upper(const char *s)
{
	char *out = xstrdup(s);
	for (char *p = out; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return out;
}

/* A bare id: numeric or short. */
static bool parse_id(const char *id, struct issue_ref *out)
{
	if (all_digits(id) && strlen(id) <= 20) {
		out->kind = ISSUE_REF_NUMERIC;
		out->issue = xstrdup(id);
		return true;
	}
	if (issue_ref_is_short_id(id)) {
		out->kind = ISSUE_REF_SHORT_ID;
		out->issue = upper(id);
		return true;
	}
	return false;
}

/* 32 hex digits, or a UUID with dashes, or a name the server resolves. */
static bool is_event_id(const char *s)
{
	if (strcmp(s, "latest") == 0 || strcmp(s, "oldest") == 0 || strcmp(s, "recommended") == 0)
		return true;
	size_t len = strlen(s), hex = 0;
	for (const char *p = s; *p; p++) {
		if (isxdigit((unsigned char)*p))
			hex++;
		else if (*p != '-')
			return false;
	}
	return hex == 32 && (len == 32 || len == 36);
}

/* A fixed 32-hex (or dashed UUID) event or trace id, not a name like "latest". */
static bool is_hex_id(const char *s)
{
	return strcmp(s, "latest") != 0 && strcmp(s, "oldest") != 0 &&
	       strcmp(s, "recommended") != 0 && is_event_id(s);
}

static bool is_project_slug(const char *s, size_t len)
{
	if (len == 0 || len > MAX_ID_LEN)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_' && s[i] != '.')
			return false;
	return true;
}

/* "backend:1b5604…": an event of a project, as Sentry's Discover and performance
 * pages name one (and as the org-scoped event route takes it). */
static bool parse_project_event(const char *text, struct issue_ref *out)
{
	const char *colon = strchr(text, ':');
	if (!colon || !is_project_slug(text, (size_t)(colon - text)) || !is_hex_id(colon + 1))
		return false;
	out->kind = ISSUE_REF_EVENT;
	out->project = xstrndup(text, (size_t)(colon - text));
	out->event = xstrdup(colon + 1);
	return true;
}

/* The pages of one transaction or trace, after the org part of the path:
 *   performance/{project}:{event}/  discover/{project}:{event}/
 *   projects/{project}/events/{event}/
 *   …/trace/{trace_id}/  (performance/trace, explore/traces/trace, traces/trace …) */
static bool parse_event_path(char **segs, size_t n, struct issue_ref *out)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (strcmp(segs[i], "trace") == 0 && is_hex_id(segs[i + 1])) {
			out->kind = ISSUE_REF_TRACE;
			out->trace = xstrdup(segs[i + 1]);
			return true;
		}
	}
	if (n >= 2 && (strcmp(segs[0], "performance") == 0 || strcmp(segs[0], "discover") == 0))
		return parse_project_event(segs[1], out);
	if (n >= 4 && strcmp(segs[0], "projects") == 0 && strcmp(segs[2], "events") == 0 &&
	    is_hex_id(segs[3]) && is_project_slug(segs[1], strlen(segs[1]))) {
		out->kind = ISSUE_REF_EVENT;
		out->project = xstrdup(segs[1]);
		out->event = xstrdup(segs[3]);
		return true;
	}
	return false;
}

/* Chat apps wrap links: Slack as <url|label>, others in quotes or angle brackets. */
static char *unwrap(const char *text)
{
	while (isspace((unsigned char)*text))
		text++;
	size_t len = strlen(text);
	while (len > 0 && isspace((unsigned char)text[len - 1]))
		len--;
	if (len >= 2 && ((text[0] == '<' && text[len - 1] == '>') ||
	                 (text[0] == '"' && text[len - 1] == '"') ||
	                 (text[0] == '\'' && text[len - 1] == '\''))) {
		text++;
		len -= 2;
	}
	char *out = xstrndup(text, len);
	char *bar = strchr(out, '|');
	if (bar && strchr(out, '/'))
		*bar = '\0';
	return out;
}

static bool has_scheme(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

/* "acme.sentry.io/issues/1/": a host before the first slash. */
static bool looks_like_link(const char *s)
{
	size_t first = strcspn(s, "/");
	return s[first] == '/' && first > 0 && memchr(s, '.', first) != NULL;
}

struct parsed_url {
	char *host, *port, *path;
	bool explicit_port;
};

static void parsed_free(struct parsed_url *p)
{
	curl_free(p->host);
	curl_free(p->port);
	curl_free(p->path);
}

static bool parse_url(const char *text, struct parsed_url *out, unsigned path_flags)
{
	memset(out, 0, sizeof(*out));
	CURLU *u = curl_url();
	if (!u)
		return false;
	bool ok = curl_url_set(u, CURLUPART_URL, text, 0) == CURLUE_OK &&
	          curl_url_get(u, CURLUPART_HOST, &out->host, 0) == CURLUE_OK &&
	          curl_url_get(u, CURLUPART_PORT, &out->port, CURLU_DEFAULT_PORT) == CURLUE_OK &&
	          curl_url_get(u, CURLUPART_PATH, &out->path, path_flags) == CURLUE_OK;
	char *given = NULL;
	out->explicit_port = ok && curl_url_get(u, CURLUPART_PORT, &given, 0) == CURLUE_OK;
	curl_free(given);
	curl_url_cleanup(u);
	if (ok)
		for (char *p = out->host; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	else
		parsed_free(out);
	return ok;
}

/* sentry.io's region hosts: a link to acme.sentry.io is for an org served by
 * us.sentry.io or de.sentry.io. */
static const char *region_parent(const char *host)
{
	if (strlen(host) == 12 && isalpha((unsigned char)host[0]) &&
	    isalpha((unsigned char)host[1]) && strcmp(host + 2, ".sentry.io") == 0)
		return host + 3;
	return NULL;
}

/* The org named by "org.domain" when domain is the server's; NULL if the label is not
 * a plain subdomain. */
static char *org_subdomain(const char *link_host, const char *domain)
{
	size_t lh = strlen(link_host), dl = strlen(domain);
	if (lh <= dl + 1 || link_host[lh - dl - 1] != '.' || strcmp(link_host + lh - dl, domain) != 0)
		return NULL;
	char *label = xstrndup(link_host, lh - dl - 1);
	if (strchr(label, '.')) {
		free(label);
		return NULL;
	}
	return label;
}

/* Split a path into its non-empty segments (in place). */
static size_t split_path(char *path, char **segs)
{
	size_t n = 0;
	char *save = NULL;
	for (char *tok = strtok_r(path, "/", &save); tok && n < MAX_SEGMENTS;
	     tok = strtok_r(NULL, "/", &save))
		segs[n++] = tok;
	return n;
}

/* The configured base's path without trailing slashes or "/api/0": a Sentry served
 * under a prefix ("https://x.example/sentry") has its links under it too. */
static size_t base_prefix_len(const char *path)
{
	size_t len = strlen(path);
	while (len > 0 && path[len - 1] == '/')
		len--;
	if (len >= 6 && memcmp(path + len - 6, "/api/0", 6) == 0)
		len -= 6;
	while (len > 0 && path[len - 1] == '/')
		len--;
	return len;
}

static bool parse_link(const char *link, const char *base_url, const char *org,
                       struct issue_ref *out, struct strbuf *err)
{
	struct parsed_url l, b;
	if (!parse_url(link, &l, CURLU_URLDECODE)) {
		strbuf_addf(err, "cannot read '%s' as a link; %s", link, accepted);
		return false;
	}
	if (!parse_url(base_url, &b, 0)) {
		parsed_free(&l);
		strbuf_addf(err, "the configured server URL '%s' is not a valid URL", base_url);
		return false;
	}
	bool ok = false;
	char *link_org = NULL;
	char *segs[MAX_SEGMENTS];
	size_t n = 0;

	/* The host: the server's own, or an org subdomain of it. */
	if (strcmp(l.host, b.host) != 0) {
		link_org = org_subdomain(l.host, b.host);
		if (!link_org && region_parent(b.host))
			link_org = org_subdomain(l.host, region_parent(b.host));
		if (!link_org) {
			strbuf_addf(err, "that link is for %s, not for the server sentry-tui is using (%s)",
			            l.host, b.host);
			goto out;
		}
	}
	/* Ports matter when one side names one: a link's scheme may differ from the
	 * configured one behind a proxy, and its default port with it. */
	if ((l.explicit_port || b.explicit_port) && strcmp(l.port, b.port) != 0) {
		strbuf_addf(err, "that link is for %s port %s, not for the server sentry-tui is "
		                 "using (%s port %s)", l.host, l.port, b.host, b.port);
		goto out;
	}
	size_t prefix = base_prefix_len(b.path);
	if (strncmp(l.path, b.path, prefix) != 0 || (l.path[prefix] != '/' && l.path[prefix])) {
		strbuf_addf(err, "that link is not under the server's path (%.*s)", (int)prefix, b.path);
		goto out;
	}
	n = split_path(l.path + prefix, segs);

	/* Where the issue id is: after "issues" in one of the known layouts. */
	size_t at = 0;
	const char *path_org = NULL;
	if (n >= 1 && strcmp(segs[0], "share") == 0) {
		strbuf_adds(err, "shared issue links are not supported (they carry no issue id): "
		                 "paste the issue's own link or its short id");
		goto out;
	}
	if (n >= 4 && strcmp(segs[0], "organizations") == 0 && strcmp(segs[2], "issues") == 0) {
		path_org = segs[1];            /* /organizations/{org}/issues/{id}/ */
		at = 3;
	} else if (n >= 3 && strcmp(segs[0], "organizations") == 0 && strcmp(segs[2], "share") == 0) {
		strbuf_adds(err, "shared issue links are not supported (they carry no issue id): "
		                 "paste the issue's own link or its short id");
		goto out;
	} else if (n >= 2 && strcmp(segs[0], "issues") == 0) {
		at = 1;                        /* {org}.sentry.io/issues/{id}/ */
	} else if (n >= 4 && strcmp(segs[2], "issues") == 0) {
		path_org = segs[0];            /* older Sentry: /{org}/{project}/issues/{id}/ */
		at = 3;
	} else if (n >= 3 && strcmp(segs[1], "issues") == 0) {
		/* GlitchTip: /{slug}/issues/{id}; its docs and code disagree on whether the slug
		 * is the org's or the project's, so it is not checked against the org. */
		at = 2;
	} else {
		bool org_path = n >= 2 && strcmp(segs[0], "organizations") == 0;
		if (!parse_event_path(segs + (org_path ? 2 : 0), n - (org_path ? 2 : 0), out)) {
			strbuf_adds(err, "that link is not an issue, event or trace link (expected "
			                 "…/issues/ID/, …/issues/ID/events/EVENT/, …/PROJECT:EVENT/ or "
			                 "…/trace/TRACE_ID/)");
			goto out;
		}
		path_org = org_path ? segs[1] : NULL;
		at = n;  /* no issue id to read */
	}
	if (path_org && link_org && strcasecmp(path_org, link_org) != 0) {
		strbuf_addf(err, "that link names two organizations ('%s' and '%s')", link_org,
		            path_org);
		goto out;
	}
	const char *named = path_org ? path_org : link_org;
	if (named && strcasecmp(named, org) != 0) {
		strbuf_addf(err, "that link is for organization '%s', and sentry-tui is showing "
		                 "'%s' (start it with --org %s)", named, org, named);
		goto out;
	}
	if (at == n) { /* a transaction or a trace */
		ok = true;
		goto out;
	}
	if (!parse_id(segs[at], out)) {
		strbuf_addf(err, "'%s' in that link is not an issue id or short id", segs[at]);
		goto out;
	}
	/* …/events/{event}/ opens that event; other tabs (activity, tags, events list)
	 * open the issue. */
	if (at + 2 < n && strcmp(segs[at + 1], "events") == 0) {
		if (!is_event_id(segs[at + 2])) {
			issue_ref_free(out);
			strbuf_addf(err, "'%s' in that link is not an event id", segs[at + 2]);
			goto out;
		}
		out->event = xstrdup(segs[at + 2]);
	}
	ok = true;
out:
	if (!ok)
		issue_ref_free(out);
	free(link_org);
	parsed_free(&l);
	parsed_free(&b);
	return ok;
}

bool issue_ref_parse(const char *text, const char *base_url, const char *org,
                     struct issue_ref *out, struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	char *input = unwrap(text ? text : "");
	bool ok = false;
	if (!*input) {
		strbuf_adds(err, accepted);
	} else if (has_scheme(input)) {
		ok = parse_link(input, base_url, org, out, err);
	} else if (looks_like_link(input)) {
		/* Without a scheme: the server's own. */
		struct strbuf full = STRBUF_INIT;
		strbuf_addf(&full, "%s%s",
		            base_url && strncasecmp(base_url, "http://", 7) == 0 ? "http://" : "https://",
		            input);
		ok = parse_link(strbuf_str(&full), base_url, org, out, err);
		strbuf_free(&full);
	} else if (parse_id(input, out) || parse_project_event(input, out)) {
		ok = true;
	} else {
		strbuf_addf(err, "'%s' is not an issue: %s", input, accepted);
	}
	free(input);
	return ok;
}
