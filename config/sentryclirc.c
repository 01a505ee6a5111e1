/* Finding and parsing .sentryclirc files (see sentryclirc.h). */
#include "config/sentryclirc.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "config/files.h"
#include "config/token.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define RC_NAME ".sentryclirc"

/* Columns count characters, as libyaml's do, so both kinds of file read the same. */
static size_t column_of(const char *line, const char *at)
{
	size_t col = 0;
	for (const char *p = line; p < at; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			col++;
	return col;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && is_blank(*p))
		p++;
	return p;
}

static const char *trim_end(const char *start, const char *end)
{
	while (end > start && is_blank(end[-1]))
		end--;
	return end;
}

/* The settings sentry-tui shares with sentry-cli, by section and key. */
static bool shared_setting(const char *section, const char *key, enum config_option_id *id)
{
	if (strcmp(section, "defaults") == 0) {
		if (strcmp(key, "url") == 0)
			*id = OPT_URL;
		else if (strcmp(key, "org") == 0)
			*id = OPT_ORG;
		else if (strcmp(key, "project") == 0)
			*id = OPT_PROJECTS;
		else
			return false;
		return true;
	}
	if (strcmp(section, "auth") == 0 && strcmp(key, "token") == 0) {
		*id = OPT_TOKEN;
		return true;
	}
	return false;
}

static void take_value(const char *path, enum config_option_id id, const char *key,
                       const char *value, const char *where, struct config_layer *layer,
                       struct config_report *report)
{
	if (id == OPT_PROJECTS) {
		char **list = NULL;
		size_t n = 0;
		if (config_option_split_list(value, key, where, report, &list, &n)) {
			config_layer_set_projects(layer, list, n, where);
		} else {
			for (size_t i = 0; i < n; i++)
				free(list[i]);
			free(list);
		}
		return;
	}
	char *checked = config_option_check(&config_options[id], value, key, where, report);
	if (!checked)
		return;
	config_layer_set(layer, id, checked, where);
	if (id == OPT_TOKEN)
		config_layer_set_token_source(layer, path);
}

/* Handle one line; returns true when it holds a token (even one refused as malformed). */
static bool parse_line(const char *path, size_t lineno, const char *line, const char *end,
                       struct strbuf *section, struct config_layer *layer,
                       struct config_report *report)
{
	char *where = NULL;
	/* The parsing below works on C strings: a NUL would cut the line short and hide the
	 * rest of it, so the line is refused as a whole and the next lines are still read. */
	const char *nul = memchr(line, '\0', (size_t)(end - line));
	if (nul) {
		where = config_where(path, lineno, column_of(line, nul));
		config_error(report, where, "NUL byte in the line; the line is ignored");
		free(where);
		return false;
	}
	const char *p = skip_blanks(line, end);
	if (p == end || *p == '#' || *p == ';')
		return false;

	bool set_token = false;
	if (*p == '[') {
		const char *close = memchr(p, ']', (size_t)(end - p));
		if (!close) {
			where = config_where(path, lineno, column_of(line, p));
			config_error(report, where, "missing \"]\" after the section name");
		} else {
			const char *after = skip_blanks(close + 1, end);
			if (after < end && *after != '#' && *after != ';') {
				where = config_where(path, lineno, column_of(line, after));
				config_error(report, where, "unexpected text after the section name");
			}
			const char *name = skip_blanks(p + 1, close);
			strbuf_reset(section);
			strbuf_add(section, name, (size_t)(trim_end(name, close) - name));
		}
		free(where);
		return false;
	}

	/* sentry-cli's INI reader takes "key = value" and "key: value". */
	/* Searched within the line only: the text need not end in a NUL after len. */
	const char *separator = p;
	while (separator < end && *separator != '=' && *separator != ':')
		separator++;
	if (separator == end)
		separator = NULL;
	if (!separator) {
		where = config_where(path, lineno, column_of(line, p));
		/* The line is not echoed: it may be a token written without "token =". */
		config_error(report, where, "expected \"key = value\", \"[section]\" or a comment");
		free(where);
		return false;
	}
	if (separator == p) {
		where = config_where(path, lineno, column_of(line, p));
		config_error(report, where, "missing key name before \"%c\"", *separator);
		free(where);
		return false;
	}
	char *key = xstrndup(p, (size_t)(trim_end(p, separator) - p));
	const char *value = skip_blanks(separator + 1, end);
	const char *value_end = trim_end(value, end);
	if (value_end - value >= 2 && (*value == '"' || *value == '\'') && value_end[-1] == *value) {
		value++;
		value_end--;
	}
	enum config_option_id id;
	if (value < value_end && shared_setting(strbuf_str(section), key, &id)) {
		char *text = xstrndup(value, (size_t)(value_end - value));
		where = config_where(path, lineno, column_of(line, value));
		take_value(path, id, key, text, where, layer, report);
		set_token = id == OPT_TOKEN;
		if (id == OPT_TOKEN)
			config_secret_free(text);
		else
			free(text);
		free(where);
	}
	free(key);
	return set_token;
}

bool config_sentryclirc_parse(const char *path, const char *text, size_t len,
                              struct config_layer *layer, struct config_report *report)
{
	const char *end = text + len;
	const char *line = text;
	struct strbuf section = STRBUF_INIT;
	bool holds_token = false;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		line += 3;
	for (size_t lineno = 0; line < end; lineno++) {
		const char *newline = memchr(line, '\n', (size_t)(end - line));
		const char *line_end = newline ? newline : end;
		if (parse_line(path, lineno, line, line_end, &section, layer, report))
			holds_token = true;
		line = newline ? newline + 1 : end;
	}
	strbuf_free(&section);
	return holds_token;
}

static void read_one(const char *path, struct config_layer *layer, struct config_report *report)
{
	char *text;
	size_t len;
	mode_t mode;
	int err = config_read_file(path, &text, &len, &mode);
	if (err == ENOENT || err == ENOTDIR)
		return;
	if (err == CONFIG_NOT_REGULAR_FILE) {
		config_warning(report, path, "not a regular file; not read");
		return;
	}
	if (err) {
		/* Not fatal: the file is sentry-cli's, and we were not asked to read it. */
		config_warning(report, path, "cannot read: %s", strerror(err));
		return;
	}
	struct config_layer own = { .origin = ORIGIN_SENTRYCLIRC };
	if (config_sentryclirc_parse(path, text, len, &own, report))
		config_token_check_file_mode(path, mode, report);
	config_layer_overlay(layer, &own);
	config_layer_free(&own);
	config_secret_free(text);
}

/* cwd, its parent, ... up to "/", then home's file unless already among them. Without a
 * cwd (it was removed) only home's is read. */
static size_t search_path(const char *cwd, const char *home, char ***paths)
{
	size_t n = 0, cap = 0;
	char *dir = xstrdup_or_null(cwd);
	while (dir) {
		size_t len = strlen(dir);
		while (len > 1 && dir[len - 1] == '/')
			dir[--len] = '\0';
		xgrow((void **)paths, &cap, n + 1, sizeof **paths);
		(*paths)[n++] = config_path_join(dir, RC_NAME);
		char *slash = strrchr(dir, '/');
		if (!slash || len == 1)
			break;
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	free(dir);
	if (home && *home) {
		char *home_rc = config_path_join(home, RC_NAME);
		bool seen = false;
		for (size_t i = 0; i < n && !seen; i++)
			seen = strcmp((*paths)[i], home_rc) == 0;
		if (seen) {
			free(home_rc);
		} else {
			xgrow((void **)paths, &cap, n + 1, sizeof **paths);
			(*paths)[n++] = home_rc;
		}
	}
	return n;
}

void config_sentryclirc_read(const char *cwd, const char *home, struct config_layer *layer,
                             struct config_report *report)
{
	char **paths = NULL;
	size_t n = search_path(cwd, home, &paths);
	/* Farthest first, so each nearer file overrides what it sets. */
	for (size_t i = n; i-- > 0;) {
		read_one(paths[i], layer, report);
		free(paths[i]);
	}
	free(paths);
}
