"""The `query` of an issue's event list (GET …/issues/{id}/events/?query=…).

Sentry runs it through the Discover event search: `key:value` compares the
event's tag (or a few built-in fields), `!` negates, values may be lists
`[a,b]` and carry `*` wildcards, `has:key` / `!has:key` test presence, and bare
words must all appear in the event's message/title (case-insensitive). Unlike the
issue search, a key the events do not carry is not ignored: it is a tag that no
event has, so nothing matches.
"""

import fnmatch

from search import SearchError, tokenize, _KEY_VALUE, _unquote, _values

_USER_FIELDS = {"user.email": "email", "user.id": "id", "user.ip": "ip", "user.username": "username"}


def _fields(event):
    """Every value a key:value token can be compared with, by key."""
    fields = {t["key"]: t["value"] for t in event.get("tags") or [] if isinstance(t, dict)}
    fields["id"] = fields["event.id"] = event.get("eventID") or event.get("id")
    fields["message"] = event.get("message") or event.get("title") or ""
    fields["title"] = event.get("title") or ""
    fields["platform"] = event.get("platform")
    fields["event.type"] = event.get("type") or "error"
    user = event.get("user") or {}
    for key, field in _USER_FIELDS.items():
        value = user.get("ip_address" if field == "ip" else field)
        if value:
            fields[key] = str(value)
    return {key: value for key, value in fields.items() if value is not None}


def _value_matches(actual, wanted):
    if "*" in wanted:
        return fnmatch.fnmatchcase(actual.lower(), wanted.lower())
    return actual == wanted


def compile_event_query(query):
    """A predicate event -> bool; raises SearchError for a query Sentry rejects."""
    predicates, words = [], []
    for token in tokenize(query):
        match = _KEY_VALUE.match(token)
        if not match or token.startswith('"'):
            words.append(_unquote(token).lower())
            continue
        negated, key, raw = match.groups()
        values = _values(raw)
        if not values:
            raise SearchError(f"Invalid query. Empty value for {key}")
        if key == "has":
            def predicate(fields, names=values):
                return all(name in fields for name in names)
        else:
            def predicate(fields, key=key, values=values):
                return key in fields and any(_value_matches(str(fields[key]), v) for v in values)
        predicates.append((lambda fields, p=predicate: not p(fields)) if negated else predicate)

    def matches(event):
        fields = _fields(event)
        if words:
            haystack = f"{fields['title']}\n{fields['message']}".lower()
            if not all(word.strip("*") in haystack for word in words):
                return False
        return all(p(fields) for p in predicates)

    return matches
