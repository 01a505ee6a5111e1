/* Every member of the real issue list and project list fixtures (tests/fixtures/sentry/
 * api), at any depth, replaced in turn by null, a number, a string, a list, an object or
 * a boolean: the list must still decode, keep its entry (unless the entry itself or its
 * id was replaced) and keep every promise of api/model.h (capped, valid UTF-8 strings).
 * A server that gets one field wrong must never cost the user the whole list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/model.h"
#include "tests/unit/support/fixture.h"
#include "tests/unit/support/text_checks.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* jansson cannot hold a lone surrogate, so the dumped text gets it in place of this;
 * and a text of 6000 bytes of two-byte characters (over every cap, odd cuts split a
 * character) in place of the other. */
#define LONE_SURROGATE "lone-surrogate-here"
#define LONG_TEXT "long-text-here"

/* What a server that got one field wrong sends instead (JSON text). */
static const char *const replacements[] = {
	"null", "0", "-1", "1e300", "\"\"", "\"x\"", "\"" LONE_SURROGATE "\"", "\"" LONG_TEXT "\"", "[]", "[null]", "{}",
	"{\"id\":{}}", "true",
};
#define NREPLACEMENTS (sizeof(replacements) / sizeof(replacements[0]))

struct sweep {
	json_t *root;
	struct strbuf path;         /* where the replaced member is, for failure messages */
	bool (*check)(const char *body, size_t len, const char *path, bool entry_may_go);
	int decodes;
};

static bool good_string(const char *s, size_t cap)
{
	return !s || (strlen(s) <= cap && valid_utf8(s));
}

/* The entry (the list's first element) or its id: replacing those may drop the entry. */
static bool names_entry_or_id(const char *path)
{
	return strcmp(path, "[0]") == 0 || strcmp(path, "[0].id") == 0;
}

/* Takes text; returns it with the first `marker` replaced by `with`. */
static char *replace_marker(char *text, const char *marker, const char *with)
{
	char *at = strstr(text, marker);
	if (!at)
		return text;
	struct strbuf sb = STRBUF_INIT;
	strbuf_add(&sb, text, (size_t)(at - text));
	strbuf_adds(&sb, with);
	strbuf_adds(&sb, at + strlen(marker));
	free(text);
	return strbuf_detach(&sb);
}

static char *with_markers(char *text)
{
	struct strbuf long_text = STRBUF_INIT;
	strbuf_adds(&long_text, "x"); /* odd offset: a cut at an even cap splits a character */
	for (int i = 0; i < 3000; i++)
		strbuf_adds(&long_text, "\xc3\xa9");
	text = replace_marker(text, LONG_TEXT, strbuf_str(&long_text));
	strbuf_free(&long_text);
	return replace_marker(text, LONE_SURROGATE, "\\ud800");
}

static void try_replacements(struct sweep *s, json_t *parent, const char *key, size_t index)
{
	for (size_t r = 0; r < NREPLACEMENTS; r++) {
		json_error_t error;
		json_t *value = json_loads(replacements[r], JSON_DECODE_ANY, &error);
		assert_non_null(value);
		json_t *old = json_incref(key ? json_object_get(parent, key) : json_array_get(parent, index));
		if (key)
			json_object_set_new(parent, key, value);
		else
			json_array_set_new(parent, index, value);
		char *text = with_markers(json_dumps(s->root, JSON_COMPACT | JSON_ENCODE_ANY));
		if (!s->check(text, strlen(text), strbuf_str(&s->path), names_entry_or_id(strbuf_str(&s->path))))
			fail_msg("%s = %s broke the list", strbuf_str(&s->path), replacements[r]);
		s->decodes++;
		free(text);
		if (key)
			json_object_set_new(parent, key, old);
		else
			json_array_set_new(parent, index, old);
	}
}

static void sweep_node(struct sweep *s, json_t *node)
{
	size_t mark = s->path.len;
	if (json_is_object(node)) {
		/* Keys first: replacing members while iterating the object is not allowed. */
		size_t n = json_object_size(node), i = 0;
		const char **keys = xcalloc(n ? n : 1, sizeof(*keys));
		const char *key;
		json_t *value;
		json_object_foreach(node, key, value)
			keys[i++] = key;
		for (i = 0; i < n; i++) {
			strbuf_addf(&s->path, "%s%s", s->path.len ? "." : "", keys[i]);
			try_replacements(s, node, keys[i], 0);
			sweep_node(s, json_object_get(node, keys[i]));
			s->path.len = mark;
			s->path.buf[mark] = '\0';
		}
		free(keys);
	} else if (json_is_array(node)) {
		for (size_t i = 0; i < json_array_size(node); i++) {
			strbuf_addf(&s->path, "[%zu]", i);
			try_replacements(s, node, NULL, i);
			sweep_node(s, json_array_get(node, i));
			s->path.len = mark;
			s->path.buf[mark] = '\0';
		}
	}
}

static int sweep_fixture(const char *name,
                         bool (*check)(const char *, size_t, const char *, bool))
{
	size_t len;
	struct strbuf rel = STRBUF_INIT;
	strbuf_addf(&rel, "api/%s", name);
	char *body = fixture_read(strbuf_str(&rel), &len);
	strbuf_free(&rel);
	json_error_t error;
	struct sweep s = { .root = json_loadb(body, len, 0, &error), .path = STRBUF_INIT,
	                   .check = check };
	free(body);
	assert_non_null(s.root);
	strbuf_adds(&s.path, "");
	sweep_node(&s, s.root);
	json_decref(s.root);
	strbuf_free(&s.path);
	return s.decodes;
}

static bool check_issue_list(const char *body, size_t len, const char *path, bool entry_may_go)
{
	struct issue **issues;
	size_t n, skipped;
	struct strbuf err = STRBUF_INIT;
	bool ok = decode_issue_list(body, len, &issues, &n, &skipped, &err);
	if (!ok)
		print_error("%s: %s\n", path, strbuf_str(&err));
	ok = ok && n + skipped == 1 && (n == 1 || entry_may_go);
	if (ok && n == 1) {
		const struct issue *is = issues[0];
		ok = is->id && (entry_may_go || strcmp(is->id, "1") == 0) &&
		     good_string(is->title, MODEL_MAX_TITLE) && good_string(is->culprit, MODEL_MAX_FIELD) &&
		     good_string(is->short_id, MODEL_MAX_ID) && good_string(is->status, MODEL_MAX_ID) &&
		     good_string(is->project_slug, MODEL_MAX_ID) && is->nstats <= MODEL_MAX_STATS &&
		     (is->nstats == 0 || is->stats) &&
		     (!is->assigned_to || is->assigned_to->id || is->assigned_to->name);
		if (!ok)
			print_error("%s: a decoded field breaks its promise\n", path);
	}
	issue_list_free(issues, n);
	strbuf_free(&err);
	return ok;
}

static bool check_project_list(const char *body, size_t len, const char *path, bool entry_may_go)
{
	struct project *projects;
	size_t n;
	struct strbuf err = STRBUF_INIT;
	bool ok = decode_project_list(body, len, &projects, &n, &err);
	if (!ok)
		print_error("%s: %s\n", path, strbuf_str(&err));
	ok = ok && (n == 1 || (entry_may_go && n == 0));
	for (size_t i = 0; ok && i < n; i++) {
		const struct project *p = &projects[i];
		ok = p->id && good_string(p->slug, MODEL_MAX_ID) && good_string(p->name, MODEL_MAX_FIELD) &&
		     good_string(p->platform, MODEL_MAX_ID) && p->nenvironments <= MODEL_MAX_ENVIRONMENTS;
		for (size_t e = 0; ok && e < p->nenvironments; e++)
			ok = p->environments[e] && *p->environments[e] &&
			     good_string(p->environments[e], MODEL_MAX_ID);
		if (!ok)
			print_error("%s: a decoded project breaks its promise\n", path);
	}
	for (size_t i = 0; i < n; i++)
		project_free(&projects[i]);
	free(projects);
	strbuf_free(&err);
	return ok;
}

static void test_org_issue_list_survives_any_one_wrong_member(void **state)
{
	assert_true(sweep_fixture("openapi.org-issues-list.json", check_issue_list) > 1000);
}

static void test_project_issue_list_survives_any_one_wrong_member(void **state)
{
	assert_true(sweep_fixture("openapi.project-issues-list.json", check_issue_list) > 1000);
}

static void test_project_list_survives_any_one_wrong_member(void **state)
{
	assert_true(sweep_fixture("openapi.org-projects.json", check_project_list) > 300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_org_issue_list_survives_any_one_wrong_member),
		cmocka_unit_test(test_project_issue_list_survives_any_one_wrong_member),
		cmocka_unit_test(test_project_list_survives_any_one_wrong_member),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
