/* OSC 52 and the escape queue (see osc.h). */
#include "tui/osc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util/xalloc.h"

static struct strbuf queue = STRBUF_INIT;
static char *last_copied;

void base64_encode(struct strbuf *out, const unsigned char *data, size_t len)
{
	static const char alphabet[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < len; i += 3) {
		unsigned n = (unsigned)data[i] << 16;
		if (i + 1 < len)
			n |= (unsigned)data[i + 1] << 8;
		if (i + 2 < len)
			n |= data[i + 2];
		strbuf_addc(out, alphabet[(n >> 18) & 63]);
		strbuf_addc(out, alphabet[(n >> 12) & 63]);
		strbuf_addc(out, i + 1 < len ? alphabet[(n >> 6) & 63] : '=');
		strbuf_addc(out, i + 2 < len ? alphabet[n & 63] : '=');
	}
}

enum osc_wrap osc_wrap_for_env(void)
{
	const char *sty = getenv("STY");
	return sty && *sty ? OSC_WRAP_SCREEN : OSC_WRAP_NONE;
}

bool osc52_copy(struct strbuf *out, const char *text, size_t len, enum osc_wrap wrap)
{
	if (len > OSC52_MAX_TEXT)
		return false;
	struct strbuf seq = STRBUF_INIT;
	strbuf_adds(&seq, "\033]52;c;");
	base64_encode(&seq, (const unsigned char *)text, len);
	strbuf_addc(&seq, '\a');
	if (wrap == OSC_WRAP_SCREEN) {
		/* screen passes a DCS string through, but cuts long ones: 76-byte pieces, each
		 * its own DCS ... ST. */
		for (size_t i = 0; i < seq.len; i += 76) {
			strbuf_adds(out, "\033P");
			strbuf_add(out, seq.buf + i, seq.len - i < 76 ? seq.len - i : 76);
			strbuf_adds(out, "\033\\");
		}
	} else {
		strbuf_add(out, seq.buf, seq.len);
	}
	strbuf_free(&seq);
	return true;
}

bool osc8_url_ok(const char *url)
{
	const char *rest;
	if (!url)
		return false;
	if (strncasecmp(url, "https://", 8) == 0)
		rest = url + 8;
	else if (strncasecmp(url, "http://", 7) == 0)
		rest = url + 7;
	else
		return false;
	if (!*rest || *rest == '/' || strlen(url) > OSC8_MAX_URL)
		return false;
	/* Printable ASCII: no byte can end the sequence early or start another one. */
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f)
			return false;
	return true;
}

bool osc8_open(struct strbuf *out, const char *url)
{
	if (!osc8_url_ok(url))
		return false;
	strbuf_adds(out, "\033]8;;");
	strbuf_adds(out, url);
	strbuf_adds(out, "\033\\");
	return true;
}

void osc8_close(struct strbuf *out)
{
	strbuf_adds(out, "\033]8;;\033\\");
}

void osc_queue(const char *bytes, size_t len)
{
	strbuf_add(&queue, bytes, len);
}

void osc_flush(int fd)
{
	size_t done = 0;
	while (fd >= 0 && done < queue.len) {
		ssize_t n = write(fd, queue.buf + done, queue.len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	strbuf_reset(&queue);
}

const char *osc_last_copied(void)
{
	return last_copied ? last_copied : "";
}

void osc_set_last_copied(const char *text)
{
	free(last_copied);
	last_copied = text ? xstrdup(text) : NULL;
}

void osc_free(void)
{
	strbuf_free(&queue);
	free(last_copied);
	last_copied = NULL;
}
