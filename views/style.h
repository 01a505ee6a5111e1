/* How issue attributes look, shared by the stream and the issue screen: so a level or
 * a substatus reads the same everywhere (a letter or word, not colour alone). */
#ifndef VIEWS_STYLE_H
#define VIEWS_STYLE_H

#include "api/model.h"
#include "tui/theme.h"

/* One-cell marks on a stream row, in one place: the stream draws them and the help
 * legend (views/help.c) explains them. */
#define GLYPH_FOR_REVIEW "•" /* still "for review" (inbox); `v` marks it reviewed */
#define GLYPH_PENDING "…"    /* a change is in flight */
#define GLYPH_MARKED "✓"     /* marked for a batch action */
#define GLYPH_BOOKMARK "★"   /* bookmarked */
#define GLYPH_SORT_KEY "▼"   /* after the column header the stream is sorted by */

enum color_role style_level_role(enum issue_level level);
/* One letter: F, E, W, I, D, S, or "?". */
const char *style_level_letter(enum issue_level level);

#endif
