/* Command-line flags: "--opt value" and "--opt=value", driven by the option table. */
#ifndef CONFIG_ARGS_H
#define CONFIG_ARGS_H

#include "config/layer.h"
#include "config/report.h"
#include "util/strbuf.h"

/* Parse argv into flags (origin ORIGIN_FLAG). --config, --profile, --help and --version
 * land there too, as OPT_CONFIG, OPT_PROFILE, OPT_HELP and OPT_VERSION ("true"). Parsing
 * stops at the first unknown option: what follows it might be its value, and that value
 * could be a secret that must not be echoed as an "unexpected argument". */
void config_args_parse(int argc, char **argv, struct config_layer *flags,
                       struct config_report *report);

/* `sentry-tui open ISSUE [OPTION]...` (options may also come first): takes "open" and
 * ISSUE out of argv, shifting the rest down, and returns ISSUE (a pointer into argv), or
 * NULL when there is no "open". "open" without an issue after it puts a sentence in
 * err and returns NULL. Only the first argument that is neither an option nor an
 * option's value can be "open"; any other stays for config_args_parse to refuse. */
const char *config_args_take_open(int *argc, char **argv, struct strbuf *err);

#endif
