/* OSC 8 hyperlinks: which URLs may become a link (a hostile permalink with ESC, BEL,
 * ST or javascript: gives none), the links laid over a drawn frame (the same text, the
 * cursor kept), and where `hyperlinks: auto` turns them on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/hyperlink.h"
#include "tui/osc.h"

static const char *const hostile[] = {
	"javascript:alert(1)",
	"JAVASCRIPT://x/%0aalert(1)",
	"file:///etc/passwd",
	"data:text/html,<script>",
	"https://acme.sentry.io/issues/1/\033]8;;https://evil.example/\033\\",
	"https://acme.sentry.io/issues/1/\a",
	"https://acme.sentry.io/issues/1/\033\\",
	"https://acme.sentry.io/\xc2\x9c/1/", /* ST as a C1 control, UTF-8 */
	"https://acme.sentry.io/\x9c/1/",     /* ST as a raw byte */
	"https://acme.sentry.io/issues/1/ extra",
	"https://acme.sentry.io/issues/1/\n",
	"https://acme.sentry.io/\x7f",
	"https://",
	"https:///issues/1/",
	"//acme.sentry.io/issues/1/",
	"",
};

static void test_url_checks(void **state)
{
	assert_true(osc8_url_ok("https://acme.sentry.io/issues/4500000001/"));
	assert_true(osc8_url_ok("http://127.0.0.1:9000/organizations/acme/issues/1/?q=a;b"));
	assert_true(osc8_url_ok("HTTPS://sentry.example.com/organizations/acme/issues/1/"));
	assert_false(osc8_url_ok(NULL));
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++)
		if (osc8_url_ok(hostile[i]))
			fail_msg("accepted hostile URL #%zu", i);
	char *long_url = malloc(OSC8_MAX_URL + 2);
	memcpy(long_url, "https://x/", 10);
	memset(long_url + 10, 'a', OSC8_MAX_URL - 9);
	long_url[OSC8_MAX_URL + 1] = '\0';
	assert_false(osc8_url_ok(long_url));
	long_url[OSC8_MAX_URL] = '\0';
	assert_true(osc8_url_ok(long_url));
	free(long_url);
}

static void test_sequences(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	assert_true(osc8_open(&sb, "https://acme.sentry.io/issues/1/"));
	osc8_close(&sb);
	assert_string_equal(strbuf_str(&sb),
	                    "\033]8;;https://acme.sentry.io/issues/1/\033\\\033]8;;\033\\");
	strbuf_reset(&sb);
	assert_false(osc8_open(&sb, "javascript:alert(1)"));
	assert_int_equal(sb.len, 0);
	strbuf_free(&sb);
}

/* A real curses screen on /dev/null, the way headless runs have it. */
static SCREEN *scr;
static FILE *out, *in;

static int screen_up(void **state)
{
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	scr = newterm("xterm-256color", out, in);
	if (!scr)
		return -1;
	set_term(scr);
	theme_init("256");
	hyperlink_enable(true);
	return 0;
}

static int screen_down(void **state)
{
	hyperlink_free();
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	return 0;
}

/* Draw "BACKEND-1" at row 2, column 5, linked to url; what hyperlink_emit writes. */
static char *frame_with_link(const char *url)
{
	erase();
	struct draw_row row;
	draw_row_begin(&row, stdscr, 2, 5, 40, false);
	draw_link_field(&row, ROLE_SHORT_ID, "BACKEND-1", 12, ALIGN_LEFT, url);
	wnoutrefresh(stdscr);
	hyperlink_before_update();
	doupdate();
	struct strbuf sb = STRBUF_INIT;
	hyperlink_emit(&sb);
	return strbuf_detach(&sb);
}

static void test_links_over_the_frame(void **state)
{
	char *seq = frame_with_link("https://acme.sentry.io/issues/1/");
	/* Save the cursor, go to the cell, the link around the same text in the same
	 * colour (not the padding), restore the cursor. */
	assert_string_equal(seq, "\0337\033[3;6H\033]8;;https://acme.sentry.io/issues/1/\033\\"
	                         "\033[0;38;5;38mBACKEND-1\033]8;;\033\\\0338");
	free(seq);
	/* The same frame again: the terminal has the link, nothing is sent. */
	seq = frame_with_link("https://acme.sentry.io/issues/1/");
	assert_string_equal(seq, "");
	free(seq);
	/* The same text linked elsewhere: laid again with the new address. */
	seq = frame_with_link("https://acme.sentry.io/issues/2/");
	assert_string_equal(seq, "\0337\033[3;6H\033]8;;https://acme.sentry.io/issues/2/\033\\"
	                         "\033[0;38;5;38mBACKEND-1\033]8;;\033\\\0338");
	free(seq);
	/* The frame no longer links it: the text, still on the terminal, is written again
	 * without the link. */
	seq = frame_with_link(NULL);
	assert_string_equal(seq, "\0337\033[3;6H\033[0;38;5;38mBACKEND-1\0338");
	free(seq);
	seq = frame_with_link(NULL);
	assert_string_equal(seq, "");
	free(seq);
}

/* A cleared screen (Ctrl-l, a resume after a child program) lost every link: the
 * frame lays them again. */
static void test_links_laid_again_after_a_clear(void **state)
{
	char *seq = frame_with_link("https://acme.sentry.io/issues/1/");
	assert_true(strstr(seq, "\033]8;;https://acme.sentry.io/issues/1/") != NULL);
	free(seq);
	clearok(curscr, TRUE);
	seq = frame_with_link("https://acme.sentry.io/issues/1/");
	assert_true(strstr(seq, "\033]8;;https://acme.sentry.io/issues/1/") != NULL);
	free(seq);
	hyperlink_screen_cleared();
	seq = frame_with_link("https://acme.sentry.io/issues/1/");
	assert_true(strstr(seq, "\033]8;;https://acme.sentry.io/issues/1/") != NULL);
	free(seq);
	free(frame_with_link(NULL)); /* the next test starts without a link on screen */
}

static void test_hostile_permalink_gives_no_link(void **state)
{
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		char *seq = frame_with_link(hostile[i]);
		if (*seq)
			fail_msg("hostile URL #%zu was linked", i);
		free(seq);
	}
	char *seq = frame_with_link(NULL); /* no permalink: no link, the text still drawn */
	assert_string_equal(seq, "");
	free(seq);
	assert_int_equal(mvinch(2, 5) & A_CHARTEXT, 'B');
}

static void test_text_drawn_over_a_link_is_not_linked(void **state)
{
	erase();
	struct draw_row row;
	draw_row_begin(&row, stdscr, 2, 5, 40, false);
	draw_link_field(&row, ROLE_SHORT_ID, "BACKEND-1", 12, ALIGN_LEFT,
	                "https://acme.sentry.io/issues/1/");
	/* A menu drawn over the row afterwards, in the same frame. */
	draw_row_begin(&row, stdscr, 2, 0, 40, false);
	draw_text(&row, ROLE_DEFAULT, "  s  short id    l  permalink");
	wnoutrefresh(stdscr);
	doupdate();
	struct strbuf sb = STRBUF_INIT;
	hyperlink_emit(&sb);
	assert_int_equal(sb.len, 0);
	strbuf_free(&sb);
}

/* An environment for hyperlink_auto. */
static const char *const *env;
static const char *env_get(const char *name)
{
	size_t len = strlen(name);
	for (size_t i = 0; env[i]; i++)
		if (strncmp(env[i], name, len) == 0 && env[i][len] == '=')
			return env[i] + len + 1;
	return NULL;
}

static int tmux_asked;
static const char *tmux_with_links(void)
{
	tmux_asked++;
	return "256,bpaste,clipboard,hyperlinks,mouse,strikethrough,title";
}
static const char *tmux_without_links(void)
{
	tmux_asked++;
	return "256,bpaste,clipboard,mouse,title";
}

static bool auto_in(const char *const *environment, const char *(*tmux)(void))
{
	env = environment;
	return hyperlink_auto(env_get, tmux);
}

static void test_auto(void **state)
{
	/* Terminals known to show links. */
	assert_true(auto_in((const char *[]){ "TERM=xterm-256color", "VTE_VERSION=7600", NULL }, NULL));
	assert_true(auto_in((const char *[]){ "TERM=xterm-256color", "TERM_PROGRAM=iTerm.app", NULL }, NULL));
	assert_true(auto_in((const char *[]){ "TERM=xterm-256color", "TERM_PROGRAM=WezTerm", NULL }, NULL));
	assert_true(auto_in((const char *[]){ "TERM=xterm-256color", "TERM_PROGRAM=vscode", NULL }, NULL));
	assert_true(auto_in((const char *[]){ "TERM=xterm-kitty", NULL }, NULL));
	assert_true(auto_in((const char *[]){ "TERM=foot", NULL }, NULL));
	/* Elsewhere: off. */
	assert_false(auto_in((const char *[]){ "TERM=xterm-256color", NULL }, NULL));
	assert_false(auto_in((const char *[]){ "TERM=xterm-256color", "VTE_VERSION=4803", NULL }, NULL));
	assert_false(auto_in((const char *[]){ "TERM=linux", NULL }, NULL));
	assert_false(auto_in((const char *[]){ "TERM=linux", "VTE_VERSION=7600", NULL }, NULL));
	/* GNU screen, even inside a terminal that shows links. */
	assert_false(auto_in((const char *[]){ "TERM=screen-256color", "STY=123.pts-0.host",
	                                        "VTE_VERSION=7600", NULL }, NULL));
	assert_false(auto_in((const char *[]){ "TERM=screen", "VTE_VERSION=7600", NULL }, NULL));
	/* tmux: 3.4 or later, and only when it says it passes links on; the terminal
	 * outside (VTE_VERSION inherited) does not count. */
	tmux_asked = 0;
	assert_true(auto_in((const char *[]){ "TERM=tmux-256color", "TMUX=/tmp/t,1,0",
	                                       "TERM_PROGRAM=tmux", "TERM_PROGRAM_VERSION=3.4",
	                                       NULL }, tmux_with_links));
	assert_true(auto_in((const char *[]){ "TERM=screen-256color", "TMUX=/tmp/t,1,0",
	                                       "TERM_PROGRAM=tmux", "TERM_PROGRAM_VERSION=next-3.6",
	                                       NULL }, tmux_with_links));
	assert_false(auto_in((const char *[]){ "TERM=tmux-256color", "TMUX=/tmp/t,1,0",
	                                        "TERM_PROGRAM=tmux", "TERM_PROGRAM_VERSION=3.5a",
	                                        NULL }, tmux_without_links));
	assert_int_equal(tmux_asked, 3);
	tmux_asked = 0;
	assert_false(auto_in((const char *[]){ "TERM=tmux-256color", "TMUX=/tmp/t,1,0",
	                                        "TERM_PROGRAM=tmux", "TERM_PROGRAM_VERSION=3.3a",
	                                        "VTE_VERSION=7600", NULL }, tmux_with_links));
	assert_false(auto_in((const char *[]){ "TERM=tmux-256color", "TMUX=/tmp/t,1,0",
	                                        "VTE_VERSION=7600", NULL }, tmux_with_links));
	assert_int_equal(tmux_asked, 0); /* too old or unknown: tmux is not even asked */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_checks),
		cmocka_unit_test(test_sequences),
		cmocka_unit_test(test_links_over_the_frame),
		cmocka_unit_test(test_links_laid_again_after_a_clear),
		cmocka_unit_test(test_hostile_permalink_gives_no_link),
		cmocka_unit_test(test_text_drawn_over_a_link_is_not_linked),
		cmocka_unit_test(test_auto),
	};
	return cmocka_run_group_tests(tests, screen_up, screen_down);
}
