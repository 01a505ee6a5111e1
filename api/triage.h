/* Triage on the API side (docs/sentry-api.md §8, §9): the change a keystroke means, its exact
 * JSON body, the inverse change that undoes it, the server's answer decoded, and the
 * people and teams an issue can be assigned to. */
#ifndef API_TRIAGE_H
#define API_TRIAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "api/endpoints.h"
#include "api/model.h"
#include "util/strbuf.h"

enum change_kind {
	CHANGE_RESOLVE,              /* {"status":"resolved","statusDetails":{},"substatus":null} */
	CHANGE_RESOLVE_NEXT_RELEASE, /* {"status":"resolved","statusDetails":{"inNextRelease":true}} */
	CHANGE_RESOLVE_IN_RELEASE,   /* {"status":"resolved","statusDetails":{"inRelease":"<version>"}} */
	CHANGE_UNRESOLVE,            /* {"status":"unresolved","statusDetails":{},"substatus":"ongoing"} */
	CHANGE_ARCHIVE_ESCALATING,   /* {"status":"ignored","statusDetails":{},"substatus":"archived_until_escalating"} */
	CHANGE_ARCHIVE_FOREVER,      /* {"status":"ignored","statusDetails":{},"substatus":"archived_forever"} */
	CHANGE_ARCHIVE_DURATION,     /* {"status":"ignored","statusDetails":{"ignoreDuration":<minutes>}} */
	CHANGE_ARCHIVE_COUNT,        /* {"status":"ignored","statusDetails":{"ignoreCount":<n>,"ignoreWindow":<minutes>}}
	                                (window omitted when 0) */
	CHANGE_ARCHIVE_USERS,        /* {"status":"ignored","statusDetails":{"ignoreUserCount":<n>,"ignoreUserWindow":<minutes>}}
	                                (window omitted when 0) */
	CHANGE_ASSIGN,               /* {"assignedTo":"user:<id>"} or "team:<id>" */
	CHANGE_UNASSIGN,             /* {"assignedTo":""} */
	CHANGE_BOOKMARK,             /* {"isBookmarked":true} */
	CHANGE_UNBOOKMARK,           /* {"isBookmarked":false} */
	CHANGE_MARK_REVIEWED,        /* {"inbox":false} */
	CHANGE_MARK_UNREVIEWED,      /* {"inbox":true}  (the inverse of reviewed) */
	CHANGE_SET_STATUS,           /* restore an exact earlier state (undo): status, substatus and
	                                the statusDetails JSON text as they were */
};

struct change {
	enum change_kind kind;
	char *release;            /* RESOLVE_IN_RELEASE: the version ("latest" allowed) */
	long minutes;             /* ARCHIVE_DURATION, and the window of COUNT/USERS (0 = none) */
	long count;               /* ARCHIVE_COUNT / ARCHIVE_USERS */
	struct actor assignee;    /* ASSIGN: type "user" (id = USER id) or "team"; name/email for display */
	char *status;             /* SET_STATUS */
	char *substatus;          /* SET_STATUS, NULL = JSON null */
	char *status_details;     /* SET_STATUS: a JSON object text, NULL = {} */
};

void change_free(struct change *c);
void change_copy(const struct change *src, struct change *dst);
/* The exact JSON body (compact, keys in the order shown above). Caller frees.
 * NULL when there is nothing sensible to send: RESOLVE_IN_RELEASE without a release,
 * ASSIGN without an assignee id, or a text that is not UTF-8. */
char *change_body(const struct change *c);
/* Words for the status line, e.g. "resolved", "archived until escalating", "archived for
 * 2 hours", "archived until 100 more events", "assigned to Jane Doe", "assigned to
 * #backend", "unassigned", "bookmarked", "marked reviewed", "resolved in the next release". */
void change_describe(const struct change *c, struct strbuf *out);
/* Apply c to an issue as the server would (optimistic update): status, substatus,
 * assignee, bookmark. */
void change_apply(const struct change *c, struct issue *issue);
/* The change that puts issue back as it is now (call before applying c): e.g. the
 * inverse of a resolve of an issue that was "unresolved/regressed" is SET_STATUS
 * unresolved/regressed; of an assign is ASSIGN to the previous assignee or UNASSIGN; of a
 * bookmark is UNBOOKMARK (or BOOKMARK if it was bookmarked). */
void change_inverse(const struct change *c, const struct issue *issue, struct change *out);
/* out is overwritten (not freed first). Limitation: struct issue keeps no statusDetails,
 * so a status undo restores status and substatus with statusDetails {} (a release or an
 * archive condition is not brought back). A NULL issue status is restored as unresolved
 * with substatus null (the server infers it). */

/* The server's answer to a PUT: a bulk response holds only the validated changes
 * ({"status":…,"statusDetails":…,"substatus":…,"assignedTo":{actor}|null,
 *   "isBookmarked":…,"inbox":…}); a single-issue PUT returns the whole issue; 204 has no
 * body. Fields not present are left unset. */
struct change_result {
	bool has_status;
	char *status;
	char *substatus;
	bool has_assigned;
	struct actor *assigned_to;  /* NULL = unassigned */
	bool has_bookmark;
	bool is_bookmarked;
	/* Added: a threshold archive's answer has "status" but no "substatus" key. When
	 * false, change_result_apply keeps the issue's substatus if the status is unchanged
	 * (the optimistic one), else clears it. */
	bool has_substatus;
};
bool decode_change_result(const char *body, size_t len, struct change_result *out,
                          struct strbuf *err);
void change_result_apply(const struct change_result *r, struct issue *issue);
void change_result_free(struct change_result *r);

/* Assignment candidates. */
struct member {
	char *user_id;   /* the USER id (member.user.id), used as "user:<id>" */
	char *name;
	char *email;
	char *username;
};
struct team {
	char *id;
	char *slug;
	char *name;
};
/* Members list: skips pending invites (user null). */
bool decode_members(const char *body, size_t len, struct member **out, size_t *n,
                    struct strbuf *err);
bool decode_teams(const char *body, size_t len, struct team **out, size_t *n, struct strbuf *err);
/* GET /api/0/auth/ (the current user): {id, name, email, username}. */
bool decode_auth_user(const char *body, size_t len, struct member *out, struct strbuf *err);
void members_free(struct member *m, size_t n);
void teams_free(struct team *t, size_t n);
/* Added: what one member owns (e.g. decode_auth_user's out), zeroed; the struct stays. */
void member_free(struct member *m);
/* Added: the assignee of a CHANGE_ASSIGN (out overwritten): a member as
 * {"user", user_id, name, email}; a team as {"team", id, slug}, named by slug the way the
 * server's team actors are, so it describes as "assigned to #<slug>". */
void actor_from_member(const struct member *m, struct actor *out);
void actor_from_team(const struct team *t, struct actor *out);

/* Endpoints. Results are owned by the callback (triage_result_free). */
struct triage_result {
	long status;                 /* HTTP status; 204 = nothing matched */
	int tries;                   /* how many times the request was sent */
	char *error;                 /* NULL on success; the server's words included verbatim */
	struct change_result change; /* PUT */
	struct member *members;      /* members (and auth: one entry) */
	size_t nmembers;
	struct team *teams;
	size_t nteams;
	char *next_cursor;           /* members/teams paging */
};
typedef void (*triage_fn)(void *ctx, struct triage_result *r);
/* Frees r itself too (like detail_result_free). NULL is accepted. */
void triage_result_free(struct triage_result *r);

/* PUT /api/0/organizations/{org}/issues/?id=…&id=…&project=<project_id> with the body:
 * one bulk request for issues of one project, always with explicit ids. */
unsigned long api_update_issues(const struct sentry_target *t, const char *project_id,
                                const char *const *ids, size_t nids, const char *body,
                                triage_fn done, void *ctx);
/* GET /api/0/organizations/{org}/members/?per_page=100[&cursor] */
unsigned long api_list_members(const struct sentry_target *t, const char *cursor, triage_fn done,
                               void *ctx);
/* GET /api/0/organizations/{org}/teams/?per_page=100&detailed=0[&cursor] */
/* GET /api/0/projects/{org}/{project}/members/: members who can be assigned there. */
unsigned long api_list_project_members(const struct sentry_target *t, const char *project,
                                       const char *cursor, triage_fn done, void *ctx);
unsigned long api_list_teams(const struct sentry_target *t, const char *cursor, triage_fn done,
                             void *ctx);
/* GET /api/0/auth/ */
unsigned long api_auth_user(const struct sentry_target *t, triage_fn done, void *ctx);

#endif
