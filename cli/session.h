/* What `list` and `status` share: the config (the same flags, profile, config file and
 * defaults as the TUI), an API client driven to completion without curses, the
 * project slugs resolved to ids, and the exit statuses.
 *
 * Exit statuses (README.md, "Scripting"):
 *   0 results (status: a fresh or cached line)   1 nothing matched (list)
 *   2 usage or config error                       3 the server answered with an error
 *   4 authentication or permission (401, 403)     5 no answer: network, DNS, TLS, timeout
 */
#ifndef CLI_SESSION_H
#define CLI_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "api/endpoints.h"
#include "config/config.h"
#include "store/projects.h"

enum cli_exit {
	CLI_OK = 0,
	CLI_NONE = 1,
	CLI_USAGE = 2,
	CLI_SERVER = 3,
	CLI_AUTH = 4,
	CLI_NETWORK = 5,
};

struct cli_session {
	struct config cfg;
	struct api_client *client;
	struct sentry_target target;
	struct server_caps caps;    /* target.caps points here */
	struct project_store projects;
	bool projects_done;
	const char **project_ids;   /* borrowed from projects or cached_ids; the array is owned */
	size_t nproject_ids;
	char **cached_ids;          /* the ids remembered from an earlier run (project_cache.h) */
	bool projects_cached;       /* project_ids came from there, unconfirmed by the server */
};

/* The API client's options for cfg's server, with the tests' knobs
 * (SENTRY_TUI_BACKOFF_MS, SENTRY_TUI_MAX_RESPONSE_KB): one place for list, status,
 * profiles --probe and the TUI. */
void cli_client_options(const struct config *cfg, struct api_client_options *opts);

/* Load the config from argv (the subcommand's own options already taken out). Returns
 * CLI_OK, or the status to exit with after the message went to stderr (--help: 0). */
int cli_session_open(struct cli_session *s, int argc, char **argv);
/* Resolve the configured project slugs (none = every project, no request). Returns
 * CLI_OK or an exit status after the message went to stderr. */
int cli_session_resolve_projects(struct cli_session *s);
/* The same, from the ids an earlier run remembered when it has them all (no request):
 * then projects_cached is set, and an answer that shows an id stale (a 403 or 404, an
 * issue of that id under another slug) calls for cli_session_refresh_projects. */
int cli_session_resolve_projects_cached(struct cli_session *s);
/* Forget the remembered ids and resolve the slugs with the server. */
int cli_session_refresh_projects(struct cli_session *s);
/* Drive the client until *done (set by a callback) or nothing is left to do. */
void cli_session_run(struct cli_session *s, const bool *done);
void cli_session_close(struct cli_session *s);

/* The exit status for a failed request: status is the HTTP status, 0 = no answer. */
int cli_exit_for_http(long status);
/* "sentry-tui: MESSAGE" on stderr, the message sanitized. */
void cli_error(const char *message);

#endif
