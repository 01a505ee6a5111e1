/* "Did you mean": the edit distance, the nearest command name, the unbound-key
 * message, and the argument choices Tab offers from the command table. */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "tui/keymap.h"
#include "views/commands.h"
#include "views/suggest.h"

static void test_edit_distance(void **state)
{
	assert_int_equal(edit_distance("resolve", "resolve"), 0);
	assert_int_equal(edit_distance("resovle", "resolve"), 1); /* a transposition is one edit */
	assert_int_equal(edit_distance("reslve", "resolve"), 1);
	assert_int_equal(edit_distance("", "abc"), 3);
	assert_int_equal(edit_distance("kitten", "sitting"), 3);
}

static void test_nearest_command(void **state)
{
	assert_string_equal(suggest_command("resovle", false), "resolve");
	assert_string_equal(suggest_command("assgin", false), "assign");
	assert_string_equal(suggest_command("peroid", false), "period");
	assert_string_equal(suggest_command("unass", false), "unassign"); /* a clear beginning */
	assert_string_equal(suggest_command("mark-al", false), "mark-all"); /* a request name */
	assert_null(suggest_command("frobnicate", false));
	assert_null(suggest_command("resolve", false)); /* exact: nothing to suggest */
	/* Read-only mode does not suggest what it would refuse. */
	assert_null(suggest_command("resovle", true));
}

static void test_messages(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	keymap_init();
	suggest_unknown_command("resovle", false, &sb);
	assert_string_equal(strbuf_str(&sb), "unknown command 'resovle' — did you mean :resolve?");
	strbuf_reset(&sb);
	suggest_unknown_command("sort", false, &sb); /* reached from the issue screen */
	assert_string_equal(strbuf_str(&sb), ":sort works in the issue stream");
	strbuf_reset(&sb);
	suggest_unbound_key("issues", 'O', false, &sb);
	assert_string_equal(strbuf_str(&sb), "O works in the issue screen: toggle-order");
	strbuf_reset(&sb);
	suggest_unbound_key("issues", 'U', false, &sb);
	assert_string_equal(strbuf_str(&sb), "U is not bound here — did you mean u (unresolve)?");
	strbuf_reset(&sb);
	suggest_unbound_key("issues", 'U', true, &sb);
	assert_string_equal(strbuf_str(&sb), "U is not bound here — ? lists the keys");
	strbuf_reset(&sb);
	suggest_unbound_key("issues", '%', false, &sb);
	assert_string_equal(strbuf_str(&sb), "% is not bound here — ? lists the keys");
	strbuf_free(&sb);
	keymap_free();
}

static void collect(void *ctx, const char *word, size_t len)
{
	struct strbuf *sb = ctx;
	strbuf_addf(sb, "%s%.*s", sb->len ? "," : "", (int)len, word);
}

static void test_argument_choices(void **state)
{
	const struct { const char *command, *choices; } cases[] = {
		{ "sort", "date,new,freq,user,trends,inbox,recommended" },
		{ "period", "1h,24h,7d,14d,30d,90d" },
		{ "mute", "escalating,30m,2h,24h,1w,forever,events,users" }, /* by its alias */
		{ "assign", "me,none" },       /* names and #teams come from the people store */
		{ "resolve", "next" },
		{ "env", "all" },
		{ "open", "" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf sb = STRBUF_INIT;
		const struct command_info *c = command_find(cases[i].command);
		assert_non_null(c);
		command_arg_choices(c, collect, &sb);
		assert_string_equal(strbuf_str(&sb), cases[i].choices);
		strbuf_free(&sb);
	}
}

static void test_command_table(void **state)
{
	size_t n;
	const struct command_info *commands = command_table(&n);
	for (size_t i = 0; i < n; i++) {
		/* Every command has help and the scope of some view's keys; no name is taken twice. */
		assert_true(strlen(commands[i].help) > 0);
		bool known_scope = strcmp(commands[i].scope, "generic") == 0;
		for (int r = REQ_NONE + 1; r < REQ_COUNT && !known_scope; r++)
			known_scope = strcmp(request_info((enum request)r)->scope, commands[i].scope) == 0;
		assert_true(known_scope);
		assert_ptr_equal(command_find(commands[i].name), &commands[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_nearest_command),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_argument_choices),
		cmocka_unit_test(test_command_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
