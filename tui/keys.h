/* Key codes and key names.
 *
 * A key is an int: a Unicode code point for characters (control keys are their C0
 * code, so Ctrl-d is 4, Enter is '\n', Esc is 27), or KEY_SPECIAL(ncurses KEY_*) for
 * function keys. Names follow tig's style: "j", "G", "<C-d>", "<Enter>", "<Esc>",
 * "<Space>", "<Tab>", "<Up>", "<Down>", "<Left>", "<Right>", "<Home>", "<End>",
 * "<PgUp>", "<PgDn>", "<F1>".."<F12>", "<Backspace>", "<Delete>", "<Insert>",
 * "<BackTab>", "<LT>" (a literal '<'). Names are case-insensitive inside <>.
 * "<Colon>" (parse only) types ':' in a test script, where a leading ':' is a command.
 * The help shows keys the way people say them instead: "Ctrl-d", "Space", "<", "PgDn".
 */
#ifndef TUI_KEYS_H
#define TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#define KEY_SPECIAL_BASE 0x200000
#define KEY_SPECIAL(k) (KEY_SPECIAL_BASE + (k))
#define KEY_IS_SPECIAL(k) ((k) >= KEY_SPECIAL_BASE)
#define KEY_CTRL(c) ((c) & 0x1f)
#define KEY_ESC 27

/* Parse one key name at *s, advancing *s past it. Returns -1 (and leaves *s) on error.
 * A bare character is decoded as UTF-8. */
int key_parse_one(const char **s);
/* Parse a whole string that must be exactly one key ("<C-r>", "R"). -1 if not. */
int key_parse(const char *s);
/* UTF-8 bytes of a character key into out (at least 5 bytes, NUL-terminated);
 * returns the byte count, 0 for special keys. */
int key_utf8(int key, char *out);
/* Human name of a key: "j", "<C-d>", "<Enter>". Writes into buf. */
const char *key_format(int key, char *buf, size_t bufsz);
/* Name of a key for people (help, messages): "j", "Ctrl-d", "Enter", "Space", "<",
 * "PgDn", "Shift-Tab", "F5". Writes into buf. */
const char *key_display(int key, char *buf, size_t bufsz);

#endif
