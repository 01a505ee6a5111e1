/* Shared looks of issue attributes (see style.h). */
#include "views/style.h"

#include <stddef.h>

enum color_role style_level_role(enum issue_level level)
{
	switch (level) {
	case LEVEL_FATAL: return ROLE_LEVEL_FATAL;
	case LEVEL_ERROR: return ROLE_LEVEL_ERROR;
	case LEVEL_WARNING: return ROLE_LEVEL_WARNING;
	case LEVEL_INFO: return ROLE_LEVEL_INFO;
	case LEVEL_DEBUG: return ROLE_LEVEL_DEBUG;
	default: return ROLE_LEVEL_UNKNOWN;
	}
}

const char *style_level_letter(enum issue_level level)
{
	switch (level) {
	case LEVEL_FATAL: return "F";
	case LEVEL_ERROR: return "E";
	case LEVEL_WARNING: return "W";
	case LEVEL_INFO: return "I";
	case LEVEL_DEBUG: return "D";
	case LEVEL_SAMPLE: return "S";
	default: return "?";
	}
}
