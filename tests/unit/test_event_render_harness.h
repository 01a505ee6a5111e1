/* Shared by the test_event_render*.c files: build events by hand the way the decoder
 * owns them (freed with event_free), and compare rendered lines with what a user reads,
 * printing the whole rendering when a line differs. Include after <cmocka.h>. */
#ifndef TEST_EVENT_RENDER_HARNESS_H
#define TEST_EVENT_RENDER_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "views/event_render.h"
#include "views/lines.h"

/* Grow an array by one zeroed element and return it. */
static inline void *harness_push(void **arr, size_t *n, size_t elem)
{
	*arr = xrealloc(*arr, (*n + 1) * elem);
	char *slot = (char *)*arr + *n * elem;
	memset(slot, 0, elem);
	(*n)++;
	return slot;
}

static inline struct stacktrace *new_stack(void)
{
	return xcalloc(1, sizeof(struct stacktrace));
}

/* in_app: 1 yes, 0 no, -1 unknown. file may be NULL. */
static inline struct frame *add_frame(struct stacktrace *st, const char *function,
                                      const char *file, int line_no, int in_app)
{
	struct frame *f = harness_push((void **)&st->frames, &st->nframes, sizeof(*f));
	f->function = xstrdup_or_null(function);
	f->filename = xstrdup_or_null(file);
	f->line_no = line_no;
	f->in_app = in_app;
	return f;
}

static inline void add_source(struct frame *f, int line_no, const char *text)
{
	struct context_line *c = harness_push((void **)&f->context, &f->ncontext, sizeof(*c));
	c->line_no = line_no;
	c->text = xstrdup(text);
}

static inline struct exception_value *add_exception(struct event *e, const char *type,
                                                    const char *value)
{
	struct exception_value *x = harness_push((void **)&e->exceptions, &e->nexceptions,
	                                         sizeof(*x));
	x->type = xstrdup_or_null(type);
	x->value = xstrdup_or_null(value);
	x->handled = -1;
	return x;
}

static inline struct thread *add_thread(struct event *e, const char *id, const char *name)
{
	struct thread *t = harness_push((void **)&e->threads, &e->nthreads, sizeof(*t));
	t->id = xstrdup_or_null(id);
	t->name = xstrdup_or_null(name);
	return t;
}

static inline struct breadcrumb *add_crumb(struct event *e, double timestamp, const char *level,
                                           const char *category, const char *message)
{
	struct breadcrumb *c = harness_push((void **)&e->crumbs, &e->ncrumbs, sizeof(*c));
	c->timestamp = timestamp;
	c->level = xstrdup_or_null(level);
	c->category = xstrdup_or_null(category);
	c->message = xstrdup_or_null(message);
	return c;
}

/* The rendering as numbered lines: kind, ref, text. */
static inline char *dump_lines(const struct lines *ls)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < ls->n; i++) {
		char *t = line_text(&ls->items[i]);
		strbuf_addf(&sb, "%3zu k%d r%d/%d i%d%s |%s|\n", i, (int)ls->items[i].kind,
		            ls->items[i].ref, ls->items[i].ref2, ls->items[i].indent,
		            ls->items[i].highlight ? " HL" : "", t);
		free(t);
	}
	return strbuf_detach(&sb);
}

static inline void fail_with_dump(const struct lines *ls, const char *what)
{
	char *d = dump_lines(ls);
	print_error("%s\nrendered:\n%s", what, d);
	free(d);
	fail();
}

/* Line i has this kind and exactly this text. */
static inline void assert_line(const struct lines *ls, size_t i, enum line_kind kind,
                               const char *want)
{
	char what[512];
	if (i >= ls->n) {
		snprintf(what, sizeof(what), "line %zu missing (want \"%s\")", i, want);
		fail_with_dump(ls, what);
		return;
	}
	char *got = line_text(&ls->items[i]);
	if (strcmp(got, want) != 0 || ls->items[i].kind != kind) {
		snprintf(what, sizeof(what), "line %zu: got kind %d \"%s\", want kind %d \"%s\"", i,
		         (int)ls->items[i].kind, got, (int)kind, want);
		free(got);
		fail_with_dump(ls, what);
		return;
	}
	free(got);
}

/* Lines from..from+n-1 are exactly these texts (kinds not checked). */
static inline void assert_texts(const struct lines *ls, size_t from, const char *const *want,
                                size_t n)
{
	for (size_t k = 0; k < n; k++) {
		char what[512];
		if (from + k >= ls->n) {
			snprintf(what, sizeof(what), "line %zu missing (want \"%s\")", from + k, want[k]);
			fail_with_dump(ls, what);
			return;
		}
		char *got = line_text(&ls->items[from + k]);
		if (strcmp(got, want[k]) != 0) {
			snprintf(what, sizeof(what), "line %zu: got \"%s\", want \"%s\"", from + k, got,
			         want[k]);
			free(got);
			fail_with_dump(ls, what);
			return;
		}
		free(got);
	}
}

#define ASSERT_TEXTS(ls, from, ...)                                                      \
	do {                                                                             \
		static const char *const want_[] = { __VA_ARGS__ };                      \
		assert_texts((ls), (from), want_, sizeof(want_) / sizeof(*want_));      \
	} while (0)

/* Index of the first line with exactly this text, or -1. */
static inline int find_line(const struct lines *ls, const char *text)
{
	for (size_t i = 0; i < ls->n; i++) {
		char *got = line_text(&ls->items[i]);
		bool same = strcmp(got, text) == 0;
		free(got);
		if (same)
			return (int)i;
	}
	return -1;
}

/* The line with this text must exist; returns its index. */
static inline size_t must_find(const struct lines *ls, const char *text)
{
	int i = find_line(ls, text);
	if (i < 0) {
		char what[512];
		snprintf(what, sizeof(what), "no line \"%s\"", text);
		fail_with_dump(ls, what);
	}
	return (size_t)i;
}

/* No line contains this substring. */
static inline void assert_nowhere(const struct lines *ls, const char *needle)
{
	for (size_t i = 0; i < ls->n; i++) {
		char *got = line_text(&ls->items[i]);
		bool found = strstr(got, needle) != NULL;
		free(got);
		if (found) {
			char what[512];
			snprintf(what, sizeof(what), "line %zu shows \"%s\"", i, needle);
			fail_with_dump(ls, what);
		}
	}
}

#endif
