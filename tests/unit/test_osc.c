/* OSC 52 clipboard writes (base64, GNU screen's DCS chunks, the size cap) and which
 * environment variables a child never sees. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "tui/osc.h"
#include "util/spawn.h"

static void test_base64(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
		{ "foobar", "Zm9vYmFy" }, { "\xff\xfe", "//4=" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf sb = STRBUF_INIT;
		base64_encode(&sb, (const unsigned char *)cases[i].in, strlen(cases[i].in));
		assert_string_equal(strbuf_str(&sb), cases[i].out);
		strbuf_free(&sb);
	}
}

static void test_osc52_plain_and_screen(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const char *link = "https://acme.sentry.io/issues/1/";
	assert_true(osc52_copy(&sb, link, strlen(link), OSC_WRAP_NONE));
	assert_string_equal(strbuf_str(&sb), "\033]52;c;aHR0cHM6Ly9hY21lLnNlbnRyeS5pby9pc3N1ZXMvMS8=\a");
	strbuf_reset(&sb);
	/* GNU screen: DCS pieces of 76 bytes, each closed, the whole sequence inside. */
	char text[200];
	memset(text, 'x', sizeof(text));
	assert_true(osc52_copy(&sb, text, sizeof(text), OSC_WRAP_SCREEN));
	const char *p = strbuf_str(&sb);
	size_t pieces = 0, payload = 0;
	while (*p) {
		assert_int_equal(strncmp(p, "\033P", 2), 0);
		const char *end = strstr(p, "\033\\");
		assert_non_null(end);
		assert_true(end - (p + 2) <= 76);
		payload += (size_t)(end - (p + 2));
		pieces++;
		p = end + 2;
	}
	assert_int_equal(payload, strlen("\033]52;c;") + 268 + 1); /* 200 bytes are 268 in base64 */
	assert_int_equal(pieces, (payload + 75) / 76);
	strbuf_reset(&sb);
	/* Over the cap: nothing is written. */
	char *big = malloc(OSC52_MAX_TEXT + 1);
	memset(big, 'a', OSC52_MAX_TEXT + 1);
	assert_false(osc52_copy(&sb, big, OSC52_MAX_TEXT + 1, OSC_WRAP_NONE));
	assert_int_equal(sb.len, 0);
	free(big);
	strbuf_free(&sb);
}

static void test_secret_variables(void **state)
{
	assert_true(spawn_variable_is_secret("SENTRY_AUTH_TOKEN=abc", NULL));
	assert_true(spawn_variable_is_secret("SENTRY_TUI_EXTRA_TOKEN_X=1", NULL));
	assert_true(spawn_variable_is_secret("MY_VAR=xx-sntrys_secret-yy", "sntrys_secret"));
	assert_false(spawn_variable_is_secret("HOME=/root", "sntrys_secret"));
	assert_false(spawn_variable_is_secret("SENTRY_URL=https://sentry.io/", "tok"));
	assert_false(spawn_variable_is_secret("TOKEN=1", NULL)); /* not ours to judge */
	assert_false(spawn_variable_is_secret("NOEQUALS", "x"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_osc52_plain_and_screen),
		cmocka_unit_test(test_secret_variables),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
