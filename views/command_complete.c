/* Completion of `:` commands (see command_complete.h). */
#include "views/command_complete.h"

#include <string.h>

#include "tui/prompt.h"
#include "tui/request.h"
#include "util/strbuf.h"
#include "views/app.h"
#include "views/commands.h"

struct offer_ctx {
	const char *command; /* as typed: "mute" offers "mute 30m", not "archive 30m" */
};

static void offer_with_command(const char *command, const char *value, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "%s %.*s", command, (int)len, value);
	prompt_offer(strbuf_str(&sb));
	strbuf_free(&sb);
}

static void offer_choice(void *ctx, const char *word, size_t len)
{
	offer_with_command(((struct offer_ctx *)ctx)->command, word, len);
}

static void offer_value(const char *command, const char *value)
{
	if (value && *value)
		offer_with_command(command, value, strlen(value));
}

/* Does something in scope ("issues", "issue", "generic") work in the view on top? */
static bool works_here(struct app *app, const char *scope)
{
	struct view *v = app_top(app);
	return strcmp(scope, "generic") == 0 || (v && strcmp(scope, v->ops->name) == 0);
}

/* The names that do something in the view the line was opened from. */
static void offer_names(struct app *app)
{
	bool ro = app->cfg && app->cfg->read_only;
	size_t n;
	const struct command_info *commands = command_table(&n);
	for (size_t i = 0; i < n; i++)
		if (!(ro && commands[i].mutates) && works_here(app, commands[i].scope))
			prompt_offer(commands[i].name);
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		const struct request_info *info = request_info((enum request)r);
		if (!(info->flags & REQF_HIDDEN) && !(ro && (info->flags & REQF_MUTATES)) &&
		    works_here(app, info->scope))
			prompt_offer(info->name);
	}
}

static void offer_values(struct app *app, const char *command, enum command_values values)
{
	const struct project_store *ps = &app->projects;
	struct people *pe = &app->people;
	switch (values) {
	case VALUES_ENVIRONMENTS:
		for (size_t p = 0; p < ps->n; p++)
			for (size_t e = 0; e < ps->items[p].nenvironments; e++)
				offer_value(command, ps->items[p].environments[e]);
		break;
	case VALUES_PROJECTS:
		for (size_t p = 0; p < ps->n; p++)
			offer_value(command, ps->items[p].slug);
		break;
	case VALUES_PEOPLE:
		/* Loaded on first use; Tab again once they are in. */
		people_load(pe);
		for (size_t i = 0; i < pe->nmembers; i++) {
			offer_value(command, pe->members[i].name);
			offer_value(command, pe->members[i].email);
		}
		for (size_t i = 0; i < pe->nteams; i++) {
			if (pe->teams[i].slug) {
				struct strbuf sb = STRBUF_INIT;
				strbuf_addf(&sb, "#%s", pe->teams[i].slug);
				offer_value(command, strbuf_str(&sb));
				strbuf_free(&sb);
			}
		}
		break;
	case VALUES_PROFILES:
		for (size_t i = 0; app->cfg && i < app->cfg->nprofile_names; i++)
			offer_value(command, app->cfg->profile_names[i]);
		break;
	case VALUES_NONE:
		break;
	}
}

void command_complete(void *ctx, const char *line)
{
	struct app *app = ctx;
	while (*line == ' ' || *line == ':')
		line++;
	size_t nlen = strcspn(line, " ");
	if (!line[nlen]) {
		offer_names(app);
		return;
	}
	struct strbuf name = STRBUF_INIT;
	strbuf_add(&name, line, nlen);
	const struct command_info *c = command_find(strbuf_str(&name));
	bool ro = app->cfg && app->cfg->read_only;
	if (c && !(ro && c->mutates)) {
		struct offer_ctx oc = { strbuf_str(&name) };
		command_arg_choices(c, offer_choice, &oc);
		offer_values(app, strbuf_str(&name), c->values);
	}
	strbuf_free(&name);
}
