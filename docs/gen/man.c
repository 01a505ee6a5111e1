/* The man page sentry-tui(1), in roff (man macros), from the tables (see gen.h). */
#include "docs/gen/gen.h"

#include <string.h>

#include "cli/options.h"
#include "tui/keymap.h"
#include "tui/request.h"
#include "views/commands.h"

/* Text for a roff line: backslashes and dashes escaped, a leading dot or quote defused,
 * and every non-ASCII character written as \[uXXXX] so the page reads the same whatever
 * encoding groff assumes. */
static void roff(FILE *out, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	if (*p == '.' || *p == '\'')
		fputs("\\&", out);
	while (*p) {
		if (*p == '\\') {
			fputs("\\e", out);
			p++;
		} else if (*p == '-') {
			fputs("\\-", out);
			p++;
		} else if (*p < 0x80) {
			fputc(*p++, out);
		} else {
			unsigned cp;
			int more;
			if ((*p & 0xe0) == 0xc0) {
				cp = *p & 0x1f;
				more = 1;
			} else if ((*p & 0xf0) == 0xe0) {
				cp = *p & 0x0f;
				more = 2;
			} else {
				cp = *p & 0x07;
				more = 3;
			}
			p++;
			for (; more > 0 && (*p & 0xc0) == 0x80; more--)
				cp = (cp << 6) | (*p++ & 0x3f);
			fprintf(out, "\\[u%04X]", cp);
		}
	}
}

static void line(FILE *out, const char *text)
{
	roff(out, text);
	fputc('\n', out);
}

/* A bold tag line (.TP) and its description. */
static void item(FILE *out, const char *tag, const char *tag_rest, const char *text)
{
	fputs(".TP\n\\fB", out);
	roff(out, tag);
	fputs("\\fR", out);
	if (tag_rest && *tag_rest) {
		fputs(" \\fI", out);
		roff(out, tag_rest);
		fputs("\\fR", out);
	}
	fputc('\n', out);
	line(out, text);
}

static void options(FILE *out)
{
	struct strbuf text = STRBUF_INIT, tag = STRBUF_INIT;
	fputs(".SH OPTIONS\n", out);
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const struct config_option *opt = &config_options[i];
		if (!opt->flag)
			continue;
		strbuf_reset(&tag);
		if (opt->short_flag)
			strbuf_addf(&tag, "%s, ", opt->short_flag);
		strbuf_adds(&tag, opt->flag);
		strbuf_reset(&text);
		strbuf_adds(&text, opt->help);
		if (opt->kind == KIND_LIST)
			strbuf_adds(&text, "; repeat for more than one");
		struct strbuf choices = STRBUF_INIT;
		gen_option_choices(opt, &choices);
		if (choices.len)
			strbuf_addf(&text, "; one of: %s", strbuf_str(&choices));
		strbuf_free(&choices);
		if (opt->default_text && opt->kind != KIND_BOOL)
			strbuf_addf(&text, " (default: %s)", opt->default_text);
		if (opt->key)
			strbuf_addf(&text, ". Config key: %s", opt->key);
		if (opt->env)
			strbuf_addf(&text, "%s %s: %s", opt->key ? ";" : ".", opt->key ? "environment" : "Environment", opt->env);
		strbuf_adds(&text, ".");
		item(out, strbuf_str(&tag), opt->kind == KIND_BOOL ? NULL : opt->metavar, strbuf_str(&text));
	}
	strbuf_free(&text);
	strbuf_free(&tag);
}

static void subcommand_flags(FILE *out, const char *subcommand)
{
	size_t n;
	const struct cli_flag *flags = cli_flag_table(&n);
	fputs(".RS\n", out);
	for (size_t i = 0; i < n; i++)
		if (strcmp(flags[i].subcommand, subcommand) == 0)
			item(out, flags[i].name, flags[i].metavar, flags[i].help);
	fputs(".RE\n", out);
}

static void subcommands(FILE *out)
{
	fputs(".SH SUBCOMMANDS\n"
	      ".TP\n\\fBopen\\fR \\fIISSUE\\fR\n", out);
	line(out, "Start on one issue: a short id in any case (BACKEND-4B), a numeric id, or an "
	          "issue or event link of the server as pasted. PROJECT:EVENT_ID, a transaction's "
	          "link or a trace link opens the waterfall. q then shows the stream.");
	fputs(".TP\n\\fBlist\\fR\n", out);
	line(out, "Print the stream's issues and exit, without curses: the same flags, profile, "
	          "config file and defaults as the TUI. Server text is sanitized in plain and tsv; "
	          "json is one array of objects (id shortId title culprit level status substatus "
	          "count userCount firstSeen lastSeen assignee project permalink). Pages are "
	          "written as they arrive.");
	subcommand_flags(out, "list");
	fputs(".TP\n\\fBstatus\\fR\n", out);
	line(out, "Print one line for tmux's status-right (e.g. \"⚠ 3 new · 12 unresolved · 1 "
	          "escalating\") and exit. The counts are cached per server, organization, "
	          "profile and query in $XDG_CACHE_HOME/sentry-tui/; when the server fails the "
	          "last line is printed with \" (stale)\".");
	subcommand_flags(out, "status");
	fputs(".TP\n\\fBprofiles\\fR\n", out);
	line(out, "List the config file's profiles, the one in use marked *, with their server "
	          "kind as configured (server_kind), org and URL, and exit; no token_command runs "
	          "and nothing is sent. While the TUI runs, :profile NAME (or P) switches to one.");
	subcommand_flags(out, "profiles");
}

static void environment(FILE *out)
{
	fputs(".SH ENVIRONMENT\n", out);
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const struct config_option *opt = &config_options[i];
		if (!opt->env)
			continue;
		struct strbuf text = STRBUF_INIT;
		strbuf_addf(&text, "%s%s.", opt->help, opt->kind == KIND_LIST ? ", comma-separated" : "");
		item(out, opt->env, NULL, strbuf_str(&text));
		strbuf_free(&text);
	}
	item(out, "XDG_CONFIG_HOME", NULL, "Where the default config file lives (~/.config).");
	item(out, "XDG_STATE_HOME", NULL,
	     "Where the query history and watch mode's last rows are kept (~/.local/state).");
	item(out, "XDG_CACHE_HOME", NULL,
	     "Where status caches its counts and list remembers project ids (~/.cache).");
	item(out, "NO_COLOR", NULL, "Set to any non-empty value for the mono theme.");
	item(out, "BROWSER", NULL, "The program o opens an issue with (else xdg-open when there is a display).");
	item(out, "COLUMNS", NULL, "The width list's plain format fits (else the terminal's, else 80).");
}

static void files(FILE *out)
{
	fputs(".SH FILES\n", out);
	item(out, "$XDG_CONFIG_HOME/sentry-tui/config.yml", NULL,
	     "The YAML config file (~/.config/sentry-tui/config.yml when XDG_CONFIG_HOME is unset), "
	     "unless --config or SENTRY_TUI_CONFIG names another. A commented example is "
	     "installed as sentry-tui.yml.example with the documentation.");
	item(out, ".sentryclirc", NULL,
	     "In the current directory and each parent (the nearest file wins for each key), "
	     "then ~/.sentryclirc: [defaults] url, org, project and [auth] token, as the official "
	     "sentry-cli reads them.");
	item(out, "$XDG_STATE_HOME/sentry-tui/", NULL,
	     "Query history (never with control characters) and watch mode's remembered rows, "
	     "mode 0600, no token.");
	item(out, "$XDG_CACHE_HOME/sentry-tui/", NULL,
	     "The status subcommand's cached counts, and the project ids list looks slugs up in "
	     "(one file per server and organization, trusted for a day, asked again when stale), "
	     "mode 0600, no token.");
}

static void configuration(FILE *out)
{
	fputs(".SH CONFIGURATION\n", out);
	line(out, "Each setting is taken from the first of: flags, environment, config file (the "
	          "chosen profile, then the top level), .sentryclirc, defaults. Errors are reported "
	          "as file:line:col, all at once, before the terminal is touched. The config file's keys:");
	struct strbuf shape = STRBUF_INIT, text = STRBUF_INIT;
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const struct config_option *opt = &config_options[i];
		if (!opt->key)
			continue;
		strbuf_reset(&shape);
		config_option_value_shape(opt, &shape);
		strbuf_reset(&text);
		strbuf_adds(&text, opt->help);
		if (opt->default_text)
			strbuf_addf(&text, " (default: %s)", opt->default_text);
		if (!(opt->scope & SCOPE_TOP))
			strbuf_adds(&text, "; in a profile only");
		else if (opt->scope & SCOPE_PROFILE)
			strbuf_adds(&text, "; also in a profile");
		strbuf_adds(&text, ".");
		struct strbuf tag = STRBUF_INIT;
		strbuf_addf(&tag, "%s:", opt->key);
		item(out, strbuf_str(&tag), strbuf_str(&shape), strbuf_str(&text));
		strbuf_free(&tag);
	}
	strbuf_free(&shape);
	strbuf_free(&text);
}

/* Where a scope's keys work, as the section heading says it. */
static const char *scope_heading(const char *scope)
{
	static const struct { const char *scope, *heading; } headings[] = {
		{ "generic", "Everywhere" }, { "issues", "Issue stream" }, { "issue", "Issue screen" },
		{ "waterfall", "Waterfall" }, { "transactions", "Transactions" },
		{ "releases", "Release health" }, { "release", "A release" },
	};
	for (size_t i = 0; i < sizeof headings / sizeof headings[0]; i++)
		if (strcmp(headings[i].scope, scope) == 0)
			return headings[i].heading;
	return scope;
}

static bool scope_seen_before(enum request req)
{
	for (int r = REQ_NONE + 1; r < (int)req; r++)
		if (strcmp(request_info((enum request)r)->scope, request_info(req)->scope) == 0)
			return true;
	return false;
}

static void keys(FILE *out)
{
	fputs(".SH KEYS\n", out);
	line(out, "Every key is rebindable in the config (bindings: {resolve: R, move-down: [j, "
	          "<Down>]}); the name in brackets is the action's, for bindings and as a : command. "
	          "? shows the keys as bound. Actions marked (changes the server) are refused in "
	          "read-only mode.");
	struct strbuf keys_text = STRBUF_INIT, text = STRBUF_INIT;
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		const struct request_info *info = request_info((enum request)r);
		if (scope_seen_before(info->req))
			continue;
		fputs(".SS ", out);
		line(out, scope_heading(info->scope));
		for (int k = r; k < REQ_COUNT; k++) {
			const struct request_info *row = request_info((enum request)k);
			if (strcmp(row->scope, info->scope) != 0 || (row->flags & REQF_HIDDEN))
				continue;
			strbuf_reset(&keys_text);
			keymap_keys_display(row->req, row->scope, &keys_text);
			if (!keys_text.len)
				strbuf_adds(&keys_text, "(no key)");
			strbuf_reset(&text);
			strbuf_addf(&text, "%s [%s]%s", row->help, row->name,
			            row->flags & REQF_MUTATES ? " (changes the server)" : "");
			item(out, strbuf_str(&keys_text), NULL, strbuf_str(&text));
		}
	}
	strbuf_free(&keys_text);
	strbuf_free(&text);
}

static void commands(FILE *out)
{
	size_t n;
	const struct command_info *table = command_table(&n);
	fputs(".SH COMMANDS\n", out);
	line(out, "Typed after : (Tab completes names and arguments; a typo gets \"did you "
	          "mean\"). Every action of KEYS also runs by its name, :resolve or :move-down.");
	for (size_t i = 0; i < n; i++) {
		struct strbuf tag = STRBUF_INIT, text = STRBUF_INIT;
		strbuf_addf(&tag, ":%s", table[i].name);
		if (strcmp(table[i].scope, "generic") != 0)
			strbuf_addf(&text, "%s: ", scope_heading(table[i].scope));
		strbuf_adds(&text, table[i].help);
		if (table[i].alias)
			strbuf_addf(&text, " (also :%s)", table[i].alias);
		if (table[i].mutates)
			strbuf_adds(&text, " (changes the server)");
		strbuf_adds(&text, ".");
		item(out, strbuf_str(&tag), table[i].args, strbuf_str(&text));
		strbuf_free(&tag);
		strbuf_free(&text);
	}
}

static void example(FILE *out, const char *what, const char *command)
{
	fputs(".PP\n", out);
	line(out, what);
	fputs(".PP\n.RS 4\n.EX\n", out);
	line(out, command);
	fputs(".EE\n.RE\n", out);
}

void gen_man(FILE *out)
{
	fputs(".\\\" Generated by sentry-tui-docgen from the program's tables (make docs); do not edit.\n", out);
	fprintf(out, ".TH SENTRY\\-TUI 1 \"\" \"sentry\\-tui %s\" \"User Commands\"\n", SENTRY_TUI_VERSION);
	fputs(".SH NAME\nsentry\\-tui \\- browse and triage Sentry issues in the terminal\n", out);
	fputs(".SH SYNOPSIS\n"
	      ".B sentry\\-tui\n[\\fIOPTION\\fR]...\n.br\n"
	      ".B sentry\\-tui open\n\\fIISSUE\\fR [\\fIOPTION\\fR]...\n.br\n"
	      ".B sentry\\-tui list\n[\\fB\\-\\-limit\\fR \\fIN\\fR|\\fB\\-\\-all\\fR] "
	      "[\\fB\\-\\-format\\fR \\fIplain\\fR|\\fItsv\\fR|\\fIjson\\fR] [\\fIOPTION\\fR]...\n.br\n"
	      ".B sentry\\-tui status\n[\\fB\\-\\-format\\fR \\fIFIELDS\\fR] [\\fB\\-\\-ascii\\fR] "
	      "[\\fB\\-\\-tmux\\fR] [\\fB\\-\\-ttl\\fR \\fISECONDS\\fR] [\\fIOPTION\\fR]...\n", out);
	fputs(".SH DESCRIPTION\n", out);
	line(out, "sentry-tui is a terminal client for Sentry and Sentry-compatible servers "
	          "(self-hosted Sentry, GlitchTip): the issue stream with search, sort, period, "
	          "environment and project filters; an issue's stack trace opened on the crash, "
	          "breadcrumbs, tags and context; transactions and traces as span waterfalls; "
	          "release health; triage (resolve, archive, assign, bookmark, review, undo) on "
	          "one issue or a marked batch; and a compact watch mode for a small pane.");
	fputs(".PP\n", out);
	line(out, "It reads the token from SENTRY_AUTH_TOKEN, a profile of the config file "
	          "(token or token_command) or .sentryclirc. The token needs the scopes "
	          "event:read, project:read and org:read; event:write for triage, member:read "
	          "for the assignee picker. It is never shown on screen, logged, written, or "
	          "passed to a child process.");
	subcommands(out);
	options(out);
	keys(out);
	commands(out);
	configuration(out);
	environment(out);
	files(out);
	fputs(".SH EXIT STATUS\n", out);
	line(out, "The TUI exits 0 when quit, 2 for a usage or config error or a terminal it cannot "
	          "set up. list and status exit:");
	static const char *const statuses[][2] = {
		{ "0", "results (status: a line, fresh or cached)" },
		{ "1", "nothing matched (list)" },
		{ "2", "usage or config error" },
		{ "3", "the server answered with an error" },
		{ "4", "the token was refused (401, 403)" },
		{ "5", "no answer (network, DNS, TLS, timeout)" },
	};
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		item(out, statuses[i][0], NULL, statuses[i][1]);
	fputs(".SH EXAMPLES\n", out);
	example(out, "The unresolved errors of one project:",
	        "SENTRY_AUTH_TOKEN=... sentry-tui --org acme --project backend --query 'is:unresolved level:error'");
	example(out, "One issue from a pasted link:", "sentry-tui open https://acme.sentry.io/issues/4500000002/");
	example(out, "A dashboard pane refreshed every 30 seconds, ringing for new high-priority issues:",
	        "sentry-tui --profile work --watch 30 --bell new");
	example(out, "Every unresolved issue as JSON:", "sentry-tui list --all --format json | jq '.[].shortId'");
	example(out, "tmux's status line, one request per 30 seconds:",
	        "set -g status-right '#(sentry-tui status --tmux)'");
	fputs(".SH SEE ALSO\n", out);
	line(out, "The README and sentry-tui.yml.example in /usr/share/doc/sentry-tui/ (or "
	          "PREFIX/share/doc/sentry-tui/).");
}
