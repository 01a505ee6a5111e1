/* The breadcrumbs section as a log (see event_render.h): one line per crumb with its
 * time, level, category and what happened, filtered by level and category. */
#include "views/event_render.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/strbuf.h"

#define TIME_WIDTH_RELATIVE 8    /* "-59.999s", "-23h59m" */
#define LEVEL_WIDTH         7    /* "warning" */
#define CATEGORY_MIN        8
#define CATEGORY_MAX        20   /* a longer category pushes its own line only */

/* Seconds relative to the event, as a log reader scans them: "-1.250s" below a minute,
 * then "-2m03s", "-1h05m", "-3d04h"; "+…" after the event; "0.000s" at it. */
/* Milliseconds, rounded half away from zero (no libm needed). */
static long long to_ms(double seconds)
{
	double ms = seconds * 1000.0;
	return (long long)(ms < 0 ? ms - 0.5 : ms + 0.5);
}

static void format_offset(double seconds, char *buf, size_t size)
{
	long long ms = to_ms(seconds);
	char sign = ms < 0 ? '-' : '+';
	long long a = ms < 0 ? -ms : ms;
	if (a == 0)
		snprintf(buf, size, "0.000s");
	else if (a < 60000)
		snprintf(buf, size, "%c%lld.%03llds", sign, a / 1000, a % 1000);
	else if (a < 3600000)
		snprintf(buf, size, "%c%lldm%02llds", sign, a / 60000, a / 1000 % 60);
	else if (a < 86400000)
		snprintf(buf, size, "%c%lldh%02lldm", sign, a / 3600000, a / 60000 % 60);
	else
		snprintf(buf, size, "%c%lldd%02lldh", sign, a / 86400000, a / 3600000 % 24);
}

/* "12:00:01.123" in UTC, the zone Sentry's timestamps are in. */
static void format_clock(double timestamp, char *buf, size_t size)
{
	long long ms = to_ms(timestamp);
	time_t secs = (time_t)(ms / 1000);
	struct tm tm;
	if (!gmtime_r(&secs, &tm)) {
		snprintf(buf, size, "?");
		return;
	}
	snprintf(buf, size, "%02d:%02d:%02d.%03lld", tm.tm_hour, tm.tm_min, tm.tm_sec, ms % 1000);
}

static enum color_role level_role(const char *level)
{
	if (!level)
		return ROLE_LEVEL_INFO;
	if (!strcasecmp(level, "fatal") || !strcasecmp(level, "critical"))
		return ROLE_LEVEL_FATAL;
	if (!strcasecmp(level, "error"))
		return ROLE_LEVEL_ERROR;
	if (!strcasecmp(level, "warning") || !strcasecmp(level, "warn"))
		return ROLE_LEVEL_WARNING;
	if (!strcasecmp(level, "info") || !strcasecmp(level, "log"))
		return ROLE_LEVEL_INFO;
	if (!strcasecmp(level, "debug"))
		return ROLE_LEVEL_DEBUG;
	return ROLE_LEVEL_UNKNOWN;
}

/* A time we can print: known, finite and within ±30000 years of 1970 (hostile values
 * such as 1e300 or NaN would make the conversion to milliseconds undefined). */
static bool usable_time(double t)
{
	return t != 0 && t > -1e12 && t < 1e12;
}

/* The event's instant, with its fraction when the decoder had one; else the whole
 * second of date_created, and *slack = 1 because crumbs within that second may still
 * precede the error. 0 when unknown. */
static double event_time(const struct event *e, double *slack)
{
	*slack = 0;
	if (usable_time(e->timestamp))
		return e->timestamp;
	if (!usable_time((double)e->date_created))
		return 0;
	*slack = 1.0;
	return (double)e->date_created;
}

static const char *crumb_level(const struct breadcrumb *c)
{
	return c->level && *c->level ? c->level : "info";
}

/* The category column: the category, or the type when an SDK sent none. */
static const char *crumb_category(const struct breadcrumb *c)
{
	return c->category ? c->category : c->type ? c->type : "";
}

static bool crumb_shown(const struct breadcrumb *c, const struct crumb_options *o)
{
	if (o->level && strcasecmp(crumb_level(c), o->level) != 0)
		return false;
	if (o->category && strcasecmp(crumb_category(c), o->category) != 0)
		return false;
	return true;
}

static const char *data_get(const struct kv_list *data, const char *key)
{
	for (size_t i = 0; i < data->n; i++)
		if (data->items[i].key && strcmp(data->items[i].key, key) == 0)
			return data->items[i].value;
	return NULL;
}

/* Does the message already say what this data value says? SDKs often send both:
 * fetch crumbs "GET /x [200]" with method, url and status_code, console crumbs with
 * arguments=["<the message>"]. Short values could match by accident, so not those. */
static bool said_in_message(const char *message, const char *value)
{
	if (!message || !*message || !value)
		return false;
	size_t mlen = strlen(message), vlen = strlen(value);
	if (vlen >= 3 && strstr(message, value))
		return true;
	return vlen == mlen + 4 && strncmp(value, "[\"", 2) == 0 &&
	       strncmp(value + 2, message, mlen) == 0 && strcmp(value + 2 + mlen, "\"]") == 0;
}

/* "k=v k=v" of data in the order sent, leaving out keys already shown and values the
 * message already says. */
static void data_summary(const struct kv_list *data, const char *const *skip, size_t nskip,
                         const char *message, struct strbuf *sb)
{
	for (size_t i = 0; i < data->n; i++) {
		const struct kv *kv = &data->items[i];
		bool skipped = said_in_message(message, kv->value);
		for (size_t s = 0; s < nskip && !skipped; s++)
			skipped = kv->key && strcmp(kv->key, skip[s]) == 0;
		if (skipped)
			continue;
		if (sb->len)
			strbuf_addc(sb, ' ');
		strbuf_addf(sb, "%s=%s", kv->key ? kv->key : "", kv->value ? kv->value : "");
	}
}

/* What happened: the message, else for HTTP crumbs "GET url [500]" as the web shows
 * them, else the data summary; then remaining data, dimmed. */
static void crumb_text(struct line *l, const struct breadcrumb *c)
{
	static const char *const http_keys[] = { "method", "url", "status_code" };
	struct strbuf rest = STRBUF_INIT;
	const char *url = data_get(&c->data, "url");

	if (c->message && *c->message) {
		line_seg(l, ROLE_DEFAULT, c->message);
		data_summary(&c->data, NULL, 0, c->message, &rest);
	} else if (url) {
		const char *method = data_get(&c->data, "method");
		const char *status = data_get(&c->data, "status_code");
		if (method)
			line_segf(l, ROLE_DEFAULT, "%s ", method);
		line_seg(l, ROLE_DEFAULT, url);
		if (status)
			line_segf(l, level_role(crumb_level(c)), " [%s]", status);
		data_summary(&c->data, http_keys, 3, NULL, &rest);
	} else {
		data_summary(&c->data, NULL, 0, NULL, &rest);
		line_seg(l, ROLE_DEFAULT, strbuf_str(&rest));
		strbuf_reset(&rest);
	}
	if (rest.len) {
		line_seg(l, ROLE_DIM, "  ");
		line_seg(l, ROLE_DIM, strbuf_str(&rest));
	}
	strbuf_free(&rest);
}

static void filter_words(const struct crumb_options *o, struct strbuf *sb)
{
	if (o->level)
		strbuf_addf(sb, "level: %s", o->level);
	if (o->category)
		strbuf_addf(sb, "%scategory: %s", o->level ? ", " : "", o->category);
}

int render_breadcrumbs(const struct event *e, const struct crumb_options *o, struct lines *out)
{
	static const struct crumb_options defaults = { .relative = true };
	if (!o)
		o = &defaults;
	size_t total = e ? e->ncrumbs : 0;
	size_t shown = 0;
	int category_width = CATEGORY_MIN;
	for (size_t i = 0; i < total; i++) {
		const struct breadcrumb *c = &e->crumbs[i];
		if (!crumb_shown(c, o))
			continue;
		shown++;
		int w = render_width_capped(crumb_category(c), CATEGORY_MAX);
		if (w > category_width)
			category_width = w;
	}

	bool filtered = o->level || o->category;
	if (shown == 0) {
		struct line *l = lines_add(out, LINE_TEXT, 0, 0);
		if (total > 0 && filtered) {
			struct strbuf sb = STRBUF_INIT;
			filter_words(o, &sb);
			line_segf(l, ROLE_DIM, "No breadcrumbs match the filter (%s)",
			          strbuf_str(&sb));
			strbuf_free(&sb);
		} else {
			line_seg(l, ROLE_DIM, "No breadcrumbs");
		}
		return -1;
	}
	if (filtered) {
		struct strbuf sb = STRBUF_INIT;
		filter_words(o, &sb);
		line_segf(lines_add(out, LINE_TEXT, 0, 0), ROLE_DIM, "%zu of %zu breadcrumbs (%s)",
		          shown, total, strbuf_str(&sb));
		strbuf_free(&sb);
	}

	double slack;
	double at = event_time(e, &slack);
	/* Relative times need the event's time; without it the clock is all we have. */
	bool relative = o->relative && at != 0;
	int last = -1, last_before = -1;
	for (size_t i = 0; i < total; i++) {
		const struct breadcrumb *c = &e->crumbs[i];
		if (!crumb_shown(c, o))
			continue;
		struct line *l = lines_add(out, LINE_CRUMB, (int)i, 0);
		char when[48] = "?";
		if (usable_time(c->timestamp) && relative)
			format_offset(c->timestamp - at, when, sizeof(when));
		else if (usable_time(c->timestamp))
			format_clock(c->timestamp, when, sizeof(when));
		if (relative)
			line_segf(l, ROLE_AGE, "%*s", TIME_WIDTH_RELATIVE, when);
		else
			line_segf(l, ROLE_AGE, "%-12s", when);
		line_seg(l, ROLE_DEFAULT, "  ");
		render_seg_padded(l, level_role(c->level), crumb_level(c), LEVEL_WIDTH);
		line_seg(l, ROLE_DEFAULT, "  ");
		if ((c->message && *c->message) || c->data.n > 0) {
			render_seg_padded(l, ROLE_SHORT_ID, crumb_category(c), category_width);
			line_seg(l, ROLE_DEFAULT, "  ");
			crumb_text(l, c);
		} else {
			line_seg(l, ROLE_SHORT_ID, crumb_category(c));
		}

		last = (int)(out->n - 1);
		/* Crumbs without a time cannot be placed: count them as before the event. */
		if (at == 0 || !usable_time(c->timestamp) ||
		    (slack ? c->timestamp < at + slack : c->timestamp <= at))
			last_before = last;
	}
	return last_before >= 0 ? last_before : last;
}
