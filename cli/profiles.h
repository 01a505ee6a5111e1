/* `sentry-tui profiles [--probe]`: list the config's profiles (see profiles.c). */
#ifndef CLI_PROFILES_H
#define CLI_PROFILES_H

#include <stdbool.h>

/* argv holds the TUI's options (--config, --profile…), the subcommand's taken out.
 * Returns the exit status (cli/session.h): 0 listed, 1 the config defines no profiles,
 * 2 a config error. */
int cli_profiles(int argc, char **argv, bool probe);

#endif
