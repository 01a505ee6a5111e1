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
#include "cli/session.h"
#include "config/args.h"
#include "config/config.h"
#include "config/token.h"
#include "tui/keymap.h"
#include "tui/loop.h"
#include "tui/prompt.h"
#include "tui/screen.h"
#include "tui/script.h"
#include "tui/theme.h"
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

/* The API client for cfg's server; the app hears its notices (retries, rate limits). */
static struct api_client *client_for(const struct config *cfg, struct app *app)
{
	struct api_client_options opts;
	cli_client_options(cfg, &opts);
	return api_client_new(&opts, app_api_notice, app);
}

/* What each profile's server turned out to be, so switching back does not ask again. */
struct learnt_kind {
	char *profile;
	enum server_kind kind;
};
static struct learnt_kind learnt[16];

static void remember_kind(const char *profile, enum server_kind kind)
{
	if (!profile || kind == SERVER_UNKNOWN)
		return;
	size_t i = 0;
	while (i < sizeof(learnt) / sizeof(learnt[0]) - 1 && learnt[i].profile &&
	       strcmp(learnt[i].profile, profile) != 0)
		i++;
	if (!learnt[i].profile)
		learnt[i].profile = xstrdup(profile);
	else if (strcmp(learnt[i].profile, profile) != 0)
		return; /* the table is full: this one is learnt again next time */
	learnt[i].kind = kind;
}

static enum server_kind recall_kind(const char *profile)
{
	for (size_t i = 0; profile && i < sizeof(learnt) / sizeof(learnt[0]) && learnt[i].profile; i++)
		if (strcmp(learnt[i].profile, profile) == 0)
			return learnt[i].kind;
	return SERVER_UNKNOWN;
}

static void forget_kinds(void)
{
	for (size_t i = 0; i < sizeof(learnt) / sizeof(learnt[0]); i++)
		free(learnt[i].profile);
}

/* Load the config again with another profile (:profile NAME): the same command line and
 * environment, the profile replacing --profile. Key bindings stay those read at start
 * (they live at the top level of the file, not in profiles). False with why in err. */
static bool load_profile(struct config *next, int argc, char **argv, const char *name,
                         struct strbuf *err)
{
	struct strbuf out = STRBUF_INIT, errors = STRBUF_INIT, warnings = STRBUF_INIT;
	const struct config_env env = { .profile = name };
	enum config_result cr = config_load(next, argc, argv, &env, &out, &errors, &warnings);
	bool ok = cr == CONFIG_OK;
	if (!ok) {
		/* The first problem is enough for the status line: the rest are like it. */
		const char *all = strbuf_str(&errors);
		strbuf_add(err, all, strcspn(all, "\n"));
	} else if (!next->org || !*next->org) {
		strbuf_addf(err, "profile %s gives no organization", name);
		ok = false;
	} else if (!next->token || !*next->token) {
		strbuf_addf(err, "profile %s gives no token", name);
		ok = false;
	}
	strbuf_free(&out);
	strbuf_free(&errors);
	strbuf_free(&warnings);
	return ok;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	config_token_no_core_dumps(); /* list and status hold the token too */
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

	int status = 2;
	struct script *script = NULL;
	struct api_client *client = NULL;
	if (config_missing_server(&cfg)) {
		fputs(config_missing_server(&cfg), stderr);
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
	client = client_for(&cfg, &app);
	/* The first requests go out before curses and readline start: their connection (a
	 * TLS handshake on a real network) and the server's work overlap the terminal's
	 * setup. app_init touches no terminal; the callbacks only change state. */
	app_init(&app, &cfg, client, SERVER_UNKNOWN, screen_rows(script != NULL));
	/* Not for `open ISSUE`: a stream page answered before the issue is looked at would
	 * decide by a race whether a short id is looked up or found among the rows. */
	if (!open_target) {
		api_perform(client); /* starts the connections */
		api_perform(client); /* sends on those already up (a local server); neither waits */
	}

	if (!loop_signals_init() || !screen_init(script != NULL, cfg.theme)) {
		fprintf(stderr, "sentry-tui: cannot initialise the terminal (TERM=%s)\n",
		        getenv("TERM") ? getenv("TERM") : "");
		app_free(&app);
		goto out;
	}
	theme_set_profile_colour(cfg.colour); /* app_init's had no colours to set yet */
	if (cfg.mouse)
		screen_enable_mouse();
	screen_enable_hyperlinks(cfg.hyperlinks, cfg.token);
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
	app_startup_warnings(&app, strbuf_str(&warnings));
	const char *dump_dir = getenv("SENTRY_TUI_DUMP_DIR");
	dump_dir = dump_dir && *dump_dir ? dump_dir : ".";
	app.dump_dir = xstrdup(dump_dir);

	for (;;) {
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
		if (!app.switch_profile)
			break;
		/* :profile NAME: this profile's session ends only once the next one loads. */
		char *name = app.switch_profile;
		app.switch_profile = NULL;
		app.quit = false;
		app_redraw(&app, true); /* "switching to profile NAME…" while token_command runs */
		struct config next;
		struct strbuf why = STRBUF_INIT;
		if (!load_profile(&next, argc, argv, name, &why)) {
			config_free(&next);
			app_status(&app, STATUS_ERROR, "cannot switch to profile %s: %s", name,
			           strbuf_str(&why));
			app.status_keep = true;
		} else {
			remember_kind(cfg.profile, app.caps.kind);
			app_free(&app);
			api_client_free(client);
			config_free(&cfg);
			cfg = next;
			client = client_for(&cfg, &app);
			app_init(&app, &cfg, client, recall_kind(cfg.profile),
			         screen_rows(script != NULL));
			app.script = script;
			app.dump_dir = xstrdup(dump_dir);
			app_status(&app, STATUS_INFO, "profile %s: %s, org %s", name, cfg.url, cfg.org);
		}
		strbuf_free(&why);
		free(name);
	}

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
	strbuf_free(&warnings);
	forget_kinds();
	return status;
}
