/* Owned models: freeing and level names (see model.h). */
#include "api/model.h"

#include <stdlib.h>
#include <string.h>

#include "util/strpool.h"
#include "util/xalloc.h"
#include <strings.h>

void actor_free(struct actor *a)
{
	if (!a)
		return;
	/* Interned when decoded from a list (util/strpool.h); heap copies otherwise. */
	strpool_release(a->type);
	strpool_release(a->id);
	strpool_release(a->name);
	strpool_release(a->email);
	memset(a, 0, sizeof(*a));
}

struct actor *actor_dup(const struct actor *a)
{
	if (!a)
		return NULL;
	struct actor *copy = xcalloc(1, sizeof(*copy));
	copy->type = xstrdup_or_null(a->type);
	copy->id = xstrdup_or_null(a->id);
	copy->name = xstrdup_or_null(a->name);
	copy->email = xstrdup_or_null(a->email);
	return copy;
}

void issue_free(struct issue *issue)
{
	if (!issue)
		return;
	free(issue->id);
	if (!issue->packed_text) {
		free(issue->short_id);
		free(issue->title);
		free(issue->culprit);
		free(issue->permalink);
	}
	strpool_release(issue->level_name);
	strpool_release(issue->status);
	strpool_release(issue->substatus);
	strpool_release(issue->priority);
	strpool_release(issue->type);
	strpool_release(issue->platform);
	strpool_release(issue->project_id);
	strpool_release(issue->project_slug);
	strpool_release(issue->project_name);
	/* assigned_to is the only member the issue owns by pointer, so it goes with it. */
	actor_free(issue->assigned_to);
	free(issue->assigned_to);
	free(issue->stats);
	strpool_release(issue->stats_period);
	memset(issue, 0, sizeof(*issue));
}

void issue_clone(const struct issue *src, struct issue *dst)
{
	*dst = *src;
	dst->packed_text = false;
	dst->id = xstrdup_or_null(src->id);
	dst->short_id = xstrdup_or_null(src->short_id);
	dst->title = xstrdup_or_null(src->title);
	dst->culprit = xstrdup_or_null(src->culprit);
	dst->level_name = xstrdup_or_null(src->level_name);
	dst->status = xstrdup_or_null(src->status);
	dst->substatus = xstrdup_or_null(src->substatus);
	dst->priority = xstrdup_or_null(src->priority);
	dst->type = xstrdup_or_null(src->type);
	dst->platform = xstrdup_or_null(src->platform);
	dst->permalink = xstrdup_or_null(src->permalink);
	dst->project_id = xstrdup_or_null(src->project_id);
	dst->project_slug = xstrdup_or_null(src->project_slug);
	dst->project_name = xstrdup_or_null(src->project_name);
	dst->stats_period = xstrdup_or_null(src->stats_period);
	if (src->assigned_to) {
		dst->assigned_to = xcalloc(1, sizeof(*dst->assigned_to));
		dst->assigned_to->type = xstrdup_or_null(src->assigned_to->type);
		dst->assigned_to->id = xstrdup_or_null(src->assigned_to->id);
		dst->assigned_to->name = xstrdup_or_null(src->assigned_to->name);
		dst->assigned_to->email = xstrdup_or_null(src->assigned_to->email);
	}
	if (src->stats && src->nstats) {
		dst->stats = xmalloc(src->nstats * sizeof(*src->stats));
		memcpy(dst->stats, src->stats, src->nstats * sizeof(*src->stats));
	} else {
		dst->stats = NULL;
		dst->nstats = 0;
	}
}

void issue_list_free(struct issue **issues, size_t n)
{
	if (!issues)
		return;
	for (size_t i = 0; i < n; i++) {
		issue_free(issues[i]);
		free(issues[i]);
	}
	free(issues);
}

void project_free(struct project *p)
{
	if (!p)
		return;
	free(p->id);
	free(p->slug);
	free(p->name);
	free(p->platform);
	for (size_t i = 0; i < p->nenvironments; i++)
		free(p->environments[i]);
	free(p->environments);
	memset(p, 0, sizeof(*p));
}

void project_list_free(struct project *projects, size_t n)
{
	if (!projects)
		return;
	for (size_t i = 0; i < n; i++)
		project_free(&projects[i]);
	free(projects);
}

static const struct {
	enum issue_level level;
	const char *name;
} level_names[] = {
	{ LEVEL_FATAL, "fatal" },
	{ LEVEL_ERROR, "error" },
	{ LEVEL_WARNING, "warning" },
	{ LEVEL_INFO, "info" },
	{ LEVEL_DEBUG, "debug" },
	{ LEVEL_SAMPLE, "sample" },
};

const char *issue_level_name(enum issue_level level)
{
	for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++)
		if (level_names[i].level == level)
			return level_names[i].name;
	return "unknown";
}

enum issue_level issue_level_parse(const char *s)
{
	if (!s)
		return LEVEL_UNKNOWN;
	/* Sentry sends lower case; other servers and old SDK data are not that careful. */
	for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++)
		if (strcasecmp(s, level_names[i].name) == 0)
			return level_names[i].level;
	return LEVEL_UNKNOWN;
}
