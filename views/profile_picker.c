/* Choosing a profile at run time: `:profile NAME`, and the picker (P, or `:profile`
 * alone) that lists the config's profiles, the current one marked. A switch ends this
 * profile's session and main starts the next one (server, org, token and defaults from
 * the chosen profile, as if started with --profile NAME); when the new profile cannot be
 * loaded, main keeps this session and says why. */
#include <stdlib.h>
#include <string.h>

#include "tui/prompt.h"
#include "util/xalloc.h"
#include "views/app.h"
#include "views/profile_picker.h"
#include "views/view_table.h"

bool app_switch_profile(struct app *app, const char *name, struct strbuf *err)
{
	const struct config *cfg = app->cfg;
	if (!cfg->nprofile_names) {
		strbuf_addf(err, "no profiles to switch to: %s defines none",
		            cfg->config_path ? cfg->config_path : "no config file was read, so it");
		return false;
	}
	bool known = false;
	for (size_t i = 0; i < cfg->nprofile_names; i++)
		known = known || strcmp(cfg->profile_names[i], name) == 0;
	if (!known) {
		strbuf_addf(err, "unknown profile \"%s\" (known profiles: ", name);
		for (size_t i = 0; i < cfg->nprofile_names; i++)
			strbuf_addf(err, "%s%s", i ? ", " : "", cfg->profile_names[i]);
		strbuf_adds(err, ")");
		return false;
	}
	size_t in_flight = triage_in_flight(&app->triage);
	if (in_flight) {
		/* Their answers belong on this profile's screen. */
		strbuf_addf(err, "%zu change%s still being sent: switch when the answer is in",
		            in_flight, in_flight == 1 ? " is" : "s are");
		return false;
	}
	free(app->switch_profile);
	app->switch_profile = xstrdup(name);
	app->quit = true;
	app_status(app, STATUS_INFO, "switching to profile %s…", name);
	return true;
}

static size_t lines(struct view *v)
{
	return v->app->cfg->nprofile_names;
}

static bool is_current(const struct config *cfg, size_t i)
{
	return cfg->profile && strcmp(cfg->profile, cfg->profile_names[i]) == 0;
}

static void draw_line(struct view *v, size_t lineno, struct draw_row *row)
{
	const struct config *cfg = v->app->cfg;
	draw_pad(row, ROLE_DEFAULT, 2);
	draw_field(row, is_current(cfg, lineno) ? ROLE_MARK : ROLE_DEFAULT,
	           is_current(cfg, lineno) ? "●" : " ", 2, ALIGN_LEFT);
	draw_field(row, ROLE_DEFAULT, cfg->profile_names[lineno], draw_room(row), ALIGN_LEFT);
}

static void choose(struct view *v)
{
	struct app *app = v->app;
	const struct config *cfg = app->cfg;
	if (v->cursor >= cfg->nprofile_names)
		return;
	char *name = xstrdup(cfg->profile_names[v->cursor]);
	app_pop(app); /* frees v */
	struct strbuf err = STRBUF_INIT;
	if (cfg->profile && strcmp(cfg->profile, name) == 0)
		app_status(app, STATUS_INFO, "already on profile %s", name);
	else if (!app_switch_profile(app, name, &err))
		app_status(app, STATUS_ERROR, "%s", strbuf_str(&err));
	strbuf_free(&err);
	free(name);
}

static bool request(struct view *v, enum request req)
{
	if (req == REQ_ENTER) {
		choose(v);
		return true;
	}
	if (req == REQ_BACK) {
		struct app *app = v->app; /* app_pop frees v */
		app_pop(app);
		app_status(app, STATUS_INFO, "profile not changed");
		return true;
	}
	return false;
}

static void title(struct view *v, struct strbuf *left, struct strbuf *right)
{
	const struct config *cfg = v->app->cfg;
	strbuf_addf(left, "Switch profile (now: %s)", cfg->profile ? cfg->profile : "none");
	strbuf_adds(right, "Enter switches · q: cancel");
}

static void describe(struct view *v, struct strbuf *out)
{
	const struct config *cfg = v->app->cfg;
	for (size_t i = 0; i < cfg->nprofile_names; i++)
		strbuf_addf(out, "profile: %s%s\n", cfg->profile_names[i],
		            is_current(cfg, i) ? " (current)" : "");
}

static void close_view(struct view *v)
{
	free(v);
}

static const struct view_ops profile_picker_ops = {
	.name = "menu",
	.lines = lines,
	.draw_line = draw_line,
	.request = request,
	.title = title,
	.close = close_view,
	.describe = describe,
};

/* The cursor starts on the current profile. */
struct view *profile_picker_view_open(struct app *app, const struct view_args *args)
{
	struct view *v = xcalloc(1, sizeof(*v));
	v->ops = &profile_picker_ops;
	v->app = app;
	for (size_t i = 0; i < app->cfg->nprofile_names; i++)
		if (is_current(app->cfg, i))
			v->cursor = i;
	return v;
}
