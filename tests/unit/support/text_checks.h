/* Checks on decoded text shared by the decoder tests. */
#ifndef TESTS_UNIT_SUPPORT_TEXT_CHECKS_H
#define TESTS_UNIT_SUPPORT_TEXT_CHECKS_H

#include <stdbool.h>

/* Whether s (NUL-terminated) is well-formed UTF-8 by its lead and continuation bytes. */
bool valid_utf8(const char *s);

#endif
