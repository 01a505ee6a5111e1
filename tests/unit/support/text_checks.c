#include "tests/unit/support/text_checks.h"

bool valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int extra = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 :
		            (*p & 0xF8) == 0xF0 ? 3 : -1;
		if (extra < 0)
			return false;
		p++;
		for (int i = 0; i < extra; i++, p++)
			if ((*p & 0xC0) != 0x80)
				return false;
	}
	return true;
}
