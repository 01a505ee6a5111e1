/* Server kinds and features (see server_caps.h). */
#include "api/server_caps.h"

#include <string.h>

#include "api/url.h"

void server_caps_init(struct server_caps *c, const char *configured_kind)
{
	c->kind = SERVER_UNKNOWN;
	c->configured = false;
	if (configured_kind && strcmp(configured_kind, "sentry") == 0) {
		c->kind = SERVER_SENTRY;
		c->configured = true;
	} else if (configured_kind && strcmp(configured_kind, "glitchtip") == 0) {
		c->kind = SERVER_GLITCHTIP;
		c->configured = true;
	}
}

bool server_has(const struct server_caps *c, enum server_feature f)
{
	if (!c || c->kind != SERVER_GLITCHTIP)
		return true;
	/* GlitchTip honours status changes only, lists issues without stats, and has
	 * neither release health, Discover, traces nor short-id look-ups (§12). */
	(void)f;
	return false;
}

const char *server_name(const struct server_caps *c)
{
	if (c && c->kind == SERVER_GLITCHTIP)
		return "GlitchTip";
	if (c && c->kind == SERVER_SENTRY)
		return "Sentry";
	return "this server";
}

const char *server_issue_sort(const struct server_caps *c, const char *sort)
{
	if (!c || c->kind != SERVER_GLITCHTIP || !sort)
		return sort;
	static const struct { const char *sentry, *glitchtip; } names[] = {
		{ "date", "-last_seen" }, { "new", "-first_seen" }, { "freq", "-count" },
		{ "user", "-count" }, { "priority", "-priority" },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i].sentry, sort) == 0)
			return names[i].glitchtip;
	return "-last_seen";
}

bool server_caps_learn_sort_refused(struct server_caps *c)
{
	if (!c || c->configured || c->kind == SERVER_GLITCHTIP)
		return false;
	c->kind = SERVER_GLITCHTIP;
	return true;
}

char *server_probe_url(const char *base, const char *org)
{
	const struct issue_query q = { .query = "", .sort = "date", .limit = 1 };
	return url_issue_list(base, org, &q);
}

enum server_kind server_kind_from_probe(long status)
{
	if (status >= 200 && status < 300)
		return SERVER_SENTRY;
	return status == 422 ? SERVER_GLITCHTIP : SERVER_UNKNOWN;
}
