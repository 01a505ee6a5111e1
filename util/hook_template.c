/* Key command templates (see hook_template.h). */
#include "util/hook_template.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

const char *const hook_fields[] = {
	"short_id", "id", "permalink", "title", "project", "event_id", "file", "line", NULL,
};

static bool known_field(const char *name, size_t len)
{
	for (size_t i = 0; hook_fields[i]; i++)
		if (strlen(hook_fields[i]) == len && strncmp(hook_fields[i], name, len) == 0)
			return true;
	return false;
}

/* The command after "!" or "!!". */
static const char *body_of(const char *command, bool *pager)
{
	*pager = strncmp(command, "!!", 2) == 0;
	return command + (*pager ? 2 : 1);
}

/* Calls word(ctx, start, len) for each word; false on an unclosed quote. Quotes are
 * removed from the text handed on. */
static bool each_word(const char *p, void (*word)(void *ctx, const char *text, size_t len),
                      void *ctx)
{
	struct strbuf w = STRBUF_INIT;
	bool ok = true;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		strbuf_reset(&w);
		while (*p && *p != ' ' && *p != '\t') {
			if (*p == '"' || *p == '\'') {
				char q = *p++;
				const char *end = strchr(p, q);
				if (!end) {
					ok = false;
					goto out;
				}
				strbuf_add(&w, p, (size_t)(end - p));
				p = end + 1;
			} else {
				strbuf_addc(&w, *p++);
			}
		}
		word(ctx, w.buf ? w.buf : "", w.len);
	}
out:
	strbuf_free(&w);
	return ok;
}

struct check {
	struct strbuf *err;
	size_t words;
};

static void check_word(void *ctx, const char *text, size_t len)
{
	struct check *c = ctx;
	c->words++;
	const char *end = text + len;
	for (const char *p = text; p < end && !c->err->len; p++) {
		if (p[0] != '%' || p + 1 >= end || p[1] != '(')
			continue;
		const char *close = memchr(p, ')', (size_t)(end - p));
		if (!close) {
			strbuf_addf(c->err, "a %%(field) is not closed in this key command");
			return;
		}
		if (!known_field(p + 2, (size_t)(close - p - 2))) {
			strbuf_addf(c->err, "unknown field %%(%.*s) in this key command (fields: short_id, id, "
			                    "permalink, title, project, event_id, file, line)",
			            (int)(close - p - 2), p + 2);
			return;
		}
		if (c->words == 1) {
			strbuf_adds(c->err, "the program of a key command cannot be a %(field)");
			return;
		}
	}
}

bool hook_template_check(const char *command, struct strbuf *err)
{
	if (command[0] != '!') {
		strbuf_addf(err, "a key command starts with ! (output in the status line) or !! (in a "
		                 "pager), e.g. \"!jira-create %%(short_id)\"");
		return false;
	}
	bool pager;
	struct check c = { err, 0 };
	if (!each_word(body_of(command, &pager), check_word, &c)) {
		strbuf_adds(err, "a quote is not closed in this key command");
		return false;
	}
	if (!err->len && c.words == 0)
		strbuf_adds(err, "a key command needs a program after the !");
	return err->len == 0;
}

struct expand {
	const char *(*value)(void *ctx, const char *field);
	void *ctx;
	char **argv;
	size_t n, cap;
};

static void expand_word(void *ctx, const char *text, size_t len)
{
	struct expand *x = ctx;
	struct strbuf out = STRBUF_INIT;
	const char *end = text + len;
	for (const char *p = text; p < end;) {
		const char *close = p[0] == '%' && p + 1 < end && p[1] == '(' ? memchr(p, ')', (size_t)(end - p)) : NULL;
		if (close) {
			char field[32];
			size_t flen = (size_t)(close - p - 2);
			if (flen >= sizeof(field))
				flen = sizeof(field) - 1;
			memcpy(field, p + 2, flen);
			field[flen] = '\0';
			const char *v = x->value(x->ctx, field);
			strbuf_adds(&out, v ? v : "");
			p = close + 1;
		} else {
			strbuf_addc(&out, *p++);
		}
	}
	xgrow((void **)&x->argv, &x->cap, x->n + 2, sizeof(*x->argv));
	x->argv[x->n++] = strbuf_detach(&out);
	x->argv[x->n] = NULL;
}

char **hook_template_expand(const char *command,
                            const char *(*value)(void *ctx, const char *field), void *ctx,
                            bool *pager)
{
	struct expand x = { value, ctx, NULL, 0, 0 };
	xgrow((void **)&x.argv, &x.cap, 1, sizeof(*x.argv));
	x.argv[0] = NULL;
	each_word(body_of(command, pager), expand_word, &x);
	return x.argv;
}

void hook_argv_free(char **argv)
{
	for (size_t i = 0; argv && argv[i]; i++)
		free(argv[i]);
	free(argv);
}
