/* Checks shared by the event decoder tests (linked into every tests/unit binary). */
#ifndef TESTS_UNIT_SUPPORT_EVENT_CHECKS_H
#define TESTS_UNIT_SUPPORT_EVENT_CHECKS_H

#include "api/event.h"

void decode_fixture(const char *name, struct event *e);
const struct stacktrace *exception_stack(const struct event *e, size_t i);
const struct frame *crash_frame(const struct stacktrace *st);
const char *faulting_line(const struct frame *f);
void assert_context_lines(const struct frame *f, int first, int last);
void assert_context_names(const struct event *e, const char *const *names);
const struct context_block *context_named(const struct event *e, const char *name);
void assert_crumb(const struct breadcrumb *c, const char *category, const char *level,
                  const char *message);
void assert_unknown_entries(const struct event *e, const char *const *types);
extern const char *const no_entries[];

#endif
