/* The launch benchmark's floor: a static program that does only what the first row
 * needs from the network, with nothing of sentry-tui (no libraries to load, no config,
 * no curses, no JSON). It sends the TUI's first request (the first page sized to a
 * 50-row terminal) to SENTRY_URL (http://127.0.0.1:PORT/ only), reads the whole answer
 * and writes its first BACKEND short id (what the bench waits for) to the terminal. Its "own time" in bench_first_row is what
 * the harness, the kernel and the fake server's request handling cost any program. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	static char answer[4 << 20];
	const char *url = getenv("SENTRY_URL");
	const char *colon = url ? strrchr(url, ':') : NULL;
	if (!url || strncmp(url, "http://127.0.0.1:", 17) != 0 || !colon)
		return 2;
	int port = atoi(colon + 1);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
	inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
	if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0)
		return 1;
	char request[512];
	int len = snprintf(request, sizeof request,
	                   "GET /api/0/organizations/acme/issues/?query=is%%3aunresolved&sort=date"
	                   "&statsPeriod=90d&groupStatsPeriod=24h&limit=50&expand=inbox HTTP/1.1\r\n"
	                   "Host: 127.0.0.1:%d\r\nAuthorization: Bearer %s\r\n"
	                   "Accept: application/json\r\nConnection: close\r\n\r\n",
	                   port, getenv("SENTRY_AUTH_TOKEN") ? getenv("SENTRY_AUTH_TOKEN") : "");
	if (write(fd, request, (size_t)len) != len)
		return 1;
	size_t got = 0;
	ssize_t n;
	while (got < sizeof answer - 1 && (n = read(fd, answer + got, sizeof answer - 1 - got)) > 0)
		got += (size_t)n;
	answer[got] = '\0';
	const char *id = strstr(answer, "\"shortId\":\"BACKEND-");
	if (!id)
		return 1;
	id += strlen("\"shortId\":\"");
	const char *end = strchr(id, '"');
	if (!end || write(STDOUT_FILENO, id, (size_t)(end - id)) < 0)
		return 1;
	char key; /* like the TUI: until the harness types q */
	return read(STDIN_FILENO, &key, 1) < 0;
}
