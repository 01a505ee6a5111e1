/* Display lines (see lines.h). */
#include "views/lines.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

struct line *lines_add(struct lines *ls, enum line_kind kind, int ref, int indent)
{
	xgrow((void **)&ls->items, &ls->cap, ls->n + 1, sizeof(*ls->items));
	struct line *l = &ls->items[ls->n++];
	memset(l, 0, sizeof(*l));
	l->kind = kind;
	l->ref = ref;
	l->indent = indent;
	return l;
}

void line_seg(struct line *l, enum color_role role, const char *text)
{
	if (!text)
		return;
	xgrow((void **)&l->segs, &l->cap, l->nsegs + 1, sizeof(*l->segs));
	l->segs[l->nsegs++] = (struct segment){ role, xstrdup(text) };
}

void line_segf(struct line *l, enum color_role role, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	xgrow((void **)&l->segs, &l->cap, l->nsegs + 1, sizeof(*l->segs));
	l->segs[l->nsegs++] = (struct segment){ role, strbuf_detach(&sb) };
}

char *line_text(const struct line *l)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < l->nsegs; i++)
		strbuf_adds(&sb, l->segs[i].text);
	return strbuf_detach(&sb);
}

void lines_clear(struct lines *ls)
{
	for (size_t i = 0; i < ls->n; i++) {
		for (size_t s = 0; s < ls->items[i].nsegs; s++)
			free(ls->items[i].segs[s].text);
		free(ls->items[i].segs);
	}
	ls->n = 0;
}

void lines_free(struct lines *ls)
{
	lines_clear(ls);
	free(ls->items);
	ls->items = NULL;
	ls->cap = 0;
}
