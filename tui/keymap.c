/* The request table and the keymap built from it (see request.h, keymap.h). */
#include "tui/keymap.h"

#include <stdlib.h>
#include <string.h>

#include "tui/keys.h"
#include "util/xalloc.h"

static const struct request_info request_table[] = {
#define REQ_ROW(id, scope, name, keys, flags, help) { REQ_##id, #scope, name, keys, flags, help },
	REQUEST_INFO(REQ_ROW)
#undef REQ_ROW
};
#define NREQUESTS (sizeof(request_table) / sizeof(request_table[0]))

const struct request_info *request_info(enum request req)
{
	if (req <= REQ_NONE || req >= REQ_COUNT)
		return NULL;
	return &request_table[req - 1];
}

enum request request_by_name(const char *name)
{
	for (size_t i = 0; i < NREQUESTS; i++)
		if (strcmp(request_table[i].name, name) == 0)
			return request_table[i].req;
	return REQ_NONE;
}

struct binding {
	const char *scope; /* static, from the table */
	int key;
	enum request req;
};

static struct binding *bindings;
static size_t nbindings, bindings_cap;

static void bind_key(const char *scope, int key, enum request req)
{
	for (size_t i = 0; i < nbindings; i++) {
		if (bindings[i].key == key && strcmp(bindings[i].scope, scope) == 0) {
			bindings[i].req = req;
			return;
		}
	}
	xgrow((void **)&bindings, &bindings_cap, nbindings + 1, sizeof(*bindings));
	bindings[nbindings++] = (struct binding){ scope, key, req };
}

void keymap_init(void)
{
	nbindings = 0;
	for (size_t i = 0; i < NREQUESTS; i++) {
		const char *p = request_table[i].default_keys;
		while (*p) {
			while (*p == ' ')
				p++;
			if (!*p)
				break;
			int key = key_parse_one(&p);
			if (key < 0)
				abort(); /* a typo in the built-in table; caught by the unit tests */
			bind_key(request_table[i].scope, key, request_table[i].req);
		}
	}
}

/* Key hooks: a key of a scope runs a command (config `bindings: {SCOPE: {KEY: "!cmd"}}`). */
struct hook {
	const char *scope;  /* static: a scope of the request table, or "generic" */
	int key;
	char *command;
};

static struct hook *hooks;
static size_t nhooks, hooks_cap;

void keymap_free(void)
{
	free(bindings);
	bindings = NULL;
	nbindings = bindings_cap = 0;
	for (size_t i = 0; i < nhooks; i++)
		free(hooks[i].command);
	free(hooks);
	hooks = NULL;
	nhooks = hooks_cap = 0;
}

/* The table's own spelling of a scope (static), or NULL when no request has it. */
static const char *known_scope(const char *scope)
{
	if (strcmp(scope, "generic") == 0)
		return "generic";
	for (size_t i = 0; i < NREQUESTS; i++)
		if (strcmp(request_table[i].scope, scope) == 0)
			return request_table[i].scope;
	return NULL;
}

bool keymap_bind_hook(const char *scope, const char *key_spec, const char *command,
                      struct strbuf *err)
{
	const char *known = known_scope(scope);
	if (!known) {
		strbuf_addf(err, "unknown view '%s' for a key command (issues, issue, waterfall, "
		                 "releases, release, transactions or generic)", scope);
		return false;
	}
	int key = key_parse(key_spec);
	if (key < 0) {
		strbuf_addf(err, "cannot parse key '%s' (write e.g. J, <C-j>, <F6>)", key_spec);
		return false;
	}
	for (size_t i = 0; i < nhooks; i++) {
		if (hooks[i].key == key && hooks[i].scope == known) {
			free(hooks[i].command);
			hooks[i].command = xstrdup(command);
			return true;
		}
	}
	xgrow((void **)&hooks, &hooks_cap, nhooks + 1, sizeof(*hooks));
	hooks[nhooks++] = (struct hook){ known, key, xstrdup(command) };
	return true;
}

const char *keymap_lookup_hook(const char *scope, int key)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < nhooks; i++)
			if (hooks[i].key == key && strcmp(hooks[i].scope, pass ? "generic" : scope) == 0)
				return hooks[i].command;
	return NULL;
}

bool keymap_bind(const char *name, const char *key_spec, struct strbuf *err)
{
	enum request req = request_by_name(name);
	if (req == REQ_NONE) {
		strbuf_addf(err, "unknown request '%s' (see the help overlay, '?', for names)", name);
		return false;
	}
	int key = key_parse(key_spec);
	if (key < 0) {
		strbuf_addf(err, "cannot parse key '%s' (write e.g. R, <C-r>, <F5>, <Enter>)",
		            key_spec);
		return false;
	}
	const struct request_info *info = request_info(req);
	if (info)
		bind_key(info->scope, key, req);
	return true;
}

enum request keymap_lookup(const char *scope, int key)
{
	for (size_t i = 0; i < nbindings; i++)
		if (bindings[i].key == key && strcmp(bindings[i].scope, scope) == 0)
			return bindings[i].req;
	for (size_t i = 0; i < nbindings; i++)
		if (bindings[i].key == key && strcmp(bindings[i].scope, "generic") == 0)
			return bindings[i].req;
	return REQ_NONE;
}

enum request keymap_lookup_only(const char *scope, int key)
{
	for (size_t i = 0; i < nbindings; i++)
		if (bindings[i].key == key && strcmp(bindings[i].scope, scope) == 0)
			return bindings[i].req;
	return REQ_NONE;
}

void keymap_keys_for(enum request req, struct strbuf *out)
{
	char buf[32];
	for (size_t i = 0; i < nbindings; i++) {
		if (bindings[i].req != req)
			continue;
		if (out->len)
			strbuf_addc(out, ' ');
		strbuf_adds(out, key_format(bindings[i].key, buf, sizeof(buf)));
	}
}

void keymap_keys_display(enum request req, const char *scope, struct strbuf *out)
{
	char buf[32];
	for (size_t i = 0; i < nbindings; i++) {
		if (bindings[i].req != req || keymap_lookup(scope, bindings[i].key) != req)
			continue;
		if (out->len)
			strbuf_addc(out, ' ');
		strbuf_adds(out, key_display(bindings[i].key, buf, sizeof(buf)));
	}
}

enum request keymap_lookup_elsewhere(const char *scope, int key, const char **found_scope)
{
	for (size_t i = 0; i < nbindings; i++) {
		if (bindings[i].key == key && strcmp(bindings[i].scope, scope) != 0 &&
		    strcmp(bindings[i].scope, "generic") != 0) {
			*found_scope = bindings[i].scope;
			return bindings[i].req;
		}
	}
	return REQ_NONE;
}
