/* Starting other programs (see spawn.h). */
#include "util/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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
