/* decode_transaction_spans and decode_trace_spans over real transactions (the SDK's
 * payload, the API's event with a spans entry and an occurrence, a GlitchTip envelope
 * with ISO timestamps, the org trace endpoint) and over generated and hostile bodies:
 * what a waterfall needs must come out, what cannot be placed is counted, and nothing
 * grows past its cap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "api/span.h"
#include "tests/unit/support/span_fixtures.h"
#include "util/strbuf.h"

#define assert_time(actual, expected) assert_true(fabs((actual) - (expected)) < 1e-6)

static void assert_refused(bool trace, const char *body, const char *expected_error)
{
	struct span_set s;
	struct strbuf err = STRBUF_INIT;
	bool ok = trace ? decode_trace_spans(body, strlen(body), &s, &err)
	                : decode_transaction_spans(body, strlen(body), &s, &err);
	assert_false(ok);
	assert_string_equal(strbuf_str(&err), expected_error);
	span_set_free(&s); /* zeroed on failure */
	strbuf_free(&err);
}

/* ---- real transactions ------------------------------------------------------------- */

/* A performance issue's event carries the issue's title; the waterfall names the
 * transaction (top-level "transaction", else its tag, else the evidence). */
static void assert_name(const char *body, const char *expected)
{
	struct span_set s;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_transaction_spans(body, strlen(body), &s, &err));
	assert_string_equal(s.title, expected);
	assert_string_equal(s.root.description, expected);
	span_set_free(&s);
	strbuf_free(&err);
}

static void test_transaction_name_over_issue_title(void **state)
{
	(void)state;
	assert_name("{\"title\":\"N+1 Query: SELECT %s\",\"transaction\":\"GET /a\","
	            "\"tags\":[{\"key\":\"transaction\",\"value\":\"GET /b\"}]}", "GET /a");
	assert_name("{\"title\":\"N+1 Query: SELECT %s\","
	            "\"tags\":[{\"key\":\"level\",\"value\":\"x\"},"
	            "{\"key\":\"transaction\",\"value\":\"GET /b\"}],"
	            "\"occurrence\":{\"issueTitle\":\"N+1 Query: SELECT %s\","
	            "\"evidenceData\":{\"transactionName\":\"GET /c\"}}}", "GET /b");
	assert_name("{\"title\":\"N+1 Query: SELECT %s\","
	            "\"occurrence\":{\"issueTitle\":\"N+1 Query: SELECT %s\","
	            "\"evidenceData\":{\"transactionName\":\"GET /c\"}}}", "GET /c");
	/* A title that is not the issue's is the transaction's own. */
	assert_name("{\"title\":\"GET /d\",\"tags\":[{\"key\":\"transaction\",\"value\":\"/d\"}],"
	            "\"occurrence\":{\"issueTitle\":\"N+1 Query\"}}", "GET /d");
}

static void test_python_sdk_transaction(void **state)
{
	(void)state;
	struct span_set s;
	span_fixture("ingest/sentry-sample.python-transaction.json", &s);
	assert_string_equal(s.event_id, "00043830bf0f487392d51c698d42f4f6");
	assert_string_equal(s.title, "getProductList");
	assert_string_equal(s.trace_id, "10d0b72df0fe4392a6788bce71ec2028");
	assert_false(s.from_trace);
	/* contexts.trace is the root; start_timestamp/timestamp its times */
	assert_string_equal(s.root.span_id, "1756e116945a4360");
	assert_string_equal(s.root.parent_span_id, "d71f841b69164c33");
	assert_string_equal(s.root.op, "http.server");
	assert_string_equal(s.root.status, "ok");
	assert_string_equal(s.root.description, "getProductList");
	assert_time(s.root.start, 1627579979.397719);
	assert_time(s.root.end, 1627579982.301401);
	assert_false(s.root_times_derived);

	assert_int_equal(s.nspans, 5);
	assert_int_equal(s.dropped, 0);
	const struct span *db = &s.spans[3];
	assert_string_equal(db->span_id, "b501702695634df2");
	assert_string_equal(db->parent_span_id, "65d005a5b31d4614");
	assert_string_equal(db->op, "db");
	assert_string_equal(db->description, "SELECT * FROM products");
	assert_time(db->start, 1627579980.383624);
	assert_time(db->end, 1627579982.059427);
	assert_true(db->same_process_as_parent);
	assert_false(db->end_missing);
	assert_true(db->exclusive_time_ms < 0); /* not sent */
	assert_null(s.spans[0].description);    /* none sent */
	assert_string_equal(kv_get(&s.spans[0].data, "offset"), "0");
	assert_int_equal(s.spans[0].data.n, 2);
	assert_int_equal(s.nmeasurements, 0);
	assert_false(s.has_evidence);
	span_set_free(&s);
}

static void test_api_n_plus_one_event(void **state)
{
	(void)state;
	struct span_set s;
	span_fixture("api/sentry-mcp.event.transaction-n-plus-one.json", &s);
	assert_string_equal(s.event_id, "a1b2c3d4e5f6789012345678901234567");
	assert_string_equal(s.title, "GET /api/users");
	assert_string_equal(s.root.span_id, "1234567890abcdef");
	assert_null(s.root.parent_span_id);
	assert_true(fabs(s.root.exclusive_time_ms - 250.5) < 1e-9);
	assert_string_equal(kv_get(&s.root.data, "url.path"), "/api/users");
	/* No startTimestamp/endTimestamp in this event: the spans' extent stands in. */
	assert_true(s.root_times_derived);
	assert_time(s.root.start, 1722963600.0);
	assert_time(s.root.end, 1722963600.25);

	assert_int_equal(s.nspans, 4); /* entries[{"type":"spans"}] */
	assert_string_equal(s.spans[0].span_id, "parent123");
	assert_string_equal(s.spans[0].parent_span_id, "1234567890abcdef");
	assert_string_equal(s.spans[2].description, "SELECT * FROM users WHERE id = 2");
	assert_string_equal(s.spans[2].trace_id, "abcdef1234567890abcdef1234567890");
	assert_string_equal(kv_get(&s.spans[2].data, "db.system"), "postgresql");
	assert_time(s.spans[2].start, 1722963600.02);
	assert_time(s.spans[2].end, 1722963600.025);

	assert_true(s.has_evidence);
	const struct span_evidence *ev = &s.evidence;
	assert_int_equal(ev->noffender, 3);
	assert_string_equal(ev->offender_span_ids[0], "span001");
	assert_string_equal(ev->offender_span_ids[2], "span003");
	assert_int_equal(ev->nparent, 1);
	assert_string_equal(ev->parent_span_ids[0], "parent123");
	assert_int_equal(ev->ncause, 0);
	assert_int_equal(ev->nrepeating, 3);
	assert_string_equal(ev->repeating_spans[1],
	                    "function - sentry.models.files.abstractfileblob.AbstractFileBlob.from_file");
	assert_string_equal(ev->op, "db");
	assert_string_equal(ev->issue_title, "N+1 Query: SELECT * FROM users WHERE id = %s");
	assert_string_equal(ev->subtitle, "Database query repeated 25 times");
	assert_int_equal(ev->display.n, 2);
	assert_string_equal(kv_get(&ev->display, "Offending Spans"), "SELECT * FROM users WHERE id = %s");
	assert_string_equal(kv_get(&ev->display, "Repeated"), "3 times");
	span_set_free(&s);
}

static void test_api_event_with_empty_spans(void **state)
{
	(void)state;
	struct span_set s;
	span_fixture("api/sentry-mcp.event.transaction.json", &s);
	assert_string_equal(s.title, "POST /mcp");
	assert_int_equal(s.nspans, 0); /* "data": [] is legal and kept as none */
	assert_int_equal(s.dropped, 0);
	assert_false(s.root_times_derived);
	assert_time(s.root.start, 1753897627.572);
	assert_time(s.root.end, 1753900654.265);
	assert_string_equal(s.root.status, "internal_error");
	assert_string_equal(s.root.hash, "7b635d2b22f8087a");
	assert_string_equal(s.root.span_id, "b3d79b8311435f52");
	assert_true(fabs(s.root.exclusive_time_ms - 3026693.000078) < 1e-6);
	assert_string_equal(kv_get(&s.root.data, "http.request.method"), "POST");
	assert_int_equal(s.nmeasurements, 0); /* "measurements": null */
	assert_int_equal(s.nspan_ops, 0);
	assert_false(s.has_evidence); /* "occurrence": null */
	span_set_free(&s);
}

static void test_iso_timestamps_from_glitchtip_envelope(void **state)
{
	(void)state;
	struct span_set s;
	span_envelope_fixture("ingest/envelope-as-json.transaction.django_simple.json", &s);
	assert_string_equal(s.title, "/");
	assert_null(s.root.parent_span_id); /* null */
	assert_time(s.root.start, 1609264268.458023); /* 2020-12-29T17:51:08.458023Z */
	assert_time(s.root.end, 1609264268.468108);
	assert_int_equal(s.nspans, 9);
	assert_time(s.spans[7].start, 1609264268.461004);
	assert_time(s.spans[7].end, 1609264268.461040);
	assert_string_equal(s.spans[8].op, "django.view");
	/* A 2,054-byte description is kept whole (under the cap), a boolean tag as text. */
	assert_int_equal(strlen(s.spans[0].description), 2054);
	assert_string_equal(kv_get(&s.spans[0].tags, "bad"), "true");
	span_set_free(&s);
}

static void test_org_trace_endpoint(void **state)
{
	(void)state;
	struct span_set s;
	span_trace_fixture("api/openapi.org-trace.json", &s);
	assert_true(s.from_trace);
	assert_int_equal(s.nspans, 1);
	const struct span *t = &s.spans[0];
	assert_string_equal(t->span_id, "0123456789abcdef0123456789abcdef"); /* its event_id */
	assert_null(t->parent_span_id);
	assert_true(t->trace_top_level);
	assert_true(t->is_transaction);
	assert_string_equal(t->op, "http.server");
	assert_string_equal(t->project_slug, "javascript");
	assert_string_equal(t->description, "POST /api/0/projects/{org}/{proj}/events/{event_id}/attachments/");
	assert_time(t->start, 1776277351.0);
	assert_time(t->end, 1776277351.25);
	assert_int_equal(t->nerrors, 0);
	assert_string_equal(s.title, "POST /api/0/projects/{org}/{proj}/events/{event_id}/attachments/");
	assert_string_equal(s.root.op, "trace");
	assert_true(s.root_times_derived);
	assert_time(s.root.start, 1776277351.0);
	assert_time(s.root.end, 1776277351.25);
	assert_int_equal(s.nmeasurements, 2);
	assert_string_equal(s.measurements[0].name, "measurements.frames_slow_rate");
	assert_true(fabs(s.measurements[0].value - 0.02) < 1e-12);
	span_set_free(&s);
}

/* ---- generated ---------------------------------------------------------------------- */

static void test_nested_trace_with_duration_and_errors(void **state)
{
	(void)state;
	struct span_set s;
	span_trace_json("[{\"event_id\":\"a\",\"op\":\"http.server\",\"start_timestamp\":100,"
	                "\"duration\":500,\"is_transaction\":true,\"transaction\":\"GET /\","
	                "\"children\":[{\"event_id\":\"b\",\"parent_span_id\":\"zzz\",\"op\":\"db\","
	                "\"start_timestamp\":100.1,\"end_timestamp\":100.2,"
	                "\"errors\":[{\"event_id\":\"e1\",\"title\":\"ZeroDivisionError\",\"level\":\"error\","
	                "\"issue\":\"PROJ-1\"},7],"
	                "\"children\":[{\"event_id\":\"c\",\"start_timestamp\":\"1970-01-01T00:01:40.15Z\","
	                "\"end_timestamp\":100.16}]},"
	                "{\"op\":\"no id\",\"start_timestamp\":100,\"children\":[{\"event_id\":\"d\","
	                "\"parent_span_id\":\"gone\",\"start_timestamp\":100.3,\"duration\":1}]}]},"
	                "{\"event_id\":\"x\",\"start_timestamp\":99,\"end_timestamp\":101}]",
	                &s);
	assert_int_equal(s.nspans, 5);
	assert_int_equal(s.dropped, 1); /* the node without an id; its child is kept */
	assert_string_equal(s.title, "GET /");
	assert_time(s.spans[0].end, 100.5); /* start + duration (ms) */
	/* Nesting decides the parent: b sent "zzz" but is nested in a. */
	assert_string_equal(s.spans[1].parent_span_id, "a");
	assert_false(s.spans[1].trace_top_level);
	assert_int_equal(s.spans[1].nerrors, 1); /* the 7 is skipped */
	assert_string_equal(s.spans[1].errors[0].title, "ZeroDivisionError");
	assert_string_equal(s.spans[1].errors[0].issue, "PROJ-1");
	assert_string_equal(s.spans[2].parent_span_id, "b");
	assert_time(s.spans[2].start, 100.15);
	/* d was nested in the dropped node: it keeps the parent it named. */
	assert_string_equal(s.spans[3].span_id, "d");
	assert_string_equal(s.spans[3].parent_span_id, "gone");
	assert_false(s.spans[3].trace_top_level);
	assert_time(s.spans[3].end, 100.301);
	assert_true(s.spans[4].trace_top_level);
	assert_time(s.root.start, 99);
	assert_time(s.root.end, 101);
	span_set_free(&s);
}

static void test_float_iso_and_offset_timestamps(void **state)
{
	(void)state;
	struct span_set s;
	span_json("{\"start_timestamp\":\"2020-12-29T19:51:08.5+02:00\",\"timestamp\":1609264270,"
	          "\"spans\":[{\"span_id\":\"a\",\"start_timestamp\":\"2020-12-29T17:51:08.75Z\","
	          "\"timestamp\":\"2020-12-29T12:51:09.000250-05:00\"},"
	          "{\"spanId\":\"b\",\"startTimestamp\":1609264269.5,\"endTimestamp\":1609264269.25},"
	          "{\"span_id\":\"c\",\"start_timestamp\":1609264269.5}]}",
	          &s);
	assert_time(s.root.start, 1609264268.5);
	assert_time(s.root.end, 1609264270.0);
	assert_int_equal(s.nspans, 3);
	assert_time(s.spans[0].start, 1609264268.75);
	assert_time(s.spans[0].end, 1609264269.00025);
	/* An end before the start, or none: drawn zero-length and flagged. */
	assert_true(s.spans[1].end_missing);
	assert_time(s.spans[1].end, 1609264269.5);
	assert_true(s.spans[2].end_missing);
	assert_time(s.spans[2].end, s.spans[2].start);
	assert_false(s.spans[0].end_missing);
	span_set_free(&s);
}

static void test_unusable_spans_are_counted(void **state)
{
	(void)state;
	struct span_set s;
	span_json("{\"eventID\":\"e\",\"entries\":[{\"type\":\"request\",\"data\":{}},{\"type\":\"spans\",\"data\":["
	          "{\"span_id\":\"ok\",\"start_timestamp\":5},"
	          "{\"start_timestamp\":5},"                        /* no id */
	          "{\"span_id\":\"\",\"start_timestamp\":5},"       /* empty id */
	          "{\"span_id\":\"late\"},"                         /* no start */
	          "{\"span_id\":\"neg\",\"start_timestamp\":-3},"   /* no real start */
	          "{\"span_id\":\"nan\",\"start_timestamp\":\"soon\"},"
	          "7, null, [], \"span\","
	          "{\"span_id\":42,\"start_timestamp\":6,\"op\":5,\"description\":{\"a\":1},"
	          "\"tags\":\"x\",\"data\":[1],\"status\":[],\"hash\":{},\"exclusive_time\":\"9\","
	          "\"same_process_as_parent\":\"yes\",\"parent_span_id\":false,\"trace_id\":1.5}"
	          "]}]}",
	          &s);
	assert_int_equal(s.nspans, 2);
	assert_int_equal(s.dropped, 9);
	const struct span *odd = &s.spans[1];
	assert_string_equal(odd->span_id, "42"); /* a number names the same id */
	assert_null(odd->op);
	assert_null(odd->description);
	assert_null(odd->status);
	assert_null(odd->hash);
	assert_null(odd->parent_span_id);
	assert_null(odd->trace_id);
	assert_int_equal(odd->tags.n, 0);
	assert_true(odd->exclusive_time_ms < 0);
	assert_false(odd->same_process_as_parent);
	/* No root times and no root span: the extent of the spans, and no id. */
	assert_null(s.root.span_id);
	assert_true(s.root_times_derived);
	assert_time(s.root.start, 5);
	assert_time(s.root.end, 6);
	span_set_free(&s);
}

static void test_metrics_and_evidence_variants(void **state)
{
	(void)state;
	struct span_set s;
	span_json("{\"startTimestamp\":1,\"endTimestamp\":2,\"entries\":[],"
	          "\"measurements\":{\"lcp\":{\"value\":2807.3,\"unit\":\"millisecond\"},"
	          "\"fcp\":{\"value\":\"x\"},\"cls\":{\"value\":0.03},\"bad\":[]},"
	          "\"breakdowns\":{\"span_ops\":{\"ops.db\":{\"value\":120.5,\"unit\":\"millisecond\"},"
	          "\"total.time\":{\"value\":300}}},"
	          "\"occurrence\":{\"evidenceData\":{\"repeatingSpans\":\"db - SELECT 1\","
	          "\"causeSpanIds\":[\"c1\",3,\"\",\"c2\"],\"offenderSpanIds\":\"s1\"},"
	          "\"evidenceDisplay\":[{\"name\":\"Span\",\"value\":{\"a\":1}},{\"value\":\"nameless\"},5]}}",
	          &s);
	assert_int_equal(s.nspans, 0);
	assert_int_equal(s.nmeasurements, 2);
	assert_string_equal(s.measurements[0].name, "lcp");
	assert_true(fabs(s.measurements[0].value - 2807.3) < 1e-9);
	assert_string_equal(s.measurements[0].unit, "millisecond");
	assert_string_equal(s.measurements[1].name, "cls");
	assert_null(s.measurements[1].unit);
	assert_int_equal(s.nspan_ops, 2);
	assert_string_equal(s.span_ops[0].name, "ops.db");
	assert_true(fabs(s.span_ops[1].value - 300) < 1e-9);
	assert_true(s.has_evidence);
	assert_int_equal(s.evidence.nrepeating, 1);
	assert_string_equal(s.evidence.repeating_spans[0], "db - SELECT 1");
	assert_int_equal(s.evidence.ncause, 2);
	assert_string_equal(s.evidence.cause_span_ids[1], "c2");
	assert_int_equal(s.evidence.noffender, 0); /* a string, not a list */
	assert_int_equal(s.evidence.display.n, 1);
	assert_string_equal(kv_get(&s.evidence.display, "Span"), "{\"a\":1}");
	span_set_free(&s);
}

static void test_hostile_text_is_kept_raw_but_capped(void **state)
{
	(void)state;
	struct strbuf json = STRBUF_INIT;
	strbuf_adds(&json, "{\"start_timestamp\":1,\"timestamp\":2,\"spans\":[{\"span_id\":\"h\","
	                   "\"start_timestamp\":1.5,\"op\":\"\\u001b[31mdb\\u202e\",\"description\":\"");
	for (int i = 0; i < 5000; i++)
		strbuf_adds(&json, "\xc3\xa9"); /* é, 10,000 bytes */
	strbuf_adds(&json, "\",\"status\":\"ok\\u0000hidden\",\"trace_id\":\"");
	for (int i = 0; i < 300; i++)
		strbuf_addc(&json, 'f');
	strbuf_adds(&json, "\"}]}");
	struct span_set s;
	span_json(strbuf_str(&json), &s);
	const struct span *h = &s.spans[0];
	/* Control characters stay for the sanitizer to show; sizes are capped here. */
	assert_string_equal(h->op, "\x1b[31mdb\xe2\x80\xae");
	assert_int_equal(strlen(h->description), SPAN_MAX_DESCRIPTION); /* 4,096 whole é */
	assert_string_equal(h->status, "ok\xef\xbf\xbdhidden"); /* the NUL is a mark */
	assert_int_equal(strlen(h->trace_id), 128);
	span_set_free(&s);
	strbuf_free(&json);
}

static void test_span_cap(void **state)
{
	(void)state;
	struct strbuf json = STRBUF_INIT;
	gen_flat(&json, SPAN_MAX_SPANS + 5);
	struct span_set s;
	span_json(strbuf_str(&json), &s);
	assert_int_equal(s.nspans, SPAN_MAX_SPANS);
	assert_int_equal(s.dropped, 5);
	assert_string_equal(s.spans[SPAN_MAX_SPANS - 1].span_id, "s49999"); /* the first ones kept */
	span_set_free(&s);
	strbuf_free(&json);
}

static void test_bodies_that_are_not_transactions(void **state)
{
	(void)state;
	assert_refused(false, "", "empty response body");
	assert_refused(false, "[]", "expected a transaction event, got a list");
	assert_refused(false, "{\"detail\":\"Event not found\"}",
	               "expected a transaction event, got an object: Event not found");
	assert_refused(true, "{\"spans\":[]}", "expected a trace (a list of spans), got an object");
	assert_refused(true, "\"busy\"", "expected a trace (a list of spans), got a string: busy");
	struct span_set s;
	span_trace_json("[1, null, {\"children\": 5}]", &s);
	assert_int_equal(s.nspans, 0);
	assert_int_equal(s.dropped, 3);
	assert_time(s.root.start, 0); /* nothing had a time */
	span_set_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_python_sdk_transaction),
		cmocka_unit_test(test_api_n_plus_one_event),
		cmocka_unit_test(test_api_event_with_empty_spans),
		cmocka_unit_test(test_iso_timestamps_from_glitchtip_envelope),
		cmocka_unit_test(test_org_trace_endpoint),
		cmocka_unit_test(test_nested_trace_with_duration_and_errors),
		cmocka_unit_test(test_float_iso_and_offset_timestamps),
		cmocka_unit_test(test_unusable_spans_are_counted),
		cmocka_unit_test(test_metrics_and_evidence_variants),
		cmocka_unit_test(test_hostile_text_is_kept_raw_but_capped),
		cmocka_unit_test(test_span_cap),
		cmocka_unit_test(test_transaction_name_over_issue_title),
		cmocka_unit_test(test_bodies_that_are_not_transactions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
