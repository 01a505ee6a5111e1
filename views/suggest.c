/* Suggestions for mistyped commands and unbound keys (see suggest.h). */
#include "views/suggest.h"

#include <stdlib.h>
#include <string.h>

#include "tui/keymap.h"
#include "tui/keys.h"
#include "util/xalloc.h"
#include "views/commands.h"

size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	/* Three rows of the classic table: two back are needed for transpositions. */
	size_t *prev2 = xcalloc(lb + 1, sizeof(size_t));
	size_t *prev = xcalloc(lb + 1, sizeof(size_t));
	size_t *cur = xcalloc(lb + 1, sizeof(size_t));
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (prev[j - 1] + cost < best)
				best = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	size_t d = prev[lb];
	free(prev2);
	free(prev);
	free(cur);
	return d;
}

/* How far a typo may be from the name it meant: one edit in short names, more in
 * long ones, never so many that any word matches. */
static size_t allowed_edits(size_t len)
{
	return len <= 4 ? 1 : len <= 8 ? 2 : 3;
}

struct nearest {
	const char *typed;
	const char *best;
	size_t best_distance;
};

static void consider(struct nearest *n, const char *candidate)
{
	if (!candidate)
		return;
	size_t d = edit_distance(n->typed, candidate);
	/* A clear beginning of a longer name ("unass") counts as a near miss too. */
	size_t len = strlen(n->typed);
	if (d > 1 && len >= 3 && strncmp(candidate, n->typed, len) == 0)
		d = 1;
	if (d < n->best_distance) {
		n->best = candidate;
		n->best_distance = d;
	}
}

const char *suggest_command(const char *name, bool read_only)
{
	struct nearest n = { name, NULL, allowed_edits(strlen(name)) + 1 };
	size_t ncommands;
	const struct command_info *commands = command_table(&ncommands);
	for (size_t i = 0; i < ncommands; i++) {
		if (read_only && commands[i].mutates)
			continue;
		consider(&n, commands[i].name);
		consider(&n, commands[i].alias);
	}
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		const struct request_info *info = request_info((enum request)r);
		if ((info->flags & REQF_HIDDEN) || (read_only && (info->flags & REQF_MUTATES)))
			continue;
		consider(&n, info->name);
	}
	return n.best_distance > 0 ? n.best : NULL;
}

static const char *scope_place(const char *scope);

void suggest_unknown_command(const char *name, bool read_only, struct strbuf *out)
{
	const struct command_info *c = command_find(name);
	if (c && strcmp(c->scope, "generic") != 0) {
		strbuf_addf(out, ":%s works in %s", c->name, scope_place(c->scope));
		return;
	}
	const char *near = suggest_command(name, read_only);
	if (near)
		strbuf_addf(out, "unknown command '%s' — did you mean :%s?", name, near);
	else
		strbuf_addf(out, "unknown command '%s' — ? lists the commands", name);
}

static const char *scope_place(const char *scope)
{
	if (strcmp(scope, "issues") == 0)
		return "the issue stream";
	if (strcmp(scope, "issue") == 0)
		return "the issue screen";
	return scope;
}

/* A letter in the other case: R for r. */
static int other_case(int key)
{
	if (key >= 'a' && key <= 'z')
		return key - 'a' + 'A';
	if (key >= 'A' && key <= 'Z')
		return key - 'A' + 'a';
	return -1;
}

void suggest_unbound_key(const char *scope, int key, bool read_only, struct strbuf *out)
{
	char name[32], other_name[32];
	key_display(key, name, sizeof(name));
	const char *where = NULL;
	enum request req = keymap_lookup_elsewhere(scope, key, &where);
	const struct request_info *info = request_info(req);
	if (info && !(read_only && (info->flags & REQF_MUTATES))) {
		strbuf_addf(out, "%s works in %s: %s", name, scope_place(where), info->name);
		return;
	}
	int other = other_case(key);
	info = other >= 0 ? request_info(keymap_lookup(scope, other)) : NULL;
	if (info && !(read_only && (info->flags & REQF_MUTATES))) {
		strbuf_addf(out, "%s is not bound here — did you mean %s (%s)?", name,
		            key_display(other, other_name, sizeof(other_name)), info->name);
		return;
	}
	strbuf_addf(out, "%s is not bound here — ? lists the keys", name);
}
