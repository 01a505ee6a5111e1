"""Per-issue tag distributions (browser, os, environment, release, url, user, level ...).

Generated once per issue and used twice: the tags endpoints serve them, and the
issue's events draw their tag values from them, so the numbers a user sees on
the tags screen agree with the events they page through and with the issue's
count / userCount.
"""

from datetime import timedelta

BROWSERS = [("Chrome", "131.0.0"), ("Firefox", "133.0"), ("Safari", "18.1"), ("Edge", "131.0.0"),
            ("Mobile Safari", "18.1"), ("Chrome Mobile", "131.0.0"), ("Samsung Internet", "26.0")]
CLIENT_OSES = [("Windows", "10"), ("Mac OS X", "10.15.7"), ("iOS", "18.1"), ("Android", "14"),
               ("Ubuntu", None), ("Chrome OS", "15917.71.0")]
SERVER_OSES = [("Linux", "6.8.0-1019-aws"), ("Ubuntu", "22.04")]
END_USERS = [  # (tag value, display name)
    ("email:alice@customers.test", "alice@customers.test"),
    ("email:bob.li@customers.test", "bob.li@customers.test"),
    ("id:1042", "1042"),
    ("email:chen.wei@customers.test", "chen.wei@customers.test"),
    ("username:dana", "dana"),
    ("ip:203.0.113.7", "203.0.113.7"),
    ("email:erik@customers.test", "erik@customers.test"),
    ("id:77", "77"),
    ("ip:198.51.100.23", "198.51.100.23"),
    ("email:fatima@customers.test", "fatima@customers.test"),
    ("ip:2001:db8::1", "2001:db8::1"),
    ("username:gus", "gus"),
]
BACKEND_URLS = ["https://api.acme.test/api/0/orders/", "https://api.acme.test/checkout/",
                "https://api.acme.test/api/0/users/me/", "https://api.acme.test/webhooks/github/",
                "https://api.acme.test/admin/reports/", "https://api.acme.test/divide-zero/"]
FRONTEND_URLS = ["https://app.acme.test/dashboard", "https://app.acme.test/checkout",
                 "https://app.acme.test/settings/profile", "https://app.acme.test/cart",
                 "https://app.acme.test/orders/ORD-2231", "https://app.acme.test/"]
SERVER_NAMES = ["web-1.acme.internal", "web-2.acme.internal", "web-3.acme.internal", "worker-3"]

TAG_NAMES = {"browser": "Browser", "os": "OS", "environment": "Environment", "release": "Release",
             "url": "URL", "user": "User", "level": "Level", "server_name": "Server",
             "handled": "Handled", "transaction": "Transaction"}

# Which keys an issue of each kind carries (a Go worker has no browser, ...).
KEYS_BY_KIND = {
    "python_error": ["browser", "environment", "level", "os", "release", "server_name", "url", "user"],
    "python_log": ["browser", "environment", "level", "os", "release", "server_name", "url", "user"],
    "php_message": ["browser", "environment", "level", "os", "release", "server_name", "url", "user"],
    "go_error": ["environment", "level", "os", "release", "server_name"],
    "performance": ["environment", "level", "release", "transaction", "url", "user"],
    "regression": ["environment", "level", "release", "transaction"],
    "javascript_error": ["browser", "environment", "handled", "level", "os", "release", "url", "user"],
}


def _split(rng, total, parts):
    """Split `total` into at most `parts` decreasing integer counts (Zipf-like), all >= 1."""
    parts = max(1, min(parts, total))
    weights = sorted((rng.uniform(0.6, 1.4) / (rank + 1) ** 1.3 for rank in range(parts)), reverse=True)
    scale = total / sum(weights)
    counts = [max(1, int(w * scale)) for w in weights]
    counts[0] += total - sum(counts)
    if counts[0] < 1:  # rounding pushed the head below zero on tiny totals
        counts = [total]
    return counts


def _values(rng, pool, names, total, first_seen, last_seen, max_parts):
    chosen = rng.sample(pool, min(len(pool), max_parts))
    counts = _split(rng, total, len(chosen))
    window = max((last_seen - first_seen).total_seconds(), 1.0)
    values = []
    for index, (value, count) in enumerate(zip(chosen, counts)):
        if index == 0:
            first, last = first_seen, last_seen
        else:
            first = first_seen + timedelta(seconds=rng.uniform(0, window))
            last = first + timedelta(seconds=rng.uniform(0, (last_seen - first).total_seconds()))
        values.append({"value": value, "name": names.get(value, value), "count": count,
                       "firstSeen": first, "lastSeen": last})
    return values


def _browser_label(name, version):
    return f"{name} {version}" if version else name


def build_issue_tags(rng, issue, project, kind, url_override=None):
    """Return {key: {"unique": n, "total": n, "values": [...]}} for one issue."""
    count, first, last = issue["count"], issue["firstSeen"], issue["lastSeen"]
    backend = project["slug"] == "backend"
    tags = {}

    def add(key, pool, max_parts, names=None, unique=None, total=None):
        total = count if total is None else total
        values = _values(rng, pool, names or {}, total, first, last, max_parts)
        tags[key] = {"unique": unique if unique is not None else len(values),
                     "total": total, "values": values}

    for key in KEYS_BY_KIND[kind]:
        if key == "level":
            add("level", [issue["level"]], 1)
        elif key == "environment":
            add("environment", list(issue["environments"]), len(issue["environments"]))
        elif key == "release":
            versions = issue["release_versions"]
            if versions:
                add("release", versions, len(versions))
        elif key == "browser":
            add("browser", [_browser_label(*b) for b in BROWSERS], rng.randint(1, 5))
        elif key == "os":
            pool = SERVER_OSES if backend and kind != "javascript_error" else CLIENT_OSES
            add("os", [_browser_label(*o) for o in pool], rng.randint(1, len(pool)))
        elif key == "server_name":
            add("server_name", SERVER_NAMES, rng.randint(1, len(SERVER_NAMES)))
        elif key == "url":
            pool = url_override or (BACKEND_URLS if backend else FRONTEND_URLS)
            add("url", pool, rng.randint(1, min(4, len(pool))))
        elif key == "transaction":
            add("transaction", [issue["culprit"]], 1)
        elif key == "handled":
            add("handled", ["no" if issue["isUnhandled"] else "yes"], 1)
        elif key == "user" and issue["userCount"] > 0:
            names = dict(END_USERS)
            add("user", [u for u, _ in END_USERS], min(issue["userCount"], 10),
                names=names, unique=issue["userCount"])
    return tags


def sample_value(rng, tags, key):
    """Draw one value of `key` weighted by its counts (None when the issue lacks the key)."""
    entry = tags.get(key)
    if not entry or not entry["values"]:
        return None
    values = entry["values"]
    return rng.choices([v["value"] for v in values], weights=[v["count"] for v in values])[0]
