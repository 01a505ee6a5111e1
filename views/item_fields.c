/* The item a key acts on (see item_fields.h). */
#include "views/item_fields.h"

#include <string.h>

#include "views/view.h"

void item_fields_of(struct view *v, struct item_fields *f)
{
	memset(f, 0, sizeof(*f));
	if (!v)
		return;
	if (v->ops->item_fields)
		v->ops->item_fields(v, f);
	else if (v->ops->current_issue)
		f->issue = v->ops->current_issue(v);
}
