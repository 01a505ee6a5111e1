/* Colour roles (what a thing is) mapped to colours by a theme. Views name roles, never
 * colours, so "mono" (and NO_COLOR) only changes this table. Level and status are also
 * carried by a letter or word, so nothing depends on colour alone. */
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

/* Set up colour pairs for the named theme ("default" or "mono"); false if unknown. */
bool theme_init(const char *name);
/* Attributes (colour pair + bold/reverse...) for a role. */
attr_t theme_attr(enum color_role role);
/* The colour pair number for a role (0 in mono). */
short theme_pair(enum color_role role);
/* The profile's name in the title row: black on this colour ("red", "green", … as the
 * config's colour: takes them), or like the title when NULL or in mono. */
void theme_set_profile_colour(const char *colour);

#endif
