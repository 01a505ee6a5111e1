/* A one-line readline prompt inside curses, never blocking (readline's callback
 * interface): the loop feeds it keys, it reports the finished line through a callback.
 * Esc cancels (caught before readline, which would take it as Meta). Each prompt kind
 * has its own history file under $XDG_STATE_HOME/sentry-tui/ (~/.local/state/...);
 * control characters (terminal escapes) never reach it, and are dropped when read. */
#ifndef TUI_PROMPT_H
#define TUI_PROMPT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

/* line is NULL when cancelled; it is only valid during the call. */
typedef void (*prompt_done_fn)(void *ctx, const char *line);

/* Open the prompt with label (e.g. "query: ") and initial text. history names the
 * history file ("query", "command"). Only one prompt is open at a time. */
/* Keep the history files of this profile (NULL: the top-level ones) from now on. */
void prompt_set_history_profile(const char *profile);
void prompt_open(const char *label, const char *initial, const char *history,
                 prompt_done_fn done, void *ctx);
bool prompt_active(void);
/* The text typed so far ("" when closed). */
const char *prompt_text(void);
/* Offer these words to Tab completion in the prompt that is open (copied). */
void prompt_set_completions(const char *const *words, size_t n);
/* Tab completion that depends on what is typed: at each Tab, fn is called with the
 * line up to the cursor and offers whole-line candidates with prompt_offer(); the
 * ones that start with the line complete it (readline's rules: a unique one is taken
 * and followed by a space, several complete their common part). For the prompt that
 * is open; closing it forgets fn. */
typedef void (*prompt_complete_fn)(void *ctx, const char *line);
void prompt_set_completer(prompt_complete_fn fn, void *ctx);
void prompt_offer(const char *candidate);
/* Feed one key (code from tui/keys.h). */
void prompt_feed_key(int key);
/* Draw the prompt line at row y over the full width and place the cursor. */
void prompt_draw(WINDOW *win, int y, int width);
/* Close without calling back (shutdown). */
void prompt_shutdown(void);

#endif
