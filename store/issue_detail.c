/* The issue screen's data (see issue_detail.h). */
#include "store/issue_detail.h"

#include <stdlib.h>
#include <string.h>

#include "util/timeutil.h"
#include "util/xalloc.h"

static void changed(struct issue_detail_store *s, const char *error)
{
	s->version++;
	if (s->on_change)
		s->on_change(s->ctx, error);
}

static void part_done(struct detail_part *p, struct detail_result *r)
{
	p->loading = false;
	p->request = 0;
	free(p->error);
	p->error = r->error;
	r->error = NULL;
}

static void on_detail(void *ctx, struct detail_result *r)
{
	struct issue_detail_store *s = ctx;
	part_done(&s->detail_state, r);
	if (r->detail) {
		if (s->overlay)
			s->overlay(s->overlay_ctx, r->detail, s->detail_asked_us);
		if (s->detail) {
			issue_detail_free(s->detail);
			free(s->detail);
		}
		s->detail = r->detail;
		r->detail = NULL;
	}
	detail_result_free(r);
	changed(s, s->detail_state.error);
}

static void on_event(void *ctx, struct detail_result *r)
{
	struct issue_detail_store *s = ctx;
	part_done(&s->event_state, r);
	if (r->event) {
		if (s->event) {
			event_free(s->event);
			free(s->event);
		}
		s->event = r->event;
		r->event = NULL;
		if (s->spans) {
			span_set_free(s->spans);
			free(s->spans);
		}
		s->spans = r->spans;
		r->spans = NULL;
	}
	detail_result_free(r);
	changed(s, s->event_state.error);
}

static void on_tags(void *ctx, struct detail_result *r)
{
	struct issue_detail_store *s = ctx;
	part_done(&s->tags_state, r);
	if (!s->tags_state.error) {
		tag_keys_free(s->tags, s->ntags);
		s->tags = r->tags;
		s->ntags = r->ntags;
		r->tags = NULL;
		r->ntags = 0;
	}
	detail_result_free(r);
	changed(s, s->tags_state.error);
}

static void on_events(void *ctx, struct detail_result *r)
{
	struct issue_detail_store *s = ctx;
	part_done(&s->events_state, r);
	if (!s->events_state.error) {
		s->events = xrealloc(s->events, (s->nevents + r->nevents) * sizeof(*s->events) + 1);
		memcpy(s->events + s->nevents, r->events, r->nevents * sizeof(*r->events));
		s->nevents += r->nevents;
		free(r->events);
		r->events = NULL;
		r->nevents = 0;
		free(s->events_cursor);
		s->events_cursor = r->next_cursor;
		r->next_cursor = NULL;
		s->events_loaded = true;
	}
	detail_result_free(r);
	changed(s, s->events_state.error);
}

void issue_detail_store_open(struct issue_detail_store *s, const struct sentry_target *target,
                             const char *issue_id, const char *event,
                             void (*on_change)(void *ctx, const char *error), void *ctx)
{
	memset(s, 0, sizeof(*s));
	s->target = target;
	s->issue_id = xstrdup(issue_id);
	s->on_change = on_change;
	s->ctx = ctx;
	/* All three at once: the screen fills in as each answer lands. */
	s->detail_state.loading = true;
	s->detail_asked_us = time_mono_us();
	s->detail_state.request = api_get_issue(target, issue_id, on_detail, s);
	/* The event to show first: the recommended one where the server has it (GlitchTip
	 * only serves the latest). */
	issue_detail_store_load_event(s, event ? event
	                                 : server_has(target->caps, FEATURE_RECOMMENDED_EVENT)
	                                   ? "recommended" : "latest");
	s->tags_state.loading = true;
	s->tags_state.request = api_issue_tags(target, issue_id, on_tags, s);
}

static void cancel(struct issue_detail_store *s, struct detail_part *p)
{
	if (p->request)
		api_cancel(s->target->client, p->request);
	p->request = 0;
	p->loading = false;
}

void issue_detail_store_load_event(struct issue_detail_store *s, const char *which)
{
	cancel(s, &s->event_state);
	free(s->event_which);
	s->event_which = xstrdup(which);
	s->event_state.loading = true;
	s->event_state.request = api_get_event(s->target, s->issue_id, which, on_event, s);
	s->version++;
}

void issue_detail_store_refresh(struct issue_detail_store *s)
{
	cancel(s, &s->detail_state);
	cancel(s, &s->tags_state);
	s->detail_state.loading = true;
	s->detail_asked_us = time_mono_us();
	s->detail_state.request = api_get_issue(s->target, s->issue_id, on_detail, s);
	char *which = xstrdup(s->event && s->event->id ? s->event->id : s->event_which);
	issue_detail_store_load_event(s, which);
	free(which);
	s->tags_state.loading = true;
	s->tags_state.request = api_issue_tags(s->target, s->issue_id, on_tags, s);
}

void issue_detail_store_load_events(struct issue_detail_store *s)
{
	if (s->events_state.loading || (s->events_loaded && !s->events_cursor))
		return;
	s->events_state.loading = true;
	s->events_state.request = api_issue_events(s->target, s->issue_id,
	                                           s->events_loaded ? s->events_cursor : NULL,
	                                           on_events, s);
	s->version++;
}

void issue_detail_store_free(struct issue_detail_store *s)
{
	struct detail_part *parts[] = { &s->detail_state, &s->event_state, &s->tags_state,
	                                &s->events_state };
	for (size_t i = 0; i < 4; i++) {
		cancel(s, parts[i]);
		free(parts[i]->error);
	}
	if (s->detail) {
		issue_detail_free(s->detail);
		free(s->detail);
	}
	if (s->event) {
		event_free(s->event);
		free(s->event);
	}
	if (s->spans) {
		span_set_free(s->spans);
		free(s->spans);
	}
	tag_keys_free(s->tags, s->ntags);
	event_summaries_free(s->events, s->nevents);
	free(s->events_cursor);
	free(s->event_which);
	free(s->issue_id);
	memset(s, 0, sizeof(*s));
}

/* The issue screen's event as a waterfall's span source (borrowed: the issue screen
 * owns the store and outlives the waterfall above it). */

static const struct span_set *source_spans(void *ctx)
{
	struct issue_detail_store *s = ctx;
	return s->spans;
}

static bool source_loading(void *ctx)
{
	struct issue_detail_store *s = ctx;
	return s->event_state.loading;
}

static const char *source_error(void *ctx)
{
	struct issue_detail_store *s = ctx;
	if (s->event_state.error)
		return s->event_state.error;
	return s->event && !s->spans ? "this event is not a transaction: it has no spans" : NULL;
}

static void source_reload(void *ctx)
{
	issue_detail_store_refresh(ctx);
}

static void source_label(void *ctx, struct strbuf *out)
{
	struct issue_detail_store *s = ctx;
	strbuf_adds(out, s->detail && s->detail->issue.short_id ? s->detail->issue.short_id
	                                                         : s->issue_id);
}

static const char *source_event_id(void *ctx)
{
	struct issue_detail_store *s = ctx;
	return s->event ? s->event->id : NULL;
}

static const struct span_source_ops issue_source_ops = {
	.spans = source_spans,
	.loading = source_loading,
	.error = source_error,
	.reload = source_reload,
	.label = source_label,
	.event_id = source_event_id,
};

struct span_source issue_detail_span_source(struct issue_detail_store *s)
{
	return (struct span_source){ .ops = &issue_source_ops, .ctx = s };
}
