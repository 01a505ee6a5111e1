/* The `:` command table (see commands.h). */
#include "views/commands.h"

#include <string.h>

static const struct command_info commands[] = {
	{ "query", NULL, "issues", "SEARCH", VALUES_NONE, false,
	  "Set the Sentry search query (is:unresolved level:error …)" },
	{ "sort", NULL, "issues", "date|new|freq|user|trends|inbox|recommended", VALUES_NONE, false,
	  "Sort by last seen, first seen, events, users, trend…" },
	{ "period", NULL, "issues", "1h|24h|7d|14d|30d|90d", VALUES_NONE, false,
	  "Time period (any number of s, m, h, d or w)" },
	{ "env", "environment", "issues", "ENVIRONMENT|all", VALUES_ENVIRONMENTS, false,
	  "Show one environment, or all" },
	{ "project", NULL, "issues", "SLUG|all", VALUES_PROJECTS, false,
	  "Show one project, or all" },
	{ "open", NULL, "generic", "ISSUE|PROJECT:EVENT|LINK", VALUES_NONE, false,
	  "Open an issue (short id, id, link), a transaction or a trace" },
	{ "profile", NULL, "generic", "NAME", VALUES_PROFILES, false,
	  "Switch to another profile of the config; alone, pick from a list" },
	{ "search", NULL, "issue", "TEXT", VALUES_NONE, false, "Search in this section" },
	{ "event", NULL, "issue", "ID|latest|oldest|recommended", VALUES_NONE, false,
	  "Show one of the issue's events" },
	{ "waterfall", NULL, "issue", "", VALUES_NONE, false,
	  "Show the transaction's spans as a waterfall" },
	{ "trace", NULL, "issue", "", VALUES_NONE, false,
	  "Open the event's trace as a waterfall, this event marked" },
	{ "transactions", NULL, "generic", "", VALUES_NONE, false,
	  "Recent transactions of the stream's projects, environment and period" },
	{ "releases", NULL, "generic", "", VALUES_NONE, false,
	  "Release health: crash-free sessions and users, adoption, sessions" },
	{ "new-issues", NULL, "releases", "", VALUES_NONE, false,
	  "The stream on the issues first seen in this release (firstRelease:VERSION)" },
	{ "release-issues", NULL, "releases", "", VALUES_NONE, false,
	  "The stream on the issues seen in this release (release:VERSION)" },
	{ "release", NULL, "issue", "first|last", VALUES_NONE, false,
	  "Open the issue's first or last release" },
	{ "depth", NULL, "waterfall", "N", VALUES_NONE, false,
	  "Waterfall: show spans down to N levels, fold the deeper ones" },
	{ "resolve", NULL, "generic", "[next|VERSION]", VALUES_NONE, true,
	  "Resolve now, in the next release, or in VERSION" },
	{ "unresolve", NULL, "generic", "", VALUES_NONE, true, "Unresolve" },
	{ "archive", "mute", "generic",
	  "[escalating|30m|2h|24h|1w|forever|events N[/1h]|users N[/1h]]", VALUES_NONE, true,
	  "Archive until escalating (default) or as given" },
	{ "assign", NULL, "generic", "NAME|EMAIL|#team|me|none", VALUES_PEOPLE, true,
	  "Assign to a member or team, to me, or to nobody" },
	{ "unassign", NULL, "generic", "", VALUES_NONE, true, "Remove the assignee" },
	{ "help", NULL, "generic", "", VALUES_NONE, false, "This help" },
	{ "quit", "q", "generic", "", VALUES_NONE, false, "Quit sentry-tui" },
};

const struct command_info *command_table(size_t *n)
{
	*n = sizeof(commands) / sizeof(commands[0]);
	return commands;
}

const struct command_info *command_find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0 ||
		    (commands[i].alias && strcmp(commands[i].alias, name) == 0))
			return &commands[i];
	return NULL;
}

static bool is_literal_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

void command_arg_choices(const struct command_info *c,
                         void (*fn)(void *ctx, const char *word, size_t len), void *ctx)
{
	const char *p = c->args;
	while (*p) {
		/* One alternative: up to the next '|' outside brackets. */
		while (*p == '[' || *p == '|')
			p++;
		const char *start = p;
		int depth = 0;
		while (*p && !(*p == '|' && depth == 0)) {
			if (*p == '[')
				depth++;
			else if (*p == ']')
				depth--;
			if (depth < 0)
				break;
			p++;
		}
		/* Its leading literal word: "events" of "events N[/1h]", nothing of "SLUG". */
		size_t len = 0;
		while (start + len < p && is_literal_char(start[len]))
			len++;
		bool word_ends = start + len == p || start[len] == ' ' || start[len] == ']';
		if (len && word_ends)
			fn(ctx, start, len);
		if (*p == ']')
			p++;
	}
}
