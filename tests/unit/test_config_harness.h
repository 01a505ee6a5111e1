/* Shared by the test_config*.c binaries: a throwaway directory tree with a fake home and
 * a working directory three levels below it, an injected environment, and a runner for
 * the real config_load. Messages are compared with the temporary root shown as "<tmp>".
 *
 *   <tmp>/home                  HOME
 *   <tmp>/home/work/app/src     the working directory
 */
#ifndef TEST_CONFIG_HARNESS_H
#define TEST_CONFIG_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#ifndef SENTRY_TUI_VERSION
#define SENTRY_TUI_VERSION "0.0.0-dev"
#endif

#define SANDBOX_MAX_ENV 16
#define SANDBOX_MAX_ARGS 16

struct sandbox {
	char *root;
	char *cwd;
	char *env_names[SANDBOX_MAX_ENV];
	char *env_values[SANDBOX_MAX_ENV];
	size_t nenv;
	struct config cfg;
	struct strbuf out, errors, warnings;
	struct strbuf shown;  /* the last text returned by sandbox_text */
	enum config_result result;
};

/* getenv has no context pointer, so the fake one reads the sandbox in use. */
static struct sandbox *sandbox_in_use;

static inline const char *sandbox_getenv(const char *name)
{
	for (size_t i = 0; i < sandbox_in_use->nenv; i++)
		if (strcmp(sandbox_in_use->env_names[i], name) == 0)
			return sandbox_in_use->env_values[i];
	return NULL;
}

static inline char *sandbox_path(const struct sandbox *sb, const char *relative)
{
	struct strbuf sb_path = STRBUF_INIT;
	strbuf_addf(&sb_path, "%s/%s", sb->root, relative);
	return strbuf_detach(&sb_path);
}

static inline void make_dirs(const char *path)
{
	char *copy = xstrdup(path);
	for (char *p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(copy, 0700);
		*p = '/';
	}
	mkdir(copy, 0700);
	free(copy);
}

/* Set (or with value NULL, unset) a variable of the injected environment. */
static inline void sandbox_setenv(struct sandbox *sb, const char *name, const char *value)
{
	for (size_t i = 0; i < sb->nenv; i++) {
		if (strcmp(sb->env_names[i], name) != 0)
			continue;
		free(sb->env_values[i]);
		if (value) {
			sb->env_values[i] = xstrdup(value);
		} else {
			free(sb->env_names[i]);
			sb->nenv--;
			sb->env_names[i] = sb->env_names[sb->nenv];
			sb->env_values[i] = sb->env_values[sb->nenv];
		}
		return;
	}
	if (!value)
		return;
	assert_true(sb->nenv < SANDBOX_MAX_ENV);
	sb->env_names[sb->nenv] = xstrdup(name);
	sb->env_values[sb->nenv] = xstrdup(value);
	sb->nenv++;
}

/* Set a variable to a path inside the sandbox. */
static inline void sandbox_setenv_path(struct sandbox *sb, const char *name, const char *relative)
{
	char *path = sandbox_path(sb, relative);
	sandbox_setenv(sb, name, path);
	free(path);
}

static inline struct sandbox *sandbox_new(void)
{
	struct sandbox *sb = xcalloc(1, sizeof *sb);
	const char *tmp = getenv("TMPDIR");
	struct strbuf templ = STRBUF_INIT;
	strbuf_addf(&templ, "%s/sentry-tui-config.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	sb->root = strbuf_detach(&templ);
	assert_non_null(mkdtemp(sb->root));
	sb->cwd = sandbox_path(sb, "home/work/app/src");
	make_dirs(sb->cwd);
	sandbox_setenv_path(sb, "HOME", "home");
	return sb;
}

/* Write a file (relative to the root) with exactly this mode; returns nothing: tests
 * name files by their relative path, and messages show them under "<tmp>/". */
static inline void sandbox_write(struct sandbox *sb, const char *relative, mode_t mode,
                                 const char *content)
{
	char *path = sandbox_path(sb, relative);
	char *dir = xstrdup(path);
	*strrchr(dir, '/') = '\0';
	make_dirs(dir);
	free(dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	size_t len = strlen(content);
	assert_int_equal(write(fd, content, len), (ssize_t)len);
	close(fd);
	assert_int_equal(chmod(path, mode), 0);
	free(path);
}

static inline bool sandbox_exists(const struct sandbox *sb, const char *relative)
{
	char *path = sandbox_path(sb, relative);
	bool exists = access(path, F_OK) == 0;
	free(path);
	return exists;
}

static inline void sandbox_reset_results(struct sandbox *sb)
{
	config_free(&sb->cfg);
	strbuf_free(&sb->out);
	strbuf_free(&sb->errors);
	strbuf_free(&sb->warnings);
}

/* What config_load is given to check bindings with (main gives keymap_bind); NULL by
 * default, so most tests need no keymap. */
static bool (*sandbox_bind)(const char *request, const char *key_spec, struct strbuf *err);

/* Run config_load with these arguments (after argv[0]), NULL-terminated. */
static inline enum config_result sandbox_load(struct sandbox *sb, ...)
{
	char *argv[SANDBOX_MAX_ARGS + 2];
	int argc = 0;
	argv[argc++] = xstrdup("sentry-tui");
	va_list ap;
	va_start(ap, sb);
	for (const char *arg; (arg = va_arg(ap, const char *));) {
		assert_true(argc <= SANDBOX_MAX_ARGS);
		argv[argc++] = xstrdup(arg);
	}
	va_end(ap);
	argv[argc] = NULL;

	sandbox_reset_results(sb);
	sandbox_in_use = sb;
	struct config_env env = { .getenv = sandbox_getenv, .cwd = sb->cwd, .bind = sandbox_bind };
	sb->result = config_load(&sb->cfg, argc, argv, &env, &sb->out, &sb->errors, &sb->warnings);
	for (int i = 0; i < argc; i++)
		free(argv[i]);
	return sb->result;
}

/* text with every occurrence of the sandbox root replaced by "<tmp>". */
static inline const char *sandbox_text(struct sandbox *sb, const struct strbuf *text)
{
	strbuf_reset(&sb->shown);
	strbuf_adds(&sb->shown, "");
	const char *p = strbuf_str(text);
	size_t root_len = strlen(sb->root);
	for (const char *hit; (hit = strstr(p, sb->root));) {
		strbuf_add(&sb->shown, p, (size_t)(hit - p));
		strbuf_adds(&sb->shown, "<tmp>");
		p = hit + root_len;
	}
	strbuf_adds(&sb->shown, p);
	return strbuf_str(&sb->shown);
}

#define assert_errors(sb, expected) assert_string_equal(sandbox_text(sb, &(sb)->errors), expected)
#define assert_warnings(sb, expected) \
	assert_string_equal(sandbox_text(sb, &(sb)->warnings), expected)
#define assert_shown(sb, text, expected) assert_string_equal(sandbox_text(sb, text), expected)

/* A loaded config that must have worked without a word. */
#define assert_loaded_cleanly(sb) \
	do { \
		assert_errors(sb, ""); \
		assert_warnings(sb, ""); \
		assert_int_equal((sb)->result, CONFIG_OK); \
	} while (0)

/* The secret must be in none of the texts a user could see. */
static inline void assert_secret_hidden(const struct sandbox *sb, const char *secret)
{
	assert_null(strstr(strbuf_str(&sb->errors), secret));
	assert_null(strstr(strbuf_str(&sb->warnings), secret));
	assert_null(strstr(strbuf_str(&sb->out), secret));
}

static inline void remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *dir = opendir(path);
		if (dir) {
			for (struct dirent *entry; (entry = readdir(dir));) {
				if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
					continue;
				struct strbuf child = STRBUF_INIT;
				strbuf_addf(&child, "%s/%s", path, entry->d_name);
				remove_tree(strbuf_str(&child));
				strbuf_free(&child);
			}
			closedir(dir);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

static inline void sandbox_free(struct sandbox *sb)
{
	sandbox_reset_results(sb);
	strbuf_free(&sb->shown);
	for (size_t i = 0; i < sb->nenv; i++) {
		free(sb->env_names[i]);
		free(sb->env_values[i]);
	}
	remove_tree(sb->root);
	free(sb->root);
	free(sb->cwd);
	free(sb);
	sandbox_in_use = NULL;
}

/* cmocka fixtures: each test gets a fresh sandbox in *state. */
static inline int sandbox_setup(void **state)
{
	*state = sandbox_new();
	return 0;
}

static inline int sandbox_teardown(void **state)
{
	sandbox_free(*state);
	return 0;
}

#define sandbox_test(fn) cmocka_unit_test_setup_teardown(fn, sandbox_setup, sandbox_teardown)

#endif
