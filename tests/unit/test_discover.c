/* The transaction list (`:transactions`): rows decoded from the events endpoint in both
 * datasets (the real sentry-mcp fixture, then odd and hostile payloads) and the URLs a
 * query becomes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "api/discover.h"
#include "api/model.h"
#include "support/fixture.h"

static void test_spans_dataset_fixture(void **state)
{
	size_t len, n;
	char *body = fixture_read("api/sentry-mcp.org-events-spans.json", &len);
	struct transaction_row *rows;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_transaction_rows(body, len, DISCOVER_SPANS, &rows, &n, &err));
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].span_id, "07752c6aeb027c8f");
	assert_null(rows[0].event_id);
	assert_string_equal(rows[0].name, "GET /trpc/bottleList");
	assert_string_equal(rows[0].op, "http.server");
	assert_true(rows[0].duration_ms == 12.0);
	assert_string_equal(rows[0].project, "peated");
	assert_string_equal(rows[0].trace, "6a477f5b0f31ef7b6b9b5e1dea66c91d");
	assert_int_equal(rows[0].timestamp, 1744553958); /* 2025-04-13T14:19:18+00:00 */
	assert_null(rows[0].status);
	assert_true(rows[1].duration_ms == 18.0);
	transaction_rows_free(rows, n);
	strbuf_free(&err);
	free(body);
}

static void test_transactions_dataset_and_odd_values(void **state)
{
	const char body[] =
		"{\"data\":[{\"id\":\"1b560407ef796200063ed69cc4a686b5\",\"transaction\":\"GET /a\","
		"\"transaction.op\":\"http.server\",\"transaction.duration\":\"250.5\","
		"\"transaction.status\":\"internal_error\",\"project.name\":\"backend\","
		"\"timestamp\":1763600000,\"trace\":null},"
		"7, null, {\"transaction.duration\":-3}, {\"transaction.duration\":\"abc\"}],"
		"\"meta\":{}}";
	struct transaction_row *rows;
	size_t n;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_transaction_rows(body, sizeof(body) - 1, DISCOVER_TRANSACTIONS, &rows, &n, &err));
	assert_int_equal(n, 3); /* rows that are not objects are skipped */
	assert_string_equal(rows[0].event_id, "1b560407ef796200063ed69cc4a686b5");
	assert_null(rows[0].span_id);
	assert_true(rows[0].duration_ms == 250.5);
	assert_string_equal(rows[0].status, "internal_error");
	assert_string_equal(rows[0].project, "backend"); /* project.name when project is missing */
	assert_null(rows[0].trace);
	assert_int_equal(rows[0].timestamp, 1763600000);
	assert_true(rows[1].duration_ms < 0);
	assert_true(rows[2].duration_ms < 0);
	assert_null(rows[1].name);
	transaction_rows_free(rows, n);
	strbuf_free(&err);
}

/* Hostile sizes are capped and wrong types are dropped, never guessed at: a name longer
 * than a title, a trace longer than an id; a spans row without its id names its
 * transaction's span; a number where a name belongs is no name. */
static void test_hostile_and_odd_rows(void **state)
{
	struct strbuf body = STRBUF_INIT;
	strbuf_adds(&body, "{\"data\":[{\"transaction\":\"");
	for (size_t i = 0; i < MODEL_MAX_TITLE + 100; i++)
		strbuf_addc(&body, 'n');
	strbuf_adds(&body, "\",\"trace\":\"");
	for (size_t i = 0; i < MODEL_MAX_ID * 3; i++)
		strbuf_addc(&body, 'f');
	strbuf_adds(&body, "\",\"transaction.span_id\":\"abcdabcdabcdabcd\",\"span.op\":42,"
	                   "\"project\":11,\"span.duration\":\"1e400\",\"timestamp\":\"yesterday\"}]}");
	struct transaction_row *rows;
	size_t n;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_transaction_rows(strbuf_str(&body), strlen(strbuf_str(&body)), DISCOVER_SPANS,
	                                    &rows, &n, &err));
	assert_int_equal(n, 1);
	assert_true(strlen(rows[0].name) <= MODEL_MAX_TITLE);
	assert_true(strlen(rows[0].trace) <= MODEL_MAX_ID);
	assert_string_equal(rows[0].span_id, "abcdabcdabcdabcd");
	assert_null(rows[0].event_id);
	assert_null(rows[0].op);
	assert_null(rows[0].project);
	assert_true(rows[0].duration_ms < 0); /* not finite */
	assert_int_equal(rows[0].timestamp, 0);
	transaction_rows_free(rows, n);
	strbuf_free(&err);
	strbuf_free(&body);
}

static void test_not_a_row_list(void **state)
{
	struct transaction_row *rows;
	size_t n;
	struct strbuf err = STRBUF_INIT;
	assert_false(decode_transaction_rows("[1,2]", 5, DISCOVER_SPANS, &rows, &n, &err));
	assert_non_null(strstr(strbuf_str(&err), "a \"data\" list, got a list"));
	strbuf_reset(&err);
	assert_false(decode_transaction_rows("{\"data\":{}}", 11, DISCOVER_SPANS, &rows, &n, &err));
	assert_non_null(strstr(strbuf_str(&err), "got an object"));
	strbuf_reset(&err);
	assert_false(decode_transaction_rows("{\"detail\":\"x\"}", 14, DISCOVER_SPANS, &rows, &n, &err));
	assert_non_null(strstr(strbuf_str(&err), "no \"data\""));
	strbuf_free(&err);
}

static void test_urls(void **state)
{
	const char *ids[] = { "2", "11" };
	struct transaction_query q = { .project_ids = ids, .nproject_ids = 2, .environment = "prod",
	                               .period = "24h", .name = "GET /api users", .sort = DISCOVER_SLOWEST,
	                               .cursor = "0:50:0" };
	char *url = discover_transactions_url("https://sentry.example.com/", "acme", DISCOVER_SPANS, &q);
	assert_string_equal(url,
		"https://sentry.example.com/api/0/organizations/acme/events/?dataset=spans"
		"&query=is_transaction%3atrue+transaction%3a%22%2aGET+%2fapi+users%2a%22"
		"&field=id&field=span.op&field=span.description&field=span.duration&field=span.status"
		"&field=transaction&field=timestamp&field=project&field=trace&field=transaction.span_id"
		"&sort=-span.duration&per_page=50&statsPeriod=24h&project=2&project=11&environment=prod"
		"&cursor=0%3a50%3a0");
	free(url);
	struct transaction_query plain = { .sort = DISCOVER_NEWEST };
	url = discover_transactions_url("https://sentry.io", "acme", DISCOVER_TRANSACTIONS, &plain);
	assert_string_equal(url,
		"https://sentry.io/api/0/organizations/acme/events/?dataset=transactions"
		"&query=event.type%3atransaction&field=id&field=transaction&field=transaction.op"
		"&field=transaction.duration&field=transaction.status&field=project&field=timestamp"
		"&field=trace&sort=-timestamp&per_page=50");
	free(url);
	/* A name Sentry's syntax cannot carry (a control character) builds no URL. */
	struct transaction_query bad = { .name = "a\nb" };
	assert_null(discover_transactions_url("https://sentry.io", "acme", DISCOVER_SPANS, &bad));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spans_dataset_fixture),
		cmocka_unit_test(test_transactions_dataset_and_odd_values),
		cmocka_unit_test(test_hostile_and_odd_rows),
		cmocka_unit_test(test_not_a_row_list),
		cmocka_unit_test(test_urls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
