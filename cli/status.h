/* `sentry-tui status`: one short line for a tmux status-right, and exit.
 *
 * The counts come from one request (the stream's query, its first 100 issues):
 *   unresolved  how many issues match the query (X-Hits; the default query is
 *               is:unresolved), "100+" when the server sends no count
 *   new         of those first 100 (most recent first), the ones Sentry marks new
 *               (substatus new: first seen in the last 7 days)
 *   escalating  ... substatus escalating;   regressed ... substatus regressed
 * The answer is cached per server, organization, profile and query in
 * $XDG_CACHE_HOME/sentry-tui/ (mode 0600, counts only) for --ttl seconds (30), so tmux
 * asking every few seconds costs one request per TTL. When the server fails, the last
 * line is printed again with " (stale)" and the exit status says why (cli/session.h).
 */
#ifndef CLI_STATUS_H
#define CLI_STATUS_H

#include <stdbool.h>

#include "cli/options.h"
#include "cli/session.h"
#include "util/strbuf.h"

#define CLI_STATUS_DEFAULT_TTL 30

struct status_counts {
	long long unresolved;
	bool unresolved_more;  /* no X-Hits and more pages: at least unresolved */
	long long new_issues;
	long long escalating;
	long long regressed;
	bool known;            /* false: never fetched (the fields print "?") */
};

/* Render counts through template (NULL = the default line). ascii: no "⚠"/"·"; tmux:
 * #[fg=…] styles; stale: " (stale)" where the template says {stale}, or at the end.
 * Returns false, with a sentence in err, for an unknown {field}. */
bool status_render(const char *template, const struct status_counts *c, bool ascii,
                   bool tmux, bool stale, struct strbuf *out, struct strbuf *err);

int cli_status(struct cli_session *s, const struct cli_options *o);

#endif
