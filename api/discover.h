/* Recent transactions from the organization's events endpoint (Discover / Explore,
 * docs/sentry-api.md §7). Current Sentry serves them from the "spans" dataset
 * (query is_transaction:true, where a row's id is the transaction's span and Enter
 * opens its trace); older self-hosted Sentry only from the "transactions" dataset
 * (where a row's id is the transaction's event). The store tries the first and falls
 * back to the second on a 400; a 404 means the server has no Discover (GlitchTip). */
#ifndef API_DISCOVER_H
#define API_DISCOVER_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "api/endpoints.h"
#include "util/strbuf.h"

#define DISCOVER_PAGE 50

enum discover_dataset { DISCOVER_SPANS, DISCOVER_TRANSACTIONS };
enum discover_sort { DISCOVER_NEWEST, DISCOVER_SLOWEST, DISCOVER_OLDEST };

struct transaction_row {
	char *event_id;           /* transactions dataset: the event; NULL from spans */
	char *span_id;            /* spans dataset: the transaction's root span; else NULL */
	char *name;               /* "GET /api/users" */
	char *op;                 /* "http.server" */
	double duration_ms;       /* < 0 when not sent */
	char *status;             /* "ok", "internal_error" …; NULL when not sent */
	char *project;            /* slug */
	char *trace;              /* 32-hex trace id, or NULL */
	time_t timestamp;         /* 0 when not sent */
};

struct transaction_query {
	const char *const *project_ids;   /* numeric ids, repeated as project= */
	size_t nproject_ids;
	const char *environment;          /* NULL = all */
	const char *period;               /* statsPeriod; NULL = the server's default */
	const char *name;                 /* transaction name contains this; NULL = any */
	const char *trace;                /* only this trace's transactions; NULL = any */
	enum discover_sort sort;
	const char *cursor;               /* NULL = first page */
};

struct transaction_page {
	struct transaction_row *rows;
	size_t n;
	char *next_cursor;        /* NULL on the last page */
	long status;              /* HTTP status (0 = network error) */
	char *error;              /* NULL on success */
};
typedef void (*transaction_page_fn)(void *ctx, struct transaction_page *page);
void transaction_page_free(struct transaction_page *page);
void transaction_rows_free(struct transaction_row *rows, size_t n);

/* The URL of one page (fields, sort and query as the dataset names them). */
char *discover_transactions_url(const char *base, const char *org, enum discover_dataset ds,
                                const struct transaction_query *q);
/* GET it; the page (owned by the callback) has rows or an error. */
unsigned long api_list_transactions(const struct sentry_target *t, enum discover_dataset ds,
                                    const struct transaction_query *q, transaction_page_fn done,
                                    void *ctx);
/* {"data": [{field: value}], "meta": …} -> rows, by the field names of ds. False, with
 * err, for a body that is not such an object; a row that is not an object is skipped. */
bool decode_transaction_rows(const char *body, size_t len, enum discover_dataset ds,
                             struct transaction_row **out, size_t *n, struct strbuf *err);

#endif
