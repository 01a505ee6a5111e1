/* Whole-file reads for configuration (see files.h). */
#include "config/files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

int config_read_file(const char *path, char **data, size_t *len, mode_t *mode)
{
	/* O_NONBLOCK: opening a FIFO for reading waits for a writer, which could be forever;
	 * with it the open returns at once and fstat below refuses the FIFO. */
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return errno;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int err = errno;
		close(fd);
		return err;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return EISDIR;
	}
	/* A FIFO, socket or device could block a read forever or never end. */
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return CONFIG_NOT_REGULAR_FILE;
	}
	*mode = st.st_mode & 07777;

	struct strbuf sb = STRBUF_INIT;
	char chunk[8192];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int err = errno;
			close(fd);
			strbuf_free(&sb);
			return err;
		}
		if (n == 0)
			break;
		if (sb.len + (size_t)n > CONFIG_FILE_MAX) {
			close(fd);
			strbuf_free(&sb);
			return EFBIG;
		}
		strbuf_add(&sb, chunk, (size_t)n);
	}
	close(fd);
	*len = sb.len;
	*data = strbuf_detach(&sb);
	return 0;
}

char *config_path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	struct strbuf sb = STRBUF_INIT;
	strbuf_add(&sb, dir, n);
	if (n == 0 || dir[n - 1] != '/')
		strbuf_addc(&sb, '/');
	strbuf_adds(&sb, name);
	return strbuf_detach(&sb);
}
