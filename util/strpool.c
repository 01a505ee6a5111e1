/* Interned strings (see strpool.h): strings in a few large blocks, found again through
 * an open-addressing hash table of offsets into them. */
#include "util/strpool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define BLOCK_SIZE 16384
#define MAX_BLOCKS 64          /* 1 MB of distinct values at most */
#define MAX_INTERNED_LEN 256   /* longer values are rarely repeated */

static char *blocks[MAX_BLOCKS];
static size_t nblocks, used_in_last;
static char **table;            /* pool strings, NULL = empty slot */
static size_t table_size, table_count;

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static char **slot_for(char **tab, size_t size, const char *s)
{
	size_t i = hash(s) & (size - 1);
	while (tab[i] && strcmp(tab[i], s) != 0)
		i = (i + 1) & (size - 1);
	return &tab[i];
}

static void grow_table(void)
{
	size_t size = table_size ? table_size * 2 : 1024;
	char **tab = xcalloc(size, sizeof(*tab));
	for (size_t i = 0; i < table_size; i++)
		if (table[i])
			*slot_for(tab, size, table[i]) = table[i];
	free(table);
	table = tab;
	table_size = size;
}

/* Room for len+1 bytes in the pool, or NULL when it is full. */
static char *pool_space(size_t len)
{
	if (!nblocks || used_in_last + len + 1 > BLOCK_SIZE) {
		if (nblocks == MAX_BLOCKS)
			return NULL;
		blocks[nblocks++] = xmalloc(BLOCK_SIZE);
		used_in_last = 0;
	}
	char *p = blocks[nblocks - 1] + used_in_last;
	used_in_last += len + 1;
	return p;
}

char *strpool_take(char *s)
{
	if (!s)
		return NULL;
	size_t len = strlen(s);
	if (len > MAX_INTERNED_LEN)
		return s;
	if ((table_count + 1) * 2 > table_size)
		grow_table();
	char **slot = slot_for(table, table_size, s);
	if (!*slot) {
		char *copy = pool_space(len);
		if (!copy)
			return s; /* full: the caller keeps its own copy */
		memcpy(copy, s, len + 1);
		*slot = copy;
		table_count++;
	}
	free(s);
	return *slot;
}

bool strpool_owns(const void *p)
{
	uintptr_t c = (uintptr_t)p;
	for (size_t i = 0; c && i < nblocks; i++)
		if (c >= (uintptr_t)blocks[i] && c < (uintptr_t)blocks[i] + BLOCK_SIZE)
			return true;
	return false;
}

void strpool_release(void *p)
{
	if (!strpool_owns(p))
		free(p);
}

void strpool_reset(void)
{
	for (size_t i = 0; i < nblocks; i++)
		free(blocks[i]);
	nblocks = used_in_last = 0;
	free(table);
	table = NULL;
	table_size = table_count = 0;
}
