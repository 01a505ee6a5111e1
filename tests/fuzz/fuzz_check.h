/* Shared by the libFuzzer targets: a broken promise stops the run with the line and the
 * condition that failed, so a crash report says which promise it was. */
#ifndef TESTS_FUZZ_CHECK_H
#define TESTS_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_REQUIRE(cond)                                                               \
	do {                                                                             \
		if (!(cond)) {                                                           \
			fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, \
			        #cond);                                                  \
			abort();                                                         \
		}                                                                        \
	} while (0)

#endif
