/* decode_event against every API-form event fixture (tests/fixtures/sentry/api): what
 * the issue screen shows of each, from the title down to the faulting source line.
 * The ingest form is in test_decode_event_ingest.c, hostile and broken payloads in
 * test_decode_event_hostile.c, issue detail/tags/event list in test_decode_event_issue.c.
 *
 * The fake server (tests/fake_sentry) builds its events from these same fixtures. Every
 * response of its demo, small and hostile data sets (issue detail, events/latest and
 * oldest, the event list with and without full=true, tags, one tag key) decoded without
 * a failure when these decoders were written; the shapes it adds (rewritten ids, dates,
 * tags) are covered by the variants in test_decode_event_hostile.c. */
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
#include "tests/unit/support/event_checks.h"
#include "tests/unit/support/fixture.h"
#include "util/strbuf.h"

/* ---- helpers ----------------------------------------------------------------------- */


/* ---- OSS Sentry events (GlitchTip's captures of Sentry's event API) ---------------- */

static void test_python_zero_division(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("api/oss-sentry.event.python_zero_division.json", &e);
	assert_string_equal(e.id, "dd9e1afb828a44d5b4df0183adaee5d8");
	assert_string_equal(e.group_id, "64");
	assert_string_equal(e.project_id, "3");
	assert_string_equal(e.title, "ZeroDivisionError: division by zero");
	assert_string_equal(e.platform, "python");
	assert_string_equal(e.type, "error");
	assert_string_equal(e.level, "error");
	assert_string_equal(e.culprit, "/divide-zero/");
	assert_string_equal(e.location, "errors/views.py");
	assert_int_equal(e.date_created, 1588438460);    /* 2020-05-02T16:54:20.488Z */
	assert_true(e.timestamp > 1588438460.487 && e.timestamp < 1588438460.489);
	assert_int_equal(e.date_received, 1588444676);

	assert_int_equal(e.nexceptions, 1);
	assert_string_equal(e.exceptions[0].type, "ZeroDivisionError");
	assert_string_equal(e.exceptions[0].value, "division by zero");
	assert_string_equal(e.exceptions[0].mechanism, "django");
	assert_int_equal(e.exceptions[0].handled, 0);
	assert_null(e.exceptions[0].raw_stacktrace);
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 6);
	assert_int_equal(st->frames_dropped, 0);
	const struct frame *crash = crash_frame(st);
	assert_string_equal(crash->function, "get");
	assert_string_equal(crash->filename, "errors/views.py");
	assert_string_equal(crash->module, "errors.views");
	assert_string_equal(crash->abs_path, "/code/errors/views.py");
	assert_int_equal(crash->line_no, 18);
	assert_int_equal(crash->col_no, 0);
	for (size_t i = 0; i < st->nframes; i++)
		assert_int_equal(st->frames[i].in_app, 0); /* this server sent inApp: false */
	assert_context_lines(crash, 13, 23);
	assert_string_equal(faulting_line(crash), "        0/0");
	assert_string_equal(crash->context[3].text, "class DivideZeroView(View):");
	assert_true(crash->has_vars);
	assert_int_equal(crash->vars.n, 4);
	assert_string_equal(kv_get(&crash->vars, "self"),
	                    "<errors.views.DivideZeroView object at 0x7f181e6651f0>");
	assert_string_equal(kv_get(&crash->vars, "args"), "[]");
	assert_string_equal(kv_get(&crash->vars, "kwargs"), "{}");
	assert_string_equal(kv_get(&st->frames[1].vars, "response"), "None");
	assert_string_equal(faulting_line(&st->frames[0]), "            response = get_response(request)");

	assert_int_equal(e.ncrumbs, 0);
	assert_non_null(e.request);
	assert_string_equal(e.request->method, "GET");
	assert_string_equal(e.request->url, "http://localhost:8001/divide-zero/");
	assert_string_equal(e.request->query, "foo=bar&foo=bars&lol=ha");
	assert_null(e.request->fragment); /* "" */
	assert_null(e.request->data);
	assert_string_equal(e.request->content_type, "text/plain");
	assert_int_equal(e.request->headers.n, 10);
	assert_string_equal(kv_get(&e.request->headers, "Host"), "localhost:8001");
	assert_int_equal(e.request->cookies.n, 0);
	assert_string_equal(kv_get(&e.request->env, "SERVER_PORT"), "8001");

	assert_context_names(&e, (const char *const[]){ "runtime", "os", "trace", "browser", NULL });
	assert_string_equal(context_named(&e, "runtime")->type, "runtime");
	assert_string_equal(kv_get(&context_named(&e, "runtime")->fields, "name"), "CPython");
	assert_null(kv_get(&context_named(&e, "runtime")->fields, "type"));
	assert_string_equal(context_named(&e, "trace")->type, "default"); /* as this server sent it */
	assert_int_equal(e.tags.n, 11);
	assert_string_equal(kv_get(&e.tags, "server_name"), "2f96b0310f37");
	assert_int_equal(e.user.n, 0); /* "user": null */
	assert_string_equal(kv_get(&e.sdk, "name"), "sentry.python");
	assert_string_equal(kv_get(&e.sdk, "version"), "0.14.3");
	assert_string_equal(kv_get(&e.extra, "sys.argv"), "[\"./manage.py\",\"runserver\",\"0.0.0.0:8001\"]");
	assert_null(e.release);
	assert_null(e.environment);
	assert_null(e.message_formatted);
	assert_unknown_entries(&e, no_entries);
	assert_null(e.next_event_id);
	assert_null(e.previous_event_id);
	event_free(&e);
}

static void test_go_file_not_found(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("api/oss-sentry.event.go_file_not_found.json", &e);
	assert_string_equal(e.title, "*os.PathError: open ./test.txt: no such file or directory");
	assert_string_equal(e.platform, "go");
	assert_int_equal(e.nexceptions, 1);
	assert_string_equal(e.exceptions[0].type, "*os.PathError");
	assert_string_equal(e.exceptions[0].value, "open ./test.txt: no such file or directory");
	assert_null(e.exceptions[0].mechanism); /* "mechanism": null */
	assert_int_equal(e.exceptions[0].handled, -1);
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 1);
	const struct frame *crash = crash_frame(st);
	assert_string_equal(crash->function, "main");
	assert_string_equal(crash->filename, "file-not-found.go");
	assert_int_equal(crash->line_no, 25);
	assert_int_equal(crash->in_app, 0);
	assert_context_lines(crash, 20, 30);
	assert_string_equal(faulting_line(crash), "\t\tsentry.CaptureException(err)");
	assert_string_equal(crash->context[0].text, "");
	assert_false(crash->has_vars); /* "vars": null */
	assert_int_equal(crash->vars.n, 0);

	assert_int_equal(e.ncrumbs, 0);
	assert_null(e.request);
	assert_context_names(&e, (const char *const[]){ "device", "runtime", "os", NULL });
	assert_string_equal(kv_get(&context_named(&e, "device")->fields, "num_cpu"), "8");
	assert_int_equal(e.tags.n, 5);
	assert_string_equal(kv_get(&e.tags, "runtime"), "go go1.12.17");
	assert_int_equal(e.user.n, 0);
	assert_string_equal(kv_get(&e.sdk, "name"), "sentry.go");
	assert_int_equal(e.extra.n, 0);
	assert_unknown_entries(&e, no_entries);
	assert_null(e.next_event_id);
	assert_null(e.previous_event_id);
	event_free(&e);
}

static void test_js_event_with_breadcrumbs(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("api/oss-sentry.event.js_event_with_unix_timestamp.json", &e);
	assert_string_equal(e.title, "Error: A Generic Error 9371d7");
	assert_string_equal(e.platform, "javascript");
	assert_int_equal(e.nexceptions, 1);
	assert_string_equal(e.exceptions[0].type, "Error");
	assert_string_equal(e.exceptions[0].value, "A Generic Error 9371d7");
	assert_int_equal(e.exceptions[0].handled, 1);
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 14);
	assert_string_equal(st->frames[0].function, "globalZoneAwareCallback");
	assert_string_equal(st->frames[0].filename, "/polyfills.js");
	const struct frame *crash = crash_frame(st);
	assert_string_equal(crash->function, "viewWrappedDebugError");
	assert_string_equal(crash->filename, "/vendor.js");
	assert_string_equal(crash->abs_path, "http://localhost:4201/vendor.js");
	assert_int_equal(crash->line_no, 63709);
	assert_int_equal(crash->col_no, 15);
	assert_int_equal(crash->in_app, 0);
	assert_int_equal(crash->ncontext, 0); /* "context": [] */

	assert_int_equal(e.ncrumbs, 3);
	assert_crumb(&e.crumbs[0], "console", "info",
	             "Angular is running in the development mode. Call enableProdMode() to enable the production mode.");
	assert_string_equal(e.crumbs[0].type, "default");
	assert_true(fabs(e.crumbs[0].timestamp - 1595472877.277) < 1e-3);
	assert_string_equal(kv_get(&e.crumbs[0].data, "logger"), "console");
	assert_crumb(&e.crumbs[2], "xhr", "info", NULL);
	assert_string_equal(e.crumbs[2].type, "http");
	assert_string_equal(kv_get(&e.crumbs[2].data, "status_code"), "200");
	assert_string_equal(kv_get(&e.crumbs[2].data, "method"), "GET");
	assert_true(e.crumbs[0].timestamp < e.crumbs[2].timestamp);

	assert_null(e.request->method); /* null */
	assert_string_equal(e.request->url, "http://localhost:4201/");
	assert_int_equal(e.request->headers.n, 1);
	assert_null(e.request->query); /* [] */
	assert_int_equal(e.user.n, 1);
	assert_string_equal(kv_get(&e.user, "ip_address"), "75.88.94.240");
	assert_null(kv_get(&e.user, "email"));
	assert_null(kv_get(&e.user, "id"));
	assert_int_equal(e.tags.n, 8);
	assert_string_equal(kv_get(&e.tags, "user"), "ip:75.88.94.240");
	assert_string_equal(kv_get(&e.sdk, "name"), "sentry.javascript.browser");
	assert_context_names(&e, (const char *const[]){ "os", "browser", NULL });
	assert_int_equal(e.processing_errors.n, 2);
	assert_string_equal(e.processing_errors.items[0].key, "fetch_generic_error");
	assert_string_equal(e.processing_errors.items[0].value,
	                    "Unable to fetch HTTP resource (http://localhost:4201/polyfills.js)");
	assert_unknown_entries(&e, no_entries);
	assert_string_equal(e.previous_event_id, "e79614855d58408da72bd3cd074f1d1d");
	assert_null(e.next_event_id);
	event_free(&e);
}

static void test_php_message_event(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("api/oss-sentry.event.php_message_event.json", &e);
	assert_string_equal(e.title, "My raw message with interpreted strings8 like {foo}");
	assert_string_equal(e.platform, "php");
	assert_string_equal(e.type, "default");
	assert_int_equal(e.nexceptions, 0);
	assert_int_equal(e.nthreads, 0);
	assert_null(e.stacktrace);
	assert_string_equal(e.message_formatted, "My raw message with interpreted strings8 like {foo}");
	assert_string_equal(e.environment, "production"); /* from the tag */
	assert_string_equal(e.level, "error");
	assert_int_equal(e.ncrumbs, 0);
	assert_string_equal(e.request->method, "GET");
	assert_string_equal(e.request->url, "http://localhost:8080/");
	assert_int_equal(e.request->headers.n, 17);
	assert_string_equal(kv_get(&e.request->headers, "Sec-Ch-Ua-Platform"), "\"Linux\"");
	assert_int_equal(e.request->cookies.n, 1);
	assert_string_equal(e.request->cookies.items[0].key, "[Filtered]");
	assert_string_equal(e.request->cookies.items[0].value, "");
	assert_null(e.request->content_type); /* "" */
	assert_context_names(&e, (const char *const[]){ "runtime", "os", "user", "browser", NULL });
	assert_string_equal(context_named(&e, "user")->type, "default");
	assert_string_equal(kv_get(&context_named(&e, "user")->fields, "name"), "Bob Dylan");
	assert_int_equal(e.tags.n, 11);
	assert_string_equal(kv_get(&e.tags, "logger"), "php");
	assert_int_equal(e.user.n, 0);
	assert_string_equal(kv_get(&e.sdk, "name"), "sentry.php");
	assert_unknown_entries(&e, no_entries);
	assert_null(e.next_event_id);
	assert_null(e.previous_event_id);
	event_free(&e);
}

static void test_python_logging(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("api/oss-sentry.event.python_logging.json", &e);
	assert_string_equal(e.title, "This is a warning: warning");
	assert_string_equal(e.level, "warning");
	assert_int_equal(e.nexceptions, 0);
	/* The formatted text, not the template "This is a warning: %s". */
	assert_string_equal(e.message_formatted, "This is a warning: warning");
	assert_int_equal(e.ncrumbs, 1);
	assert_crumb(&e.crumbs[0], "errors.views", "warning", "This is a warning");
	assert_string_equal(e.crumbs[0].type, "log");
	assert_int_equal(e.crumbs[0].data.n, 0);
	assert_string_equal(e.request->url, "http://localhost:8001/logger-warning/");
	assert_int_equal(e.request->headers.n, 16);
	assert_string_equal(kv_get(&e.request->headers, "Dnt"), "1");
	assert_context_names(&e, (const char *const[]){ "runtime", "os", "trace", "browser", NULL });
	assert_string_equal(kv_get(&context_named(&e, "trace")->fields, "op"), "django.view");
	assert_string_equal(kv_get(&e.tags, "transaction"), "/logger-warning/");
	assert_string_equal(e.environment, "production");
	assert_int_equal(e.user.n, 0);
	assert_string_equal(kv_get(&e.sdk, "version"), "1.5.1");
	assert_unknown_entries(&e, no_entries);
	assert_null(e.next_event_id);
	assert_null(e.previous_event_id);
	event_free(&e);
}

static void test_small_js_error(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("api/oss-sentry.event.small_js_error.json", &e);
	assert_string_equal(e.title, "Error: this is an error");
	assert_int_equal(e.nexceptions, 1);
	assert_string_equal(e.exceptions[0].mechanism, "onerror");
	assert_int_equal(e.exceptions[0].handled, 0);
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 3);
	const struct frame *crash = crash_frame(st);
	assert_null(crash->function); /* anonymous */
	assert_string_equal(crash->filename, "/dist/bundle.js");
	assert_int_equal(crash->line_no, 2);
	assert_int_equal(crash->col_no, 73977);
	assert_int_equal(st->frames[0].col_no, 74008);
	assert_string_equal(kv_get(&e.extra, "normalizeDepth"), "3");
	assert_string_equal(kv_get(&e.tags, "skippedNormalization"), "True");
	assert_int_equal(e.tags.n, 10);
	assert_string_equal(kv_get(&e.user, "ip_address"), "71.249.111.206");
	assert_int_equal(e.request->headers.n, 1);
	assert_int_equal(e.processing_errors.n, 1);
	assert_context_names(&e, (const char *const[]){ "os", "browser", NULL });
	assert_string_equal(kv_get(&e.sdk, "version"), "6.19.2");
	assert_unknown_entries(&e, no_entries);
	assert_null(e.next_event_id);
	assert_null(e.previous_event_id);
	event_free(&e);
}

/* ---- Sentry's own documentation example and sentry-mcp's captures ----------------- */

static void test_openapi_javascript_event(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("api/openapi.issue-event.javascript.json", &e);
	/* eventID, the id nextEventID and the events/{id}/ route use, not the other "id". */
	assert_string_equal(e.id, "9999aaaaca8b46d797c23c6077c6ff01");
	assert_string_equal(e.next_event_id, "99f9e199e9a74a14bfef6196ad741619");
	assert_null(e.previous_event_id);
	assert_string_equal(e.title, "This is an example Python exception");
	assert_string_equal(e.platform, "javascript");
	assert_null(e.message); /* "" */
	assert_string_equal(e.release, "b65bc521378269d3eaefdc964f8ef56621414943");
	assert_string_equal(e.environment, "prod");

	assert_int_equal(e.nexceptions, 1);
	assert_string_equal(e.exceptions[0].type, "ForbiddenError");
	assert_string_equal(e.exceptions[0].value, "GET /organizations/hellboy-meowmeow/users/ 403");
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 2);
	const struct frame *crash = crash_frame(st);
	assert_string_equal(crash->function, "apply");
	assert_string_equal(crash->filename,
	                    "/usr/src/getsentry/src/sentry/node_modules/reflux-core/lib/PublisherMethods.js");
	assert_int_equal(crash->line_no, 74);
	assert_int_equal(crash->col_no, 24);
	assert_int_equal(crash->in_app, 0);
	assert_context_lines(crash, 69, 79);
	assert_string_equal(faulting_line(crash), "            me.trigger.apply(me, args);");

	/* The minified original, before source maps. */
	const struct stacktrace *raw = e.exceptions[0].raw_stacktrace;
	assert_non_null(raw);
	assert_int_equal(raw->nframes, 2);
	assert_string_equal(raw->frames[0].function, "a");
	const struct frame *raw_crash = crash_frame(raw);
	assert_null(raw_crash->function);
	assert_string_equal(raw_crash->filename, "/_static/dde778f9f93a48e2b6e58ecb0c5eb8f2/sentry/dist/vendor.js");
	assert_int_equal(raw_crash->line_no, 119);
	assert_int_equal(raw_crash->col_no, 149484);
	assert_non_null(strstr(faulting_line(raw_crash), "{snip}"));

	assert_int_equal(e.ncrumbs, 3);
	assert_crumb(&e.crumbs[0], "tracing", "debug", "[Tracing] pushActivity: idleTransactionStarted#1");
	assert_true(fabs(e.crumbs[0].timestamp - 1592432815.266586) < 1e-4);
	assert_crumb(&e.crumbs[2], "sentry.transaction", "info", "7787a027f3fb46c985aaa2287b3f4d09");

	assert_null(e.request->method);
	assert_string_equal(e.request->url, "https://sentry.io/organizations/hellboy-meowmeow/issues/");
	assert_string_equal(e.request->query, "project=5236886");
	assert_int_equal(e.request->headers.n, 1);

	/* id, email, username, ip_address, name first (null ones left out), then the rest. */
	assert_int_equal(e.user.n, 5);
	assert_string_equal(e.user.items[0].key, "id");
	assert_string_equal(e.user.items[0].value, "550747");
	assert_string_equal(e.user.items[1].key, "email");
	assert_string_equal(e.user.items[1].value, "hell@boy.cat");
	assert_string_equal(e.user.items[2].key, "ip_address");
	assert_string_equal(e.user.items[3].value, "Hell Boy");
	assert_string_equal(e.user.items[4].key, "data.isStaff");
	assert_string_equal(e.user.items[4].value, "false");

	assert_context_names(&e, (const char *const[]){ "ForbiddenError", "browser", "os", "trace",
	                                                 "organization", NULL });
	const struct context_block *forbidden = context_named(&e, "ForbiddenError");
	assert_string_equal(forbidden->type, "default");
	assert_string_equal(kv_get(&forbidden->fields, "status"), "403");
	assert_string_equal(kv_get(&forbidden->fields, "responseJSON"),
	                    "{\"detail\":\"You do not have permission to perform this action.\"}");
	assert_int_equal(e.tags.n, 6);
	assert_string_equal(kv_get(&e.tags, "mechanism"), "generic");
	assert_string_equal(kv_get(&e.sdk, "name"), "sentry.javascript.browser");
	assert_int_equal(strncmp(kv_get(&e.extra, "resp"), "{\"status\":403,", 14), 0);
	assert_string_equal(kv_get(&e.processing_errors, "js_invalid_sourcemap_location"),
	                    "Invalid location in sourcemap");
	assert_unknown_entries(&e, no_entries);
	event_free(&e);
}

static void test_mcp_latest_event(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("api/sentry-mcp.event-latest.javascript.json", &e);
	assert_string_equal(e.id, "7ca573c0f4814912aaa9bdc77d1a7d51");
	assert_string_equal(e.group_id, "6507376925");
	assert_string_equal(e.title, "Error: Tool list_organizations is already registered");
	assert_string_equal(e.culprit, "Object.fetch(index)");
	assert_int_equal(e.nexceptions, 1);
	assert_string_equal(e.exceptions[0].mechanism, "cloudflare");
	assert_int_equal(e.exceptions[0].handled, 0);
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 3);
	assert_null(st->frames[0].function);
	assert_null(st->frames[0].raw_function); /* "rawFunction": null */
	const struct frame *crash = crash_frame(st);
	assert_string_equal(crash->function, "Object.fetch");
	assert_string_equal(crash->filename, "index.js");
	assert_int_equal(crash->line_no, 19631);
	assert_int_equal(crash->col_no, 28);
	for (size_t i = 0; i < st->nframes; i++)
		assert_int_equal(st->frames[i].in_app, 1);
	assert_non_null(e.exceptions[0].raw_stacktrace);
	assert_int_equal(e.exceptions[0].raw_stacktrace->nframes, 3);

	assert_int_equal(e.ncrumbs, 4);
	assert_crumb(&e.crumbs[0], "fetch", "info", "GET /api/0/organizations/ [200]");
	assert_true(fabs(e.crumbs[0].timestamp - 1744146890.0) < 1e-6);
	assert_crumb(&e.crumbs[1], "console", "warning", "Deprecation warning: use v2 endpoint");
	assert_crumb(&e.crumbs[3], "console", "error", "Tool list_organizations is already registered");
	assert_string_equal(kv_get(&e.crumbs[2].data, "to"), "/settings");

	assert_string_equal(e.request->method, "GET");
	assert_string_equal(e.request->url, "https://mcp.sentry.dev/sse");
	assert_int_equal(e.request->headers.n, 14);
	assert_string_equal(kv_get(&e.request->headers, "Authorization"), "[Filtered]");
	assert_string_equal(kv_get(&e.request->headers, "Cf-Visitor"), "{\"scheme\":\"https\"}");

	assert_int_equal(e.user.n, 3);
	assert_string_equal(e.user.items[0].key, "ip_address");
	assert_string_equal(e.user.items[0].value, "2a06:98c0:3600::103");
	assert_string_equal(kv_get(&e.user, "geo.country_code"), "US");
	assert_string_equal(kv_get(&e.user, "geo.region"), "United States");
	assert_null(kv_get(&e.user, "email"));

	assert_context_names(&e, (const char *const[]){ "cloud_resource", "culture", "runtime", "trace", NULL });
	assert_string_equal(kv_get(&context_named(&e, "cloud_resource")->fields, "cloud.provider"), "cloudflare");
	assert_string_equal(kv_get(&context_named(&e, "trace")->fields, "sampled"), "true");
	assert_int_equal(e.tags.n, 6);
	assert_string_equal(e.environment, "development");
	assert_string_equal(kv_get(&e.sdk, "name"), "sentry.javascript.cloudflare");
	assert_string_equal(kv_get(&e.sdk, "version"), "9.12.0");
	assert_string_equal(kv_get(&e.processing_errors, "js_no_source"), "Source code was not found (/index.js)");
	assert_unknown_entries(&e, no_entries);
	assert_string_equal(e.previous_event_id, "b7ed18493f4f4817a217b03839d4c017");
	assert_null(e.next_event_id);
	event_free(&e);
}

static void test_mcp_transaction_event(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("api/sentry-mcp.event.transaction.json", &e);
	assert_string_equal(e.type, "transaction");
	assert_string_equal(e.title, "POST /mcp");
	assert_null(e.group_id);
	assert_string_equal(e.project_id, "4509062593708032");
	assert_int_equal(e.nexceptions, 0);
	assert_int_equal(e.date_created, 1753900654); /* only endTimestamp says when */
	assert_string_equal(e.release, "eece3c53-694c-4362-b599-95fc591a6cc7");
	assert_string_equal(e.environment, "cloudflare");
	assert_string_equal(e.level, "info"); /* from the tag */
	assert_int_equal(e.ncrumbs, 1);
	assert_crumb(&e.crumbs[0], "console", "error", "[Filtered]");
	assert_string_equal(e.request->method, "POST");
	assert_int_equal(e.request->headers.n, 18);
	assert_string_equal(e.request->content_type, "application/json");
	assert_string_equal(kv_get(&context_named(&e, "trace")->fields, "status"), "internal_error");
	assert_string_equal(kv_get(&context_named(&e, "trace")->fields, "exclusive_time"), "3026693.000078");
	assert_string_equal(kv_get(&e.user, "ip_address"), "2001:db8::1");
	assert_int_equal(e.tags.n, 9);
	assert_string_equal(kv_get(&e.tags, "app.server.version"), "0.17.1");
	assert_context_names(&e, (const char *const[]){ "cloud_resource", "culture", "runtime", "trace", NULL });
	assert_string_equal(kv_get(&e.sdk, "name"), "sentry.javascript.cloudflare");
	assert_unknown_entries(&e, (const char *const[]){ "spans", NULL });
	assert_null(e.next_event_id);
	event_free(&e);
}

static void test_mcp_n_plus_one_transaction(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("api/sentry-mcp.event.transaction-n-plus-one.json", &e);
	assert_string_equal(e.type, "transaction");
	assert_string_equal(e.title, "GET /api/users");
	assert_int_equal(e.date_created, 1754503200); /* 2025-08-06T18:00:00Z */
	assert_int_equal(e.nexceptions, 0);
	assert_string_equal(e.request->url, "https://api.example.com/api/users");
	assert_int_equal(e.request->headers.n, 2);
	assert_null(e.request->query);
	/* No "type" in this trace context: it is of the kind its key names. */
	assert_context_names(&e, (const char *const[]){ "trace", NULL });
	assert_string_equal(e.contexts[0].type, "trace");
	assert_string_equal(kv_get(&e.contexts[0].fields, "data"),
	                    "{\"http.request.method\":\"GET\",\"url.path\":\"/api/users\"}");
	assert_int_equal(e.tags.n, 2);
	assert_string_equal(e.environment, "production");
	assert_int_equal(e.sdk.n, 0);
	assert_unknown_entries(&e, (const char *const[]){ "spans", NULL });
	event_free(&e);
}

/* sentry-cli's mock: an ingest-like minified event returned by an API route. */
static void test_cli_minified_event(void **state)
{
	(void)state;
	struct event e;
	decode_fixture("api/sentry-cli.project-event.javascript-minified.json", &e);
	assert_string_equal(e.id, "43a57a55cd5a4207ac520c03e1dee1b4");
	assert_string_equal(e.project_id, "5334254"); /* a number on the wire */
	assert_string_equal(e.release, "ytho-test");
	assert_string_equal(e.dist, "bar");
	assert_string_equal(e.title, "Error: whoops"); /* derived, as Sentry does */
	assert_string_equal(e.type, "error");
	const struct stacktrace *st = exception_stack(&e, 0);
	assert_int_equal(st->nframes, 3);
	const struct frame *crash = crash_frame(st);
	assert_string_equal(crash->filename, "/dist/bundle.min.js");
	assert_string_equal(crash->abs_path, "http://localhost:5000/dist/bundle.min.js");
	assert_int_equal(crash->line_no, 1);
	assert_int_equal(crash->col_no, 432);
	assert_int_equal(crash->in_app, 1);
	assert_context_lines(crash, 1, 2);
	assert_non_null(strstr(faulting_line(crash), "throw new Error(\"whoops\")"));
	assert_string_equal(crash->context[1].text, "//# sourceMappingURL=bundle.min.js.map");
	assert_null(e.exceptions[0].raw_stacktrace);
	assert_int_equal(e.ncrumbs + e.ncontexts + e.tags.n + e.user.n + e.sdk.n, 0);
	assert_null(e.request);
	assert_unknown_entries(&e, no_entries);
	event_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_python_zero_division),
		cmocka_unit_test(test_go_file_not_found),
		cmocka_unit_test(test_js_event_with_breadcrumbs),
		cmocka_unit_test(test_php_message_event),
		cmocka_unit_test(test_python_logging),
		cmocka_unit_test(test_small_js_error),
		cmocka_unit_test(test_openapi_javascript_event),
		cmocka_unit_test(test_mcp_latest_event),
		cmocka_unit_test(test_mcp_transaction_event),
		cmocka_unit_test(test_mcp_n_plus_one_transaction),
		cmocka_unit_test(test_cli_minified_event),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
