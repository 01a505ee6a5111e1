/* Themes: role -> (foreground, background, attributes). */
#include "tui/theme.h"

#include <string.h>

struct role_style {
	short fg, bg;
	attr_t attr;      /* with colours */
	attr_t mono_attr; /* without colours */
};

static const struct role_style default_theme[ROLE_COUNT] = {
	[ROLE_DEFAULT] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ROLE_HEADER] = { COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_STATUS] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_STATUS_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_STATUS_INFO] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_CURSOR] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ROLE_MARK] = { COLOR_MAGENTA, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_DIM] = { -1, -1, A_DIM, A_DIM },
	[ROLE_SHORT_ID] = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[ROLE_CULPRIT] = { -1, -1, A_DIM, A_DIM },
	[ROLE_NUMBER] = { -1, -1, A_BOLD, A_NORMAL },
	[ROLE_SPARK] = { COLOR_MAGENTA, -1, A_NORMAL, A_NORMAL },
	[ROLE_AGE] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_ASSIGNEE] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[ROLE_LEVEL_FATAL] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_LEVEL_ERROR] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[ROLE_LEVEL_WARNING] = { COLOR_YELLOW, -1, A_BOLD, A_NORMAL },
	[ROLE_LEVEL_INFO] = { COLOR_BLUE, -1, A_BOLD, A_NORMAL },
	[ROLE_LEVEL_DEBUG] = { -1, -1, A_DIM, A_DIM },
	[ROLE_LEVEL_UNKNOWN] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_BADGE_NEW] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ROLE_BADGE_REGRESSED] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[ROLE_BADGE_ESCALATING] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_BADGE_ONGOING] = { -1, -1, A_DIM, A_DIM },
	[ROLE_BADGE_ARCHIVED] = { -1, -1, A_DIM, A_DIM },
	[ROLE_BADGE_RESOLVED] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[ROLE_BOOKMARK] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_LOADING] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_HELP_KEY] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[ROLE_PROMPT] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	/* Stack frames of the user's own code; system frames use ROLE_DIM. */
	[ROLE_IN_APP] = { -1, -1, A_BOLD, A_BOLD },
	/* The faulting line of an expanded frame (also marked "→", so mono loses nothing). */
	[ROLE_SOURCE_HIGHLIGHT] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	/* Waterfall bars and ops by family; the op is written beside every bar, so mono
	 * (one look for all) loses nothing. */
	[ROLE_SPAN_DB] = { COLOR_BLUE, -1, A_BOLD, A_NORMAL },
	[ROLE_SPAN_HTTP] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[ROLE_SPAN_CACHE] = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[ROLE_SPAN_UI] = { COLOR_YELLOW, -1, A_NORMAL, A_NORMAL },
	[ROLE_SPAN_MIDDLEWARE] = { COLOR_MAGENTA, -1, A_NORMAL, A_NORMAL },
	[ROLE_SPAN_OTHER] = { -1, -1, A_NORMAL, A_NORMAL },
	/* The profile's name: set by theme_set_profile_colour. */
	[ROLE_PROFILE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
};

static bool mono;

bool theme_init(const char *name)
{
	if (name && strcmp(name, "mono") == 0)
		mono = true;
	else if (!name || strcmp(name, "default") == 0)
		mono = false;
	else
		return false;
	if (!mono && has_colors()) {
		start_color();
		use_default_colors();
		for (int r = 1; r < ROLE_COUNT; r++)
			init_pair((short)r, default_theme[r].fg, default_theme[r].bg);
	} else {
		mono = true;
	}
	return true;
}

void theme_set_profile_colour(const char *colour)
{
	static const char *const names[] = { "red", "green", "yellow", "blue", "magenta", "cyan",
	                                     "white" };
	static const short colours[] = { COLOR_RED, COLOR_GREEN, COLOR_YELLOW, COLOR_BLUE,
	                                 COLOR_MAGENTA, COLOR_CYAN, COLOR_WHITE };
	short fg = default_theme[ROLE_PROFILE].fg, bg = default_theme[ROLE_PROFILE].bg;
	for (size_t i = 0; colour && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(colour, names[i]) == 0)
			fg = COLOR_BLACK, bg = colours[i];
	if (!mono)
		init_pair((short)ROLE_PROFILE, fg, bg);
}

short theme_pair(enum color_role role)
{
	return mono || role == ROLE_DEFAULT ? 0 : (short)role;
}

attr_t theme_attr(enum color_role role)
{
	return mono ? default_theme[role].mono_attr : default_theme[role].attr;
}
