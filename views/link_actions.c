/* Copy and open (see link_actions.h). */
#include "views/link_actions.h"

#include <stdlib.h>
#include <string.h>

#include "tui/osc.h"
#include "util/spawn.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/item_fields.h"
#include "views/view_table.h"

void app_issue_link(const struct app *app, const struct issue *issue, struct strbuf *out)
{
	if (issue->permalink && *issue->permalink) {
		strbuf_adds(out, issue->permalink);
		return;
	}
	const char *base = app->target.base_url;
	size_t len = strlen(base);
	while (len && base[len - 1] == '/')
		len--;
	strbuf_addf(out, "%.*s/organizations/%s/issues/%s/", (int)len, base, app->target.org,
	            issue->id ? issue->id : "?");
}

/* What is copied must not carry control characters (a title may): they become spaces. */
static char *clean_copy(const char *text)
{
	char *out = xstrdup(text);
	for (unsigned char *p = (unsigned char *)out; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return out;
}

/* "wl-copy --type text/plain" as argv (words split at blanks, no shell). */
static char **split_words(const char *text, const char *extra)
{
	size_t n = 0, cap = 8;
	char **argv = xcalloc(cap, sizeof(*argv));
	const char *p = text;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		size_t len = strcspn(p, " \t");
		if (n + 3 > cap)
			xgrow((void **)&argv, &cap, n + 3, sizeof(*argv));
		argv[n++] = xstrndup(p, len);
		p += len;
	}
	if (extra)
		argv[n++] = xstrdup(extra);
	argv[n] = NULL;
	return argv;
}

static void free_words(char **argv)
{
	for (size_t i = 0; argv && argv[i]; i++)
		free(argv[i]);
	free(argv);
}

void app_copy_text(struct app *app, const char *what, const char *text)
{
	char *clean = clean_copy(text ? text : "");
	const char *mode = app->cfg->clipboard ? app->cfg->clipboard : "osc52";
	if (strcmp(mode, "off") == 0) {
		app_status(app, STATUS_INFO, "%s (not copied: clipboard is off): %s", what, clean);
	} else if (strcmp(mode, "command") == 0) {
		if (!app->cfg->clipboard_command || !*app->cfg->clipboard_command) {
			app_status(app, STATUS_ERROR, "clipboard: command needs clipboard_command in the config");
		} else {
			char **argv = split_words(app->cfg->clipboard_command, NULL);
			if (argv[0] && spawn_detached(argv, clean, app->cfg->token)) {
				osc_set_last_copied(clean);
				app_status(app, STATUS_INFO, "copied %s: %s", what, clean);
			} else {
				app_status(app, STATUS_ERROR, "could not run clipboard_command '%s'",
				           app->cfg->clipboard_command);
			}
			free_words(argv);
		}
	} else {
		struct strbuf seq = STRBUF_INIT;
		if (osc52_copy(&seq, clean, strlen(clean), osc_wrap_for_env())) {
			osc_queue(seq.buf, seq.len);
			osc_set_last_copied(clean);
			app_status(app, STATUS_INFO, "copied %s: %s", what, clean);
		} else {
			app_status(app, STATUS_ERROR, "%s is too long for the terminal's clipboard (over %d bytes)",
			           what, OSC52_MAX_TEXT);
		}
		strbuf_free(&seq);
	}
	free(clean);
}

static bool has_display(void)
{
	const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
	return (x && *x) || (w && *w);
}

static void open_link(struct app *app, const char *url)
{
	const char *browser = getenv("BROWSER");
	char **argv = NULL;
	if (browser && *browser)
		argv = split_words(browser, url);
	else if (has_display())
		argv = split_words("xdg-open", url);
	if (!argv) {
		/* Over SSH or on a console: nothing here can show a web page. */
		app_copy_text(app, "the link (no display here to open it)", url);
		return;
	}
	if (argv[0] && spawn_detached(argv, NULL, app->cfg->token))
		app_status(app, STATUS_INFO, "opening %s", url);
	else
		app_status(app, STATUS_ERROR, "could not start %s to open %s", argv[0] ? argv[0] : "?", url);
	free_words(argv);
}

bool app_link_request(struct app *app, enum request req)
{
	if (req != REQ_YANK && req != REQ_YANK_PERMALINK && req != REQ_OPEN_LINK)
		return false;
	struct item_fields f;
	item_fields_of(app_top(app), &f);
	if (!f.issue) {
		app_status(app, STATUS_INFO, "nothing here to %s", req == REQ_OPEN_LINK ? "open" : "copy");
		return true;
	}
	if (req == REQ_YANK) {
		app_push(app, view_open(app, VIEW_yank_menu, NULL));
		return true;
	}
	struct strbuf link = STRBUF_INIT;
	app_issue_link(app, f.issue, &link);
	if (req == REQ_YANK_PERMALINK)
		app_copy_text(app, "the permalink", strbuf_str(&link));
	else
		open_link(app, strbuf_str(&link));
	strbuf_free(&link);
	return true;
}
