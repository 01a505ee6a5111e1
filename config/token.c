/* token_command, file-mode warnings and wiping secrets (see token.h). */
#include "config/token.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/xalloc.h"

extern char **environ;

/* A token is well under this; a longer first line is not a token. */
#define TOKEN_LINE_MAX 4096

/* volatile so the compiler cannot drop the stores as dead. */
static void wipe(void *buf, size_t size)
{
	for (volatile unsigned char *p = buf; size--; p++)
		*p = 0;
}

void config_secret_free(char *secret)
{
	if (!secret)
		return;
	wipe(secret, strlen(secret));
	free(secret);
}

void config_token_check_file_mode(const char *path, mode_t mode, struct config_report *report)
{
	if (mode & 077)
		config_warning(report, path,
		               "this file holds an auth token and is readable by other users; "
		               "run: chmod 600 %s", path);
}

/* Start sh -c command with stdout on a pipe; returns the read end or -1 (errno set). */
static int spawn_shell(const char *command, pid_t *pid)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	/* Both ends close on exec; dup2 onto fd 1 gives the child a fresh, inheritable copy. */
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);

	posix_spawn_file_actions_t actions;
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);

	/* The command is the user's own configured string; it is passed as one argument,
	 * so nothing of ours is ever spliced into shell syntax. */
	char sh[] = "sh", dash_c[] = "-c";
	char *script = xstrdup(command);  /* posix_spawn's argv is not const */
	char *argv[] = { sh, dash_c, script, NULL };
	int rc = posix_spawn(pid, "/bin/sh", &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	free(script);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		errno = rc;
		return -1;
	}
	return fds[0];
}

/* Read the child's stdout to the end (so it never dies of SIGPIPE), keeping only the
 * first line. Returns its length, or -1 when that line is too long to be a token. */
static long read_first_line(int fd, char *line, size_t size)
{
	size_t used = 0;
	bool line_done = false, too_long = false;
	char chunk[4096];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (ssize_t i = 0; i < n && !line_done; i++) {
			if (chunk[i] == '\n')
				line_done = true;
			else if (used + 1 < size)
				line[used++] = chunk[i];
			else
				too_long = true;
		}
	}
	wipe(chunk, sizeof chunk);
	line[used] = '\0';
	return too_long ? -1 : (long)used;
}

static int wait_for(pid_t pid)
{
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

static char *trimmed_copy(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}

static bool has_space_or_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p == 0x7f)
			return true;
	return false;
}

char *config_token_from_command(const char *command, const char *where,
                                struct config_report *report)
{
	char quoted[CONFIG_QUOTE_SIZE];
	const char *shown = config_quote(command, quoted, sizeof quoted);
	pid_t pid;
	int fd = spawn_shell(command, &pid);
	if (fd < 0) {
		config_error(report, where, "token_command \"%s\" could not be started: %s", shown,
		             strerror(errno));
		return NULL;
	}
	char line[TOKEN_LINE_MAX];
	long len = read_first_line(fd, line, sizeof line);
	close(fd);
	int status = wait_for(pid);

	char *token = NULL;
	if (status < 0)
		config_error(report, where, "token_command \"%s\" could not be waited for: %s", shown,
		             strerror(errno));
	else if (WIFSIGNALED(status))
		config_error(report, where, "token_command \"%s\" was killed by signal %d", shown,
		             WTERMSIG(status));
	else if (WEXITSTATUS(status) != 0)
		config_error(report, where, "token_command \"%s\" failed with exit status %d", shown,
		             WEXITSTATUS(status));
	else if (len < 0)
		config_error(report, where,
		             "token_command \"%s\" printed a first line too long to be a token", shown);
	else {
		token = trimmed_copy(line);
		if (!*token) {
			config_error(report, where, "token_command \"%s\" printed no token", shown);
			config_secret_free(token);
			token = NULL;
		} else if (has_space_or_control(token)) {
			config_error(report, where,
			             "token_command \"%s\" printed a first line with spaces or control "
			             "characters, which is not a token", shown);
			config_secret_free(token);
			token = NULL;
		}
	}
	wipe(line, sizeof line);
	return token;
}
