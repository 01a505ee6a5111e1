/* decode_event on what a broken server, a proxy or anyone with a DSN can send: bodies
 * that are not JSON or not an event, every member null or of the wrong type, and sizes
 * past every cap. The event must still decode to what can be shown, and never more
 * than the caps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "api/model.h"
#include "tests/unit/support/text_checks.h"
#include "util/strbuf.h"

/* ---- helpers ----------------------------------------------------------------------- */

static void decode_ok(const char *json, struct event *e)
{
	struct strbuf err = STRBUF_INIT;
	if (!decode_event(json, strlen(json), e, &err))
		fail_msg("%s: %s", json, strbuf_str(&err));
	strbuf_free(&err);
}

static void assert_refused(const char *body, const char *expected_error)
{
	struct event e;
	struct strbuf err = STRBUF_INIT;
	assert_false(decode_event(body, strlen(body), &e, &err));
	assert_string_equal(strbuf_str(&err), expected_error);
	event_free(&e); /* zeroed on failure, so this is safe */
	strbuf_free(&err);
}

/* An API-form event with one exception entry whose only frame is frame_json. */
static void decode_one_frame(const char *frame_json, struct event *e)
{
	struct strbuf json = STRBUF_INIT;
	strbuf_addf(&json, "{\"eventID\":\"e1\",\"entries\":[{\"type\":\"exception\",\"data\":{\"values\":"
	                   "[{\"type\":\"E\",\"stacktrace\":{\"frames\":[%s]}}]}}]}", frame_json);
	decode_ok(strbuf_str(&json), e);
	strbuf_free(&json);
	assert_int_equal(e->nexceptions, 1);
	assert_non_null(e->exceptions[0].stacktrace);
	assert_int_equal(e->exceptions[0].stacktrace->nframes, 1);
}

static const struct frame *only_frame(const struct event *e)
{
	return &e->exceptions[0].stacktrace->frames[0];
}

/* "x" repeated n times: the body of a long JSON string. */
static void add_repeated(struct strbuf *sb, const char *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_adds(sb, x);
}

/* ---- bodies that are not an event -------------------------------------------------- */

static void test_not_json(void **state)
{
	(void)state;
	struct event e;
	struct strbuf err = STRBUF_INIT;
	const char *html = "<html><body>502 Bad Gateway</body></html>";
	assert_false(decode_event(html, strlen(html), &e, &err));
	assert_non_null(strstr(strbuf_str(&err), "line 1 column 1"));
	assert_null(e.title);
	strbuf_free(&err);
	assert_refused("", "empty response body");
	/* Truncated mid-body, as a dropped connection leaves it. */
	struct strbuf truncated_err = STRBUF_INIT;
	const char *truncated = "{\"eventID\":\"abc\",\"title\":\"Zero";
	assert_false(decode_event(truncated, strlen(truncated), &e, &truncated_err));
	assert_true(truncated_err.len > 0);
	strbuf_free(&truncated_err);
	/* err may be NULL when the caller does not want the reason. */
	assert_false(decode_event("[]", 2, &e, NULL));
}

static void test_wrong_top_level_shape(void **state)
{
	(void)state;
	assert_refused("[{\"eventID\":\"a\"}]", "expected an event, got a list");
	assert_refused("\"maintenance\"", "expected an event, got a string: maintenance");
	assert_refused("42", "expected an event, got a number");
	assert_refused("null", "expected an event, got null");
	assert_refused("true", "expected an event, got a boolean");
	/* A 200 that is really an error (a proxy, or an old server). */
	assert_refused("{\"detail\":\"Event not found\"}", "expected an event, got an object: Event not found");
	assert_refused("{\"detail\":{\"message\":\"Sudo required\",\"code\":\"sudo-required\"}}",
	               "expected an event, got an object: Sudo required");
}

static void test_minimal_objects_decode(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{}", &e);
	assert_null(e.id);
	assert_null(e.title);
	assert_string_equal(e.type, "default"); /* nothing says otherwise */
	assert_int_equal(e.nexceptions, 0);
	assert_null(e.request);
	event_free(&e);
	/* An event that merely mentions "detail" is still an event. */
	decode_ok("{\"eventID\":\"abc\",\"detail\":\"x\",\"title\":\"T\"}", &e);
	assert_string_equal(e.title, "T");
	event_free(&e);
}

/* ---- null and mistyped members ------------------------------------------------------- */

static void test_every_member_null(void **state)
{
	(void)state;
	static const char *const keys[] = {
		"id", "eventID", "groupID", "projectID", "title", "message", "platform", "type",
		"culprit", "location", "dist", "logger", "level", "dateCreated", "dateReceived",
		"release", "environment", "nextEventID", "previousEventID", "tags", "user",
		"contexts", "sdk", "context", "errors", "entries", "metadata",
	};
	struct strbuf json = STRBUF_INIT;
	strbuf_addc(&json, '{');
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		strbuf_addf(&json, "%s\"%s\":null", i ? "," : "", keys[i]);
	strbuf_addc(&json, '}');
	struct event e;
	decode_ok(strbuf_str(&json), &e);
	strbuf_free(&json);
	assert_null(e.id);
	assert_null(e.group_id);
	assert_null(e.title);
	assert_null(e.release);
	assert_null(e.next_event_id);
	assert_int_equal(e.date_created, 0);
	assert_int_equal(e.tags.n + e.user.n + e.sdk.n + e.extra.n + e.processing_errors.n, 0);
	assert_int_equal(e.ncontexts, 0);
	assert_int_equal(e.nexceptions + e.nthreads + e.ncrumbs + e.nunknown, 0);
	assert_null(e.message_formatted);
	event_free(&e);
}

static void test_every_member_mistyped(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"eventID\":[1],\"title\":{\"a\":1},\"platform\":7,\"tags\":\"a:b\",\"user\":\"bob\","
	          "\"contexts\":[1,2],\"sdk\":true,\"context\":5,\"errors\":{\"type\":\"x\"},"
	          "\"entries\":{\"type\":\"exception\"},\"release\":[\"1.0\"],\"dateCreated\":\"yesterday\","
	          "\"nextEventID\":{},\"level\":3}",
	          &e);
	assert_null(e.id);
	assert_null(e.title);
	assert_null(e.platform);
	assert_null(e.release);
	assert_null(e.level);
	assert_null(e.next_event_id);
	assert_int_equal(e.date_created, 0);
	assert_int_equal(e.tags.n + e.user.n + e.sdk.n + e.extra.n + e.processing_errors.n, 0);
	assert_int_equal(e.ncontexts + e.nexceptions + e.nunknown, 0);
	event_free(&e);
}

static void test_ids_may_be_numbers(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"eventID\":12345,\"groupID\":64,\"projectID\":3.0,\"nextEventID\":\"\","
	          "\"previousEventID\":7,\"entries\":[]}",
	          &e);
	assert_string_equal(e.id, "12345");
	assert_string_equal(e.group_id, "64");
	assert_string_equal(e.project_id, "3");
	assert_null(e.next_event_id); /* "" names no event */
	assert_string_equal(e.previous_event_id, "7");
	event_free(&e);
}

static void test_entries_with_junk(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"eventID\":\"x\",\"entries\":[null,5,\"exception\",{\"type\":null},{\"data\":{}},"
	          "{\"type\":\"exception\",\"data\":null},"
	          "{\"type\":\"exception\",\"data\":{\"values\":null}},"
	          "{\"type\":\"exception\",\"data\":{\"values\":[null,7,{\"type\":5,\"value\":12,"
	          "\"stacktrace\":{\"frames\":null},\"mechanism\":\"oops\"}]}},"
	          "{\"type\":\"breadcrumbs\",\"data\":{\"values\":{\"0\":{}}}},"
	          "{\"type\":\"breadcrumbs\",\"data\":{\"values\":\"none\"}},"
	          "{\"type\":\"request\",\"data\":[]},"
	          "{\"type\":\"message\",\"data\":{\"formatted\":\"\",\"message\":\"fallback\"}},"
	          "{\"type\":\"threads\",\"data\":{\"values\":[null]}},"
	          "{\"type\":\"stacktrace\",\"data\":{\"frames\":[]}}]}",
	          &e);
	assert_int_equal(e.nexceptions, 1);
	assert_null(e.exceptions[0].type);
	assert_string_equal(e.exceptions[0].value, "12"); /* shown as sent */
	assert_null(e.exceptions[0].stacktrace);          /* "frames": null */
	assert_null(e.exceptions[0].mechanism);
	assert_int_equal(e.exceptions[0].handled, -1);
	assert_int_equal(e.ncrumbs, 0);
	assert_null(e.request);
	assert_string_equal(e.message_formatted, "fallback");
	assert_int_equal(e.nthreads, 0);
	assert_null(e.stacktrace);
	assert_int_equal(e.nunknown, 0);
	assert_string_equal(e.type, "error");
	assert_string_equal(e.title, "12"); /* no "title": derived from the exception */
	event_free(&e);
}

static void test_frame_fields_mistyped(void **state)
{
	(void)state;
	struct event e;
	decode_one_frame("{\"function\":5,\"filename\":null,\"lineNo\":\"12\",\"colNo\":-3,\"inApp\":\"yes\","
	                 "\"instructionAddr\":4096,\"symbolAddr\":-1,\"context\":\"line\",\"vars\":\"a string\"}",
	                 &e);
	const struct frame *f = only_frame(&e);
	assert_null(f->function);
	assert_null(f->filename);
	assert_int_equal(f->line_no, 12);
	assert_int_equal(f->col_no, 0);
	assert_int_equal(f->in_app, -1);
	assert_string_equal(f->instruction_addr, "0x1000");
	assert_null(f->symbol_addr);
	assert_int_equal(f->ncontext, 0);
	assert_false(f->has_vars);
	assert_int_equal(f->vars.n, 0);
	event_free(&e);

	decode_one_frame("{\"lineNo\":12.7,\"colNo\":1e300,\"inApp\":null,\"vars\":null}", &e);
	assert_int_equal(only_frame(&e)->line_no, 12);
	assert_int_equal(only_frame(&e)->col_no, INT_MAX);
	assert_int_equal(only_frame(&e)->in_app, -1);
	assert_false(only_frame(&e)->has_vars);
	event_free(&e);
}

static void test_malformed_context_lines(void **state)
{
	(void)state;
	struct event e;
	decode_one_frame("{\"lineNo\":3,\"context\":[[null,\"x\"],[\"1\",\"y\"],[2],\"z\",[3,null],"
	                 "[4,\"four\"],[5,7]]}",
	                 &e);
	const struct frame *f = only_frame(&e);
	/* Only [number, text] pairs count; a null text keeps its line, empty. */
	assert_int_equal(f->ncontext, 3);
	assert_int_equal(f->context[0].line_no, 3);
	assert_string_equal(f->context[0].text, "");
	assert_int_equal(f->context[1].line_no, 4);
	assert_string_equal(f->context[1].text, "four");
	assert_string_equal(f->context[2].text, "");
	event_free(&e);

	/* Ingest context without a line number means nothing (Sentry drops it too). */
	decode_one_frame("{\"pre_context\":[\"a\"],\"context_line\":\"b\",\"post_context\":[\"c\"]}", &e);
	assert_int_equal(only_frame(&e)->ncontext, 0);
	event_free(&e);
	/* pre/post not lists, or holding junk: the faulting line still shows. */
	decode_one_frame("{\"lineno\":10,\"pre_context\":\"a\",\"context_line\":\"b\",\"post_context\":[null,5]}", &e);
	f = only_frame(&e);
	assert_int_equal(f->ncontext, 3);
	assert_int_equal(f->context[0].line_no, 10);
	assert_string_equal(f->context[0].text, "b");
	assert_int_equal(f->context[2].line_no, 12);
	assert_string_equal(f->context[2].text, "");
	event_free(&e);
	/* No context_line: no context at all. */
	decode_one_frame("{\"lineno\":10,\"pre_context\":[\"a\"],\"post_context\":[\"c\"]}", &e);
	assert_int_equal(only_frame(&e)->ncontext, 0);
	event_free(&e);
}

static void test_vars_rendering(void **state)
{
	(void)state;
	struct event e;
	decode_one_frame("{\"vars\":{\"s\":\"text\",\"n\":3,\"f\":0.1,\"t\":true,\"z\":null,"
	                 "\"o\":{\"b\":[1,2],\"a\":\"x\"},\"l\":[\"a\",{\"k\":null}],\"e\":{}}}",
	                 &e);
	const struct frame *f = only_frame(&e);
	assert_true(f->has_vars);
	assert_int_equal(f->vars.n, 8);
	assert_string_equal(kv_get(&f->vars, "s"), "text");
	assert_string_equal(kv_get(&f->vars, "n"), "3");
	assert_string_equal(kv_get(&f->vars, "f"), "0.1");
	assert_string_equal(kv_get(&f->vars, "t"), "true");
	assert_string_equal(kv_get(&f->vars, "z"), "null");
	assert_string_equal(kv_get(&f->vars, "o"), "{\"b\":[1,2],\"a\":\"x\"}"); /* order as sent */
	assert_string_equal(kv_get(&f->vars, "l"), "[\"a\",{\"k\":null}]");
	assert_string_equal(kv_get(&f->vars, "e"), "{}");
	/* Order as sent, too. */
	assert_string_equal(f->vars.items[0].key, "s");
	assert_string_equal(f->vars.items[7].key, "e");
	event_free(&e);
}

static void test_frames_omitted_and_registers(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"eventID\":\"x\",\"entries\":[{\"type\":\"exception\",\"data\":{\"values\":[{\"type\":\"E\","
	          "\"stacktrace\":{\"frames\":[{\"function\":\"a\"},null,{\"function\":\"b\"}],"
	          "\"framesOmitted\":[1,5],\"registers\":{\"rip\":\"0x7fff\",\"rsp\":4096}}}]}}]}",
	          &e);
	const struct stacktrace *st = e.exceptions[0].stacktrace;
	assert_int_equal(st->nframes, 2); /* the null frame is not a frame */
	assert_string_equal(st->frames[1].function, "b");
	assert_int_equal(st->omitted_start, 1);
	assert_int_equal(st->omitted_end, 5);
	assert_int_equal(st->registers.n, 2);
	assert_string_equal(kv_get(&st->registers, "rip"), "0x7fff");
	assert_string_equal(kv_get(&st->registers, "rsp"), "4096");
	event_free(&e);

	/* Registers and no frames: still a stack trace worth showing. */
	decode_ok("{\"exception\":{\"values\":[{\"type\":\"SIGSEGV\",\"stacktrace\":{\"frames\":[],"
	          "\"frames_omitted\":[0,3],\"registers\":{\"pc\":\"0x1\"}}}]}}",
	          &e);
	assert_non_null(e.exceptions[0].stacktrace);
	assert_int_equal(e.exceptions[0].stacktrace->nframes, 0);
	assert_int_equal(e.exceptions[0].stacktrace->omitted_end, 3);
	event_free(&e);
}

static void test_threads_and_bare_stacktrace(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"eventID\":\"x\",\"entries\":[{\"type\":\"threads\",\"data\":{\"values\":["
	          "{\"id\":1,\"name\":\"main\",\"current\":true,\"crashed\":false},"
	          "{\"id\":\"2\",\"name\":\"worker\",\"crashed\":true,\"stacktrace\":{\"frames\":"
	          "[{\"function\":\"run\",\"lineNo\":9},{\"function\":\"boom\",\"lineNo\":3}]},"
	          "\"rawStacktrace\":{\"frames\":[{\"instructionAddr\":\"0x10\"}]}}]}},"
	          "{\"type\":\"stacktrace\",\"data\":{\"frames\":[{\"function\":\"only\"}]}}]}",
	          &e);
	assert_int_equal(e.nthreads, 2);
	assert_string_equal(e.threads[0].id, "1");
	assert_string_equal(e.threads[0].name, "main");
	assert_true(e.threads[0].current);
	assert_false(e.threads[0].crashed);
	assert_null(e.threads[0].stacktrace);
	assert_true(e.threads[1].crashed);
	assert_int_equal(e.threads[1].stacktrace->nframes, 2);
	assert_string_equal(e.threads[1].stacktrace->frames[1].function, "boom");
	assert_string_equal(e.threads[1].raw_stacktrace->frames[0].instruction_addr, "0x10");
	assert_non_null(e.stacktrace);
	assert_string_equal(e.stacktrace->frames[0].function, "only");
	assert_int_equal(e.nunknown, 0);
	event_free(&e);
}

static void test_chained_exceptions_keep_order(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"exception\":{\"values\":[{\"type\":\"KeyError\",\"value\":\"'id'\"},"
	          "{\"type\":\"ValueError\",\"value\":\"bad\\nsecond line\",\"mechanism\":{\"type\":\"chained\","
	          "\"handled\":null,\"synthetic\":\"yes\"}}]}}",
	          &e);
	assert_int_equal(e.nexceptions, 2);
	assert_string_equal(e.exceptions[0].type, "KeyError"); /* root cause first */
	assert_string_equal(e.exceptions[1].type, "ValueError");
	assert_int_equal(e.exceptions[1].handled, -1);
	assert_false(e.exceptions[1].synthetic);
	/* A derived title is the raised exception, on one line. */
	assert_string_equal(e.title, "ValueError: bad");
	event_free(&e);
}

/* ---- breadcrumbs, request, tags, user, contexts ------------------------------------ */

static void test_breadcrumb_variants(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"breadcrumbs\":{\"values\":[null,{\"timestamp\":\"2020-06-17T22:26:55.266586Z\"},"
	          "{\"timestamp\":1595472877.5,\"level\":\"\",\"type\":7,\"message\":{\"m\":1},\"data\":\"x\"},"
	          "{\"timestamp\":\"junk\",\"level\":\"error\",\"category\":\"auth\",\"message\":null,"
	          "\"data\":{\"n\":null,\"k\":[1]}},{\"timestamp\":-5},{\"timestamp\":1e300},"
	          "{\"timestamp\":\"2020-06-17T22:26:55+02:00\"}]}}",
	          &e);
	assert_int_equal(e.ncrumbs, 6);
	assert_true(fabs(e.crumbs[0].timestamp - 1592432815.266586) < 1e-5);
	assert_string_equal(e.crumbs[0].level, "info");
	assert_string_equal(e.crumbs[0].type, "default");
	assert_null(e.crumbs[0].category);
	assert_true(fabs(e.crumbs[1].timestamp - 1595472877.5) < 1e-6);
	assert_string_equal(e.crumbs[1].level, "info"); /* "" */
	assert_string_equal(e.crumbs[1].message, "{\"m\":1}");
	assert_int_equal(e.crumbs[1].data.n, 0);
	assert_true(e.crumbs[2].timestamp == 0);
	assert_string_equal(e.crumbs[2].level, "error");
	assert_string_equal(e.crumbs[2].category, "auth");
	assert_null(e.crumbs[2].message);
	assert_string_equal(kv_get(&e.crumbs[2].data, "n"), "null");
	assert_string_equal(kv_get(&e.crumbs[2].data, "k"), "[1]");
	assert_true(e.crumbs[3].timestamp == 0);
	assert_true(e.crumbs[4].timestamp == 0);
	assert_true(fabs(e.crumbs[5].timestamp - 1592425615.0) < 1e-6); /* offset applied */
	event_free(&e);
}

static void test_request_variants(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"request\":{\"method\":\"POST\",\"url\":\"https://x.test/p\",\"query_string\":\"?a=1&b=2\","
	          "\"data\":{\"user\":\"u\",\"n\":[1,2]},\"cookies\":\"sid=abc; theme=dark;flag\","
	          "\"headers\":[[\"Accept\",\"*/*\"],[\"X-Multi\",[\"a\",\"b\"]],[5,\"x\"],\"junk\",[\"Solo\"]],"
	          "\"fragment\":\"top\",\"inferred_content_type\":\"application/json\"}}",
	          &e);
	struct http_request *r = e.request;
	assert_non_null(r);
	assert_string_equal(r->method, "POST");
	assert_string_equal(r->query, "a=1&b=2");
	assert_string_equal(r->data, "{\"user\":\"u\",\"n\":[1,2]}");
	assert_string_equal(r->fragment, "top");
	assert_string_equal(r->content_type, "application/json");
	assert_int_equal(r->cookies.n, 3);
	assert_string_equal(kv_get(&r->cookies, "sid"), "abc");
	assert_string_equal(kv_get(&r->cookies, "theme"), "dark");
	assert_string_equal(kv_get(&r->cookies, "flag"), "");
	assert_int_equal(r->headers.n, 2);
	assert_string_equal(kv_get(&r->headers, "X-Multi"), "a, b");
	event_free(&e);

	decode_ok("{\"request\":{\"query\":{\"q\":\"x y\",\"page\":2},\"data\":\"raw body\",\"cookies\":{\"a\":\"1\"},"
	          "\"headers\":{\"Host\":\"h\"},\"env\":[[\"REMOTE_ADDR\",\"1.2.3.4\"]]}}",
	          &e);
	assert_string_equal(e.request->query, "q=x y&page=2");
	assert_string_equal(e.request->data, "raw body");
	assert_string_equal(kv_get(&e.request->cookies, "a"), "1");
	assert_string_equal(kv_get(&e.request->headers, "Host"), "h");
	assert_string_equal(kv_get(&e.request->env, "REMOTE_ADDR"), "1.2.3.4");
	assert_null(e.request->method);
	event_free(&e);
}

static void test_tag_shapes(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"tags\":[{\"key\":\"env\",\"value\":\"prod\"},{\"key\":\"n\",\"value\":3},"
	          "{\"key\":\"gone\",\"value\":null},{\"value\":\"no key\"},[\"pair\",\"p\"],[\"short\"],7]}",
	          &e);
	assert_int_equal(e.tags.n, 3);
	assert_string_equal(kv_get(&e.tags, "env"), "prod");
	assert_string_equal(kv_get(&e.tags, "n"), "3");
	assert_string_equal(kv_get(&e.tags, "pair"), "p");
	event_free(&e);
	decode_ok("{\"tags\":{\"environment\":\"staging\",\"level\":\"warning\",\"release\":\"web@1.2\"}}", &e);
	assert_string_equal(e.environment, "staging"); /* from the tag */
	assert_string_equal(e.level, "warning");
	assert_string_equal(e.release, "web@1.2");
	event_free(&e);
	decode_ok("{\"tags\":[[\"environment\",\"tag-env\"]],\"environment\":\"top\",\"release\":{\"version\":null}}", &e);
	assert_string_equal(e.environment, "top"); /* the member wins */
	assert_null(e.release);
	event_free(&e);
}

static void test_user_order_and_flattening(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"user\":{\"segment\":\"vip\",\"name\":\"Ann\",\"geo\":{\"city\":\"Oslo\",\"country_code\":\"NO\"},"
	          "\"ip_address\":\"10.0.0.1\",\"data\":{\"plan\":{\"tier\":2},\"beta\":true},\"username\":null,"
	          "\"email\":\"ann@example.com\",\"id\":42}}",
	          &e);
	const char *const expect[][2] = {
		{ "id", "42" },
		{ "email", "ann@example.com" },
		{ "ip_address", "10.0.0.1" },
		{ "name", "Ann" },
		{ "segment", "vip" },
		{ "geo.city", "Oslo" },
		{ "geo.country_code", "NO" },
		{ "data.plan", "{\"tier\":2}" },
		{ "data.beta", "true" },
	};
	assert_int_equal(e.user.n, sizeof(expect) / sizeof(expect[0]));
	for (size_t i = 0; i < e.user.n; i++) {
		assert_string_equal(e.user.items[i].key, expect[i][0]);
		assert_string_equal(e.user.items[i].value, expect[i][1]);
	}
	event_free(&e);
	decode_ok("{\"user\":{\"geo\":\"Oslo\"}}", &e);
	assert_string_equal(kv_get(&e.user, "geo"), "Oslo");
	event_free(&e);
}

static void test_context_variants(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"contexts\":{\"os\":{\"type\":\"os\",\"name\":\"Linux\"},\"flag\":true,\"My Custom\":{\"type\":\"\","
	          "\"a\":1},\"gpu\":{\"type\":7,\"name\":\"X\"},\"empty\":{}}}",
	          &e);
	assert_int_equal(e.ncontexts, 4);
	assert_string_equal(e.contexts[0].name, "os");
	assert_string_equal(e.contexts[0].type, "os");
	assert_string_equal(e.contexts[1].name, "My Custom");
	assert_string_equal(e.contexts[1].type, "My Custom");
	assert_string_equal(kv_get(&e.contexts[1].fields, "a"), "1");
	assert_string_equal(e.contexts[2].type, "gpu");
	assert_int_equal(e.contexts[2].fields.n, 1); /* "type" is never a field */
	assert_int_equal(e.contexts[3].fields.n, 0);
	event_free(&e);
}

static void test_unknown_entry_types(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"eventID\":\"x\",\"entries\":[{\"type\":\"debugmeta\",\"data\":{}},{\"type\":\"template\"},"
	          "{\"type\":\"csp\",\"data\":{}},{\"type\":\"hpkp\"},{\"type\":\"expectct\"},"
	          "{\"type\":\"spans\",\"data\":[]},{\"type\":\"debugmeta\"},{\"type\":\"message\","
	          "\"data\":{\"formatted\":\"hi\"}},{\"type\":\"breadcrumbs\",\"data\":{\"values\":[]}}]}",
	          &e);
	const char *const expect[] = { "debugmeta", "template", "csp", "hpkp", "expectct", "spans" };
	assert_int_equal(e.nunknown, sizeof(expect) / sizeof(expect[0]));
	for (size_t i = 0; i < e.nunknown; i++)
		assert_string_equal(e.unknown_entries[i], expect[i]);
	assert_string_equal(e.message_formatted, "hi");
	event_free(&e);
}

static void test_release_shapes(void **state)
{
	(void)state;
	struct event e;
	decode_ok("{\"release\":\"1.0.0\"}", &e);
	assert_string_equal(e.release, "1.0.0");
	event_free(&e);
	decode_ok("{\"release\":{\"version\":\"web@2.0\",\"shortVersion\":\"2.0\"}}", &e);
	assert_string_equal(e.release, "web@2.0");
	event_free(&e);
	decode_ok("{\"release\":\"\",\"tags\":[[\"release\",\"from-tag\"]]}", &e);
	assert_string_equal(e.release, "from-tag");
	event_free(&e);
}

static void test_message_forms(void **state)
{
	(void)state;
	struct event e;
	/* Ingest: a plain string message is the message. */
	decode_ok("{\"message\":\"Something broke\\ndetails\"}", &e);
	assert_string_equal(e.message_formatted, "Something broke\ndetails");
	assert_string_equal(e.title, "Something broke"); /* first line */
	event_free(&e);
	/* logentry wins over message; formatted over the template. */
	decode_ok("{\"logentry\":{\"message\":\"tpl %s\",\"formatted\":\"tpl x\"},\"message\":\"other\"}", &e);
	assert_string_equal(e.message_formatted, "tpl x");
	event_free(&e);
	decode_ok("{\"logentry\":{\"message\":\"tpl %s\",\"params\":[\"x\"]}}", &e);
	assert_string_equal(e.message_formatted, "tpl %s");
	event_free(&e);
	/* API: the top-level "message" is search text, never the message entry. */
	decode_ok("{\"eventID\":\"x\",\"message\":\"search text\",\"entries\":[]}", &e);
	assert_string_equal(e.message, "search text");
	assert_null(e.message_formatted);
	event_free(&e);
}

/* ---- caps -------------------------------------------------------------------------- */

static void test_frames_over_the_cap_keep_the_crash(void **state)
{
	(void)state;
	const size_t total = EVENT_MAX_FRAMES + 5;
	struct strbuf json = STRBUF_INIT;
	strbuf_adds(&json, "{\"exception\":{\"values\":[{\"type\":\"RecursionError\",\"stacktrace\":{\"frames\":[");
	for (size_t i = 0; i < total; i++)
		strbuf_addf(&json, "%s{\"function\":\"f%zu\",\"lineno\":%zu}", i ? "," : "", i, i + 1);
	strbuf_adds(&json, "]}}]}}");
	struct event e;
	decode_ok(strbuf_str(&json), &e);
	strbuf_free(&json);
	const struct stacktrace *st = e.exceptions[0].stacktrace;
	assert_int_equal(st->nframes, EVENT_MAX_FRAMES);
	assert_int_equal(st->frames_dropped, 5);
	assert_string_equal(st->frames[0].function, "f5");
	assert_string_equal(st->frames[st->nframes - 1].function, "f2004");
	assert_int_equal(st->frames[st->nframes - 1].line_no, 2005);
	event_free(&e);
}

static void test_crumbs_over_the_cap_keep_the_newest(void **state)
{
	(void)state;
	const size_t total = EVENT_MAX_CRUMBS + 5;
	struct strbuf json = STRBUF_INIT;
	strbuf_adds(&json, "{\"breadcrumbs\":[");
	for (size_t i = 0; i < total; i++)
		strbuf_addf(&json, "%s{\"message\":\"c%zu\",\"timestamp\":%zu}", i ? "," : "", i, 1000 + i);
	strbuf_adds(&json, "]}");
	struct event e;
	decode_ok(strbuf_str(&json), &e);
	strbuf_free(&json);
	assert_int_equal(e.ncrumbs, EVENT_MAX_CRUMBS);
	assert_string_equal(e.crumbs[0].message, "c5");
	assert_string_equal(e.crumbs[e.ncrumbs - 1].message, "c1004");
	event_free(&e);
}

static void test_context_over_the_cap_keeps_the_faulting_line(void **state)
{
	(void)state;
	struct strbuf frame = STRBUF_INIT;
	strbuf_adds(&frame, "{\"lineno\":500,\"pre_context\":[");
	for (int i = 0; i < 100; i++)
		strbuf_addf(&frame, "%s\"pre %d\"", i ? "," : "", 400 + i);
	strbuf_adds(&frame, "],\"context_line\":\"THE LINE\",\"post_context\":[");
	for (int i = 0; i < 100; i++)
		strbuf_addf(&frame, "%s\"post %d\"", i ? "," : "", 501 + i);
	strbuf_adds(&frame, "]}");
	struct event e;
	decode_one_frame(strbuf_str(&frame), &e);
	strbuf_free(&frame);
	const struct frame *f = only_frame(&e);
	assert_int_equal(f->ncontext, EVENT_MAX_CONTEXT);
	assert_int_equal(f->context[0].line_no, 468);
	assert_string_equal(f->context[0].text, "pre 468");
	assert_string_equal(f->context[32].text, "THE LINE");
	assert_int_equal(f->context[32].line_no, 500);
	assert_int_equal(f->context[EVENT_MAX_CONTEXT - 1].line_no, 531);
	event_free(&e);

	/* API form: the faulting line near the end of a long list stays in the window. */
	struct strbuf api = STRBUF_INIT;
	strbuf_adds(&api, "{\"lineNo\":199,\"context\":[");
	for (int i = 1; i <= 200; i++)
		strbuf_addf(&api, "%s[%d,\"l%d\"]", i > 1 ? "," : "", i, i);
	strbuf_adds(&api, "]}");
	decode_one_frame(strbuf_str(&api), &e);
	strbuf_free(&api);
	f = only_frame(&e);
	assert_int_equal(f->ncontext, EVENT_MAX_CONTEXT);
	assert_int_equal(f->context[0].line_no, 137);
	assert_int_equal(f->context[EVENT_MAX_CONTEXT - 1].line_no, 200);
	event_free(&e);
}

static void test_exceptions_over_the_cap_keep_the_raised_one(void **state)
{
	(void)state;
	const size_t total = EVENT_MAX_EXCEPTIONS + 3;
	struct strbuf json = STRBUF_INIT;
	strbuf_adds(&json, "{\"exception\":[");
	for (size_t i = 0; i < total; i++)
		strbuf_addf(&json, "%s{\"type\":\"E%zu\"}", i ? "," : "", i);
	strbuf_adds(&json, "]}");
	struct event e;
	decode_ok(strbuf_str(&json), &e);
	strbuf_free(&json);
	assert_int_equal(e.nexceptions, EVENT_MAX_EXCEPTIONS);
	assert_string_equal(e.exceptions[0].type, "E3");
	assert_string_equal(e.exceptions[e.nexceptions - 1].type, "E102");
	event_free(&e);
}

static void test_kv_lists_over_the_cap(void **state)
{
	(void)state;
	struct strbuf json = STRBUF_INIT;
	strbuf_adds(&json, "{\"tags\":{");
	for (int i = 0; i < EVENT_MAX_KV + 500; i++)
		strbuf_addf(&json, "%s\"k%d\":\"v\"", i ? "," : "", i);
	strbuf_adds(&json, "},\"entries\":[");
	for (int i = 0; i < EVENT_MAX_KV + 500; i++)
		strbuf_addf(&json, "%s{\"type\":\"t%d\"}", i ? "," : "", i);
	strbuf_adds(&json, "]}");
	struct event e;
	decode_ok(strbuf_str(&json), &e);
	strbuf_free(&json);
	assert_int_equal(e.tags.n, EVENT_MAX_KV);
	assert_string_equal(e.tags.items[EVENT_MAX_KV - 1].key, "k999");
	assert_int_equal(e.nunknown, EVENT_MAX_KV);
	event_free(&e);
}

static void test_long_strings_cut_on_character_boundaries(void **state)
{
	(void)state;
	struct strbuf json = STRBUF_INIT;
	/* 3-byte characters: no cap is a multiple of 3, so a byte cut would split one. */
	strbuf_adds(&json, "{\"title\":\"");
	add_repeated(&json, "\u20ac", MODEL_MAX_TITLE);
	strbuf_adds(&json, "\",\"exception\":{\"values\":[{\"type\":\"E\",\"value\":\"");
	add_repeated(&json, "\u20ac", EVENT_MAX_VALUE);
	strbuf_adds(&json, "\",\"stacktrace\":{\"frames\":[{\"vars\":{\"big\":[\"");
	add_repeated(&json, "\u20ac", EVENT_MAX_VALUE);
	strbuf_adds(&json, "\"]}}]}}]}}");
	struct event e;
	decode_ok(strbuf_str(&json), &e);
	strbuf_free(&json);
	assert_true(strlen(e.title) <= MODEL_MAX_TITLE && strlen(e.title) > MODEL_MAX_TITLE - 3);
	assert_true(valid_utf8(e.title));
	const char *value = e.exceptions[0].value;
	assert_true(strlen(value) <= EVENT_MAX_VALUE && strlen(value) > EVENT_MAX_VALUE - 3);
	assert_true(valid_utf8(value));
	const char *big = kv_get(&e.exceptions[0].stacktrace->frames[0].vars, "big");
	assert_true(strlen(big) <= EVENT_MAX_VALUE && strlen(big) > EVENT_MAX_VALUE - 3);
	assert_int_equal(strncmp(big, "[\"\u20ac", 5), 0);
	assert_true(valid_utf8(big));
	event_free(&e);
}

static void test_nul_and_invalid_utf8(void **state)
{
	(void)state;
	struct event e;
	/* "\u0000" and raw invalid bytes become U+FFFD (nothing after a NUL is hidden). */
	const char json[] = "{\"title\":\"a\\u0000b\",\"culprit\":\"x\xff\xfey\",\"platform\":\"\\u0000\"}";
	decode_ok(json, &e);
	assert_string_equal(e.title, "a\xef\xbf\xbd" "b");
	assert_string_equal(e.culprit, "x\xef\xbf\xbd\xef\xbf\xbdy");
	assert_string_equal(e.platform, "\xef\xbf\xbd");
	event_free(&e);
}

static void test_deep_nesting_in_vars(void **state)
{
	(void)state;
	struct strbuf frame = STRBUF_INIT;
	strbuf_adds(&frame, "{\"vars\":{\"deep\":");
	add_repeated(&frame, "[", 1000);
	add_repeated(&frame, "]", 1000);
	strbuf_adds(&frame, "}}");
	struct event e;
	decode_one_frame(strbuf_str(&frame), &e);
	strbuf_free(&frame);
	assert_int_equal(strlen(kv_get(&only_frame(&e)->vars, "deep")), 2000);
	event_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_not_json),
		cmocka_unit_test(test_wrong_top_level_shape),
		cmocka_unit_test(test_minimal_objects_decode),
		cmocka_unit_test(test_every_member_null),
		cmocka_unit_test(test_every_member_mistyped),
		cmocka_unit_test(test_ids_may_be_numbers),
		cmocka_unit_test(test_entries_with_junk),
		cmocka_unit_test(test_frame_fields_mistyped),
		cmocka_unit_test(test_malformed_context_lines),
		cmocka_unit_test(test_vars_rendering),
		cmocka_unit_test(test_frames_omitted_and_registers),
		cmocka_unit_test(test_threads_and_bare_stacktrace),
		cmocka_unit_test(test_chained_exceptions_keep_order),
		cmocka_unit_test(test_breadcrumb_variants),
		cmocka_unit_test(test_request_variants),
		cmocka_unit_test(test_tag_shapes),
		cmocka_unit_test(test_user_order_and_flattening),
		cmocka_unit_test(test_context_variants),
		cmocka_unit_test(test_unknown_entry_types),
		cmocka_unit_test(test_release_shapes),
		cmocka_unit_test(test_message_forms),
		cmocka_unit_test(test_frames_over_the_cap_keep_the_crash),
		cmocka_unit_test(test_crumbs_over_the_cap_keep_the_newest),
		cmocka_unit_test(test_context_over_the_cap_keeps_the_faulting_line),
		cmocka_unit_test(test_exceptions_over_the_cap_keep_the_raised_one),
		cmocka_unit_test(test_kv_lists_over_the_cap),
		cmocka_unit_test(test_long_strings_cut_on_character_boundaries),
		cmocka_unit_test(test_nul_and_invalid_utf8),
		cmocka_unit_test(test_deep_nesting_in_vars),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
