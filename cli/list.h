/* `sentry-tui list`: the stream's issues, page by page, to stdout. */
#ifndef CLI_LIST_H
#define CLI_LIST_H

#include "cli/options.h"
#include "cli/session.h"

/* Default --limit: one page of the stream. */
#define CLI_LIST_DEFAULT_LIMIT 100

int cli_list(struct cli_session *s, const struct cli_options *o);

#endif
