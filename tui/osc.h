/* Terminal escape sequences sentry-tui writes itself, beside curses: OSC 52 (put text
 * on the clipboard of the terminal the user sits at, also over SSH) and OSC 8
 * (hyperlinks). Pure builders plus one queue that the redraw flushes after curses has
 * written its frame, so a sequence never lands in the middle of curses' output. */
#ifndef TUI_OSC_H
#define TUI_OSC_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

/* The most text OSC 52 carries (terminals cap the sequence; xterm at ~100 KB). */
#define OSC52_MAX_TEXT 65536

enum osc_wrap {
	OSC_WRAP_NONE,    /* the terminal itself, or tmux with set-clipboard on */
	OSC_WRAP_SCREEN,  /* GNU screen ($STY): DCS passthrough in chunks */
};

/* The wrap for this environment ($STY set: GNU screen). */
enum osc_wrap osc_wrap_for_env(void);
/* ESC ] 52 ; c ; base64(text) BEL, wrapped; false (out unchanged) when text is over
 * OSC52_MAX_TEXT. */
bool osc52_copy(struct strbuf *out, const char *text, size_t len, enum osc_wrap wrap);
/* Standard base64 of data. */
void base64_encode(struct strbuf *out, const unsigned char *data, size_t len);

/* The longest URL put into a hyperlink (terminals cap it; VTE at 2083 bytes). */
#define OSC8_MAX_URL 2048

/* Whether url may become an OSC 8 hyperlink: http:// or https:// and a host, printable
 * ASCII only (no ESC, BEL, C1 controls such as ST, no spaces), at most OSC8_MAX_URL
 * bytes. Anything else (javascript:, file:, a server's hostile text) gets no link. */
bool osc8_url_ok(const char *url);
/* ESC ] 8 ; ; url ESC \ : the cells written after it link to url; false (nothing added)
 * when osc8_url_ok refuses url. */
bool osc8_open(struct strbuf *out, const char *url);
/* ESC ] 8 ; ; ESC \ : the end of the link. */
void osc8_close(struct strbuf *out);

/* Queue bytes for the terminal; the redraw writes them after its frame. */
void osc_queue(const char *bytes, size_t len);
/* Write and drop the queue (to fd); headless runs drop it (nothing reads /dev/null). */
void osc_flush(int fd);
/* The last text queued for the clipboard (for `:view` dumps in tests), or "". */
const char *osc_last_copied(void);
void osc_set_last_copied(const char *text);
void osc_free(void);

#endif
