/* Key -> request lookup, built from the request table's defaults and then the user's
 * `bindings:`. Each request has a scope; a view looks up its own scope first, then
 * "generic". */
#ifndef TUI_KEYMAP_H
#define TUI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/request.h"
#include "util/strbuf.h"

/* Load the defaults from the request table. */
void keymap_init(void);
void keymap_free(void);
/* Bind key_spec (one key name) to the request called name. A user binding replaces
 * that key's earlier meaning in the request's scope. False with a message in err
 * ("unknown request 'x'", "cannot parse key 'x'"). */
bool keymap_bind(const char *name, const char *key_spec, struct strbuf *err);
/* A key hook: key in scope (a request table scope or "generic") runs command (a
 * "!…" template, views/hooks.c). False with a message for an unknown scope or key. */
bool keymap_bind_hook(const char *scope, const char *key_spec, const char *command,
                      struct strbuf *err);
/* The command bound to key in scope (then "generic"), or NULL. Hooks win over requests. */
const char *keymap_lookup_hook(const char *scope, int key);
/* The request for key in scope (falls back to "generic"); REQ_NONE if unbound. */
enum request keymap_lookup(const char *scope, int key);
/* The request for key in scope alone (no "generic" fallback); REQ_NONE if unbound. */
enum request keymap_lookup_only(const char *scope, int key);
/* The keys bound to req as a display string: "j <Down>" (empty if none). */
void keymap_keys_for(enum request req, struct strbuf *out);
/* The same for people (the help): "j Down", "Ctrl-r F5", "<" (see key_display), and
 * only the keys that do req when pressed in scope (in the stream, Space marks: it is
 * not listed under page-down there). */
void keymap_keys_display(enum request req, const char *scope, struct strbuf *out);
/* For an unbound key: the request it has in another view's scope (not scope, not
 * "generic"), with that scope in *found_scope; REQ_NONE if none. */
enum request keymap_lookup_elsewhere(const char *scope, int key, const char **found_scope);

#endif
