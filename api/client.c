/* Non-blocking HTTP over curl multi, with Sentry's retry and error semantics (see client.h). */
#include "api/client.h"

#include <ctype.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "api/decode.h"
#include "api/tls_errors.h"
#include "api/url.h"
#include "util/strbuf.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

#ifndef SENTRY_TUI_VERSION
#define SENTRY_TUI_VERSION "0.0.0"
#endif

#define MAX_RETRY_WAIT_MS (60 * 1000LL)

struct request {
	struct request *next;
	unsigned long id;
	struct api_client *client;
	CURL *easy;                 /* NULL while waiting for a retry */
	struct curl_slist *headers;
	char *method, *url, *body, *what, *not_found;
	api_done_fn done;
	void *ctx;
	int tries;
	long long retry_at_ms;      /* > 0 while waiting */
	bool too_large;
	bool headers_done;          /* the blank line after the headers has arrived */
	char errbuf[CURL_ERROR_SIZE]; /* curl's own words on a failure, for classifying it */
	struct strbuf resp_body;
	char *link;
	long long hits;
	long long rl_reset;         /* X-Sentry-Rate-Limit-Reset, epoch seconds; 0 = absent */
	char *retry_after;
};

struct api_client {
	CURLM *multi;
	char *auth_header;          /* "Authorization: Bearer …": the only copy of the token */
	char *user_agent;
	char *ca_bundle;
	char *host;
	char *host_port;            /* "host:port", port explicit even when it is the default */
	long timeout_s;
	long connect_timeout_s;
	size_t max_response;
	int max_retries_429, max_retries_5xx;
	long long backoff_ms;
	api_notice_fn notice;
	void *notice_ctx;
	struct request *requests;   /* every live request: running or waiting */
	unsigned long next_id;
};

static bool curl_ready;

/* "host:port" of the configured URL for messages about the wrong server answering:
 * the port is what is most often wrong, so it is named even when it is the default. */
static char *url_host_port(const char *url, const char *host)
{
	CURLU *parsed = url ? curl_url() : NULL;
	char *port = NULL, *result = NULL;
	if (parsed && curl_url_set(parsed, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(parsed, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "%s:%s", host, port);
		result = strbuf_detach(&sb);
	}
	curl_free(port);
	curl_url_cleanup(parsed);
	return result ? result : xstrdup(host);
}

struct api_client *api_client_new(const struct api_client_options *o, api_notice_fn notice,
                                  void *notice_ctx)
{
	if (!curl_ready) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		curl_ready = true;
	}
	struct api_client *c = xcalloc(1, sizeof(*c));
	c->multi = curl_multi_init();
	/* Keep at most a few connections per host: Sentry's concurrency limits are small. */
	curl_multi_setopt(c->multi, CURLMOPT_MAX_HOST_CONNECTIONS, 4L);
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "Authorization: Bearer %s", o->token ? o->token : "");
	c->auth_header = strbuf_detach(&sb);
	strbuf_addf(&sb, "sentry-tui/%s (libcurl/%s)", SENTRY_TUI_VERSION,
	            curl_version_info(CURLVERSION_NOW)->version);
	c->user_agent = strbuf_detach(&sb);
	c->ca_bundle = xstrdup_or_null(o->ca_bundle);
	c->host = o->base_url ? url_host(o->base_url) : NULL;
	if (!c->host)
		c->host = xstrdup("the server");
	c->host_port = url_host_port(o->base_url, c->host);
	c->timeout_s = o->timeout_s > 0 ? o->timeout_s : 30;
	c->connect_timeout_s = o->connect_timeout_s > 0 ? o->connect_timeout_s : 10;
	if (c->connect_timeout_s > c->timeout_s)
		c->connect_timeout_s = c->timeout_s;
	c->max_response = o->max_response ? o->max_response : 32u << 20;
	c->max_retries_429 = o->max_retries_429 > 0 ? o->max_retries_429 : 5;
	c->max_retries_5xx = o->max_retries_5xx > 0 ? o->max_retries_5xx : 3;
	c->backoff_ms = o->backoff_ms > 0 ? o->backoff_ms : 1000;
	c->notice = notice;
	c->notice_ctx = notice_ctx;
	c->next_id = 1;
	return c;
}

static void request_detach_easy(struct request *r)
{
	if (r->easy) {
		curl_multi_remove_handle(r->client->multi, r->easy);
		curl_easy_cleanup(r->easy);
		r->easy = NULL;
	}
	curl_slist_free_all(r->headers);
	r->headers = NULL;
}

static void request_free(struct request *r)
{
	request_detach_easy(r);
	free(r->method);
	free(r->url);
	free(r->body);
	free(r->what);
	free(r->not_found);
	free(r->link);
	free(r->retry_after);
	strbuf_free(&r->resp_body);
	free(r);
}

static void cancelled(struct request *r)
{
	struct api_response resp = { .outcome = API_CANCELLED, .hits = -1, .url = r->url,
	                             .body = "", .error = "cancelled" };
	if (r->done)
		r->done(r->ctx, &resp);
}

void api_client_free(struct api_client *c)
{
	if (!c)
		return;
	while (c->requests) {
		struct request *r = c->requests;
		c->requests = r->next;
		cancelled(r);
		request_free(r);
	}
	curl_multi_cleanup(c->multi);
	/* Scrub the token before the memory goes back to the allocator. */
	memset(c->auth_header, 0, strlen(c->auth_header));
	free(c->auth_header);
	free(c->user_agent);
	free(c->ca_bundle);
	free(c->host);
	free(c->host_port);
	free(c);
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
	struct request *r = userp;
	size_t n = size * nmemb;
	if (r->resp_body.len + n > r->client->max_response) {
		r->too_large = true;
		return 0; /* makes curl fail the transfer with CURLE_WRITE_ERROR */
	}
	strbuf_add(&r->resp_body, data, n);
	return n;
}

/* Case-insensitive "Name:" match; returns the trimmed value or NULL. */
static char *header_value(const char *line, size_t len, const char *name)
{
	size_t nl = strlen(name);
	if (len <= nl || strncasecmp(line, name, nl) != 0 || line[nl] != ':')
		return NULL;
	const char *v = line + nl + 1, *end = line + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && isspace((unsigned char)end[-1]))
		end--;
	return xstrndup(v, (size_t)(end - v));
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *userp)
{
	struct request *r = userp;
	size_t n = size * nmemb;
	char *v;
	/* The blank line ends the header block: a failure after it is not about headers. */
	if (n <= 2 && (n == 0 || data[0] == '\r' || data[0] == '\n')) {
		r->headers_done = true;
		return n;
	}
	/* A new status line (after a 100-continue or redirect) starts a fresh header set. */
	if (n >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		r->headers_done = false;
		free(r->link);
		r->link = NULL;
		r->hits = -1;
		r->rl_reset = 0;
		free(r->retry_after);
		r->retry_after = NULL;
		return n;
	}
	if ((v = header_value(data, n, "Link"))) {
		free(r->link);
		r->link = v;
	} else if ((v = header_value(data, n, "X-Hits"))) {
		/* Only a plain count is a count: garbage or an empty value is "unknown". */
		char *end = v;
		long long hits = isdigit((unsigned char)*v) ? strtoll(v, &end, 10) : -1;
		r->hits = hits >= 0 && end != v && *end == '\0' ? hits : -1;
		free(v);
	} else if ((v = header_value(data, n, "X-Sentry-Rate-Limit-Reset"))) {
		r->rl_reset = strtoll(v, NULL, 10);
		free(v);
	} else if ((v = header_value(data, n, "Retry-After"))) {
		free(r->retry_after);
		r->retry_after = v;
	}
	return n;
}

static void request_start(struct request *r)
{
	struct api_client *c = r->client;
	strbuf_reset(&r->resp_body);
	r->too_large = false;
	r->headers_done = false;
	r->errbuf[0] = '\0';
	r->hits = -1;
	r->retry_at_ms = 0;
	r->tries++;

	CURL *e = curl_easy_init();
	r->easy = e;
	r->headers = curl_slist_append(NULL, c->auth_header);
	r->headers = curl_slist_append(r->headers, "Accept: application/json");
	if (r->body)
		r->headers = curl_slist_append(r->headers, "Content-Type: application/json");
	curl_easy_setopt(e, CURLOPT_URL, r->url);
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, r->headers);
	curl_easy_setopt(e, CURLOPT_USERAGENT, c->user_agent);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, c->timeout_s);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, c->connect_timeout_s);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	if (c->ca_bundle)
		curl_easy_setopt(e, CURLOPT_CAINFO, c->ca_bundle);
	/* Trust one bundle file (ca_bundle, else the system's) and no CA directory: libcurl
	 * keeps the store built from a bundle in the multi handle only when no directory is
	 * set, and Debian's libcurl sets one. Without this every new connection parses the
	 * whole bundle again in curl_multi_perform, on the event loop (ARCHITECTURE.md). */
	curl_easy_setopt(e, CURLOPT_CAPATH, NULL);
	/* Never follow redirects: they could carry the Authorization header elsewhere (or
	 * to plain http://). A redirect is reported instead (describe_redirect). */
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(e, CURLOPT_UNRESTRICTED_AUTH, 0L);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(e, CURLOPT_PRIVATE, r);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->errbuf);
	if (strcmp(r->method, "GET") != 0)
		curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, r->method);
	if (r->body) {
		curl_easy_setopt(e, CURLOPT_POSTFIELDS, r->body);
		curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, (long)strlen(r->body));
	}
	curl_multi_add_handle(c->multi, e);
}

unsigned long api_submit(struct api_client *c, const struct api_request_spec *spec,
                         api_done_fn done, void *ctx)
{
	return api_submit_as(c, 0, spec, done, ctx);
}

unsigned long api_submit_as(struct api_client *c, unsigned long id,
                            const struct api_request_spec *spec, api_done_fn done, void *ctx)
{
	struct request *r = xcalloc(1, sizeof(*r));
	r->id = id ? id : c->next_id++;
	r->client = c;
	r->method = xstrdup(spec->method ? spec->method : "GET");
	r->url = xstrdup(spec->url);
	r->body = xstrdup_or_null(spec->body);
	r->what = xstrdup(spec->what ? spec->what : "request");
	r->not_found = xstrdup_or_null(spec->not_found);
	r->done = done;
	r->ctx = ctx;
	r->next = c->requests;
	c->requests = r;
	request_start(r);
	return r->id;
}

static void unlink_request(struct api_client *c, struct request *r)
{
	for (struct request **pp = &c->requests; *pp; pp = &(*pp)->next) {
		if (*pp == r) {
			*pp = r->next;
			return;
		}
	}
}

void api_cancel(struct api_client *c, unsigned long id)
{
	for (struct request *r = c->requests; r; r = r->next) {
		if (r->id == id) {
			unlink_request(c, r);
			cancelled(r);
			request_free(r);
			return;
		}
	}
}

int api_wait(struct api_client *c, struct pollfd *extra, unsigned nextra, int timeout_ms)
{
	struct curl_waitfd wfd[8];
	if (nextra > 8)
		nextra = 8;
	for (unsigned i = 0; i < nextra; i++) {
		wfd[i].fd = extra[i].fd;
		wfd[i].events = 0;
		if (extra[i].events & POLLIN)
			wfd[i].events |= CURL_WAIT_POLLIN;
		if (extra[i].events & POLLOUT)
			wfd[i].events |= CURL_WAIT_POLLOUT;
		wfd[i].revents = 0;
	}
	long retry = api_timeout_ms(c);
	if (retry >= 0 && (timeout_ms < 0 || retry < timeout_ms))
		timeout_ms = (int)retry;
	if (timeout_ms < 0)
		timeout_ms = 60 * 1000; /* curl_multi_poll needs a bound; nothing is due anyway */
	int n = 0;
	CURLMcode rc = curl_multi_poll(c->multi, wfd, nextra, timeout_ms, &n);
	for (unsigned i = 0; i < nextra; i++) {
		extra[i].revents = 0;
		if (wfd[i].revents & CURL_WAIT_POLLIN)
			extra[i].revents |= POLLIN;
		if (wfd[i].revents & CURL_WAIT_POLLOUT)
			extra[i].revents |= POLLOUT;
	}
	return rc == CURLM_OK ? n : -1;
}

long api_timeout_ms(const struct api_client *c)
{
	long long now = time_mono_ms(), best = -1;
	for (const struct request *r = c->requests; r; r = r->next) {
		if (!r->easy && r->retry_at_ms > 0) {
			long long d = r->retry_at_ms - now;
			if (d < 0)
				d = 0;
			if (best < 0 || d < best)
				best = d;
		}
	}
	return (long)best;
}

bool api_idle(const struct api_client *c)
{
	return c->requests == NULL;
}

int api_busy_count(const struct api_client *c)
{
	int n = 0;
	for (const struct request *r = c->requests; r; r = r->next)
		n++;
	return n;
}

/* Delay before the next try of a rate-limited request, per docs/sentry-api.md §11:
 * X-Sentry-Rate-Limit-Reset (absolute epoch seconds) and Retry-After (seconds or an
 * HTTP date), else exponential backoff. The real clock is used, never the pinned one. */
static long long rate_limit_delay_ms(const struct request *r)
{
	/* Both limits are honoured when both are given: the later one wins. */
	long long wait = -1;
	time_t now = time(NULL);
	if (r->rl_reset > 0)
		wait = (r->rl_reset - (long long)now) * 1000;
	if (r->retry_after) {
		long long ra = -1;
		char *end;
		long long secs = strtoll(r->retry_after, &end, 10);
		if (end != r->retry_after && *end == '\0') {
			ra = secs * 1000;
		} else {
			curl_off_t when = curl_getdate(r->retry_after, NULL);
			if (when > 0)
				ra = ((long long)when - (long long)now) * 1000;
		}
		if (ra > wait)
			wait = ra;
	}
	if (wait < 0)
		wait = r->client->backoff_ms << (r->tries > 1 ? r->tries - 1 : 0);
	if (wait < 100)
		wait = 100; /* a reset "now" still means "not this millisecond" */
	if (wait > MAX_RETRY_WAIT_MS)
		wait = MAX_RETRY_WAIT_MS;
	return wait;
}

static bool is_retryable_status(long status)
{
	return status == 500 || status == 502 || status == 503 || status == 504 ||
	       status == 507 || status == 524;
}

static void notice(struct api_client *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void notice(struct api_client *c, const char *fmt, ...)
{
	if (!c->notice)
		return;
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	c->notice(c->notice_ctx, strbuf_str(&sb));
	strbuf_free(&sb);
}

static void schedule_retry(struct request *r, long long delay_ms)
{
	request_detach_easy(r);
	r->retry_at_ms = time_mono_ms() + delay_ms;
}

/* Longest Location shown in a message: enough for any real server's address. */
#define REDIRECT_SHOWN_MAX 200

/* A 3xx answer is never followed (request_start): say where it pointed, so that a
 * SENTRY_URL that has moved (http:// to https://, a new host) can be corrected. */
static void describe_redirect(struct request *r, long status, struct strbuf *msg)
{
	char *target = NULL;
	curl_easy_getinfo(r->easy, CURLINFO_REDIRECT_URL, &target);
	strbuf_addf(msg, "%s: %s answered with a redirect (HTTP %ld) ", r->what, r->client->host,
	            status);
	if (target && *target) {
		size_t len = strlen(target);
		strbuf_addf(msg, "to %.*s%s", REDIRECT_SHOWN_MAX, target,
		            len > REDIRECT_SHOWN_MAX ? "…" : "");
		if (strncmp(target, "http://", 7) == 0 && strncmp(r->url, "https://", 8) == 0)
			strbuf_adds(msg, " (plain HTTP)");
		strbuf_adds(msg, "; not followed, so the auth token was not sent there (if that "
		                 "is your Sentry, put it in SENTRY_URL)");
	} else {
		strbuf_adds(msg, "without a valid Location; not followed");
	}
}

static void describe_http_error(struct request *r, long status, struct strbuf *msg)
{
	if (status >= 300 && status < 400 && status != 304) {
		describe_redirect(r, status, msg);
		return;
	}
	struct strbuf detail = STRBUF_INIT;
	bool has_detail = decode_error_detail(r->resp_body.buf ? r->resp_body.buf : "",
	                                      r->resp_body.len, &detail);
	strbuf_addf(msg, "%s: ", r->what);
	switch (status) {
	case 401:
		strbuf_adds(msg, "authentication failed (HTTP 401): the auth token is invalid, "
		                 "expired or missing a scope");
		break;
	case 403:
		strbuf_adds(msg, "permission denied (HTTP 403): the token's user or scopes "
		                 "may not do this");
		break;
	case 404:
		if (r->not_found)
			strbuf_addf(msg, "not found (HTTP 404): %s does not exist or this token "
			                 "cannot see it", r->not_found);
		else
			strbuf_adds(msg, "not found (HTTP 404)");
		break;
	case 429:
		strbuf_addf(msg, "rate limited by %s (HTTP 429); gave up after %d tries",
		            r->client->host, r->tries);
		break;
	default:
		if (status >= 500)
			strbuf_addf(msg, "server error at %s (HTTP %ld) after %d %s", r->client->host,
			            status, r->tries, r->tries == 1 ? "try" : "tries");
		else
			strbuf_addf(msg, "request rejected (HTTP %ld)", status);
	}
	if (has_detail && detail.len)
		strbuf_addf(msg, " — server said: %s", strbuf_str(&detail));
	strbuf_free(&detail);
}

/* curl refuses a response header that is too big, in words that depend on its version:
 * one line over CURL_MAX_HTTP_HEADER is "Out of memory" (CURLE_TOO_LARGE since 8.6)
 * with no text, all headers together over its total limit are "Too large response
 * headers: N > LIMIT" (a receive error). Returns the limit in bytes, or 0 when the
 * failure was something else. */
static size_t header_overflow_limit(const struct request *r, CURLcode code)
{
	const char *total = strstr(r->errbuf, "Too large response headers");
	if (total) {
		const char *gt = strrchr(total, '>');
		unsigned long long limit = gt ? strtoull(gt + 1, NULL, 10) : 0;
		return limit ? (size_t)limit : CURL_MAX_HTTP_HEADER;
	}
	bool too_large = code == CURLE_OUT_OF_MEMORY;
#if LIBCURL_VERSION_NUM >= 0x080600
	too_large = too_large || code == CURLE_TOO_LARGE;
#endif
	return too_large && !r->headers_done ? CURL_MAX_HTTP_HEADER : 0;
}

/* Something answered, but not in HTTP: the URL names the wrong port or service. curl
 * calls it HTTP/0.9 (refused, "Unsupported protocol") or a weird server reply. */
static bool answered_without_http(const struct request *r, CURLcode code)
{
	return code == CURLE_WEIRD_SERVER_REPLY ||
	       (code == CURLE_UNSUPPORTED_PROTOCOL && strstr(r->errbuf, "HTTP/0.9"));
}

static bool errbuf_has(const struct request *r, const char *text)
{
	return strstr(r->errbuf, text) != NULL;
}

/* curl's text when it has one, else its generic words for the code. */
static const char *curl_words(const struct request *r, CURLcode code)
{
	return r->errbuf[0] ? r->errbuf : curl_easy_strerror(code);
}

/* A certificate that failed verification, told apart by the TLS library's verify result
 * (see tls_errors.h): only an untrusted issuer can be fixed with ca_bundle. */
static void describe_certificate_error(struct request *r, struct strbuf *msg)
{
	static int x509_codes = -1; /* which TLS library libcurl uses does not change */
	if (x509_codes < 0)
		x509_codes = tls_backend_has_x509_codes();
	long verify_result = 0;
	curl_easy_getinfo(r->easy, CURLINFO_SSL_VERIFYRESULT, &verify_result);
	enum tls_refusal why = tls_refusal_classify(verify_result, x509_codes, r->errbuf);
	tls_refusal_describe(why, r->client->host, r->client->ca_bundle, r->errbuf, msg);
}

/* Which limit ran out: the connect phase has its own, shorter one, so "did not answer
 * within 30s" after 10 s of a TLS handshake that never finished would be untrue. curl
 * records the pretransfer time (at least 1 µs, a reused connection included) once the
 * connection, TLS handshake and all, is ready for the request; a local port exists once
 * TCP has connected. */
static void describe_timeout(struct request *r, struct strbuf *msg)
{
	struct api_client *c = r->client;
	curl_off_t ready = 0;
	long local_port = 0;
	curl_easy_getinfo(r->easy, CURLINFO_PRETRANSFER_TIME_T, &ready);
	curl_easy_getinfo(r->easy, CURLINFO_LOCAL_PORT, &local_port);
	if (ready > 0)
		strbuf_addf(msg, "%s did not answer within %lds", c->host, c->timeout_s);
	else if (local_port > 0 && strncmp(r->url, "https://", 8) == 0)
		strbuf_addf(msg, "TLS handshake with %s did not finish within %lds", c->host,
		            c->connect_timeout_s);
	else
		strbuf_addf(msg, "cannot connect to %s within %lds (no answer to the connection)",
		            c->host, c->connect_timeout_s);
}

static void describe_network_error(struct request *r, CURLcode code, struct strbuf *msg)
{
	struct api_client *c = r->client;
	strbuf_addf(msg, "%s: ", r->what);
	if (r->too_large) {
		if (c->max_response >= 1u << 20)
			strbuf_addf(msg, "response from %s is larger than %zu MiB; refused", c->host,
			            c->max_response >> 20);
		else
			strbuf_addf(msg, "response from %s is larger than %zu KiB; refused", c->host,
			            c->max_response >> 10);
		return;
	}
	size_t header_limit = header_overflow_limit(r, code);
	if (header_limit) {
		strbuf_addf(msg, "%s sent a response header over %zu KiB (the limit); refused",
		            c->host, header_limit >> 10);
		return;
	}
	if (answered_without_http(r, code)) {
		strbuf_addf(msg, "%s did not answer with HTTP (is SENTRY_URL right?)", c->host_port);
		return;
	}
	switch (code) {
	case CURLE_COULDNT_RESOLVE_HOST:
		strbuf_addf(msg, "cannot resolve host %s", c->host);
		break;
	case CURLE_COULDNT_CONNECT:
		strbuf_addf(msg, "cannot connect to %s (connection refused or unreachable)", c->host);
		break;
	case CURLE_OPERATION_TIMEDOUT:
		describe_timeout(r, msg);
		break;
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
		strbuf_addf(msg, "connection to %s broke off before the response was complete",
		            c->host);
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
		describe_certificate_error(r, msg);
		break;
	case CURLE_SSL_CACERT_BADFILE:
		strbuf_addf(msg, "cannot use the CA bundle %s (ca_bundle in the config): %s",
		            c->ca_bundle ? c->ca_bundle : "of this system", curl_words(r, code));
		break;
	case CURLE_SSL_CONNECT_ERROR:
		/* An https:// URL that names a plain-HTTP port: the "TLS" answer is HTTP text. */
		if (errbuf_has(r, "wrong version number") || errbuf_has(r, "packet length too long"))
			strbuf_addf(msg, "%s did not answer with TLS (is it http://, not https://? check "
			                 "SENTRY_URL)", c->host_port);
		else
			strbuf_addf(msg, "TLS handshake with %s failed: %s", c->host, curl_words(r, code));
		break;
	default:
		strbuf_addf(msg, "network error talking to %s: %s", c->host, curl_words(r, code));
	}
}

/* Decide what a finished transfer means: deliver it, or schedule another try.
 * Returns true when the request is complete and its callback should run. */
static bool finish_transfer(struct request *r, CURLcode code, struct api_response *resp,
                            struct strbuf *msg)
{
	struct api_client *c = r->client;
	long status = 0;
	if (code == CURLE_OK)
		curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &status);

	if (code != CURLE_OK) {
		/* A broken connection is worth one quiet retry (keep-alive races, proxies);
		 * a timeout or a refusal is reported at once. */
		bool transient = code == CURLE_PARTIAL_FILE || code == CURLE_RECV_ERROR ||
		                 code == CURLE_GOT_NOTHING || code == CURLE_SEND_ERROR;
		if (transient && !r->too_large && !header_overflow_limit(r, code) && r->tries < 2) {
			schedule_retry(r, c->backoff_ms);
			return false;
		}
		describe_network_error(r, code, msg);
		resp->outcome = API_NETWORK_ERROR;
	} else if (status == 429 && r->tries <= c->max_retries_429) {
		long long delay = rate_limit_delay_ms(r);
		notice(c, "%s: rate limited by %s; waiting %llds, then retrying (try %d of %d)",
		       r->what, c->host, (delay + 999) / 1000, r->tries + 1, c->max_retries_429 + 1);
		schedule_retry(r, delay);
		return false;
	} else if (is_retryable_status(status) && r->tries <= c->max_retries_5xx) {
		long long delay = c->backoff_ms << (r->tries - 1);
		notice(c, "%s: server error at %s (HTTP %ld); retrying in %llds (try %d of %d)",
		       r->what, c->host, status, (delay + 999) / 1000, r->tries + 1,
		       c->max_retries_5xx + 1);
		schedule_retry(r, delay);
		return false;
	} else if (status < 200 || status >= 300) {
		describe_http_error(r, status, msg);
		resp->outcome = API_HTTP_ERROR;
	} else {
		resp->outcome = API_OK;
	}
	resp->status = status;
	resp->body = strbuf_str(&r->resp_body);
	resp->len = r->resp_body.len;
	resp->link = r->link;
	resp->hits = r->hits;
	resp->error = msg->len ? strbuf_str(msg) : NULL;
	resp->url = r->url;
	return true;
}

static void start_due_retries(struct api_client *c)
{
	long long now = time_mono_ms();
	for (struct request *r = c->requests; r; r = r->next)
		if (!r->easy && r->retry_at_ms > 0 && r->retry_at_ms <= now)
			request_start(r);
}

void api_perform(struct api_client *c)
{
	int running = 0;
	start_due_retries(c);
	curl_multi_perform(c->multi, &running);

	CURLMsg *m;
	int left;
	while ((m = curl_multi_info_read(c->multi, &left))) {
		if (m->msg != CURLMSG_DONE)
			continue;
		struct request *r = NULL;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&r);
		if (!r)
			continue;
		CURLcode code = m->data.result;
		struct api_response resp = { .hits = -1 };
		struct strbuf msg = STRBUF_INIT;
		if (finish_transfer(r, code, &resp, &msg)) {
			resp.tries = r->tries;
			/* Unlink first: the callback may submit or cancel other requests. */
			unlink_request(c, r);
			if (r->done)
				r->done(r->ctx, &resp);
			request_free(r);
		}
		strbuf_free(&msg);
	}
	/* A retry scheduled just now with a tiny delay starts on the next pass. */
}

char *api_malformed_message(const struct api_response *resp, const char *what, const char *why)
{
	struct strbuf sb = STRBUF_INIT;
	char *host = resp->url ? url_host(resp->url) : NULL;
	strbuf_addf(&sb, "%s: malformed response from %s (%s)", what, host ? host : "the server",
	            why);
	free(host);
	return strbuf_detach(&sb);
}
