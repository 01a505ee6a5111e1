/* `sentry-tui status` (see status.h). */
#include "cli/status.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cache_file.h"
#include "store/issue_stream.h"
#include "util/xalloc.h"

static const char *const STATUS_FIELDS[] = { "new", "unresolved", "escalating", "regressed",
                                             "stale" };

static void add_count(struct strbuf *out, const struct status_counts *c, long long n, bool more)
{
	if (!c->known)
		strbuf_adds(out, "?");
	else
		strbuf_addf(out, "%lld%s", n, more ? "+" : "");
}

/* Field name (len bytes) -> its text; false when there is no such field. */
static bool add_field(const char *name, size_t len, const struct status_counts *c, bool stale,
                      struct strbuf *out)
{
	size_t i = 0;
	while (i < sizeof STATUS_FIELDS / sizeof STATUS_FIELDS[0] &&
	       !(strlen(STATUS_FIELDS[i]) == len && strncmp(STATUS_FIELDS[i], name, len) == 0))
		i++;
	switch (i) {
	case 0: add_count(out, c, c->new_issues, false); return true;
	case 1: add_count(out, c, c->unresolved, c->unresolved_more); return true;
	case 2: add_count(out, c, c->escalating, false); return true;
	case 3: add_count(out, c, c->regressed, false); return true;
	case 4: if (stale) strbuf_adds(out, " (stale)"); return true;
	default: return false;
	}
}

bool status_render(const char *template, const struct status_counts *c, bool ascii,
                   bool tmux, bool stale, struct strbuf *out, struct strbuf *err)
{
	if (!template)
		template = ascii ? "! {new} new | {unresolved} unresolved | {escalating} escalating"
		                 : "⚠ {new} new · {unresolved} unresolved · {escalating} escalating";
	if (tmux) {
		const char *colour = stale || !c->known ? "colour244"
		                     : c->escalating ? "red" : c->new_issues ? "yellow" : "green";
		strbuf_addf(out, "#[fg=%s]", colour);
	}
	bool stale_shown = false;
	for (const char *p = template; *p; p++) {
		if (*p != '{') {
			if (tmux && *p == '#')
				strbuf_addc(out, '#'); /* "##" is tmux's literal # */
			strbuf_addc(out, *p);
			continue;
		}
		const char *close = strchr(p, '}');
		if (!close || !add_field(p + 1, (size_t)(close - p - 1), c, stale, out)) {
			strbuf_addf(err, "sentry-tui status: --format: unknown field \"%.*s\"; the fields "
			            "are {new} {unresolved} {escalating} {regressed} {stale}\n",
			            close ? (int)(close - p + 1) : (int)strlen(p), p);
			return false;
		}
		if (close - p - 1 == 5 && strncmp(p + 1, "stale", 5) == 0)
			stale_shown = true;
		p = close;
	}
	if (stale && !stale_shown)
		strbuf_adds(out, " (stale)");
	if (tmux)
		strbuf_adds(out, "#[default]");
	strbuf_addc(out, '\n');
	return true;
}

/* The cache */

/* $XDG_CACHE_HOME/sentry-tui/status-HASH, one per server, org, profile and query (the
 * hash keeps the query's text out of the file name). NULL when there is no home. */
static char *cache_path(const struct config *cfg, bool create_dir)
{
	uint64_t key = CACHE_KEY_START;
	const char *fields[] = { cfg->url, cfg->org, cfg->profile, cfg->query, cfg->sort,
	                         cfg->period, cfg->environment };
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		key = cache_key_add(key, fields[i]);
	for (size_t i = 0; i < cfg->nprojects; i++)
		key = cache_key_add(key, cfg->projects[i]);
	return cache_file_path("status", key, create_dir);
}

/* Returns the age in seconds of the cached counts (c holds them), -1 when there are none. */
static long long cache_read(const char *path, struct status_counts *c)
{
	FILE *f = path ? fopen(path, "r") : NULL;
	if (!f)
		return -1;
	long long at;
	int more;
	int n = fscanf(f, "sentry-tui-status 1 %lld %lld %d %lld %lld %lld", &at, &c->unresolved,
	               &more, &c->new_issues, &c->escalating, &c->regressed);
	fclose(f);
	if (n != 6)
		return -1;
	c->unresolved_more = more != 0;
	c->known = true;
	long long age = (long long)time(NULL) - at;
	return age < 0 ? LLONG_MAX : age; /* written "in the future": the clock went back */
}

static void cache_write(const char *path, const struct status_counts *c)
{
	struct cache_write w;
	FILE *f = cache_file_begin(path, &w);
	if (!f)
		return; /* no cache: every call asks the server, nothing else is lost */
	fprintf(f, "sentry-tui-status 1 %lld %lld %d %lld %lld %lld\n", (long long)time(NULL),
	        c->unresolved, c->unresolved_more ? 1 : 0, c->new_issues, c->escalating,
	        c->regressed);
	cache_file_commit(f, path, &w);
}

/* The request */

struct status_run {
	struct status_counts counts;
	bool done;
	int status;
};

static void on_page(void *ctx, struct issue_page *page)
{
	struct status_run *r = ctx;
	r->done = true;
	if (page->error) {
		cli_error(page->error);
		r->status = cli_exit_for_http(page->status);
		issue_page_free(page);
		return;
	}
	struct status_counts *c = &r->counts;
	c->known = true;
	c->unresolved = page->hits >= 0 ? page->hits : (long long)page->n;
	c->unresolved_more = page->hits < 0 && page->next_cursor;
	for (size_t i = 0; i < page->n; i++) {
		const char *sub = page->issues[i]->substatus;
		if (!sub)
			continue;
		if (strcmp(sub, "new") == 0)
			c->new_issues++;
		else if (strcmp(sub, "escalating") == 0)
			c->escalating++;
		else if (strcmp(sub, "regressed") == 0)
			c->regressed++;
	}
	issue_page_free(page);
}

static int fetch(struct cli_session *s, struct status_counts *out)
{
	int status = cli_session_resolve_projects(s);
	if (status != CLI_OK)
		return status;
	const struct config *cfg = &s->cfg;
	const char *envs[1] = { cfg->environment };
	struct issue_query q = {
		.query = cfg->query ? cfg->query : "",
		.sort = cfg->sort,
		.stats_period = cfg->period,
		.project_ids = s->project_ids,
		.nproject_ids = s->nproject_ids,
		.environments = envs,
		.nenvironments = cfg->environment ? 1 : 0,
		.limit = ISSUE_PAGE_SIZE,
	};
	struct status_run r = { .status = CLI_OK };
	api_list_issues(&s->target, &q, on_page, &r);
	cli_session_run(s, &r.done);
	if (r.status == CLI_OK)
		*out = r.counts;
	return r.status;
}

int cli_status(struct cli_session *s, const struct cli_options *o)
{
	struct strbuf line = STRBUF_INIT, err = STRBUF_INIT;
	struct status_counts c = { 0 };
	/* A bad template is a usage error before anything is asked. */
	if (!status_render(o->format, &c, o->ascii, o->tmux, false, &line, &err)) {
		fputs(strbuf_str(&err), stderr);
		strbuf_free(&line);
		strbuf_free(&err);
		return CLI_USAGE;
	}
	strbuf_reset(&line);
	long ttl = o->ttl >= 0 ? o->ttl : CLI_STATUS_DEFAULT_TTL;
	char *path = cache_path(&s->cfg, false);
	long long age = cache_read(path, &c);
	int status = CLI_OK;
	bool stale = false;
	if (age < 0 || age >= ttl) {
		struct status_counts fresh = { 0 };
		status = fetch(s, &fresh);
		if (status == CLI_OK) {
			c = fresh;
			free(path);
			path = cache_path(&s->cfg, true);
			cache_write(path, &c);
		} else {
			stale = c.known;
		}
	}
	status_render(o->format, &c, o->ascii, o->tmux, stale, &line, &err);
	fputs(strbuf_str(&line), stdout);
	free(path);
	strbuf_free(&line);
	strbuf_free(&err);
	return status;
}
