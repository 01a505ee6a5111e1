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

/* Links the terminal has now: laid by an earlier frame on cells curses has not written
 * since. A frame's link that is still live costs nothing; a live link whose cells curses
 * is about to rewrite, or that the frame no longer has, is forgotten (and its cells'
 * leftovers unlinked). Without this every frame re-sent every link on screen (about
 * 5 KB a keystroke on a 50-row stream). */
struct live_link {
	int y, x, width;
	char *url;
	bool kept; /* still live after the check before doupdate */
};

static struct live_link *live;
static size_t nlive, live_cap;
static int live_lines = -1, live_cols = -1;

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

/* The cells (y, x, width) as curses has them, written again: inside an OSC 8 link to url,
 * or plainly (url NULL: a link's leftovers unlinked). expect: the cells as drawn, or
 * NULL; false (nothing written) when they are no longer that (an overlay, a menu). */
static bool lay_span(struct strbuf *out, int y, int x, int width, const char *url,
                     const cchar_t *expect)
{
	struct strbuf text = STRBUF_INIT;
	bool have_rendition = false;
	attr_t last_attr = 0;
	short last_pair = 0;
	for (int i = 0; i < width; i++) {
		cchar_t now;
		wchar_t wc[CCHARW_MAX + 1];
		attr_t attr;
		short pair;
		if (mvwin_wch(curscr, y, x + i, &now) == ERR ||
		    (expect && !same_cell(&now, &expect[i])) ||
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
	strbuf_addf(out, "\033[%d;%dH", y + 1, x + 1);
	if (url)
		osc8_open(out, url);
	strbuf_add(out, text.buf ? text.buf : "", text.len);
	if (url)
		osc8_close(out);
	strbuf_free(&text);
	return true;
}

static void forget_live(void)
{
	for (size_t i = 0; i < nlive; i++)
		free(live[i].url);
	nlive = 0;
}

/* Whether curses' next doupdate leaves the cells (y, x, width) as the terminal has them:
 * what it is about to draw (newscr) equals what it last drew (curscr). */
static bool cells_unchanged(int y, int x, int width)
{
	for (int i = 0; i < width; i++) {
		cchar_t next, shown;
		if (mvwin_wch(newscr, y, x + i, &next) == ERR ||
		    mvwin_wch(curscr, y, x + i, &shown) == ERR || !same_cell(&next, &shown))
			return false;
	}
	return true;
}

/* Reading a cell moves a window's cursor, and newscr's and curscr's cursors are where
 * doupdate leaves the terminal's cursor and where curses believes it is: they are put
 * back after reading. */
struct cursors {
	int new_y, new_x, cur_y, cur_x;
};

static struct cursors save_cursors(void)
{
	struct cursors c;
	getyx(newscr, c.new_y, c.new_x);
	getyx(curscr, c.cur_y, c.cur_x);
	return c;
}

static void restore_cursors(const struct cursors *c)
{
	wmove(newscr, c->new_y, c->new_x);
	wmove(curscr, c->cur_y, c->cur_x);
}

void hyperlink_screen_cleared(void)
{
	forget_live();
}

void hyperlink_before_update(void)
{
	if (!enabled)
		return;
	/* A cleared or resized screen is drawn again whole: no link survives it. */
	if (is_cleared(curscr) || LINES != live_lines || COLS != live_cols) {
		forget_live();
		live_lines = LINES;
		live_cols = COLS;
	}
	struct cursors c = save_cursors();
	for (size_t i = 0; i < nlive; i++)
		live[i].kept = cells_unchanged(live[i].y, live[i].x, live[i].width);
	restore_cursors(&c);
}

static struct live_link *find_live(const struct link *l)
{
	for (size_t i = 0; i < nlive; i++)
		if (live[i].kept && live[i].y == l->y && live[i].x == l->x &&
		    live[i].width == l->width && strcmp(live[i].url, l->url) == 0)
			return &live[i];
	return NULL;
}

/* Whether one of the frame's links that is not live yet covers the cells of l. */
static bool covered_by_new_link(const struct live_link *l, const struct live_link **same)
{
	for (size_t i = 0; i < nlinks; i++)
		if (!same[i] && links[i].y == l->y && links[i].x <= l->x &&
		    links[i].x + links[i].width >= l->x + l->width)
			return true;
	return false;
}

void hyperlink_emit(struct strbuf *out)
{
	struct cursors c = save_cursors();
	struct strbuf seq = STRBUF_INIT;
	const struct live_link **same = nlinks ? xcalloc(nlinks, sizeof(*same)) : NULL;
	bool *still = nlive ? xcalloc(nlive, sizeof(*still)) : NULL;
	for (size_t i = 0; i < nlinks; i++) {
		same[i] = find_live(&links[i]);
		if (same[i])
			still[same[i] - live] = true; /* the terminal has it: nothing to send */
	}
	/* Live links this frame does not have, or whose cells curses rewrote in part: what
	 * is left of them on the terminal is written again without the link, unless a new
	 * link is laid over it. First, so a new link on the same cells comes after. */
	size_t kept = 0;
	for (size_t i = 0; i < nlive; i++) {
		if (still[i]) {
			live[kept++] = live[i];
			continue;
		}
		if (live[i].y < LINES && live[i].x + live[i].width <= COLS &&
		    !covered_by_new_link(&live[i], same))
			lay_span(&seq, live[i].y, live[i].x, live[i].width, NULL, NULL);
		free(live[i].url);
	}
	nlive = kept;
	for (size_t i = 0; i < nlinks; i++) {
		if (same[i] || !lay_span(&seq, links[i].y, links[i].x, links[i].width, links[i].url,
		                         links[i].cells))
			continue;
		xgrow((void **)&live, &live_cap, nlive + 1, sizeof(*live));
		live[nlive++] = (struct live_link){ links[i].y, links[i].x, links[i].width,
			                            xstrdup(links[i].url), true };
	}
	if (seq.len) {
		/* DECSC/DECRC keep the cursor and the rendition curses left, so its picture of
		 * the terminal stays true. */
		strbuf_adds(out, "\0337");
		strbuf_add(out, seq.buf, seq.len);
		strbuf_adds(out, "\0338");
	}
	strbuf_free(&seq);
	free(same);
	free(still);
	hyperlink_reset();
	restore_cursors(&c);
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
	forget_live();
	free(live);
	live = NULL;
	live_cap = 0;
	live_lines = live_cols = -1;
	enabled = false;
}
