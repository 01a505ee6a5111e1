/* Looking up an issue by short id or numeric id (see issue_lookup.h). */
#include "store/issue_lookup.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static void clear(struct issue_lookup *l)
{
	free(l->asked);
	free(l->event);
	l->asked = NULL;
	l->event = NULL;
	l->request = 0;
}

static void on_answer(void *ctx, struct detail_result *r)
{
	struct issue_lookup *l = ctx;
	const struct issue *found = r->issue ? r->issue : r->detail ? &r->detail->issue : NULL;
	if (r->error || !found || !found->id)
		found = NULL;
	/* Taken out first: done may start the next lookup. */
	char *asked = l->asked, *event = l->event;
	l->asked = l->event = NULL;
	l->request = 0;
	l->done(l->ctx, asked, found, event,
	        found ? NULL : r->error ? r->error : "the server's answer has no issue id");
	free(asked);
	free(event);
	detail_result_free(r);
}

void issue_lookup_start(struct issue_lookup *l, const struct sentry_target *t,
                        const struct issue_ref *ref, issue_lookup_fn done, void *ctx)
{
	issue_lookup_cancel(l);
	l->target = t;
	l->done = done;
	l->ctx = ctx;
	l->asked = xstrdup(ref->issue);
	l->event = xstrdup_or_null(ref->event);
	l->request = ref->kind == ISSUE_REF_SHORT_ID
	             ? api_lookup_short_id(t, ref->issue, on_answer, l)
	             : api_get_issue(t, ref->issue, on_answer, l);
}

bool issue_lookup_busy(const struct issue_lookup *l)
{
	return l->request != 0;
}

void issue_lookup_cancel(struct issue_lookup *l)
{
	if (l->request && l->target)
		api_cancel(l->target->client, l->request);
	clear(l);
}
