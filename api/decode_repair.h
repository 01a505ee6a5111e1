/* Repairs applied to a response body before jansson parses it. jansson refuses a whole
 * document for one bad character, and anyone with a DSN can put bad characters into an
 * event, so one hostile title would otherwise make a whole issue list "malformed".
 * Each bad character becomes U+FFFD instead; the sanitizer shows it as a visible mark. */
#ifndef API_DECODE_REPAIR_H
#define API_DECODE_REPAIR_H

#include <stddef.h>

/* Invalid UTF-8 bytes become U+FFFD (one per byte). Returns a malloc'd copy and its
 * length in *out_len, or NULL when the body is already valid (no copy). */
char *repair_utf8(const char *body, size_t len, size_t *out_len);

/* A "\uXXXX" escape naming half of a UTF-16 surrogate pair without the other half (a
 * lone "\ud800", a lone low surrogate, a high surrogate followed by anything but a low
 * one) becomes the escape "\ufffd", and so does "\u0000" (jansson refuses it in an
 * object key, and a C string would end there). Valid pairs and escaped backslashes ("\\ud800" is
 * a backslash and the text "ud800") are left alone. Returns a malloc'd copy and its
 * length in *out_len, or NULL when nothing needed repair (no copy). */
char *repair_lone_surrogates(const char *body, size_t len, size_t *out_len);

/* Both repairs; NULL when the body needed none. */
char *repair_json_text(const char *body, size_t len, size_t *out_len);

#endif
