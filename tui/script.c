/* Script file reader (see script.h). */
#include "tui/script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

struct script {
	char **lines;
	size_t n, cap, pos;
};

struct script *script_open(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	struct script *s = xcalloc(1, sizeof(*s));
	char *line = NULL;
	size_t len = 0;
	ssize_t got;
	while ((got = getline(&line, &len, f)) >= 0) {
		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = '\0';
		const char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		xgrow((void **)&s->lines, &s->cap, s->n + 1, sizeof(*s->lines));
		s->lines[s->n++] = xstrdup(p);
	}
	free(line);
	fclose(f);
	return s;
}

const char *script_peek(struct script *s, bool *no_wait)
{
	if (s->pos >= s->n)
		return NULL;
	const char *l = s->lines[s->pos];
	*no_wait = l[0] == '~' || strncmp(l, ":wait-for ", 10) == 0;
	return l[0] == '~' ? l + 1 : l;
}

void script_advance(struct script *s)
{
	if (s->pos < s->n)
		s->pos++;
}

void script_free(struct script *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->lines[i]);
	free(s->lines);
	free(s);
}
