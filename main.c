/* sentry-tui: a terminal client for Sentry and Sentry-compatible servers.
 *
 * main wires the layers together and owns the startup order: configuration (and every
 * error in it) before the terminal is touched, then the API client, the screen, the app
 * and the one event loop. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/client.h"
#include "cli/cli.h"
#include "config/args.h"
#include "config/config.h"
#include "tui/keymap.h"
#include "tui/loop.h"
#include "tui/prompt.h"
#include "tui/screen.h"
#include "tui/script.h"
#include "util/strbuf.h"
#include "util/timeutil.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/app_input.h"
#include "views/open_issue.h"

static int api_wait_adapter(void *ctx, struct pollfd *fds, unsigned n, int timeout_ms)
{
	return api_wait(ctx, fds, n, timeout_ms);
}

static void api_perform_adapter(void *ctx)
{
	api_perform(ctx);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (cli_is_subcommand(argc, argv))
		return cli_main(argc, argv); /* list, status: print and exit, no curses */

	/* `sentry-tui open ISSUE`: the rest of the line is the usual options. */
	struct strbuf open_usage = STRBUF_INIT;
	const char *open_target = config_args_take_open(&argc, argv, &open_usage);
	if (open_usage.len) {
		fputs(strbuf_str(&open_usage), stderr);
		strbuf_free(&open_usage);
		return 2;
	}
	strbuf_free(&open_usage);

	/* The keymap checks `bindings:` while the config loads, so a bad binding is reported
	 * with every other config error, at its file:line:col. */
	keymap_init();
	struct config cfg;
	struct strbuf out = STRBUF_INIT, errors = STRBUF_INIT, warnings = STRBUF_INIT;
	const struct config_env env = { .bind = keymap_bind, .bind_hook = keymap_bind_hook };
	enum config_result cr = config_load(&cfg, argc, argv, &env, &out, &errors, &warnings);
	fputs(strbuf_str(&warnings), stderr);
	if (cr != CONFIG_OK) {
		fputs(strbuf_str(&out), stdout);
		fputs(strbuf_str(&errors), stderr);
		strbuf_free(&out);
		strbuf_free(&errors);
		strbuf_free(&warnings);
		config_free(&cfg);
		keymap_free();
		return cr == CONFIG_EXIT_OK ? 0 : 2;
	}
	strbuf_free(&out);
	strbuf_free(&errors);
	strbuf_free(&warnings);

	int status = 2;
	struct script *script = NULL;
	struct api_client *client = NULL;
	if (!cfg.org || !*cfg.org) {
		fprintf(stderr, "sentry-tui: no organization given: use --org ORG, SENTRY_ORG, "
		                "'org' in .sentryclirc [defaults] or in the config file\n");
		goto out;
	}
	if (!cfg.token || !*cfg.token) {
		fputs(config_no_token_help(), stderr);
		goto out;
	}
	const char *now = getenv("SENTRY_TUI_NOW");
	if (now && *now && !time_pin(now)) {
		fprintf(stderr, "sentry-tui: SENTRY_TUI_NOW: cannot parse '%s'\n", now);
		goto out;
	}
	const char *script_path = getenv("SENTRY_TUI_SCRIPT");
	if (script_path && *script_path && !(script = script_open(script_path))) {
		fprintf(stderr, "sentry-tui: cannot read script %s\n", script_path);
		goto out;
	}

	struct app app;
	struct api_client_options opts = {
		.base_url = cfg.url,
		.token = cfg.token,
		.ca_bundle = cfg.ca_bundle,
		.timeout_s = cfg.timeout,
	};
	const char *backoff = getenv("SENTRY_TUI_BACKOFF_MS"); /* tests shorten retries */
	if (backoff)
		opts.backoff_ms = atoll(backoff);
	const char *cap = getenv("SENTRY_TUI_MAX_RESPONSE_KB"); /* tests lower the size cap */
	if (cap && atol(cap) > 0)
		opts.max_response = (size_t)atol(cap) * 1024;
	client = api_client_new(&opts, app_api_notice, &app);

	if (!loop_signals_init() || !screen_init(script != NULL, cfg.theme)) {
		fprintf(stderr, "sentry-tui: cannot initialise the terminal (TERM=%s)\n",
		        getenv("TERM") ? getenv("TERM") : "");
		goto out;
	}
	if (cfg.mouse)
		screen_enable_mouse();
	screen_enable_hyperlinks(cfg.hyperlinks, cfg.token);
	app_init(&app, &cfg, client);
	app.script = script;
	if (open_target) {
		/* The stream loads behind the issue; what cannot be opened is said on it. */
		struct strbuf open_err = STRBUF_INIT;
		if (!app_open_issue(&app, open_target, &open_err)) {
			app_status(&app, STATUS_ERROR, "%s", strbuf_str(&open_err));
			app.status_keep = true;
		}
		strbuf_free(&open_err);
	}
	const char *dump_dir = getenv("SENTRY_TUI_DUMP_DIR");
	app.dump_dir = xstrdup(dump_dir && *dump_dir ? dump_dir : ".");

	struct loop_backend backend = { api_wait_adapter, api_perform_adapter, client };
	struct loop_hooks hooks = {
		.on_input = app_on_input,
		.on_signal = app_on_signal,
		.redraw = app_on_redraw,
		.wait_hint = app_wait_hint,
		.should_quit = app_should_quit,
		.ctx = &app,
		.input_fd = script ? -1 : 0,
	};
	loop_run(&backend, &hooks);

	prompt_shutdown();
	screen_end();
	loop_signals_restore();
	status = app.exit_code;
	if (app.script_failure)
		fprintf(stderr, "sentry-tui: %s\n", app.script_failure);
	free(app.script_failure);
	app_free(&app);
out:
	api_client_free(client);
	script_free(script);
	keymap_free();
	config_free(&cfg);
	return status;
}
