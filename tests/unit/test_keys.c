/* Key names, the request table and the keymap: what a user writes in `bindings:` and
 * what the help overlay shows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "tui/keymap.h"
#include "tui/keys.h"

static void test_plain_and_named_keys(void **state)
{
	assert_int_equal(key_parse("j"), 'j');
	assert_int_equal(key_parse("G"), 'G');
	assert_int_equal(key_parse("<Enter>"), '\n');
	assert_int_equal(key_parse("<enter>"), '\n'); /* names are case-insensitive */
	assert_int_equal(key_parse("<Esc>"), 27);
	assert_int_equal(key_parse("<Space>"), ' ');
	assert_int_equal(key_parse("<Tab>"), '\t');
	assert_int_equal(key_parse("<LT>"), '<');
	assert_int_equal(key_parse("<C-d>"), 4);
	assert_int_equal(key_parse("<C-R>"), 18);
	assert_int_equal(key_parse("<Down>"), KEY_SPECIAL(KEY_DOWN));
	assert_int_equal(key_parse("<PgDn>"), KEY_SPECIAL(KEY_NPAGE));
	assert_int_equal(key_parse("<PageUp>"), KEY_SPECIAL(KEY_PPAGE));
	assert_int_equal(key_parse("<F5>"), KEY_SPECIAL(KEY_F(5)));
	assert_int_equal(key_parse("<F12>"), KEY_SPECIAL(KEY_F(12)));
	assert_int_equal(key_parse("é"), 0xe9);
	assert_int_equal(key_parse("日"), 0x65e5);
}

static void test_bad_key_names(void **state)
{
	assert_int_equal(key_parse(""), -1);
	assert_int_equal(key_parse("jj"), -1);        /* one key only */
	assert_int_equal(key_parse("<Nope>"), -1);
	assert_int_equal(key_parse("<F13>"), -1);
	assert_int_equal(key_parse("<C-1>"), -1);
	assert_int_equal(key_parse("<>"), -1);
	assert_int_equal(key_parse("\xff"), -1);      /* not UTF-8 */
	/* Found by fuzz_keys: not characters, or nothing to print them by. */
	assert_int_equal(key_parse("\xc0\xa0"), -1);  /* overlong ' ' */
	assert_int_equal(key_parse("\xed\xa0\x80"), -1); /* a surrogate */
	assert_int_equal(key_parse("\xf4\x90\x80\x80"), -1); /* past U+10FFFF */
	assert_int_equal(key_parse("\x7f"), -1);      /* DEL */
	assert_int_equal(key_parse("\xc2\x9b"), -1);  /* C1 CSI */
}

static void test_sequences_in_scripts(void **state)
{
	const char *p = "/a<C-u>b<Enter>";
	int want[] = { '/', 'a', 21, 'b', '\n' };
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_int_equal(key_parse_one(&p), want[i]);
	assert_string_equal(p, "");
	/* A '<' that opens no name is just the character. */
	p = "a<b";
	assert_int_equal(key_parse_one(&p), 'a');
	assert_int_equal(key_parse_one(&p), '<');
	assert_int_equal(key_parse_one(&p), 'b');
}

static void test_names_round_trip(void **state)
{
	/* The Ctrl keys past z once printed as "<C-|>", "<C-}>", "<C-~>" and a raw DEL
	 * (found by fuzz_keys). */
	const char *names[] = { "j", "<C-d>", "<Enter>", "<Esc>", "<Space>", "<Down>", "<PgDn>",
	                        "<F5>", "<LT>", "é", "<C-\\>", "<C-]>", "<C-^>", "<C-_>" };
	char buf[32];
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		assert_string_equal(key_format(key_parse(names[i]), buf, sizeof(buf)), names[i]);
}

static void test_display_names(void **state)
{
	/* The help shows keys the way people say them, not in binding syntax. */
	const struct {
		const char *spec, *shown;
	} cases[] = {
		{ "j", "j" }, { "<LT>", "<" }, { "<Space>", "Space" }, { "<Tab>", "Tab" },
		{ "<BackTab>", "Shift-Tab" }, { "<C-r>", "Ctrl-r" }, { "<PgDn>", "PgDn" },
		{ "<PageUp>", "PgUp" }, { "<Enter>", "Enter" }, { "<Esc>", "Esc" }, { "<F5>", "F5" },
		{ "<Down>", "Down" }, { "é", "é" }, { "<C-\\>", "Ctrl-\\" }, { "<C-_>", "Ctrl-_" },
	};
	char buf[32];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(key_display(key_parse(cases[i].spec), buf, sizeof(buf)),
		                    cases[i].shown);
}

static void test_colon_for_scripts(void **state)
{
	char buf[32];
	/* A script step starting with ':' is a command; <Colon> types the key. */
	assert_int_equal(key_parse("<Colon>"), ':');
	/* ...and is never how ':' is printed. */
	assert_string_equal(key_format(':', buf, sizeof(buf)), ":");
	assert_string_equal(key_display(':', buf, sizeof(buf)), ":");
}

static void test_keys_shown_per_scope(void **state)
{
	struct strbuf keys = STRBUF_INIT;
	keymap_init();
	/* In the stream Space marks, so it is not listed under page-down there. */
	keymap_keys_display(REQ_PAGE_DOWN, "issues", &keys);
	assert_string_equal(strbuf_str(&keys), "PgDn");
	strbuf_reset(&keys);
	keymap_keys_display(REQ_PAGE_DOWN, "issue", &keys);
	assert_string_equal(strbuf_str(&keys), "PgDn Space");
	strbuf_reset(&keys);
	keymap_keys_display(REQ_EVENT_PREV, "issue", &keys);
	assert_string_equal(strbuf_str(&keys), "<");
	/* An unbound key: where else it works. */
	const char *where = NULL;
	assert_int_equal(keymap_lookup_elsewhere("issues", 'O', &where), REQ_TOGGLE_ORDER);
	assert_string_equal(where, "issue");
	assert_int_equal(keymap_lookup_elsewhere("issues", '%', &where), REQ_NONE);
	strbuf_free(&keys);
	keymap_free();
}

static void test_default_keymap(void **state)
{
	keymap_init(); /* aborts if any default key in the request table does not parse */
	assert_int_equal(keymap_lookup("issues", 'j'), REQ_MOVE_DOWN);
	assert_int_equal(keymap_lookup("issues", KEY_SPECIAL(KEY_DOWN)), REQ_MOVE_DOWN);
	assert_int_equal(keymap_lookup("issues", '/'), REQ_QUERY);
	assert_int_equal(keymap_lookup("issues", 18), REQ_REFRESH);
	assert_int_equal(keymap_lookup("issues", KEY_SPECIAL(KEY_F(5))), REQ_REFRESH);
	/* Stream keys do not leak into other views; generic ones apply everywhere. */
	assert_int_equal(keymap_lookup("help", 's'), REQ_NONE);
	assert_int_equal(keymap_lookup("help", 'q'), REQ_BACK);
	keymap_free();
}

static void test_user_bindings(void **state)
{
	struct strbuf err = STRBUF_INIT, keys = STRBUF_INIT;
	keymap_init();
	assert_true(keymap_bind("sort", "S", &err));
	assert_int_equal(keymap_lookup("issues", 'S'), REQ_SORT);
	/* Rebinding j takes it away from move-down. */
	assert_true(keymap_bind("refresh", "j", &err));
	assert_int_equal(keymap_lookup("issues", 'j'), REQ_REFRESH);
	keymap_keys_for(REQ_MOVE_DOWN, &keys);
	assert_string_equal(strbuf_str(&keys), "<Down>");

	assert_false(keymap_bind("resolvee", "R", &err));
	assert_string_equal(strbuf_str(&err),
	                    "unknown request 'resolvee' (see the help overlay, '?', for names)");
	strbuf_reset(&err);
	assert_false(keymap_bind("sort", "<Nope>", &err));
	assert_string_equal(strbuf_str(&err),
	                    "cannot parse key '<Nope>' (write e.g. R, <C-r>, <F5>, <Enter>)");
	strbuf_free(&err);
	strbuf_free(&keys);
	keymap_free();
}

static void test_request_table(void **state)
{
	assert_int_equal(request_by_name("move-down"), REQ_MOVE_DOWN);
	assert_int_equal(request_by_name("nope"), REQ_NONE);
	assert_null(request_info(REQ_NONE));
	/* Every request has a unique name and help text. */
	for (int a = REQ_NONE + 1; a < REQ_COUNT; a++) {
		const struct request_info *ia = request_info((enum request)a);
		assert_non_null(ia);
		assert_true(strlen(ia->help) > 0);
		assert_int_equal(request_by_name(ia->name), a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_and_named_keys),
		cmocka_unit_test(test_bad_key_names),
		cmocka_unit_test(test_sequences_in_scripts),
		cmocka_unit_test(test_names_round_trip),
		cmocka_unit_test(test_display_names),
		cmocka_unit_test(test_colon_for_scripts),
		cmocka_unit_test(test_keys_shown_per_scope),
		cmocka_unit_test(test_default_keymap),
		cmocka_unit_test(test_user_bindings),
		cmocka_unit_test(test_request_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
