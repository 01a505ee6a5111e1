/* The filter name tables (see filters.h). */
#include "config/filters.h"

#include <string.h>

const struct config_sort config_sorts[] = {
	{ "date", "last seen" },
	{ "new", "first seen" },
	{ "freq", "events" },
	{ "user", "users" },
	{ "trends", NULL },
	{ "inbox", NULL },          /* Sentry takes it only with is:for_review and says so */
	{ "recommended", NULL },
	{ NULL, NULL },
};

/* "last-seen" for "last seen": a dash where the label has a space. */
static bool matches_dashed(const char *text, const char *label)
{
	for (; *text && *label; text++, label++)
		if (*text != (*label == ' ' ? '-' : *label))
			return false;
	return !*text && !*label;
}

const char *config_sort_lookup(const char *text)
{
	for (const struct config_sort *s = config_sorts; s->name; s++)
		if (strcmp(text, s->name) == 0 ||
		    (s->label && (strcmp(text, s->label) == 0 || matches_dashed(text, s->label))))
			return s->name;
	return NULL;
}

const char *config_sort_label(const char *name)
{
	for (const struct config_sort *s = config_sorts; s->name; s++)
		if (strcmp(name, s->name) == 0)
			return s->label ? s->label : s->name;
	return name;
}

void config_sort_describe(struct strbuf *out)
{
	for (const struct config_sort *s = config_sorts; s->name; s++)
		strbuf_addf(out, "%s%s", s == config_sorts ? "" : ", ", s->name);
	strbuf_adds(out, " (or ");
	bool first = true;
	for (const struct config_sort *s = config_sorts; s->name; s++) {
		if (!s->label)
			continue;
		strbuf_adds(out, first ? "" : ", ");
		for (const char *p = s->label; *p; p++)
			strbuf_addc(out, *p == ' ' ? '-' : *p);
		first = false;
	}
	strbuf_adds(out, ")");
}

bool config_period_valid(const char *text)
{
	size_t digits = strspn(text, "0123456789");
	if (digits == 0 || digits > 6 || text[0] == '0')
		return false;
	return text[digits] && strchr("smhdw", text[digits]) && text[digits + 1] == '\0';
}

bool config_environment_means_all(const char *text)
{
	return strcmp(text, "all") == 0;
}
