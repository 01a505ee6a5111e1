/* `:open` and `sentry-tui open`: what each form a user pastes opens, and what a link for
 * somewhere else says. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "api/permalink.h"

#define SAAS "https://sentry.io/"
#define SELF "https://sentry.example.com"
#define EVENT_ID "546e7245ad415ab0b395b23cb90de46b"

/* Parse text against base/org "acme" and check the result (event NULL = none). */
static void opens(const char *base, const char *text, enum issue_ref_kind kind,
                  const char *issue, const char *event)
{
	struct issue_ref ref;
	struct strbuf err = STRBUF_INIT;
	bool ok = issue_ref_parse(text, base, "acme", &ref, &err);
	if (!ok)
		fail_msg("'%s' was refused: %s", text, strbuf_str(&err));
	assert_int_equal(ref.kind, kind);
	assert_string_equal(ref.issue, issue);
	if (event)
		assert_string_equal(ref.event, event);
	else
		assert_null(ref.event);
	issue_ref_free(&ref);
	strbuf_free(&err);
}

/* Parse text and check it is refused with a message containing want. */
static void refuses(const char *base, const char *text, const char *want)
{
	struct issue_ref ref;
	struct strbuf err = STRBUF_INIT;
	bool ok = issue_ref_parse(text, base, "acme", &ref, &err);
	if (ok)
		fail_msg("'%s' was accepted as %s", text, ref.issue);
	assert_null(ref.issue);
	assert_null(ref.event);
	if (!strstr(strbuf_str(&err), want))
		fail_msg("'%s': message \"%s\" does not say \"%s\"", text, strbuf_str(&err), want);
	strbuf_free(&err);
}

static void test_short_ids_in_any_case(void **state)
{
	opens(SAAS, "BACKEND-4B", ISSUE_REF_SHORT_ID, "BACKEND-4B", NULL);
	opens(SAAS, "backend-4b", ISSUE_REF_SHORT_ID, "BACKEND-4B", NULL);
	opens(SAAS, "  Backend-12C ", ISSUE_REF_SHORT_ID, "BACKEND-12C", NULL);
	/* Project slugs may hold dashes: the suffix is after the last one. */
	opens(SAAS, "pump-station-1", ISSUE_REF_SHORT_ID, "PUMP-STATION-1", NULL);
	opens(SAAS, "PERF-N1-001", ISSUE_REF_SHORT_ID, "PERF-N1-001", NULL);
}

static void test_numeric_ids(void **state)
{
	opens(SAAS, "4500000002", ISSUE_REF_NUMERIC, "4500000002", NULL);
	opens(SAAS, "1", ISSUE_REF_NUMERIC, "1", NULL);
}

static void test_not_an_issue(void **state)
{
	refuses(SAAS, "", "expected a short id (BACKEND-4B), an issue id");
	refuses(SAAS, "   ", "expected a short id");
	refuses(SAAS, "BACKEND", "'BACKEND' is not an issue");
	refuses(SAAS, "BACKEND-", "is not an issue");
	refuses(SAAS, "-4B", "is not an issue");
	refuses(SAAS, "12-34", "is not an issue");
	refuses(SAAS, "BACK END-1", "is not an issue");
	refuses(SAAS, "123456789012345678901234", "is not an issue");
}

static void test_saas_links(void **state)
{
	/* As pasted from the address bar, with the stream's query and a fragment. */
	opens(SAAS, "https://acme.sentry.io/issues/4500000002/?project=1&query=is%3Aunresolved#x",
	      ISSUE_REF_NUMERIC, "4500000002", NULL);
	opens(SAAS, "https://acme.sentry.io/issues/4500000002", ISSUE_REF_NUMERIC, "4500000002",
	      NULL);
	opens(SAAS, "https://sentry.io/organizations/acme/issues/4500000002/?referrer=slack",
	      ISSUE_REF_NUMERIC, "4500000002", NULL);
	/* The permalink field of older servers: /{org}/{project}/issues/{id}/. */
	opens(SAAS, "https://sentry.io/acme/pump-station/issues/1/", ISSUE_REF_NUMERIC, "1", NULL);
	/* Other tabs of the issue open the issue. */
	opens(SAAS, "https://acme.sentry.io/issues/4500000002/activity/", ISSUE_REF_NUMERIC,
	      "4500000002", NULL);
	opens(SAAS, "https://acme.sentry.io/issues/4500000002/events/?query=x", ISSUE_REF_NUMERIC,
	      "4500000002", NULL);
	/* A short id in a link, in any case. */
	opens(SAAS, "https://acme.sentry.io/issues/backend-4b/", ISSUE_REF_SHORT_ID, "BACKEND-4B",
	      NULL);
	/* Host and org names are not case-sensitive. */
	opens(SAAS, "HTTPS://ACME.Sentry.IO/issues/7/", ISSUE_REF_NUMERIC, "7", NULL);
	opens(SAAS, "https://sentry.io/organizations/ACME/issues/7/", ISSUE_REF_NUMERIC, "7", NULL);
}

static void test_event_links_open_that_event(void **state)
{
	opens(SAAS, "https://acme.sentry.io/issues/4500000002/events/" EVENT_ID "/?project=1",
	      ISSUE_REF_NUMERIC, "4500000002", EVENT_ID);
	opens(SELF, "https://sentry.example.com/organizations/acme/issues/4500000002/events/"
	            EVENT_ID "/", ISSUE_REF_NUMERIC, "4500000002", EVENT_ID);
	opens(SAAS, "https://acme.sentry.io/issues/9/events/546e7245-ad41-5ab0-b395-b23cb90de46b/",
	      ISSUE_REF_NUMERIC, "9", "546e7245-ad41-5ab0-b395-b23cb90de46b");
	opens(SAAS, "https://acme.sentry.io/issues/9/events/latest/", ISSUE_REF_NUMERIC, "9", "latest");
	opens(SAAS, "https://acme.sentry.io/issues/9/events/oldest/", ISSUE_REF_NUMERIC, "9", "oldest");
	/* curl resolves dot segments: this is /issues/x/. */
	refuses(SAAS, "https://acme.sentry.io/issues/9/events/../../x/", "not an issue id");
	refuses(SAAS, "https://acme.sentry.io/issues/9/events/abc123/", "'abc123' in that link is not an event id");
}

static void test_chat_wrapped_and_schemeless_links(void **state)
{
	opens(SAAS, "<https://acme.sentry.io/issues/4500000002/|BACKEND-4B>", ISSUE_REF_NUMERIC,
	      "4500000002", NULL);
	opens(SAAS, "<https://acme.sentry.io/issues/4500000002/>", ISSUE_REF_NUMERIC,
	      "4500000002", NULL);
	opens(SAAS, "\"https://acme.sentry.io/issues/4500000002/\"", ISSUE_REF_NUMERIC,
	      "4500000002", NULL);
	opens(SAAS, "acme.sentry.io/issues/4500000002/", ISSUE_REF_NUMERIC, "4500000002", NULL);
	/* Without a scheme, the server's own (here http with a port). */
	opens("http://127.0.0.1:8000/", "127.0.0.1:8000/organizations/acme/issues/5/",
	      ISSUE_REF_NUMERIC, "5", NULL);
}

static void test_self_hosted_links(void **state)
{
	opens(SELF, "https://sentry.example.com/organizations/acme/issues/42/", ISSUE_REF_NUMERIC,
	      "42", NULL);
	opens(SELF "/", "https://sentry.example.com/issues/42/", ISSUE_REF_NUMERIC, "42", NULL);
	/* An API-root base and a server under a path prefix. */
	opens(SELF "/api/0/", "https://sentry.example.com/organizations/acme/issues/42/",
	      ISSUE_REF_NUMERIC, "42", NULL);
	opens(SELF "/sentry/", "https://sentry.example.com/sentry/organizations/acme/issues/42/",
	      ISSUE_REF_NUMERIC, "42", NULL);
	refuses(SELF "/sentry", "https://sentry.example.com/organizations/acme/issues/42/",
	        "not under the server's path (/sentry)");
	/* The fake server's permalinks: http, an explicit port. */
	opens("http://127.0.0.1:41234/", "http://127.0.0.1:41234/organizations/acme/issues/4500000002/",
	      ISSUE_REF_NUMERIC, "4500000002", NULL);
	/* A port given on one side only must match the scheme's default. */
	opens(SAAS, "https://acme.sentry.io:443/issues/3/", ISSUE_REF_NUMERIC, "3", NULL);
	refuses("http://127.0.0.1:41234/", "http://127.0.0.1:9999/organizations/acme/issues/1/",
	        "port 9999");
}

static void test_glitchtip_links(void **state)
{
	opens("https://app.glitchtip.com", "https://app.glitchtip.com/acme/issues/123",
	      ISSUE_REF_NUMERIC, "123", NULL);
	opens("https://app.glitchtip.com", "https://app.glitchtip.com/acme/issues/123/events/"
	      EVENT_ID, ISSUE_REF_NUMERIC, "123", EVENT_ID);
}

static void test_region_hosts_accept_org_subdomains(void **state)
{
	opens("https://us.sentry.io", "https://acme.sentry.io/issues/4500000002/",
	      ISSUE_REF_NUMERIC, "4500000002", NULL);
	opens("https://de.sentry.io/", "https://acme.sentry.io/issues/4500000002/events/" EVENT_ID
	      "/", ISSUE_REF_NUMERIC, "4500000002", EVENT_ID);
	refuses("https://de.sentry.io/", "https://other.sentry.io/issues/4500000002/",
	        "organization 'other'");
}

static void test_other_host_or_org_says_so(void **state)
{
	refuses(SAAS, "https://github.com/acme/backend/issues/12",
	        "that link is for github.com, not for the server sentry-tui is using (sentry.io)");
	refuses(SELF, "https://acme.sentry.io/issues/4500000002/",
	        "that link is for acme.sentry.io, not for the server sentry-tui is using "
	        "(sentry.example.com)");
	refuses(SAAS, "https://globex.sentry.io/issues/4500000002/",
	        "that link is for organization 'globex', and sentry-tui is showing 'acme' "
	        "(start it with --org globex)");
	refuses(SAAS, "https://sentry.io/organizations/globex/issues/4500000002/",
	        "organization 'globex'");
	refuses(SAAS, "https://sentry.io/globex/backend/issues/1/", "organization 'globex'");
	refuses(SAAS, "https://acme.sentry.io/organizations/globex/issues/1/",
	        "two organizations ('acme' and 'globex')");
	/* A deeper subdomain is not an org. */
	refuses(SAAS, "https://a.b.sentry.io/issues/1/", "that link is for a.b.sentry.io");
	/* A look-alike host is not a subdomain. */
	refuses(SAAS, "https://evilsentry.io/issues/1/", "that link is for evilsentry.io");
}

static void test_share_and_other_pages_are_refused(void **state)
{
	refuses(SAAS, "https://acme.sentry.io/share/issue/a1b2c3d4e5f60718293a4b5c6d7e8f90/",
	        "shared issue links are not supported");
	refuses(SAAS, "https://sentry.io/organizations/acme/share/issue/a1b2c3/",
	        "shared issue links are not supported");
	refuses(SAAS, "https://acme.sentry.io/issues/?query=is%3Aunresolved",
	        "not an issue, event or trace link");
	refuses(SAAS, "https://acme.sentry.io/performance/summary/", "not an issue, event or trace link");
	refuses(SAAS, "https://acme.sentry.io/issues/latest/", "'latest' in that link is not an issue id");
	refuses(SAAS, "https://", "cannot read 'https://' as a link");
}

/* Parse text and check it names a transaction (project, event) or a trace. */
static void opens_event(const char *base, const char *text, const char *project,
                        const char *event)
{
	struct issue_ref ref;
	struct strbuf err = STRBUF_INIT;
	if (!issue_ref_parse(text, base, "acme", &ref, &err))
		fail_msg("'%s' was refused: %s", text, strbuf_str(&err));
	assert_int_equal(ref.kind, ISSUE_REF_EVENT);
	assert_null(ref.issue);
	assert_string_equal(ref.project, project);
	assert_string_equal(ref.event, event);
	issue_ref_free(&ref);
	strbuf_free(&err);
}

static void opens_trace(const char *base, const char *text, const char *trace)
{
	struct issue_ref ref;
	struct strbuf err = STRBUF_INIT;
	if (!issue_ref_parse(text, base, "acme", &ref, &err))
		fail_msg("'%s' was refused: %s", text, strbuf_str(&err));
	assert_int_equal(ref.kind, ISSUE_REF_TRACE);
	assert_null(ref.issue);
	assert_string_equal(ref.trace, trace);
	issue_ref_free(&ref);
	strbuf_free(&err);
}

#define TRACE_ID "a7d67cf796774551a95be6543cacd459"

static void test_transactions_and_traces(void **state)
{
	opens_event(SAAS, "backend:" EVENT_ID, "backend", EVENT_ID);
	opens_event(SAAS, "https://acme.sentry.io/performance/backend:" EVENT_ID "/", "backend", EVENT_ID);
	opens_event(SAAS, "https://sentry.io/organizations/acme/discover/web-app:" EVENT_ID "/?field=title",
	            "web-app", EVENT_ID);
	opens_event(SELF, "https://sentry.example.com/organizations/acme/projects/backend/events/" EVENT_ID "/",
	            "backend", EVENT_ID);
	opens_trace(SAAS, "https://acme.sentry.io/performance/trace/" TRACE_ID "/?statsPeriod=24h", TRACE_ID);
	opens_trace(SAAS, "https://acme.sentry.io/explore/traces/trace/" TRACE_ID "/", TRACE_ID);
	opens_trace(SELF, "https://sentry.example.com/organizations/acme/performance/trace/" TRACE_ID "/",
	            TRACE_ID);
	/* Names that are not a fixed event, and other orgs, are refused. */
	refuses(SAAS, "backend:latest", "is not an issue");
	refuses(SAAS, "back end:" EVENT_ID, "is not an issue");
	refuses(SAAS, "https://acme.sentry.io/performance/backend:1234/", "not an issue, event or trace link");
	refuses(SAAS, "https://sentry.io/organizations/other/performance/trace/" TRACE_ID "/",
	        "for organization 'other'");
	refuses(SAAS, "https://other.sentry.io/performance/backend:" EVENT_ID "/", "for organization 'other'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_ids_in_any_case),
		cmocka_unit_test(test_numeric_ids),
		cmocka_unit_test(test_not_an_issue),
		cmocka_unit_test(test_saas_links),
		cmocka_unit_test(test_event_links_open_that_event),
		cmocka_unit_test(test_chat_wrapped_and_schemeless_links),
		cmocka_unit_test(test_self_hosted_links),
		cmocka_unit_test(test_glitchtip_links),
		cmocka_unit_test(test_region_hosts_accept_org_subdomains),
		cmocka_unit_test(test_other_host_or_org_says_so),
		cmocka_unit_test(test_share_and_other_pages_are_refused),
		cmocka_unit_test(test_transactions_and_traces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
