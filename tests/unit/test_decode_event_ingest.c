/* decode_event against the SDK payloads (tests/fixtures/sentry/ingest): the ingest form
 * (snake_case frames with pre_context/context_line/post_context, float or ISO
 * timestamps, tags as pairs or an object, interfaces at the top level) must read the
 * same on screen as the API form (see test_decode_event.c for that). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "tests/unit/support/event_checks.h"
#include "tests/unit/support/fixture.h"
#include "util/strbuf.h"

/* ---- helpers ----------------------------------------------------------------------- */


/* ---- SDK payloads (GlitchTip's test data: what the SDKs really sent) --------------- */

static void test_python_payload(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("ingest/sdk-payload.python_zero_division.json", &e);
	assert_string_equal(e.id, "dd9e1afb828a44d5b4df0183adaee5d8");
	assert_string_equal(e.title, "ZeroDivisionError: division by zero"); /* derived */
	assert_string_equal(e.platform, "python");
	assert_string_equal(e.type, "error");
	assert_string_equal(e.level, "error");
	assert_string_equal(e.culprit, "/divide-zero/"); /* from "transaction" */
	assert_int_equal(e.date_created, 1588438460);    /* "2020-05-02T16:54:20.487733Z" */
	assert_int_equal(e.nexceptions, 1);
	assert_string_equal(e.exceptions[0].value, "division by zero");
	assert_string_equal(e.exceptions[0].mechanism, "django");
	assert_int_equal(e.exceptions[0].handled, 0);
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 6);
	const struct frame *crash = crash_frame(st);
	assert_string_equal(crash->function, "get");
	assert_string_equal(crash->filename, "errors/views.py");
	assert_string_equal(crash->abs_path, "/code/errors/views.py");
	assert_int_equal(crash->line_no, 18);
	for (size_t i = 0; i < st->nframes; i++)
		assert_int_equal(st->frames[i].in_app, 1); /* the SDK said in_app: true */
	/* 5 pre_context lines, the context_line, 5 post_context lines: 13..23. */
	assert_context_lines(crash, 13, 23);
	assert_string_equal(faulting_line(crash), "        0/0");
	assert_string_equal(crash->context[0].text, "    template_name = \"home.html\"");
	assert_string_equal(crash->context[10].text, "        User.objects.get(id=\"9999999\")");
	assert_context_lines(&st->frames[0], 29, 39);
	assert_true(crash->has_vars);
	assert_int_equal(crash->vars.n, 4);
	assert_string_equal(kv_get(&crash->vars, "request"), "<WSGIRequest: GET '/divide-zero/'>");
	assert_string_equal(kv_get(&st->frames[1].vars, "callback_args"), "[]");

	assert_int_equal(e.ncrumbs, 0); /* "breadcrumbs": [] */
	assert_string_equal(e.request->method, "GET");
	assert_string_equal(e.request->url, "http://localhost:8001/divide-zero/");
	assert_string_equal(e.request->query, "foo=bar&foo=bars&lol=ha"); /* query_string */
	assert_int_equal(e.request->headers.n, 11);                      /* an object here */
	assert_string_equal(kv_get(&e.request->headers, "Host"), "localhost:8001");
	assert_string_equal(kv_get(&e.request->headers, "Cookie"), "");
	assert_string_equal(kv_get(&e.request->env, "SERVER_NAME"), "2f96b0310f37");
	/* Contexts without "type" are of the kind their key names. */
	assert_context_names(&e, (const char *const[]){ "trace", "runtime", NULL });
	assert_string_equal(e.contexts[0].type, "trace");
	assert_string_equal(e.contexts[1].type, "runtime");
	assert_string_equal(kv_get(&e.contexts[0].fields, "op"), "django.middleware");
	assert_int_equal(e.tags.n, 0);
	assert_int_equal(e.user.n, 0);
	assert_string_equal(kv_get(&e.sdk, "name"), "sentry.python");
	assert_string_equal(kv_get(&e.sdk, "packages"), "[{\"name\":\"pypi:sentry-sdk\",\"version\":\"0.14.3\"}]");
	assert_string_equal(kv_get(&e.extra, "sys.argv"), "[\"./manage.py\",\"runserver\",\"0.0.0.0:8001\"]");
	assert_unknown_entries(&e, no_entries);
	assert_null(e.next_event_id);
	event_free(&e);
}

static void test_js_payload_breadcrumbs(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("ingest/sdk-payload.js_event_with_unix_timestamp.json", &e);
	assert_string_equal(e.title, "Error: A Generic Error 9371d7");
	assert_int_equal(e.date_created, 1595472880); /* float 1595472880.109 */
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 14);
	const struct frame *crash = crash_frame(st);
	assert_string_equal(crash->function, "viewWrappedDebugError");
	assert_string_equal(crash->filename, "http://localhost:4201/vendor.js");
	assert_int_equal(crash->line_no, 63709);
	assert_int_equal(crash->col_no, 15);
	assert_int_equal(crash->in_app, 1);
	assert_int_equal(crash->ncontext, 0);

	/* A bare list with float timestamps, fractions kept. */
	assert_int_equal(e.ncrumbs, 3);
	assert_crumb(&e.crumbs[0], "console", "log",
	             "Angular is running in the development mode. Call enableProdMode() to enable the production mode.");
	assert_true(fabs(e.crumbs[0].timestamp - 1595472877.277) < 1e-6);
	/* No level and no type: Sentry shows "info" and "default". */
	assert_crumb(&e.crumbs[1], "ui.click", "info", "body > app-root > ol > li > button");
	assert_string_equal(e.crumbs[1].type, "default");
	assert_crumb(&e.crumbs[2], "xhr", "info", NULL);
	assert_string_equal(e.crumbs[2].type, "http");
	assert_true(fabs(e.crumbs[2].timestamp - 1595472877.823) < 1e-6);
	assert_string_equal(kv_get(&e.crumbs[2].data, "url"), "http://localhost:4201/sockjs-node/info?t=1595472877347");

	assert_null(e.request->method);
	assert_int_equal(e.request->headers.n, 1);
	assert_string_equal(kv_get(&e.sdk, "version"), "5.20.0");
	assert_int_equal(e.tags.n, 0);
	assert_int_equal(e.ncontexts, 0);
	assert_unknown_entries(&e, no_entries);
	event_free(&e);
}

static void test_go_payload(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("ingest/sdk-payload.go_file_not_found.json", &e);
	/* sentry-go sends "exception" as a bare list. */
	assert_int_equal(e.nexceptions, 1);
	assert_string_equal(e.title, "*os.PathError: open ./test.txt: no such file or directory");
	assert_int_equal(e.date_created, 1587843416); /* nine fraction digits */
	const struct frame *crash = crash_frame(exception_stack(&e, 0));
	assert_string_equal(crash->function, "main");
	assert_string_equal(crash->abs_path, "/app/file-not-found/file-not-found.go");
	assert_int_equal(crash->line_no, 25);
	assert_int_equal(crash->in_app, 1);
	assert_context_lines(crash, 20, 30);
	assert_string_equal(faulting_line(crash), "\t\tsentry.CaptureException(err)");
	assert_false(crash->has_vars);
	assert_int_equal(e.user.n, 0); /* "user": {} */
	assert_null(e.request);
	assert_context_names(&e, (const char *const[]){ "device", "os", "runtime", NULL });
	assert_string_equal(e.contexts[0].type, "device");
	assert_string_equal(kv_get(&e.contexts[2].fields, "go_maxprocs"), "8");
	assert_string_equal(kv_get(&e.sdk, "name"), "sentry.go");
	assert_string_equal(kv_get(&e.sdk, "integrations"),
	                    "[\"ContextifyFrames\",\"Environment\",\"IgnoreErrors\",\"Modules\"]");
	event_free(&e);
}

static void test_php_payload(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("ingest/sdk-payload.php_message_event.json", &e);
	assert_string_equal(e.title, "My raw message with interpreted strings8 like {foo}");
	assert_string_equal(e.type, "default");
	assert_int_equal(e.nexceptions, 0);
	assert_string_equal(e.message_formatted, "My raw message with interpreted strings8 like {foo}");
	assert_int_equal(e.date_created, 1664988471); /* 1664988471.208 */
	assert_string_equal(e.environment, "production");
	assert_string_equal(e.logger, "php");
	assert_null(e.culprit); /* "transaction": "" */
	/* PHP sends each header as a list of values. */
	assert_int_equal(e.request->headers.n, 18);
	assert_string_equal(kv_get(&e.request->headers, "Cookie"), "[Filtered]");
	assert_string_equal(kv_get(&e.request->headers, "Host"), "localhost:8080");
	assert_string_equal(kv_get(&e.request->headers, "Content-Type"), "");
	assert_context_names(&e, (const char *const[]){ "os", "runtime", "user", NULL });
	assert_string_equal(context_named(&e, "user")->type, "user");
	assert_string_equal(kv_get(&context_named(&e, "os")->fields, "version"), "5.14.0-1051-oem");
	assert_string_equal(kv_get(&e.sdk, "name"), "sentry.php");
	assert_int_equal(e.ncrumbs, 0);
	assert_unknown_entries(&e, no_entries);
	event_free(&e);
}

static void test_small_js_payload(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("ingest/sdk-payload.small_js_error.json", &e);
	assert_string_equal(e.title, "Error: this is an error");
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 3);
	assert_string_equal(crash_frame(st)->function, "?");
	assert_int_equal(crash_frame(st)->col_no, 73977);
	/* Tags as an object; a boolean reads as JSON does. */
	assert_int_equal(e.tags.n, 1);
	assert_string_equal(kv_get(&e.tags, "skippedNormalization"), "true");
	assert_string_equal(kv_get(&e.extra, "normalizeDepth"), "3");
	assert_string_equal(e.environment, "production");
	assert_string_equal(e.request->url, "http://127.0.0.1:8080/");
	assert_string_equal(kv_get(&e.sdk, "name"), "sentry.javascript.browser");
	assert_int_equal(e.ncontexts, 0);
	assert_unknown_entries(&e, no_entries);
	event_free(&e);
}

static void test_dotnet_payload(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("ingest/sdk-payload.dotnet_divide_zero.json", &e);
	assert_string_equal(e.title, "System.DivideByZeroException: Attempted to divide by zero.");
	assert_string_equal(e.platform, "csharp");
	assert_int_equal(e.date_created, 1589322636); /* "2020-05-12T22:30:36.0021839+00:00" */
	assert_string_equal(e.message_formatted, "An unhandled exception has occurred while executing the request.");
	assert_string_equal(e.environment, "Development");
	assert_int_equal(e.nexceptions, 1);
	assert_string_equal(e.exceptions[0].thread_id, "6"); /* a number */
	assert_non_null(strstr(e.exceptions[0].module, "System.Private.CoreLib"));
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 5);
	assert_int_equal(st->frames[0].in_app, 0);
	assert_null(st->frames[0].filename);
	assert_int_equal(st->frames[0].line_no, 0);
	const struct frame *crash = crash_frame(st);
	assert_string_equal(crash->function, "DivideByZero");
	assert_string_equal(crash->filename, "/app/Pages/Divide-Zero.cs");
	assert_string_equal(crash->module, "myWebApp.Pages.DivideZeroModel");
	assert_int_equal(crash->line_no, 14);
	assert_int_equal(crash->col_no, 13);
	assert_int_equal(crash->in_app, 1);
	assert_int_equal(e.tags.n, 5);
	assert_string_equal(kv_get(&e.tags, "RequestId"), "0HLVMOGBIU2OM:00000001");
	assert_context_names(&e, (const char *const[]){ "server-runtime", "server-os", NULL });
	assert_string_equal(e.contexts[0].type, "runtime");
	assert_string_equal(e.contexts[1].type, "os");
	assert_null(e.request->query); /* "query_string": "" */
	assert_int_equal(e.request->headers.n, 9);
	assert_string_equal(kv_get(&e.sdk, "name"), "sentry.dotnet.aspnetcore");
	assert_int_equal(e.ncrumbs, 0);
	assert_unknown_entries(&e, no_entries);
	event_free(&e);
}

/* ---- the same event as OSS Sentry stores it --------------------------------------- */

static void test_sentry_stored_python(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("ingest/oss-sentry-stored.python_zero_division.json", &e);
	assert_string_equal(e.title, "ZeroDivisionError: division by zero");
	assert_string_equal(e.project_id, "3");
	assert_int_equal(e.date_created, 1588438460);  /* "datetime" */
	assert_int_equal(e.date_received, 1588444676); /* "received": float */
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 6);
	const struct frame *crash = crash_frame(st);
	assert_int_equal(crash->in_app, 0);
	assert_context_lines(crash, 13, 23);
	assert_string_equal(faulting_line(crash), "        0/0");
	/* Tags, headers and query as [[k, v], …]. */
	assert_int_equal(e.tags.n, 11);
	assert_string_equal(kv_get(&e.tags, "browser"), "Firefox 75.0");
	assert_int_equal(e.request->headers.n, 10);
	assert_string_equal(e.request->query, "foo=bar&foo=bars&lol=ha");
	assert_string_equal(e.request->content_type, "text/plain");
	/* "os": {"version": null, "name": "Ubuntu"}: null fields are left out. */
	assert_int_equal(context_named(&e, "os")->fields.n, 1);
	assert_string_equal(context_named(&e, "browser")->type, "browser");
	event_free(&e);
}

/* ---- Sentry's sample events --------------------------------------------------------- */

static void test_android_native_addresses_only(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("ingest/sentry-sample.android-ndk.native.json", &e);
	assert_string_equal(e.id, "3882f0cd-6fcf-4b16-b941-7ce61f8bfb13");
	assert_string_equal(e.title, "SIGSEGV: Segfault");
	assert_string_equal(e.platform, "native");
	assert_string_equal(e.level, "fatal");
	assert_int_equal(e.nexceptions, 1);
	assert_string_equal(e.exceptions[0].mechanism, "signalhandler");
	assert_true(e.exceptions[0].synthetic);
	assert_int_equal(e.exceptions[0].handled, 0);
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 36);
	assert_string_equal(st->frames[0].instruction_addr, "0x708ebbf9");
	const struct frame *crash = crash_frame(st);
	assert_string_equal(crash->instruction_addr, "0xbcc196b4");
	assert_null(crash->function);
	assert_null(crash->filename);
	assert_null(crash->symbol_addr);
	assert_int_equal(crash->line_no, 0);
	assert_int_equal(crash->in_app, -1);
	assert_int_equal(crash->ncontext, 0);
	assert_int_equal(e.date_created, 0);
	/* debug_meta: the images list the screen does not draw. */
	assert_unknown_entries(&e, (const char *const[]){ "debugmeta", NULL });
	event_free(&e);
}

static void test_cocoa_instruction_addresses(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("ingest/sentry-sample.cocoa.exception-with-address-instruction.json", &e);
	assert_null(e.id); /* the sample has none */
	assert_string_equal(e.platform, "cocoa");
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 4);
	assert_string_equal(st->frames[1].raw_function, " start + 1");
	assert_string_equal(st->frames[1].package, "libdyld.dylib");
	assert_string_equal(st->frames[1].instruction_addr, "0x7fff2025a3e9");
	const struct frame *crash = crash_frame(st);
	assert_string_equal(crash->function, "-[UITableView _userSelectRowAtPendingSelectionIndexPath:] + 334");
	assert_string_equal(crash->package, "UIKitCore");
	assert_string_equal(crash->instruction_addr, "0x7fff248b1f42");
	assert_int_equal(crash->line_no, 0); /* "lineno": 0 */
	assert_int_equal(crash->in_app, 0);
	assert_int_equal(strncmp(e.title, "The operation couldn\u2019t be completed.", 37), 0);
	event_free(&e);
}

static void test_python_transaction_sample(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("ingest/sentry-sample.python-transaction.json", &e);
	assert_string_equal(e.type, "transaction");
	assert_string_equal(e.title, "getProductList"); /* the transaction name */
	assert_string_equal(e.project_id, "6422");
	assert_string_equal(e.release, "checkout-app@3.2");
	assert_string_equal(e.environment, "prod");
	assert_string_equal(e.level, "info");
	assert_int_equal(e.date_created, 1627579982);
	assert_int_equal(e.date_received, 1627581737);
	assert_int_equal(e.nexceptions, 0);
	assert_int_equal(e.user.n, 7);
	assert_string_equal(e.user.items[0].key, "id");
	assert_string_equal(e.user.items[0].value, "4292");
	assert_string_equal(e.user.items[1].value, "selia@example.com");
	assert_string_equal(e.user.items[3].key, "name");
	assert_string_equal(kv_get(&e.user, "geo.city"), "Melbourne");
	assert_int_equal(e.tags.n, 14);
	assert_string_equal(kv_get(&e.tags, "user"), "id:4292");
	assert_string_equal(kv_get(&e.extra, "inventory"), "{\"hammer\":1,\"nails\":1,\"wrench\":0}");
	assert_context_names(&e, (const char *const[]){ "browser", "client_os", "os", "runtime", "trace", NULL });
	assert_string_equal(context_named(&e, "client_os")->type, "os");
	assert_string_equal(e.request->url, "https://app.example.com/products");
	assert_int_equal(e.request->headers.n, 0);
	assert_unknown_entries(&e, (const char *const[]){ "spans", NULL });
	event_free(&e);
}

/* GlitchTip keeps a transaction envelope as a JSON list [envelope header, item header,
 * payload]. No server answers with that, so decode_event refuses the list and the
 * payload item decodes like any SDK transaction. */
static void test_envelope_transaction_item(void **state)
{
	(void)state;
	size_t len;
	char *body = fixture_read("ingest/envelope-as-json.transaction.django_simple.json", &len);
	struct event e;
	struct strbuf err = STRBUF_INIT;
	assert_false(decode_event(body, len, &e, &err));
	assert_string_equal(strbuf_str(&err), "expected an event, got a list");
	strbuf_free(&err);

	json_error_t error;
	json_t *envelope = json_loadb(body, len, 0, &error);
	free(body);
	assert_non_null(envelope);
	char *item = json_dumps(json_array_get(envelope, 2), JSON_COMPACT);
	json_decref(envelope);
	assert_true(decode_event(item, strlen(item), &e, NULL));
	free(item);
	assert_string_equal(e.id, "5a337086bc1545448e29ed938729cba3");
	assert_string_equal(e.type, "transaction");
	assert_string_equal(e.title, "/");
	assert_int_equal(e.date_created, 1609264268); /* "2020-12-29T17:51:08.468108Z" */
	assert_string_equal(kv_get(&e.tags, "http.status_code"), "200");
	assert_string_equal(e.request->method, "GET");
	assert_int_equal(e.request->headers.n, 11);
	assert_null(e.request->query);
	assert_string_equal(kv_get(&context_named(&e, "trace")->fields, "status"), "ok");
	assert_null(kv_get(&context_named(&e, "trace")->fields, "parent_span_id")); /* null */
	assert_unknown_entries(&e, (const char *const[]){ "spans", NULL });
	event_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_python_payload),
		cmocka_unit_test(test_js_payload_breadcrumbs),
		cmocka_unit_test(test_go_payload),
		cmocka_unit_test(test_php_payload),
		cmocka_unit_test(test_small_js_payload),
		cmocka_unit_test(test_dotnet_payload),
		cmocka_unit_test(test_sentry_stored_python),
		cmocka_unit_test(test_android_native_addresses_only),
		cmocka_unit_test(test_cocoa_instruction_addresses),
		cmocka_unit_test(test_python_transaction_sample),
		cmocka_unit_test(test_envelope_transaction_item),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
