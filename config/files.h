/* Reading the small text files configuration comes from. */
#ifndef CONFIG_FILES_H
#define CONFIG_FILES_H

#include <stddef.h>
#include <sys/types.h>

/* Larger files are refused: no config is this big, and a mistaken path (a log, a
 * device) should fail quickly instead of filling memory. */
#define CONFIG_FILE_MAX (1024 * 1024)

/* Returned for a FIFO, socket or device: never opened in a way that could block. */
#define CONFIG_NOT_REGULAR_FILE (-1)

/* Read all of path into *data (NUL-terminated, malloc'd) and its permission bits into
 * *mode. Returns 0, or an errno value (EFBIG when over CONFIG_FILE_MAX, EISDIR for a
 * directory), or CONFIG_NOT_REGULAR_FILE. */
int config_read_file(const char *path, char **data, size_t *len, mode_t *mode);

/* "dir/name" without doubling the slash; malloc'd. */
char *config_path_join(const char *dir, const char *name);

#endif
