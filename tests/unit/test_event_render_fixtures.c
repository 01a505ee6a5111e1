/* Real Sentry events (tests/fixtures/sentry/api and .../ingest) through decode_event and
 * every renderer: none may crash or point a line at a frame that does not exist, with
 * any combination of options; and a few lines a user would read, exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>

#include "tests/unit/support/fixture.h"
#include "tui/keymap.h"
#include "tests/unit/test_event_render_harness.h"

/* ---- helpers ------------------------------------------------------------------------ */


static void load_event(const char *rel, struct event *e)
{
	size_t len;
	char *body = fixture_try_read(rel, &len);
	if (!body)
		fail_msg("cannot read %s/%s: run from the repository root or set SENTRY_TUI_FIXTURES",
		         fixture_dir(), rel);
	struct strbuf err = STRBUF_INIT;
	memset(e, 0, sizeof(*e));
	bool ok = decode_event(body, len, e, &err);
	free(body);
	if (!ok)
		fail_msg("%s does not decode: %s", rel, strbuf_str(&err));
	strbuf_free(&err);
}

static bool expand_all(void *ctx, int id)
{
	return true;
}

/* The stack a frame id names, as event_render.h defines FRAME_ID; NULL if none. */
static const struct stacktrace *stack_of_id(const struct event *e, int id, size_t *index)
{
	size_t stack = (size_t)(id / 100000);
	bool raw = id % 100000 >= 50000;
	*index = (size_t)(id % 50000);
	if (stack < e->nexceptions)
		return raw ? e->exceptions[stack].raw_stacktrace : e->exceptions[stack].stacktrace;
	stack -= e->nexceptions;
	if (stack < e->nthreads)
		return raw ? e->threads[stack].raw_stacktrace : e->threads[stack].stacktrace;
	return stack == e->nthreads && !raw ? e->stacktrace : NULL;
}

/* What must hold for any event and options: every frame-bound line names a real frame,
 * source lines belong to an expanded frame, the faulting line is the frame's line. */
static void check_stack_lines(const char *name, const struct event *e, const struct lines *ls)
{
	if (ls->n == 0)
		fail_msg("%s: empty stack section", name);
	for (size_t i = 0; i < ls->n; i++) {
		const struct line *l = &ls->items[i];
		if (l->kind != LINE_FRAME && l->kind != LINE_SYSTEM_FRAMES && l->kind != LINE_SOURCE &&
		    l->kind != LINE_VAR && !(l->kind == LINE_STACK_HEADING && l->ref >= 0))
			continue;
		size_t index;
		const struct stacktrace *st = stack_of_id(e, l->ref, &index);
		if (!st || index >= st->nframes) {
			char what[160];
			snprintf(what, sizeof(what), "%s: line %zu names frame id %d, which does not exist",
			         name, i, l->ref);
			fail_with_dump(ls, what);
			return;
		}
		if (l->kind == LINE_SOURCE && l->highlight) {
			char want[32];
			snprintf(want, sizeof(want), "%d", st->frames[index].line_no);
			char *text = line_text(l);
			bool ok = strstr(text, want) != NULL && strncmp(text, "→ ", strlen("→ ")) == 0;
			free(text);
			if (!ok)
				fail_with_dump(ls, "highlighted source line is not the frame's line");
		}
	}
}

/* Every option combination over one event, plus the other sections. */
static void render_everything(const char *name, const struct event *e)
{
	struct lines ls = { 0 };
	for (int bits = 0; bits < 16; bits++) {
		struct stack_options o = {
			.newest_first = bits & 1, .in_app_only = bits & 2, .raw = bits & 4,
			.expanded = (bits & 8) ? expand_all : NULL,
		};
		render_stacktrace(e, &o, &ls);
		check_stack_lines(name, e, &ls);
		/* The frame the screen opens on is a frame line the cursor can sit on. */
		int crash = render_crash_frame(e, o.raw);
		bool shown = crash < 0;
		for (size_t i = 0; i < ls.n && !shown && o.newest_first; i++)
			shown = ls.items[i].kind == LINE_FRAME && ls.items[i].ref == crash;
		if (!shown && o.newest_first)
			fail_with_dump(&ls, "the crash frame has no frame line");
		lines_free(&ls);
	}

	size_t crumbs = 0;
	for (int relative = 0; relative < 2; relative++) {
		struct crumb_options o = { .relative = relative };
		int selected = render_breadcrumbs(e, &o, &ls);
		crumbs = 0;
		for (size_t i = 0; i < ls.n; i++)
			crumbs += ls.items[i].kind == LINE_CRUMB;
		if (crumbs != e->ncrumbs)
			fail_with_dump(&ls, "not one line per breadcrumb");
		if (e->ncrumbs ? selected < 0 || ls.items[selected].kind != LINE_CRUMB : selected != -1)
			fail_with_dump(&ls, "the crumb selected on open is not a crumb line");
		lines_free(&ls);
	}
	/* Filtering by each crumb's own level and category keeps at least that crumb. */
	for (size_t c = 0; c < e->ncrumbs; c++) {
		struct crumb_options o = { .relative = true, .level = e->crumbs[c].level,
		                           .category = e->crumbs[c].category };
		int selected = render_breadcrumbs(e, &o, &ls);
		if (selected < 0)
			fail_with_dump(&ls, "a crumb's own level and category filter it out");
		lines_free(&ls);
	}

	render_context(e, &ls);
	assert_true(ls.n > 0);
	lines_free(&ls);
}

/* ---- every fixture ------------------------------------------------------------------ */

static void test_every_event_fixture_renders(void **state)
{
	static const char *const dirs[] = { "api", "ingest" };
	size_t decoded = 0;
	for (size_t d = 0; d < 2; d++) {
		struct strbuf path = STRBUF_INIT;
		strbuf_addf(&path, "%s/%s", fixture_dir(), dirs[d]);
		DIR *dir = opendir(strbuf_str(&path));
		if (!dir)
			fail_msg("cannot list %s: run from the repository root", strbuf_str(&path));
		strbuf_free(&path);
		struct dirent *ent;
		while ((ent = readdir(dir))) {
			size_t n = strlen(ent->d_name);
			if (n < 5 || strcmp(ent->d_name + n - 5, ".json") != 0)
				continue;
			struct strbuf rel = STRBUF_INIT;
			strbuf_addf(&rel, "%s/%s", dirs[d], ent->d_name);
			size_t len;
			char *body = fixture_try_read(strbuf_str(&rel), &len);
			assert_non_null(body);
			struct event e;
			memset(&e, 0, sizeof(e));
			struct strbuf err = STRBUF_INIT;
			/* Lists, issues and such are not events: decode_event refuses some and
			 * makes an empty event of others; either must render. */
			if (decode_event(body, len, &e, &err)) {
				decoded++;
				render_everything(strbuf_str(&rel), &e);
			}
			event_free(&e);
			strbuf_free(&err);
			free(body);
			strbuf_free(&rel);
		}
		closedir(dir);
	}
	/* 13 event fixtures in api/, 10 in ingest/ when this was written. */
	if (decoded < 20)
		fail_msg("only %zu fixtures decoded", decoded);
}

/* ---- what a user reads -------------------------------------------------------------- */

static void test_python_django_error(void **state)
{
	struct event e;
	load_event("api/oss-sentry.event.python_zero_division.json", &e);
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	ASSERT_TEXTS(&ls, 0,
	             "ZeroDivisionError: division by zero  unhandled · mechanism: django",
	             "○ get  errors/views.py:18",
	             "○ dispatch  django/views/generic/base.py:97");
	assert_line(&ls, ls.n - 1, LINE_FRAME, "○ inner  django/core/handlers/exception.py:34");
	lines_free(&ls);

	int crashing = FRAME_ID(0, false, 5); /* "get", the last frame as sent */
	struct stack_options o = { .newest_first = true, .expanded = expand_all };
	render_stacktrace(&e, &o, &ls);
	size_t fault = must_find(&ls, "→ 18          0/0");
	assert_true(ls.items[fault].highlight);
	assert_int_equal(ls.items[fault].ref, crashing);
	assert_line(&ls, fault - 1, LINE_SOURCE, "  17      def get(self, request, *args, **kwargs):");
	size_t var = must_find(&ls, "request = <WSGIRequest: GET '/divide-zero/'>");
	assert_int_equal(ls.items[var].kind, LINE_VAR);
	lines_free(&ls);

	render_context(&e, &ls);
	ASSERT_TEXTS(&ls, 0, "Request", "GET    http://localhost:8001/divide-zero/",
	             "query  foo=bar&foo=bars&lol=ha", "Headers");
	must_find(&ls, "Runtime");
	must_find(&ls, "name  Ubuntu");
	lines_free(&ls);
	event_free(&e);
}

static void test_python_ingest_payload_marks_app_frames(void **state)
{
	struct event e;
	load_event("ingest/sdk-payload.python_zero_division.json", &e);
	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = true, .in_app_only = true };
	render_stacktrace(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0,
	             "ZeroDivisionError: division by zero  unhandled · mechanism: django",
	             "● get  errors/views.py:18");
	assert_nowhere(&ls, "system frame");
	lines_free(&ls);
	event_free(&e);
}

static void test_android_native_crash(void **state)
{
	struct event e;
	load_event("ingest/sentry-sample.android-ndk.native.json", &e);
	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = true, .in_app_only = true };
	render_stacktrace(&e, &o, &ls);
	/* No in-app frame anywhere: all 36 shown despite in_app_only. */
	ASSERT_TEXTS(&ls, 0, "SIGSEGV: Segfault  unhandled · mechanism: signalhandler",
	             "○ 0xbcc196b4", "○ 0xe5ed9f68");
	assert_line(&ls, 36, LINE_FRAME, "○ 0x708ebbf9");
	assert_line(&ls, ls.n - 1, LINE_TEXT, "not displayed: debugmeta");
	lines_free(&ls);
	event_free(&e);
}

static void test_cocoa_frames_with_packages(void **state)
{
	struct event e;
	load_event("ingest/sentry-sample.cocoa.exception-with-address-instruction.json", &e);
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	/* Type and value are the same text: said once. */
	ASSERT_TEXTS(&ls, 0,
	             "The operation couldn’t be completed. (ServiceKit.ClientTask.Result.ResultError error 1.)",
	             "○ 0x7fff248b1f42  UIKitCore  -[UITableView _userSelectRowAtPendingSelectionIndexPath:] + 334",
	             "○ 0x1041484ba  mParticleExample  170",
	             "○ 0x7fff2025a3e9  libdyld.dylib  1",
	             "○ 0x1  ???  0");
	lines_free(&ls);
	event_free(&e);
}

static void test_dotnet_logged_exception(void **state)
{
	struct event e;
	load_event("ingest/sdk-payload.dotnet_divide_zero.json", &e);
	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = true, .in_app_only = true };
	render_stacktrace(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0,
	             "Message",
	             "An unhandled exception has occurred while executing the request.",
	             "",
	             "System.DivideByZeroException: Attempted to divide by zero.",
	             "● myWebApp.Pages.DivideZeroModel.DivideByZero  /app/Pages/Divide-Zero.cs:14:13",
	             "● myWebApp.Pages.DivideZeroModel.OnGet  /app/Pages/Divide-Zero.cs:19:6",
	             "3 system frames");
	assert_int_equal(ls.n, 7);
	lines_free(&ls);
	event_free(&e);
}

static void test_javascript_breadcrumbs(void **state)
{
	struct event e;
	load_event("api/oss-sentry.event.js_event_with_unix_timestamp.json", &e);
	struct lines ls = { 0 };
	struct crumb_options o = { .relative = true };
	int selected = render_breadcrumbs(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0,
	             " -2.832s  info     console   Angular is running in the development mode. "
	             "Call enableProdMode() to enable the production mode.  logger=console",
	             " -2.765s  info     ui.click  body > app-root > ol > li > button",
	             " -2.286s  info     xhr       GET http://localhost:4201/sockjs-node/info?t=1595472877347 [200]");
	assert_int_equal(selected, 2);
	lines_free(&ls);

	o.relative = false;
	o.category = "ui.click";
	selected = render_breadcrumbs(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0, "1 of 3 breadcrumbs (category: ui.click)",
	             "02:54:37.344  info     ui.click  body > app-root > ol > li > button");
	assert_int_equal(selected, 1);
	lines_free(&ls);

	render_stacktrace(&e, NULL, &ls);
	assert_line(&ls, 0, LINE_STACK_HEADING, "Error: A Generic Error 9371d7  handled · mechanism: generic");
	size_t errors = must_find(&ls, "Processing errors");
	assert_line(&ls, errors + 1, LINE_TEXT,
	            "fetch_generic_error  Unable to fetch HTTP resource (http://localhost:4201/polyfills.js)");
	lines_free(&ls);
	event_free(&e);
}

/* The logged warning's own crumb, 1 ms before the event: not "+0.363s". */
static void test_python_logging_crumb_time(void **state)
{
	struct event e;
	load_event("api/oss-sentry.event.python_logging.json", &e);
	struct lines ls = { 0 };
	struct crumb_options o = { .relative = true };
	int selected = render_breadcrumbs(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0, " -0.001s  warning  errors.views  This is a warning");
	assert_int_equal(selected, 0);
	lines_free(&ls);
	event_free(&e);
}

static void test_php_message_event(void **state)
{
	struct event e;
	load_event("api/oss-sentry.event.php_message_event.json", &e);
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	ASSERT_TEXTS(&ls, 0, "Message", "My raw message with interpreted strings8 like {foo}");
	lines_free(&ls);
	event_free(&e);
}

static void test_transaction_has_no_stack(void **state)
{
	struct event e;
	load_event("api/sentry-mcp.event.transaction.json", &e);
	struct lines ls = { 0 };
	keymap_init(); /* the hint names the key the user has for the waterfall */
	render_stacktrace(&e, NULL, &ls);
	ASSERT_TEXTS(&ls, 0, "No stack trace or message", "", "spans: w opens the waterfall");
	lines_free(&ls);
	keymap_free();
	event_free(&e);
}

/* A real request with credentials added the way proxies and browsers send them. */
static void test_real_request_with_credentials_masked(void **state)
{
	struct event e;
	load_event("api/openapi.issue-event.javascript.json", &e);
	assert_non_null(e.request);
	kv_list_add(&e.request->headers, "Authorization", "Bearer sntrys_eyJpYXQiOjE3");
	kv_list_add(&e.request->headers, "Cookie", "sc=Yq8c1DA7sx; sentrysid=\".eJxVj8\"");
	kv_list_add(&e.request->cookies, "sentrysid", ".eJxVj8");
	struct lines ls = { 0 };
	render_context(&e, &ls);
	must_find(&ls, "Authorization  ********");
	must_find(&ls, "Cookie         ********");
	must_find(&ls, "sentrysid  ********");
	must_find(&ls, "User-Agent     Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
	               "(KHTML, like Gecko) Chrome/83.0.4103.97 Safari/537.36");
	assert_nowhere(&ls, "eyJpYXQ");
	assert_nowhere(&ls, "Yq8c1DA7sx");
	assert_nowhere(&ls, "eJxVj8");
	/* And the rest of what the web shows. */
	ASSERT_TEXTS(&ls, 0, "User", "id            550747", "email         hell@boy.cat");
	must_find(&ls, "ForbiddenError");
	must_find(&ls, "statusText    Forbidden");
	lines_free(&ls);
	event_free(&e);
}

static void test_real_tag_distribution(void **state)
{
	size_t len;
	char *body = fixture_try_read("api/openapi.issue-tag-detail.json", &len);
	assert_non_null(body);
	struct tag_key *keys = NULL;
	size_t n = 0;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_issue_tags(body, len, &keys, &n, &err));
	free(body);
	strbuf_free(&err);
	struct lines ls = { 0 };
	render_tags(keys, n, &ls);
	ASSERT_TEXTS(&ls, 0, "flavors  (2 values, 3 events)", "Strawberry       67%     2",
	             "Vanilla          33%     1");
	assert_int_equal(ls.n, 3);
	assert_float_equal(ls.items[1].bar.fraction, 2.0 / 3.0, 1e-9);
	lines_free(&ls);
	tag_keys_free(keys, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_event_fixture_renders),
		cmocka_unit_test(test_python_django_error),
		cmocka_unit_test(test_python_ingest_payload_marks_app_frames),
		cmocka_unit_test(test_android_native_crash),
		cmocka_unit_test(test_cocoa_frames_with_packages),
		cmocka_unit_test(test_dotnet_logged_exception),
		cmocka_unit_test(test_javascript_breadcrumbs),
		cmocka_unit_test(test_python_logging_crumb_time),
		cmocka_unit_test(test_php_message_event),
		cmocka_unit_test(test_transaction_has_no_stack),
		cmocka_unit_test(test_real_request_with_credentials_masked),
		cmocka_unit_test(test_real_tag_distribution),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
