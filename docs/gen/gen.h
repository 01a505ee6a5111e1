/* sentry-tui-docgen: the man page and the shell completions, written from the tables the
 * program itself runs on (config/options.c, tui/request.h, views/commands.c,
 * cli/options.c), so they cannot drift from it. `make docs` regenerates docs/sentry-tui.1
 * and completions/; a test checks the committed files equal a fresh generation. */
#ifndef DOCS_GEN_H
#define DOCS_GEN_H

#include <stdbool.h>
#include <stdio.h>

#include "config/options.h"
#include "util/strbuf.h"

/* The subcommands, with one line each; NULL-terminated. */
struct gen_subcommand {
	const char *name;
	const char *summary;
};
extern const struct gen_subcommand gen_subcommands[];

/* The flag takes a value in the next word (--sort date); false for switches and for
 * --watch, whose value is optional. */
bool gen_option_takes_value(const struct config_option *opt);
/* The values the option accepts as far as the tables know them, separated by spaces
 * ("date new freq ..."); empty when any text goes. */
void gen_option_choices(const struct config_option *opt, struct strbuf *out);
/* A cli flag's literal choices from its metavar ("plain|tsv|json" -> "plain tsv json");
 * empty for a placeholder such as "N". */
void gen_cli_choices(const char *metavar, struct strbuf *out);

/* The awk program that prints the profile names of a YAML config file (the keys of the
 * top-level `profiles:` mapping); every shell's completion runs it at completion time. */
extern const char gen_profiles_awk[];

void gen_man(FILE *out);
void gen_bash(FILE *out);
void gen_zsh(FILE *out);
void gen_fish(FILE *out);

#endif
