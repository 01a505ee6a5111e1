/* Error and warning lines for configuration problems (see report.h). */
#include "config/report.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util/xalloc.h"

static void add_line(struct strbuf *sb, const char *where, const char *label, const char *fmt,
                     va_list ap) __attribute__((format(printf, 4, 0)));

static void add_line(struct strbuf *sb, const char *where, const char *label, const char *fmt,
                     va_list ap)
{
	strbuf_adds(sb, where);
	strbuf_adds(sb, ": ");
	strbuf_adds(sb, label);
	strbuf_vaddf(sb, fmt, ap);
	strbuf_addc(sb, '\n');
}

void config_error(struct config_report *report, const char *where, const char *fmt, ...)
{
	report->nerrors++;
	if (report->nerrors > CONFIG_MAX_ERRORS_SHOWN) {
		if (report->nerrors == CONFIG_MAX_ERRORS_SHOWN + 1)
			strbuf_addf(report->errors, "%s: too many errors; only the first %d are shown\n",
			            CONFIG_PROGRAM, CONFIG_MAX_ERRORS_SHOWN);
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	add_line(report->errors, where, "", fmt, ap);
	va_end(ap);
}

void config_warning(struct config_report *report, const char *where, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_line(report->warnings, where, "warning: ", fmt, ap);
	va_end(ap);
}

char *config_where(const char *file, size_t line0, size_t col0)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "%s:%zu:%zu", file, line0 + 1, col0 + 1);
	return strbuf_detach(&sb);
}

const char *config_quote(const char *value, char *buf, size_t size)
{
	static const char ellipsis[] = "...";
	/* Past limit we stop at the next character boundary; the slack above it holds one
	 * escape, the rest of a UTF-8 sequence, the ellipsis and the NUL (size >= 16). */
	size_t limit = size - 16, n = 0;
	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		bool inside_character = (*p & 0xC0) == 0x80 && n < size - 8;
		if (n >= limit && !inside_character) {
			memcpy(buf + n, ellipsis, sizeof ellipsis);
			return buf;
		}
		if (*p < 0x20 || *p == 0x7f)
			n += (size_t)snprintf(buf + n, size - n, "\\x%02x", *p);
		else if (*p == '"' || *p == '\\')
			n += (size_t)snprintf(buf + n, size - n, "\\%c", *p);
		else
			buf[n++] = (char)*p;
	}
	buf[n] = '\0';
	return buf;
}
