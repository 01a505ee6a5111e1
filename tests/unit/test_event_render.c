/* The stack trace section as an on-call engineer reads it: the raised exception and its
 * crashing frame first, the root cause marked, in-app frames standing out, system
 * frames collapsible, expanded frames with numbered source and the faulting line
 * highlighted, raw and native frames, missing frames said out loud, threads crashed
 * first, message-only events, and what is not displayed. Events are built by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/unit/test_event_render_harness.h"

/* ---- helpers ------------------------------------------------------------------------ */

/* A Django request that failed in app code: KeyError (root cause) led to ValueError. */
static void django_chain(struct event *e)
{
	struct exception_value *root = add_exception(e, "KeyError", "'id'");
	root->mechanism = xstrdup("chained");
	root->handled = 1;
	root->stacktrace = new_stack();
	add_frame(root->stacktrace, "parse", "app/forms.py", 12, 1);

	struct exception_value *raised = add_exception(e, "ValueError", "bad input");
	raised->mechanism = xstrdup("django");
	raised->handled = 0;
	raised->stacktrace = new_stack();
	add_frame(raised->stacktrace, "get_response", "django/core/handlers/base.py", 181, 0);
	add_frame(raised->stacktrace, "view", "app/views.py", 20, 1)->col_no = 5;
	add_frame(raised->stacktrace, "validate", "app/forms.py", 33, 1);
}

static bool expand_none(void *ctx, int id)
{
	return false;
}

/* ctx points at the one expanded frame id. */
static bool expand_one(void *ctx, int id)
{
	return id == *(const int *)ctx;
}

/* ---- exception chain and order ------------------------------------------------------ */

static void test_raised_exception_and_crashing_frame_first(void **state)
{
	struct event e = { 0 };
	django_chain(&e);
	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = true, .expanded = expand_none };
	render_stacktrace(&e, &o, &ls);

	assert_line(&ls, 0, LINE_STACK_HEADING, "ValueError: bad input  unhandled · mechanism: django");
	assert_int_equal(ls.items[0].ref, FRAME_ID(1, false, 2)); /* its crash frame: validate */
	assert_line(&ls, 1, LINE_FRAME, "● validate  app/forms.py:33");
	assert_int_equal(ls.items[1].ref, FRAME_ID(1, false, 2));
	assert_line(&ls, 2, LINE_FRAME, "● view  app/views.py:20:5");
	assert_line(&ls, 3, LINE_FRAME, "○ get_response  django/core/handlers/base.py:181");
	assert_int_equal(ls.items[3].ref, FRAME_ID(1, false, 0));
	assert_line(&ls, 4, LINE_BLANK, "");
	assert_line(&ls, 5, LINE_STACK_HEADING, "KeyError: 'id'  root cause · handled · mechanism: chained");
	assert_line(&ls, 6, LINE_FRAME, "● parse  app/forms.py:12");
	assert_int_equal(ls.items[6].ref, FRAME_ID(0, false, 0));
	assert_int_equal(ls.n, 7);
	lines_free(&ls);
	event_free(&e);
}

static void test_oldest_first_reverses_chain_and_frames(void **state)
{
	struct event e = { 0 };
	django_chain(&e);
	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = false };
	render_stacktrace(&e, &o, &ls);

	ASSERT_TEXTS(&ls, 0,
	             "KeyError: 'id'  root cause · handled · mechanism: chained",
	             "● parse  app/forms.py:12",
	             "",
	             "ValueError: bad input  unhandled · mechanism: django",
	             "○ get_response  django/core/handlers/base.py:181",
	             "● view  app/views.py:20:5",
	             "● validate  app/forms.py:33");
	lines_free(&ls);
	event_free(&e);
}

static void test_single_exception_has_no_root_cause_mark(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "ZeroDivisionError", "division by zero");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "divide", "calc.py", 3, 1);
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls); /* NULL options: the defaults, newest first */

	assert_line(&ls, 0, LINE_STACK_HEADING, "ZeroDivisionError: division by zero");
	assert_nowhere(&ls, "root cause");
	lines_free(&ls);
	event_free(&e);
}

static void test_multiline_value_and_missing_stack(void **state)
{
	struct event e = { 0 };
	add_exception(&e, "AssertionError", "expected 1\r\ngot 2");
	add_exception(&e, NULL, "Non-Error promise rejection captured");
	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = false };
	render_stacktrace(&e, &o, &ls);

	ASSERT_TEXTS(&ls, 0,
	             "AssertionError: expected 1  root cause",
	             "got 2",
	             "no stack trace",
	             "",
	             "Non-Error promise rejection captured",
	             "no stack trace");
	lines_free(&ls);
	event_free(&e);
}

/* ---- frames ------------------------------------------------------------------------- */

/* As sent: sys0 sys1 app2 sys3 app4 (crashing). */
static struct event mixed_stack_event(void)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "TypeError", "x is undefined");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "dispatch", "node_modules/react-dom/cjs.js", 100, 0);
	add_frame(x->stacktrace, "invoke", "node_modules/react-dom/cjs.js", 200, 0);
	add_frame(x->stacktrace, "onClick", "src/Button.tsx", 14, 1);
	add_frame(x->stacktrace, "batch", "node_modules/react/index.js", 7, -1);
	add_frame(x->stacktrace, "render", "src/Cart.tsx", 42, 1)->col_no = 9;
	return e;
}

static void test_in_app_only_collapses_system_runs(void **state)
{
	struct event e = mixed_stack_event();
	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = true, .in_app_only = true };
	render_stacktrace(&e, &o, &ls);

	ASSERT_TEXTS(&ls, 0,
	             "TypeError: x is undefined",
	             "● render  src/Cart.tsx:42:9",
	             "1 system frame",
	             "● onClick  src/Button.tsx:14",
	             "2 system frames");
	assert_int_equal(ls.n, 5);
	assert_int_equal(ls.items[2].kind, LINE_SYSTEM_FRAMES);
	assert_int_equal(ls.items[2].ref, FRAME_ID(0, false, 3));
	assert_int_equal(ls.items[2].ref2, FRAME_ID(0, false, 3));
	assert_int_equal(ls.items[4].kind, LINE_SYSTEM_FRAMES);
	assert_int_equal(ls.items[4].ref, FRAME_ID(0, false, 1)); /* first shown of the run */
	assert_int_equal(ls.items[4].ref2, FRAME_ID(0, false, 0));
	lines_free(&ls);

	/* All frames again, system ones dimmed and in-app ones in their own role. */
	o.in_app_only = false;
	render_stacktrace(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 1,
	             "● render  src/Cart.tsx:42:9",
	             "○ batch  node_modules/react/index.js:7",
	             "● onClick  src/Button.tsx:14",
	             "○ invoke  node_modules/react-dom/cjs.js:200",
	             "○ dispatch  node_modules/react-dom/cjs.js:100");
	assert_int_equal(ls.items[1].segs[1].role, ROLE_IN_APP);
	assert_int_equal(ls.items[2].segs[1].role, ROLE_DIM);
	lines_free(&ls);
	event_free(&e);
}

static void test_stack_without_in_app_frames_is_shown_whole(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "SIGABRT", "Abort");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "main", "main.c", 10, 0);
	add_frame(x->stacktrace, "abort", NULL, 0, -1);
	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = true, .in_app_only = true };
	render_stacktrace(&e, &o, &ls);

	ASSERT_TEXTS(&ls, 0, "SIGABRT: Abort", "○ abort", "○ main  main.c:10");
	assert_int_equal(ls.n, 3);
	assert_nowhere(&ls, "system frame");
	/* Nothing to contrast with: the functions are not dimmed either. */
	assert_int_equal(ls.items[1].segs[1].role, ROLE_DEFAULT);
	lines_free(&ls);
	event_free(&e);
}

static void test_expanded_frame_shows_numbered_source_and_vars(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "ZeroDivisionError", "division by zero");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "handler", "app/views.py", 8, 1);
	struct frame *f = add_frame(x->stacktrace, "divide", "app/calc.py", 10, 1);
	add_source(f, 8, "def divide(a, b):");
	add_source(f, 9, "\ttotal = a");
	add_source(f, 10, "\treturn total / b");
	add_source(f, 11, "");
	kv_list_add(&f->vars, "a", "1");
	kv_list_add(&f->vars, "total", "1");
	kv_list_add(&f->vars, "b", "0");
	f->has_vars = true;

	int expanded = FRAME_ID(0, false, 1);
	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = true, .expanded = expand_one, .ctx = &expanded };
	render_stacktrace(&e, &o, &ls);

	assert_line(&ls, 1, LINE_FRAME, "● divide  app/calc.py:10");
	assert_line(&ls, 2, LINE_SOURCE, "   8  def divide(a, b):");
	assert_line(&ls, 3, LINE_SOURCE, "   9      total = a");
	assert_line(&ls, 4, LINE_SOURCE, "→ 10      return total / b");
	assert_line(&ls, 5, LINE_SOURCE, "  11  ");
	assert_line(&ls, 6, LINE_VAR, "a     = 1");
	assert_line(&ls, 7, LINE_VAR, "total = 1");
	assert_line(&ls, 8, LINE_VAR, "b     = 0");
	assert_line(&ls, 9, LINE_FRAME, "● handler  app/views.py:8");
	assert_int_equal(ls.n, 10);
	for (size_t i = 2; i <= 8; i++)
		assert_int_equal(ls.items[i].ref, expanded);
	assert_false(ls.items[3].highlight);
	assert_true(ls.items[4].highlight);
	assert_false(ls.items[5].highlight);
	assert_int_equal(ls.items[4].segs[2].role, ROLE_SOURCE_HIGHLIGHT);
	lines_free(&ls);
	event_free(&e);
}

static void test_expanded_frame_without_detail_says_so(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "Error", "boom");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "run", "worker.go", 5, 1);
	int expanded = FRAME_ID(0, false, 0);
	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = true, .expanded = expand_one, .ctx = &expanded };
	render_stacktrace(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 1, "● run  worker.go:5", "no source context or local variables");
	assert_int_equal(ls.items[2].ref, expanded);
	lines_free(&ls);
	event_free(&e);
}

static void test_raw_stack_is_used_and_named(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "TypeError", "a is null");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "checkout", "src/cart.ts", 42, 1);
	x->raw_stacktrace = new_stack();
	add_frame(x->raw_stacktrace, "n", "https://cdn.example.com/main.min.js", 1, 1)->col_no = 8812;

	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = true, .raw = true };
	render_stacktrace(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0, "TypeError: a is null  raw",
	             "● n  https://cdn.example.com/main.min.js:1:8812");
	assert_int_equal(ls.items[1].ref, FRAME_ID(0, true, 0));
	lines_free(&ls);

	o.raw = false;
	render_stacktrace(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0, "TypeError: a is null", "● checkout  src/cart.ts:42");
	assert_int_equal(ls.items[1].ref, FRAME_ID(0, false, 0));
	lines_free(&ls);
	event_free(&e);
}

static void test_raw_falls_back_when_absent(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "ValueError", "x");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "f", "a.py", 1, 1);
	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = true, .raw = true };
	render_stacktrace(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0, "ValueError: x", "● f  a.py:1");
	assert_int_equal(ls.items[1].ref, FRAME_ID(0, false, 0));
	lines_free(&ls);
	event_free(&e);
}

static void test_native_frames_show_address_and_package(void **state)
{
	struct event e = { 0 };
	e.platform = xstrdup("cocoa");
	struct exception_value *x = add_exception(&e, "EXC_BAD_ACCESS", "Crashed");
	x->stacktrace = new_stack();
	struct frame *f = add_frame(x->stacktrace, "start", NULL, 0, 0);
	f->instruction_addr = xstrdup("0x7fff2025a3e9");
	f->package = xstrdup("/usr/lib/system/libdyld.dylib");
	f = add_frame(x->stacktrace, "-[Cart checkout:]", "Cart.m", 88, 1);
	f->instruction_addr = xstrdup("0x1041484ba");
	f->package = xstrdup("/private/var/containers/Shop.app/Shop");
	f = add_frame(x->stacktrace, NULL, NULL, 0, -1);
	f->instruction_addr = xstrdup("0x708ebbf9");

	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	ASSERT_TEXTS(&ls, 1,
	             "○ 0x708ebbf9",
	             "● 0x1041484ba  Shop  -[Cart checkout:]  Cart.m:88",
	             "○ 0x7fff2025a3e9  libdyld.dylib  start");
	lines_free(&ls);
	event_free(&e);
}

static void test_java_functions_are_qualified_by_class(void **state)
{
	struct event e = { 0 };
	e.platform = xstrdup("java");
	struct exception_value *x = add_exception(&e, "java.lang.IllegalStateException", "closed");
	x->stacktrace = new_stack();
	struct frame *f = add_frame(x->stacktrace, "charge", "Billing.java", 57, 1);
	f->module = xstrdup("com.shop.billing.Billing");
	f = add_frame(x->stacktrace, "run", NULL, 0, 0);
	f->module = xstrdup("java.lang.Thread");

	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = false };
	render_stacktrace(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 1, "● com.shop.billing.Billing.charge  Billing.java:57",
	             "○ java.lang.Thread.run");
	lines_free(&ls);
	event_free(&e);
}

static void test_frames_omitted_at_their_place(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "RecursionError", "too deep");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "f0", "r.py", 1, 1);
	add_frame(x->stacktrace, "f1", "r.py", 2, 1);
	add_frame(x->stacktrace, "f2", "r.py", 3, 1);
	add_frame(x->stacktrace, "f3", "r.py", 4, 1);
	x->stacktrace->omitted_start = 1;
	x->stacktrace->omitted_end = 9;

	struct lines ls = { 0 };
	struct stack_options o = { .newest_first = false };
	render_stacktrace(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 1, "● f0  r.py:1", "● f1  r.py:2", "… 8 frames omitted …",
	             "● f2  r.py:3", "● f3  r.py:4");
	lines_free(&ls);

	o.newest_first = true;
	render_stacktrace(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 1, "● f3  r.py:4", "● f2  r.py:3", "… 8 frames omitted …",
	             "● f1  r.py:2", "● f0  r.py:1");
	lines_free(&ls);

	/* Hostile bounds: no overflow, no invented count, still in place. */
	x->stacktrace->omitted_start = -2147483647 - 1;
	x->stacktrace->omitted_end = 2147483647;
	render_stacktrace(&e, &o, &ls);
	assert_line(&ls, 4, LINE_TEXT, "… 4294967295 frames omitted …"); /* start clamped to 0 */
	x->stacktrace->omitted_start = 7;
	x->stacktrace->omitted_end = 3;
	lines_free(&ls);
	render_stacktrace(&e, &o, &ls);
	assert_line(&ls, 1, LINE_TEXT, "… frames omitted …");
	lines_free(&ls);
	event_free(&e);
}

static void test_dropped_frames_at_the_oldest_end(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "Error", "deep");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "older", "a.js", 1, 1);
	add_frame(x->stacktrace, "crash", "a.js", 2, 1);
	x->stacktrace->frames_dropped = 1500;

	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	ASSERT_TEXTS(&ls, 1, "● crash  a.js:2", "● older  a.js:1", "… 1500 more frames not kept");
	lines_free(&ls);

	struct stack_options o = { .newest_first = false };
	render_stacktrace(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 1, "… 1500 more frames not kept", "● older  a.js:1", "● crash  a.js:2");
	lines_free(&ls);

	x->stacktrace->frames_dropped = 1;
	render_stacktrace(&e, &o, &ls);
	assert_line(&ls, 1, LINE_TEXT, "… 1 more frame not kept");
	lines_free(&ls);
	event_free(&e);
}

static void test_repeated_frames_shown_once_with_count(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "RecursionError", "maximum recursion depth");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "main", "walk.py", 30, 1);
	for (int i = 0; i < 997; i++)
		add_frame(x->stacktrace, "walk", "walk.py", 12, 1);
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	ASSERT_TEXTS(&ls, 1, "● walk  walk.py:12  ×997", "● main  walk.py:30");
	assert_int_equal(ls.n, 3);
	assert_int_equal(ls.items[1].ref, FRAME_ID(0, false, 997)); /* the crashing one */
	lines_free(&ls);
	event_free(&e);
}

/* ---- threads, bare stack, message, the rest ----------------------------------------- */

static void test_threads_crashed_first(void **state)
{
	struct event e = { 0 };
	struct thread *t = add_thread(&e, "1", "main");
	t->current = true;
	t->stacktrace = new_stack();
	add_frame(t->stacktrace, "poll", "loop.c", 3, 0);
	t = add_thread(&e, "7", "worker");
	t->crashed = true;
	t->stacktrace = new_stack();
	add_frame(t->stacktrace, "process", "worker.c", 40, 1);
	add_frame(t->stacktrace, "memcpy", NULL, 0, 0)->instruction_addr = xstrdup("0x10");

	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	ASSERT_TEXTS(&ls, 0,
	             "Thread 7: worker  crashed",
	             "○ 0x10  memcpy",
	             "● process  worker.c:40",
	             "",
	             "Thread 1: main  current",
	             "○ poll  loop.c:3");
	assert_int_equal(ls.items[0].kind, LINE_STACK_HEADING);
	assert_int_equal(ls.items[2].ref, FRAME_ID(1, false, 0)); /* nexceptions 0 + thread 1 */
	assert_int_equal(ls.items[5].ref, FRAME_ID(0, false, 0));
	lines_free(&ls);
	event_free(&e);
}

static void test_thread_and_bare_stack_ids_follow_exceptions(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "Error", "a");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "f", "a.c", 1, 1);
	struct thread *t = add_thread(&e, "2", NULL);
	t->stacktrace = new_stack();
	add_frame(t->stacktrace, "g", "b.c", 2, 1);
	e.stacktrace = new_stack();
	add_frame(e.stacktrace, "h", "c.c", 3, 1);

	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	size_t thread = must_find(&ls, "Thread 2");
	assert_int_equal(ls.items[thread + 1].ref, FRAME_ID(1, false, 0));
	size_t bare = must_find(&ls, "Stack trace");
	assert_int_equal(ls.items[bare].kind, LINE_STACK_HEADING);
	assert_line(&ls, bare + 1, LINE_FRAME, "● h  c.c:3");
	assert_int_equal(ls.items[bare + 1].ref, FRAME_ID(2, false, 0));
	lines_free(&ls);
	event_free(&e);
}

static void test_message_only_event(void **state)
{
	struct event e = { 0 };
	e.message_formatted = xstrdup("Payment failed for order 42\nretrying in 5s");
	e.message = xstrdup("Payment failed for order %s");
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	assert_line(&ls, 0, LINE_HEADING, "Message");
	assert_line(&ls, 1, LINE_TEXT, "Payment failed for order 42");
	assert_line(&ls, 2, LINE_TEXT, "retrying in 5s");
	assert_int_equal(ls.n, 3);
	lines_free(&ls);

	/* No message entry: the event's message is all there is. */
	free(e.message_formatted);
	e.message_formatted = NULL;
	render_stacktrace(&e, NULL, &ls);
	ASSERT_TEXTS(&ls, 0, "Message", "Payment failed for order %s");
	lines_free(&ls);
	event_free(&e);
}

static void test_logged_message_comes_before_its_exception(void **state)
{
	struct event e = { 0 };
	e.message_formatted = xstrdup("Charge failed");
	e.message = xstrdup("ConnectionError Charge failed");
	add_exception(&e, "ConnectionError", "refused")->stacktrace = new_stack();
	add_frame(e.exceptions[0].stacktrace, "charge", "pay.py", 9, 1);
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	ASSERT_TEXTS(&ls, 0, "Message", "Charge failed", "", "ConnectionError: refused",
	             "● charge  pay.py:9");
	lines_free(&ls);
	event_free(&e);
}

static void test_unknown_entries_and_processing_errors_listed_last(void **state)
{
	struct event e = { 0 };
	e.message_formatted = xstrdup("hello");
	e.unknown_entries = xcalloc(2, sizeof(char *));
	e.unknown_entries[0] = xstrdup("debugmeta");
	e.unknown_entries[1] = xstrdup("spans");
	e.nunknown = 2;
	kv_list_add(&e.processing_errors, "js_no_source", "Source code was not found for app.js");
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	ASSERT_TEXTS(&ls, 0,
	             "Message", "hello", "",
	             "not displayed: debugmeta",
	             "spans: :waterfall opens the waterfall", /* no key bound: the command */
	             "",
	             "Processing errors",
	             "js_no_source  Source code was not found for app.js");
	assert_int_equal(ls.n, 8);
	lines_free(&ls);
	event_free(&e);
}

static void test_empty_event_says_so(void **state)
{
	struct event e = { 0 };
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	assert_line(&ls, 0, LINE_TEXT, "No stack trace or message");
	assert_int_equal(ls.n, 1);
	lines_free(&ls);
}

static void test_registers_after_native_stack(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "SIGSEGV", "Segfault");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, NULL, NULL, 0, -1)->instruction_addr = xstrdup("0xbcc196b4");
	kv_list_add(&x->stacktrace->registers, "pc", "0xbcc196b4");
	kv_list_add(&x->stacktrace->registers, "sp", "0xffd0");
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	ASSERT_TEXTS(&ls, 0, "SIGSEGV: Segfault", "○ 0xbcc196b4", "registers  pc=0xbcc196b4 sp=0xffd0");
	lines_free(&ls);
	event_free(&e);
}

/* Server text is put in segments as sent, never used as a format. */
static void test_hostile_text_is_not_a_format(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "%s%n", "%p\x1b]0;pwned\x07");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "%x", "%s.py", 1, 1);
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	ASSERT_TEXTS(&ls, 0, "%s%n: %p\x1b]0;pwned\x07", "● %x  %s.py:1");
	lines_free(&ls);
	event_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_raised_exception_and_crashing_frame_first),
		cmocka_unit_test(test_oldest_first_reverses_chain_and_frames),
		cmocka_unit_test(test_single_exception_has_no_root_cause_mark),
		cmocka_unit_test(test_multiline_value_and_missing_stack),
		cmocka_unit_test(test_in_app_only_collapses_system_runs),
		cmocka_unit_test(test_stack_without_in_app_frames_is_shown_whole),
		cmocka_unit_test(test_expanded_frame_shows_numbered_source_and_vars),
		cmocka_unit_test(test_expanded_frame_without_detail_says_so),
		cmocka_unit_test(test_raw_stack_is_used_and_named),
		cmocka_unit_test(test_raw_falls_back_when_absent),
		cmocka_unit_test(test_native_frames_show_address_and_package),
		cmocka_unit_test(test_java_functions_are_qualified_by_class),
		cmocka_unit_test(test_frames_omitted_at_their_place),
		cmocka_unit_test(test_dropped_frames_at_the_oldest_end),
		cmocka_unit_test(test_repeated_frames_shown_once_with_count),
		cmocka_unit_test(test_threads_crashed_first),
		cmocka_unit_test(test_thread_and_bare_stack_ids_follow_exceptions),
		cmocka_unit_test(test_message_only_event),
		cmocka_unit_test(test_logged_message_comes_before_its_exception),
		cmocka_unit_test(test_unknown_entries_and_processing_errors_listed_last),
		cmocka_unit_test(test_empty_event_says_so),
		cmocka_unit_test(test_registers_after_native_stack),
		cmocka_unit_test(test_hostile_text_is_not_a_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
