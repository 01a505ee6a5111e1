/* `sentry-tui list` (see list.h). Each page is written and freed before the next is
 * asked for, so memory stays flat however many issues --all brings. */
#include "cli/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/output.h"
#include "store/issue_stream.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

struct list_run {
	struct cli_session *s;
	struct list_output out;
	long remaining;      /* -1 = all */
	bool begun;          /* the json "[" or the tsv header is out */
	bool done;
	bool stale_projects; /* the remembered project ids are not the server's any more */
	int status;
};

/* $COLUMNS, else the terminal's width when stdout is one, else 80. */
static int output_width(void)
{
	const char *columns = getenv("COLUMNS");
	if (columns && atoi(columns) > 0)
		return atoi(columns);
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static void request_page(struct list_run *r, const char *cursor);

static void write_out(struct strbuf *sb)
{
	fwrite(sb->buf ? sb->buf : "", 1, sb->len, stdout);
	fflush(stdout);
	strbuf_reset(sb);
}

/* Whether the first page, asked for with remembered project ids, shows one of them stale:
 * refused (a project that is gone or not ours: 403, 404), or an issue of that id under
 * another slug (the project was renamed). Then nothing of it is written. */
static bool shows_stale_projects(const struct list_run *r, const struct issue_page *page)
{
	const struct cli_session *s = r->s;
	if (!s->projects_cached || r->begun)
		return false;
	if (page->error)
		return page->status == 403 || page->status == 404;
	for (size_t i = 0; i < page->n; i++) {
		const struct issue *issue = page->issues[i];
		for (size_t k = 0; k < s->nproject_ids; k++)
			if (issue->project_id && strcmp(issue->project_id, s->project_ids[k]) == 0 &&
			    issue->project_slug && strcmp(issue->project_slug, s->cfg.projects[k]) != 0)
				return true; /* (a row without the slug proves nothing) */
	}
	return false;
}

static void on_page(void *ctx, struct issue_page *page)
{
	struct list_run *r = ctx;
	if (shows_stale_projects(r, page)) {
		r->stale_projects = true;
		r->done = true;
		issue_page_free(page);
		return;
	}
	/* GlitchTip refuses Sentry's sort names: ask again in its words (api/server_caps.h). */
	if (page->error && page->status == 422 && !r->begun &&
	    server_caps_learn_sort_refused(&r->s->caps)) {
		issue_page_free(page);
		request_page(r, NULL);
		return;
	}
	if (page->error) {
		cli_error(page->error);
		r->status = cli_exit_for_http(page->status);
		r->done = true;
		issue_page_free(page);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	if (!r->begun) {
		/* Only now: a first page that fails leaves stdout empty. */
		list_output_begin(&r->out, &sb);
		r->begun = true;
	}
	for (size_t i = 0; i < page->n && r->remaining != 0; i++) {
		list_output_issue(&r->out, page->issues[i], &sb);
		if (r->remaining > 0)
			r->remaining--;
	}
	write_out(&sb);
	strbuf_free(&sb);
	if (ferror(stdout)) {
		r->done = true; /* the reader went away (| head): nothing more is wanted */
	} else if (r->remaining != 0 && page->next_cursor && page->n) {
		request_page(r, page->next_cursor);
	} else {
		r->done = true;
	}
	issue_page_free(page);
}

static void request_page(struct list_run *r, const char *cursor)
{
	const struct config *cfg = &r->s->cfg;
	const char *envs[1] = { cfg->environment };
	struct issue_query q = {
		.query = cfg->query ? cfg->query : "",
		.sort = cfg->sort,
		.stats_period = cfg->period,
		.project_ids = r->s->project_ids,
		.nproject_ids = r->s->nproject_ids,
		.environments = envs,
		.nenvironments = cfg->environment ? 1 : 0,
		.limit = r->remaining > 0 && r->remaining < ISSUE_PAGE_SIZE ? (int)r->remaining
		                                                           : ISSUE_PAGE_SIZE,
		.cursor = cursor,
	};
	api_list_issues(&r->s->target, &q, on_page, r);
}

int cli_list(struct cli_session *s, const struct cli_options *o)
{
	enum list_format format = LIST_PLAIN;
	if (o->format && !list_format_parse(o->format, &format)) {
		fprintf(stderr, "sentry-tui list: --format is plain, tsv or json\n");
		return CLI_USAGE;
	}
	/* One round trip where the project ids are remembered: the issues at once. */
	int status = cli_session_resolve_projects_cached(s);
	if (status != CLI_OK)
		return status;
	struct list_run r = { .s = s, .status = CLI_OK };
	r.remaining = o->all ? -1 : o->limit ? o->limit : CLI_LIST_DEFAULT_LIMIT;
	list_output_init(&r.out, format, output_width(), time_now());
	request_page(&r, NULL);
	cli_session_run(s, &r.done);
	if (r.stale_projects) {
		/* Nothing was written: ask the server for the ids, then the issues again. */
		status = cli_session_refresh_projects(s);
		if (status != CLI_OK)
			return status;
		r.stale_projects = r.done = false;
		request_page(&r, NULL);
		cli_session_run(s, &r.done);
	}
	if (r.status != CLI_OK)
		return r.status; /* nothing printed after the error: stdout holds only pages */
	struct strbuf sb = STRBUF_INIT;
	if (!r.begun)
		list_output_begin(&r.out, &sb);
	list_output_end(&r.out, &sb);
	write_out(&sb);
	strbuf_free(&sb);
	return r.out.rows ? CLI_OK : CLI_NONE;
}
