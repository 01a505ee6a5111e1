/* The one choke point for untrusted text (ARCHITECTURE.md rule 3).
 *
 * Everything that came from a server is decoded here into display glyphs that cannot
 * move the cursor, set the title, write the clipboard or reorder text:
 *   - invalid UTF-8 (each bad byte: overlongs, surrogates, > U+10FFFF, truncated
 *     sequences, stray continuation bytes) -> U+FFFD        (GLYPH_MARK)
 *   - C0 controls 0x00-0x1F (not TAB/LF), DEL  -> caret form "^[", "^?" (GLYPH_MARK)
 *   - TAB                                      -> one space            (GLYPH_TEXT)
 *   - LF                                       -> U+23CE "⏎" in one-line text (GLYPH_MARK),
 *                                                 GLYPH_NEWLINE when SANITIZE_MULTILINE
 *   - CR directly before LF                    -> dropped (CR LF is one line break);
 *                                                 any other CR is "^M"
 *   - C1 controls U+0080-U+009F                -> "\x9b" style, 4 cells  (GLYPH_MARK)
 *   - bidi controls (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C) -> U+FFFD (GLYPH_MARK)
 *   - zero-width chars (U+200B-200D, U+2060, U+FEFF, U+00AD, U+180E) and the variation
 *     selectors U+FE0E/U+FE0F (terminals disagree on their width) -> dropped
 *   - other invisible format chars (U+2061-2064, U+206A-206F, U+FFF9-FFFB, tags
 *     U+E0001 and U+E0020-E007F, ...) -> U+FFFD (GLYPH_MARK); glibc gives them width 0
 *   - anything wcwidth() < 0 (unassigned, U+2028/2029) -> U+FFFD (GLYPH_MARK)
 *   - combining marks (wcwidth 0) attach to the preceding text glyph, at most
 *     SANITIZE_MAX_COMBINING of them; leading or excess ones, and any after a
 *     GLYPH_MARK, are dropped
 * Widths are display cells (CJK and emoji are 2). The caller must have called
 * setlocale(LC_CTYPE, "") with a UTF-8 locale; the decoding itself does not depend on
 * the locale (UTF-8 is always assumed), only wcwidth() does (in a non-UTF-8 locale every
 * non-ASCII character becomes U+FFFD, which is safe).
 */
#ifndef TUI_SANITIZE_H
#define TUI_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "util/strbuf.h"

#define SANITIZE_MAX_COMBINING 3
/* Enough for a base char, its combining marks, or a 4-char "\x9b" marker. */
#define GLYPH_MAX_WC (1 + SANITIZE_MAX_COMBINING)

enum glyph_kind {
	GLYPH_TEXT,    /* ordinary printable text */
	GLYPH_MARK,    /* a stand-in for something hostile or broken; draw in the "control" colour */
	GLYPH_NEWLINE, /* only with SANITIZE_MULTILINE: the caller ends the display line */
};

/* One unit to draw. A GLYPH_MARK may be several cells ("^[" is 2, "\x9b" is 4);
 * then wc[] holds one wide char per cell (each width 1) and ncells == nwc. Otherwise
 * wc[0] is the base character and wc[1..nwc-1] its combining marks. */
struct glyph {
	enum glyph_kind kind;
	int width;               /* display cells: 0 only for GLYPH_NEWLINE */
	int nwc;
	wchar_t wc[GLYPH_MAX_WC];
};

enum sanitize_flags {
	SANITIZE_MULTILINE = 1 << 0,
};

/* Decode the next glyph from [*p, end) and advance *p. Returns false at the end.
 * Dropped characters are skipped silently (the call returns the next real glyph). */
bool sanitize_next(const char **p, const char *end, unsigned flags, struct glyph *g);

/* Display width of s (NUL-terminated, may be NULL = 0) after sanitizing, one-line mode. */
int sanitize_width(const char *s);

/* Append the sanitized form of s to out as UTF-8 (one-line mode), cut so it is at most
 * max_width cells (max_width < 0: no limit). When cut and ellipsis is true (and
 * max_width >= 1), the text ends in "…". A glyph is never split: a wide character or a
 * multi-cell marker ("^[", "\x9b") that does not fit is dropped whole, so cut text may
 * be up to 3 cells narrower than max_width.
 * Returns the width appended. Used for stderr messages and by tests. */
int sanitize_to_utf8(const char *s, int max_width, bool ellipsis, struct strbuf *out);

#endif
