/* The formatters of `sentry-tui list` and `sentry-tui status`: what a script or a tmux
 * status line receives for real and hostile issues. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>
#include <jansson.h>

#include "api/model.h"
#include "cli/output.h"
#include "cli/status.h"
#include "tui/sanitize.h"
#include "util/strbuf.h"

#define NOW ((time_t)1795176000) /* 2026-11-20T12:00:00Z */
/* The model's strings are owned char *; these tests lend it literals and free nothing. */
#define TXT(s) ((char *)(uintptr_t)(s))

/* An issue as the hostile data set sends it: an escape sequence that would clear the
 * screen and set the title, a tab, a newline, quotes and a backslash. */
static void hostile_issue(struct issue *is, struct actor *team)
{
	memset(is, 0, sizeof(*is));
	is->id = TXT("4500000001");
	is->short_id = TXT("FRONTEND-1");
	is->title = TXT("\x1b[2J\x1b]0;pwned\x07TypeError:\tsay \"hi\"\nC:\\path");
	is->culprit = TXT("renderUserCard(src/\x1b[31mUserCard\x1b[0m)");
	is->level = LEVEL_ERROR;
	is->status = TXT("unresolved");
	is->substatus = TXT("escalating");
	is->count = 1234;
	is->has_count = true;
	is->user_count = 56;
	is->first_seen = NOW - 86400;
	is->last_seen = NOW - 120;
	is->project_slug = TXT("frontend");
	is->permalink = TXT("https://sentry.example/organizations/acme/issues/4500000001/");
	team->type = TXT("team");
	team->name = TXT("web");
	is->assigned_to = team;
}

static char *render(enum list_format f, int width, const struct issue *const *issues, size_t n)
{
	struct list_output o;
	struct strbuf out = STRBUF_INIT;
	list_output_init(&o, f, width, NOW);
	list_output_begin(&o, &out);
	for (size_t i = 0; i < n; i++)
		list_output_issue(&o, issues[i], &out);
	list_output_end(&o, &out);
	return strbuf_detach(&out);
}

static bool has_control_byte(const char *s, bool allow_tab)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n' && !(allow_tab && *p == '\t')) || *p == 0x7f)
			return true;
	return false;
}

static void test_json_holds_the_text_as_sent(void **state)
{
	(void)state;
	struct issue is;
	struct actor team = { 0 };
	hostile_issue(&is, &team);
	struct issue bare = { .id = TXT("7"), .user_count = -1 };
	const struct issue *issues[] = { &is, &bare };
	char *text = render(LIST_JSON, 80, issues, 2);
	json_error_t err;
	json_t *root = json_loads(text, 0, &err);
	assert_non_null(root);
	assert_int_equal(json_array_size(root), 2);
	json_t *row = json_array_get(root, 0);
	const char *keys[] = { "id", "shortId", "title", "culprit", "level", "status", "substatus",
	                       "count", "userCount", "firstSeen", "lastSeen", "assignee", "project",
	                       "permalink" };
	void *iter = json_object_iter(row);
	for (size_t i = 0; i < 14; i++, iter = json_object_iter_next(row, iter)) {
		assert_non_null(iter);
		assert_string_equal(json_object_iter_key(iter), keys[i]); /* stable order */
	}
	assert_null(iter);
	assert_string_equal(json_string_value(json_object_get(row, "title")), is.title);
	assert_string_equal(json_string_value(json_object_get(row, "culprit")), is.culprit);
	assert_int_equal(json_integer_value(json_object_get(row, "count")), 1234);
	assert_int_equal(json_integer_value(json_object_get(row, "userCount")), 56);
	assert_string_equal(json_string_value(json_object_get(row, "firstSeen")), "2026-11-19T12:00:00Z");
	assert_string_equal(json_string_value(json_object_get(row, "assignee")), "#web");
	assert_string_equal(json_string_value(json_object_get(row, "level")), "error");
	/* What the server did not send is null, not "" or 0. */
	json_t *empty = json_array_get(root, 1);
	assert_true(json_is_null(json_object_get(empty, "title")));
	assert_true(json_is_null(json_object_get(empty, "count")));
	assert_true(json_is_null(json_object_get(empty, "userCount")));
	assert_true(json_is_null(json_object_get(empty, "assignee")));
	assert_true(json_is_null(json_object_get(empty, "lastSeen")));
	/* The escape byte is escaped in the JSON text itself. */
	assert_null(strchr(text, '\x1b'));
	json_decref(root);
	free(text);
}

static void test_json_empty_is_an_empty_array(void **state)
{
	(void)state;
	char *text = render(LIST_JSON, 80, NULL, 0);
	assert_string_equal(text, "[]\n");
	free(text);
}

static void test_tsv_fields_are_sanitized(void **state)
{
	(void)state;
	struct issue is;
	struct actor team = { 0 };
	hostile_issue(&is, &team);
	const struct issue *issues[] = { &is };
	char *text = render(LIST_TSV, 80, issues, 1);
	assert_false(has_control_byte(text, true));
	const char *row = strchr(text, '\n') + 1;
	assert_string_equal(row,
	    "4500000001\tFRONTEND-1\t^[[2J^[]0;pwned^GTypeError: say \"hi\"\xe2\x8f\x8e" "C:\\path\t"
	    "renderUserCard(src/^[[31mUserCard^[[0m)\terror\tunresolved\tescalating\t1234\t56\t"
	    "2026-11-19T12:00:00Z\t2026-11-20T11:58:00Z\t#web\tfrontend\t"
	    "https://sentry.example/organizations/acme/issues/4500000001/\n");
	assert_memory_equal(text, "id\tshortId\ttitle\tculprit\tlevel\tstatus\tsubstatus\tcount\t"
	                    "userCount\tfirstSeen\tlastSeen\tassignee\tproject\tpermalink\n", 100);
	free(text);
}

/* Every line of plain output fits the width, CJK and markers included. */
static void assert_lines_fit(const char *text, int width)
{
	const char *line = text;
	while (*line) {
		const char *end = strchr(line, '\n');
		assert_non_null(end);
		char *copy = strndup(line, (size_t)(end - line));
		assert_true(sanitize_width(copy) <= width);
		free(copy);
		line = end + 1;
	}
}

static void test_plain_fits_the_width(void **state)
{
	(void)state;
	struct issue is, wide;
	struct actor team = { 0 }, team2 = { 0 };
	hostile_issue(&is, &team);
	hostile_issue(&wide, &team2);
	wide.title = TXT("\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97 CJK title that is far "
	                     "too long for a narrow terminal to show whole, so it must be cut");
	const struct issue *issues[] = { &is, &wide };
	for (int width = 20; width <= 140; width += 20) {
		char *text = render(LIST_PLAIN, width, issues, 2);
		assert_false(has_control_byte(text, false));
		assert_lines_fit(text, width);
		free(text);
	}
	char *text = render(LIST_PLAIN, 100, issues, 2);
	assert_string_equal(strtok(text, "\n"),
	    "SHORT ID           LEVEL   STATUS      EVENTS  USERS SEEN TITLE");
	assert_string_equal(strtok(NULL, "\n"),
	    "FRONTEND-1         error   unresolved    1234     56   2m ^[[2J^[]0;pwned^GTypeError: say "
	    "\"hi\"\xe2\x8f\x8e" "C:\\p\xe2\x80\xa6");
	free(text);
}

static void test_plain_prints_nothing_for_no_rows(void **state)
{
	(void)state;
	char *text = render(LIST_PLAIN, 80, NULL, 0);
	assert_string_equal(text, "");
	free(text);
}

static void test_format_names(void **state)
{
	(void)state;
	enum list_format f;
	assert_true(list_format_parse("tsv", &f));
	assert_int_equal(f, LIST_TSV);
	assert_true(list_format_parse("json", &f));
	assert_int_equal(f, LIST_JSON);
	assert_false(list_format_parse("csv", &f));
	assert_false(list_format_parse("JSON", &f));
}

static char *status_line(const char *template, const struct status_counts *c, bool ascii,
                         bool tmux, bool stale)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	bool ok = status_render(template, c, ascii, tmux, stale, &out, &err);
	if (!ok) {
		strbuf_free(&out);
		return strbuf_detach(&err);
	}
	strbuf_free(&err);
	return strbuf_detach(&out);
}

static void test_status_lines(void **state)
{
	(void)state;
	struct status_counts c = { .unresolved = 12, .new_issues = 3, .escalating = 1,
	                           .regressed = 2, .known = true };
	char *s = status_line(NULL, &c, false, false, false);
	assert_string_equal(s, "⚠ 3 new · 12 unresolved · 1 escalating\n");
	free(s);
	s = status_line(NULL, &c, true, false, true);
	assert_string_equal(s, "! 3 new | 12 unresolved | 1 escalating (stale)\n");
	free(s);
	s = status_line("#{regressed} back{stale}!", &c, false, true, true);
	assert_string_equal(s, "#[fg=colour244]##2 back (stale)!#[default]\n");
	free(s);
	c.escalating = 0;
	s = status_line("{new}", &c, false, true, false);
	assert_string_equal(s, "#[fg=yellow]3#[default]\n");
	free(s);
	c.new_issues = 0;
	c.unresolved_more = true;
	s = status_line("{unresolved}", &c, false, true, false);
	assert_string_equal(s, "#[fg=green]12+#[default]\n");
	free(s);
	struct status_counts unknown = { 0 };
	s = status_line("{new}/{unresolved}", &unknown, false, false, false);
	assert_string_equal(s, "?/?\n");
	free(s);
	s = status_line("{new} {users}", &c, false, false, false);
	assert_non_null(strstr(s, "unknown field \"{users}\""));
	free(s);
	s = status_line("{new", &c, false, false, false);
	assert_non_null(strstr(s, "unknown field \"{new\""));
	free(s);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_holds_the_text_as_sent),
		cmocka_unit_test(test_json_empty_is_an_empty_array),
		cmocka_unit_test(test_tsv_fields_are_sanitized),
		cmocka_unit_test(test_plain_fits_the_width),
		cmocka_unit_test(test_plain_prints_nothing_for_no_rows),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_status_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
