/* The command-line session (see session.h). */
#include "cli/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/project_cache.h"
#include "tui/sanitize.h"
#include "util/strbuf.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

void cli_error(const char *message)
{
	struct strbuf clean = STRBUF_INIT;
	sanitize_to_utf8(message, -1, false, &clean);
	fprintf(stderr, "sentry-tui: %s\n", strbuf_str(&clean));
	strbuf_free(&clean);
}

int cli_exit_for_http(long status)
{
	if (status == 0)
		return CLI_NETWORK;
	if (status == 401 || status == 403)
		return CLI_AUTH;
	return CLI_SERVER;
}

/* Rate-limit notices ("retrying in 3s") say why a script waits. */
static void on_notice(void *ctx, const char *message)
{
	(void)ctx;
	cli_error(message);
}

void cli_client_options(const struct config *cfg, struct api_client_options *opts)
{
	*opts = (struct api_client_options){
		.base_url = cfg->url,
		.token = cfg->token,
		.ca_bundle = cfg->ca_bundle,
		.timeout_s = cfg->timeout,
	};
	const char *backoff = getenv("SENTRY_TUI_BACKOFF_MS"); /* tests shorten retries */
	if (backoff)
		opts->backoff_ms = atoll(backoff);
	/* Under valgrind a TLS handshake that loads the system's CA store costs seconds of
	 * CPU; on a loaded machine the tests lengthen the connect phase's limit. */
	const char *connect = getenv("SENTRY_TUI_CONNECT_TIMEOUT_S");
	if (connect && atol(connect) > 0)
		opts->connect_timeout_s = atol(connect);
	const char *cap = getenv("SENTRY_TUI_MAX_RESPONSE_KB"); /* tests lower the size cap */
	if (cap && atol(cap) > 0)
		opts->max_response = (size_t)atol(cap) * 1024;
}

int cli_session_open(struct cli_session *s, int argc, char **argv)
{
	memset(s, 0, sizeof(*s));
	struct strbuf out = STRBUF_INIT, errors = STRBUF_INIT, warnings = STRBUF_INIT;
	enum config_result cr = config_load(&s->cfg, argc, argv, NULL, &out, &errors, &warnings);
	fputs(strbuf_str(&warnings), stderr);
	fputs(strbuf_str(&out), stdout);
	fputs(strbuf_str(&errors), stderr);
	strbuf_free(&out);
	strbuf_free(&errors);
	strbuf_free(&warnings);
	if (cr != CONFIG_OK)
		return cr == CONFIG_EXIT_OK ? -1 : CLI_USAGE;
	if (config_missing_server(&s->cfg)) {
		fputs(config_missing_server(&s->cfg), stderr);
		return CLI_USAGE;
	}
	const char *now = getenv("SENTRY_TUI_NOW");
	if (now && *now && !time_pin(now)) {
		fprintf(stderr, "sentry-tui: SENTRY_TUI_NOW: cannot parse '%s'\n", now);
		return CLI_USAGE;
	}
	struct api_client_options opts;
	cli_client_options(&s->cfg, &opts);
	s->client = api_client_new(&opts, on_notice, NULL);
	s->target.client = s->client;
	s->target.base_url = s->cfg.url;
	s->target.org = s->cfg.org;
	server_caps_init(&s->caps, s->cfg.server_kind);
	s->target.caps = &s->caps;
	return CLI_OK;
}

void cli_session_run(struct cli_session *s, const bool *done)
{
	/* Callbacks may queue more (the next page), so idle is checked after each pass. */
	while (!*done && !api_idle(s->client)) {
		long retry_ms = api_timeout_ms(s->client);
		if (api_wait(s->client, NULL, 0, retry_ms >= 0 && retry_ms < 1000 ? (int)retry_ms : 1000) < 0)
			break;
		api_perform(s->client);
	}
}

static void on_projects(void *ctx)
{
	struct cli_session *s = ctx;
	s->projects_done = true;
}

int cli_session_resolve_projects(struct cli_session *s)
{
	if (!s->cfg.nprojects)
		return CLI_OK;
	project_store_init(&s->projects, &s->target, on_projects, s);
	project_store_load(&s->projects);
	cli_session_run(s, &s->projects_done);
	if (!s->projects.ready) {
		cli_error(s->projects.error ? s->projects.error : "cannot load the projects");
		return CLI_SERVER;
	}
	s->project_ids = xcalloc(s->cfg.nprojects, sizeof(char *));
	for (size_t i = 0; i < s->cfg.nprojects; i++) {
		const struct project *p = project_store_find(&s->projects, s->cfg.projects[i]);
		if (!p) {
			struct strbuf sb = STRBUF_INIT;
			strbuf_addf(&sb, "project '%s' not found in organization '%s'",
			            s->cfg.projects[i], s->cfg.org);
			cli_error(strbuf_str(&sb));
			strbuf_free(&sb);
			return CLI_USAGE;
		}
		s->project_ids[s->nproject_ids++] = p->id;
	}
	project_cache_store(&s->cfg, &s->projects);
	return CLI_OK;
}

int cli_session_resolve_projects_cached(struct cli_session *s)
{
	char **ids = s->cfg.nprojects ? project_cache_lookup(&s->cfg) : NULL;
	if (!ids)
		return cli_session_resolve_projects(s);
	s->cached_ids = ids;
	s->project_ids = xcalloc(s->cfg.nprojects, sizeof(char *));
	for (size_t i = 0; i < s->cfg.nprojects; i++)
		s->project_ids[s->nproject_ids++] = ids[i];
	s->projects_cached = true;
	return CLI_OK;
}

int cli_session_refresh_projects(struct cli_session *s)
{
	project_cache_forget(&s->cfg);
	free(s->project_ids);
	s->project_ids = NULL;
	s->nproject_ids = 0;
	project_cache_ids_free(s->cached_ids, s->cfg.nprojects);
	s->cached_ids = NULL;
	s->projects_cached = false;
	return cli_session_resolve_projects(s);
}

void cli_session_close(struct cli_session *s)
{
	free(s->project_ids);
	project_cache_ids_free(s->cached_ids, s->cfg.nprojects);
	if (s->projects.target)
		project_store_free(&s->projects);
	api_client_free(s->client);
	config_free(&s->cfg);
}
