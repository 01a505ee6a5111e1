/* The event loop, signal self-pipe and timers (see loop.h). */
#include "tui/loop.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/timeutil.h"
#include "util/xalloc.h"

static int sig_pipe[2] = { -1, -1 };
static const int handled_signals[] = { SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGCONT };
#define NSIGNALS (sizeof(handled_signals) / sizeof(handled_signals[0]))
static struct sigaction saved_actions[NSIGNALS];

static void on_signal(int signo)
{
	int saved = errno;
	unsigned char b = (unsigned char)signo;
	/* A full pipe just drops the byte: the loop is awake anyway. */
	if (write(sig_pipe[1], &b, 1) < 0) {
	}
	errno = saved;
}

bool loop_signals_init(void)
{
	if (pipe(sig_pipe) != 0)
		return false;
	for (int i = 0; i < 2; i++) {
		fcntl(sig_pipe[i], F_SETFL, fcntl(sig_pipe[i], F_GETFL) | O_NONBLOCK);
		fcntl(sig_pipe[i], F_SETFD, FD_CLOEXEC);
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaction(handled_signals[i], &sa, &saved_actions[i]);
	signal(SIGPIPE, SIG_IGN);
	return true;
}

void loop_signals_restore(void)
{
	if (sig_pipe[0] < 0)
		return;
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaction(handled_signals[i], &saved_actions[i], NULL);
	close(sig_pipe[0]);
	close(sig_pipe[1]);
	sig_pipe[0] = sig_pipe[1] = -1;
}

/* Timers: a short unsorted array is plenty (a handful live at once). */
struct timer {
	unsigned id;
	long long due_ms;
	loop_timer_fn fn;
	void *ctx;
};
static struct timer *timers;
static size_t ntimers, timers_cap;
static unsigned next_timer_id = 1;

unsigned loop_timer_add(long long delay_ms, loop_timer_fn fn, void *ctx)
{
	xgrow((void **)&timers, &timers_cap, ntimers + 1, sizeof(*timers));
	struct timer *t = &timers[ntimers++];
	t->id = next_timer_id++;
	t->due_ms = time_mono_ms() + (delay_ms < 0 ? 0 : delay_ms);
	t->fn = fn;
	t->ctx = ctx;
	return t->id;
}

void loop_timer_cancel(unsigned id)
{
	for (size_t i = 0; i < ntimers; i++) {
		if (timers[i].id == id) {
			timers[i] = timers[--ntimers];
			return;
		}
	}
}

bool loop_timer_pending(unsigned id)
{
	for (size_t i = 0; i < ntimers; i++)
		if (timers[i].id == id)
			return true;
	return false;
}

static void run_due_timers(void)
{
	long long now = time_mono_ms();
	/* Fire one at a time: a callback may add or cancel timers. */
	for (;;) {
		size_t i;
		for (i = 0; i < ntimers; i++)
			if (timers[i].due_ms <= now)
				break;
		if (i == ntimers)
			return;
		struct timer t = timers[i];
		timers[i] = timers[--ntimers];
		t.fn(t.ctx);
	}
}

static int next_timer_ms(void)
{
	if (!ntimers)
		return -1;
	long long now = time_mono_ms(), best = -1;
	for (size_t i = 0; i < ntimers; i++) {
		long long d = timers[i].due_ms - now;
		if (d < 0)
			d = 0;
		if (best < 0 || d < best)
			best = d;
	}
	return best > 24 * 3600 * 1000LL ? 24 * 3600 * 1000 : (int)best;
}

static int min_timeout(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

void loop_run(const struct loop_backend *backend, const struct loop_hooks *hooks)
{
	while (!hooks->should_quit(hooks->ctx)) {
		backend->perform(backend->ctx);
		run_due_timers();
		if (hooks->input_fd < 0)
			hooks->on_input(hooks->ctx);
		if (hooks->should_quit(hooks->ctx))
			break;
		hooks->redraw(hooks->ctx);

		struct pollfd fds[2];
		unsigned n = 0;
		fds[n++] = (struct pollfd){ .fd = sig_pipe[0], .events = POLLIN };
		if (hooks->input_fd >= 0)
			fds[n++] = (struct pollfd){ .fd = hooks->input_fd, .events = POLLIN };
		int timeout = min_timeout(next_timer_ms(), hooks->wait_hint(hooks->ctx));
		backend->wait(backend->ctx, fds, n, timeout);

		if (fds[0].revents & POLLIN) {
			unsigned char sig;
			while (read(sig_pipe[0], &sig, 1) == 1)
				hooks->on_signal(hooks->ctx, sig);
		}
		if (n > 1 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
			hooks->on_input(hooks->ctx);
	}
}
