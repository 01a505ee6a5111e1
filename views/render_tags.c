/* Issue-wide tag distributions as text bars (see event_render.h): the web's facet map,
 * readable over SSH. */
#include "views/event_render.h"

#include <stdint.h>
#include <stdio.h>

#include "tui/format.h"

#define VALUE_INDENT    2
#define LABEL_MAX       40   /* value labels pad to the longest, up to this */
#define BAR_MAX_WIDTH   20
#define PERCENT_WIDTH   4    /* "100%", ">99%" */
#define COUNT_WIDTH     4    /* format_count is never wider */

/* Counts come from the server: saturate instead of wrapping. */
static uint64_t add_counts(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static const char *value_label(const struct tag_value *v)
{
	if (v->name && *v->name)
		return v->name;
	return v->value && *v->value ? v->value : NULL;
}

/* The events that have the tag: the server's total, or the sum of the top values when
 * it sent none (never less than that sum, so no bar overflows). */
static uint64_t key_total(const struct tag_key *k)
{
	uint64_t sum = 0;
	for (size_t i = 0; i < k->ntop; i++)
		sum = add_counts(sum, k->top[i].count);
	return k->total_values > sum ? k->total_values : sum;
}

/* Whole percent, except that a share never reads as 0% or 100% when it is not. */
static void format_percent(uint64_t count, uint64_t total, char *buf, size_t size)
{
	if (total == 0 || count == 0) {
		snprintf(buf, size, "0%%");
		return;
	}
	if (count >= total) {
		snprintf(buf, size, "100%%");
		return;
	}
	unsigned long long pct = (unsigned long long)((double)count * 100.0 / (double)total + 0.5);
	if (pct < 1)
		snprintf(buf, size, "<1%%");
	else if (pct > 99)
		snprintf(buf, size, ">99%%");
	else
		snprintf(buf, size, "%llu%%", pct);
}

/* "chrome      42%  1.2k" and a bar of count/total after it. */
static void share_line(struct line *l, uint64_t count, uint64_t total)
{
	char pct[16], n[16];
	format_percent(count, total, pct, sizeof(pct));
	format_count(count, n, sizeof(n));
	line_segf(l, ROLE_NUMBER, "  %*s", PERCENT_WIDTH, pct);
	line_segf(l, ROLE_NUMBER, "  %*s", COUNT_WIDTH, n);
	l->bar.present = true;
	l->bar.fraction = total ? (double)(count > total ? total : count) / (double)total : 0.0;
	l->bar.max_width = BAR_MAX_WIDTH;
	l->bar_after = l->nsegs - 1;
}

void render_tags(const struct tag_key *keys, size_t n, struct lines *out)
{
	if (!keys || n == 0) {
		line_seg(lines_add(out, LINE_TEXT, 0, 0), ROLE_DIM, "No tags");
		return;
	}
	/* One label column for the whole section: the bars line up across keys. */
	int label_width = 0;
	for (size_t k = 0; k < n; k++)
		for (size_t v = 0; v < keys[k].ntop; v++) {
			const char *label = value_label(&keys[k].top[v]);
			int w = render_width_capped(label ? label : "(empty)", LABEL_MAX);
			if (w > label_width)
				label_width = w;
		}
	if (label_width < 14)
		label_width = 14; /* "(other values)" */

	for (size_t k = 0; k < n; k++) {
		const struct tag_key *key = &keys[k];
		uint64_t total = key_total(key);
		uint64_t unique = key->unique_values ? key->unique_values : key->ntop;
		char events[16], values[16];
		format_count(total, events, sizeof(events));
		format_count(unique, values, sizeof(values));

		if (k > 0)
			lines_add(out, LINE_BLANK, 0, 0);
		struct line *h = lines_add(out, LINE_TAG_KEY, (int)k, 0);
		line_seg(h, ROLE_HEADER, key->key ? key->key : key->name ? key->name : "?");
		line_seg(h, ROLE_DIM, "  (");
		line_seg(h, ROLE_NUMBER, values);
		line_seg(h, ROLE_DIM, unique == 1 ? " value, " : " values, ");
		line_seg(h, ROLE_NUMBER, events);
		line_seg(h, ROLE_DIM, total == 1 ? " event)" : " events)");

		uint64_t listed = 0;
		for (size_t v = 0; v < key->ntop; v++) {
			const struct tag_value *tv = &key->top[v];
			struct line *l = lines_add(out, LINE_TAG_VALUE, (int)k, VALUE_INDENT);
			l->ref2 = (int)v;
			const char *label = value_label(tv);
			if (label)
				render_seg_padded(l, ROLE_DEFAULT, label, label_width);
			else
				render_seg_padded(l, ROLE_DIM, "(empty)", label_width);
			share_line(l, tv->count, total);
			listed = add_counts(listed, tv->count);
		}
		/* The rest, so a top list covering 60% does not read as the whole picture.
		 * LINE_TEXT: it is not a value a filter could be made from. */
		if (key->ntop > 0 && total > listed) {
			struct line *l = lines_add(out, LINE_TEXT, (int)k, VALUE_INDENT);
			render_seg_padded(l, ROLE_DIM, "(other values)", label_width);
			share_line(l, total - listed, total);
		}
	}
}
