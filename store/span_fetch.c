/* Transaction events and traces fetched for a waterfall (see span_fetch.h). */
#include "store/span_fetch.h"

#include <stdlib.h>
#include <string.h>

#include "api/discover.h"
#include "api/issue_endpoints.h"
#include "util/xalloc.h"

struct span_fetch {
	const struct sentry_target *target;
	char *project;            /* an event: its project and id */
	char *event_id;
	char *trace_id;           /* a trace */
	bool trace_unavailable;   /* no trace endpoint: its transaction is fetched instead */
	struct span_set *spans;
	bool loading;
	char *error;
	unsigned long request;
	void (*on_change)(void *ctx);
	void *ctx;
};

void span_source_free(struct span_source *src)
{
	if (src->ops && src->ops->release)
		src->ops->release(src->ctx);
	free(src->focus_span_id);
	free(src->focus_event_id);
	memset(src, 0, sizeof(*src));
}

static void set_spans(struct span_fetch *f, struct span_set *spans)
{
	if (f->spans) {
		span_set_free(f->spans);
		free(f->spans);
	}
	f->spans = spans;
}

static const char no_trace_view[] =
	"this server has no trace view (no organization trace endpoint, and no transaction of "
	"this trace in its events list)";

static void on_answer(void *ctx, struct detail_result *r);

/* The trace's transaction from the events list, then that event's own spans. */
static void on_trace_transactions(void *ctx, struct transaction_page *page)
{
	struct span_fetch *f = ctx;
	f->request = 0;
	const struct transaction_row *row = NULL;
	for (size_t i = 0; !page->error && i < page->n && !row; i++)
		if (page->rows[i].event_id && page->rows[i].project)
			row = &page->rows[i];
	if (!row) {
		f->loading = false;
		free(f->error);
		f->error = xstrdup(no_trace_view);
		transaction_page_free(page);
		if (f->on_change)
			f->on_change(f->ctx);
		return;
	}
	free(f->project);
	free(f->event_id);
	f->project = xstrdup(row->project);
	f->event_id = xstrdup(row->event_id);
	transaction_page_free(page);
	f->request = api_get_project_event(f->target, f->project, f->event_id, on_answer, f);
}

static void on_answer(void *ctx, struct detail_result *r)
{
	struct span_fetch *f = ctx;
	f->request = 0;
	/* Sentry answers an unknown trace with an empty list, so a 404 here is a server
	 * without the trace endpoint (older self-hosted, GlitchTip): show the trace's
	 * transaction instead, found in the events list (oldest first: the root). */
	if (r->error && r->status == 404 && f->trace_id && !f->trace_unavailable) {
		f->trace_unavailable = true;
		detail_result_free(r);
		struct transaction_query q = { .trace = f->trace_id, .period = "90d",
		                               .sort = DISCOVER_OLDEST };
		f->request = api_list_transactions(f->target, DISCOVER_TRANSACTIONS, &q,
		                                   on_trace_transactions, f);
		if (!f->request) {
			f->loading = false;
			free(f->error);
			f->error = xstrdup(no_trace_view);
			if (f->on_change)
				f->on_change(f->ctx);
		}
		return;
	}
	f->loading = false;
	free(f->error);
	f->error = NULL;
	if (r->error) {
		f->error = xstrdup(r->error);
	} else if (f->event_id && !r->spans) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_adds(&sb, "this event is not a transaction");
		if (r->event && r->event->group_id)
			strbuf_addf(&sb, "; it belongs to issue %s (:open %s)", r->event->group_id,
			            r->event->group_id);
		f->error = strbuf_detach(&sb);
	} else if (r->spans && r->spans->nspans == 0 && f->trace_id && !f->event_id) {
		f->error = xstrdup("the server keeps no transaction of this trace (sampled out or expired)");
	}
	if (!f->error || f->spans == NULL) {
		set_spans(f, r->error ? NULL : r->spans);
		if (!r->error)
			r->spans = NULL;
	}
	detail_result_free(r);
	if (f->on_change)
		f->on_change(f->ctx);
}

static void fetch(struct span_fetch *f)
{
	if (f->request)
		api_cancel(f->target->client, f->request);
	f->loading = true;
	if (f->trace_id && (!f->trace_unavailable || !f->event_id)) {
		f->trace_unavailable = false;
		f->request = api_get_trace(f->target, f->trace_id, on_answer, f);
	} else {
		f->request = api_get_project_event(f->target, f->project, f->event_id, on_answer, f);
	}
}

static const struct span_set *spans_of(void *ctx)
{
	struct span_fetch *f = ctx;
	return f->spans;
}

static bool loading_of(void *ctx)
{
	struct span_fetch *f = ctx;
	return f->loading;
}

static const char *error_of(void *ctx)
{
	struct span_fetch *f = ctx;
	return f->error;
}

static void reload(void *ctx)
{
	fetch(ctx);
}

static void label(void *ctx, struct strbuf *out)
{
	struct span_fetch *f = ctx;
	if (f->trace_id && f->event_id)
		strbuf_addf(out, "%s transaction of trace %.8s", f->project, f->trace_id);
	else if (f->trace_id)
		strbuf_addf(out, "trace %.8s", f->trace_id);
	else
		strbuf_adds(out, f->project);
}

static const char *event_id_of(void *ctx)
{
	struct span_fetch *f = ctx;
	return f->event_id;
}

static void release(void *ctx)
{
	struct span_fetch *f = ctx;
	if (f->request)
		api_cancel(f->target->client, f->request);
	set_spans(f, NULL);
	free(f->project);
	free(f->event_id);
	free(f->trace_id);
	free(f->error);
	free(f);
}

static const struct span_source_ops fetch_ops = {
	.spans = spans_of,
	.loading = loading_of,
	.error = error_of,
	.reload = reload,
	.label = label,
	.event_id = event_id_of,
	.release = release,
};

static struct span_source start(struct span_fetch *f)
{
	fetch(f);
	return (struct span_source){ .ops = &fetch_ops, .ctx = f };
}

struct span_source span_fetch_event(const struct sentry_target *target, const char *project,
                                    const char *event_id, void (*on_change)(void *ctx), void *ctx)
{
	struct span_fetch *f = xcalloc(1, sizeof(*f));
	f->target = target;
	f->project = xstrdup(project);
	f->event_id = xstrdup(event_id);
	f->on_change = on_change;
	f->ctx = ctx;
	return start(f);
}

struct span_source span_fetch_trace(const struct sentry_target *target, const char *trace_id,
                                    void (*on_change)(void *ctx), void *ctx)
{
	struct span_fetch *f = xcalloc(1, sizeof(*f));
	f->target = target;
	f->trace_id = xstrdup(trace_id);
	f->on_change = on_change;
	f->ctx = ctx;
	return start(f);
}
