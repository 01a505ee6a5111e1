/* Fixture files for unit tests (see fixture.h). */
#include "tests/unit/support/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "util/strbuf.h"

const char *fixture_dir(void)
{
	const char *dir = getenv("SENTRY_TUI_FIXTURES");
	return dir && *dir ? dir : "tests/fixtures/sentry";
}

char *fixture_try_read(const char *rel, size_t *len)
{
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/%s", fixture_dir(), rel);
	FILE *f = fopen(strbuf_str(&path), "rb");
	strbuf_free(&path);
	if (!f)
		return NULL;
	struct strbuf body = STRBUF_INIT;
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_add(&body, chunk, got);
	fclose(f);
	*len = body.len;
	return strbuf_detach(&body);
}

char *fixture_read(const char *rel, size_t *len)
{
	char *body = fixture_try_read(rel, len);
	if (!body)
		fail_msg("cannot open %s/%s: run from the repository root or set SENTRY_TUI_FIXTURES",
		         fixture_dir(), rel);
	return body;
}
