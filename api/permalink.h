/* What the user typed after `:open` (or `sentry-tui open`): a short id, an issue id, or
 * an issue/event link of the server as pasted from a browser or a chat. Pure: no I/O.
 *
 * Accepted (any case for short ids; query strings and fragments are ignored):
 *   BACKEND-4B                       short id (sent upper-cased)
 *   4500000002                       numeric issue id
 *   https://acme.sentry.io/issues/4500000002/                org subdomain
 *   https://sentry.io/organizations/acme/issues/4500000002/  org in the path
 *   …/issues/4500000002/events/<32 hex or uuid>/             that event of the issue
 *   …/issues/4500000002/events/latest/ (oldest, recommended)  likewise
 *   …/issues/BACKEND-4B/…                                      a short id in a link
 *   https://sentry.io/acme/backend/issues/1/                 Sentry's older permalinks
 *   https://glitchtip.example/acme/issues/1                   GlitchTip's links
 *   acme.sentry.io/issues/1/                                  without the scheme
 *   <https://…|label>, "https://…"                           as chat apps wrap links
 *   backend:1b560407ef796200063ed69cc4a686b5                  an event (a transaction) of a project
 *   …/performance/backend:<event>/, …/discover/backend:<event>/,
 *   …/projects/backend/events/<event>/                       likewise, as links
 *   …/trace/<32 hex>/ (performance/trace, explore/traces/trace) a whole trace
 * A link must be for the configured server (its host, or an org subdomain of it, also
 * of sentry.io for the us./de. region hosts) and, where it names one, the configured
 * organization; otherwise err says which host or org it is for. Shared-issue links
 * (/share/issue/…) are refused: they carry no issue id. */
#ifndef API_PERMALINK_H
#define API_PERMALINK_H

#include <stdbool.h>

#include "util/strbuf.h"

enum issue_ref_kind {
	ISSUE_REF_SHORT_ID,
	ISSUE_REF_NUMERIC,
	ISSUE_REF_EVENT,     /* project + event: one event, not through its issue */
	ISSUE_REF_TRACE,     /* trace: a whole trace */
};

struct issue_ref {
	enum issue_ref_kind kind;
	char *issue;   /* "BACKEND-4B" (upper case) or "4500000002"; NULL for an event or
	                  a trace; owned */
	char *event;   /* from an event link: an event id, latest, oldest or recommended;
	                  ISSUE_REF_EVENT: the event's id; NULL otherwise; owned */
	char *project; /* ISSUE_REF_EVENT: the project slug; owned */
	char *trace;   /* ISSUE_REF_TRACE: the 32-hex trace id; owned */
};

/* Parse text. base_url and org are the configured server and organization. On success
 * fills *out (free with issue_ref_free); on failure *out is zeroed and err gets one
 * sentence saying what was wrong and what is accepted. */
bool issue_ref_parse(const char *text, const char *base_url, const char *org,
                     struct issue_ref *out, struct strbuf *err);
void issue_ref_free(struct issue_ref *ref);

/* True for a short id: a project slug, "-", a base-32 suffix ("BACKEND-4B",
 * "pump-station-1"). */
bool issue_ref_is_short_id(const char *text);

#endif
