/* libFuzzer target for the Link header parser: any bytes a server may send as a header.
 *   clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -I. \
 *       tests/fuzz/fuzz_link.c api/link.c util/hex.c util/xalloc.c -o fuzz_link */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/link.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Headers reach the parser as C strings; an embedded NUL just ends one early. An
	 * exact-size copy lets ASan catch any read past the terminator. */
	char *header = malloc(size + 1);
	if (!header)
		return 0;
	memcpy(header, data, size);
	header[size] = '\0';
	struct link_header lh;
	link_parse(header, &lh);
	/* What the pager relies on: a cursor is never empty and never outlives the header. */
	if ((lh.next.cursor && !lh.next.cursor[0]) || (lh.previous.cursor && !lh.previous.cursor[0]))
		abort();
	if ((lh.next.cursor && !lh.next.present) || (lh.previous.cursor && !lh.previous.present))
		abort();
	free(header);
	link_header_free(&lh);
	return 0;
}
