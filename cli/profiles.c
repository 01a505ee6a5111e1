/* `sentry-tui profiles [--probe]`: the config's profiles, one line each: the one in use
 * marked, its server kind as configured (server_kind) and, with --probe, as the server's
 * own answer shows it (one small request per profile), its org and URL. Without --probe
 * no token_command runs and nothing is sent. */
#include "cli/profiles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/client.h"
#include "api/server_caps.h"
#include "api/url.h"
#include "cli/session.h"
#include "tui/sanitize.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct probe {
	bool done;
	long status;
	char *error;
};

static void on_probe(void *ctx, const struct api_response *resp)
{
	struct probe *p = ctx;
	p->done = true;
	p->status = resp->status;
	if (resp->outcome != API_OK && resp->status != 422)
		p->error = xstrdup(resp->error ? resp->error : "no answer");
}

/* sentry.io itself (any region, e.g. us.sentry.io), not a self-hosted Sentry. */
static bool is_sentry_io(const char *url)
{
	char *host = url_host(url);
	size_t n = host ? strlen(host) : 0;
	bool yes = host && (strcmp(host, "sentry.io") == 0 ||
	                    (n > 10 && strcmp(host + n - 10, ".sentry.io") == 0));
	free(host);
	return yes;
}

/* What the server says it is, as a short phrase for the KIND column. */
static void probe_kind(const struct config *cfg, struct strbuf *out)
{
	if (!cfg->token || !*cfg->token) {
		strbuf_adds(out, "no token");
		return;
	}
	struct api_client_options opts;
	cli_client_options(cfg, &opts);
	opts.max_retries_429 = opts.max_retries_5xx = 1; /* a listing, not a session */
	struct api_client *client = api_client_new(&opts, NULL, NULL);
	char *url = server_probe_url(cfg->url, cfg->org);
	struct probe p = { 0 };
	const struct api_request_spec spec = { "GET", url, NULL, "issue list", NULL };
	if (url)
		api_submit(client, &spec, on_probe, &p);
	while (url && !p.done && !api_idle(client)) {
		if (api_wait(client, NULL, 0, 1000) < 0)
			break;
		api_perform(client);
	}
	enum server_kind kind = server_kind_from_probe(p.status);
	if (!url)
		strbuf_adds(out, "bad url");
	else if (kind == SERVER_SENTRY)
		strbuf_adds(out, is_sentry_io(cfg->url) ? "sentry.io (probed)" : "self-hosted sentry (probed)");
	else if (kind == SERVER_GLITCHTIP)
		strbuf_adds(out, "glitchtip (probed)");
	else
		strbuf_addf(out, "unknown: %s", p.error ? p.error : "no answer");
	free(p.error);
	free(url);
	api_client_free(client);
}

struct row {
	char *marker, *name, *kind, *org, *url;
};

static void print_cell(const char *text, int width, bool last)
{
	struct strbuf clean = STRBUF_INIT;
	sanitize_to_utf8(text, -1, false, &clean); /* names and URLs come from a file */
	fputs(strbuf_str(&clean), stdout);
	if (!last)
		for (int w = sanitize_width(strbuf_str(&clean)); w < width + 2; w++)
			fputc(' ', stdout);
	strbuf_free(&clean);
}

int cli_profiles(int argc, char **argv, bool probe)
{
	struct config cfg;
	struct strbuf text = STRBUF_INIT, errors = STRBUF_INIT, warnings = STRBUF_INIT;
	const struct config_env quiet = { .no_token_command = true };
	enum config_result cr = config_load(&cfg, argc, argv, &quiet, &text, &errors, &warnings);
	fputs(strbuf_str(&warnings), stderr);
	fputs(strbuf_str(&text), stdout);
	fputs(strbuf_str(&errors), stderr);
	int status = cr == CONFIG_OK ? CLI_OK : cr == CONFIG_EXIT_OK ? CLI_OK : CLI_USAGE;
	if (cr == CONFIG_OK && !cfg.nprofile_names) {
		fprintf(stderr, "sentry-tui: no profiles: %s defines none\n",
		            cfg.config_path ? cfg.config_path : "there is no config file, so it");
		status = CLI_NONE;
	}
	size_t n = cr == CONFIG_OK ? cfg.nprofile_names : 0;
	struct row *rows = xcalloc(n + 1, sizeof(*rows));
	int w_name = 4, w_kind = 4, w_org = 3;
	for (size_t i = 0; i < n; i++) {
		const char *name = cfg.profile_names[i];
		struct config one;
		struct strbuf ignored = STRBUF_INIT, why = STRBUF_INIT, kind = STRBUF_INIT;
		const struct config_env env = { .profile = name, .no_token_command = !probe };
		if (config_load(&one, argc, argv, &env, &ignored, &why, &ignored) != CONFIG_OK) {
			const char *all = strbuf_str(&why);
			strbuf_addf(&kind, "config error: %.*s", (int)strcspn(all, "\n"), all);
			status = CLI_USAGE;
		} else if (probe) {
			probe_kind(&one, &kind);
		} else {
			strbuf_adds(&kind, one.server_kind ? one.server_kind : "auto");
		}
		rows[i] = (struct row){
			xstrdup(cfg.profile && strcmp(cfg.profile, name) == 0 ? "*" : " "), xstrdup(name),
			strbuf_detach(&kind), xstrdup(one.org ? one.org : "–"),
			xstrdup(one.url ? one.url : "–"),
		};
		config_free(&one);
		strbuf_free(&ignored);
		strbuf_free(&why);
		w_name = sanitize_width(rows[i].name) > w_name ? sanitize_width(rows[i].name) : w_name;
		w_kind = sanitize_width(rows[i].kind) > w_kind ? sanitize_width(rows[i].kind) : w_kind;
		w_org = sanitize_width(rows[i].org) > w_org ? sanitize_width(rows[i].org) : w_org;
	}
	if (n) {
		printf("  ");
		print_cell("NAME", w_name, false);
		print_cell("KIND", w_kind, false);
		print_cell("ORG", w_org, false);
		print_cell("URL", 0, true);
		fputc('\n', stdout);
	}
	for (size_t i = 0; i < n; i++) {
		print_cell(rows[i].marker, 0, false);
		print_cell(rows[i].name, w_name, false);
		print_cell(rows[i].kind, w_kind, false);
		print_cell(rows[i].org, w_org, false);
		print_cell(rows[i].url, 0, true);
		fputc('\n', stdout);
		free(rows[i].marker);
		free(rows[i].name);
		free(rows[i].kind);
		free(rows[i].org);
		free(rows[i].url);
	}
	free(rows);
	strbuf_free(&text);
	strbuf_free(&errors);
	strbuf_free(&warnings);
	config_free(&cfg);
	return status;
}
