/* The events endpoint's transaction list: URL and request (see discover.h). */
#include "api/discover.h"

#include <stdlib.h>
#include <string.h>

#include "api/link.h"
#include "api/search_term.h"
#include "api/url.h"
#include "util/xalloc.h"

#define MAX_PARAMS 32

struct dataset_spec {
	const char *name;
	const char *const *fields;
	size_t nfields;
	const char *query;        /* what makes a row a transaction */
	const char *newest, *slowest, *oldest;
};

static const char *const spans_fields[] = {
	"id", "span.op", "span.description", "span.duration", "span.status", "transaction",
	"timestamp", "project", "trace", "transaction.span_id",
};
static const char *const transactions_fields[] = {
	"id", "transaction", "transaction.op", "transaction.duration", "transaction.status",
	"project", "timestamp", "trace",
};

static const struct dataset_spec datasets[] = {
	[DISCOVER_SPANS] = { "spans", spans_fields, sizeof(spans_fields) / sizeof(spans_fields[0]),
	                     "is_transaction:true", "-timestamp", "-span.duration", "timestamp" },
	[DISCOVER_TRANSACTIONS] = { "transactions", transactions_fields,
	                            sizeof(transactions_fields) / sizeof(transactions_fields[0]),
	                            "event.type:transaction", "-timestamp", "-transaction.duration", "timestamp" },
};

void transaction_page_free(struct transaction_page *page)
{
	if (!page)
		return;
	transaction_rows_free(page->rows, page->n);
	free(page->next_cursor);
	free(page->error);
	free(page);
}

char *discover_transactions_url(const char *base, const char *org, enum discover_dataset ds,
                                const struct transaction_query *q)
{
	const struct dataset_spec *d = &datasets[ds];
	struct strbuf query = STRBUF_INIT;
	strbuf_adds(&query, d->query);
	if (q->name && *q->name) {
		/* "transaction:*NAME*": the name as one term, quoted when it must be. */
		struct strbuf glob = STRBUF_INIT;
		strbuf_addf(&glob, "*%s*", q->name);
		strbuf_addc(&query, ' ');
		const char *why = search_term_append(&query, "transaction", strbuf_str(&glob));
		strbuf_free(&glob);
		if (why) {
			strbuf_free(&query);
			return NULL;
		}
	}
	if (q->trace && *q->trace) {
		strbuf_addc(&query, ' ');
		if (search_term_append(&query, "trace", q->trace)) {
			strbuf_free(&query);
			return NULL;
		}
	}
	const char *params[2 * MAX_PARAMS];
	size_t n = 0;
#define PARAM(k, v) do { params[2 * n] = (k); params[2 * n + 1] = (v); n++; } while (0)
	PARAM("dataset", d->name);
	PARAM("query", strbuf_str(&query));
	for (size_t i = 0; i < d->nfields; i++)
		PARAM("field", d->fields[i]);
	PARAM("sort", q->sort == DISCOVER_SLOWEST ? d->slowest
	              : q->sort == DISCOVER_OLDEST ? d->oldest : d->newest);
	PARAM("per_page", "50");
	if (q->period && *q->period)
		PARAM("statsPeriod", q->period);
	for (size_t i = 0; i < q->nproject_ids && n < MAX_PARAMS - 3; i++)
		PARAM("project", q->project_ids[i]);
	if (q->environment && *q->environment)
		PARAM("environment", q->environment);
	if (q->cursor && *q->cursor)
		PARAM("cursor", q->cursor);
#undef PARAM
	const char *segs[] = { "organizations", org, "events" };
	char *url = url_api_query(base, segs, 3, params, n);
	strbuf_free(&query);
	return url;
}

struct list_call {
	enum discover_dataset ds;
	transaction_page_fn done;
	void *ctx;
};

static void on_response(void *ctx, const struct api_response *resp)
{
	struct list_call *call = ctx;
	if (resp->outcome == API_CANCELLED) {
		free(call);
		return;
	}
	struct transaction_page *page = xcalloc(1, sizeof(*page));
	page->status = resp->status;
	if (resp->outcome != API_OK) {
		page->error = xstrdup(resp->error ? resp->error : "transaction list: request failed");
	} else {
		struct strbuf err = STRBUF_INIT;
		if (decode_transaction_rows(resp->body, resp->len, call->ds, &page->rows, &page->n, &err))
			page->next_cursor = link_next_cursor(resp->link);
		else
			page->error = api_malformed_message(resp, "transaction list", strbuf_str(&err));
		strbuf_free(&err);
	}
	transaction_page_fn done = call->done;
	void *done_ctx = call->ctx;
	free(call);
	done(done_ctx, page);
}

unsigned long api_list_transactions(const struct sentry_target *t, enum discover_dataset ds,
                                    const struct transaction_query *q, transaction_page_fn done,
                                    void *ctx)
{
	char *url = discover_transactions_url(t->base_url, t->org, ds, q);
	if (!url)
		return 0;
	struct strbuf nf = STRBUF_INIT;
	strbuf_addf(&nf, "the events endpoint of organization '%s'", t->org);
	struct list_call *call = xcalloc(1, sizeof(*call));
	call->ds = ds;
	call->done = done;
	call->ctx = ctx;
	struct api_request_spec spec = {
		.method = "GET", .url = url, .what = "transaction list", .not_found = strbuf_str(&nf),
	};
	unsigned long id = api_submit(t->client, &spec, on_response, call);
	strbuf_free(&nf);
	free(url);
	return id;
}
