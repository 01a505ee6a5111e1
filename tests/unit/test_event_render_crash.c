/* The crash up front: which frame the issue screen opens an event on (expanded, cursor
 * on it), and what Enter on an exception's heading expands. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/unit/support/fixture.h"
#include "tests/unit/test_event_render_harness.h"

static void load_event(const char *rel, struct event *e)
{
	size_t len;
	char *body = fixture_read(rel, &len);
	struct strbuf err = STRBUF_INIT;
	memset(e, 0, sizeof(*e));
	if (!decode_event(body, len, e, &err))
		fail_msg("%s does not decode: %s", rel, strbuf_str(&err));
	free(body);
	strbuf_free(&err);
}

static bool expand_one(void *ctx, int id)
{
	return id == *(const int *)ctx;
}

/* Python's order: oldest call first, the crash last; a system frame under the app's. */
static void test_in_app_frame_nearest_the_crash(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "KeyError", "'EU-XX'");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "main", "app/main.py", 3, 1);
	add_frame(x->stacktrace, "checkout", "app/orders.py", 40, 1);
	add_frame(x->stacktrace, "__getitem__", "python3/collections.py", 1100, 0);
	assert_int_equal(render_crash_frame(&e, false), FRAME_ID(0, false, 1));
	const struct frame *f = render_frame_by_id(&e, FRAME_ID(0, false, 1));
	assert_non_null(f);
	assert_string_equal(f->function, "checkout");
	assert_null(render_frame_by_id(&e, FRAME_ID(0, false, 3)));
	assert_null(render_frame_by_id(&e, FRAME_ID(0, true, 1)));
	assert_null(render_frame_by_id(&e, FRAME_ID(1, false, 0)));
	assert_null(render_frame_by_id(&e, -1));
	event_free(&e);
}

static void test_without_in_app_frames_the_crashing_frame(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "SIGSEGV", "Segfault");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "start", NULL, 0, 0);
	add_frame(x->stacktrace, "memcpy", NULL, 0, -1);
	assert_int_equal(render_crash_frame(&e, false), FRAME_ID(0, false, 1));
	event_free(&e);
}

/* A chain: the raised exception (last sent) is the crash, not its root cause; when the
 * raised one has no frames, the nearest cause that has them. */
static void test_raised_exception_first_then_causes(void **state)
{
	struct event e = { 0 };
	struct exception_value *cause = add_exception(&e, "KeyError", "'id'");
	cause->stacktrace = new_stack();
	add_frame(cause->stacktrace, "parse", "app/forms.py", 12, 1);
	struct exception_value *raised = add_exception(&e, "ValueError", "bad input");
	raised->stacktrace = new_stack();
	add_frame(raised->stacktrace, "view", "app/views.py", 20, 1);
	add_frame(raised->stacktrace, "validate", "app/forms.py", 33, 1);
	assert_int_equal(render_crash_frame(&e, false), FRAME_ID(1, false, 1));

	struct stacktrace *st = raised->stacktrace;
	raised->stacktrace = NULL;
	assert_int_equal(render_crash_frame(&e, false), FRAME_ID(0, false, 0));
	raised->stacktrace = st;
	event_free(&e);
}

static void test_raw_frames_when_shown_raw(void **state)
{
	struct event e = { 0 };
	struct exception_value *x = add_exception(&e, "TypeError", "x is undefined");
	x->stacktrace = new_stack();
	add_frame(x->stacktrace, "render", "src/App.js", 10, 1);
	x->raw_stacktrace = new_stack();
	add_frame(x->raw_stacktrace, "a", "app.min.js", 1, 1);
	add_frame(x->raw_stacktrace, "b", "vendor.min.js", 1, 0);
	assert_int_equal(render_crash_frame(&e, false), FRAME_ID(0, false, 0));
	assert_int_equal(render_crash_frame(&e, true), FRAME_ID(0, true, 0));
	assert_string_equal(render_frame_by_id(&e, FRAME_ID(0, true, 1))->function, "b");
	event_free(&e);
}

static void test_crashed_thread_then_bare_stack(void **state)
{
	struct event e = { 0 };
	struct thread *idle = add_thread(&e, "1", "main");
	idle->stacktrace = new_stack();
	add_frame(idle->stacktrace, "poll", "loop.c", 3, 1);
	struct thread *crashed = add_thread(&e, "7", "worker");
	crashed->crashed = true;
	crashed->stacktrace = new_stack();
	add_frame(crashed->stacktrace, "process", "worker.c", 40, 1);
	add_frame(crashed->stacktrace, "memcpy", NULL, 0, 0);
	assert_int_equal(render_crash_frame(&e, false), FRAME_ID(1, false, 0));
	crashed->crashed = false;
	e.stacktrace = new_stack();
	add_frame(e.stacktrace, "h", "c.c", 3, 1);
	assert_int_equal(render_crash_frame(&e, false), FRAME_ID(2, false, 0));
	assert_string_equal(render_frame_by_id(&e, FRAME_ID(2, false, 0))->function, "h");
	assert_string_equal(render_frame_by_id(&e, FRAME_ID(1, false, 1))->function, "memcpy");
	event_free(&e);
}

static void test_no_frames_no_crash_frame(void **state)
{
	struct event e = { 0 };
	assert_int_equal(render_crash_frame(&e, false), -1);
	assert_int_equal(render_crash_frame(NULL, false), -1);
	add_exception(&e, "Error", "no stack");
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	assert_line(&ls, 0, LINE_STACK_HEADING, "Error: no stack");
	assert_int_equal(ls.items[0].ref, -1);
	assert_int_equal(render_crash_frame(&e, false), -1);
	lines_free(&ls);
	event_free(&e);
}

/* Each exception's heading names its own crash frame: Enter there expands it. */
static void test_headings_name_their_crash_frame(void **state)
{
	struct event e = { 0 };
	struct exception_value *cause = add_exception(&e, "KeyError", "'id'");
	cause->stacktrace = new_stack();
	add_frame(cause->stacktrace, "parse", "app/forms.py", 12, 1);
	add_frame(cause->stacktrace, "get", "dict.py", 1, 0);
	struct exception_value *raised = add_exception(&e, "ValueError", "bad input");
	raised->stacktrace = new_stack();
	add_frame(raised->stacktrace, "validate", "app/forms.py", 33, 1);
	struct lines ls = { 0 };
	render_stacktrace(&e, NULL, &ls);
	size_t raised_at = must_find(&ls, "ValueError: bad input");
	size_t cause_at = must_find(&ls, "KeyError: 'id'  root cause");
	assert_int_equal(ls.items[raised_at].kind, LINE_STACK_HEADING);
	assert_int_equal(ls.items[raised_at].ref, FRAME_ID(1, false, 0));
	assert_int_equal(ls.items[cause_at].ref, FRAME_ID(0, false, 0));
	lines_free(&ls);
	event_free(&e);
}

/* A real Django event (SDK payload with in_app marked): the crash frame is "get", and
 * expanded it shows the faulting line marked and the request variable. */
static void test_real_event_opens_on_faulting_line_and_vars(void **state)
{
	struct event e;
	load_event("ingest/sdk-payload.python_zero_division.json", &e);
	int crash = render_crash_frame(&e, false);
	struct stack_options o = { .newest_first = true, .expanded = expand_one, .ctx = &crash };
	struct lines ls = { 0 };
	render_stacktrace(&e, &o, &ls);
	assert_line(&ls, 1, LINE_FRAME, "● get  errors/views.py:18");
	assert_int_equal(ls.items[1].ref, crash);
	size_t fault = must_find(&ls, "→ 18          0/0");
	assert_true(ls.items[fault].highlight);
	assert_int_equal(ls.items[fault].ref, crash);
	size_t var = must_find(&ls, "request = <WSGIRequest: GET '/divide-zero/'>");
	assert_int_equal(ls.items[var].kind, LINE_VAR);
	lines_free(&ls);
	event_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_app_frame_nearest_the_crash),
		cmocka_unit_test(test_without_in_app_frames_the_crashing_frame),
		cmocka_unit_test(test_raised_exception_first_then_causes),
		cmocka_unit_test(test_raw_frames_when_shown_raw),
		cmocka_unit_test(test_crashed_thread_then_bare_stack),
		cmocka_unit_test(test_no_frames_no_crash_frame),
		cmocka_unit_test(test_headings_name_their_crash_frame),
		cmocka_unit_test(test_real_event_opens_on_faulting_line_and_vars),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
