/* The list formatters (see output.h). */
#include "cli/output.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "tui/sanitize.h"

/* The keys of json objects and tsv columns, in this order; scripts rely on them. */
static const char *const LIST_FIELDS[] = {
	"id", "shortId", "title", "culprit", "level", "status", "substatus", "count",
	"userCount", "firstSeen", "lastSeen", "assignee", "project", "permalink",
};
#define NFIELDS (sizeof LIST_FIELDS / sizeof LIST_FIELDS[0])

bool list_format_parse(const char *name, enum list_format *out)
{
	if (strcmp(name, "plain") == 0)
		*out = LIST_PLAIN;
	else if (strcmp(name, "tsv") == 0)
		*out = LIST_TSV;
	else if (strcmp(name, "json") == 0)
		*out = LIST_JSON;
	else
		return false;
	return true;
}

void list_output_init(struct list_output *o, enum list_format format, int width, time_t now)
{
	memset(o, 0, sizeof(*o));
	o->format = format;
	o->width = width > 0 ? width : 80;
	o->now = now;
}

const char *list_assignee(const struct issue *issue, char *buf, size_t size)
{
	const struct actor *a = issue->assigned_to;
	if (!a)
		return NULL;
	bool team = a->type && strcmp(a->type, "team") == 0;
	const char *who = !team && a->email && *a->email ? a->email : a->name ? a->name : a->id;
	if (!who)
		return NULL;
	snprintf(buf, size, "%s%s", team ? "#" : "", who);
	return buf;
}

static void iso_time(time_t t, char *buf, size_t size)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Field i of LIST_FIELDS as text (NULL = none); numbers are written into buf. */
static const char *field_text(const struct issue *issue, size_t i, char *buf, size_t size)
{
	switch (i) {
	case 0: return issue->id;
	case 1: return issue->short_id;
	case 2: return issue->title;
	case 3: return issue->culprit;
	case 4: return issue->level_name ? issue->level_name : issue_level_name(issue->level);
	case 5: return issue->status;
	case 6: return issue->substatus;
	case 7:
		if (!issue->has_count)
			return NULL;
		snprintf(buf, size, "%" PRIu64, issue->count);
		return buf;
	case 8:
		if (issue->user_count < 0)
			return NULL;
		snprintf(buf, size, "%lld", issue->user_count);
		return buf;
	case 9:
	case 10: {
		time_t t = i == 9 ? issue->first_seen : issue->last_seen;
		if (!t)
			return NULL;
		iso_time(t, buf, size);
		return buf;
	}
	case 11: return list_assignee(issue, buf, size);
	case 12: return issue->project_slug;
	case 13: return issue->permalink;
	default: return NULL;
	}
}

void list_output_begin(struct list_output *o, struct strbuf *out)
{
	switch (o->format) {
	case LIST_JSON:
		strbuf_adds(out, "[");
		break;
	case LIST_TSV:
		for (size_t i = 0; i < NFIELDS; i++)
			strbuf_addf(out, "%s%s", i ? "\t" : "", LIST_FIELDS[i]);
		strbuf_addc(out, '\n');
		break;
	case LIST_PLAIN:
		break; /* its header needs no row: see plain_header */
	}
}

/* JSON */

static json_t *json_text(const char *s)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	if (j)
		return j;
	/* Not UTF-8 (the decoders only hand out what jansson read, but be sure): keep the
	 * text readable and the JSON valid. */
	struct strbuf clean = STRBUF_INIT;
	sanitize_to_utf8(s, -1, false, &clean);
	j = json_string(strbuf_str(&clean));
	strbuf_free(&clean);
	return j ? j : json_null();
}

static void json_issue(struct list_output *o, const struct issue *issue, struct strbuf *out)
{
	char buf[MODEL_MAX_FIELD + 2];
	json_t *obj = json_object();
	for (size_t i = 0; i < NFIELDS; i++) {
		json_t *value;
		if (i == 7)
			value = issue->has_count ? json_integer((json_int_t)issue->count) : json_null();
		else if (i == 8)
			value = issue->user_count >= 0 ? json_integer(issue->user_count) : json_null();
		else
			value = json_text(field_text(issue, i, buf, sizeof buf));
		json_object_set_new(obj, LIST_FIELDS[i], value);
	}
	char *text = json_dumps(obj, JSON_PRESERVE_ORDER | JSON_COMPACT);
	strbuf_adds(out, o->rows ? ",\n" : "\n");
	strbuf_adds(out, text ? text : "{}");
	free(text);
	json_decref(obj);
}

/* TSV */

static void tsv_issue(const struct issue *issue, struct strbuf *out)
{
	char buf[MODEL_MAX_FIELD + 2];
	for (size_t i = 0; i < NFIELDS; i++) {
		if (i)
			strbuf_addc(out, '\t');
		const char *text = field_text(issue, i, buf, sizeof buf);
		if (text)
			sanitize_to_utf8(text, -1, false, out); /* tabs become spaces, LF "⏎" */
	}
	strbuf_addc(out, '\n');
}

/* Plain */

enum { W_SHORT_ID = 18, W_LEVEL = 7, W_STATUS = 10, W_COUNT = 7, W_USERS = 6, W_AGE = 4 };

/* s sanitized, cut to width cells, padded with spaces to exactly width (left or right). */
static void cell(const char *s, int width, bool right, struct strbuf *out)
{
	struct strbuf text = STRBUF_INIT;
	int w = s ? sanitize_to_utf8(s, width, true, &text) : 0;
	if (right)
		for (int i = w; i < width; i++)
			strbuf_addc(out, ' ');
	strbuf_adds(out, strbuf_str(&text));
	if (!right)
		for (int i = w; i < width; i++)
			strbuf_addc(out, ' ');
	strbuf_free(&text);
}

static void age(time_t now, time_t t, char *buf, size_t size)
{
	if (!t) {
		snprintf(buf, size, "-");
		return;
	}
	long long s = now > t ? (long long)(now - t) : 0;
	if (s < 60)
		snprintf(buf, size, "%llds", s);
	else if (s < 3600)
		snprintf(buf, size, "%lldm", s / 60);
	else if (s < 86400)
		snprintf(buf, size, "%lldh", s / 3600);
	else if (s < 86400 * 365)
		snprintf(buf, size, "%lldd", s / 86400);
	else
		snprintf(buf, size, "%lldy", s / (86400 * 365));
}

static int title_width(const struct list_output *o)
{
	int used = W_SHORT_ID + W_LEVEL + W_STATUS + W_COUNT + W_USERS + W_AGE + 6; /* gaps */
	int w = o->width - used;
	return w < 1 ? 1 : w;
}

static void plain_row(struct list_output *o, const char *const cols[7], struct strbuf *line)
{
	struct strbuf row = STRBUF_INIT, *out = &row;
	cell(cols[0], W_SHORT_ID, false, out);
	strbuf_addc(out, ' ');
	cell(cols[1], W_LEVEL, false, out);
	strbuf_addc(out, ' ');
	cell(cols[2], W_STATUS, false, out);
	strbuf_addc(out, ' ');
	cell(cols[3], W_COUNT, true, out);
	strbuf_addc(out, ' ');
	cell(cols[4], W_USERS, true, out);
	strbuf_addc(out, ' ');
	cell(cols[5], W_AGE, true, out);
	strbuf_addc(out, ' ');
	struct strbuf title = STRBUF_INIT;
	sanitize_to_utf8(cols[6] ? cols[6] : "", title_width(o), true, &title);
	strbuf_adds(out, strbuf_str(&title));
	strbuf_free(&title);
	/* A terminal narrower than the fixed columns cuts the row (it is sanitized text
	 * already, so cutting it again changes nothing else). */
	sanitize_to_utf8(strbuf_str(&row), o->width, false, line);
	strbuf_free(&row);
	strbuf_addc(line, '\n');
}

static void plain_issue(struct list_output *o, const struct issue *issue, struct strbuf *out)
{
	if (!o->rows) {
		const char *const header[7] = { "SHORT ID", "LEVEL", "STATUS", "EVENTS", "USERS",
		                                "SEEN", "TITLE" };
		plain_row(o, header, out);
	}
	char count[32], users[32], seen[16];
	field_text(issue, 7, count, sizeof count);
	if (!issue->has_count)
		snprintf(count, sizeof count, "-");
	if (issue->user_count >= 0)
		snprintf(users, sizeof users, "%lld", issue->user_count);
	else
		snprintf(users, sizeof users, "-");
	age(o->now, issue->last_seen, seen, sizeof seen);
	const char *const cols[7] = {
		issue->short_id ? issue->short_id : issue->id,
		field_text(issue, 4, NULL, 0),
		issue->status,
		count, users, seen, issue->title,
	};
	plain_row(o, cols, out);
}

void list_output_issue(struct list_output *o, const struct issue *issue, struct strbuf *out)
{
	switch (o->format) {
	case LIST_JSON: json_issue(o, issue, out); break;
	case LIST_TSV: tsv_issue(issue, out); break;
	case LIST_PLAIN: plain_issue(o, issue, out); break;
	}
	o->rows++;
}

void list_output_end(struct list_output *o, struct strbuf *out)
{
	if (o->format == LIST_JSON)
		strbuf_adds(out, o->rows ? "\n]\n" : "]\n");
}
