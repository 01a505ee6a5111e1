/* Decoding the events endpoint's transaction rows (see discover.h). */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/discover.h"
#include "api/json_util.h"
#include "api/model.h"
#include "util/xalloc.h"

/* The field names each dataset uses for the same things. */
struct dataset_fields {
	const char *id, *op, *duration, *status;
};

static const struct dataset_fields spans_fields = { "id", "span.op", "span.duration", "span.status" };
static const struct dataset_fields transactions_fields = {
	"id", "transaction.op", "transaction.duration", "transaction.status",
};

void transaction_rows_free(struct transaction_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].event_id);
		free(rows[i].span_id);
		free(rows[i].name);
		free(rows[i].op);
		free(rows[i].status);
		free(rows[i].project);
		free(rows[i].trace);
	}
	free(rows);
}

/* A duration in milliseconds: a number, or a number in a string; -1 otherwise. */
static double duration_member(const json_t *row, const char *key)
{
	const json_t *v = member(row, key);
	double d = -1;
	if (json_is_number(v))
		d = json_number_value(v);
	else if (json_is_string(v)) {
		const char *text = json_string_value(v);
		char *end = NULL;
		d = strtod(text, &end);
		if (end == text || *end)
			d = -1;
	}
	return isfinite(d) && d >= 0 ? d : -1;
}

static void decode_row(const json_t *row, const struct dataset_fields *f, bool spans,
                       struct transaction_row *out)
{
	memset(out, 0, sizeof(*out));
	char *id = id_member(row, f->id);
	if (spans)
		out->span_id = id;
	else
		out->event_id = id;
	out->name = string_member(row, "transaction", MODEL_MAX_TITLE);
	out->op = string_member(row, f->op, MODEL_MAX_FIELD);
	out->duration_ms = duration_member(row, f->duration);
	out->status = string_member(row, f->status, MODEL_MAX_FIELD);
	out->project = string_member(row, "project", MODEL_MAX_ID);
	if (!out->project)
		out->project = string_member(row, "project.name", MODEL_MAX_ID);
	out->trace = string_member(row, "trace", MODEL_MAX_ID);
	out->timestamp = time_member(row, "timestamp");
	/* The spans dataset names the transaction's span; its own id is that span too. */
	if (spans && !out->span_id)
		out->span_id = string_member(row, "transaction.span_id", MODEL_MAX_ID);
}

bool decode_transaction_rows(const char *body, size_t len, enum discover_dataset ds,
                             struct transaction_row **out, size_t *n, struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	const json_t *data = member(root, "data");
	if (!json_is_array(data)) {
		if (err)
			strbuf_addf(err, "expected an object with a \"data\" list, got %s",
			            json_is_object(root) ? (data ? json_kind(data) : "no \"data\"")
			                                 : json_kind(root));
		json_decref(root);
		return false;
	}
	bool spans = ds == DISCOVER_SPANS;
	const struct dataset_fields *f = spans ? &spans_fields : &transactions_fields;
	size_t count = json_array_size(data);
	struct transaction_row *rows = count ? xcalloc(count, sizeof(*rows)) : NULL;
	size_t kept = 0;
	for (size_t i = 0; i < count; i++) {
		const json_t *row = json_array_get(data, i);
		if (json_is_object(row))
			decode_row(row, f, spans, &rows[kept++]);
	}
	json_decref(root);
	*out = rows;
	*n = kept;
	return true;
}
