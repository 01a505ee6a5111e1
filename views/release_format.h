/* Release health figures as the release screens show them: crash-free percentages with
 * two decimals coloured by the config's thresholds, adoption bars. Shared by the list
 * and the detail so both say the same thing the same way. */
#ifndef VIEWS_RELEASE_FORMAT_H
#define VIEWS_RELEASE_FORMAT_H

#include <stddef.h>

#include "tui/draw.h"

struct config;

/* "99.91 %" (or "–" for a figure not sent), in the role its threshold gives. */
void release_draw_crash_free(struct draw_row *row, const struct config *cfg, double percent,
                             int width);
/* The role of a crash-free percent: bad, warning or fine. */
enum color_role release_crash_free_role(const struct config *cfg, double percent);
/* An adoption bar of width cells plus " 42 %". */
void release_draw_adoption(struct draw_row *row, double percent, int bar_width);
/* "2.17.0" of "backend@2.17.0" when the package is the project's slug (else as sent). */
const char *release_short_version(const char *version, const char *short_version,
                                  const char *project_slug);

#endif
