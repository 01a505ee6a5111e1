/* Opening a view by kind (see view_table.h). */
#include "views/view_table.h"

#include <stddef.h>

typedef struct view *(*view_open_fn)(struct app *app, const struct view_args *args);

static const view_open_fn openers[VIEW_KIND_COUNT] = {
#define VIEW_OPENER(name) [VIEW_##name] = name##_view_open,
	VIEW_TABLE(VIEW_OPENER)
#undef VIEW_OPENER
};

struct view *view_open(struct app *app, enum view_kind kind, const struct view_args *args)
{
	static const struct view_args none;
	return openers[kind](app, args ? args : &none);
}
