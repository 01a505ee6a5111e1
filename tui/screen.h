/* Terminal setup and teardown. The terminal is restored on every exit path: normal
 * quit, fatal error (atexit + the xalloc hook), and crashing signals. Headless mode
 * (scripted tests) runs curses on /dev/null with the size from LINES/COLUMNS. */
#ifndef TUI_SCREEN_H
#define TUI_SCREEN_H

#include <stdbool.h>

bool screen_init(bool headless, const char *theme);
/* The terminal's rows: curses' once screen_init has run; before, what it will find (as
 * curses does: LINES in the environment, else the terminal's size unless headless), so
 * the first request can be sized to the screen before curses starts. 0 when unknown. */
int screen_rows(bool headless);
void screen_end(void);
bool screen_active(void);
/* After SIGWINCH: ask the tty for its size and resize curses. */
void screen_resize_from_tty(void);
/* Mouse (config `mouse: true`): clicks, double clicks and wheel turns arrive as
 * KEY_SPECIAL(KEY_MOUSE); screen_mouse reads what happened. */
enum screen_mouse_action {
	MOUSE_NONE, MOUSE_CLICK, MOUSE_DOUBLE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN
};
void screen_enable_mouse(void);
enum screen_mouse_action screen_mouse(int *row);
/* OSC 8 links on short ids and permalinks (config `hyperlinks: auto|on|off`; auto asks
 * tui/hyperlink.c whether this terminal shows them; never when headless). token: kept
 * from the one child auto may start (tmux, to ask what the terminal can do). */
void screen_enable_hyperlinks(const char *mode, const char *token);
/* Leave curses for a program that uses the terminal (a pager), and come back. */
void screen_suspend(void);
void screen_resume(void);
/* Write what tui/osc.h queued to the terminal (dropped when headless). */
void screen_flush_queued(void);
/* Scripted resize (headless). */
void screen_resize(int rows, int cols);

/* Read one key without waiting: 1 = *key set, 0 = nothing pending, -1 = input is gone
 * (terminal closed). KEY_RESIZE is handled internally and reported as *resized. */
int screen_read_key(int *key, bool *resized);

#endif
