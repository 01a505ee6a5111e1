/* The context section (see event_render.h): "label  value" fields under headings, in
 * the order a triager looks: who, which request, where it ran, which build. */
#include "views/event_render.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

#define FIELD_INDENT 2
#define LABEL_MAX    32  /* labels pad to the longest in their group, up to this:
                            * long enough for "Access-Control-Request-Headers" */

struct field {
	const char *label;
	const char *value;
	bool masked;
	char *owned;      /* value when we built it (masked query strings) */
};

struct fields {
	struct field *items;
	size_t n, cap;
};

static void add_field(struct fields *fs, const char *label, const char *value, bool masked)
{
	if (!value)
		return;
	xgrow((void **)&fs->items, &fs->cap, fs->n + 1, sizeof(*fs->items));
	fs->items[fs->n++] = (struct field){ label ? label : "", value, masked, NULL };
}

static void add_owned(struct fields *fs, const char *label, char *value)
{
	add_field(fs, label, value, false);
	fs->items[fs->n - 1].owned = value;
}

static void add_kvs(struct fields *fs, const struct kv_list *kvs, bool mask_secrets)
{
	for (size_t i = 0; i < kvs->n; i++) {
		const struct kv *kv = &kvs->items[i];
		bool secret = mask_secrets && kv->value && *kv->value &&
		              render_is_secret_header(kv->key);
		add_field(fs, kv->key, kv->value ? kv->value : "", secret);
	}
}

static void fields_free(struct fields *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		free(fs->items[i].owned);
	free(fs->items);
	memset(fs, 0, sizeof(*fs));
}

struct context_render {
	struct lines *out;
	bool started;
};

static void heading(struct context_render *r, const char *title, int indent)
{
	if (indent == 0 && r->started)
		lines_add(r->out, LINE_BLANK, 0, 0);
	r->started = true;
	line_seg(lines_add(r->out, LINE_HEADING, 0, indent), ROLE_HEADER, title);
}

static void emit_fields(struct context_render *r, const struct fields *fs, int indent)
{
	int width = 0;
	for (size_t i = 0; i < fs->n; i++) {
		int w = render_width_capped(fs->items[i].label, LABEL_MAX);
		if (w > width)
			width = w;
	}
	for (size_t i = 0; i < fs->n; i++) {
		const struct field *f = &fs->items[i];
		struct line *l = lines_add(r->out, LINE_FIELD, 0, indent);
		render_seg_padded(l, ROLE_DIM, f->label, width);
		line_seg(l, ROLE_DEFAULT, "  ");
		if (f->masked)
			line_seg(l, ROLE_DIM, RENDER_MASK);
		else
			line_seg(l, ROLE_DEFAULT, f->value);
	}
}

/* A heading and its fields; nothing at all when there are no fields. */
static void section(struct context_render *r, const char *title, struct fields *fs)
{
	if (fs->n > 0) {
		heading(r, title, 0);
		emit_fields(r, fs, FIELD_INDENT);
	}
	fields_free(fs);
}

static void kv_section(struct context_render *r, const char *title, const struct kv_list *kvs,
                       bool mask_secrets)
{
	struct fields fs = { 0 };
	add_kvs(&fs, kvs, mask_secrets);
	section(r, title, &fs);
}

/* "a=1&token=********": query parameters with credential names masked. Returns NULL
 * when nothing needed masking. */
static char *mask_query(const char *query)
{
	struct strbuf sb = STRBUF_INIT;
	bool masked = false;
	const char *p = query;
	while (*p) {
		size_t len = strcspn(p, "&");
		size_t name_len = strcspn(p, "=&");
		char *name = xstrndup(p, name_len);
		if (name_len < len && render_is_secret_header(name)) {
			strbuf_add(&sb, p, name_len + 1);
			strbuf_adds(&sb, RENDER_MASK);
			masked = true;
		} else {
			strbuf_add(&sb, p, len);
		}
		free(name);
		p += len;
		if (*p == '&') {
			strbuf_addc(&sb, '&');
			p++;
		}
	}
	if (!masked) {
		strbuf_free(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* The URL with the credentials in its query string masked; NULL when unchanged. */
static char *mask_url(const char *url)
{
	const char *q = strchr(url, '?');
	if (!q)
		return NULL;
	size_t query_len = strcspn(q + 1, "#");
	char *query = xstrndup(q + 1, query_len);
	char *masked = mask_query(query);
	free(query);
	if (!masked)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	strbuf_add(&sb, url, (size_t)(q - url) + 1);
	strbuf_adds(&sb, masked);
	strbuf_adds(&sb, q + 1 + query_len);
	free(masked);
	return strbuf_detach(&sb);
}

static void add_maybe_masked(struct fields *fs, const char *label, const char *value,
                             char *(*mask)(const char *))
{
	if (!value)
		return;
	char *masked = mask(value);
	if (masked)
		add_owned(fs, label, masked);
	else
		add_field(fs, label, value, false);
}

/* "GET  https://…", query, fragment, data; then headers, cookies and env, each its own
 * group. Cookie values are always masked, headers and env by name. */
static void request_section(struct context_render *r, const struct http_request *rq)
{
	struct fields top = { 0 };
	if (rq->url)
		add_maybe_masked(&top, rq->method ? rq->method : "url", rq->url, mask_url);
	else
		add_field(&top, "method", rq->method, false);
	add_maybe_masked(&top, "query", rq->query, mask_query);
	add_field(&top, "fragment", rq->fragment, false);
	add_field(&top, "data", rq->data, false);
	if (top.n == 0 && rq->headers.n == 0 && rq->cookies.n == 0 && rq->env.n == 0) {
		fields_free(&top);
		return;
	}
	heading(r, "Request", 0);
	emit_fields(r, &top, FIELD_INDENT);
	fields_free(&top);

	struct {
		const char *title;
		const struct kv_list *kvs;
		bool mask_all;
	} groups[] = {
		{ "Headers", &rq->headers, false },
		{ "Cookies", &rq->cookies, true },
		{ "Env", &rq->env, false },
	};
	for (size_t g = 0; g < sizeof(groups) / sizeof(*groups); g++) {
		if (groups[g].kvs->n == 0)
			continue;
		struct fields fs = { 0 };
		add_kvs(&fs, groups[g].kvs, true);
		if (groups[g].mask_all)
			for (size_t i = 0; i < fs.n; i++)
				fs.items[i].masked = *fs.items[i].value != '\0';
		heading(r, groups[g].title, FIELD_INDENT);
		emit_fields(r, &fs, FIELD_INDENT * 2);
		fields_free(&fs);
	}
}

/* Headings for the context types Sentry defines; custom contexts keep their own name. */
static const char *context_title(const struct context_block *b)
{
	static const struct {
		const char *type, *title;
	} known[] = {
		{ "os", "OS" }, { "client_os", "Client OS" }, { "browser", "Browser" },
		{ "runtime", "Runtime" }, { "device", "Device" }, { "app", "App" },
		{ "trace", "Trace" }, { "gpu", "GPU" }, { "culture", "Culture" },
		{ "response", "Response" }, { "cloud_resource", "Cloud resource" },
		{ "state", "State" }, { "profile", "Profile" }, { "replay", "Replay" },
	};
	const char *name = b->name ? b->name : b->type;
	for (size_t i = 0; name && i < sizeof(known) / sizeof(*known); i++)
		if (strcmp(name, known[i].type) == 0)
			return known[i].title;
	return name && *name ? name : "Context";
}

void render_context(const struct event *e, struct lines *out)
{
	if (!e)
		return;
	struct context_render r = { out, false };

	kv_section(&r, "User", &e->user, false);
	if (e->request)
		request_section(&r, e->request);
	for (size_t i = 0; i < e->ncontexts; i++)
		kv_section(&r, context_title(&e->contexts[i]), &e->contexts[i].fields, false);
	kv_section(&r, "SDK", &e->sdk, false);

	struct fields release = { 0 };
	add_field(&release, "version", e->release, false);
	add_field(&release, "dist", e->dist, false);
	section(&r, "Release", &release);

	struct fields environment = { 0 };
	add_field(&environment, "name", e->environment, false);
	section(&r, "Environment", &environment);

	kv_section(&r, "Tags", &e->tags, false);
	kv_section(&r, "Extra", &e->extra, true);

	if (!r.started)
		line_seg(lines_add(out, LINE_TEXT, 0, 0), ROLE_DIM, "No context");
}
