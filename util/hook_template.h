/* Key commands, tig style: `bindings: {issues: {J: "!jira-create %(short_id) %(permalink)"}}`.
 * "!cmd" runs cmd and shows the first line of its output in the status line; "!!cmd"
 * shows its output in a pager. The template is split into words first (blanks
 * separate them; "…" or '…' keep blanks inside one word) and only then are the
 * %(field)s filled in, each inside its own word: whatever a title holds (quotes, ';',
 * '$(…)') stays one argument, and no shell ever reads it. */
#ifndef UTIL_HOOK_TEMPLATE_H
#define UTIL_HOOK_TEMPLATE_H

#include <stdbool.h>

#include "util/strbuf.h"

/* The fields a template may use, NULL-terminated: short_id, id, permalink, title,
 * project, event_id, file, line. */
extern const char *const hook_fields[];

/* True for a well-formed template; else false with why in err. */
bool hook_template_check(const char *command, struct strbuf *err);

/* The argv of a checked template with every %(field) replaced by value(ctx, field)
 * ("" for NULL). *pager says "!!". Owned; free with hook_argv_free. */
char **hook_template_expand(const char *command,
                            const char *(*value)(void *ctx, const char *field), void *ctx,
                            bool *pager);
void hook_argv_free(char **argv);

#endif
