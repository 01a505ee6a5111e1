/* ncurses lifecycle, key reading and terminal restoration (see screen.h). */
#include "tui/screen.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "tui/hyperlink.h"
#include "tui/keys.h"
#include "tui/osc.h"
#include "tui/theme.h"
#include "util/spawn.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static bool active;
static SCREEN *scr;
static FILE *headless_out, *headless_in;

static void restore_terminal(void)
{
	if (active) {
		active = false;
		endwin();
	}
}

static void on_fatal_signal(int signo)
{
	/* Best effort: endwin is not async-signal-safe, but a crash with the terminal left
	 * in raw mode on the alternate screen is worse. Then die as the signal intended. */
	restore_terminal();
	signal(signo, SIG_DFL);
	raise(signo);
}

bool screen_init(bool headless, const char *theme)
{
	if (headless) {
		headless_out = fopen("/dev/null", "w");
		headless_in = fopen("/dev/null", "r");
		if (!headless_out || !headless_in)
			return false;
		scr = newterm("xterm-256color", headless_out, headless_in);
	} else {
		scr = newterm(NULL, stdout, stdin);
	}
	if (!scr)
		return false;
	set_term(scr);
	active = true;
	atexit(restore_terminal);
	xalloc_fatal_hook = restore_terminal;
	const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		signal(fatal[i], on_fatal_signal);

	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	theme_init(theme);
	return true;
}

int screen_rows(bool headless)
{
	if (active)
		return LINES;
	const char *lines = getenv("LINES");
	if (lines && *lines) {
		char *end;
		long n = strtol(lines, &end, 10);
		if (!*end && n > 0 && n < 10000)
			return (int)n;
	}
	struct winsize ws;
	if (!headless && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0)
		return ws.ws_row;
	return 0;
}

static const char *env_get(const char *name)
{
	return getenv(name);
}

/* Inside tmux 3.4+: what tmux says the terminal it draws on can do (a short wait at
 * startup, before the loop; half a second at most). */
static const char *tmux_token;
static const char *tmux_features(void)
{
	static char features[512];
	char tmux[] = "tmux", display[] = "display-message", print[] = "-p",
	     format[] = "#{client_termfeatures}";
	char *argv[] = { tmux, display, print, format, NULL };
	int pid, output, status = -1;
	if (!spawn_capture(argv, tmux_token, &pid, &output))
		return NULL;
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	bool done = false;
	for (int i = 0; i < 50 && !(done = spawn_done(pid, &status)); i++)
		nanosleep(&tick, NULL);
	if (!done) {
		kill(pid, SIGKILL);
		spawn_wait_pid(pid);
	}
	if (!done || status != 0) {
		close(output);
		return NULL;
	}
	spawn_read_output(output, features, sizeof(features));
	return features;
}

void screen_enable_mouse(void)
{
	if (!active)
		return;
	/* The wheel arrives as buttons 4 and 5 pressed (a report with no release). */
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
	          NULL);
	mouseinterval(300);
}

enum screen_mouse_action screen_mouse(int *row)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return MOUSE_NONE;
	*row = ev.y;
	if (ev.bstate & BUTTON1_DOUBLE_CLICKED)
		return MOUSE_DOUBLE_CLICK;
	if (ev.bstate & BUTTON1_CLICKED)
		return MOUSE_CLICK;
	if (ev.bstate & BUTTON4_PRESSED)
		return MOUSE_WHEEL_UP;
	if (ev.bstate & BUTTON5_PRESSED)
		return MOUSE_WHEEL_DOWN;
	return MOUSE_NONE;
}

void screen_suspend(void)
{
	if (!active)
		return;
	def_prog_mode();
	endwin();
}

void screen_resume(void)
{
	if (!active)
		return;
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	hyperlink_screen_cleared();
}

void screen_enable_hyperlinks(const char *mode, const char *token)
{
	if (!active || headless_out || !mode || strcmp(mode, "off") == 0)
		return;
	tmux_token = token;
	hyperlink_enable(strcmp(mode, "on") == 0 ||
	                 (strcmp(mode, "auto") == 0 && hyperlink_auto(env_get, tmux_features)));
	tmux_token = NULL;
}

void screen_flush_queued(void)
{
	if (!active || headless_out) {
		hyperlink_reset();
		osc_flush(-1);
		return;
	}
	/* Links over the frame curses just wrote, then the rest of the queue. */
	struct strbuf links = STRBUF_INIT;
	hyperlink_emit(&links);
	/* A visible cursor (the prompt's) is hidden while the links are laid, so it does
	 * not flicker over them; curses shows it again where it was. */
	int cursor = links.len ? curs_set(0) : ERR;
	if (links.len)
		osc_queue(links.buf, links.len);
	strbuf_free(&links);
	fflush(stdout);
	osc_flush(STDOUT_FILENO);
	if (cursor > 0)
		curs_set(cursor);
}

void screen_end(void)
{
	restore_terminal();
	if (scr) {
		delscreen(scr);
		scr = NULL;
	}
	if (headless_out)
		fclose(headless_out);
	if (headless_in)
		fclose(headless_in);
	headless_out = headless_in = NULL;
	osc_free();
	hyperlink_free();
}

bool screen_active(void)
{
	return active;
}

void screen_resize_from_tty(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
}

void screen_resize(int rows, int cols)
{
	resizeterm(rows, cols);
}

int screen_read_key(int *key, bool *resized)
{
	wint_t wch;
	*resized = false;
	for (;;) {
		int rc = wget_wch(stdscr, &wch);
		if (rc == ERR)
			return 0;
		if (rc == KEY_CODE_YES) {
			if (wch == KEY_RESIZE) {
				*resized = true;
				continue;
			}
			if (wch == KEY_ENTER) {
				*key = '\n';
				return 1;
			}
			*key = KEY_SPECIAL((int)wch);
			return 1;
		}
		*key = wch == '\r' ? '\n' : (int)wch;
		return 1;
	}
}
