/* The one wait point (ARCHITECTURE.md: one process, one thread, one wait point).
 *
 * The loop knows no HTTP: main plugs in a backend (the API client) that waits on its
 * own sockets plus the loop's fds (stdin and the signal self-pipe) in one call. Each
 * pass: drive the backend (callbacks update state), fire due timers, let the app handle
 * input and signals, then redraw once if anything is dirty, then wait.
 */
#ifndef TUI_LOOP_H
#define TUI_LOOP_H

#include <poll.h>
#include <stdbool.h>

struct loop_backend {
	/* Wait up to timeout_ms (-1 = until something happens) on the backend's own
	 * sources and on fds[]; set fds[i].revents. */
	int (*wait)(void *ctx, struct pollfd *fds, unsigned nfds, int timeout_ms);
	/* Make progress; run completion callbacks. */
	void (*perform)(void *ctx);
	void *ctx;
};

struct loop_hooks {
	/* stdin is readable (or, in script mode, called every pass). */
	void (*on_input)(void *ctx);
	/* A signal arrived through the self-pipe (SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGCONT). */
	void (*on_signal)(void *ctx, int signo);
	/* Draw if dirty: the only place the screen is updated. */
	void (*redraw)(void *ctx);
	/* Upper bound on the next wait in ms, -1 = none (e.g. 0 when scripted input is ready). */
	int (*wait_hint)(void *ctx);
	bool (*should_quit)(void *ctx);
	void *ctx;
	int input_fd;   /* -1 in script mode */
};

/* Install handlers for the signals above, writing into a self-pipe. Call before
 * newterm() so ncurses does not install its own SIGWINCH/SIGINT handlers. */
bool loop_signals_init(void);
void loop_signals_restore(void);

typedef void (*loop_timer_fn)(void *ctx);
/* One-shot timer after delay_ms; returns an id > 0. */
unsigned loop_timer_add(long long delay_ms, loop_timer_fn fn, void *ctx);
void loop_timer_cancel(unsigned id);
bool loop_timer_pending(unsigned id);

void loop_run(const struct loop_backend *backend, const struct loop_hooks *hooks);

#endif
