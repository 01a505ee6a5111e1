/* token_command, file-mode warnings and wiping secrets (see token.h). */
#include "config/token.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
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

void config_token_no_core_dumps(void)
{
	struct rlimit limit;
	if (getrlimit(RLIMIT_CORE, &limit) == 0) {
		limit.rlim_cur = 0;
		setrlimit(RLIMIT_CORE, &limit);
	}
}

void config_token_check_file_mode(const char *path, mode_t mode, struct config_report *report)
{
	if (mode & 077)
		config_warning(report, path,
		               "this file holds an auth token and is readable by other users; "
		               "run: chmod 600 %s", path);
}

/* The process environment minus SENTRY_AUTH_TOKEN (even empty, it names the secret's
 * place): the command needs PATH, HOME, GNUPGHOME..., never a token. The array is
 * malloc'd; its strings are environ's own. */
static char **environment_without_token(void)
{
	static const char name[] = "SENTRY_AUTH_TOKEN=";
	size_t n = 0;
	while (environ[n])
		n++;
	char **copy = xmalloc((n + 1) * sizeof *copy);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], name, sizeof name - 1) != 0)
			copy[kept++] = environ[i];
	copy[kept] = NULL;
	return copy;
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

	/* Its own process group, so that a command that hangs is killed with everything it
	 * started (sh, pass, gpg...). */
	posix_spawnattr_t attr;
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&attr, 0);

	/* The command is the user's own configured string; it is passed as one argument,
	 * so nothing of ours is ever spliced into shell syntax. */
	char sh[] = "sh", dash_c[] = "-c";
	char *script = xstrdup(command);  /* posix_spawn's argv is not const */
	char *argv[] = { sh, dash_c, script, NULL };
	char **child_env = environment_without_token();
	int rc = posix_spawn(pid, "/bin/sh", &actions, &attr, argv, child_env);
	free(child_env);
	posix_spawnattr_destroy(&attr);
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

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Milliseconds left until deadline, at least 0. */
static int remaining_ms(long long deadline)
{
	long long left = deadline - now_ms();
	return left < 0 ? 0 : left > 0x7fffffff ? 0x7fffffff : (int)left;
}

/* Read the child's stdout to the end (so it never dies of SIGPIPE), keeping only the
 * first line, until the deadline. Returns its length, -1 when that line is too long to
 * be a token, or -2 when the deadline passed first. */
static long read_first_line(int fd, char *line, size_t size, long long deadline)
{
	size_t used = 0;
	bool line_done = false, too_long = false, timed_out = false;
	char chunk[4096];
	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		int ready = poll(&pfd, 1, remaining_ms(deadline));
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready == 0) {
			timed_out = true;
			break;
		}
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
	return timed_out ? -2 : too_long ? -1 : (long)used;
}

/* The child's wait status, or -1 (errno set), or -2 when it has not exited by the
 * deadline (a command that closed its output but runs on). Start-up has no event loop
 * yet, so a short nap between checks blocks nothing. */
static int wait_for(pid_t pid, long long deadline)
{
	for (;;) {
		int status;
		pid_t done = waitpid(pid, &status, WNOHANG);
		if (done == pid)
			return status;
		if (done < 0 && errno != EINTR)
			return -1;
		if (done == 0 && remaining_ms(deadline) == 0)
			return -2;
		if (done == 0)
			nanosleep(&(struct timespec){ .tv_nsec = 5 * 1000000 }, NULL);
	}
}

/* Kill the command and everything it started, and reap it. */
static void kill_command(pid_t pid)
{
	kill(-pid, SIGKILL);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
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

/* "10 s", "0.3 s": how long the command was given, as the user would write it. */
static void describe_duration(int timeout_ms, char *buf, size_t size)
{
	if (timeout_ms % 1000 == 0)
		snprintf(buf, size, "%d s", timeout_ms / 1000);
	else
		snprintf(buf, size, "%d.%d s", timeout_ms / 1000, timeout_ms % 1000 / 100);
}

char *config_token_from_command(const char *command, const char *where, int timeout_ms,
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
	long long deadline = now_ms() + timeout_ms;
	char line[TOKEN_LINE_MAX];
	long len = read_first_line(fd, line, sizeof line, deadline);
	close(fd);
	int status = len == -2 ? -2 : wait_for(pid, deadline);

	char *token = NULL;
	if (status == -2) {
		kill_command(pid);
		char duration[32];
		describe_duration(timeout_ms, duration, sizeof duration);
		config_error(report, where, "token_command \"%s\" did not finish in %s", shown,
		             duration);
	} else if (status < 0)
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
