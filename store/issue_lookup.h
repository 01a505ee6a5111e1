/* Finding an issue that `:open` names but the stream has not loaded: a short id through
 * the short-id lookup, a numeric id through the issue itself. One lookup at a time: a
 * new one cancels the one in flight. */
#ifndef STORE_ISSUE_LOOKUP_H
#define STORE_ISSUE_LOOKUP_H

#include "api/issue_endpoints.h"
#include "api/permalink.h"

/* found is the issue (borrowed for the call), event the event the reference asked for
 * (NULL = the recommended one); on failure found is NULL and error says why. */
typedef void (*issue_lookup_fn)(void *ctx, const char *asked, const struct issue *found,
                                const char *event, const char *error);

struct issue_lookup {
	const struct sentry_target *target;
	unsigned long request;
	char *asked;          /* the id as the user gave it, for messages */
	char *event;
	issue_lookup_fn done;
	void *ctx;
};

/* Start looking ref up; done runs from a later API callback (never from here). */
void issue_lookup_start(struct issue_lookup *l, const struct sentry_target *t,
                        const struct issue_ref *ref, issue_lookup_fn done, void *ctx);
/* Is a lookup in flight? */
bool issue_lookup_busy(const struct issue_lookup *l);
/* Cancel the lookup in flight (done is not called) and free what it holds. */
void issue_lookup_cancel(struct issue_lookup *l);

#endif
