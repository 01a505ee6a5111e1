/* "Did you mean…": the nearest command for a mistyped `:` name, and what an unbound
 * key does elsewhere. */
#ifndef VIEWS_SUGGEST_H
#define VIEWS_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

/* Optimal string alignment distance (Levenshtein plus adjacent transpositions, so
 * "resovle" is one edit from "resolve"). */
size_t edit_distance(const char *a, const char *b);
/* The command or request name nearest to name, or NULL when nothing is close enough
 * to be a likely typo. Mutating names are left out in read-only mode. */
const char *suggest_command(const char *name, bool read_only);
/* The message for an unknown `:` command. */
void suggest_unknown_command(const char *name, bool read_only, struct strbuf *out);
/* The message for a key with no meaning in scope (a view's name): where it works
 * instead, or a bound key it was probably meant to be, or where to look. */
void suggest_unbound_key(const char *scope, int key, bool read_only, struct strbuf *out);

#endif
