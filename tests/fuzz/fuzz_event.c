/* libFuzzer target for the issue screen's decoders: one body, fed to decode_event,
 * decode_issue_detail, decode_issue_tags and decode_event_list. Besides crashes and
 * leaks it aborts when a decoded model breaks a promise of api/event.h: a string over
 * its cap, a list over its cap, a count that disagrees with its array, a breadcrumb
 * without a level, a failure without a reason.
 *   PC="ncursesw libcurl jansson yaml-0.1 readline"
 *   clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fsanitize=fuzzer,address,undefined \
 *       $(pkg-config --cflags $PC) -I. -o fuzz_event tests/fuzz/fuzz_event.c \
 *       api/event.c api/decode_*.c api/json_util.c api/decode.c api/model.c \
 *       util/hex.c util/strbuf.c util/xalloc.c util/timeutil.c $(pkg-config --libs jansson)
 *   mkdir -p /tmp/event-corpus && ./fuzz_event -max_total_time=60 /tmp/event-corpus \
 *       tests/fixtures/sentry/api tests/fixtures/sentry/ingest
 * Seeding with both fixture folders starts it from real events of both forms. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "api/model.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_string(const char *s, size_t cap)
{
	if (s && strlen(s) > cap)
		abort();
}

static void check_kv(const struct kv_list *l)
{
	if (l->n > EVENT_MAX_KV || (l->n && !l->items))
		abort();
	for (size_t i = 0; i < l->n; i++) {
		/* Values are never NULL: the screen prints them without checking. */
		if (!l->items[i].key || !l->items[i].value)
			abort();
		check_string(l->items[i].key, MODEL_MAX_FIELD);
		check_string(l->items[i].value, EVENT_MAX_VALUE);
	}
}

static void check_stack(const struct stacktrace *st)
{
	if (!st)
		return;
	if (st->nframes > EVENT_MAX_FRAMES || (st->nframes && !st->frames))
		abort();
	check_kv(&st->registers);
	for (size_t i = 0; i < st->nframes; i++) {
		const struct frame *f = &st->frames[i];
		check_string(f->function, MODEL_MAX_FIELD);
		check_string(f->filename, MODEL_MAX_FIELD);
		check_string(f->instruction_addr, MODEL_MAX_ID);
		if (f->line_no < 0 || f->col_no < 0 || f->in_app < -1 || f->in_app > 1)
			abort();
		if (f->ncontext > EVENT_MAX_CONTEXT || (f->ncontext && !f->context))
			abort();
		for (size_t j = 0; j < f->ncontext; j++)
			if (!f->context[j].text)
				abort();
		check_kv(&f->vars);
		if (f->vars.n && !f->has_vars)
			abort();
	}
}

static void check_event(const struct event *e)
{
	check_string(e->id, MODEL_MAX_ID);
	check_string(e->title, MODEL_MAX_TITLE);
	check_string(e->message, EVENT_MAX_VALUE);
	check_string(e->message_formatted, EVENT_MAX_VALUE);
	check_string(e->culprit, MODEL_MAX_FIELD);
	check_string(e->release, MODEL_MAX_FIELD);
	if (!e->type) /* always known or derived */
		abort();
	check_kv(&e->tags);
	check_kv(&e->user);
	check_kv(&e->sdk);
	check_kv(&e->extra);
	check_kv(&e->processing_errors);
	if (e->ncontexts > EVENT_MAX_KV)
		abort();
	for (size_t i = 0; i < e->ncontexts; i++) {
		if (!e->contexts[i].name || !e->contexts[i].type)
			abort();
		check_kv(&e->contexts[i].fields);
	}
	if (e->nexceptions > EVENT_MAX_EXCEPTIONS || e->nthreads > EVENT_MAX_THREADS)
		abort();
	for (size_t i = 0; i < e->nexceptions; i++) {
		check_string(e->exceptions[i].value, EVENT_MAX_VALUE);
		check_stack(e->exceptions[i].stacktrace);
		check_stack(e->exceptions[i].raw_stacktrace);
	}
	for (size_t i = 0; i < e->nthreads; i++) {
		check_stack(e->threads[i].stacktrace);
		check_stack(e->threads[i].raw_stacktrace);
	}
	check_stack(e->stacktrace);
	if (e->ncrumbs > EVENT_MAX_CRUMBS)
		abort();
	for (size_t i = 0; i < e->ncrumbs; i++) {
		const struct breadcrumb *c = &e->crumbs[i];
		if (!c->level || !c->type || c->timestamp < 0)
			abort();
		check_string(c->message, EVENT_MAX_VALUE);
		check_kv(&c->data);
	}
	if (e->request) {
		check_string(e->request->url, EVENT_MAX_VALUE);
		check_string(e->request->query, EVENT_MAX_VALUE);
		check_kv(&e->request->headers);
		check_kv(&e->request->cookies);
		check_kv(&e->request->env);
	}
	if (e->nunknown > EVENT_MAX_KV)
		abort();
	for (size_t i = 0; i < e->nunknown; i++)
		check_string(e->unknown_entries[i], MODEL_MAX_ID);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Bodies are not NUL-terminated on the wire; an exact-size copy makes ASan catch
	 * any read past len. */
	char *body = malloc(size ? size : 1);
	if (!body)
		return 0;
	memcpy(body, data, size);
	struct strbuf err = STRBUF_INIT;

	struct event e;
	if (decode_event(body, size, &e, &err))
		check_event(&e);
	else if (err.len == 0)
		abort(); /* a failure always says why */
	event_free(&e);
	strbuf_reset(&err);

	struct issue_detail d;
	if (decode_issue_detail(body, size, &d, &err)) {
		if (!d.issue.id || d.nstats_30d > MODEL_MAX_STATS || (d.nstats_30d && !d.stats_30d))
			abort();
		/* The kept buckets are some of the counted ones. */
		uint64_t kept = 0;
		for (size_t i = 0; i < d.nstats_30d; i++)
			kept += d.stats_30d[i];
		if (kept > d.events_30d)
			abort();
		check_string(d.status_text, MODEL_MAX_FIELD);
		check_string(d.first_release, MODEL_MAX_FIELD);
	} else if (err.len == 0) {
		abort();
	}
	issue_detail_free(&d);
	strbuf_reset(&err);

	struct tag_key *keys;
	size_t n;
	if (decode_issue_tags(body, size, &keys, &n, &err)) {
		if (n > EVENT_MAX_KV)
			abort();
		for (size_t i = 0; i < n; i++) {
			if (!keys[i].key || !keys[i].name || keys[i].ntop > EVENT_MAX_KV)
				abort();
			for (size_t j = 0; j < keys[i].ntop; j++)
				if (!keys[i].top[j].value || !keys[i].top[j].name)
					abort();
		}
		tag_keys_free(keys, n);
	} else if (err.len == 0) {
		abort();
	}
	strbuf_reset(&err);

	struct event_summary *rows;
	if (decode_event_list(body, size, &rows, &n, &err)) {
		for (size_t i = 0; i < n; i++)
			if (!rows[i].id)
				abort();
		event_summaries_free(rows, n);
	} else if (err.len == 0) {
		abort();
	}
	strbuf_free(&err);
	free(body);
	return 0;
}
