/* libFuzzer target for what the screens build from decoded server data: the issue
 * screen's sections (stack trace in its option combinations, breadcrumbs with and
 * without filters, tags, context) from decode_event and decode_issue_tags, the stream
 * row's columns (counts, ages, sparkline, clipped title) from decode_issue_list, and the
 * release rows' figures from decode_release_list. Every line is drawn through the draw
 * layer into an off-screen curses pad (newterm on /dev/null), as the views draw it, and
 * the pad is read back. Besides crashes and leaks it aborts when a promise breaks:
 *   - every cell holds a printable character: no control (C0, DEL, C1) reaches the
 *     screen, and nothing is drawn past the row's right edge;
 *   - a field is exactly its width; counts and ages are at most 4 cells, a sparkline
 *     exactly its width;
 *   - a line's reference names what it refers to: a frame line's id resolves to a frame
 *     of the event, a crumb's index is a crumb, a tag line's indices are a key and one
 *     of its values; the crash frame is a frame (or -1 when there are none); a bar's
 *     fraction is within 0..1.
 * Built by `make fuzz-bins` (see the Makefile). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth */
#endif
#include <curses.h>
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "api/decode.h"
#include "api/event.h"
#include "api/model.h"
#include "api/release.h"
#include "tests/fuzz/fuzz_check.h"
#include "tui/draw.h"
#include "tui/format.h"
#include "tui/theme.h"
#include "util/strbuf.h"
#include "views/event_render.h"
#include "views/lines.h"
#include "views/release_format.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PAD_WIDTH 100
#define NOW ((time_t)1795176000)

static WINDOW *pad;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		abort();
	/* Curses on /dev/null, as the scripted tests run it, but without screen_init's
	 * signal handlers: libFuzzer's must stay in place. */
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	if (!out || !in || !newterm("xterm-256color", out, in))
		abort();
	theme_init("default");
	pad = newpad(1, PAD_WIDTH + 8);
	if (!pad)
		abort();
	return 0;
}

/* The cells [0, right) of the pad hold printable characters; nothing in the next two
 * (a wide character or a "^[" spilling over would be there). */
static void check_pad(int right)
{
	for (int x = 0; x < right + 2; x++) {
		cchar_t cell;
		FUZZ_REQUIRE(mvwin_wch(pad, 0, x, &cell) != ERR);
		wchar_t wc[CCHARW_MAX + 1];
		attr_t attrs;
		short pair;
		FUZZ_REQUIRE(getcchar(&cell, wc, &attrs, &pair, NULL) != ERR);
		if (x >= right) {
			FUZZ_REQUIRE(wc[0] == L' ' || wc[0] == 0);
			continue;
		}
		for (int i = 0; wc[i]; i++)
			FUZZ_REQUIRE(wc[i] >= 0x20 && wc[i] != 0x7f && !(wc[i] >= 0x80 && wc[i] < 0xa0) &&
			             (i > 0 || wcwidth(wc[i]) >= 0));
	}
}

static void begin(struct draw_row *row, int right)
{
	werase(pad);
	draw_row_begin(row, pad, 0, 0, right, false);
}

/* Lines drawn per section: enough for every kind of line a section has (the rest are
 * built and checked all the same), few enough to keep an execution cheap. */
#define MAX_DRAWN 48

static void draw_lines(const struct lines *ls)
{
	for (size_t i = 0; i < ls->n && i < MAX_DRAWN; i++) {
		const struct line *l = &ls->items[i];
		int right = 20 + (int)((i * 37) % (PAD_WIDTH - 19));
		struct draw_row row;
		begin(&row, right);
		draw_pad(&row, ROLE_DEFAULT, l->indent);
		int skip = (int)(i % 7); /* horizontal scrolling, as h/l do */
		for (size_t s = 0; s < l->nsegs; s++) {
			FUZZ_REQUIRE(l->segs[s].text);
			if (skip)
				draw_text_skip(&row, l->segs[s].role, l->segs[s].text, &skip);
			else
				draw_text(&row, l->segs[s].role, l->segs[s].text);
		}
		/* Nothing past what the row says it drew: a control character that reached
		 * curses would show as "^[" in cells the row does not count. */
		FUZZ_REQUIRE(row.x <= right);
		check_pad(row.x);
		draw_row_end(&row, ROLE_DEFAULT);
		check_pad(right);
	}
	for (size_t i = 0; i < ls->n; i++) {
		const struct line *l = &ls->items[i];
		for (size_t s = 0; s < l->nsegs; s++)
			FUZZ_REQUIRE(l->segs[s].text);
		if (l->bar.present)
			FUZZ_REQUIRE(l->bar.fraction >= 0 && l->bar.fraction <= 1 &&
			             l->bar.max_width >= 0);
	}
}

static bool expand_all(void *ctx, int frame_id)
{
	return true;
}

static void check_stack_lines(const struct event *e, const struct lines *ls)
{
	for (size_t i = 0; i < ls->n; i++) {
		const struct line *l = &ls->items[i];
		if (l->kind == LINE_FRAME)
			FUZZ_REQUIRE(render_frame_by_id(e, l->ref));
		if (l->kind == LINE_STACK_HEADING && l->ref != -1)
			FUZZ_REQUIRE(render_frame_by_id(e, l->ref));
		if (l->kind == LINE_SYSTEM_FRAMES)
			FUZZ_REQUIRE(render_frame_by_id(e, l->ref) && render_frame_by_id(e, l->ref2));
	}
}

static void render_event(const struct event *e)
{
	for (int raw = 0; raw < 2; raw++) {
		int crash = render_crash_frame(e, raw);
		FUZZ_REQUIRE(crash == -1 || render_frame_by_id(e, crash));
	}
	struct lines ls = { 0 };
	/* The default, then everything on: in-app only, oldest first, raw, all expanded. */
	for (int variant = 0; variant < 2; variant++) {
		struct stack_options o = { .newest_first = !variant, .in_app_only = variant,
		                           .raw = variant, .expanded = variant ? expand_all : NULL };
		render_stacktrace(e, &o, &ls);
		check_stack_lines(e, &ls);
		draw_lines(&ls);
		lines_clear(&ls);
	}
	const char *level = e->ncrumbs && e->crumbs[0].level ? e->crumbs[0].level : "error";
	for (int variant = 0; variant < 2; variant++) {
		struct crumb_options o = { .relative = !variant, .level = variant ? level : NULL };
		int last = render_breadcrumbs(e, &o, &ls);
		FUZZ_REQUIRE(last >= -1 && (last == -1 || (size_t)last < ls.n));
		if (last >= 0)
			FUZZ_REQUIRE(ls.items[last].kind == LINE_CRUMB);
		for (size_t i = 0; i < ls.n; i++)
			if (ls.items[i].kind == LINE_CRUMB)
				FUZZ_REQUIRE(ls.items[i].ref >= 0 && (size_t)ls.items[i].ref < e->ncrumbs);
		draw_lines(&ls);
		lines_clear(&ls);
	}
	render_context(e, &ls);
	draw_lines(&ls);
	lines_free(&ls);
}

static void render_tag_keys(const struct tag_key *keys, size_t n)
{
	struct lines ls = { 0 };
	render_tags(keys, n, &ls);
	for (size_t i = 0; i < ls.n; i++) {
		const struct line *l = &ls.items[i];
		if (l->kind == LINE_TAG_KEY || l->kind == LINE_TAG_VALUE)
			FUZZ_REQUIRE(l->ref >= 0 && (size_t)l->ref < n);
		if (l->kind == LINE_TAG_VALUE)
			FUZZ_REQUIRE(l->ref2 >= 0 && (size_t)l->ref2 < keys[l->ref].ntop);
	}
	draw_lines(&ls);
	lines_free(&ls);
}

static int text_width(const char *s)
{
	wchar_t wc[64];
	size_t n = mbstowcs(wc, s, 64);
	FUZZ_REQUIRE(n != (size_t)-1 && n < 64);
	int w = wcswidth(wc, n);
	FUZZ_REQUIRE(w >= 0);
	return w;
}

/* The stream row's columns, each into its fixed field. */
static void render_issue_row(const struct issue *is, int width)
{
	char count[16], age[16], spark[3 * 32 + 1];
	format_count(is->count, count, sizeof count);
	FUZZ_REQUIRE(text_width(count) <= 4);
	format_age(is->last_seen, NOW, age, sizeof age);
	FUZZ_REQUIRE(text_width(age) <= 4);
	format_age(is->first_seen, NOW, age, sizeof age);
	FUZZ_REQUIRE(text_width(age) <= 4);
	int spark_width = 1 + width % 24;
	format_sparkline(is->stats, is->nstats, spark_width, spark, sizeof spark);
	FUZZ_REQUIRE(text_width(spark) == spark_width);

	struct draw_row row;
	begin(&row, width);
	draw_field(&row, ROLE_SHORT_ID, is->short_id ? is->short_id : is->id, 12, ALIGN_LEFT);
	FUZZ_REQUIRE(row.x == (width < 12 ? width : 12));
	int title_width = width / 2;
	int before = row.x;
	draw_field(&row, ROLE_TITLE, is->title ? is->title : "", title_width, ALIGN_LEFT);
	FUZZ_REQUIRE(row.x - before == (width - before < title_width ? width - before
	                                                                 : title_width));
	draw_text(&row, ROLE_CULPRIT, is->culprit ? is->culprit : "");
	draw_field(&row, ROLE_NUMBER, count, 5, ALIGN_RIGHT);
	draw_text(&row, ROLE_SPARK, spark);
	FUZZ_REQUIRE(row.x <= width);
	check_pad(row.x);
	draw_row_end(&row, ROLE_DEFAULT);
	check_pad(width);
}

static void render_release_rows(const struct release *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct release *r = &list[i];
		for (size_t p = 0; p < r->nprojects; p++) {
			const struct release_health *h = &r->projects[p].health;
			struct draw_row row;
			begin(&row, 60);
			draw_field(&row, ROLE_TITLE,
			           release_short_version(r->version, r->short_version,
			                                 r->projects[p].slug),
			           20, ALIGN_LEFT);
			release_draw_crash_free(&row, NULL, h->crash_free_sessions, 9);
			release_draw_crash_free(&row, NULL, h->crash_free_users, 9);
			release_draw_adoption(&row, h->adoption, 10);
			FUZZ_REQUIRE(row.x <= 60);
			check_pad(row.x);
			draw_row_end(&row, ROLE_DEFAULT);
			check_pad(60);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *body = malloc(size ? size : 1);
	if (!body)
		return 0;
	memcpy(body, data, size);
	struct strbuf err = STRBUF_INIT;

	struct event e;
	if (decode_event(body, size, &e, &err))
		render_event(&e);
	event_free(&e);
	strbuf_reset(&err);

	struct tag_key *keys;
	size_t n;
	if (decode_issue_tags(body, size, &keys, &n, &err)) {
		render_tag_keys(keys, n);
		tag_keys_free(keys, n);
	}
	strbuf_reset(&err);

	struct issue **issues;
	size_t skipped;
	if (decode_issue_list(body, size, &issues, &n, &skipped, &err)) {
		for (size_t i = 0; i < n && i < 8; i++)
			render_issue_row(issues[i], 10 + (int)((size + i * 13) % (PAD_WIDTH - 9)));
		issue_list_free(issues, n);
	}
	strbuf_free(&err);

	struct release *releases;
	if (decode_release_list(body, size, &releases, &n, NULL)) {
		render_release_rows(releases, n < 8 ? n : 8);
		releases_free(releases, n);
	}
	free(body);
	return 0;
}
