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

void keymap_free(void)
{
	free(bindings);
	bindings = NULL;
	nbindings = bindings_cap = 0;
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
