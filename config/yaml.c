/* Reading the YAML config file (see yaml.h). The schema is fixed and shallow: a mapping
 * of options, where profiles holds mappings of profile options and bindings holds
 * request -> key(s). Walking it never recurses, so aliases cannot make it loop. */
#include "config/yaml.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "config/files.h"
#include "config/options.h"
#include "config/token.h"
#include "util/hook_template.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct walker {
	const char *path;
	yaml_document_t *doc;
	struct config_yaml *yaml;
	struct config_report *report;
	size_t bindings_cap;
	size_t profiles_cap;
	bool holds_token;
};

/* Called for each key (a scalar, not a duplicate) of a mapping. */
typedef void pair_handler(struct walker *w, yaml_node_t *key, const char *key_text,
                          yaml_node_t *value, void *context);

static char *where_of(const struct walker *w, const yaml_node_t *node)
{
	return config_where(w->path, node->start_mark.line, node->start_mark.column);
}

static const char *text_of(const yaml_node_t *node)
{
	return (const char *)node->data.scalar.value;
}

/* "key:" with nothing after it, "~" and "null" leave a setting as the layers below
 * have it. */
static bool is_null(const yaml_node_t *node)
{
	if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *s = text_of(node);
	return !*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	       strcmp(s, "NULL") == 0;
}

static const char *shape_of(const yaml_node_t *node)
{
	switch (node->type) {
	case YAML_SEQUENCE_NODE:
		return "a list";
	case YAML_MAPPING_NODE:
		return "a mapping";
	case YAML_SCALAR_NODE:
		return is_null(node) ? "empty" : "a string";
	case YAML_NO_NODE:
		break;
	}
	return "empty";
}

static void error_at(struct walker *w, const yaml_node_t *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void error_at(struct walker *w, const yaml_node_t *node, const char *fmt, ...)
{
	struct strbuf message = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&message, fmt, ap);
	va_end(ap);
	char *where = where_of(w, node);
	config_error(w->report, where, "%s", strbuf_str(&message));
	free(where);
	strbuf_free(&message);
}

/* A scalar's text, or NULL after reporting an embedded NUL (C strings would cut it). */
static const char *scalar_text(struct walker *w, const yaml_node_t *node, const char *name)
{
	if (strlen(text_of(node)) != node->data.scalar.length) {
		error_at(w, node, "%s must not contain NUL characters", name);
		return NULL;
	}
	return text_of(node);
}

/* Far more than any config needs; it bounds the quadratic duplicate check. */
#define MAX_KEYS_PER_MAPPING 1000

static void each_pair(struct walker *w, yaml_node_t *map, const char *keys_of,
                      pair_handler *handle, void *context)
{
	char quoted[CONFIG_QUOTE_SIZE];
	yaml_node_pair_t *start = map->data.mapping.pairs.start;
	if (map->data.mapping.pairs.top - start > MAX_KEYS_PER_MAPPING) {
		error_at(w, map, "%s has more than %d keys", keys_of, MAX_KEYS_PER_MAPPING);
		return;
	}
	for (yaml_node_pair_t *pair = start; pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *key = yaml_document_get_node(w->doc, pair->key);
		yaml_node_t *value = yaml_document_get_node(w->doc, pair->value);
		if (!key || !value)
			continue;
		if (key->type != YAML_SCALAR_NODE) {
			error_at(w, key, "keys of %s must be strings, not %s", keys_of, shape_of(key));
			continue;
		}
		const char *key_text = scalar_text(w, key, "keys");
		if (!key_text)
			continue;
		const yaml_node_t *first = NULL;
		for (yaml_node_pair_t *earlier = start; earlier < pair && !first; earlier++) {
			yaml_node_t *earlier_key = yaml_document_get_node(w->doc, earlier->key);
			if (earlier_key && earlier_key->type == YAML_SCALAR_NODE &&
			    strcmp(text_of(earlier_key), key_text) == 0)
				first = earlier_key;
		}
		if (first) {
			error_at(w, key, "duplicate key \"%s\" (first given at line %zu)",
			         config_quote(key_text, quoted, sizeof quoted),
			         first->start_mark.line + 1);
			continue;
		}
		handle(w, key, key_text, value, context);
	}
}

static void unknown_key(struct walker *w, const yaml_node_t *key, const char *key_text,
                        unsigned scope, const char *in)
{
	char quoted[CONFIG_QUOTE_SIZE];
	const char *suggestion = config_option_suggest(key_text, scope, false);
	struct strbuf message = STRBUF_INIT;
	strbuf_addf(&message, "unknown key \"%s\"", config_quote(key_text, quoted, sizeof quoted));
	if (in)
		strbuf_addf(&message, " in %s", in);
	if (suggestion)
		strbuf_addf(&message, " (did you mean \"%s\"?)", suggestion);
	error_at(w, key, "%s", strbuf_str(&message));
	strbuf_free(&message);
}

static const char *expected_shape(const struct config_option *opt)
{
	switch (opt->kind) {
	case KIND_SECONDS:
		return "a number";
	case KIND_BOOL:
		return "true or false";
	default:
		return "a string";
	}
}

static void free_list(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

static void read_projects(struct walker *w, struct config_layer *layer, const char *name,
                          yaml_node_t *value)
{
	char **list = NULL;
	size_t n = 0;
	bool ok = true;
	char *where = where_of(w, value);
	if (value->type == YAML_SCALAR_NODE) {
		const char *text = scalar_text(w, value, name);
		ok = text && config_option_split_list(text, name, where, w->report, &list, &n);
	} else if (value->type == YAML_SEQUENCE_NODE) {
		size_t cap = 0;
		for (yaml_node_item_t *item = value->data.sequence.items.start;
		     item < value->data.sequence.items.top; item++) {
			yaml_node_t *entry = yaml_document_get_node(w->doc, *item);
			if (!entry)
				continue;
			if (entry->type != YAML_SCALAR_NODE || is_null(entry)) {
				error_at(w, entry, "entries of %s must be project slugs, not %s", name,
				         shape_of(entry));
				ok = false;
				continue;
			}
			char *entry_where = where_of(w, entry);
			const char *text = scalar_text(w, entry, name);
			char *slug = text ? config_option_check_slug(text, name, entry_where, w->report)
			                  : NULL;
			free(entry_where);
			if (!slug) {
				ok = false;
				continue;
			}
			xgrow((void **)&list, &cap, n + 1, sizeof *list);
			list[n++] = slug;
		}
	} else {
		error_at(w, value, "%s must be a project slug or a list of them, not %s", name,
		         shape_of(value));
		ok = false;
	}
	if (ok)
		config_layer_set_projects(layer, list, n, where);
	else
		free_list(list, n);
	free(where);
}

/* One option of the top level or of a profile. name is its dotted path for messages. */
static void read_setting(struct walker *w, struct config_layer *layer,
                         const struct config_option *opt, const char *name, yaml_node_t *value,
                         const char *token_source)
{
	enum config_option_id id = config_option_id(opt);
	if (is_null(value))
		return;
	if (id == OPT_TOKEN)
		w->holds_token = true;
	if (opt->kind == KIND_LIST) {
		read_projects(w, layer, name, value);
		return;
	}
	if (value->type != YAML_SCALAR_NODE) {
		error_at(w, value, "%s must be %s, not %s", name, expected_shape(opt), shape_of(value));
		return;
	}
	const char *text = scalar_text(w, value, name);
	if (!text)
		return;
	char *where = where_of(w, value);
	char *checked = config_option_check(opt, text, name, where, w->report);
	if (checked) {
		config_layer_set(layer, id, checked, where);
		if (id == OPT_TOKEN || id == OPT_TOKEN_COMMAND)
			config_layer_set_token_source(layer, token_source);
	}
	free(where);
}

/* Both in one mapping is ambiguous; between a profile and the top level, the profile's
 * choice wins (see config_layer_overlay). */
static void check_one_credential(struct walker *w, const struct config_layer *layer,
                                 const char *prefix)
{
	if (layer->text[OPT_TOKEN] && layer->text[OPT_TOKEN_COMMAND])
		config_error(w->report, layer->where[OPT_TOKEN_COMMAND],
		             "%stoken_command and %stoken are both set; keep only one", prefix, prefix);
}

struct profile_context {
	struct config_profile *profile;
	const char *path_name;  /* "profiles.work" */
};

static void read_profile_pair(struct walker *w, yaml_node_t *key, const char *key_text,
                              yaml_node_t *value, void *context)
{
	struct profile_context *pc = context;
	char quoted[CONFIG_QUOTE_SIZE];
	const struct config_option *opt = config_option_by_key(key_text, SCOPE_PROFILE);
	if (!opt) {
		if (config_option_by_key(key_text, SCOPE_TOP))
			error_at(w, key, "\"%s\" cannot be set in a profile, only at the top level",
			         config_quote(key_text, quoted, sizeof quoted));
		else
			unknown_key(w, key, key_text, SCOPE_PROFILE, pc->path_name);
		return;
	}
	struct strbuf name = STRBUF_INIT, source = STRBUF_INIT;
	strbuf_addf(&name, "%s.%s", pc->path_name, key_text);
	strbuf_addf(&source, "%s (profile %s)", w->path, pc->profile->name);
	read_setting(w, &pc->profile->layer, opt, strbuf_str(&name), value, strbuf_str(&source));
	strbuf_free(&name);
	strbuf_free(&source);
}

static void read_profile(struct walker *w, yaml_node_t *key, const char *key_text,
                         yaml_node_t *value, void *context)
{
	(void)context;
	struct config_yaml *yaml = w->yaml;
	char quoted[CONFIG_QUOTE_SIZE];
	if (!*key_text) {
		error_at(w, key, "profile names must not be empty");
		return;
	}
	xgrow((void **)&yaml->profiles, &w->profiles_cap, yaml->nprofiles + 1,
	      sizeof *yaml->profiles);
	struct config_profile *profile = &yaml->profiles[yaml->nprofiles++];
	*profile = (struct config_profile){
		.name = xstrdup(key_text),
		.where = where_of(w, key),
		.layer = { .origin = ORIGIN_YAML },
	};
	if (is_null(value))
		return;

	struct strbuf path_name = STRBUF_INIT;
	strbuf_addf(&path_name, "profiles.%s", config_quote(key_text, quoted, sizeof quoted));
	if (value->type != YAML_MAPPING_NODE) {
		error_at(w, value, "%s must be a mapping of settings, not %s", strbuf_str(&path_name),
		         shape_of(value));
	} else {
		struct profile_context pc = { profile, strbuf_str(&path_name) };
		each_pair(w, value, strbuf_str(&path_name), read_profile_pair, &pc);
		strbuf_addc(&path_name, '.');
		check_one_credential(w, &profile->layer, strbuf_str(&path_name));
	}
	strbuf_free(&path_name);
}

/* Room for the keymap's longest message with every byte escaped as \xNN. */
#define BIND_MESSAGE_SIZE 1024

static void add_binding(struct walker *w, const char *request, const yaml_node_t *key_spec)
{
	struct config_yaml *yaml = w->yaml;
	if (yaml->bind) {
		struct strbuf err = STRBUF_INIT;
		if (!yaml->bind(request, text_of(key_spec), &err)) {
			/* The message quotes what the user wrote, which may hold control bytes. */
			char shown[BIND_MESSAGE_SIZE];
			error_at(w, key_spec, "%s", config_quote(strbuf_str(&err), shown, sizeof shown));
			strbuf_free(&err);
			return;
		}
		strbuf_free(&err);
	}
	xgrow((void **)&yaml->bindings, &w->bindings_cap, yaml->nbindings + 1,
	      sizeof *yaml->bindings);
	yaml->bindings[yaml->nbindings++] = (struct config_binding){
		.request = xstrdup(request),
		.keys = xstrdup(text_of(key_spec)),
		.where = where_of(w, key_spec),
	};
}

static bool is_key_spec(struct walker *w, const yaml_node_t *node, const char *name)
{
	if (node->type != YAML_SCALAR_NODE || is_null(node))
		return false;
	return scalar_text(w, node, name) != NULL;
}

/* bindings: {SCOPE: {KEY: "!command %(field)"}}: a key command of one view. */
static void read_hook(struct walker *w, yaml_node_t *key, const char *key_text,
                      yaml_node_t *value, void *context)
{
	const char *scope = context;
	char quoted[CONFIG_QUOTE_SIZE], quoted_scope[CONFIG_QUOTE_SIZE], shown[BIND_MESSAGE_SIZE];
	struct strbuf name = STRBUF_INIT, err = STRBUF_INIT;
	/* The view's name as written may hold a tab or an escape: quoted like the key. */
	strbuf_addf(&name, "bindings.%s.%s", config_quote(scope, quoted_scope, sizeof quoted_scope),
	            config_quote(key_text, quoted, sizeof quoted));
	if (value->type != YAML_SCALAR_NODE || is_null(value)) {
		error_at(w, value, "%s must be a command such as \"!jira-create %%(short_id)\", not %s",
		         strbuf_str(&name), shape_of(value));
	} else if (scalar_text(w, value, strbuf_str(&name))) {
		const char *command = text_of(value);
		if (!hook_template_check(command, &err))
			error_at(w, value, "%s: %s", strbuf_str(&name), config_quote(strbuf_str(&err), shown, sizeof shown));
		else if (w->yaml->bind_hook && !w->yaml->bind_hook(scope, key_text, command, &err))
			error_at(w, key, "%s", config_quote(strbuf_str(&err), shown, sizeof shown));
	}
	strbuf_free(&err);
	strbuf_free(&name);
}

/* A mapping whose first value is a "!command": a view's key commands (anything else
 * there is a request given the wrong shape). */
static bool runs_commands(struct walker *w, yaml_node_t *map)
{
	yaml_node_pair_t *pair = map->data.mapping.pairs.start;
	if (pair >= map->data.mapping.pairs.top)
		return false;
	yaml_node_t *value = yaml_document_get_node(w->doc, pair->value);
	return value && value->type == YAML_SCALAR_NODE && text_of(value)[0] == '!';
}

static void read_binding(struct walker *w, yaml_node_t *key, const char *request,
                         yaml_node_t *value, void *context)
{
	(void)context;
	char quoted[CONFIG_QUOTE_SIZE];
	if (!*request) {
		error_at(w, key, "request names in bindings must not be empty");
		return;
	}
	struct strbuf name = STRBUF_INIT;
	strbuf_addf(&name, "bindings.%s", config_quote(request, quoted, sizeof quoted));
	if (value->type == YAML_MAPPING_NODE && runs_commands(w, value)) {
		/* A view's name: its keys run commands. */
		each_pair(w, value, strbuf_str(&name), read_hook, (void *)(uintptr_t)request);
	} else if (value->type == YAML_SCALAR_NODE) {
		if (is_null(value) || !*text_of(value))
			error_at(w, value, "%s needs a key or a list of keys", strbuf_str(&name));
		else if (is_key_spec(w, value, strbuf_str(&name)))
			add_binding(w, request, value);
	} else if (value->type == YAML_SEQUENCE_NODE) {
		if (value->data.sequence.items.start == value->data.sequence.items.top)
			error_at(w, value, "%s needs a key or a list of keys", strbuf_str(&name));
		for (yaml_node_item_t *item = value->data.sequence.items.start;
		     item < value->data.sequence.items.top; item++) {
			yaml_node_t *entry = yaml_document_get_node(w->doc, *item);
			if (!entry)
				continue;
			if (entry->type == YAML_SCALAR_NODE && (is_null(entry) || !*text_of(entry)))
				error_at(w, entry, "entries of %s must be keys, not empty", strbuf_str(&name));
			else if (entry->type != YAML_SCALAR_NODE)
				error_at(w, entry, "entries of %s must be keys, not %s", strbuf_str(&name),
				         shape_of(entry));
			else if (is_key_spec(w, entry, strbuf_str(&name)))
				add_binding(w, request, entry);
		}
	} else if (value->type == YAML_MAPPING_NODE) {
		error_at(w, value, "%s must be a key or a list of keys, not a mapping (a view's key "
		         "commands start with !, e.g. issues: {J: \"!jira-create %%(short_id)\"})",
		         strbuf_str(&name));
	} else {
		error_at(w, value, "%s must be a key or a list of keys, not %s", strbuf_str(&name),
		         shape_of(value));
	}
	strbuf_free(&name);
}

static void read_top_pair(struct walker *w, yaml_node_t *key, const char *key_text,
                          yaml_node_t *value, void *context)
{
	(void)context;
	const struct config_option *opt = config_option_by_key(key_text, SCOPE_TOP);
	if (!opt) {
		unknown_key(w, key, key_text, SCOPE_TOP, NULL);
		return;
	}
	switch (opt->kind) {
	case KIND_PROFILES:
		if (is_null(value))
			break;
		if (value->type != YAML_MAPPING_NODE)
			error_at(w, value, "profiles must be a mapping of profile names to settings, not %s",
			         shape_of(value));
		else
			each_pair(w, value, "profiles", read_profile, NULL);
		break;
	case KIND_BINDINGS:
		if (is_null(value))
			break;
		if (value->type != YAML_MAPPING_NODE)
			error_at(w, value, "bindings must be a mapping of request names to keys, not %s",
			         shape_of(value));
		else
			each_pair(w, value, "bindings", read_binding, NULL);
		break;
	default:
		read_setting(w, &w->yaml->top, opt, key_text, value, w->path);
		break;
	}
}

/* Line and column (0-based) of a byte offset, for reader errors that carry no mark. */
static void locate_offset(const char *text, size_t len, size_t offset, size_t *line,
                          size_t *col)
{
	*line = *col = 0;
	for (size_t i = 0; i < offset && i < len; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 0;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

static void syntax_error(struct walker *w, const yaml_parser_t *parser, const char *text,
                         size_t len)
{
	size_t line = parser->problem_mark.line, col = parser->problem_mark.column;
	if (parser->error == YAML_READER_ERROR)
		locate_offset(text, len, parser->problem_offset, &line, &col);
	char *where = config_where(w->path, line, col);
	const char *problem = parser->problem ? parser->problem : "cannot parse the file";
	if (parser->context)
		config_error(w->report, where, "%s (%s at line %zu, column %zu)", problem,
		             parser->context, parser->context_mark.line + 1,
		             parser->context_mark.column + 1);
	else
		config_error(w->report, where, "%s", problem);
	free(where);
}

/* libyaml's loader takes time quadratic in the nesting depth (seconds for a 100,000-deep
 * "[[[..."), so the events are first counted through, stopping at the first too-deep
 * collection. Returns false after reporting it. */
static bool nesting_within_limit(struct walker *w, const char *text, size_t len)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		config_error(w->report, w->path, "out of memory");
		return false;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	bool ok = true;
	for (int depth = 0;;) {
		yaml_event_t event;
		if (!yaml_parser_parse(&parser, &event))
			break;  /* the loader meets the same mistake and reports it in context */
		yaml_event_type_t type = event.type;
		if (type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT) {
			if (++depth > CONFIG_YAML_MAX_DEPTH) {
				char *where = config_where(w->path, event.start_mark.line,
				                           event.start_mark.column);
				config_error(w->report, where, "nesting deeper than %d",
				             CONFIG_YAML_MAX_DEPTH);
				free(where);
				ok = false;
			}
		} else if (type == YAML_SEQUENCE_END_EVENT || type == YAML_MAPPING_END_EVENT) {
			depth--;
		}
		yaml_event_delete(&event);
		if (!ok || type == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&parser);
	return ok;
}

bool config_yaml_parse(const char *path, const char *text, size_t len, struct config_yaml *yaml,
                       struct config_report *report)
{
	struct walker w = { .path = path, .yaml = yaml, .report = report };
	yaml->top.origin = ORIGIN_YAML;
	if (!nesting_within_limit(&w, text, len))
		return false;

	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		config_error(report, path, "out of memory");
		return false;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	for (size_t documents = 0;; documents++) {
		yaml_document_t doc;
		if (!yaml_parser_load(&parser, &doc)) {
			syntax_error(&w, &parser, text, len);
			break;
		}
		w.doc = &doc;
		yaml_node_t *root = yaml_document_get_root_node(&doc);
		if (!root) {  /* end of the stream */
			yaml_document_delete(&doc);
			break;
		}
		if (documents > 0) {
			char *where = config_where(path, doc.start_mark.line, doc.start_mark.column);
			config_error(report, where, "a config file holds one YAML document; remove this "
			             "\"---\" and what follows, or merge it into the first");
			free(where);
		}
		else if (root->type == YAML_MAPPING_NODE)
			each_pair(&w, root, "the config file", read_top_pair, NULL);
		else if (!is_null(root))
			error_at(&w, root, "the config file must be a mapping of keys to values, not %s",
			         shape_of(root));
		yaml_document_delete(&doc);
		w.doc = NULL;
	}
	yaml_parser_delete(&parser);
	check_one_credential(&w, &yaml->top, "");
	return w.holds_token;
}

enum config_yaml_status config_yaml_read(const char *path, const char *given_by,
                                         struct config_yaml *yaml, struct config_report *report)
{
	char *text;
	size_t len;
	mode_t mode;
	int err = config_read_file(path, &text, &len, &mode);
	if (err == ENOENT && !given_by)
		return CONFIG_YAML_MISSING;
	if (err == CONFIG_NOT_REGULAR_FILE) {
		config_error(report, path, "not a regular file%s%s%s", given_by ? " (from " : "",
		             given_by ? given_by : "", given_by ? ")" : "");
		return CONFIG_YAML_UNREADABLE;
	}
	if (err) {
		if (err == EFBIG)
			config_error(report, CONFIG_PROGRAM,
			             "cannot read config file %s%s%s%s: larger than %d bytes", path,
			             given_by ? " (from " : "", given_by ? given_by : "",
			             given_by ? ")" : "", CONFIG_FILE_MAX);
		else
			config_error(report, CONFIG_PROGRAM, "cannot read config file %s%s%s%s: %s", path,
			             given_by ? " (from " : "", given_by ? given_by : "",
			             given_by ? ")" : "", strerror(err));
		return CONFIG_YAML_UNREADABLE;
	}
	if (config_yaml_parse(path, text, len, yaml, report))
		config_token_check_file_mode(path, mode, report);
	config_secret_free(text);
	return CONFIG_YAML_READ;
}

const struct config_profile *config_yaml_profile(const struct config_yaml *yaml,
                                                 const char *name)
{
	for (size_t i = 0; i < yaml->nprofiles; i++)
		if (strcmp(yaml->profiles[i].name, name) == 0)
			return &yaml->profiles[i];
	return NULL;
}

void config_yaml_free(struct config_yaml *yaml)
{
	config_layer_free(&yaml->top);
	for (size_t i = 0; i < yaml->nprofiles; i++) {
		free(yaml->profiles[i].name);
		free(yaml->profiles[i].where);
		config_layer_free(&yaml->profiles[i].layer);
	}
	free(yaml->profiles);
	for (size_t i = 0; i < yaml->nbindings; i++) {
		free(yaml->bindings[i].request);
		free(yaml->bindings[i].keys);
		free(yaml->bindings[i].where);
	}
	free(yaml->bindings);
	*yaml = (struct config_yaml){ 0 };
}
