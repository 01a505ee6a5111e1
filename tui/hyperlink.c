/* OSC 8 links laid over curses' frame (see hyperlink.h). */
#include "tui/hyperlink.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <limits.h>

#include "tui/osc.h"
#include "util/xalloc.h"

struct link {
	int y, x, width;
	char *url;
	cchar_t *cells; /* as drawn, to tell whether something was drawn over them */
};

static struct link *links;
static size_t nlinks, links_cap;
static bool enabled;

static bool starts_with(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool set(const char *s)
{
	return s && *s;
}

/* tmux's TERM_PROGRAM_VERSION ("3.4", "3.3a", "next-3.5") is 3.4 or later. */
static bool tmux_at_least_3_4(const char *version)
{
	if (!version)
		return false;
	if (starts_with(version, "next-"))
		version += 5;
	char *end;
	long major = strtol(version, &end, 10);
	if (end == version)
		return false;
	long minor = *end == '.' ? strtol(end + 1, NULL, 10) : 0;
	return major > 3 || (major == 3 && minor >= 4);
}

bool hyperlink_auto(const char *(*get)(const char *name), const char *(*tmux_features)(void))
{
	const char *term = get("TERM");
	if (starts_with(term, "linux") || set(get("STY")))
		return false;
	if (set(get("TMUX"))) {
		/* tmux passes links on from 3.4, and only to a terminal it knows shows them. */
		const char *program = get("TERM_PROGRAM");
		if (!program || strcmp(program, "tmux") != 0 ||
		    !tmux_at_least_3_4(get("TERM_PROGRAM_VERSION")))
			return false;
		const char *features = tmux_features ? tmux_features() : NULL;
		return features && strstr(features, "hyperlinks");
	}
	if (starts_with(term, "screen"))
		return false;
	const char *vte = get("VTE_VERSION");
	if (vte && atol(vte) >= 5000)
		return true;
	static const char *const programs[] = { "iTerm.app", "WezTerm", "vscode" };
	const char *program = get("TERM_PROGRAM");
	for (size_t i = 0; program && i < sizeof(programs) / sizeof(programs[0]); i++)
		if (strcmp(program, programs[i]) == 0)
			return true;
	return (term && strcmp(term, "xterm-kitty") == 0) || set(get("KITTY_WINDOW_ID")) ||
	       starts_with(term, "foot");
}

void hyperlink_enable(bool on)
{
	enabled = on;
	if (!on)
		hyperlink_reset();
}

bool hyperlink_enabled(void)
{
	return enabled;
}

void hyperlink_record(WINDOW *win, int y, int x, int width, const char *url)
{
	if (!enabled || width <= 0 || !osc8_url_ok(url))
		return;
	xgrow((void **)&links, &links_cap, nlinks + 1, sizeof(*links));
	struct link *l = &links[nlinks++];
	l->y = getbegy(win) + y;
	l->x = getbegx(win) + x;
	l->width = width;
	l->url = xstrdup(url);
	l->cells = xmalloc((size_t)width * sizeof(*l->cells));
	for (int i = 0; i < width; i++)
		mvwin_wch(win, y, x + i, &l->cells[i]);
}

static bool same_cell(const cchar_t *a, const cchar_t *b)
{
	wchar_t wa[CCHARW_MAX + 1], wb[CCHARW_MAX + 1];
	attr_t aa, ab;
	short pa, pb;
	if (getcchar(a, wa, &aa, &pa, NULL) == ERR || getcchar(b, wb, &ab, &pb, NULL) == ERR)
		return false;
	return aa == ab && pa == pb && wcscmp(wa, wb) == 0;
}

/* SGR for colour c as foreground (base 30) or background (base 40); -1 adds nothing
 * after the reset. The terminals that show OSC 8 links all speak xterm's SGR. */
static void add_colour(struct strbuf *out, short c, int base)
{
	if (c < 0)
		return;
	if (c < 8)
		strbuf_addf(out, ";%d", base + c);
	else if (c < 16)
		strbuf_addf(out, ";%d", base + 60 + c - 8);
	else
		strbuf_addf(out, ";%d;5;%d", base + 8, c);
}

static void add_rendition(struct strbuf *out, attr_t attr, short pair)
{
	strbuf_adds(out, "\033[0");
	if (attr & A_BOLD)
		strbuf_adds(out, ";1");
	if (attr & A_DIM)
		strbuf_adds(out, ";2");
	if (attr & A_UNDERLINE)
		strbuf_adds(out, ";4");
	if (attr & A_REVERSE)
		strbuf_adds(out, ";7");
	short fg = -1, bg = -1;
	if (pair > 0 && pair_content(pair, &fg, &bg) == ERR)
		fg = bg = -1;
	add_colour(out, fg, 30);
	add_colour(out, bg, 40);
	strbuf_addc(out, 'm');
}

/* One link: its cells as curses has them, or false when they are no longer what was
 * drawn (an overlay, a menu) and must not be linked. */
static bool add_link(struct strbuf *out, const struct link *l)
{
	struct strbuf text = STRBUF_INIT;
	bool have_rendition = false;
	attr_t last_attr = 0;
	short last_pair = 0;
	for (int i = 0; i < l->width; i++) {
		cchar_t now;
		wchar_t wc[CCHARW_MAX + 1];
		attr_t attr;
		short pair;
		if (mvwin_wch(curscr, l->y, l->x + i, &now) == ERR || !same_cell(&now, &l->cells[i]) ||
		    getcchar(&now, wc, &attr, &pair, NULL) == ERR) {
			strbuf_free(&text);
			return false;
		}
		attr &= A_BOLD | A_DIM | A_UNDERLINE | A_REVERSE;
		if (!have_rendition || attr != last_attr || pair != last_pair)
			add_rendition(&text, attr, pair);
		have_rendition = true;
		last_attr = attr;
		last_pair = pair;
		char mb[MB_LEN_MAX];
		mbstate_t st;
		memset(&st, 0, sizeof(st));
		for (int k = 0; wc[k] && k < CCHARW_MAX; k++) {
			size_t n = wcrtomb(mb, wc[k], &st);
			if (n != (size_t)-1)
				strbuf_add(&text, mb, n);
		}
		if (wc[0] && wcwidth(wc[0]) == 2)
			i++; /* the next cell continues this character */
	}
	strbuf_addf(out, "\033[%d;%dH", l->y + 1, l->x + 1);
	osc8_open(out, l->url);
	strbuf_add(out, text.buf ? text.buf : "", text.len);
	osc8_close(out);
	strbuf_free(&text);
	return true;
}

void hyperlink_emit(struct strbuf *out)
{
	if (!nlinks) {
		return;
	}
	struct strbuf seq = STRBUF_INIT;
	size_t laid = 0;
	for (size_t i = 0; i < nlinks; i++)
		laid += add_link(&seq, &links[i]);
	if (laid) {
		/* DECSC/DECRC keep the cursor and the rendition curses left, so its picture of
		 * the terminal stays true. */
		strbuf_adds(out, "\0337");
		strbuf_add(out, seq.buf, seq.len);
		strbuf_adds(out, "\0338");
	}
	strbuf_free(&seq);
	hyperlink_reset();
}

void hyperlink_reset(void)
{
	for (size_t i = 0; i < nlinks; i++) {
		free(links[i].url);
		free(links[i].cells);
	}
	nlinks = 0;
}

void hyperlink_free(void)
{
	hyperlink_reset();
	free(links);
	links = NULL;
	links_cap = 0;
	enabled = false;
}
