/* Themes: role -> (foreground, background, attributes), one table per palette. */
#include "tui/theme.h"

#include <string.h>

/* Without colours: attributes alone. */
static const struct theme_style mono_theme[ROLE_COUNT] = {
	[ROLE_DEFAULT] = { -1, -1, A_NORMAL },
	[ROLE_TITLE] = { -1, -1, A_REVERSE },
	[ROLE_HEADER] = { -1, -1, A_BOLD | A_UNDERLINE },
	[ROLE_STATUS] = { -1, -1, A_NORMAL },
	[ROLE_STATUS_ERROR] = { -1, -1, A_REVERSE | A_BOLD },
	[ROLE_STATUS_INFO] = { -1, -1, A_BOLD },
	[ROLE_CURSOR] = { -1, -1, A_REVERSE },
	[ROLE_MARK] = { -1, -1, A_BOLD | A_UNDERLINE },
	[ROLE_DIM] = { -1, -1, A_DIM },
	[ROLE_SHORT_ID] = { -1, -1, A_NORMAL },
	[ROLE_CULPRIT] = { -1, -1, A_DIM },
	[ROLE_NUMBER] = { -1, -1, A_NORMAL },
	[ROLE_SPARK] = { -1, -1, A_NORMAL },
	[ROLE_AGE] = { -1, -1, A_NORMAL },
	[ROLE_ASSIGNEE] = { -1, -1, A_NORMAL },
	[ROLE_LEVEL_FATAL] = { -1, -1, A_REVERSE | A_BOLD },
	[ROLE_LEVEL_ERROR] = { -1, -1, A_BOLD },
	[ROLE_LEVEL_WARNING] = { -1, -1, A_NORMAL },
	[ROLE_LEVEL_INFO] = { -1, -1, A_NORMAL },
	[ROLE_LEVEL_DEBUG] = { -1, -1, A_DIM },
	[ROLE_LEVEL_UNKNOWN] = { -1, -1, A_NORMAL },
	[ROLE_BADGE_NEW] = { -1, -1, A_BOLD },
	[ROLE_BADGE_REGRESSED] = { -1, -1, A_BOLD },
	[ROLE_BADGE_ESCALATING] = { -1, -1, A_BOLD },
	[ROLE_BADGE_ONGOING] = { -1, -1, A_DIM },
	[ROLE_BADGE_ARCHIVED] = { -1, -1, A_DIM },
	[ROLE_BADGE_RESOLVED] = { -1, -1, A_NORMAL },
	[ROLE_BOOKMARK] = { -1, -1, A_BOLD },
	[ROLE_LOADING] = { -1, -1, A_BOLD },
	[ROLE_HELP_KEY] = { -1, -1, A_BOLD },
	[ROLE_PROMPT] = { -1, -1, A_BOLD },
	[ROLE_IN_APP] = { -1, -1, A_BOLD },
	/* The faulting line of an expanded frame (also marked "→", so mono loses nothing). */
	[ROLE_SOURCE_HIGHLIGHT] = { -1, -1, A_BOLD | A_UNDERLINE },
	/* The op is written beside every waterfall bar, so one look for all loses nothing. */
	[ROLE_SPAN_DB] = { -1, -1, A_NORMAL },
	[ROLE_SPAN_HTTP] = { -1, -1, A_NORMAL },
	[ROLE_SPAN_CACHE] = { -1, -1, A_NORMAL },
	[ROLE_SPAN_UI] = { -1, -1, A_NORMAL },
	[ROLE_SPAN_MIDDLEWARE] = { -1, -1, A_NORMAL },
	[ROLE_SPAN_OTHER] = { -1, -1, A_NORMAL },
	/* The profile's name in the title row (theme_set_profile_colour). */
	[ROLE_PROFILE] = { -1, -1, A_REVERSE | A_BOLD },
};

/* The eight ANSI colours every colour terminal has. */
static const struct theme_style theme_8[ROLE_COUNT] = {
	[ROLE_DEFAULT] = { -1, -1, A_NORMAL },
	[ROLE_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD },
	[ROLE_HEADER] = { COLOR_CYAN, -1, A_BOLD },
	[ROLE_STATUS] = { -1, -1, A_NORMAL },
	[ROLE_STATUS_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD },
	[ROLE_STATUS_INFO] = { COLOR_YELLOW, -1, A_BOLD },
	[ROLE_CURSOR] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL },
	[ROLE_MARK] = { COLOR_MAGENTA, -1, A_BOLD },
	[ROLE_DIM] = { -1, -1, A_DIM },
	[ROLE_SHORT_ID] = { COLOR_CYAN, -1, A_NORMAL },
	[ROLE_CULPRIT] = { -1, -1, A_DIM },
	[ROLE_NUMBER] = { -1, -1, A_BOLD },
	[ROLE_SPARK] = { COLOR_MAGENTA, -1, A_NORMAL },
	[ROLE_AGE] = { -1, -1, A_NORMAL },
	[ROLE_ASSIGNEE] = { COLOR_GREEN, -1, A_NORMAL },
	[ROLE_LEVEL_FATAL] = { COLOR_WHITE, COLOR_RED, A_BOLD },
	[ROLE_LEVEL_ERROR] = { COLOR_RED, -1, A_BOLD },
	[ROLE_LEVEL_WARNING] = { COLOR_YELLOW, -1, A_BOLD },
	[ROLE_LEVEL_INFO] = { COLOR_BLUE, -1, A_BOLD },
	[ROLE_LEVEL_DEBUG] = { -1, -1, A_DIM },
	[ROLE_LEVEL_UNKNOWN] = { -1, -1, A_NORMAL },
	[ROLE_BADGE_NEW] = { COLOR_GREEN, -1, A_BOLD },
	[ROLE_BADGE_REGRESSED] = { COLOR_RED, -1, A_BOLD },
	[ROLE_BADGE_ESCALATING] = { COLOR_YELLOW, -1, A_BOLD },
	[ROLE_BADGE_ONGOING] = { -1, -1, A_DIM },
	[ROLE_BADGE_ARCHIVED] = { -1, -1, A_DIM },
	[ROLE_BADGE_RESOLVED] = { COLOR_GREEN, -1, A_NORMAL },
	[ROLE_BOOKMARK] = { COLOR_YELLOW, -1, A_BOLD },
	[ROLE_LOADING] = { COLOR_YELLOW, -1, A_BOLD },
	[ROLE_HELP_KEY] = { COLOR_CYAN, -1, A_BOLD },
	[ROLE_PROMPT] = { COLOR_CYAN, -1, A_BOLD },
	[ROLE_IN_APP] = { -1, -1, A_BOLD },
	[ROLE_SOURCE_HIGHLIGHT] = { COLOR_YELLOW, -1, A_BOLD },
	[ROLE_SPAN_DB] = { COLOR_BLUE, -1, A_BOLD },
	[ROLE_SPAN_HTTP] = { COLOR_GREEN, -1, A_NORMAL },
	[ROLE_SPAN_CACHE] = { COLOR_CYAN, -1, A_NORMAL },
	[ROLE_SPAN_UI] = { COLOR_YELLOW, -1, A_NORMAL },
	[ROLE_SPAN_MIDDLEWARE] = { COLOR_MAGENTA, -1, A_NORMAL },
	[ROLE_SPAN_OTHER] = { -1, -1, A_NORMAL },
	[ROLE_PROFILE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD },
};

/* Colours 8-15 are the bright versions of 0-7. */
#define BRIGHT(c) ((short)((c) + 8))
#define GREY BRIGHT(COLOR_BLACK)

/* Sixteen colours: bright foregrounds, and grey in place of dim (which some terminals
 * ignore). */
static const struct theme_style theme_16[ROLE_COUNT] = {
	[ROLE_DEFAULT] = { -1, -1, A_NORMAL },
	[ROLE_TITLE] = { BRIGHT(COLOR_WHITE), COLOR_BLUE, A_BOLD },
	[ROLE_HEADER] = { BRIGHT(COLOR_CYAN), -1, A_BOLD },
	[ROLE_STATUS] = { -1, -1, A_NORMAL },
	[ROLE_STATUS_ERROR] = { BRIGHT(COLOR_WHITE), COLOR_RED, A_BOLD },
	[ROLE_STATUS_INFO] = { BRIGHT(COLOR_YELLOW), -1, A_BOLD },
	[ROLE_CURSOR] = { COLOR_BLACK, BRIGHT(COLOR_CYAN), A_NORMAL },
	[ROLE_MARK] = { BRIGHT(COLOR_MAGENTA), -1, A_BOLD },
	[ROLE_DIM] = { GREY, -1, A_NORMAL },
	[ROLE_SHORT_ID] = { BRIGHT(COLOR_CYAN), -1, A_NORMAL },
	[ROLE_CULPRIT] = { GREY, -1, A_NORMAL },
	[ROLE_NUMBER] = { -1, -1, A_BOLD },
	[ROLE_SPARK] = { BRIGHT(COLOR_MAGENTA), -1, A_NORMAL },
	[ROLE_AGE] = { -1, -1, A_NORMAL },
	[ROLE_ASSIGNEE] = { BRIGHT(COLOR_GREEN), -1, A_NORMAL },
	[ROLE_LEVEL_FATAL] = { BRIGHT(COLOR_WHITE), COLOR_RED, A_BOLD },
	[ROLE_LEVEL_ERROR] = { BRIGHT(COLOR_RED), -1, A_BOLD },
	[ROLE_LEVEL_WARNING] = { BRIGHT(COLOR_YELLOW), -1, A_BOLD },
	[ROLE_LEVEL_INFO] = { BRIGHT(COLOR_BLUE), -1, A_BOLD },
	[ROLE_LEVEL_DEBUG] = { GREY, -1, A_NORMAL },
	[ROLE_LEVEL_UNKNOWN] = { -1, -1, A_NORMAL },
	[ROLE_BADGE_NEW] = { BRIGHT(COLOR_GREEN), -1, A_BOLD },
	[ROLE_BADGE_REGRESSED] = { BRIGHT(COLOR_RED), -1, A_BOLD },
	[ROLE_BADGE_ESCALATING] = { BRIGHT(COLOR_YELLOW), -1, A_BOLD },
	[ROLE_BADGE_ONGOING] = { GREY, -1, A_NORMAL },
	[ROLE_BADGE_ARCHIVED] = { GREY, -1, A_NORMAL },
	[ROLE_BADGE_RESOLVED] = { BRIGHT(COLOR_GREEN), -1, A_NORMAL },
	[ROLE_BOOKMARK] = { BRIGHT(COLOR_YELLOW), -1, A_BOLD },
	[ROLE_LOADING] = { BRIGHT(COLOR_YELLOW), -1, A_BOLD },
	[ROLE_HELP_KEY] = { BRIGHT(COLOR_CYAN), -1, A_BOLD },
	[ROLE_PROMPT] = { BRIGHT(COLOR_CYAN), -1, A_BOLD },
	[ROLE_IN_APP] = { -1, -1, A_BOLD },
	[ROLE_SOURCE_HIGHLIGHT] = { BRIGHT(COLOR_YELLOW), -1, A_BOLD },
	[ROLE_SPAN_DB] = { BRIGHT(COLOR_BLUE), -1, A_BOLD },
	[ROLE_SPAN_HTTP] = { BRIGHT(COLOR_GREEN), -1, A_NORMAL },
	[ROLE_SPAN_CACHE] = { BRIGHT(COLOR_CYAN), -1, A_NORMAL },
	[ROLE_SPAN_UI] = { BRIGHT(COLOR_YELLOW), -1, A_NORMAL },
	[ROLE_SPAN_MIDDLEWARE] = { BRIGHT(COLOR_MAGENTA), -1, A_NORMAL },
	[ROLE_SPAN_OTHER] = { -1, -1, A_NORMAL },
	[ROLE_PROFILE] = { BRIGHT(COLOR_WHITE), COLOR_BLUE, A_BOLD },
};

/* xterm's 256 colours: 16-231 a 6x6x6 cube, 232-255 greys. Softer hues that keep their
 * meaning (red errors, orange warnings, green new) and greys in place of dim. */
static const struct theme_style theme_256[ROLE_COUNT] = {
	[ROLE_DEFAULT] = { -1, -1, A_NORMAL },
	[ROLE_TITLE] = { 231, 24, A_BOLD },
	[ROLE_HEADER] = { 110, -1, A_BOLD },
	[ROLE_STATUS] = { -1, -1, A_NORMAL },
	[ROLE_STATUS_ERROR] = { 231, 160, A_BOLD },
	[ROLE_STATUS_INFO] = { 214, -1, A_BOLD },
	[ROLE_CURSOR] = { 16, 116, A_NORMAL },
	[ROLE_MARK] = { 170, -1, A_BOLD },
	[ROLE_DIM] = { 244, -1, A_NORMAL },
	[ROLE_SHORT_ID] = { 38, -1, A_NORMAL },
	[ROLE_CULPRIT] = { 244, -1, A_NORMAL },
	[ROLE_NUMBER] = { -1, -1, A_BOLD },
	[ROLE_SPARK] = { 135, -1, A_NORMAL },
	[ROLE_AGE] = { -1, -1, A_NORMAL },
	[ROLE_ASSIGNEE] = { 71, -1, A_NORMAL },
	[ROLE_LEVEL_FATAL] = { 231, 124, A_BOLD },
	[ROLE_LEVEL_ERROR] = { 196, -1, A_BOLD },
	[ROLE_LEVEL_WARNING] = { 214, -1, A_BOLD },
	[ROLE_LEVEL_INFO] = { 33, -1, A_BOLD },
	[ROLE_LEVEL_DEBUG] = { 244, -1, A_NORMAL },
	[ROLE_LEVEL_UNKNOWN] = { -1, -1, A_NORMAL },
	[ROLE_BADGE_NEW] = { 77, -1, A_BOLD },
	[ROLE_BADGE_REGRESSED] = { 203, -1, A_BOLD },
	[ROLE_BADGE_ESCALATING] = { 208, -1, A_BOLD },
	[ROLE_BADGE_ONGOING] = { 244, -1, A_NORMAL },
	[ROLE_BADGE_ARCHIVED] = { 244, -1, A_NORMAL },
	[ROLE_BADGE_RESOLVED] = { 71, -1, A_NORMAL },
	[ROLE_BOOKMARK] = { 220, -1, A_BOLD },
	[ROLE_LOADING] = { 220, -1, A_BOLD },
	[ROLE_HELP_KEY] = { 80, -1, A_BOLD },
	[ROLE_PROMPT] = { 80, -1, A_BOLD },
	[ROLE_IN_APP] = { -1, -1, A_BOLD },
	[ROLE_SOURCE_HIGHLIGHT] = { 220, -1, A_BOLD },
	[ROLE_SPAN_DB] = { 69, -1, A_BOLD },
	[ROLE_SPAN_HTTP] = { 77, -1, A_NORMAL },
	[ROLE_SPAN_CACHE] = { 80, -1, A_NORMAL },
	[ROLE_SPAN_UI] = { 179, -1, A_NORMAL },
	[ROLE_SPAN_MIDDLEWARE] = { 170, -1, A_NORMAL },
	[ROLE_SPAN_OTHER] = { -1, -1, A_NORMAL },
	[ROLE_PROFILE] = { 231, 24, A_BOLD },
};

/* High contrast: the terminal's own foreground and background, bold where it matters,
 * never dim; colour only in red, green and magenta, which read on black and on white
 * (yellow, cyan and white do not on white, blue does not on black). The cursor row is
 * the terminal's colours reversed and bold. */
static const struct theme_style theme_high_contrast[ROLE_COUNT] = {
	[ROLE_DEFAULT] = { -1, -1, A_NORMAL },
	[ROLE_TITLE] = { -1, -1, A_REVERSE | A_BOLD },
	[ROLE_HEADER] = { -1, -1, A_BOLD | A_UNDERLINE },
	[ROLE_STATUS] = { -1, -1, A_NORMAL },
	[ROLE_STATUS_ERROR] = { COLOR_RED, -1, A_REVERSE | A_BOLD },
	[ROLE_STATUS_INFO] = { -1, -1, A_BOLD },
	[ROLE_CURSOR] = { -1, -1, A_REVERSE | A_BOLD },
	[ROLE_MARK] = { COLOR_MAGENTA, -1, A_BOLD | A_UNDERLINE },
	[ROLE_DIM] = { -1, -1, A_NORMAL },
	[ROLE_SHORT_ID] = { -1, -1, A_BOLD },
	[ROLE_CULPRIT] = { -1, -1, A_NORMAL },
	[ROLE_NUMBER] = { -1, -1, A_BOLD },
	[ROLE_SPARK] = { -1, -1, A_NORMAL },
	[ROLE_AGE] = { -1, -1, A_NORMAL },
	[ROLE_ASSIGNEE] = { -1, -1, A_NORMAL },
	[ROLE_LEVEL_FATAL] = { COLOR_RED, -1, A_REVERSE | A_BOLD },
	[ROLE_LEVEL_ERROR] = { COLOR_RED, -1, A_BOLD },
	[ROLE_LEVEL_WARNING] = { COLOR_MAGENTA, -1, A_BOLD },
	[ROLE_LEVEL_INFO] = { -1, -1, A_BOLD },
	[ROLE_LEVEL_DEBUG] = { -1, -1, A_NORMAL },
	[ROLE_LEVEL_UNKNOWN] = { -1, -1, A_NORMAL },
	[ROLE_BADGE_NEW] = { COLOR_GREEN, -1, A_BOLD },
	[ROLE_BADGE_REGRESSED] = { COLOR_RED, -1, A_BOLD },
	[ROLE_BADGE_ESCALATING] = { COLOR_MAGENTA, -1, A_BOLD },
	[ROLE_BADGE_ONGOING] = { -1, -1, A_NORMAL },
	[ROLE_BADGE_ARCHIVED] = { -1, -1, A_NORMAL },
	[ROLE_BADGE_RESOLVED] = { COLOR_GREEN, -1, A_NORMAL },
	[ROLE_BOOKMARK] = { -1, -1, A_BOLD },
	[ROLE_LOADING] = { -1, -1, A_BOLD },
	[ROLE_HELP_KEY] = { -1, -1, A_BOLD | A_UNDERLINE },
	[ROLE_PROMPT] = { -1, -1, A_BOLD },
	[ROLE_IN_APP] = { -1, -1, A_BOLD },
	[ROLE_SOURCE_HIGHLIGHT] = { -1, -1, A_BOLD | A_UNDERLINE },
	[ROLE_SPAN_DB] = { -1, -1, A_BOLD },
	[ROLE_SPAN_HTTP] = { COLOR_GREEN, -1, A_BOLD },
	[ROLE_SPAN_CACHE] = { -1, -1, A_NORMAL },
	[ROLE_SPAN_UI] = { COLOR_MAGENTA, -1, A_BOLD },
	[ROLE_SPAN_MIDDLEWARE] = { -1, -1, A_UNDERLINE },
	[ROLE_SPAN_OTHER] = { -1, -1, A_NORMAL },
	[ROLE_PROFILE] = { -1, -1, A_REVERSE | A_BOLD },
};

static const struct theme_style *const palettes[] = {
	[PALETTE_MONO] = mono_theme,
	[PALETTE_8] = theme_8,
	[PALETTE_16] = theme_16,
	[PALETTE_256] = theme_256,
	[PALETTE_HIGH_CONTRAST] = theme_high_contrast,
};

static const struct {
	const char *name;
	enum theme_palette palette; /* for "default": the most it asks for */
} theme_names[] = {
	{ "default", PALETTE_256 },
	{ "256", PALETTE_256 },
	{ "16", PALETTE_16 },
	{ "8", PALETTE_8 },
	{ "high-contrast", PALETTE_HIGH_CONTRAST },
	{ "mono", PALETTE_MONO },
};

static enum theme_palette active = PALETTE_MONO;

bool theme_known(const char *name)
{
	for (size_t i = 0; name && i < sizeof(theme_names) / sizeof(theme_names[0]); i++)
		if (strcmp(name, theme_names[i].name) == 0)
			return true;
	return false;
}

int theme_palette_colors(enum theme_palette palette)
{
	switch (palette) {
	case PALETTE_256: return 256;
	case PALETTE_16: return 16;
	case PALETTE_8: return 8;
	case PALETTE_HIGH_CONTRAST: return 8;
	case PALETTE_MONO: break;
	}
	return 0;
}

enum theme_palette theme_palette_for(const char *name, int colors)
{
	enum theme_palette wanted = PALETTE_MONO;
	if (!name)
		name = "default";
	for (size_t i = 0; i < sizeof(theme_names) / sizeof(theme_names[0]); i++)
		if (strcmp(name, theme_names[i].name) == 0)
			wanted = theme_names[i].palette;
	/* High contrast leans on attributes: without colours it keeps them and loses only
	 * its few colours (theme_init sets no pairs then). */
	if (wanted == PALETTE_HIGH_CONTRAST || wanted == PALETTE_MONO)
		return wanted;
	/* Ask for no more colours than the terminal has: 256 -> 16 -> 8 -> mono. */
	static const enum theme_palette fallbacks[] = { PALETTE_256, PALETTE_16, PALETTE_8 };
	for (size_t i = 0; i < sizeof(fallbacks) / sizeof(fallbacks[0]); i++)
		if (theme_palette_colors(fallbacks[i]) <= theme_palette_colors(wanted) &&
		    theme_palette_colors(fallbacks[i]) <= colors)
			return fallbacks[i];
	return PALETTE_MONO;
}

const struct theme_style *theme_style_of(enum theme_palette palette, enum color_role role)
{
	return &palettes[palette][role];
}

/* Colour pairs in use: the high-contrast theme on a terminal without colours has none. */
static bool with_pairs;

bool theme_init(const char *name)
{
	bool known = !name || theme_known(name);
	/* Mono never starts colour: not even a colour reset reaches the terminal. */
	bool wants_colours = known && theme_palette_for(name, 256) != PALETTE_MONO;
	int colors = 0;
	if (wants_colours && has_colors() && start_color() == OK && COLOR_PAIRS >= ROLE_COUNT) {
		use_default_colors();
		colors = COLORS;
	}
	active = known ? theme_palette_for(name, colors) : PALETTE_MONO;
	with_pairs = active != PALETTE_MONO && colors >= theme_palette_colors(active);
	for (int r = 1; with_pairs && r < ROLE_COUNT; r++)
		init_pair((short)r, palettes[active][r].fg, palettes[active][r].bg);
	return known;
}

void theme_set_profile_colour(const char *colour)
{
	static const char *const names[] = { "red", "green", "yellow", "blue", "magenta", "cyan",
	                                     "white" };
	static const short colours[] = { COLOR_RED, COLOR_GREEN, COLOR_YELLOW, COLOR_BLUE,
	                                 COLOR_MAGENTA, COLOR_CYAN, COLOR_WHITE };
	short fg = palettes[active][ROLE_PROFILE].fg, bg = palettes[active][ROLE_PROFILE].bg;
	for (size_t i = 0; colour && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(colour, names[i]) == 0)
			fg = COLOR_BLACK, bg = colours[i];
	if (with_pairs)
		init_pair((short)ROLE_PROFILE, fg, bg);
}

short theme_pair(enum color_role role)
{
	return !with_pairs || role == ROLE_DEFAULT ? 0 : (short)role;
}

attr_t theme_attr(enum color_role role)
{
	return palettes[active][role].attr;
}
