/* Checks shared by the event decoder tests (see event_checks.h). */
#include "tests/unit/support/event_checks.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/support/fixture.h"
#include "util/strbuf.h"

void decode_fixture(const char *name, struct event *e)
{
	size_t len;
	char *body = fixture_read(name, &len);
	struct strbuf err = STRBUF_INIT;
	bool ok = decode_event(body, len, e, &err);
	free(body);
	if (!ok)
		fail_msg("%s: %s", name, strbuf_str(&err));
	strbuf_free(&err);
}

const struct stacktrace *exception_stack(const struct event *e, size_t i)
{
	assert_true(i < e->nexceptions);
	assert_non_null(e->exceptions[i].stacktrace);
	return e->exceptions[i].stacktrace;
}

/* The crashing frame: the last one, as sent. */
const struct frame *crash_frame(const struct stacktrace *st)
{
	assert_true(st->nframes > 0);
	return &st->frames[st->nframes - 1];
}

/* The context line the frame faulted on; fails when it is not among the lines. */
const char *faulting_line(const struct frame *f)
{
	for (size_t i = 0; i < f->ncontext; i++)
		if (f->context[i].line_no == f->line_no)
			return f->context[i].text;
	fail_msg("no context line %d among %zu lines", f->line_no, f->ncontext);
	return NULL;
}

/* Lines first..last, consecutive, as the source view numbers them. */
void assert_context_lines(const struct frame *f, int first, int last)
{
	assert_int_equal(f->ncontext, (size_t)(last - first + 1));
	for (size_t i = 0; i < f->ncontext; i++)
		assert_int_equal(f->context[i].line_no, first + (int)i);
}

/* The names of e's contexts, in order, NULL-terminated. */
void assert_context_names(const struct event *e, const char *const *names)
{
	size_t n = 0;
	for (; names[n]; n++) {
		assert_true(n < e->ncontexts);
		assert_string_equal(e->contexts[n].name, names[n]);
	}
	assert_int_equal(e->ncontexts, n);
}

const struct context_block *context_named(const struct event *e, const char *name)
{
	for (size_t i = 0; i < e->ncontexts; i++)
		if (strcmp(e->contexts[i].name, name) == 0)
			return &e->contexts[i];
	fail_msg("no context %s", name);
	return NULL;
}

void assert_crumb(const struct breadcrumb *c, const char *category, const char *level,
                         const char *message)
{
	assert_string_equal(c->category, category);
	assert_string_equal(c->level, level);
	if (message)
		assert_string_equal(c->message, message);
	else
		assert_null(c->message);
}

void assert_unknown_entries(const struct event *e, const char *const *types)
{
	size_t n = 0;
	for (; types[n]; n++) {
		assert_true(n < e->nunknown);
		assert_string_equal(e->unknown_entries[n], types[n]);
	}
	assert_int_equal(e->nunknown, n);
}

const char *const no_entries[] = { NULL };

