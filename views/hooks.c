/* Running key commands (see hooks.h). */
#include "views/hooks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/loop.h"
#include "tui/screen.h"
#include "util/hook_template.h"
#include "util/spawn.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/item_fields.h"
#include "views/link_actions.h"

#define POLL_MS 50

struct fields {
	struct item_fields item;
	struct strbuf link;
	char line[16];
};

static const char *field_value(void *ctx, const char *name)
{
	struct fields *f = ctx;
	const struct issue *i = f->item.issue;
	if (strcmp(name, "short_id") == 0)
		return i ? i->short_id : NULL;
	if (strcmp(name, "id") == 0)
		return i ? i->id : NULL;
	if (strcmp(name, "permalink") == 0)
		return strbuf_str(&f->link);
	if (strcmp(name, "title") == 0)
		return i ? i->title : NULL;
	if (strcmp(name, "project") == 0)
		return i ? i->project_slug : NULL;
	if (strcmp(name, "event_id") == 0)
		return f->item.event_id;
	if (strcmp(name, "file") == 0)
		return f->item.file;
	if (strcmp(name, "line") == 0)
		return f->line;
	return NULL;
}

/* A "!" command on its way: polled until it exits. */
struct running {
	struct app *app;
	char *name;
	int pid, output;
};

static void poll_child(void *ctx)
{
	struct running *r = ctx;
	int status;
	if (!spawn_done(r->pid, &status)) {
		loop_timer_add(POLL_MS, poll_child, r);
		return;
	}
	char out[1024];
	spawn_read_output(r->output, out, sizeof(out));
	out[strcspn(out, "\n")] = '\0';
	if (status == 0)
		app_status(r->app, STATUS_INFO, "%s: %s", r->name, *out ? out : "done");
	else
		app_status(r->app, STATUS_ERROR, "%s failed (exit status %d)%s%s", r->name, status,
		           *out ? ": " : "", out);
	free(r->name);
	free(r);
}

static void run_in_pager(struct app *app, char **argv)
{
	int pid, output;
	screen_suspend();
	if (!spawn_capture(argv, app->cfg->token, &pid, &output)) {
		screen_resume();
		app_status(app, STATUS_ERROR, "could not start %s", argv[0]);
		return;
	}
	spawn_wait_pid(pid);
	const char *pager = getenv("PAGER");
	char *name = xstrdup(pager && *pager ? pager : "less");
	char *pager_argv[] = { name, NULL };
	spawn_pager(pager_argv, output, app->cfg->token);
	free(name);
	close(output);
	screen_resume();
	app_touch(app);
}

void app_run_hook(struct app *app, const char *command)
{
	struct fields f;
	item_fields_of(app_top(app), &f.item);
	f.link = (struct strbuf)STRBUF_INIT;
	if (f.item.issue)
		app_issue_link(app, f.item.issue, &f.link);
	snprintf(f.line, sizeof(f.line), "%d", f.item.line);
	if (!f.item.line)
		f.line[0] = '\0';
	bool pager = false;
	char **argv = hook_template_expand(command, field_value, &f, &pager);
	strbuf_free(&f.link);
	if (!argv[0]) {
		hook_argv_free(argv);
		return;
	}
	if (pager) {
		run_in_pager(app, argv);
	} else {
		struct running *r = xcalloc(1, sizeof(*r));
		r->app = app;
		const char *slash = strrchr(argv[0], '/');
		r->name = xstrdup(slash && slash[1] ? slash + 1 : argv[0]);
		if (spawn_capture(argv, app->cfg->token, &r->pid, &r->output)) {
			app_status(app, STATUS_INFO, "running %s…", r->name);
			loop_timer_add(POLL_MS, poll_child, r);
		} else {
			app_status(app, STATUS_ERROR, "could not start %s", r->name);
			free(r->name);
			free(r);
		}
	}
	hook_argv_free(argv);
}
