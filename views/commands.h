/* The `:` command table: each command's name, argument syntax and help, in one place.
 * The help overlay lists it, Tab completion takes argument choices from it, and an
 * unknown command is matched against it. What a command does lives with its view
 * (issues.c, issue.c, triage_actions.c) or in app_run_command; every request in
 * tui/request.h also runs as `:name`. */
#ifndef VIEWS_COMMANDS_H
#define VIEWS_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>

/* Where argument values beyond the literal choices in args come from. */
enum command_values {
	VALUES_NONE,
	VALUES_ENVIRONMENTS, /* the projects' environments (project store) */
	VALUES_PROJECTS,     /* project slugs (project store) */
	VALUES_PEOPLE,       /* member names and emails, #team slugs (people store) */
	VALUES_PROFILES,     /* the config's profile names */
};

struct command_info {
	const char *name;
	const char *alias;          /* another name that runs it, or NULL */
	const char *scope;          /* "issues", "issue" or "generic", as in tui/request.h */
	/* Syntax: literal choices in lower case, PLACEHOLDERS in upper case, separated
	 * by '|'; [...] when the argument is optional. Literal choices are also what Tab
	 * offers, so the help and the completion cannot disagree. */
	const char *args;
	enum command_values values;
	bool mutates;               /* hidden in read-only mode, like the request's keys */
	const char *help;
};

/* The table, in help order. */
const struct command_info *command_table(size_t *n);
/* By name or alias; NULL if not in the table. */
const struct command_info *command_find(const char *name);
/* Each literal choice of c->args: "date", "new"…; for "events N[/1h]" the word "events". */
void command_arg_choices(const struct command_info *c,
                         void (*fn)(void *ctx, const char *word, size_t len), void *ctx);

#endif
