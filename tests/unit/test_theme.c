/* The role tables of each theme and which palette a terminal gets: 256 colours really
 * uses the colours past 16, 16 the bright ones, high contrast never dims, and a theme
 * falls back to what the terminal has. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "config/options.h"
#include "tui/theme.h"

static const char *role_name(enum color_role role)
{
	static const char *const names[] = {
#define ROLE_NAME(r) #r,
		COLOR_ROLES(ROLE_NAME)
#undef ROLE_NAME
	};
	return names[role];
}

/* Every colour of the palette is one the palette may use, and no role was left out of
 * its table (a missing entry would be black on black: 0, 0). */
static void assert_colours_below(enum theme_palette palette, int limit)
{
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct theme_style *st = theme_style_of(palette, (enum color_role)r);
		if (st->fg >= limit || st->bg >= limit || st->fg < -1 || st->bg < -1)
			fail_msg("palette %d, role %s: colour %d/%d is not below %d", (int)palette,
			         role_name((enum color_role)r), st->fg, st->bg, limit);
		if (st->fg == 0 && st->bg == 0)
			fail_msg("palette %d, role %s: missing (black on black)", (int)palette,
			         role_name((enum color_role)r));
	}
}

static int count_roles(enum theme_palette palette, int from, int to)
{
	int n = 0;
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct theme_style *st = theme_style_of(palette, (enum color_role)r);
		n += (st->fg >= from && st->fg < to) || (st->bg >= from && st->bg < to);
	}
	return n;
}

static void test_256_uses_the_extended_colours(void **state)
{
	assert_colours_below(PALETTE_256, 256);
	/* Most coloured roles are past the 16 basic colours, the cursor among them. */
	assert_true(count_roles(PALETTE_256, 16, 256) >= 20);
	assert_true(theme_style_of(PALETTE_256, ROLE_CURSOR)->bg >= 16);
	assert_true(theme_style_of(PALETTE_256, ROLE_SHORT_ID)->fg >= 16);
	assert_true(theme_style_of(PALETTE_256, ROLE_LEVEL_ERROR)->fg >= 16);
}

static void test_16_uses_bright_colours(void **state)
{
	assert_colours_below(PALETTE_16, 16);
	assert_true(count_roles(PALETTE_16, 8, 16) >= 20);
	assert_true(theme_style_of(PALETTE_16, ROLE_LEVEL_ERROR)->fg >= 8);
	/* Grey instead of dim, which some terminals do not show. */
	for (int r = 0; r < ROLE_COUNT; r++)
		assert_false(theme_style_of(PALETTE_16, (enum color_role)r)->attr & A_DIM);
}

static void test_8_stays_in_the_basic_colours(void **state)
{
	assert_colours_below(PALETTE_8, 8);
	assert_int_equal(theme_style_of(PALETTE_8, ROLE_CURSOR)->bg, COLOR_CYAN);
}

static void test_high_contrast(void **state)
{
	assert_colours_below(PALETTE_HIGH_CONTRAST, 8);
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct theme_style *st = theme_style_of(PALETTE_HIGH_CONTRAST, (enum color_role)r);
		if (st->attr & A_DIM)
			fail_msg("high-contrast dims %s", role_name((enum color_role)r));
		/* The terminal's own background everywhere: readable on dark and light. */
		assert_int_equal(st->bg, -1);
		/* Only colours that read on black and on white. */
		if (st->fg != -1 && st->fg != COLOR_RED && st->fg != COLOR_GREEN &&
		    st->fg != COLOR_MAGENTA)
			fail_msg("high-contrast gives %s colour %d", role_name((enum color_role)r),
			         st->fg);
	}
	const struct theme_style *cursor = theme_style_of(PALETTE_HIGH_CONTRAST, ROLE_CURSOR);
	assert_int_equal(cursor->attr & (A_REVERSE | A_BOLD), A_REVERSE | A_BOLD);
	assert_true(theme_style_of(PALETTE_HIGH_CONTRAST, ROLE_LEVEL_ERROR)->attr & A_BOLD);
}

static void test_mono_has_no_colour(void **state)
{
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct theme_style *st = theme_style_of(PALETTE_MONO, (enum color_role)r);
		assert_int_equal(st->fg, -1);
		assert_int_equal(st->bg, -1);
	}
	assert_true(theme_style_of(PALETTE_MONO, ROLE_CURSOR)->attr & A_REVERSE);
}

static void test_palette_for_the_terminal(void **state)
{
	static const struct {
		const char *name;
		int colors;
		enum theme_palette want;
	} cases[] = {
		{ "default", 256, PALETTE_256 }, { "default", 16777216, PALETTE_256 },
		{ "default", 88, PALETTE_16 }, { "default", 16, PALETTE_16 },
		{ "default", 8, PALETTE_8 }, { "default", 0, PALETTE_MONO },
		{ NULL, 256, PALETTE_256 },
		/* Asked for more than the terminal has: the best that fits. */
		{ "256", 256, PALETTE_256 }, { "256", 16, PALETTE_16 }, { "256", 8, PALETTE_8 },
		{ "256", 2, PALETTE_MONO }, { "16", 8, PALETTE_8 },
		/* Asked for less: what was asked. */
		{ "16", 256, PALETTE_16 }, { "8", 256, PALETTE_8 }, { "8", 0, PALETTE_MONO },
		{ "high-contrast", 256, PALETTE_HIGH_CONTRAST },
		{ "high-contrast", 0, PALETTE_HIGH_CONTRAST },
		{ "mono", 256, PALETTE_MONO }, { "dark", 256, PALETTE_MONO },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (theme_palette_for(cases[i].name, cases[i].colors) != cases[i].want)
			fail_msg("theme %s on %d colours: palette %d, want %d",
			         cases[i].name ? cases[i].name : "(none)", cases[i].colors,
			         (int)theme_palette_for(cases[i].name, cases[i].colors),
			         (int)cases[i].want);
}

/* The config's theme: choices are exactly the names the themes know. */
static void test_config_names_every_theme(void **state)
{
	const char *const *choices = config_options[OPT_THEME].choices;
	size_t n = 0;
	for (; choices[n]; n++)
		if (!theme_known(choices[n]))
			fail_msg("the config takes theme %s, which tui/theme.c does not know", choices[n]);
	assert_int_equal(n, 6);
	assert_false(theme_known("dark"));
	assert_false(theme_known(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_256_uses_the_extended_colours),
		cmocka_unit_test(test_16_uses_bright_colours),
		cmocka_unit_test(test_8_stays_in_the_basic_colours),
		cmocka_unit_test(test_high_contrast),
		cmocka_unit_test(test_mono_has_no_colour),
		cmocka_unit_test(test_palette_for_the_terminal),
		cmocka_unit_test(test_config_names_every_theme),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
