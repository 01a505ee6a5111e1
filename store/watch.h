/* Watch mode's memory (sentry-tui --watch): what the previous result held, which issues
 * became new, regressed or escalating since, whether that deserves the bell, and the
 * state file that carries the last result over to the next start.
 *
 * Marks pile up over refreshes until the user presses a key (they looked), so a pane
 * glanced at now and then still shows what changed. The state file is written when the
 * user quits: it holds issue ids, first-seen times and substatuses per profile and query
 * ($XDG_STATE_HOME/sentry-tui/ or ~/.local/state/sentry-tui/, mode 0600), never the token.
 * Nothing here draws or rings: the draw pass asks watch_take_bell. */
#ifndef STORE_WATCH_H
#define STORE_WATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "api/model.h"
#include "util/strbuf.h"

enum watch_mark { WATCH_NONE = 0, WATCH_NEW, WATCH_REGRESSED, WATCH_ESCALATING };

enum watch_bell { WATCH_BELL_NEVER = 0, WATCH_BELL_NEW, WATCH_BELL_ESCALATING };

struct watch_entry {
	char *id;
	time_t first_seen;
	char *substatus;          /* NULL when none */
	enum watch_mark mark;     /* marks only */
};

struct watch {
	enum watch_bell bell;
	char *state_dir;          /* NULL: no HOME nor XDG_STATE_HOME, nothing is kept */
	char *key;                /* profile and query the previous result belongs to */
	struct watch_entry *prev; /* the previous result */
	size_t nprev;
	bool have_prev;           /* false before the first result (and no state file) */
	time_t prev_at;           /* when the previous result arrived */
	struct watch_entry *marks;
	size_t nmarks;
	bool bell_pending;
};

/* bell is the config's "new" | "escalating" | "never" (NULL = never); state_dir may be
 * NULL (nothing is remembered between runs). */
void watch_init(struct watch *w, const char *bell, const char *state_dir);
void watch_free(struct watch *w);

/* The state folder: $XDG_STATE_HOME/sentry-tui, else $HOME/.local/state/sentry-tui;
 * NULL when neither is set. Caller frees. */
char *watch_state_dir(const char *xdg_state_home, const char *home);

/* A fresh first page arrived for key (profile, server and filters as text): mark what
 * changed against the previous result, then remember this one. A new key starts from
 * what the state file remembers for it, if anything. now is the arrival time. */
void watch_update(struct watch *w, const char *key, struct issue *const *items, size_t n,
                  time_t now);

/* The user looked: marks go. */
void watch_seen(struct watch *w);

enum watch_mark watch_mark_of(const struct watch *w, const char *id);
/* "2 new, 1 escalating" (parts with a zero left out; commas, so that a narrow title
 * keeps or drops it whole); nothing when there is no mark. */
void watch_summary(const struct watch *w, struct strbuf *out);

/* True once after an update that deserves the bell. */
bool watch_take_bell(struct watch *w);

/* Would this issue, just marked, ring the bell under this setting? */
bool watch_bell_wanted(enum watch_bell bell, const struct issue *i, enum watch_mark mark);

/* Write the previous result to the state file (0600); false with why in err. */
bool watch_save(struct watch *w, struct strbuf *err);

/* The state file for key inside dir (caller frees). */
char *watch_state_path(const char *dir, const char *key);

#endif
