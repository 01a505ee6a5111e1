/* Stack traces, exceptions and threads, from the API form (camelCase, "context" as
 * [[lineNo, text], …]) and the ingest form (snake_case, pre_context/context_line/
 * post_context); GlitchTip sends a mix of both in one frame (docs/sentry-api.md §6.1, §6.6,
 * §12). Frames keep the order sent: oldest call first, crashing frame last. */
#include "api/decode_event_parts.h"

#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json_util.h"
#include "api/model.h"
#include "util/xalloc.h"

/* Source lines longer than this are minified bundles; the screen shows far less. */
#define SOURCE_LINE_MAX 4096

/* ---- frame fields ------------------------------------------------------------------ */

/* A line or column number: a whole number, or digits in a string; 0 = unknown
 * (negative, fractional junk and overflow included). */
static int line_number(const json_t *v)
{
	if (json_is_integer(v)) {
		json_int_t i = json_integer_value(v);
		return i <= 0 ? 0 : i > INT_MAX ? INT_MAX : (int)i;
	}
	if (json_is_real(v)) {
		double d = json_real_value(v);
		return isfinite(d) && d >= 1 ? (d >= (double)INT_MAX ? INT_MAX : (int)d) : 0;
	}
	uint64_t u;
	if (json_is_string(v) && parse_u64(json_string_value(v), &u))
		return u > INT_MAX ? INT_MAX : (int)u;
	return 0;
}

/* inApp / in_app: true, false, or null and anything else for "unknown". */
static int tristate(const json_t *v)
{
	if (json_is_true(v))
		return 1;
	if (json_is_false(v))
		return 0;
	return -1;
}

/* Addresses are "0x…" strings in both forms; a number is taken as the address it means. */
static char *address(const json_t *v)
{
	if (json_is_integer(v) && json_integer_value(v) >= 0) {
		char buf[32];
		snprintf(buf, sizeof(buf), "0x%" PRIx64, (uint64_t)json_integer_value(v));
		return xstrdup(buf);
	}
	return json_is_string(v) ? display_text(v, MODEL_MAX_ID) : NULL;
}

static char *field(const json_t *frame, const char *api_key, const char *ingest_key)
{
	const json_t *v = member_either(frame, api_key, ingest_key);
	return json_is_string(v) ? display_text(v, MODEL_MAX_FIELD) : NULL;
}

/* ---- source context ---------------------------------------------------------------- */

/* Where a window of at most EVENT_MAX_CONTEXT lines out of total starts, keeping the
 * faulting line (at index fault, or none when fault >= total) in the middle. */
static size_t window_start(size_t total, size_t fault)
{
	if (total <= EVENT_MAX_CONTEXT)
		return 0;
	size_t half = EVENT_MAX_CONTEXT / 2;
	size_t start = fault < total && fault > half ? fault - half : 0;
	return start > total - EVENT_MAX_CONTEXT ? total - EVENT_MAX_CONTEXT : start;
}

static void add_context_line(struct frame *f, int line_no, const json_t *text)
{
	struct context_line *line = &f->context[f->ncontext++];
	line->line_no = line_no;
	/* A null line still holds its place: the numbers after it stay right. */
	line->text = json_is_string(text) ? display_text(text, SOURCE_LINE_MAX) : xstrdup("");
}

/* API form: [[lineNo, "text"], …]. Items that are not a [number, text] pair are skipped. */
static void decode_api_context(const json_t *lines, struct frame *f)
{
	size_t total = json_array_size(lines), fault = total;
	for (size_t i = 0; i < total && fault == total && f->line_no > 0; i++)
		if (line_number(json_array_get(json_array_get(lines, i), 0)) == f->line_no)
			fault = i;
	size_t start = window_start(total, fault);
	size_t end = total - start > EVENT_MAX_CONTEXT ? start + EVENT_MAX_CONTEXT : total;
	f->context = xcalloc(end - start, sizeof(*f->context));
	for (size_t i = start; i < end; i++) {
		const json_t *pair = json_array_get(lines, i);
		const json_t *no = json_array_get(pair, 0);
		if (json_array_size(pair) < 2 || !json_is_number(no))
			continue;
		add_context_line(f, line_number(no), json_array_get(pair, 1));
	}
}

/* Ingest form: pre_context, context_line, post_context, numbered so the faulting line
 * gets lineno (Sentry's get_context), which it needs: without one there is no context. */
static void decode_ingest_context(const json_t *frame, struct frame *f)
{
	const json_t *pre = member(frame, "pre_context");
	const json_t *line = member(frame, "context_line");
	const json_t *post = member(frame, "post_context");
	if (!json_is_string(line) || f->line_no <= 0)
		return;
	size_t npre = json_array_size(pre), npost = json_array_size(post);
	size_t total = npre + 1 + npost;
	size_t start = window_start(total, npre);
	size_t end = total - start > EVENT_MAX_CONTEXT ? start + EVENT_MAX_CONTEXT : total;
	f->context = xcalloc(end - start, sizeof(*f->context));
	for (size_t i = start; i < end; i++) {
		/* Line numbers are relative to the faulting line at index npre. */
		long long line_no = (long long)f->line_no - (long long)npre + (long long)i;
		const json_t *text = i < npre ? json_array_get(pre, i)
		                     : i == npre ? line : json_array_get(post, i - npre - 1);
		if (line_no < INT_MIN || line_no > INT_MAX) /* only hostile lists get there */
			line_no = line_no < 0 ? INT_MIN : INT_MAX;
		add_context_line(f, (int)line_no, text);
	}
}

/* ---- frames and stack traces ------------------------------------------------------- */

static void decode_frame(const json_t *v, struct frame *f)
{
	f->function = field(v, "function", "function");
	f->raw_function = field(v, "rawFunction", "raw_function");
	f->module = field(v, "module", "module");
	f->filename = field(v, "filename", "filename");
	f->abs_path = field(v, "absPath", "abs_path");
	f->package = field(v, "package", "package");
	f->platform = field(v, "platform", "platform");
	f->symbol = field(v, "symbol", "symbol");
	f->instruction_addr = address(member_either(v, "instructionAddr", "instruction_addr"));
	f->symbol_addr = address(member_either(v, "symbolAddr", "symbol_addr"));
	f->line_no = line_number(member_either(v, "lineNo", "lineno"));
	f->col_no = line_number(member_either(v, "colNo", "colno"));
	f->in_app = tristate(member_either(v, "inApp", "in_app"));

	const json_t *context = member(v, "context");
	if (json_array_size(context) > 0)
		decode_api_context(context, f);
	else
		decode_ingest_context(v, f);

	const json_t *vars = member(v, "vars");
	f->has_vars = json_is_object(vars);
	kv_decode(&f->vars, vars, KV_KEEP_NULL);
}

struct stacktrace *decode_stacktrace(const json_t *v)
{
	if (!json_is_object(v))
		return NULL;
	struct stacktrace *st = xcalloc(1, sizeof(*st));
	const json_t *frames = member(v, "frames");
	size_t total = json_array_size(frames);
	/* Over the cap the oldest calls go: the crashing end is what the screen is for. */
	size_t start = total > EVENT_MAX_FRAMES ? total - EVENT_MAX_FRAMES : 0;
	st->frames_dropped = start;
	st->frames = xcalloc(total - start, sizeof(*st->frames));
	for (size_t i = start; i < total; i++) {
		const json_t *frame = json_array_get(frames, i);
		if (json_is_object(frame))
			decode_frame(frame, &st->frames[st->nframes++]);
	}

	const json_t *omitted = member_either(v, "framesOmitted", "frames_omitted");
	if (json_array_size(omitted) == 2) {
		st->omitted_start = line_number(json_array_get(omitted, 0));
		st->omitted_end = line_number(json_array_get(omitted, 1));
	}
	kv_decode(&st->registers, member(v, "registers"), 0);

	if (st->nframes == 0 && st->registers.n == 0) {
		stacktrace_free(st);
		return NULL;
	}
	return st;
}

/* ---- exceptions and threads -------------------------------------------------------- */

/* The list inside {"values": […]}, or v itself when it is already a list. */
static const json_t *values_of(const json_t *v)
{
	return json_is_array(v) ? v : member(v, "values");
}

static void decode_exception(const json_t *v, struct exception_value *ex)
{
	ex->type = string_member(v, "type", MODEL_MAX_FIELD);
	ex->value = display_text(member(v, "value"), EVENT_MAX_VALUE);
	ex->module = string_member(v, "module", MODEL_MAX_FIELD);
	ex->thread_id = id_member(v, "threadId");
	if (!ex->thread_id)
		ex->thread_id = id_member(v, "thread_id");
	const json_t *mechanism = member(v, "mechanism");
	ex->mechanism = string_member(mechanism, "type", MODEL_MAX_ID);
	ex->handled = tristate(member(mechanism, "handled"));
	ex->synthetic = bool_member(mechanism, "synthetic");
	ex->stacktrace = decode_stacktrace(member(v, "stacktrace"));
	ex->raw_stacktrace = decode_stacktrace(member_either(v, "rawStacktrace", "raw_stacktrace"));
}

void decode_exceptions(const json_t *v, struct event *e)
{
	const json_t *list = values_of(v);
	size_t total = json_array_size(list);
	if (total == 0)
		return;
	/* The raised exception is last; over the cap the oldest causes go. */
	size_t room = EVENT_MAX_EXCEPTIONS - e->nexceptions;
	size_t start = total > room ? total - room : 0;
	e->exceptions = xrealloc(e->exceptions,
	                         (e->nexceptions + total - start) * sizeof(*e->exceptions));
	for (size_t i = start; i < total; i++) {
		const json_t *item = json_array_get(list, i);
		if (!json_is_object(item))
			continue;
		struct exception_value *ex = &e->exceptions[e->nexceptions++];
		memset(ex, 0, sizeof(*ex));
		decode_exception(item, ex);
	}
}

void decode_threads(const json_t *v, struct event *e)
{
	const json_t *list = values_of(v);
	size_t total = json_array_size(list);
	size_t room = EVENT_MAX_THREADS - e->nthreads;
	if (total > room)
		total = room;
	if (total == 0)
		return;
	e->threads = xrealloc(e->threads, (e->nthreads + total) * sizeof(*e->threads));
	for (size_t i = 0; i < total; i++) {
		const json_t *item = json_array_get(list, i);
		if (!json_is_object(item))
			continue;
		struct thread *t = &e->threads[e->nthreads++];
		memset(t, 0, sizeof(*t));
		t->id = id_member(item, "id");
		t->name = string_member(item, "name", MODEL_MAX_FIELD);
		t->current = bool_member(item, "current");
		t->crashed = bool_member(item, "crashed");
		t->stacktrace = decode_stacktrace(member(item, "stacktrace"));
		t->raw_stacktrace =
			decode_stacktrace(member_either(item, "rawStacktrace", "raw_stacktrace"));
	}
}
