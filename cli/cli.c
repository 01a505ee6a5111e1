/* The subcommand dispatch (see cli.h). */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "cli/list.h"
#include "cli/options.h"
#include "cli/profiles.h"
#include "cli/session.h"
#include "cli/status.h"
#include "util/strbuf.h"

bool cli_is_subcommand(int argc, char **argv)
{
	return argc > 1 && (strcmp(argv[1], "list") == 0 || strcmp(argv[1], "status") == 0 ||
	                    strcmp(argv[1], "profiles") == 0);
}

int cli_main(int argc, char **argv)
{
	const char *subcommand = argv[1];
	struct cli_options o;
	struct strbuf err = STRBUF_INIT;
	if (!cli_options_take(subcommand, &argc, argv, &o, &err)) {
		fputs(strbuf_str(&err), stderr);
		strbuf_free(&err);
		return CLI_USAGE;
	}
	strbuf_free(&err);
	if (strcmp(subcommand, "profiles") == 0)
		return cli_profiles(argc, argv, o.probe);
	struct cli_session s;
	int status = cli_session_open(&s, argc, argv);
	if (status == CLI_OK)
		status = strcmp(subcommand, "list") == 0 ? cli_list(&s, &o) : cli_status(&s, &o);
	else if (status < 0)
		status = CLI_OK; /* --help or --version was printed */
	cli_session_close(&s);
	return status;
}
