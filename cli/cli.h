/* `sentry-tui list` and `sentry-tui status`: the stream's query for scripts and for a
 * tmux status line. They print and exit; no curses, no readline. */
#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <stdbool.h>

/* True when argv[1] names a subcommand ("list", "status"). */
bool cli_is_subcommand(int argc, char **argv);
/* Run it; returns the exit status (cli/session.h lists them). */
int cli_main(int argc, char **argv);

#endif
