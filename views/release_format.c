/* Release health figures (see release_format.h). */
#include "views/release_format.h"

#include <stdio.h>
#include <string.h>

#include "config/config.h"
#include "util/strbuf.h"

enum color_role release_crash_free_role(const struct config *cfg, double percent)
{
	double warn = cfg ? cfg->crash_free_warn : 99, bad = cfg ? cfg->crash_free_bad : 97;
	if (percent < 0)
		return ROLE_DIM;
	if (percent < bad)
		return ROLE_LEVEL_ERROR;
	if (percent < warn)
		return ROLE_LEVEL_WARNING;
	return ROLE_BADGE_RESOLVED;
}

void release_draw_crash_free(struct draw_row *row, const struct config *cfg, double percent,
                             int width)
{
	char text[32];
	if (percent < 0)
		snprintf(text, sizeof(text), "–");
	else
		snprintf(text, sizeof(text), "%.2f %%", percent);
	draw_field(row, release_crash_free_role(cfg, percent), text, width, ALIGN_RIGHT);
}

void release_draw_adoption(struct draw_row *row, double percent, int bar_width)
{
	static const char *const eighths[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	if (percent < 0) {
		draw_field(row, ROLE_DIM, "–", bar_width + 5, ALIGN_RIGHT);
		return;
	}
	int units = (int)(percent / 100.0 * bar_width * 8 + 0.5);
	struct strbuf bar = STRBUF_INIT;
	for (int i = 0; i < units / 8; i++)
		strbuf_adds(&bar, "█");
	strbuf_adds(&bar, eighths[units % 8]);
	draw_field(row, ROLE_SPARK, strbuf_str(&bar), bar_width, ALIGN_LEFT);
	strbuf_free(&bar);
	char text[16];
	snprintf(text, sizeof(text), "%.0f %%", percent);
	draw_field(row, ROLE_NUMBER, text, 5, ALIGN_RIGHT);
}

const char *release_short_version(const char *version, const char *short_version,
                                  const char *project_slug)
{
	const char *v = short_version ? short_version : version;
	size_t n = project_slug ? strlen(project_slug) : 0;
	if (v && n && strncmp(v, project_slug, n) == 0 && v[n] == '@' && v[n + 1])
		return v + n + 1;
	return v ? v : "?";
}
