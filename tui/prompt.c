/* Readline's alternate (callback) interface embedded in the status line (see prompt.h). */
#include "tui/prompt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/sanitize.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static bool active;
static bool readline_ready;
static prompt_done_fn on_done;
static void *done_ctx;
static char *history_path;
static char *label;
static char *initial_text;
static char **completions;
static size_t ncompletions;

static prompt_complete_fn completer;
static void *completer_ctx;
static size_t completions_cap;

static void forget_words(void)
{
	for (size_t i = 0; i < ncompletions; i++)
		free(completions[i]);
	ncompletions = 0;
}

static void drop_completions(void)
{
	forget_words();
	free(completions);
	completions = NULL;
	completions_cap = 0;
	completer = NULL;
	completer_ctx = NULL;
	if (readline_ready)
		rl_bind_key('\t', rl_insert);
}

void prompt_offer(const char *word)
{
	for (size_t i = 0; i < ncompletions; i++)
		if (strcmp(completions[i], word) == 0)
			return;
	xgrow((void **)&completions, &completions_cap, ncompletions + 1, sizeof(char *));
	completions[ncompletions++] = xstrdup(word);
}

/* readline's generator protocol: state 0 starts a new completion. */
static char *complete_word(const char *text, int state)
{
	static size_t next;
	if (state == 0) {
		next = 0;
		if (completer) {
			/* Candidates depend on what is typed so far: ask again each time. */
			forget_words();
			char *typed = xstrndup(rl_line_buffer, (size_t)rl_point);
			completer(completer_ctx, typed);
			free(typed);
		}
	}
	size_t len = strlen(text);
	while (next < ncompletions) {
		const char *w = completions[next++];
		if (strncasecmp(w, text, len) == 0)
			return xstrdup(w);
	}
	return NULL;
}

/* Tab always completes. readline's own rl_complete lists the matches on a second Tab
 * instead, and the list has nowhere to go behind curses; worse, after a Tab that found
 * nothing (members still loading) every further Tab would only try to list. */
static int complete_key(int count, int key)
{
	(void)count;
	(void)key;
	return rl_complete_internal('\t');
}

static void enable_completion(void)
{
	rl_completion_entry_function = complete_word;
	/* The whole line is one name: spaces do not start a new word. */
	rl_completer_word_break_characters = "";
	/* Never stop to ask "Display all N possibilities?": that would eat the next key. */
	rl_completion_query_items = -1;
	rl_bind_key('\t', complete_key);
}

void prompt_set_completions(const char *const *words, size_t n)
{
	drop_completions();
	for (size_t i = 0; i < n; i++)
		prompt_offer(words[i]);
	enable_completion();
}

void prompt_set_completer(prompt_complete_fn fn, void *ctx)
{
	drop_completions();
	completer = fn;
	completer_ctx = ctx;
	enable_completion();
}

const char *prompt_text(void)
{
	return active && rl_line_buffer ? rl_line_buffer : "";
}

/* Bytes waiting to be handed to readline one at a time through rl_getc_function. */
static unsigned char pending[16];
static int npending, pending_pos;

static int getc_from_loop(FILE *unused)
{
	(void)unused;
	if (pending_pos < npending)
		return pending[pending_pos++];
	return EOF;
}

static int input_available(void)
{
	return pending_pos < npending;
}

/* Drawing happens in the loop's redraw pass, never from inside readline. */
static void redisplay_nothing(void)
{
}

static int insert_initial_text(void)
{
	if (initial_text) {
		rl_insert_text(initial_text);
		free(initial_text);
		initial_text = NULL;
	}
	return 0;
}

static void make_parent_dirs(const char *path)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	}
	free(dir);
}

static char *history_profile;

void prompt_set_history_profile(const char *profile)
{
	free(history_profile);
	history_profile = profile ? xstrdup(profile) : NULL;
}

/* A profile's name as one safe path component: letters, digits, '-' and '_' as they
 * are, anything else (a '/', a leading '.') as %XX. */
static void add_path_component(struct strbuf *sb, const char *name)
{
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_')
			strbuf_addf(sb, "%c", *p);
		else
			strbuf_addf(sb, "%%%02X", *p);
	}
}

/* $XDG_STATE_HOME/sentry-tui/NAME_history, or …/sentry-tui/profiles/PROFILE/NAME_history
 * for a profile: each profile keeps its own queries. */
static char *history_file(const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	if (state && *state)
		strbuf_addf(&sb, "%s/sentry-tui/", state);
	else if (home && *home)
		strbuf_addf(&sb, "%s/.local/state/sentry-tui/", home);
	else
		return NULL;
	if (history_profile) {
		strbuf_adds(&sb, "profiles/");
		add_path_component(&sb, history_profile);
		strbuf_adds(&sb, "/");
	}
	strbuf_addf(&sb, "%s_history", name);
	return strbuf_detach(&sb);
}

/* Past the terminal escape sequence that starts at p (an ESC): CSI "ESC [ … final",
 * OSC/DCS/APC/PM strings up to BEL or "ESC \", else ESC and one character. */
static const unsigned char *skip_escape(const unsigned char *p)
{
	p++;
	if (*p == '[') {
		for (p++; *p && !(*p >= 0x40 && *p <= 0x7e); p++)
			;
		return *p ? p + 1 : p;
	}
	if (*p == ']' || *p == 'P' || *p == '_' || *p == '^') {
		for (p++; *p && *p != 0x07 && !(p[0] == 0x1b && p[1] == '\\'); p++)
			;
		return !*p ? p : *p == 0x07 ? p + 1 : p + 2;
	}
	return *p ? p + 1 : p;
}

/* A history line without control characters: terminal escape sequences go whole, other
 * C0 controls, DEL and C1 (U+0080 to U+009F, two bytes in UTF-8) one by one, so the
 * file never holds anything a terminal would act on. NULL when nothing is left. */
static char *history_clean(const char *line)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)line;
	while (*p) {
		if (*p == 0x1b) {
			p = skip_escape(p);
		} else if (*p < 0x20 || *p == 0x7f) {
			p++;
		} else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			p += 2;
		} else {
			strbuf_addc(&sb, (char)*p++);
		}
	}
	/* Nothing but blanks left: not worth a history entry. */
	if (strspn(strbuf_str(&sb), " ") == sb.len) {
		strbuf_free(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* A history file written before lines were cleaned (or by hand) may hold escapes:
 * clean what was read, drop what is left empty. */
static void clean_loaded_history(void)
{
	for (int i = 0; i < history_length;) {
		HIST_ENTRY *h = history_get(history_base + i);
		char *clean = h && h->line ? history_clean(h->line) : NULL;
		if (!clean) {
			HIST_ENTRY *gone = remove_history(i);
			if (gone)
				free_history_entry(gone);
			continue;
		}
		if (strcmp(clean, h->line) != 0) {
			HIST_ENTRY *old = replace_history_entry(i, clean, NULL);
			if (old)
				free_history_entry(old);
		}
		free(clean);
		i++;
	}
}

static void on_line(char *line)
{
	prompt_done_fn done = on_done;
	void *ctx = done_ctx;
	rl_callback_handler_remove();
	active = false;
	drop_completions();
	char *clean = line && history_path ? history_clean(line) : NULL;
	if (clean) {
		add_history(clean);
		free(clean);
		make_parent_dirs(history_path);
		if (write_history(history_path) == 0)
			chmod(history_path, 0600);
		history_truncate_file(history_path, 500);
	}
	if (done)
		done(ctx, line);
	free(line);
}

static void setup_readline(void)
{
	if (readline_ready)
		return;
	readline_ready = true;
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_change_environment = 0;
	rl_prep_term_function = NULL;
	rl_deprep_term_function = NULL;
	rl_getc_function = getc_from_loop;
	rl_input_available_hook = input_available;
	rl_redisplay_function = redisplay_nothing;
	rl_startup_hook = insert_initial_text;
	/* Completion listings and the bell must never reach the terminal behind curses. */
	rl_outstream = fopen("/dev/null", "w");
	rl_instream = NULL;
	rl_readline_name = "sentry-tui";
	rl_initialize();
	rl_bind_key('\t', rl_insert);
	rl_variable_bind("completion-ignore-case", "on");
	rl_bind_keyseq("\033[H", rl_beg_of_line);
	rl_bind_keyseq("\033[F", rl_end_of_line);
	rl_bind_keyseq("\033[3~", rl_delete);
}

void prompt_open(const char *text, const char *initial, const char *history, prompt_done_fn done,
                 void *ctx)
{
	setup_readline();
	if (active)
		rl_callback_handler_remove();
	free(label);
	label = xstrdup(text);
	free(initial_text);
	initial_text = xstrdup_or_null(initial);
	free(history_path);
	history_path = history ? history_file(history) : NULL;
	clear_history();
	if (history_path) {
		read_history(history_path);
		clean_loaded_history();
	}
	on_done = done;
	done_ctx = ctx;
	active = true;
	npending = pending_pos = 0;
	rl_callback_handler_install(label, on_line);
}

bool prompt_active(void)
{
	return active;
}

static void feed_bytes(const char *bytes, size_t n)
{
	memcpy(pending, bytes, n);
	npending = (int)n;
	pending_pos = 0;
	while (active && pending_pos < npending)
		rl_callback_read_char();
	npending = pending_pos = 0;
}

void prompt_feed_key(int key)
{
	if (!active)
		return;
	if (key == KEY_ESC || key == KEY_CTRL('g')) {
		prompt_done_fn done = on_done;
		void *ctx = done_ctx;
		rl_callback_handler_remove();
		active = false;
		drop_completions();
		if (done)
			done(ctx, NULL);
		return;
	}
	const char *seq = NULL;
	if (KEY_IS_SPECIAL(key)) {
		switch (key - KEY_SPECIAL_BASE) {
		case KEY_UP: seq = "\033[A"; break;
		case KEY_DOWN: seq = "\033[B"; break;
		case KEY_RIGHT: seq = "\033[C"; break;
		case KEY_LEFT: seq = "\033[D"; break;
		case KEY_HOME: seq = "\033[H"; break;
		case KEY_END: seq = "\033[F"; break;
		case KEY_DC: seq = "\033[3~"; break;
		case KEY_BACKSPACE: seq = "\177"; break;
		default: return;
		}
		feed_bytes(seq, strlen(seq));
		return;
	}
	char buf[8];
	if (key == '\n') {
		feed_bytes("\n", 1);
		return;
	}
	int n = key_utf8(key, buf);
	if (n > 0)
		feed_bytes(buf, (size_t)n);
}

void prompt_draw(WINDOW *win, int y, int width)
{
	if (!active)
		return;
	struct draw_row row;
	draw_row_begin(&row, win, y, 0, width, false);
	draw_text(&row, ROLE_PROMPT, label);
	int text_x = row.x;
	const char *line = rl_line_buffer ? rl_line_buffer : "";
	/* Cursor column: width of the text before rl_point. Scroll horizontally so the cursor
	 * stays visible on long queries. */
	char *before = xstrndup(line, (size_t)rl_point);
	int cursor_w = sanitize_width(before);
	free(before);
	int room = width - text_x - 1;
	const char *shown = line;
	int skip = cursor_w > room ? cursor_w - room : 0;
	int skipped = 0;
	while (skip > 0 && *shown) {
		struct glyph g;
		const char *p = shown;
		if (!sanitize_next(&p, line + strlen(line), 0, &g))
			break;
		skip -= g.width;
		skipped += g.width;
		shown = p;
	}
	draw_text(&row, ROLE_DEFAULT, shown);
	draw_row_end(&row, ROLE_DEFAULT);
	wmove(win, y, text_x + cursor_w - skipped);
}

void prompt_shutdown(void)
{
	if (active)
		rl_callback_handler_remove();
	active = false;
	drop_completions();
	free(label);
	label = NULL;
	free(history_path);
	history_path = NULL;
	free(history_profile);
	history_profile = NULL;
	free(initial_text);
	initial_text = NULL;
	if (readline_ready && rl_outstream) {
		fclose(rl_outstream);
		rl_outstream = NULL;
	}
	clear_history();
}
