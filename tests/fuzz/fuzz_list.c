/* libFuzzer target for what `sentry-tui list` prints: the body is decoded as an issue
 * list (as the server's answer is) and written in the three formats, at a width taken
 * from the input's size (20 to 200 columns); the same text is also a `status --format`
 * template. Besides crashes and leaks it aborts when a promise of cli/output.h breaks:
 *   - plain: valid UTF-8 without a control byte, one line per issue after the header
 *     (no header for no issues), none wider than the width;
 *   - tsv: the same cleanliness, and every line has exactly one field per key (13 tabs);
 *   - json: jansson reads it back as an array with one object per issue, whose id and
 *     title are the decoded ones, byte for byte;
 *   - a template is rendered or refused with a reason; its ASCII mode prints ASCII.
 * Built by `make fuzz-bins` (see the Makefile). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth */
#endif
#include <jansson.h>
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "api/decode.h"
#include "api/model.h"
#include "cli/output.h"
#include "cli/status.h"
#include "tests/fuzz/fuzz_check.h"
#include "util/strbuf.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NOW ((time_t)1795176000) /* 2026-11-20T12:00:00Z */
#define NKEYS 14

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (!setlocale(LC_ALL, "C.UTF-8") || wcwidth(0x6F22) != 2)
		abort(); /* widths need a UTF-8 locale */
	return 0;
}

/* Checks one line [s, end): valid UTF-8, no control byte but tabs when allowed;
 * returns its width in cells and counts its tabs. */
static int line_width(const char *s, const char *end, bool tabs_allowed, int *ntabs)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	int width = 0;
	*ntabs = 0;
	while (s < end) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s, (size_t)(end - s), &st);
		FUZZ_REQUIRE(n != (size_t)-1 && n != (size_t)-2 && n != 0);
		if (wc == '\t' && tabs_allowed) {
			(*ntabs)++;
		} else {
			FUZZ_REQUIRE(wc >= 0x20 && wc != 0x7f && !(wc >= 0x80 && wc < 0xa0));
			int w = wcwidth(wc);
			FUZZ_REQUIRE(w >= 0);
			width += w;
		}
		s += n;
	}
	return width;
}

static char *render(enum list_format format, int width, struct issue **issues, size_t n)
{
	struct list_output o;
	struct strbuf out = STRBUF_INIT;
	list_output_init(&o, format, width, NOW);
	list_output_begin(&o, &out);
	for (size_t i = 0; i < n; i++)
		list_output_issue(&o, issues[i], &out);
	list_output_end(&o, &out);
	return strbuf_detach(&out);
}

static void check_lines(const char *text, size_t n, int width, bool tsv)
{
	size_t lines = 0;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		FUZZ_REQUIRE(nl); /* every line ends */
		int tabs;
		int w = line_width(p, nl, tsv, &tabs);
		if (tsv)
			FUZZ_REQUIRE(tabs == NKEYS - 1);
		else
			FUZZ_REQUIRE(w <= width);
		lines++;
		p = nl + 1;
	}
	/* The header, then one per issue; plain prints no header for no issues. */
	FUZZ_REQUIRE(lines == n + 1 || (!tsv && n == 0 && lines == 0));
}

static void check_json(const char *text, struct issue **issues, size_t n)
{
	json_error_t jerr;
	json_t *root = json_loads(text, 0, &jerr);
	FUZZ_REQUIRE(json_is_array(root) && json_array_size(root) == n);
	for (size_t i = 0; i < n; i++) {
		json_t *obj = json_array_get(root, i);
		FUZZ_REQUIRE(json_is_object(obj) && json_object_size(obj) == NKEYS);
		const char *id = json_string_value(json_object_get(obj, "id"));
		FUZZ_REQUIRE(id && strcmp(id, issues[i]->id) == 0);
		json_t *title = json_object_get(obj, "title");
		if (issues[i]->title)
			FUZZ_REQUIRE(json_is_string(title) &&
			             strcmp(json_string_value(title), issues[i]->title) == 0);
	}
	json_decref(root);
}

static void check_status_template(const char *text)
{
	struct status_counts counts = { 1234, false, 5, 2, 1, true };
	for (int ascii = 0; ascii < 2; ascii++) {
		struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
		if (status_render(text, &counts, ascii, !ascii, ascii, &out, &err)) {
			bool template_ascii = true;
			for (const char *p = text; *p; p++)
				template_ascii &= (unsigned char)*p < 0x80;
			if (ascii && template_ascii)
				for (const char *p = strbuf_str(&out); *p; p++)
					FUZZ_REQUIRE((unsigned char)*p < 0x80);
		} else {
			FUZZ_REQUIRE(err.len);
		}
		strbuf_free(&out);
		strbuf_free(&err);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *body = malloc(size + 1);
	if (!body)
		return 0;
	memcpy(body, data, size);
	body[size] = '\0';
	int width = 20 + (int)(size % 181);
	struct issue **issues;
	size_t n, skipped;
	struct strbuf err = STRBUF_INIT;
	if (decode_issue_list(body, size, &issues, &n, &skipped, &err)) {
		char *plain = render(LIST_PLAIN, width, issues, n);
		check_lines(plain, n, width, false);
		free(plain);
		char *tsv = render(LIST_TSV, width, issues, n);
		check_lines(tsv, n, width, true);
		free(tsv);
		char *json = render(LIST_JSON, width, issues, n);
		check_json(json, issues, n);
		free(json);
		issue_list_free(issues, n);
	}
	strbuf_free(&err);
	check_status_template(body);
	free(body);
	return 0;
}
