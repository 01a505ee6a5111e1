/* Key names <-> key codes (see keys.h). */
#include "tui/keys.h"

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct named_key {
	const char *name;
	int key;
};

static const struct named_key named_keys[] = {
	{ "Enter", '\n' },
	{ "Esc", KEY_ESC },
	{ "Space", ' ' },
	{ "Tab", '\t' },
	{ "LT", '<' },
	{ "Backspace", KEY_SPECIAL(KEY_BACKSPACE) },
	{ "Up", KEY_SPECIAL(KEY_UP) },
	{ "Down", KEY_SPECIAL(KEY_DOWN) },
	{ "Left", KEY_SPECIAL(KEY_LEFT) },
	{ "Right", KEY_SPECIAL(KEY_RIGHT) },
	{ "Home", KEY_SPECIAL(KEY_HOME) },
	{ "End", KEY_SPECIAL(KEY_END) },
	{ "PgUp", KEY_SPECIAL(KEY_PPAGE) },
	{ "PgDn", KEY_SPECIAL(KEY_NPAGE) },
	{ "PageUp", KEY_SPECIAL(KEY_PPAGE) },
	{ "PageDown", KEY_SPECIAL(KEY_NPAGE) },
	{ "Delete", KEY_SPECIAL(KEY_DC) },
	{ "Insert", KEY_SPECIAL(KEY_IC) },
	{ "BackTab", KEY_SPECIAL(KEY_BTAB) },
};

/* Accepted when parsing (scripts, `bindings:`) but never printed: a script step that
 * starts with ':' is a command, so typing the key itself needs a name. */
static const struct named_key parse_only_keys[] = {
	{ "Colon", ':' },
};

/* How the help shows keys: a word a person would say, without tig's brackets. */
static const struct named_key display_names[] = {
	{ "Enter", '\n' },
	{ "Esc", KEY_ESC },
	{ "Space", ' ' },
	{ "Tab", '\t' },
	{ "Shift-Tab", KEY_SPECIAL(KEY_BTAB) },
	{ "Backspace", KEY_SPECIAL(KEY_BACKSPACE) },
	{ "Up", KEY_SPECIAL(KEY_UP) },
	{ "Down", KEY_SPECIAL(KEY_DOWN) },
	{ "Left", KEY_SPECIAL(KEY_LEFT) },
	{ "Right", KEY_SPECIAL(KEY_RIGHT) },
	{ "Home", KEY_SPECIAL(KEY_HOME) },
	{ "End", KEY_SPECIAL(KEY_END) },
	{ "PgUp", KEY_SPECIAL(KEY_PPAGE) },
	{ "PgDn", KEY_SPECIAL(KEY_NPAGE) },
	{ "Delete", KEY_SPECIAL(KEY_DC) },
	{ "Insert", KEY_SPECIAL(KEY_IC) },
};

/* Decode one UTF-8 code point; -1 on malformed input. */
static int utf8_decode(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	int cp, extra;
	if (p[0] < 0x80) {
		cp = p[0];
		extra = 0;
	} else if ((p[0] & 0xe0) == 0xc0) {
		cp = p[0] & 0x1f;
		extra = 1;
	} else if ((p[0] & 0xf0) == 0xe0) {
		cp = p[0] & 0x0f;
		extra = 2;
	} else if ((p[0] & 0xf8) == 0xf0) {
		cp = p[0] & 0x07;
		extra = 3;
	} else {
		return -1;
	}
	for (int i = 1; i <= extra; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return -1;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	/* Overlong forms, surrogates and code points past U+10FFFF are not characters: a
	 * key made of one could be neither printed nor typed. */
	static const int shortest[] = { 0, 0x80, 0x800, 0x10000 };
	if (cp < shortest[extra] || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return -1;
	*s += extra + 1;
	return cp;
}

int key_parse_one(const char **s)
{
	const char *p = *s;
	if (!*p)
		return -1;
	if (*p != '<' || !strchr(p, '>')) {
		int cp = utf8_decode(&p);
		/* DEL and the C1 controls have no name to print them by, nor a key that types
		 * them. */
		if (cp < 0 || (cp >= 0x7f && cp < 0xa0))
			return -1;
		*s = p;
		return cp;
	}
	const char *end = strchr(p, '>');
	size_t len = (size_t)(end - p - 1);
	const char *name = p + 1;
	if (len == 0)
		return -1;
	int key = -1;
	if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-') {
		char c = name[2];
		if (c >= 'a' && c <= 'z')
			key = KEY_CTRL(c);
		else if (c >= 'A' && c <= 'Z')
			key = KEY_CTRL(c);
		else if (c == '[')
			key = KEY_ESC;
		else if (c == '\\' || c == ']' || c == '^' || c == '_')
			key = KEY_CTRL(c);
	} else if ((name[0] == 'F' || name[0] == 'f') && len <= 3 && len >= 2) {
		int n = 0;
		for (size_t i = 1; i < len; i++) {
			if (name[i] < '0' || name[i] > '9')
				return -1;
			n = n * 10 + (name[i] - '0');
		}
		if (n >= 1 && n <= 12)
			key = KEY_SPECIAL(KEY_F(n));
	} else {
		for (size_t i = 0; i < sizeof(named_keys) / sizeof(named_keys[0]); i++) {
			if (strlen(named_keys[i].name) == len &&
			    strncasecmp(named_keys[i].name, name, len) == 0) {
				key = named_keys[i].key;
				break;
			}
		}
		for (size_t i = 0; key < 0 && i < sizeof(parse_only_keys) / sizeof(parse_only_keys[0]);
		     i++) {
			if (strlen(parse_only_keys[i].name) == len &&
			    strncasecmp(parse_only_keys[i].name, name, len) == 0)
				key = parse_only_keys[i].key;
		}
	}
	if (key >= 0)
		*s = end + 1;
	return key;
}

int key_parse(const char *s)
{
	const char *p = s;
	int key = key_parse_one(&p);
	return key >= 0 && *p == '\0' ? key : -1;
}

/* One key's name from a table of named keys, else F-keys, Ctrl letters and the character
 * itself; with brackets for the config's spelling (<C-r>), without for people (Ctrl-r). */
static const char *format_key(int key, char *buf, size_t bufsz, const struct named_key *names,
                              size_t nnames, bool config_spelling)
{
	const char *open = config_spelling ? "<" : "", *close = config_spelling ? ">" : "";
	for (size_t i = 0; i < nnames; i++) {
		if (names[i].key == key) {
			snprintf(buf, bufsz, "%s%s%s", open, names[i].name, close);
			return buf;
		}
	}
	if (KEY_IS_SPECIAL(key)) {
		int k = key - KEY_SPECIAL_BASE;
		if (k >= KEY_F(1) && k <= KEY_F(12))
			snprintf(buf, bufsz, "%sF%d%s", open, k - KEY_F0, close);
		else
			snprintf(buf, bufsz, "%skey-%d%s", open, k, close);
	} else if (key > 0 && key < 0x20) {
		/* Ctrl-a to Ctrl-z, then the code plus '@' (28 is Ctrl-backslash, 31 Ctrl-_). */
		snprintf(buf, bufsz, "%s%s%c%s", open, config_spelling ? "C-" : "Ctrl-",
		         key <= 26 ? key + 'a' - 1 : key + '@', close);
	} else {
		char u[5];
		key_utf8(key, u);
		snprintf(buf, bufsz, "%s", u);
	}
	return buf;
}

const char *key_format(int key, char *buf, size_t bufsz)
{
	return format_key(key, buf, bufsz, named_keys, sizeof(named_keys) / sizeof(named_keys[0]),
	                  true);
}

const char *key_display(int key, char *buf, size_t bufsz)
{
	return format_key(key, buf, bufsz, display_names,
	                  sizeof(display_names) / sizeof(display_names[0]), false);
}

int key_utf8(int key, char *u)
{
	int n;
	if (key < 0 || KEY_IS_SPECIAL(key) || key > 0x10ffff) {
		n = 0;
	} else if (key < 0x80) {
		u[0] = (char)key;
		n = 1;
	} else if (key < 0x800) {
		u[0] = (char)(0xc0 | (key >> 6));
		u[1] = (char)(0x80 | (key & 0x3f));
		n = 2;
	} else if (key < 0x10000) {
		u[0] = (char)(0xe0 | (key >> 12));
		u[1] = (char)(0x80 | ((key >> 6) & 0x3f));
		u[2] = (char)(0x80 | (key & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | (key >> 18));
		u[1] = (char)(0x80 | ((key >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((key >> 6) & 0x3f));
		u[3] = (char)(0x80 | (key & 0x3f));
		n = 4;
	}
	u[n] = '\0';
	return n;
}
