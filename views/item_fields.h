/* What yank (y), open (o) and key hooks act on: the issue a view is about or has under
 * its cursor, and on the issue screen the event shown and the stack frame under the
 * cursor. Every string is borrowed from the view and may hold server text. */
#ifndef VIEWS_ITEM_FIELDS_H
#define VIEWS_ITEM_FIELDS_H

#include "api/model.h"

struct item_fields {
	const struct issue *issue; /* NULL = nothing selected */
	const char *event_id;      /* the event shown, or NULL */
	const char *release;       /* the event's release, or NULL */
	const char *file;          /* the frame under the cursor (stack section), or NULL */
	int line;                  /* its line, 0 = unknown */
};

struct view;
/* Fill f for the top view: its item_fields op when it has one, else its current issue. */
void item_fields_of(struct view *v, struct item_fields *f);

#endif
