/* The stack trace section (see event_render.h): the message, the exception chain,
 * threads and a bare stacktrace, one line per frame, expanded frames with numbered
 * source and locals, then entries we do not display and processing errors.
 * Server text goes into segments as sent: the draw layer sanitizes it. */
#include "views/event_render.h"

#include <stdlib.h>
#include <string.h>

#include "tui/keymap.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* FRAME_ID packs a frame index below 50000 and a stack number below 21474 into an int:
 * the decoder's caps must keep them there. */
_Static_assert(EVENT_MAX_FRAMES < 50000, "FRAME_ID holds frame indexes below 50000");
_Static_assert(EVENT_MAX_EXCEPTIONS + EVENT_MAX_THREADS + 1 < 21474,
               "FRAME_ID stack numbers must fit an int");

#define FRAME_INDENT  2   /* frames under their exception or thread heading */
#define DETAIL_INDENT 6   /* source and vars line up under the frame's function */
#define TEXT_INDENT   2
#define TAB_STOP      4   /* source tabs: the draw layer would make each one space */
#define VAR_NAME_MAX  24  /* var names pad to the longest, up to this */

struct stack_render {
	const struct event *e;
	const struct stack_options *o;
	struct lines *out;
	bool started;     /* a block is on screen: the next one starts after a blank line */
};

static bool str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static void begin_block(struct stack_render *r)
{
	if (r->started)
		lines_add(r->out, LINE_BLANK, 0, 0);
	r->started = true;
}

static void dim_text(struct stack_render *r, int ref, int indent, const char *text)
{
	line_seg(lines_add(r->out, LINE_TEXT, ref, indent), ROLE_DIM, text);
}

/* Multi-line server text (messages, exception values) as one line per text line, so a
 * logged traceback reads as one instead of a single line full of "⏎". */
static void text_lines(struct stack_render *r, const char *text, int indent, bool skip_first)
{
	const char *p = text;
	bool first = true;
	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		if (!(first && skip_first)) {
			char *one = xstrndup(p, len);
			line_seg(lines_add(r->out, LINE_TEXT, 0, indent), ROLE_DEFAULT, one);
			free(one);
		}
		first = false;
		p = nl ? nl + 1 : NULL;
	}
}

/* The first line of text, owned. */
static char *first_line(const char *text)
{
	size_t len = strcspn(text, "\n");
	if (len > 0 && text[len - 1] == '\r')
		len--;
	return xstrndup(text, len);
}

/* "  label · label" after a heading; the first label may have its own role. */
static void heading_labels(struct line *l, const char *const *labels, const enum color_role *roles,
                           size_t n)
{
	for (size_t i = 0; i < n; i++) {
		line_seg(l, ROLE_DIM, i == 0 ? "  " : " · ");
		line_seg(l, roles[i], labels[i]);
	}
}

/* ---- one frame ---------------------------------------------------------------------- */

/* Java and .NET name a function by its class: "com.example.Foo.bar" reads like the
 * platform's own traces, and the file name alone ("Foo.java") loses the package. */
static bool qualifies_function(const struct stack_render *r, const struct frame *f)
{
	const char *platform = f->platform ? f->platform : r->e->platform;
	return f->module && f->function &&
	       (str_eq(platform, "java") || str_eq(platform, "csharp"));
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *back = strrchr(path, '\\');
	if (back && (!slash || back > slash))
		slash = back;
	return slash && slash[1] ? slash + 1 : path;
}

static void frame_location(struct line *l, const struct frame *f, const char *where,
                           enum color_role where_role, enum color_role number_role)
{
	if (where) {
		line_seg(l, ROLE_DEFAULT, "  ");
		line_seg(l, where_role, where);
		if (f->line_no > 0)
			line_segf(l, number_role, ":%d", f->line_no);
		if (f->line_no > 0 && f->col_no > 0)
			line_segf(l, number_role, ":%d", f->col_no);
	} else if (f->line_no > 0) {
		line_seg(l, ROLE_DEFAULT, "  ");
		line_segf(l, number_role, "line %d", f->line_no);
	}
}

/* "● function  file:line:col" (in-app) or "○ …" (system); native frames
 * "○ 0xaddr  package  function  file:line"; "  ×N" when the frame repeats N times. */
static void frame_line(struct stack_render *r, const struct frame *f, int id, size_t times,
                       bool dim_system)
{
	struct line *l = lines_add(r->out, LINE_FRAME, id, FRAME_INDENT);
	bool app = f->in_app == 1;
	bool dim = dim_system && !app;
	enum color_role name_role = app ? ROLE_IN_APP : dim ? ROLE_DIM : ROLE_DEFAULT;
	enum color_role where_role = dim ? ROLE_DIM : ROLE_SHORT_ID;
	enum color_role number_role = dim ? ROLE_DIM : ROLE_NUMBER;
	const char *function = f->function ? f->function
	                     : f->raw_function ? f->raw_function : f->symbol;

	line_seg(l, app ? ROLE_IN_APP : ROLE_DIM, app ? "● " : "○ ");
	if (f->instruction_addr) {
		line_seg(l, number_role, f->instruction_addr);
		if (f->package) {
			line_seg(l, ROLE_DEFAULT, "  ");
			line_seg(l, where_role, base_name(f->package));
		}
		if (function) {
			line_seg(l, ROLE_DEFAULT, "  ");
			line_seg(l, name_role, function);
		}
		frame_location(l, f, f->filename ? f->filename : f->abs_path, where_role,
		               number_role);
	} else {
		bool qualified = qualifies_function(r, f);
		if (qualified)
			line_segf(l, name_role, "%s.%s", f->module, f->function);
		else if (function)
			line_seg(l, name_role, function);
		else
			line_seg(l, ROLE_DIM, "?");
		const char *where = f->filename ? f->filename
		                  : f->abs_path ? f->abs_path
		                  : qualified ? NULL : f->module;
		frame_location(l, f, where, where_role, number_role);
	}
	if (times > 1)
		line_segf(l, number_role, "  ×%zu", times);
}

/* Source text with tabs expanded to TAB_STOP columns (counting code points), so Go and
 * C sources keep their indentation. */
static char *expand_tabs(const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	int col = 0;
	for (const char *p = text; *p; p++) {
		if (*p == '\t') {
			do {
				strbuf_addc(&sb, ' ');
				col++;
			} while (col % TAB_STOP);
			continue;
		}
		strbuf_addc(&sb, *p);
		if (((unsigned char)*p & 0xC0) != 0x80)
			col++;
	}
	return strbuf_detach(&sb);
}

static int digits(int n)
{
	int d = 1;
	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* Expanded frame: "→ 42  faulting line" (highlighted) among "  41  other lines", then
 * "name = value" for each local. */
static void frame_detail(struct stack_render *r, const struct frame *f, int id)
{
	int width = 1;
	for (size_t i = 0; i < f->ncontext; i++)
		if (digits(f->context[i].line_no) > width)
			width = digits(f->context[i].line_no);
	for (size_t i = 0; i < f->ncontext; i++) {
		const struct context_line *c = &f->context[i];
		bool fault = f->line_no > 0 && c->line_no == f->line_no;
		struct line *l = lines_add(r->out, LINE_SOURCE, id, DETAIL_INDENT);
		l->highlight = fault;
		enum color_role gutter = fault ? ROLE_SOURCE_HIGHLIGHT : ROLE_DIM;
		line_seg(l, gutter, fault ? "→ " : "  ");
		line_segf(l, gutter, "%*d  ", width, c->line_no);
		char *code = expand_tabs(c->text ? c->text : "");
		line_seg(l, fault ? ROLE_SOURCE_HIGHLIGHT : ROLE_DEFAULT, code);
		free(code);
	}

	int name_width = 0;
	for (size_t i = 0; i < f->vars.n; i++) {
		int w = render_width_capped(f->vars.items[i].key, VAR_NAME_MAX);
		if (w > name_width)
			name_width = w;
	}
	for (size_t i = 0; i < f->vars.n; i++) {
		struct line *l = lines_add(r->out, LINE_VAR, id, DETAIL_INDENT);
		render_seg_padded(l, ROLE_DEFAULT, f->vars.items[i].key, name_width);
		line_seg(l, ROLE_DIM, " = ");
		line_seg(l, ROLE_DEFAULT, f->vars.items[i].value ? f->vars.items[i].value : "");
	}
	if (f->ncontext == 0 && f->vars.n == 0)
		dim_text(r, id, DETAIL_INDENT, "no source context or local variables");
}

/* ---- one stack ---------------------------------------------------------------------- */

/* What a stack shows, in display order: frames and the two "frames missing" notes. */
enum item_kind { ITEM_FRAME, ITEM_OMITTED, ITEM_DROPPED };

struct item {
	enum item_kind kind;
	size_t index;     /* frame index as sent (ITEM_FRAME) */
};

static bool same_frame(const struct frame *a, const struct frame *b)
{
	return str_eq(a->function, b->function) && str_eq(a->module, b->module) &&
	       str_eq(a->filename, b->filename) && str_eq(a->abs_path, b->abs_path) &&
	       str_eq(a->instruction_addr, b->instruction_addr) && a->line_no == b->line_no &&
	       a->col_no == b->col_no && a->in_app == b->in_app;
}

/* Frames oldest first as sent, the omitted note right after frame framesOmitted[0] (as
 * Sentry places it), the dropped note at the oldest end (the decoder keeps the frames
 * nearest the crash); reversed for newest first. */
static size_t stack_items(const struct stacktrace *st, bool newest_first, struct item *items)
{
	size_t n = 0;
	bool omitted = st->omitted_start != 0 || st->omitted_end != 0;
	size_t omitted_after = st->omitted_start < 0 ? 0 : (size_t)st->omitted_start;
	if (st->nframes > 0 && omitted_after >= st->nframes)
		omitted_after = st->nframes - 1;
	if (st->frames_dropped > 0)
		items[n++] = (struct item){ ITEM_DROPPED, 0 };
	if (omitted && st->nframes == 0)
		items[n++] = (struct item){ ITEM_OMITTED, 0 };
	for (size_t i = 0; i < st->nframes; i++) {
		items[n++] = (struct item){ ITEM_FRAME, i };
		if (omitted && i == omitted_after)
			items[n++] = (struct item){ ITEM_OMITTED, 0 };
	}
	if (newest_first)
		for (size_t i = 0; i < n / 2; i++) {
			struct item t = items[i];
			items[i] = items[n - 1 - i];
			items[n - 1 - i] = t;
		}
	return n;
}

static bool frame_expanded(const struct stack_render *r, int id)
{
	return r->o->expanded && r->o->expanded(r->o->ctx, id);
}

static void render_frames(struct stack_render *r, const struct stacktrace *st, int stack, bool raw)
{
	if (!st) {
		dim_text(r, 0, TEXT_INDENT, "no stack trace");
		return;
	}
	bool any_in_app = false;
	for (size_t i = 0; i < st->nframes && !any_in_app; i++)
		any_in_app = st->frames[i].in_app == 1;
	/* A stack without any in-app frame is shown whole and undimmed: hiding or greying
	 * every frame would hide the crash itself. */
	bool collapse = r->o->in_app_only && any_in_app;

	struct item *items = xcalloc(st->nframes + 2, sizeof(*items));
	size_t n = stack_items(st, r->o->newest_first, items);
	if (n == 0)
		dim_text(r, 0, FRAME_INDENT, "no frames");
	for (size_t i = 0; i < n;) {
		const struct item *it = &items[i];
		if (it->kind == ITEM_DROPPED) {
			struct line *l = lines_add(r->out, LINE_TEXT, 0, FRAME_INDENT);
			line_segf(l, ROLE_DIM, "… %zu more frame%s not kept", st->frames_dropped,
			          st->frames_dropped == 1 ? "" : "s");
			i++;
			continue;
		}
		if (it->kind == ITEM_OMITTED) {
			struct line *l = lines_add(r->out, LINE_TEXT, 0, FRAME_INDENT);
			/* In long long: hostile bounds must not overflow the subtraction. */
			long long count = (long long)st->omitted_end - st->omitted_start;
			if (count > 0)
				line_segf(l, ROLE_DIM, "… %lld frame%s omitted …", count,
				          count == 1 ? "" : "s");
			else
				line_seg(l, ROLE_DIM, "… frames omitted …");
			i++;
			continue;
		}
		const struct frame *f = &st->frames[it->index];
		size_t j = i + 1;
		if (collapse && f->in_app != 1) {
			while (j < n && items[j].kind == ITEM_FRAME &&
			       st->frames[items[j].index].in_app != 1)
				j++;
			/* Indented past the frame marker: the count lines up with function
			 * names. */
			int first = FRAME_ID(stack, raw, (int)it->index);
			struct line *l = lines_add(r->out, LINE_SYSTEM_FRAMES, first,
			                           FRAME_INDENT + 2);
			l->ref2 = FRAME_ID(stack, raw, (int)items[j - 1].index);
			line_segf(l, ROLE_DIM, "%zu system frame%s", j - i, j - i == 1 ? "" : "s");
			i = j;
			continue;
		}
		while (j < n && items[j].kind == ITEM_FRAME &&
		       same_frame(f, &st->frames[items[j].index]))
			j++;
		int id = FRAME_ID(stack, raw, (int)it->index);
		frame_line(r, f, id, j - i, any_in_app);
		if (frame_expanded(r, id))
			frame_detail(r, f, id);
		i = j;
	}
	free(items);

	if (st->registers.n > 0) {
		struct line *l = lines_add(r->out, LINE_TEXT, 0, FRAME_INDENT);
		line_seg(l, ROLE_DIM, "registers");
		for (size_t i = 0; i < st->registers.n; i++) {
			line_seg(l, ROLE_DIM, i == 0 ? "  " : " ");
			line_segf(l, ROLE_DEFAULT, "%s=%s",
			          st->registers.items[i].key ? st->registers.items[i].key : "",
			          st->registers.items[i].value ? st->registers.items[i].value : "");
		}
	}
}

/* ---- the crash ---------------------------------------------------------------------- */

/* The frame a stack crashed in as Sentry opens it: the in-app frame nearest the crash,
 * else the crashing frame itself (frames are sent oldest first). */
static int stack_crash_frame(const struct stacktrace *st, int stack, bool raw)
{
	if (!st || st->nframes == 0)
		return -1;
	for (size_t i = st->nframes; i-- > 0;)
		if (st->frames[i].in_app == 1)
			return FRAME_ID(stack, raw, (int)i);
	return FRAME_ID(stack, raw, (int)st->nframes - 1);
}

static int exception_crash_frame(const struct event *e, size_t index, bool raw)
{
	const struct exception_value *x = &e->exceptions[index];
	bool use_raw = raw && x->raw_stacktrace;
	return stack_crash_frame(use_raw ? x->raw_stacktrace : x->stacktrace, (int)index, use_raw);
}

static int thread_crash_frame(const struct event *e, size_t index, bool raw)
{
	const struct thread *t = &e->threads[index];
	bool use_raw = raw && t->raw_stacktrace;
	return stack_crash_frame(use_raw ? t->raw_stacktrace : t->stacktrace,
	                         (int)(e->nexceptions + index), use_raw);
}

int render_crash_frame(const struct event *e, bool raw)
{
	if (!e)
		return -1;
	/* The raised exception is the last one sent; a chain's earlier ones are causes. */
	for (size_t k = e->nexceptions; k-- > 0;) {
		int id = exception_crash_frame(e, k, raw);
		if (id >= 0)
			return id;
	}
	for (size_t i = 0; i < e->nthreads; i++) {
		int id = e->threads[i].crashed ? thread_crash_frame(e, i, raw) : -1;
		if (id >= 0)
			return id;
	}
	return stack_crash_frame(e->stacktrace, (int)(e->nexceptions + e->nthreads), false);
}

const struct frame *render_frame_by_id(const struct event *e, int id)
{
	if (!e || id < 0)
		return NULL;
	size_t stack = (size_t)(id / 100000), index = (size_t)(id % 50000);
	bool raw = id % 100000 >= 50000;
	const struct stacktrace *st = NULL;
	if (stack < e->nexceptions)
		st = raw ? e->exceptions[stack].raw_stacktrace : e->exceptions[stack].stacktrace;
	else if (stack - e->nexceptions < e->nthreads)
		st = raw ? e->threads[stack - e->nexceptions].raw_stacktrace
		         : e->threads[stack - e->nexceptions].stacktrace;
	else if (stack == e->nexceptions + e->nthreads && !raw)
		st = e->stacktrace;
	return st && index < st->nframes ? &st->frames[index] : NULL;
}

/* ---- blocks ------------------------------------------------------------------------- */

static void render_message(struct stack_render *r, const char *message)
{
	begin_block(r);
	line_seg(lines_add(r->out, LINE_HEADING, 0, 0), ROLE_HEADER, "Message");
	text_lines(r, message, TEXT_INDENT, false);
}

/* "Type: value  root cause · unhandled · mechanism: django · raw", then the rest of a
 * multi-line value, then the frames. */
static void render_exception(struct stack_render *r, size_t index)
{
	const struct exception_value *x = &r->e->exceptions[index];
	bool raw = r->o->raw && x->raw_stacktrace;
	int stack = (int)index;

	begin_block(r);
	struct line *l = lines_add(r->out, LINE_STACK_HEADING,
	                           exception_crash_frame(r->e, index, r->o->raw), 0);
	char *value = x->value ? first_line(x->value) : NULL;
	if (x->type) {
		line_seg(l, ROLE_HEADER, x->type);
		/* Some SDKs (Cocoa NSError) send the same text as type and value. */
		if (value && *value && strcmp(value, x->type) != 0) {
			line_seg(l, ROLE_HEADER, ": ");
			line_seg(l, ROLE_DEFAULT, value);
		}
	} else {
		line_seg(l, ROLE_HEADER, value && *value ? value : "Exception");
	}
	free(value);

	const char *labels[4];
	enum color_role roles[4];
	size_t nlabels = 0;
	char *mechanism = NULL;
	if (r->e->nexceptions > 1 && index == 0) {
		labels[nlabels] = "root cause";
		roles[nlabels++] = ROLE_STATUS_INFO;
	}
	if (x->handled == 0) {
		labels[nlabels] = "unhandled";
		roles[nlabels++] = ROLE_LEVEL_ERROR;
	} else if (x->handled == 1) {
		labels[nlabels] = "handled";
		roles[nlabels++] = ROLE_DIM;
	}
	if (x->mechanism) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "mechanism: %s", x->mechanism);
		mechanism = strbuf_detach(&sb);
		labels[nlabels] = mechanism;
		roles[nlabels++] = ROLE_DIM;
	}
	if (raw) {
		labels[nlabels] = "raw";
		roles[nlabels++] = ROLE_STATUS_INFO;
	}
	heading_labels(l, labels, roles, nlabels);
	free(mechanism);

	if (x->type && x->value)
		text_lines(r, x->value, TEXT_INDENT, true);
	render_frames(r, raw ? x->raw_stacktrace : x->stacktrace, stack, raw);
}

/* "Thread 1: main  crashed · current · raw" and its frames. */
static void render_thread(struct stack_render *r, size_t index)
{
	const struct thread *t = &r->e->threads[index];
	bool raw = r->o->raw && t->raw_stacktrace;
	int stack = (int)(r->e->nexceptions + index);

	begin_block(r);
	struct line *l = lines_add(r->out, LINE_STACK_HEADING,
	                           thread_crash_frame(r->e, index, r->o->raw), 0);
	line_seg(l, ROLE_HEADER, "Thread");
	if (t->id) {
		line_seg(l, ROLE_HEADER, " ");
		line_seg(l, ROLE_HEADER, t->id);
	}
	if (t->name) {
		line_seg(l, ROLE_HEADER, t->id ? ": " : " ");
		line_seg(l, ROLE_DEFAULT, t->name);
	}
	const char *labels[3];
	enum color_role roles[3];
	size_t nlabels = 0;
	if (t->crashed) {
		labels[nlabels] = "crashed";
		roles[nlabels++] = ROLE_LEVEL_ERROR;
	}
	if (t->current) {
		labels[nlabels] = "current";
		roles[nlabels++] = ROLE_DIM;
	}
	if (raw) {
		labels[nlabels] = "raw";
		roles[nlabels++] = ROLE_STATUS_INFO;
	}
	heading_labels(l, labels, roles, nlabels);
	render_frames(r, raw ? t->raw_stacktrace : t->stacktrace, stack, raw);
}

static void render_bare_stack(struct stack_render *r)
{
	begin_block(r);
	int stack = (int)(r->e->nexceptions + r->e->nthreads);
	struct line *l = lines_add(r->out, LINE_STACK_HEADING,
	                           stack_crash_frame(r->e->stacktrace, stack, false), 0);
	line_seg(l, ROLE_HEADER, "Stack trace");
	render_frames(r, r->e->stacktrace, stack, false);
}

/* A transaction's spans are shown by the waterfall: say which key opens it (the
 * user's own binding, else the command). */
static void waterfall_hint(struct line *l)
{
	struct strbuf keys = STRBUF_INIT;
	keymap_keys_display(REQ_WATERFALL, "issue", &keys);
	line_seg(l, ROLE_DEFAULT, "spans: ");
	const char *k = keys.len ? strbuf_str(&keys) : ":waterfall";
	line_segf(l, ROLE_HELP_KEY, "%.*s", (int)strcspn(k, " "), k);
	line_seg(l, ROLE_DEFAULT, " opens the waterfall");
	strbuf_free(&keys);
}

void render_stacktrace(const struct event *e, const struct stack_options *o, struct lines *out)
{
	static const struct stack_options defaults = { .newest_first = true };
	if (!e)
		return;
	struct stack_render r = { e, o ? o : &defaults, out, false };
	bool stacks = e->nexceptions > 0 || e->nthreads > 0 || e->stacktrace;

	/* A logged message explains the exception that came with it; without any stack
	 * the message is all there is. */
	if (e->message_formatted && *e->message_formatted)
		render_message(&r, e->message_formatted);
	else if (!stacks && e->message && *e->message)
		render_message(&r, e->message);

	for (size_t k = 0; k < e->nexceptions; k++)
		render_exception(&r, r.o->newest_first ? e->nexceptions - 1 - k : k);
	/* The crashed thread first: for native crashes its stack is the crash. */
	for (size_t i = 0; i < e->nthreads; i++)
		if (e->threads[i].crashed)
			render_thread(&r, i);
	for (size_t i = 0; i < e->nthreads; i++)
		if (!e->threads[i].crashed)
			render_thread(&r, i);
	if (e->stacktrace)
		render_bare_stack(&r);
	if (!r.started) {
		r.started = true;
		dim_text(&r, 0, 0, "No stack trace or message");
	}

	if (e->nunknown > 0) {
		begin_block(&r);
		for (size_t i = 0; i < e->nunknown; i++) {
			struct line *l = lines_add(out, LINE_TEXT, 0, 0);
			if (e->unknown_entries[i] && strcmp(e->unknown_entries[i], "spans") == 0) {
				waterfall_hint(l);
				continue;
			}
			line_seg(l, ROLE_DIM, "not displayed: ");
			line_seg(l, ROLE_DIM, e->unknown_entries[i] ? e->unknown_entries[i] : "?");
		}
	}
	if (e->processing_errors.n > 0) {
		begin_block(&r);
		line_seg(lines_add(out, LINE_HEADING, 0, 0), ROLE_HEADER, "Processing errors");
		for (size_t i = 0; i < e->processing_errors.n; i++) {
			const struct kv *err = &e->processing_errors.items[i];
			struct line *l = lines_add(out, LINE_TEXT, 0, TEXT_INDENT);
			line_seg(l, ROLE_LEVEL_WARNING, err->key ? err->key : "error");
			if (err->value && *err->value) {
				line_seg(l, ROLE_DEFAULT, "  ");
				line_seg(l, ROLE_DEFAULT, err->value);
			}
		}
	}
}
