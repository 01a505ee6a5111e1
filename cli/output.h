/* How `sentry-tui list` writes issues: one row at a time, so a list of any length is
 * printed page by page without being held in memory.
 *
 *   json   one array of objects with the stable keys of LIST_FIELDS; server text as
 *          sent (valid JSON: jansson escapes it)
 *   tsv    a header row of the same keys, then one line per issue; every field goes
 *          through the sanitizer (no control byte; tabs become spaces, newlines "⏎")
 *   plain  fixed-width columns cut to the width given (the title takes what is left),
 *          sanitized; fixed so that the first page and the last line up
 */
#ifndef CLI_OUTPUT_H
#define CLI_OUTPUT_H

#include <stdbool.h>
#include <time.h>

#include "api/model.h"
#include "util/strbuf.h"

enum list_format { LIST_PLAIN, LIST_TSV, LIST_JSON };

/* "plain", "tsv" or "json"; false for anything else. */
bool list_format_parse(const char *name, enum list_format *out);

struct list_output {
	enum list_format format;
	int width;       /* plain: the terminal's columns */
	time_t now;      /* plain: ages are relative to it */
	unsigned rows;   /* rows written so far */
};

void list_output_init(struct list_output *o, enum list_format format, int width, time_t now);
/* Appends what comes before the first row: "[" for json, the header row otherwise. */
void list_output_begin(struct list_output *o, struct strbuf *out);
void list_output_issue(struct list_output *o, const struct issue *issue, struct strbuf *out);
/* Appends what closes the output ("]" for json). */
void list_output_end(struct list_output *o, struct strbuf *out);

/* "user@example.com" (or the user's name), "#team" for a team, NULL when unassigned. */
const char *list_assignee(const struct issue *issue, char *buf, size_t size);

#endif
