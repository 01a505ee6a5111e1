/* The context section: who was affected, which request (with credentials masked: these
 * screens get shared during incidents), where it ran, which build, the event's own tags
 * and extra data, in that order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/unit/test_event_render_harness.h"

static struct context_block *add_context(struct event *e, const char *name, const char *type)
{
	struct context_block *b = harness_push((void **)&e->contexts, &e->ncontexts, sizeof(*b));
	b->name = xstrdup(name);
	b->type = xstrdup(type);
	return b;
}

static struct event checkout_event(void)
{
	struct event e = { 0 };
	kv_list_add(&e.user, "id", "42");
	kv_list_add(&e.user, "email", "jane@shop.test");

	struct http_request *rq = xcalloc(1, sizeof(*rq));
	rq->method = xstrdup("POST");
	rq->url = xstrdup("https://shop.test/pay?api_key=zz&q=1#top");
	rq->query = xstrdup("page=2&access_token=abc&empty=");
	rq->data = xstrdup("{\"amount\":5}");
	kv_list_add(&rq->headers, "Authorization", "Bearer eyJhbGciOi");
	kv_list_add(&rq->headers, "Cookie", "sessionid=s3cr3t");
	kv_list_add(&rq->headers, "Content-Type", "application/json");
	kv_list_add(&rq->headers, "X-Request-Id", "r-1");
	kv_list_add(&rq->headers, "X-Api-Key", "k-123");
	kv_list_add(&rq->cookies, "sessionid", "s3cr3t");
	kv_list_add(&rq->cookies, "theme", "dark");
	kv_list_add(&rq->env, "REMOTE_ADDR", "10.0.0.1");
	kv_list_add(&rq->env, "SECRET_KEY", "django-insecure");
	e.request = rq;

	struct context_block *b = add_context(&e, "os", "os");
	kv_list_add(&b->fields, "name", "Ubuntu");
	kv_list_add(&b->fields, "version", "22.04");
	b = add_context(&e, "browser", "browser");
	kv_list_add(&b->fields, "name", "Chrome");
	b = add_context(&e, "Shop Cart", "default");
	kv_list_add(&b->fields, "items", "[\"sku-1\",\"sku-2\"]");
	b = add_context(&e, "trace", "trace");
	kv_list_add(&b->fields, "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");

	kv_list_add(&e.sdk, "name", "sentry.python");
	kv_list_add(&e.sdk, "version", "1.40.0");
	e.release = xstrdup("shop@2.4.1");
	e.dist = xstrdup("42");
	e.environment = xstrdup("production");
	kv_list_add(&e.tags, "level", "error");
	kv_list_add(&e.tags, "server_name", "web-3");
	kv_list_add(&e.extra, "order_id", "1001");
	kv_list_add(&e.extra, "db_password", "hunter2");
	return e;
}

static void test_sections_in_order(void **state)
{
	struct event e = checkout_event();
	struct lines ls = { 0 };
	render_context(&e, &ls);
	static const char *const want[] = {
		"User", "Request", "OS", "Browser", "Shop Cart", "Trace", "SDK", "Release",
		"Environment", "Tags", "Extra",
	};
	size_t k = 0;
	for (size_t i = 0; i < ls.n; i++) {
		if (ls.items[i].kind != LINE_HEADING || ls.items[i].indent != 0)
			continue;
		char *got = line_text(&ls.items[i]);
		if (k >= sizeof(want) / sizeof(*want) || strcmp(got, want[k]) != 0) {
			char what[256];
			snprintf(what, sizeof(what), "heading %zu is \"%s\"", k, got);
			free(got);
			fail_with_dump(&ls, what);
		}
		free(got);
		k++;
	}
	assert_int_equal(k, sizeof(want) / sizeof(*want));
	lines_free(&ls);
	event_free(&e);
}

static void test_fields_and_blocks(void **state)
{
	struct event e = checkout_event();
	struct lines ls = { 0 };
	render_context(&e, &ls);
	ASSERT_TEXTS(&ls, 0, "User", "id     42", "email  jane@shop.test", "");
	assert_int_equal(ls.items[1].kind, LINE_FIELD);
	size_t os = must_find(&ls, "OS");
	ASSERT_TEXTS(&ls, os, "OS", "name     Ubuntu", "version  22.04", "", "Browser", "name  Chrome",
	             "", "Shop Cart", "items  [\"sku-1\",\"sku-2\"]", "",
	             "Trace", "trace_id  4bf92f3577b34da6a3ce929d0e0e4736", "",
	             "SDK", "name     sentry.python", "version  1.40.0", "",
	             "Release", "version  shop@2.4.1", "dist     42", "",
	             "Environment", "name  production", "",
	             "Tags", "level        error", "server_name  web-3", "",
	             "Extra", "order_id     1001", "db_password  ********");
	assert_int_equal(ls.n, os + 31);
	lines_free(&ls);
	event_free(&e);
}

static void test_request_masks_credentials(void **state)
{
	struct event e = checkout_event();
	struct lines ls = { 0 };
	render_context(&e, &ls);
	size_t rq = must_find(&ls, "Request");
	ASSERT_TEXTS(&ls, rq,
	             "Request",
	             "POST   https://shop.test/pay?api_key=********&q=1#top",
	             "query  page=2&access_token=********&empty=",
	             "data   {\"amount\":5}",
	             "Headers",
	             "Authorization  ********",
	             "Cookie         ********",
	             "Content-Type   application/json",
	             "X-Request-Id   r-1",
	             "X-Api-Key      ********",
	             "Cookies",
	             "sessionid  ********",
	             "theme      ********",
	             "Env",
	             "REMOTE_ADDR  10.0.0.1",
	             "SECRET_KEY   ********");
	assert_int_equal(ls.items[rq + 4].kind, LINE_HEADING);
	assert_int_equal(ls.items[rq + 4].indent, 2);
	assert_int_equal(ls.items[rq + 5].indent, 4);
	assert_nowhere(&ls, "eyJhbGciOi");
	assert_nowhere(&ls, "s3cr3t");
	assert_nowhere(&ls, "k-123");
	assert_nowhere(&ls, "hunter2");
	assert_nowhere(&ls, "django-insecure");
	assert_nowhere(&ls, "abc");
	assert_nowhere(&ls, "zz");
	lines_free(&ls);
	event_free(&e);
}

static void test_secret_header_names(void **state)
{
	static const char *const secret[] = {
		"Authorization", "authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
		"X-Api-Key", "api_key", "apikey", "X-CSRFToken", "access_token", "client_secret",
		"X-Amz-Security-Token", "password", "DB_PASSWORD", "X-Sentry-Auth", "sessionid",
		"key", "sig", "AWS_SECRET_ACCESS_KEY", "private_key",
	};
	static const char *const plain[] = {
		"Content-Type", "User-Agent", "Accept", "X-Request-Id", "Host", "PWD", "monkey",
		"REMOTE_ADDR", "keyboard", "page", "",
	};
	for (size_t i = 0; i < sizeof(secret) / sizeof(*secret); i++)
		if (!render_is_secret_header(secret[i]))
			fail_msg("\"%s\" should be masked", secret[i]);
	for (size_t i = 0; i < sizeof(plain) / sizeof(*plain); i++)
		if (render_is_secret_header(plain[i]))
			fail_msg("\"%s\" should be shown", plain[i]);
	assert_false(render_is_secret_header(NULL));
}

static void test_request_without_method_and_empty_event(void **state)
{
	struct event e = { 0 };
	struct lines ls = { 0 };
	render_context(&e, &ls);
	assert_line(&ls, 0, LINE_TEXT, "No context");
	assert_int_equal(ls.n, 1);
	lines_free(&ls);

	e.request = xcalloc(1, sizeof(*e.request));
	e.request->url = xstrdup("https://shop.test/");
	render_context(&e, &ls);
	ASSERT_TEXTS(&ls, 0, "Request", "url  https://shop.test/");
	assert_int_equal(ls.n, 2);
	lines_free(&ls);
	event_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sections_in_order),
		cmocka_unit_test(test_fields_and_blocks),
		cmocka_unit_test(test_request_masks_credentials),
		cmocka_unit_test(test_secret_header_names),
		cmocka_unit_test(test_request_without_method_and_empty_event),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
