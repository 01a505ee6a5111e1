/* OSC 8 hyperlinks on what the draw layer marks as links (short ids, permalinks).
 *
 * curses cannot write OSC 8, so links are laid over its frame: while a frame is drawn
 * the draw layer records each link's cells; after doupdate, hyperlink_emit writes, for
 * each link whose cells are still what was drawn, a save-cursor, a move to the cell,
 * the OSC 8 opening, exactly the same characters with the same attributes (read back
 * from curses' own copy of the screen), the OSC 8 closing and a restore-cursor. The
 * terminal then shows what curses believes it shows, with links; curses rewriting a
 * cell later only drops its link until the next frame lays it again. A link the
 * terminal still has from an earlier frame (curses wrote none of its cells since) is
 * not sent again, so a cursor move costs only the links on the rows it redraws. */
#ifndef TUI_HYPERLINK_H
#define TUI_HYPERLINK_H

#include <curses.h>
#include <stdbool.h>

#include "util/strbuf.h"

/* `hyperlinks: auto`: whether this terminal is known to show OSC 8 links. Off on the
 * Linux console and in GNU screen; in tmux only from 3.4 and when tmux_features (called
 * only then; the output of `tmux display -p '#{client_termfeatures}'`, NULL when unknown)
 * names "hyperlinks"; on in VTE terminals (0.50 and later), iTerm2, WezTerm, VS Code,
 * kitty and foot; off elsewhere. get is getenv (injected for tests). */
bool hyperlink_auto(const char *(*get)(const char *name), const char *(*tmux_features)(void));

/* Links are recorded and written only once enabled (never when headless). */
void hyperlink_enable(bool on);
bool hyperlink_enabled(void);

/* The width cells at (y, x) of win, just drawn, link to url (dropped when links are off
 * or osc8_url_ok refuses url). */
void hyperlink_record(WINDOW *win, int y, int x, int width, const char *url);
/* Before doupdate (after the frame's wnoutrefresh): notes which links the terminal has
 * from earlier frames that curses will not write over. */
void hyperlink_before_update(void);
/* After doupdate: the sequences that lay this frame's links over the screen, appended
 * to out (nothing when the terminal has them all already); links the frame no longer
 * has are unlinked; the frame's links are then forgotten. */
void hyperlink_emit(struct strbuf *out);
/* The terminal was drawn again whole outside a frame (after a child program): no link
 * survives that. */
void hyperlink_screen_cleared(void);
/* Forget the frame's links without writing them. */
void hyperlink_reset(void);
void hyperlink_free(void);

#endif
