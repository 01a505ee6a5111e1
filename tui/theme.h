/* Colour roles (what a thing is) mapped to colours by a theme. Views name roles, never
 * colours, so a theme (and NO_COLOR) only changes the tables in theme.c. Level and status
 * are also carried by a letter or word, so nothing depends on colour alone.
 *
 * Themes: "default" (the best palette the terminal has: 256, 16 or 8 colours), "8",
 * "16", "256", "high-contrast" (default background, strong foregrounds, bold, no dim
 * text, a reversed cursor row; readable on dark and light terminals) and "mono"
 * (attributes only). A theme that asks for more colours than the terminal has falls back
 * to the best that fits, silently. */
#ifndef TUI_THEME_H
#define TUI_THEME_H

#include <curses.h>
#include <stdbool.h>

#define COLOR_ROLES(_) \
	_(DEFAULT) _(TITLE) _(HEADER) _(STATUS) _(STATUS_ERROR) _(STATUS_INFO) _(CURSOR) \
	_(MARK) _(DIM) _(SHORT_ID) _(CULPRIT) _(NUMBER) _(SPARK) _(AGE) _(ASSIGNEE) \
	_(LEVEL_FATAL) _(LEVEL_ERROR) _(LEVEL_WARNING) _(LEVEL_INFO) _(LEVEL_DEBUG) \
	_(LEVEL_UNKNOWN) _(BADGE_NEW) _(BADGE_REGRESSED) _(BADGE_ESCALATING) _(BADGE_ONGOING) \
	_(BADGE_ARCHIVED) _(BADGE_RESOLVED) _(BOOKMARK) _(LOADING) _(HELP_KEY) _(PROMPT) \
	_(IN_APP) _(SOURCE_HIGHLIGHT) _(SPAN_DB) _(SPAN_HTTP) _(SPAN_CACHE) _(SPAN_UI) \
	_(SPAN_MIDDLEWARE) _(SPAN_OTHER) _(PROFILE)

enum color_role {
#define ROLE_ENUM(r) ROLE_##r,
	COLOR_ROLES(ROLE_ENUM)
#undef ROLE_ENUM
	ROLE_COUNT
};

/* The role tables. */
enum theme_palette {
	PALETTE_MONO,
	PALETTE_8,
	PALETTE_16,
	PALETTE_256,
	PALETTE_HIGH_CONTRAST,
};

/* A role's look: foreground and background colour numbers (-1: the terminal's own) and
 * attributes. Mono has no colours (-1, -1). */
struct theme_style {
	short fg, bg;
	attr_t attr;
};

/* Whether name is a theme (the names the config's `theme:` takes). */
bool theme_known(const char *name);
/* The palette theme name gets on a terminal with `colors` colours (0: none); NULL is
 * "default", an unknown name is mono. */
enum theme_palette theme_palette_for(const char *name, int colors);
/* The most colours a palette uses (0 for mono). */
int theme_palette_colors(enum theme_palette palette);
const struct theme_style *theme_style_of(enum theme_palette palette, enum color_role role);

/* Set up colour pairs for the named theme on this terminal; false if name is unknown
 * (then mono). */
bool theme_init(const char *name);
/* Attributes (colour pair + bold/reverse...) for a role. */
attr_t theme_attr(enum color_role role);
/* The colour pair number for a role (0 without colours). */
short theme_pair(enum color_role role);
/* The profile's name in the title row: black on this colour ("red", "green", … as the
 * config's colour: takes them), or like the title when NULL or in mono. */
void theme_set_profile_colour(const char *colour);

#endif
