/* How issue attributes look, shared by the stream and the issue screen: so a level or
 * a substatus reads the same everywhere (a letter or word, not colour alone). */
#ifndef VIEWS_STYLE_H
#define VIEWS_STYLE_H

#include "api/model.h"
#include "tui/theme.h"

enum color_role style_level_role(enum issue_level level);
/* One letter: F, E, W, I, D, S, or "?". */
const char *style_level_letter(enum issue_level level);

#endif
