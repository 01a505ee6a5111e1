/* sentry-tui-docgen man|bash|zsh|fish: one generated file on stdout (see gen.h). */
#include "docs/gen/gen.h"

#include <string.h>

#include "config/filters.h"
#include "tui/keymap.h"
#include "views/commands.h"

const struct gen_subcommand gen_subcommands[] = {
	{ "open", "start on one issue, transaction or trace" },
	{ "list", "print the stream's issues and exit" },
	{ "status", "print one line for a tmux status-right and exit" },
	{ "profiles", "list the config's profiles and their server kind" },
	{ NULL, NULL },
};

/* Keys at one level of indentation under a top-level "profiles:" line; comments, list
 * items and deeper keys are skipped. No single quote, so every shell can quote it. */
const char gen_profiles_awk[] =
	"/^profiles:[ \\t]*(#.*)?$/ { inside = 1; indent = \"\"; next } "
	"inside && /^[^ \\t#]/ { inside = 0 } "
	"inside && /^[ \\t]+[^ \\t#-][^:]*:/ { match($0, /^[ \\t]+/); "
	"lead = substr($0, 1, RLENGTH); if (indent == \"\") indent = lead; "
	"if (lead == indent) { name = substr($0, RLENGTH + 1); sub(/[ \\t]*:.*/, \"\", name); "
	"gsub(/\"/, \"\", name); print name } }";

bool gen_option_takes_value(const struct config_option *opt)
{
	return opt->flag && opt->metavar && opt->kind != KIND_BOOL && !opt->value_optional;
}

static void add_choice(void *ctx, const char *word, size_t len)
{
	struct strbuf *out = ctx;
	if (out->len)
		strbuf_addc(out, ' ');
	strbuf_add(out, word, len);
}

void gen_option_choices(const struct config_option *opt, struct strbuf *out)
{
	switch (opt->kind) {
	case KIND_CHOICE:
		for (const char *const *c = opt->choices; *c; c++)
			add_choice(out, *c, strlen(*c));
		break;
	case KIND_SORT:
		for (const struct config_sort *s = config_sorts; s->name; s++)
			add_choice(out, s->name, strlen(s->name));
		break;
	case KIND_PERIOD:
		/* The periods `t` and :period offer; any other N{s,m,h,d,w} is accepted too. */
		command_arg_choices(command_find("period"), add_choice, out);
		break;
	default:
		break;
	}
}

void gen_cli_choices(const char *metavar, struct strbuf *out)
{
	if (!metavar || !strchr(metavar, '|'))
		return;
	for (const char *p = metavar; *p;) {
		size_t len = strcspn(p, "|");
		add_choice(out, p, len);
		p += len;
		if (*p == '|')
			p++;
	}
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*write)(FILE *);
	} modes[] = { { "man", gen_man }, { "bash", gen_bash }, { "zsh", gen_zsh }, { "fish", gen_fish } };
	if (argc != 2) {
		fputs("usage: sentry-tui-docgen man|bash|zsh|fish\n", stderr);
		return 2;
	}
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		if (strcmp(argv[1], modes[i].name) == 0) {
			keymap_init(); /* the default bindings, as the help shows them */
			modes[i].write(stdout);
			keymap_free();
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		}
	}
	fprintf(stderr, "sentry-tui-docgen: unknown output '%s' (man, bash, zsh or fish)\n", argv[1]);
	return 2;
}
