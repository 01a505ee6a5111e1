/* libFuzzer target for key names (tui/keys.c) and `bindings:` entries (tui/keymap.c).
 * The input is up to four NUL-separated parts: a key spec, a request name, a view name
 * and a key command. Besides crashes and leaks it aborts when a promise breaks:
 *   - a key parsed from a spec is a character (valid Unicode, not a surrogate) or a
 *     special key, and its config name (key_format) parses back to the same key: what
 *     the help and error messages print can be pasted into the config;
 *   - its name for people (key_display) is non-empty, valid UTF-8, without a control
 *     byte (it is shown in the help and the status line);
 *   - a binding that is accepted is what the keymap then finds for that key, and the
 *     help lists the key for the request; a refusal says why;
 *   - a key command that is accepted is what the key then runs.
 * Built by `make fuzz-bins` (see the Makefile). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tests/fuzz/fuzz_check.h"
#include "tui/keymap.h"
#include "tui/keys.h"
#include "tui/request.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	keymap_init();
	return 0;
}

/* Valid UTF-8 (shortest form, no surrogate, at most U+10FFFF) without C0, DEL or C1. */
static bool clean_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned cp;
		int extra;
		if (*p < 0x80) {
			if (*p < 0x20 || *p == 0x7f)
				return false;
			p++;
			continue;
		}
		if ((*p & 0xe0) == 0xc0) {
			cp = *p & 0x1f;
			extra = 1;
		} else if ((*p & 0xf0) == 0xe0) {
			cp = *p & 0x0f;
			extra = 2;
		} else if ((*p & 0xf8) == 0xf0) {
			cp = *p & 0x07;
			extra = 3;
		} else {
			return false;
		}
		for (int i = 1; i <= extra; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		static const unsigned min[] = { 0, 0x80, 0x800, 0x10000 };
		if (cp < min[extra] || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff ||
		    (cp >= 0x80 && cp < 0xa0))
			return false;
		p += extra + 1;
	}
	return true;
}

static void check_key(int key)
{
	FUZZ_REQUIRE(key >= 0);
	if (!KEY_IS_SPECIAL(key))
		FUZZ_REQUIRE(key <= 0x10ffff && !(key >= 0xd800 && key <= 0xdfff));
	char name[64], shown[64];
	key_format(key, name, sizeof name);
	FUZZ_REQUIRE(key_parse(name) == key); /* the printed name can be pasted back */
	key_display(key, shown, sizeof shown);
	FUZZ_REQUIRE(shown[0] && clean_text(shown));
}

/* Next NUL-separated part of the input (malloc'd), advancing *p. */
static char *next_part(const uint8_t **p, const uint8_t *end)
{
	const uint8_t *nul = memchr(*p, '\0', (size_t)(end - *p));
	const uint8_t *stop = nul ? nul : end;
	char *part = xstrndup((const char *)*p, (size_t)(stop - *p));
	*p = nul ? nul + 1 : end;
	return part;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;
	char *spec = next_part(&p, end);
	char *request = next_part(&p, end);
	char *scope = next_part(&p, end);
	char *command = next_part(&p, end);

	/* Every key in the spec, as a test script reads a line of keys. */
	const char *s = spec;
	while (*s) {
		int key = key_parse_one(&s);
		if (key < 0)
			break;
		check_key(key);
	}
	int key = key_parse(spec);
	if (key >= 0)
		check_key(key);

	bool changed = false;
	struct strbuf err = STRBUF_INIT;
	if (keymap_bind(request, spec, &err)) {
		changed = true;
		enum request req = request_by_name(request);
		const struct request_info *info = request_info(req);
		FUZZ_REQUIRE(key >= 0 && info);
		FUZZ_REQUIRE(keymap_lookup_only(info->scope, key) == req);
		struct strbuf keys = STRBUF_INIT;
		keymap_keys_display(req, info->scope, &keys);
		FUZZ_REQUIRE(keys.len && clean_text(strbuf_str(&keys)));
		strbuf_free(&keys);
	} else {
		FUZZ_REQUIRE(err.len);
	}
	strbuf_reset(&err);
	if (keymap_bind_hook(scope, spec, command, &err)) {
		changed = true;
		FUZZ_REQUIRE(key >= 0);
		const char *runs = keymap_lookup_hook(scope, key);
		FUZZ_REQUIRE(runs && strcmp(runs, command) == 0);
	} else {
		FUZZ_REQUIRE(err.len);
	}
	strbuf_free(&err);
	if (changed) { /* the next input starts from the built-in keys */
		keymap_free();
		keymap_init();
	}
	free(spec);
	free(request);
	free(scope);
	free(command);
	return 0;
}
