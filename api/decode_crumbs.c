/* Breadcrumbs: API form {"values": [...]} with ISO timestamps, ingest form a bare list
 * or {"values": [...]} with float epoch timestamps (docs/sentry-api.md §6.2, §6.6). */
#include "api/decode_event_parts.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "api/json_util.h"
#include "api/model.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

/* Where an ISO-8601 fraction starts: "2020-06-17T22:26:55" is 19 characters. */
#define ISO_SECONDS_END 19

double epoch_seconds(const json_t *v)
{
	if (json_is_number(v)) {
		double d = json_number_value(v);
		return isfinite(d) && d > 0 && d < EPOCH_MAX ? d : 0;
	}
	time_t whole;
	if (!json_is_string(v) || !time_parse_iso8601(json_string_value(v), &whole) || whole <= 0)
		return 0;
	/* time_parse_iso8601 drops the fraction; breadcrumbs a few ms apart need it. */
	const char *fraction = json_string_value(v) + ISO_SECONDS_END;
	double seconds = (double)whole, scale = 0.1;
	if (*fraction == '.')
		for (const char *p = fraction + 1; isdigit((unsigned char)*p); p++, scale /= 10)
			seconds += (*p - '0') * scale;
	return seconds;
}

static void decode_crumb(const json_t *v, struct breadcrumb *c)
{
	c->timestamp = epoch_seconds(member(v, "timestamp"));
	c->type = string_member(v, "type", MODEL_MAX_ID);
	c->category = string_member(v, "category", MODEL_MAX_FIELD);
	c->level = string_member(v, "level", MODEL_MAX_ID);
	/* Sentry shows a crumb without a level as "info" and without a type as "default". */
	if (!c->level || !*c->level) {
		free(c->level);
		c->level = xstrdup("info");
	}
	if (!c->type || !*c->type) {
		free(c->type);
		c->type = xstrdup("default");
	}
	c->message = display_text(member(v, "message"), EVENT_MAX_VALUE);
	kv_decode(&c->data, member(v, "data"), KV_KEEP_NULL);
}

void decode_crumbs(const json_t *v, struct event *e)
{
	const json_t *list = json_is_array(v) ? v : member(v, "values");
	size_t total = json_array_size(list);
	if (total == 0)
		return;
	/* Over the cap the oldest go: the crumbs just before the error matter most. */
	size_t room = EVENT_MAX_CRUMBS - e->ncrumbs;
	size_t start = total > room ? total - room : 0;
	e->crumbs = xrealloc(e->crumbs, (e->ncrumbs + total - start) * sizeof(*e->crumbs));
	for (size_t i = start; i < total; i++) {
		const json_t *item = json_array_get(list, i);
		if (!json_is_object(item))
			continue;
		struct breadcrumb *c = &e->crumbs[e->ncrumbs++];
		memset(c, 0, sizeof(*c));
		decode_crumb(item, c);
	}
}
