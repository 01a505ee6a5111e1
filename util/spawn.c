/* Starting other programs (see spawn.h). */
#include "util/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static bool errno_is_eintr(void)
{
	return errno == EINTR;
}

bool spawn_variable_is_secret(const char *entry, const char *token)
{
	const char *eq = strchr(entry, '=');
	if (!eq)
		return false;
	size_t name_len = (size_t)(eq - entry);
	if (name_len > 7 && strncmp(entry, "SENTRY_", 7) == 0) {
		for (size_t i = 7; i + 5 <= name_len; i++)
			if (strncmp(entry + i, "TOKEN", 5) == 0)
				return true;
	}
	return token && *token && strstr(eq + 1, token) != NULL;
}

/* In the child: only the variables the child may see. */
static void scrub_environment(const char *token)
{
	for (size_t i = 0; environ[i];) {
		if (spawn_variable_is_secret(environ[i], token)) {
			const char *eq = strchr(environ[i], '=');
			char name[256];
			size_t len = (size_t)(eq - environ[i]);
			if (len >= sizeof(name))
				len = sizeof(name) - 1;
			memcpy(name, environ[i], len);
			name[len] = '\0';
			unsetenv(name); /* environ shifts down: look at i again */
		} else {
			i++;
		}
	}
}

static void redirect(int fd, const char *path, int flags)
{
	int null = open(path, flags);
	if (null >= 0 && null != fd) {
		dup2(null, fd);
		close(null);
	}
}

bool spawn_detached(char *const argv[], const char *input, const char *token)
{
	int pipefd[2] = { -1, -1 };
	if (input && pipe(pipefd) != 0)
		return false;
	pid_t child = fork();
	if (child < 0) {
		if (input) {
			close(pipefd[0]);
			close(pipefd[1]);
		}
		return false;
	}
	if (child == 0) {
		/* The middle process: start the real child and leave, so init reaps it. */
		signal(SIGPIPE, SIG_DFL);
		pid_t grandchild = fork();
		if (grandchild != 0)
			_exit(grandchild < 0 ? 127 : 0);
		setsid();
		if (input) {
			close(pipefd[1]);
			dup2(pipefd[0], 0);
			close(pipefd[0]);
		} else {
			redirect(0, "/dev/null", O_RDONLY);
		}
		redirect(1, "/dev/null", O_WRONLY);
		redirect(2, "/dev/null", O_WRONLY);
		scrub_environment(token);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	while (waitpid(child, &status, 0) < 0 && errno_is_eintr())
		;
	if (input) {
		close(pipefd[0]);
		/* Small texts (a link, a title) fit the pipe's buffer: this does not wait. */
		size_t len = strlen(input);
		ssize_t n = write(pipefd[1], input, len);
		(void)n;
		close(pipefd[1]);
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int spawn_wait(char *const argv[], const char *token)
{
	pid_t child = fork();
	if (child < 0)
		return -1;
	if (child == 0) {
		scrub_environment(token);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	while (waitpid(child, &status, 0) < 0)
		if (!errno_is_eintr())
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* An unlinked temporary file for a child's output. */
static int temp_file(void)
{
	const char *dir = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof(path), "%s/sentry-tui-out.XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd >= 0)
		unlink(path);
	return fd;
}

bool spawn_capture(char *const argv[], const char *token, int *pid, int *output)
{
	int fd = temp_file();
	if (fd < 0)
		return false;
	pid_t child = fork();
	if (child < 0) {
		close(fd);
		return false;
	}
	if (child == 0) {
		setsid();
		redirect(0, "/dev/null", O_RDONLY);
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
		scrub_environment(token);
		execvp(argv[0], argv);
		_exit(127);
	}
	*pid = (int)child;
	*output = fd;
	return true;
}

bool spawn_done(int pid, int *status)
{
	int raw;
	pid_t r = waitpid((pid_t)pid, &raw, WNOHANG);
	if (r == 0 || (r < 0 && errno_is_eintr()))
		return false;
	*status = r > 0 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
	return true;
}

void spawn_read_output(int output, char *buf, size_t size)
{
	size_t got = 0;
	if (lseek(output, 0, SEEK_SET) == 0) {
		while (got + 1 < size) {
			ssize_t n = read(output, buf + got, size - 1 - got);
			if (n < 0 && errno_is_eintr())
				continue;
			if (n <= 0)
				break;
			got += (size_t)n;
		}
	}
	buf[got] = '\0';
	close(output);
}

int spawn_wait_pid(int pid)
{
	int raw;
	while (waitpid((pid_t)pid, &raw, 0) < 0)
		if (!errno_is_eintr())
			return -1;
	return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

int spawn_pager(char *const argv[], int input, const char *token)
{
	pid_t child = fork();
	if (child < 0)
		return -1;
	if (child == 0) {
		if (lseek(input, 0, SEEK_SET) == 0) {
			dup2(input, 0);
			close(input);
		}
		scrub_environment(token);
		execvp(argv[0], argv);
		_exit(127);
	}
	return spawn_wait_pid((int)child);
}
