/* The short-id lookup (docs/sentry-api.md §5): {organizationSlug, projectSlug, groupId,
 * shortId, group: {issue}} -> the issue, for `:open SHORT-ID`. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/issue_endpoints.h"
#include "api/json_util.h"
#include "util/xalloc.h"

bool decode_short_id_lookup(const char *body, size_t len, struct issue *out, struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	bool ok = false;
	if (!json_is_object(root)) {
		strbuf_addf(err, "expected an object, got %s", json_kind(root));
	} else if (decode_issue(member(root, "group"), out)) {
		ok = true;
	} else {
		/* The group is what the screen needs; its id alone is enough to open it (the
		 * issue screen fetches the rest). */
		issue_free(out);
		memset(out, 0, sizeof(*out));
		out->id = id_member(root, "groupId");
		out->short_id = string_member(root, "shortId", MODEL_MAX_FIELD);
		out->project_slug = string_member(root, "projectSlug", MODEL_MAX_FIELD);
		ok = out->id != NULL;
		if (!ok)
			strbuf_adds(err, "no \"group\" or \"groupId\" in the answer");
	}
	json_decref(root);
	return ok;
}
