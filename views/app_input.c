/* The app's loop hooks: keys from the terminal or steps from a test script, signals,
 * and how long the loop may sleep. */
#include "views/app_input.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/script.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

static bool screen_has(const char *text)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return false;
	draw_dump_screen(f);
	fclose(f);
	bool found = buf && strstr(buf, text);
	free(buf);
	return found;
}

static void fail_script(struct app *app, const char *what, const char *detail)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "script: %s '%s'", what, detail);
	free(app->script_failure);
	app->script_failure = strbuf_detach(&sb);
	app->exit_code = 3;
	app->quit = true;
}

static void feed_keys(struct app *app, const char *keys)
{
	const char *p = keys;
	while (*p) {
		int key = key_parse_one(&p);
		if (key < 0) {
			fail_script(app, "cannot parse keys at", p);
			return;
		}
		app_handle_key(app, key);
	}
}

/* One script step per call, and only when the app has settled. */
static void script_step(struct app *app)
{
	if (app->wait_for) {
		app_redraw(app, true);
		if (screen_has(app->wait_for)) {
			free(app->wait_for);
			app->wait_for = NULL;
		} else if (time_mono_ms() > app->wait_deadline) {
			fail_script(app, "timed out waiting for this text on screen:", app->wait_for);
		}
		return;
	}
	bool no_wait = false;
	const char *line = script_peek(app->script, &no_wait);
	/* The end of a script waits for what its last step sent, as any step would, so
	 * a test reads the server's log only after every request reached it. */
	if (!api_idle(app->client) && (!line || !no_wait))
		return;
	if (!line) {
		app->quit = true;
		return;
	}
	char *step = xstrdup(line);
	script_advance(app->script);
	if (step[0] == ':')
		app_run_command(app, step + 1);
	else
		feed_keys(app, step);
	free(step);
}

void app_on_input(void *ctx)
{
	struct app *app = ctx;
	if (app->script) {
		script_step(app);
		return;
	}
	int key, got = 0;
	bool resized;
	while (!app->quit) {
		int rc = screen_read_key(&key, &resized);
		if (resized)
			app_touch(app);
		if (rc <= 0)
			break;
		got++;
		app_handle_key(app, key);
	}
	if (!got) {
		/* Readable but nothing to read: the terminal went away. */
		struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
		if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
			app->quit = true;
	}
}

void app_on_signal(void *ctx, int signo)
{
	struct app *app = ctx;
	switch (signo) {
	case SIGWINCH:
		screen_resize_from_tty();
		app_touch(app);
		break;
	case SIGCONT:
		clearok(curscr, TRUE);
		app_touch(app);
		break;
	default: /* SIGINT (Ctrl-c), SIGTERM, SIGHUP: leave cleanly */
		app->quit = true;
	}
}

void app_on_redraw(void *ctx)
{
	app_redraw(ctx, false);
}

int app_wait_hint(void *ctx)
{
	struct app *app = ctx;
	if (!app->script)
		return -1;
	if (app->wait_for)
		return 20;
	bool no_wait = false;
	const char *line = script_peek(app->script, &no_wait);
	if ((line && no_wait) || api_idle(app->client))
		return 0;
	return -1;
}

bool app_should_quit(void *ctx)
{
	return ((struct app *)ctx)->quit;
}
