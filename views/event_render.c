/* What the section renderers (views/render_*.c) share: which names hold secrets, and
 * padding untrusted text to a column. */
#include "views/event_render.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tui/sanitize.h"
#include "util/xalloc.h"

/* Substrings of a lowercased name (with '_' read as '-') that mark a credential. Broad
 * on purpose: masking a harmless value costs a keypress to look it up in the web UI,
 * showing a token on a shared screen costs a rotation. */
static const char *const secret_parts[] = {
	"auth", "cookie", "token", "secret", "passw", "api-key", "apikey", "access-key",
	"private-key", "session", "credential", "signature", "csrf", "xsrf", "jwt", "bearer",
};

/* Whole names that are credentials only when they stand alone ("key=…" in a query,
 * but not "monkey"). */
static const char *const secret_names[] = { "key", "sig", "pass", "code" };

bool render_is_secret_header(const char *name)
{
	if (!name || !*name)
		return false;
	size_t n = strlen(name);
	char *norm = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		norm[i] = c == '_' ? '-' : (char)tolower(c);
	}
	norm[n] = '\0';
	bool secret = false;
	for (size_t i = 0; !secret && i < sizeof(secret_parts) / sizeof(*secret_parts); i++)
		secret = strstr(norm, secret_parts[i]) != NULL;
	for (size_t i = 0; !secret && i < sizeof(secret_names) / sizeof(*secret_names); i++)
		secret = strcmp(norm, secret_names[i]) == 0;
	free(norm);
	return secret;
}

int render_width_capped(const char *text, int cap)
{
	int w = sanitize_width(text);
	return w > cap ? cap : w;
}

void render_seg_padded(struct line *l, enum color_role role, const char *text, int width)
{
	if (!text)
		text = "";
	int w = sanitize_width(text);
	if (w >= width) {
		line_seg(l, role, text);
		return;
	}
	line_segf(l, role, "%s%*s", text, width - w, "");
}
