"""The issue search language (a useful subset of Sentry's) and the sort orders.

Query: space-separated tokens; double quotes group ("a b", key:"a b"); `!`
negates a key:value; values may be lists `[a,b]`. Supported keys: is:,
status:, substatus:, level:, assigned:, assigned_or_suggested:, bookmarks:, subscribed:,
environment:, project:, release:, issue.priority:, issue.category:,
issue.type:, has:, firstSeen:/lastSeen:/age:, timesSeen:, userCount:.
Any other key:value is ignored; bare words must each appear (case-insensitive)
in the title or culprit. Errors raise SearchError with Sentry's wording.
"""

import re
from datetime import timedelta

import directory as dirs
from timeutil import parse_iso, parse_period

IS_VALUES = {
    "unresolved": lambda i, ctx: i["status"] == "unresolved",
    "resolved": lambda i, ctx: i["status"] == "resolved",
    "ignored": lambda i, ctx: i["status"] == "ignored",
    "archived": lambda i, ctx: i["status"] == "ignored",
    "new": lambda i, ctx: i["status"] == "unresolved" and i["substatus"] == "new",
    "ongoing": lambda i, ctx: i["status"] == "unresolved" and i["substatus"] == "ongoing",
    "regressed": lambda i, ctx: i["status"] == "unresolved" and i["substatus"] == "regressed",
    "escalating": lambda i, ctx: i["status"] == "unresolved" and i["substatus"] == "escalating",
    "assigned": lambda i, ctx: i["assignee"] is not None,
    "unassigned": lambda i, ctx: i["assignee"] is None,
    "for_review": lambda i, ctx: i["inbox"] is not None and i["status"] == "unresolved",
    "bookmarked": lambda i, ctx: i["isBookmarked"],
    "linked": lambda i, ctx: False,     # no issue-tracker links in the fake
    "unlinked": lambda i, ctx: True,
}

SORTS = {
    "date": lambda i: (i["lastSeen"], int(i["id"])),
    "new": lambda i: (i["firstSeen"], int(i["id"])),
    "freq": lambda i: (i["count"], int(i["id"])),
    "user": lambda i: (i["userCount"], int(i["id"])),
    "trends": lambda i: (i["lastSeen"], int(i["id"])),
    "recommended": lambda i: (i["lastSeen"], int(i["id"])),
    "inbox": lambda i: ((i["inbox"] or {}).get("date_added") or i["lastSeen"], int(i["id"])),
}

_KEY_VALUE = re.compile(r"^(!?)([A-Za-z_][A-Za-z0-9_.\-]*):(.+)$", re.S)
_COMPARISON = re.compile(r"^(>=|<=|>|<|=)?(.+)$")


class SearchError(ValueError):
    """A query Sentry would reject; str() is the `detail` of the 400."""


class Context:
    """What matching needs besides the issue: now, the org directory, the caller."""

    def __init__(self, directory, now, user_id):
        self.directory = directory
        self.now = now
        self.user_id = user_id


def tokenize(query):
    # Sentry's grammar allows spaces around a list's commas (`key:[a, b]`, as its own
    # default query `issue.priority:[high, medium]`), so a value list is one token.
    tokens, current, quoted, started, in_list = [], [], False, False, False
    for char in query:
        if char == '"':
            quoted = not quoted
            current.append(char)
            started = True
        elif char == "[" and not quoted and current[-1:] == [":"]:
            in_list = True
            current.append(char)
        elif char == "]" and not quoted and in_list:
            in_list = False
            current.append(char)
        elif char.isspace() and in_list:
            continue
        elif char.isspace() and not quoted:
            if started:
                tokens.append("".join(current))
            current, started = [], False
        else:
            current.append(char)
            started = True
    if started:
        tokens.append("".join(current))
    return tokens


def _unquote(text):
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] == '"' else text


def _values(raw):
    if raw.startswith("[") and raw.endswith("]"):
        return [_unquote(v.strip()) for v in raw[1:-1].split(",") if v.strip()]
    return [_unquote(raw)]


def _actor_matches(issue, value, ctx):
    assignee = issue["assignee"]
    if value == "none":
        return assignee is None
    if assignee is None:
        return False
    kind, actor_id = assignee
    if value == "me":
        return kind == "user" and actor_id == ctx.user_id
    if value == "my_teams":
        me = dirs.person_by_id(ctx.directory, ctx.user_id)
        return kind == "team" and actor_id in me["teams"]
    if value.startswith("#"):
        team = dirs.team_by_id(ctx.directory, actor_id) if kind == "team" else None
        return team is not None and team["slug"] == value[1:]
    person = dirs.find_user(ctx.directory, value)
    return person is not None and kind == "user" and actor_id == person["id"]


def _time_matches(moment, raw, now):
    """'-24h' = within the last 24h, '+7d' = older than 7 days, '>2026-11-01' etc."""
    if raw[:1] in "-+" and parse_period(raw[1:]):
        boundary = now - parse_period(raw[1:])
        return moment >= boundary if raw[0] == "-" else moment <= boundary
    op, value = _COMPARISON.match(raw).groups()
    try:
        boundary = parse_iso(value)
    except ValueError:
        raise SearchError(f"Error parsing search query: Invalid date: {value}")
    return {">": moment > boundary, ">=": moment >= boundary, "<": moment < boundary,
            "<=": moment <= boundary}.get(op, moment.date() == boundary.date())


def _number_matches(number, raw):
    op, value = _COMPARISON.match(raw).groups()
    value = value.lower().replace(",", "")
    scale = 1
    if value[-1:] in ("k", "m"):
        scale, value = (1000 if value[-1] == "k" else 1000000), value[:-1]
    try:
        boundary = float(value) * scale
    except ValueError:
        raise SearchError(f"Error parsing search query: Invalid number: {raw}")
    return {">": number > boundary, ">=": number >= boundary, "<": number < boundary,
            "<=": number <= boundary}.get(op, number == boundary)


# Sentry's STATUS_QUERY_CHOICES (models/group.py) and SUBSTATUS_UPDATE_CHOICES
# (types/group.py, plus the older aliases): the values `status:` and `substatus:`
# accept; anything else is "invalid status value of 'x'".
STATUS_VALUES = {"resolved": "resolved", "unresolved": "unresolved", "ignored": "ignored",
                 "archived": "ignored", "muted": "ignored", "reprocessing": "reprocessing"}
SUBSTATUS_VALUES = {"archived_until_escalating": "archived_until_escalating",
                    "archived_until_condition_met": "archived_until_condition_met",
                    "archived_forever": "archived_forever", "escalating": "escalating",
                    "ongoing": "ongoing", "regressed": "regressed", "new": "new",
                    "until_escalating": "archived_until_escalating",
                    "until_condition_met": "archived_until_condition_met",
                    "forever": "archived_forever"}


def _choices(key, values, table):
    try:
        return {table[v] for v in values}
    except KeyError as missing:
        raise SearchError(f"Error parsing search query: invalid {key} value of '{missing.args[0]}'")


HAS_FIELDS = {
    "assignee": lambda i: i["assignee"] is not None,
    "assigned": lambda i: i["assignee"] is not None,
    "release": lambda i: bool(i["release_versions"]),
    "user": lambda i: i["userCount"] > 0,
}


def _filter(key, raw, ctx):
    """A predicate for one key:value token, or None when the key is ignored."""
    values = _values(raw)
    if key == "is":
        for value in values:
            if value not in IS_VALUES:
                raise SearchError('Error parsing search query: Invalid value for "is" search, '
                                  f"valid values are {sorted(IS_VALUES)}")
        return lambda i: all(IS_VALUES[v](i, ctx) for v in values)
    if key == "status":
        wanted = _choices(key, values, STATUS_VALUES)
        return lambda i: i["status"] in wanted
    if key == "substatus":
        wanted = _choices(key, values, SUBSTATUS_VALUES)
        return lambda i: i["substatus"] in wanted
    if key == "level":
        return lambda i: i["level"] in values
    if key in ("assigned", "assigned_or_suggested"):
        return lambda i: any(_actor_matches(i, v, ctx) for v in values)
    if key == "bookmarks":
        return lambda i: i["isBookmarked"] if values == ["me"] else False
    if key == "subscribed":
        return lambda i: i["isSubscribed"] if values == ["me"] else False
    if key == "environment":
        return lambda i: any(env in i["environments"] for env in values)
    if key == "project":
        return lambda i: dirs.project_by_id(ctx.directory, i["project_id"])["slug"] in values
    if key == "release":
        known = {r["version"] for p in ctx.directory["projects"] for r in p["releases"]}
        wanted = [v for v in values if v in known]
        if not wanted:
            return None  # unknown releases are ignored
        return lambda i: any(v in i["release_versions"] for v in wanted)
    if key == "issue.priority":
        return lambda i: i["priority"] in values
    if key == "issue.category":
        return lambda i: i["issueCategory"] in values
    if key == "issue.type":
        return lambda i: i["issueType"] in values
    if key == "has":
        known = [HAS_FIELDS[v] for v in values if v in HAS_FIELDS]
        if not known:
            return None  # unknown fields count as present: the token changes nothing
        return lambda i: all(test(i) for test in known)
    if key in ("firstSeen", "age", "issue.firstSeen"):
        return lambda i: _time_matches(i["firstSeen"], raw, ctx.now)
    if key in ("lastSeen", "issue.lastSeen"):
        return lambda i: _time_matches(i["lastSeen"], raw, ctx.now)
    if key in ("timesSeen", "times_seen"):
        return lambda i: _number_matches(i["count"], raw)
    if key in ("userCount", "user_count"):
        return lambda i: _number_matches(i["userCount"], raw)
    return None


def compile_query(query, ctx):
    """Return a predicate issue -> bool for the whole query (all tokens must match)."""
    predicates, words = [], []
    for token in tokenize(query):
        match = _KEY_VALUE.match(token)
        if match and not token.startswith('"'):
            negated, key, raw = match.groups()
            predicate = _filter(key, raw, ctx)
            if predicate is None:
                continue
            predicates.append((lambda i, p=predicate: not p(i)) if negated else predicate)
        else:
            words.append(_unquote(token).lower())

    def matches(issue):
        if words:
            haystack = f"{issue['title']}\n{issue['culprit'] or ''}".lower()
            if not all(word in haystack for word in words):
                return False
        return all(p(issue) for p in predicates)

    return matches


def sort_issues(issues, sort):
    """Newest / biggest first, ties broken by id (highest first) so pages are stable."""
    return sorted(issues, key=SORTS[sort], reverse=True)


def window_filter(issues, start, end):
    return [i for i in issues if (start is None or i["lastSeen"] >= start)
            and (end is None or i["lastSeen"] <= end)]


def period_window(params, now):
    """(start, end, window seconds) from statsPeriod or start/end; raises SearchError."""
    period = params.get("statsPeriod", [None])[-1]
    start_raw, end_raw = params.get("start", [None])[-1], params.get("end", [None])[-1]
    if period:
        delta = parse_period(period)
        if delta is None:
            raise SearchError("Invalid statsPeriod")
        return now - delta, None, delta.total_seconds()
    if start_raw or end_raw:
        if not (start_raw and end_raw):
            raise SearchError("start and end are both required")
        try:
            start, end = parse_iso(start_raw), parse_iso(end_raw)
        except ValueError:
            raise SearchError("start and end must be valid ISO-8601 dates")
        if start > end:
            raise SearchError("start must be before end")
        return start, end, (end - start).total_seconds()
    return None, None, timedelta(days=14).total_seconds()
