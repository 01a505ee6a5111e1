/* Non-blocking HTTP client over libcurl's multi interface.
 *
 * Nothing here ever blocks: api_submit() queues a transfer and returns; the event loop
 * calls api_wait() (curl_multi_poll with the loop's own fds as extras) and then
 * api_perform(), which runs completion callbacks on the main thread. Callbacks change
 * state only; they never draw.
 *
 * The client owns the policy every endpoint shares: Bearer auth (the token is never
 * logged), a User-Agent naming sentry-tui, timeouts, keep-alive reuse (one multi handle,
 * one connection pool), a response size cap, TLS verification (optional CA bundle),
 * retries (429 waits for X-Sentry-Rate-Limit-Reset / Retry-After; 5xx and broken
 * connections back off), and turning failures into sentences a person understands.
 */
#ifndef API_CLIENT_H
#define API_CLIENT_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

struct api_client;

struct api_client_options {
	const char *base_url;      /* for messages: the host named in network errors */
	const char *token;         /* copied; never logged */
	const char *ca_bundle;     /* NULL = system default */
	long timeout_s;            /* whole transfer; 0 = 30 */
	long connect_timeout_s;    /* connecting and the TLS handshake; 0 = 10, never over
	                              timeout_s (an unreachable host fails fast) */
	size_t max_response;       /* bytes; 0 = 32 MiB */
	int max_retries_429;       /* 0 = 5 */
	int max_retries_5xx;       /* 0 = 3 */
	long long backoff_ms;      /* first backoff step; 0 = 1000 */
};

enum api_outcome {
	API_OK,             /* 2xx; body may be empty (204) */
	API_HTTP_ERROR,     /* non-2xx after retries */
	API_NETWORK_ERROR,  /* no usable HTTP response */
	API_CANCELLED,      /* api_cancel or shutdown: only free the callback's context */
};

struct api_response {
	enum api_outcome outcome;
	long status;             /* HTTP status, 0 for network errors */
	const char *body;        /* NUL-terminated, may contain other NULs; borrowed */
	size_t len;
	const char *link;        /* Link header or NULL; borrowed */
	long long hits;          /* X-Hits, -1 if absent */
	const char *error;       /* the sentence to show on failure (untrusted parts
	                            included verbatim: show it through the draw layer) */
	const char *url;         /* the URL requested (no secrets in it) */
	int tries;               /* how many times it was sent (retries included); a change
	                            that failed on a later try may have been applied by an
	                            earlier one */
};

typedef void (*api_done_fn)(void *ctx, const struct api_response *resp);
/* A transient notice: "rate limited …, retrying in 3s". Called from api_perform. */
typedef void (*api_notice_fn)(void *ctx, const char *message);

struct api_request_spec {
	const char *method;      /* "GET", "PUT", ... */
	const char *url;         /* full URL, built with api/url.h */
	const char *body;        /* JSON body or NULL */
	const char *what;        /* what is being fetched, for messages: "issue list" */
	const char *not_found;   /* what a 404 means: "organization 'acme'" */
};

struct api_client *api_client_new(const struct api_client_options *opts,
                                  api_notice_fn notice, void *notice_ctx);
void api_client_free(struct api_client *client);

/* Queue a request. Returns an id (> 0) for api_cancel. done is called exactly once:
 * from api_perform with the answer, or with outcome API_CANCELLED from api_cancel or
 * api_client_free, so the context it owns can always be freed. */
unsigned long api_submit(struct api_client *client, const struct api_request_spec *spec,
                         api_done_fn done, void *ctx);
/* Like api_submit, but under an id that already belongs to the caller (id 0 = a new one):
 * a follow-up request (a fallback route) stays cancellable through the id the caller
 * holds. Only call it from the callback of the request that had that id. */
unsigned long api_submit_as(struct api_client *client, unsigned long id,
                            const struct api_request_spec *spec, api_done_fn done, void *ctx);
/* Drop a queued, running or retry-waiting request; its callback runs once more with
 * API_CANCELLED (and must then only release its context). */
void api_cancel(struct api_client *client, unsigned long id);

/* Wait up to timeout_ms for network activity or one of the extra fds (their revents are
 * set). Returns -1 only on a fatal curl error. */
int api_wait(struct api_client *client, struct pollfd *extra, unsigned nextra, int timeout_ms);
/* Drive transfers, start due retries, run completion callbacks. */
void api_perform(struct api_client *client);
/* Milliseconds until the client needs api_perform again for a retry; -1 = no timer. */
long api_timeout_ms(const struct api_client *client);
/* True when nothing is running or waiting to be retried. */
bool api_idle(const struct api_client *client);
/* Number of requests running or waiting (for the loading indicator). */
int api_busy_count(const struct api_client *client);

/* "issue list: malformed response from HOST: <why>" for callers whose decode failed. */
char *api_malformed_message(const struct api_response *resp, const char *what, const char *why);

#endif
