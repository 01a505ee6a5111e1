/* Scripted input for headless screen tests (tig's TIG_SCRIPT idea).
 *
 * One step per line; blank lines and lines starting with '#' are skipped:
 *   :command args     run a command (app commands, plus the test commands below)
 *   anything else     keys, as key names: "jjj", "<C-d>", "/level:error<Enter>"
 * Before each step, and before it quits at the end, the app waits until the API is idle
 * (nothing in flight or waiting to be retried), which makes asynchronous loading
 * deterministic. Test commands:
 *   :screen NAME      write the screen text to $SENTRY_TUI_DUMP_DIR/NAME
 *   :view NAME        write the view's logical state (cursor, selection, filters)
 *   :wait-for TEXT    wait (without waiting for idle) until TEXT is on screen (10 s max)
 *   :resize COLSxROWS resize the headless terminal
 *   :stamp NAME       write the monotonic clock (ms) and, on a second line, the process's
 *                     CPU time (µs) to $SENTRY_TUI_DUMP_DIR/NAME (benchmarks)
 * A line starting with "~" runs without waiting for idle.
 */
#ifndef TUI_SCRIPT_H
#define TUI_SCRIPT_H

#include <stdbool.h>

struct script;

struct script *script_open(const char *path);
/* The next step (borrowed until the next call), or NULL at the end. *no_wait is set
 * for "~" lines and :wait-for. */
const char *script_peek(struct script *s, bool *no_wait);
void script_advance(struct script *s);
void script_free(struct script *s);

#endif
