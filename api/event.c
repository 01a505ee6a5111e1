/* Owned issue-screen models: freeing and key-value lists (see event.h). */
#include "api/event.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* ---- key-value lists --------------------------------------------------------------- */

void kv_list_take(struct kv_list *l, char *key, char *value)
{
	if (l->n >= EVENT_MAX_KV) {
		free(key);
		free(value);
		return;
	}
	/* The list keeps no capacity field: it is a power of two (from 4) whenever n
	 * reaches one, so growing on exactly those counts doubles it. */
	if (l->n >= 4 && (l->n & (l->n - 1)) == 0)
		l->items = xrealloc(l->items, 2 * l->n * sizeof(*l->items));
	else if (l->n == 0)
		l->items = xrealloc(l->items, 4 * sizeof(*l->items));
	l->items[l->n].key = key;
	l->items[l->n].value = value;
	l->n++;
}

void kv_list_add(struct kv_list *l, const char *key, const char *value)
{
	if (l->n >= EVENT_MAX_KV)
		return;
	kv_list_take(l, xstrdup(key), xstrdup(value));
}

void kv_list_free(struct kv_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].key);
		free(l->items[i].value);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

const char *kv_get(const struct kv_list *l, const char *key)
{
	if (!l || !key)
		return NULL;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			return l->items[i].value;
	return NULL;
}

/* ---- event ------------------------------------------------------------------------- */

static void frame_free(struct frame *f)
{
	free(f->function);
	free(f->raw_function);
	free(f->module);
	free(f->filename);
	free(f->abs_path);
	free(f->package);
	free(f->platform);
	free(f->symbol);
	free(f->instruction_addr);
	free(f->symbol_addr);
	for (size_t i = 0; i < f->ncontext; i++)
		free(f->context[i].text);
	free(f->context);
	kv_list_free(&f->vars);
}

void stacktrace_free(struct stacktrace *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->nframes; i++)
		frame_free(&st->frames[i]);
	free(st->frames);
	kv_list_free(&st->registers);
	free(st);
}

static void exception_free(struct exception_value *ex)
{
	free(ex->type);
	free(ex->value);
	free(ex->module);
	free(ex->thread_id);
	free(ex->mechanism);
	stacktrace_free(ex->stacktrace);
	stacktrace_free(ex->raw_stacktrace);
}

static void thread_free(struct thread *t)
{
	free(t->id);
	free(t->name);
	stacktrace_free(t->stacktrace);
	stacktrace_free(t->raw_stacktrace);
}

static void crumb_free(struct breadcrumb *c)
{
	free(c->type);
	free(c->category);
	free(c->level);
	free(c->message);
	kv_list_free(&c->data);
}

static void request_free(struct http_request *r)
{
	if (!r)
		return;
	free(r->method);
	free(r->url);
	free(r->query);
	free(r->fragment);
	free(r->data);
	free(r->content_type);
	kv_list_free(&r->headers);
	kv_list_free(&r->cookies);
	kv_list_free(&r->env);
	free(r);
}

void event_free(struct event *e)
{
	if (!e)
		return;
	free(e->id);
	free(e->group_id);
	free(e->project_id);
	free(e->title);
	free(e->message);
	free(e->platform);
	free(e->type);
	free(e->culprit);
	free(e->location);
	free(e->dist);
	free(e->logger);
	free(e->level);
	free(e->release);
	free(e->environment);
	free(e->next_event_id);
	free(e->previous_event_id);
	kv_list_free(&e->tags);
	kv_list_free(&e->user);
	for (size_t i = 0; i < e->ncontexts; i++) {
		free(e->contexts[i].name);
		free(e->contexts[i].type);
		kv_list_free(&e->contexts[i].fields);
	}
	free(e->contexts);
	kv_list_free(&e->sdk);
	kv_list_free(&e->extra);
	kv_list_free(&e->processing_errors);
	for (size_t i = 0; i < e->nexceptions; i++)
		exception_free(&e->exceptions[i]);
	free(e->exceptions);
	for (size_t i = 0; i < e->nthreads; i++)
		thread_free(&e->threads[i]);
	free(e->threads);
	stacktrace_free(e->stacktrace);
	for (size_t i = 0; i < e->ncrumbs; i++)
		crumb_free(&e->crumbs[i]);
	free(e->crumbs);
	request_free(e->request);
	free(e->message_formatted);
	for (size_t i = 0; i < e->nunknown; i++)
		free(e->unknown_entries[i]);
	free(e->unknown_entries);
	memset(e, 0, sizeof(*e));
}

/* ---- issue detail, tags, event list ------------------------------------------------ */

void issue_detail_free(struct issue_detail *d)
{
	if (!d)
		return;
	issue_free(&d->issue);
	free(d->first_release);
	free(d->last_release);
	free(d->stats_30d);
	free(d->status_text);
	free(d->assignee_text);
	memset(d, 0, sizeof(*d));
}

void tag_keys_free(struct tag_key *keys, size_t n)
{
	if (!keys)
		return;
	for (size_t i = 0; i < n; i++) {
		free(keys[i].key);
		free(keys[i].name);
		for (size_t j = 0; j < keys[i].ntop; j++) {
			free(keys[i].top[j].value);
			free(keys[i].top[j].name);
			free(keys[i].top[j].query);
		}
		free(keys[i].top);
	}
	free(keys);
}

void event_summaries_free(struct event_summary *rows, size_t n)
{
	if (!rows)
		return;
	for (size_t i = 0; i < n; i++) {
		free(rows[i].id);
		free(rows[i].title);
		free(rows[i].message);
		free(rows[i].environment);
		free(rows[i].release);
		free(rows[i].user);
		free(rows[i].platform);
	}
	free(rows);
}

const char *event_context_value(const struct event *e, const char *context, const char *key)
{
	for (size_t i = 0; e && i < e->ncontexts; i++) {
		if (!e->contexts[i].name || strcmp(e->contexts[i].name, context) != 0)
			continue;
		const struct kv_list *f = &e->contexts[i].fields;
		for (size_t k = 0; k < f->n; k++)
			if (f->items[k].key && strcmp(f->items[k].key, key) == 0)
				return f->items[k].value;
	}
	return NULL;
}
