/* libFuzzer target for .sentryclirc, sentry-cli's INI file. The text is handed over
 * exactly as long as it is (no NUL after it), as config_sentryclirc_parse's length
 * promises, so ASan catches a read past its end. Besides crashes and leaks it aborts when
 * a promise breaks:
 *   - every error is one line "PATH:LINE:COL: message" (or "sentry-tui: " for the
 *     flood's end) without a control byte;
 *   - the token is never in a message;
 *   - what the layer keeps passed the option checks (an http(s) URL, slugs without
 *     blanks or control bytes), and the result says whether a token was written.
 * Built by `make fuzz-bins` (see the Makefile); seeds in tests/fuzz/seeds/sentryclirc. */
#define _GNU_SOURCE /* memmem */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/layer.h"
#include "config/sentryclirc.h"
#include "tests/fuzz/fuzz_check.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define RC_PATH "/home/u/.sentryclirc"

static void check_messages(const char *text)
{
	const char *line = text;
	while (*line) {
		const char *nl = strchr(line, '\n');
		FUZZ_REQUIRE(nl);
		/* "sentry-tui: too many errors; ..." ends a flood. */
		FUZZ_REQUIRE(strncmp(line, RC_PATH ":", strlen(RC_PATH) + 1) == 0 ||
		             strncmp(line, "sentry-tui: ", 12) == 0);
		for (const char *p = line; p < nl; p++)
			FUZZ_REQUIRE((unsigned char)*p >= 0x20 && *p != 0x7f);
		line = nl + 1;
	}
}

static void check_slug(const char *s)
{
	FUZZ_REQUIRE(s && *s);
	for (const char *p = s; *p; p++)
		FUZZ_REQUIRE((unsigned char)*p > 0x20 && *p != 0x7f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size ? size : 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	struct config_layer layer = { .origin = ORIGIN_SENTRYCLIRC };
	struct strbuf errors = STRBUF_INIT, warnings = STRBUF_INIT;
	struct config_report report = { &errors, &warnings, 0 };
	bool token = config_sentryclirc_parse(RC_PATH, text, size, &layer, &report);
	check_messages(strbuf_str(&errors));
	check_messages(strbuf_str(&warnings));
	/* A token kept means the result says so (a refused one may say so too). */
	FUZZ_REQUIRE(!layer.text[OPT_TOKEN] || token);
	const char *secret = layer.text[OPT_TOKEN];
	/* Only a real-looking token written once: a value also written as the org, say, is
	 * rightly quoted in that line's message. */
	if (secret && strlen(secret) >= 8) {
		const char *first = memmem(data, size, secret, strlen(secret));
		if (first && !memmem(first + 1, size - (size_t)(first + 1 - (const char *)data),
		                     secret, strlen(secret))) {
			FUZZ_REQUIRE(!strstr(strbuf_str(&errors), secret));
			FUZZ_REQUIRE(!strstr(strbuf_str(&warnings), secret));
		}
	}
	if (layer.text[OPT_URL])
		/* Schemes are case-insensitive (RFC 3986). */
		FUZZ_REQUIRE(strncasecmp(layer.text[OPT_URL], "http://", 7) == 0 ||
		             strncasecmp(layer.text[OPT_URL], "https://", 8) == 0);
	if (layer.text[OPT_ORG])
		check_slug(layer.text[OPT_ORG]);
	for (size_t i = 0; i < layer.nprojects; i++)
		check_slug(layer.projects[i]);
	config_layer_free(&layer);
	strbuf_free(&errors);
	strbuf_free(&warnings);
	free(text);
	return 0;
}
