/* The option table and everything read straight from it: lookups, value checks,
 * did-you-mean and the --help text (see options.h). */
#include "config/options.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/filters.h"
#include "util/xalloc.h"

/* The names tui/theme.c knows (config/ does not include tui/; test_theme checks both). */
static const char *const theme_choices[] = { "default", "8", "16", "256", "high-contrast",
	                                     "mono", NULL };
static const char *const bell_choices[] = { "new", "escalating", "never", NULL };
static const char *const clipboard_choices[] = { "osc52", "command", "off", NULL };
static const char *const hyperlinks_choices[] = { "auto", "on", "off", NULL };
static const char *const server_kind_choices[] = { "auto", "sentry", "glitchtip", NULL };
static const char *const colour_choices[] = { "red", "green", "yellow", "blue", "magenta",
	"cyan", "white", NULL };

/* Longest number of seconds any setting takes: a day. */
#define MAX_SECONDS 86400

const struct config_option config_options[OPT_COUNT] = {
	[OPT_URL] = { .key = "url", .flag = "--url", .metavar = "URL", .env = "SENTRY_URL",
		.kind = KIND_URL, .scope = SCOPE_TOP | SCOPE_PROFILE,
		.default_text = "https://sentry.io/", .help = "Sentry server URL" },
	[OPT_ORG] = { .key = "org", .flag = "--org", .metavar = "ORG", .env = "SENTRY_ORG",
		.kind = KIND_SLUG, .scope = SCOPE_TOP | SCOPE_PROFILE,
		.help = "organization slug" },
	[OPT_PROJECTS] = { .key = "projects", .flag = "--project", .metavar = "SLUG",
		.env = "SENTRY_PROJECT", .kind = KIND_LIST, .scope = SCOPE_TOP | SCOPE_PROFILE,
		.help = "projects to show (default: all)" },
	[OPT_TOKEN] = { .key = "token", .env = "SENTRY_AUTH_TOKEN", .kind = KIND_SECRET,
		.scope = SCOPE_TOP | SCOPE_PROFILE,
		.help = "auth token" },
	[OPT_TOKEN_COMMAND] = { .key = "token_command", .kind = KIND_TEXT,
		.scope = SCOPE_TOP | SCOPE_PROFILE,
		.help = "shell command that prints the token (e.g. pass show sentry)" },
	[OPT_CA_BUNDLE] = { .key = "ca_bundle", .kind = KIND_TEXT,
		.scope = SCOPE_TOP | SCOPE_PROFILE,
		.help = "CA certificates (PEM file) for a server with a private CA, trusted in place "
		        "of the system's" },
	[OPT_PROFILE] = { .key = "profile", .flag = "--profile", .metavar = "NAME",
		.env = "SENTRY_TUI_PROFILE",
		.kind = KIND_TEXT, .scope = SCOPE_TOP,
		.help = "which entry of profiles to use" },
	[OPT_PROFILES] = { .key = "profiles", .kind = KIND_PROFILES, .scope = SCOPE_TOP,
		.help = "named servers: url, org, projects, token or token_command, ca_bundle" },
	[OPT_QUERY] = { .key = "query", .flag = "--query", .metavar = "QUERY",
		.kind = KIND_ANY_TEXT, .scope = SCOPE_TOP | SCOPE_PROFILE, .default_text = "is:unresolved",
		.help = "issue search" },
	[OPT_SORT] = { .key = "sort", .flag = "--sort", .metavar = "SORT", .kind = KIND_SORT,
		.scope = SCOPE_TOP | SCOPE_PROFILE, .default_text = "date", .help = "issue order" },
	[OPT_PERIOD] = { .key = "period", .flag = "--period", .metavar = "PERIOD",
		.kind = KIND_PERIOD, .scope = SCOPE_TOP | SCOPE_PROFILE, .default_text = "14d",
		.help = "stats period: a number and s, m, h, d or w" },
	[OPT_ENVIRONMENT] = { .key = "environment", .flag = "--environment", .metavar = "ENV",
		.kind = KIND_TEXT, .scope = SCOPE_TOP | SCOPE_PROFILE,
		.help = "environment to show (default: all)" },
	[OPT_REFRESH_INTERVAL] = { .key = "refresh_interval", .kind = KIND_SECONDS,
		.scope = SCOPE_TOP, .default_text = "0", .min = 0, .max = MAX_SECONDS,
		.help = "seconds between automatic refreshes (at least 5); 0 turns them off" },
	[OPT_TIMEOUT] = { .key = "timeout", .kind = KIND_SECONDS, .scope = SCOPE_TOP,
		.default_text = "30", .min = 1, .max = MAX_SECONDS,
		.help = "seconds to wait for each request; connecting, the TLS handshake "
		        "included, gets at most 10 of them" },
	[OPT_READ_ONLY] = { .key = "read_only", .flag = "--read-only", .kind = KIND_BOOL,
		.scope = SCOPE_TOP | SCOPE_PROFILE, .default_text = "false",
		.help = "hide every action that changes data on the server" },
	[OPT_WATCH] = { .key = "watch", .flag = "--watch", .metavar = "[SECONDS]",
		.kind = KIND_SECONDS, .scope = SCOPE_TOP | SCOPE_PROFILE, .min = 5, .max = MAX_SECONDS,
		.value_optional = true,
		.help = "watch mode for a small pane: compact rows, a refresh every SECONDS (at "
		        "least 5; alone: refresh_interval, else 60), new and escalating issues "
		        "marked, read-only" },
	[OPT_ALLOW_TRIAGE] = { .key = "allow_triage", .flag = "--allow-triage", .kind = KIND_BOOL,
		.scope = SCOPE_TOP, .default_text = "false",
		.help = "in watch mode, allow the actions that change issues" },
	[OPT_BELL] = { .key = "bell", .flag = "--bell", .metavar = "WHEN", .kind = KIND_CHOICE,
		.scope = SCOPE_TOP | SCOPE_PROFILE, .default_text = "never", .choices = bell_choices,
		.help = "watch mode: ring the terminal bell for a new high-priority issue (new), "
		        "also for one that escalates (escalating), or never" },
	[OPT_THEME] = { .key = "theme", .kind = KIND_CHOICE, .scope = SCOPE_TOP,
		.default_text = "default", .choices = theme_choices,
		.help = "colours: default (the most the terminal has), 8, 16, 256, high-contrast "
		        "(bold, no dim text, for dark and light terminals) or mono; NO_COLOR "
		        "forces mono" },
	[OPT_SERVER_KIND] = { .key = "server_kind", .kind = KIND_CHOICE,
		.scope = SCOPE_TOP | SCOPE_PROFILE, .default_text = "auto",
		.choices = server_kind_choices,
		.help = "the server's API: auto (learnt from its answers), sentry, glitchtip" },
	[OPT_MOUSE] = { .key = "mouse", .kind = KIND_BOOL, .scope = SCOPE_TOP,
		.default_text = "false",
		.help = "mouse: a click selects a row, a double click opens it" },
	[OPT_CLIPBOARD] = { .key = "clipboard", .kind = KIND_CHOICE, .scope = SCOPE_TOP,
		.default_text = "osc52", .choices = clipboard_choices,
		.help = "how y copies: osc52 (the terminal's clipboard, also over SSH and in tmux), "
		        "command (clipboard_command), off" },
	[OPT_CLIPBOARD_COMMAND] = { .key = "clipboard_command", .kind = KIND_TEXT,
		.scope = SCOPE_TOP,
		.help = "program that takes the copied text on stdin (wl-copy, xclip -selection "
		        "clipboard, pbcopy); run without a shell and without the token" },
	[OPT_HYPERLINKS] = { .key = "hyperlinks", .kind = KIND_CHOICE, .scope = SCOPE_TOP,
		.default_text = "auto", .choices = hyperlinks_choices,
		.help = "short ids and permalinks as clickable links (OSC 8): auto (where the "
		        "terminal is known to show them), on, off" },
	[OPT_CRASH_FREE_WARN] = { .key = "crash_free_warn", .kind = KIND_PERCENT,
		.scope = SCOPE_TOP, .default_text = "99",
		.help = "release health: a crash-free rate below this percent is a warning" },
	[OPT_CRASH_FREE_BAD] = { .key = "crash_free_bad", .kind = KIND_PERCENT,
		.scope = SCOPE_TOP, .default_text = "97",
		.help = "release health: a crash-free rate below this percent is bad" },
	[OPT_COLOUR] = { .key = "colour", .kind = KIND_CHOICE, .scope = SCOPE_TOP | SCOPE_PROFILE,
		.choices = colour_choices,
		.help = "the colour of the profile's name in the title row (red for prod, say)" },
	[OPT_CONFIRM_MUTATIONS] = { .key = "confirm_mutations", .kind = KIND_BOOL,
		.scope = SCOPE_TOP | SCOPE_PROFILE, .default_text = "false",
		.help = "ask y/N before every change to an issue, one issue or many (a guard "
		        "for prod)" },
	[OPT_BINDINGS] = { .key = "bindings", .kind = KIND_BINDINGS, .scope = SCOPE_TOP,
		.help = "key or list of keys for each request name" },
	[OPT_CONFIG] = { .flag = "--config", .metavar = "FILE", .env = "SENTRY_TUI_CONFIG",
		.kind = KIND_TEXT, .help = "YAML config file" },
	[OPT_HELP] = { .flag = "--help", .short_flag = "-h", .kind = KIND_SWITCH,
		.help = "show this help and exit" },
	[OPT_VERSION] = { .flag = "--version", .kind = KIND_SWITCH,
		.help = "show the version and exit" },
};

const struct config_option *config_option_by_key(const char *key, unsigned scope)
{
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const struct config_option *opt = &config_options[i];
		if (opt->key && (opt->scope & scope) && strcmp(opt->key, key) == 0)
			return opt;
	}
	return NULL;
}

const struct config_option *config_option_by_flag(const char *flag)
{
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const struct config_option *opt = &config_options[i];
		if ((opt->flag && strcmp(opt->flag, flag) == 0) ||
		    (opt->short_flag && strcmp(opt->short_flag, flag) == 0))
			return opt;
	}
	return NULL;
}

/* Edit distance, case-insensitive, for did-you-mean; names are short. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diagonal = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t above = row[j];
			size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
			size_t best = diagonal + cost;
			if (above + 1 < best)
				best = above + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diagonal = above;
		}
	}
	return row[lb];
}

static bool close_enough(const char *typed, const char *name, size_t distance)
{
	size_t len = strlen(typed);
	/* "refresh" for "refresh_interval": a typed prefix of a long name. */
	if (len >= 4 && strncasecmp(name, typed, len) == 0)
		return true;
	return distance <= (strlen(name) <= 4 ? 1u : 2u);
}

const char *config_option_suggest(const char *typed, unsigned scope, bool flags)
{
	const char *best = NULL;
	size_t best_distance = (size_t)-1;
	const char *bare = typed;
	if (flags)
		while (*bare == '-')
			bare++;
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const struct config_option *opt = &config_options[i];
		const char *name = flags ? opt->flag : opt->key;
		if (!name || (!flags && !(opt->scope & scope)))
			continue;
		const char *bare_name = flags ? name + 2 : name;
		/* The distance is at least the difference in length: names more than 2 longer
		 * or shorter are never close, unless typed is their prefix (skipping them
		 * keeps a file of unknown keys cheap to report; fuzz_config's profile). */
		size_t typed_len = strlen(bare), name_len = strlen(bare_name);
		bool prefix = typed_len >= 4 && strncasecmp(bare_name, bare, typed_len) == 0;
		if (!prefix && (typed_len > name_len + 2 || name_len > typed_len + 2))
			continue;
		size_t distance = edit_distance(bare, bare_name);
		if (close_enough(bare, bare_name, distance) && distance < best_distance) {
			best = name;
			best_distance = distance;
		}
	}
	return best;
}

static bool has_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return true;
	return false;
}

static bool has_space_or_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p == 0x7f)
			return true;
	return false;
}

bool config_parse_percent(const char *text, double *out)
{
	size_t digits = strspn(text, "0123456789");
	size_t len = digits;
	if (text[len] == '.')
		len += 1 + strspn(text + len + 1, "0123456789");
	if (digits == 0 || digits > 3 || text[len] != '\0' || text[len - 1] == '.')
		return false;
	double value = strtod(text, NULL);
	if (value > 100)
		return false;
	if (out)
		*out = value;
	return true;
}

bool config_parse_bool(const char *text, bool *out)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	for (size_t i = 0; i < 3; i++) {
		if (strcasecmp(text, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcasecmp(text, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

static bool is_http_url(const char *s)
{
	const char *rest;
	if (strncasecmp(s, "https://", 8) == 0)
		rest = s + 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		rest = s + 7;
	else
		return false;
	return *rest && *rest != '/' && !has_space_or_control(s);
}

static bool parse_seconds(const char *s, int min, int max, int *out)
{
	size_t digits = strspn(s, "0123456789");
	if (digits == 0 || digits > 9 || s[digits] != '\0')
		return false;
	long v = strtol(s, NULL, 10);
	if (v < min || v > max)
		return false;
	*out = (int)v;
	return true;
}

static void add_choices(struct strbuf *sb, const char *const *choices, const char *separator)
{
	for (size_t i = 0; choices[i]; i++) {
		if (i)
			strbuf_adds(sb, separator);
		strbuf_adds(sb, choices[i]);
	}
}

char *config_option_check_slug(const char *value, const char *name, const char *where,
                               struct config_report *report)
{
	char quoted[CONFIG_QUOTE_SIZE];
	if (!*value) {
		config_error(report, where, "%s must not be empty", name);
		return NULL;
	}
	if (has_space_or_control(value)) {
		config_error(report, where, "%s must be a slug without spaces (got \"%s\")", name,
		             config_quote(value, quoted, sizeof quoted));
		return NULL;
	}
	return xstrdup(value);
}

char *config_option_check(const struct config_option *opt, const char *value, const char *name,
                          const char *where, struct config_report *report)
{
	char quoted[CONFIG_QUOTE_SIZE];
	const char *shown = config_quote(value, quoted, sizeof quoted);
	int seconds;
	bool flag;

	if (opt->kind != KIND_ANY_TEXT && opt->kind != KIND_SWITCH && !*value) {
		config_error(report, where, "%s must not be empty", name);
		return NULL;
	}
	switch (opt->kind) {
	case KIND_SECRET:
		/* The token goes into an HTTP header: refuse anything that could split it. */
		if (has_space_or_control(value)) {
			config_error(report, where, "%s must not contain spaces or control characters",
			             name);
			return NULL;
		}
		return xstrdup(value);
	case KIND_TEXT:
	case KIND_ANY_TEXT:
		if (has_control(value)) {
			config_error(report, where, "%s must not contain control characters (got \"%s\")",
			             name, shown);
			return NULL;
		}
		return xstrdup(value);
	case KIND_SLUG:
	case KIND_LIST:
		return config_option_check_slug(value, name, where, report);
	case KIND_URL:
		if (!is_http_url(value)) {
			config_error(report, where,
			             "%s must be a URL starting with https:// or http:// (got \"%s\")",
			             name, shown);
			return NULL;
		}
		return xstrdup(value);
	case KIND_CHOICE: {
		for (size_t i = 0; opt->choices[i]; i++)
			if (strcmp(value, opt->choices[i]) == 0)
				return xstrdup(value);
		struct strbuf choices = STRBUF_INIT;
		add_choices(&choices, opt->choices, ", ");
		config_error(report, where, "%s must be one of %s (got \"%s\")", name,
		             strbuf_str(&choices), shown);
		strbuf_free(&choices);
		return NULL;
	}
	case KIND_SORT: {
		const char *sort = config_sort_lookup(value);
		if (sort)
			return xstrdup(sort);
		struct strbuf sorts = STRBUF_INIT;
		config_sort_describe(&sorts);
		config_error(report, where, "%s must be one of %s (got \"%s\")", name,
		             strbuf_str(&sorts), shown);
		strbuf_free(&sorts);
		return NULL;
	}
	case KIND_PERIOD:
		if (!config_period_valid(value)) {
			config_error(report, where,
			             "%s must be a number followed by s, m, h, d or w, such as 24h or 14d "
			             "(got \"%s\")", name, shown);
			return NULL;
		}
		return xstrdup(value);
	case KIND_SECONDS:
		if (!parse_seconds(value, opt->min, opt->max, &seconds)) {
			/* A watch pane refreshing faster than this would hammer the server. */
			if (config_option_id(opt) == OPT_WATCH &&
			    parse_seconds(value, 0, opt->min - 1, &seconds)) {
				config_error(report, where,
				             "%s %s is too often: the minimum is %d seconds", name, shown,
				             opt->min);
				return NULL;
			}
			config_error(report, where,
			             "%s must be a whole number of seconds from %d to %d (got \"%s\")",
			             name, opt->min, opt->max, shown);
			return NULL;
		}
		return xstrdup(value);
	case KIND_PERCENT:
		if (!config_parse_percent(value, NULL)) {
			config_error(report, where, "%s must be a percentage from 0 to 100, such as 99.5 "
			             "(got \"%s\")", name, shown);
			return NULL;
		}
		return xstrdup(value);
	case KIND_BOOL:
		if (!config_parse_bool(value, &flag)) {
			config_error(report, where, "%s must be true or false (got \"%s\")", name, shown);
			return NULL;
		}
		return xstrdup(flag ? "true" : "false");
	case KIND_SWITCH:
	case KIND_BINDINGS:
	case KIND_PROFILES:
		break;
	}
	return xstrdup(value);
}

bool config_option_split_list(const char *value, const char *name, const char *where,
                              struct config_report *report, char ***list, size_t *n)
{
	size_t cap = *n;
	const char *p = value;
	for (;;) {
		size_t len = strcspn(p, ",");
		/* Spaces around commas are for readability ("api, web"). */
		const char *start = p, *end = p + len;
		while (start < end && (*start == ' ' || *start == '\t'))
			start++;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end > start) {
			char *piece = xstrndup(start, (size_t)(end - start));
			char *slug = config_option_check_slug(piece, name, where, report);
			free(piece);
			if (!slug)
				return false;
			xgrow((void **)list, &cap, *n + 1, sizeof **list);
			(*list)[(*n)++] = slug;
		}
		if (!p[len])
			return true;
		p += len + 1;
	}
}

void config_option_value_shape(const struct config_option *opt, struct strbuf *sb)
{
	switch (opt->kind) {
	case KIND_URL:
		strbuf_adds(sb, "URL");
		break;
	case KIND_LIST:
		strbuf_adds(sb, "[SLUG, ...]");
		break;
	case KIND_CHOICE:
		add_choices(sb, opt->choices, "|");
		break;
	case KIND_SORT:
		for (const struct config_sort *sort = config_sorts; sort->name; sort++)
			strbuf_addf(sb, "%s%s", sort == config_sorts ? "" : "|", sort->name);
		break;
	case KIND_PERIOD:
		strbuf_adds(sb, "N{s,m,h,d,w}");
		break;
	case KIND_SECONDS:
		strbuf_adds(sb, "SECONDS");
		break;
	case KIND_PERCENT:
		strbuf_adds(sb, "PERCENT");
		break;
	case KIND_BOOL:
		strbuf_adds(sb, "true|false");
		break;
	case KIND_BINDINGS:
		strbuf_adds(sb, "{REQUEST: KEYS}");
		break;
	case KIND_PROFILES:
		strbuf_adds(sb, "{NAME: {...}}");
		break;
	case KIND_SECRET:
	case KIND_TEXT:
	case KIND_ANY_TEXT:
	case KIND_SLUG:
	case KIND_SWITCH:
		strbuf_adds(sb, "STRING");
		break;
	}
}

#define HELP_COLUMN 30
#define HELP_WIDTH 79

/* "  left      help text", the help wrapped at HELP_WIDTH and indented to HELP_COLUMN. */
static void add_row(struct strbuf *out, const char *left, const char *help, const char *extra,
                    const char *default_text)
{
	struct strbuf text = STRBUF_INIT;
	strbuf_addf(&text, "%s%s", help, extra);
	if (default_text)
		strbuf_addf(&text, " (default: %s)", default_text);

	size_t used = (size_t)strlen(left) + 2;
	strbuf_addf(out, "  %s", left);
	if (used + 2 > HELP_COLUMN) {
		strbuf_addc(out, '\n');
		used = 0;
	}
	strbuf_addf(out, "%*s", (int)(HELP_COLUMN - used), "");
	used = HELP_COLUMN;
	const char *p = strbuf_str(&text);
	while (*p) {
		size_t word = strcspn(p, " ");
		if (used > HELP_COLUMN && used + 1 + word > HELP_WIDTH) {
			strbuf_addf(out, "\n%*s", HELP_COLUMN, "");
			used = HELP_COLUMN;
		} else if (used > HELP_COLUMN) {
			strbuf_addc(out, ' ');
			used++;
		}
		strbuf_add(out, p, word);
		used += word;
		p += word;
		while (*p == ' ')
			p++;
	}
	strbuf_addc(out, '\n');
	strbuf_free(&text);
}

void config_options_help(struct strbuf *out)
{
	struct strbuf left = STRBUF_INIT;

	strbuf_adds(out,
	            "Usage: sentry-tui [OPTION]...\n"
	            "       sentry-tui open ISSUE [OPTION]...\n"
	            "       sentry-tui list [--limit N|--all] [--format plain|tsv|json] [OPTION]...\n"
	            "       sentry-tui status [--format FIELDS] [--ascii] [--tmux] [--ttl SECONDS]\n"
	            "                         [OPTION]...\n"
	            "       sentry-tui profiles [--probe] [--config FILE]\n"
	            "Browse and triage Sentry issues in the terminal. With open, start on one issue:\n"
	            "a short id (BACKEND-4B), an issue id, or an issue or event link of the server.\n"
	            "list prints the stream's issues (the same query, sort and config; --limit\n"
	            "100 unless given) and exits: 0 issues, 1 none matched, 2 usage, 3 server error,\n"
	            "4 token refused (401/403), 5 server unreachable (network, TLS, timeout).\n"
	            "status prints one line for a tmux status-right, \"{new} new, {unresolved}\n"
	            "unresolved, {escalating} escalating\" (also {regressed}, {stale}), cached for\n"
	            "--ttl seconds (30); a failing server prints the last line with (stale) and\n"
	            "exits 3, 4 or 5 as list does.\n"
	            "profiles lists the config's profiles with their server kind, org and URL\n"
	            "(--probe asks each server what it is); :profile NAME switches while running.\n"
	            "\n"
	            "Options:\n");
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const struct config_option *opt = &config_options[i];
		if (!opt->flag)
			continue;
		strbuf_reset(&left);
		if (opt->short_flag)
			strbuf_addf(&left, "%s, ", opt->short_flag);
		strbuf_adds(&left, opt->flag);
		if (opt->metavar && opt->kind != KIND_BOOL)
			strbuf_addf(&left, " %s", opt->metavar);
		add_row(out, strbuf_str(&left), opt->help,
		        opt->kind == KIND_LIST ? "; repeat for more than one" : "",
		        opt->kind == KIND_BOOL ? NULL : opt->default_text);
	}

	strbuf_adds(out, "\nEnvironment:\n");
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const struct config_option *opt = &config_options[i];
		if (opt->env)
			add_row(out, opt->env, opt->help,
			        opt->kind == KIND_LIST ? ", comma-separated" : "", NULL);
	}
	add_row(out, "XDG_CONFIG_HOME", "where the default config file lives", "", NULL);
	add_row(out, "NO_COLOR", "set to any non-empty value for the mono theme", "", NULL);

	strbuf_adds(out, "\nConfig file keys (all optional; see sentry-tui.yml.example):\n");
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const struct config_option *opt = &config_options[i];
		if (!opt->key)
			continue;
		strbuf_reset(&left);
		strbuf_addf(&left, "%s: ", opt->key);
		config_option_value_shape(opt, &left);
		add_row(out, strbuf_str(&left), opt->help, "", opt->default_text);
	}
	strbuf_free(&left);

	strbuf_adds(out,
	            "\nFiles:\n"
	            "  config file: --config FILE, else $SENTRY_TUI_CONFIG, else\n"
	            "    $XDG_CONFIG_HOME/sentry-tui/config.yml (~/.config/sentry-tui/config.yml\n"
	            "    when XDG_CONFIG_HOME is unset)\n"
	            "  .sentryclirc in the current directory and each parent (the nearest file\n"
	            "    wins for each key), then ~/.sentryclirc: [defaults] url, org, project\n"
	            "    and [auth] token\n"
	            "\n"
	            "Each setting is taken from the first of: flags, environment, config file\n"
	            "(the chosen profile, then the top level), .sentryclirc, defaults.\n");
}
