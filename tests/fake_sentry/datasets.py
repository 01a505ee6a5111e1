"""Builds the data sets (demo, small, hostile, events) as plain in-memory state.

An issue is a dict of its *state* (status, assignee, counts, times ...); the
JSON shapes are produced by serialize.py. Generation is deterministic: every
demo issue draws from its own Random seeded with its index, and all times are
offsets from the pinned "now", so the same --now and --issues give byte-identical
responses. Issue ids ("4500000001" ...) and short ids (BACKEND-1, ...) are
assigned in first-seen order, like Sentry does.
"""

import hashlib
import random
from datetime import timedelta

import catalog
import directory as dirs
import hostile
import tagstats
from timeutil import iso

FIRST_ISSUE_ID = 4500000001
FIRST_ACTIVITY_ID = 4633815464
NOTE_TEXTS = [
    "Investigating after the latest deploy.",
    "Looks like the retry logic does not back off; see the breadcrumbs.",
    "Customer reported this on the support channel too.",
    "Can't reproduce locally, needs production data.",
    "Fix is in review.",
]


def _hex(seed, length=32):
    return hashlib.md5(seed.encode("utf-8")).hexdigest()[:length]


def _release_at(project, moment):
    """Version of the newest release of `project` created before `moment` (or None)."""
    current = None
    for release in project["releases"]:
        if release["dateCreated"] <= moment:
            current = release["version"]
    return current


def _releases_between(project, first, last):
    versions = [r["version"] for r in project["releases"] if first <= r["dateCreated"] <= last]
    before = _release_at(project, first)
    return ([before] if before else []) + versions


# ---------------------------------------------------------------- state ----

def _timeline(rng, now):
    """firstSeen <= lastSeen <= now, within 90 days; many issues active recently."""
    roll = rng.random()
    if roll < 0.45:
        last_age = rng.uniform(0, 86400)
    elif roll < 0.8:
        last_age = rng.uniform(86400, 14 * 86400)
    else:
        last_age = rng.uniform(14 * 86400, 89 * 86400)
    span = (89.5 * 86400 - last_age) * rng.random() ** 2
    last_seen = (now - timedelta(seconds=last_age)).replace(microsecond=0)
    first_seen = now - timedelta(seconds=last_age + span, microseconds=rng.randint(0, 999999))
    return min(first_seen, last_seen), last_seen


def _status(rng, first_seen, now):
    """(status, substatus) consistent with Sentry's rules: "new" only within 7 days."""
    roll = rng.random()
    if roll < 0.76:
        if now - first_seen < timedelta(days=7):
            return "unresolved", ("new" if rng.random() < 0.85 else "escalating")
        return "unresolved", rng.choices(["ongoing", "regressed", "escalating"], [78, 12, 10])[0]
    if roll < 0.90:
        return "resolved", None
    return "ignored", rng.choices(["archived_until_escalating", "archived_forever",
                                   "archived_until_condition_met"], [50, 30, 20])[0]


def _priority(rng, level):
    if level == "fatal":
        return "high"
    if level == "error":
        return rng.choices(["high", "medium", "low"], [40, 50, 10])[0]
    if level == "warning":
        return rng.choices(["high", "medium", "low"], [20, 50, 30])[0]
    return rng.choices(["medium", "low"], [30, 70])[0]


def _status_details(rng, status, substatus, resolver_id, project, now):
    """statusDetails as stored; the actor is a user id, turned into a user object on output."""
    if status == "resolved":
        roll = rng.random()
        if roll < 0.2:
            return {"inNextRelease": True, "actor": resolver_id}
        if roll < 0.35:
            return {"inRelease": project["releases"][-2]["version"], "actor": resolver_id}
        if roll < 0.45:
            return {"autoResolved": True}
        return {}
    if substatus == "archived_until_escalating":
        return {"ignoreUntilEscalating": True}
    if substatus == "archived_until_condition_met":
        if rng.random() < 0.5:
            return {"ignoreCount": 100, "ignoreUntil": None, "ignoreUserCount": None,
                    "ignoreUserWindow": None, "ignoreWindow": 60, "actor": resolver_id}
        return {"ignoreCount": None, "ignoreUntil": now + timedelta(days=rng.randint(1, 20)),
                "ignoreUserCount": None, "ignoreUserWindow": None, "ignoreWindow": None,
                "actor": resolver_id}
    return {}


def _inbox(rng, status, substatus, first_seen, last_seen):
    if status != "unresolved":
        return None
    if substatus == "new":
        return {"reason": 0, "reason_details": None, "date_added": first_seen}
    if substatus == "regressed":
        return {"reason": 2, "reason_details": None, "date_added": last_seen - timedelta(minutes=5)}
    if substatus == "escalating":
        return {"reason": 5, "reason_details": None, "date_added": last_seen - timedelta(hours=1)}
    if rng.random() < 0.08:
        return {"reason": 3, "reason_details": None, "date_added": last_seen}
    return None


def _random_state(rng, variant, project, directory, now):
    first_seen, last_seen = _timeline(rng, now)
    count = max(1, int(10 ** rng.uniform(0, 6.7)))
    if count == 1:
        first_seen = last_seen  # a single event is both the first and the last
    status, substatus = _status(rng, first_seen, now)
    if substatus == "escalating":
        count = max(count, 50)  # escalation needs a spike
    no_users = variant.kind in ("go_error", "regression") and rng.random() < 0.6
    user_count = 0 if no_users else min(count, max(1, int(count * rng.uniform(0.01, 0.5))))
    actors = dirs.assignable_actors(directory, project)
    assignee = None if rng.random() < 0.45 else rng.choice(actors)
    members = dirs.project_members(directory, project)
    resolver = rng.choice(members)["id"]
    env_roll = rng.random()
    environments = (["production"] if env_roll < 0.55 else
                    ["production", "staging"] if env_roll < 0.9 else ["staging"])
    bookmarked = rng.random() < 0.08
    return {
        "level": variant.level, "status": status, "substatus": substatus,
        "statusDetails": _status_details(rng, status, substatus, resolver, project, now),
        "count": count, "userCount": user_count,
        "firstSeen": first_seen, "lastSeen": last_seen,
        "assignee": assignee, "isBookmarked": bookmarked,
        "hasSeen": rng.random() < 0.55,
        "isSubscribed": bookmarked or assignee == ("user", directory["auth_user_id"]) or rng.random() < 0.15,
        "isPublic": rng.random() < 0.03,
        "priority": _priority(rng, variant.level),
        "priorityLocked": rng.random() < 0.1,
        "numComments": rng.choices([0, 1, 2, 3, 4], [80, 10, 5, 3, 2])[0],
        "environments": environments,
        "has_release": rng.random() < 0.85,
        "inbox": _inbox(rng, status, substatus, first_seen, last_seen),
        "resolver": resolver,
    }


# ----------------------------------------------------------- assembling ----

def _event_count(issue):
    return max(1, min(issue["n_events"], issue["count"]))


def _event_stubs(rng, issue, project):
    """3-10 events per issue (never more than its count), first at firstSeen,
    last at lastSeen, attributes drawn from the issue's tag distributions."""
    n_events = _event_count(issue)
    first, last = issue["firstSeen"], issue["lastSeen"]
    window = (last - first).total_seconds()
    dates = sorted(first + timedelta(seconds=rng.uniform(0, window)) for _ in range(n_events - 2))
    dates = [first] + dates + [last] if n_events >= 2 else [last]
    tags, stubs = issue["tags"], []
    for index, date in enumerate(dates):
        stubs.append({
            "id": _hex(f"{issue['seed']}:event:{index}"),
            "trace_id": _hex(f"{issue['seed']}:trace:{index}"),
            "span_id": _hex(f"{issue['seed']}:span:{index}", 16),
            "date": date,
            "environment": tagstats.sample_value(rng, tags, "environment") or "production",
            "release": _release_at(project, date) if issue["release_versions"] else None,
            "user": tagstats.sample_value(rng, tags, "user"),
            "browser": tagstats.sample_value(rng, tags, "browser"),
            "os": tagstats.sample_value(rng, tags, "os"),
            "url": tagstats.sample_value(rng, tags, "url"),
            "server_name": tagstats.sample_value(rng, tags, "server_name"),
        })
    return stubs


def _make_issue(seed, variant, state, project, n_events, url_tags=None):
    issue = {
        "seed": seed, "variant": variant, "project_id": project["id"],
        "title": variant.title, "culprit": variant.culprit, "metadata": dict(variant.metadata),
        "logger": variant.logger, "platform": variant.platform, "type": variant.group_type,
        "issueType": variant.issue_type, "issueCategory": variant.category,
        "isUnhandled": variant.handled is False,
        "shareId": _hex(f"{seed}:share") if state["isPublic"] else None,
        "priorityLockedAt": state["lastSeen"] if state.pop("priorityLocked") else None,
        "n_events": n_events, "url_tags": url_tags,
    }
    has_release = state.pop("has_release")
    issue.update(state)
    first_release = _release_at(project, issue["firstSeen"]) if has_release else None
    issue["firstRelease"] = first_release
    issue["lastRelease"] = _release_at(project, issue["lastSeen"]) if first_release else None
    issue["release_versions"] = (_releases_between(project, issue["firstSeen"], issue["lastSeen"])
                                 if first_release else [])
    issue["escalating"] = issue["substatus"] == "escalating"
    return issue


def ensure_details(dataset, issue):
    """Tag distributions and event stubs are made on first use: they are only
    needed for the few issues a test opens, and making them for 10,000 issues
    up front would slow start-up. They come from their own seeded Random, so
    they are the same whenever they are made."""
    if "events" not in issue:
        project = dirs.project_by_id(dataset["directory"], issue["project_id"])
        rng = random.Random(f"{issue['seed']}:details")
        issue["tags"] = tagstats.build_issue_tags(rng, issue, project, issue["variant"].kind,
                                                  issue["url_tags"])
        issue["events"] = _event_stubs(rng, issue, project)
        if "shared_trace" in issue:
            issue["events"][-1]["trace_id"], issue["events"][-1]["span_id"] = issue["shared_trace"]
    return issue


def event_ids(issue):
    """The issue's event ids without making its details (for event-id look-ups)."""
    if "events" in issue:
        return [stub["id"] for stub in issue["events"]]
    return [_hex(f"{issue['seed']}:event:{k}") for k in range(_event_count(issue))]


def trace_ids(issue):
    """The trace id of each of the issue's events, without making its details."""
    if "events" in issue:
        return [stub["trace_id"] for stub in issue["events"]]
    ids = [_hex(f"{issue['seed']}:trace:{k}") for k in range(_event_count(issue))]
    if "shared_trace" in issue:
        ids[-1] = issue["shared_trace"][0]
    return ids


def _activity(rng, issue, directory, now, next_id):
    """Activity as stored (newest first); user ids become user objects on output."""
    items = [{"type": "first_seen", "data": {"priority": issue["priority"]},
              "date": issue["firstSeen"], "user_id": None, "id": "0"}]
    first, last = issue["firstSeen"], issue["lastSeen"]
    if issue["substatus"] != "new" and now - first > timedelta(days=7):
        items.append({"type": "auto_set_ongoing", "data": {"after_days": 7},
                      "date": first + timedelta(days=7), "user_id": None})
    if issue["substatus"] == "regressed":
        items.append({"type": "set_regression", "data": {"version": issue["lastRelease"] or ""},
                      "date": last - timedelta(minutes=5), "user_id": None})
    if issue["substatus"] == "escalating":
        items.append({"type": "set_escalating", "data": {"forecast": 120},
                      "date": last - timedelta(hours=1), "user_id": None})
    members = [p for p in directory["people"] if not p["pending"]]
    for _ in range(issue["numComments"]):
        author = rng.choice(members)
        items.append({"type": "note", "data": {"text": rng.choice(NOTE_TEXTS)},
                      "date": first + (last - first) * rng.random(), "user_id": author["id"]})
    if issue["assignee"]:
        kind, actor_id = issue["assignee"]
        person = dirs.person_by_id(directory, actor_id) if kind == "user" else None
        items.append({"type": "assigned",
                      "data": {"assignee": actor_id, "assigneeType": kind,
                               "assigneeEmail": person["email"] if person else None},
                      "date": first + (last - first) * 0.5, "user_id": issue["resolver"]})
    if issue["status"] == "resolved":
        details = issue["statusDetails"]
        kind = "set_resolved_in_release" if "inRelease" in details or "inNextRelease" in details else "set_resolved"
        data = {"version": details.get("inRelease", "")} if kind != "set_resolved" else {}
        items.append({"type": kind, "data": data, "date": min(now, last + timedelta(hours=2)),
                      "user_id": None if details.get("autoResolved") else issue["resolver"]})
    if issue["status"] == "ignored":
        data = {k: (iso(v) if k == "ignoreUntil" else v)
                for k, v in issue["statusDetails"].items() if k != "actor" and v is not None}
        items.append({"type": "set_ignored", "data": data,
                      "date": min(now, last + timedelta(hours=1)), "user_id": issue["resolver"]})
    items.sort(key=lambda item: item["date"], reverse=True)
    for item in items:
        if "id" not in item:
            item["id"] = str(next_id())
    return items


def _finish(issues, directory, now, rng):
    """Assign ids in first-seen order, short ids per project, activity."""
    issues.sort(key=lambda issue: (issue["firstSeen"], issue["seed"]))
    short_counters = {}
    activity_counter = iter(range(FIRST_ACTIVITY_ID, FIRST_ACTIVITY_ID + 10 ** 9))
    for index, issue in enumerate(issues):
        issue["id"] = str(FIRST_ISSUE_ID + index)
        short_counters[issue["project_id"]] = short_counters.get(issue["project_id"], 0) + 1
        issue["short_num"] = short_counters[issue["project_id"]]
        issue["activity"] = _activity(rng, issue, directory, now, lambda: next(activity_counter))
        issue["seen_by"] = [directory["auth_user_id"]] if issue["hasSeen"] else []
        del issue["resolver"]
    return issues


def _demo_issues(count, directory, now):
    issues, seen = [], set()
    for index in range(count):
        seed = f"demo:{index}"
        rng = random.Random(seed)
        variant = catalog.random_variant(rng)
        for _ in range(2):  # prefer distinct (title, culprit) pairs, as Sentry groups them
            if (variant.title, variant.culprit) not in seen:
                break
            variant = catalog.random_variant(rng)
        seen.add((variant.title, variant.culprit))
        project = dirs.project_by_slug_or_id(directory, variant.project)
        state = _random_state(rng, variant, project, directory, now)
        issues.append(_make_issue(seed, variant, state, project, rng.randint(3, 10)))
    issues = _finish(issues, directory, now, random.Random("demo:activity"))
    _share_a_trace(issues)
    return issues


# The N+1 fixture's spans keep their ids; the error happened inside this query.
N_PLUS_ONE_ERROR_SPAN = "span002"


def _share_a_trace(issues):
    """An error and a transaction in one trace, as on a Sentry org that samples
    transactions: the latest event of the first backend error issue happened inside
    a query of the first N+1 issue's latest transaction (trace view, `t`)."""
    perf = next((i for i in issues if i["issueType"] == "performance_n_plus_one_db_queries"
                 and i["variant"].project == "backend"), None)
    error = next((i for i in issues if i["type"] == "error" and i["variant"].project == "backend"
                  and i["variant"].kind == "python_error"), None)
    if perf is None or error is None:
        return
    error["shared_trace"] = (trace_ids(perf)[-1], N_PLUS_ONE_ERROR_SPAN)


def _fixed_state(directory, now, first_age, last_age, count, users, level, **extra):
    state = {
        "level": level, "status": "unresolved", "substatus": "ongoing", "statusDetails": {},
        "count": count, "userCount": users,
        "firstSeen": now - first_age, "lastSeen": now - last_age,
        "assignee": None, "isBookmarked": False, "hasSeen": False, "isSubscribed": False,
        "isPublic": False, "priority": "high" if level == "fatal" else "medium",
        "priorityLocked": False, "numComments": 0, "environments": ["production"],
        "has_release": True, "inbox": None, "resolver": directory["auth_user_id"],
    }
    state.update(extra)
    return state


def _small_issues(directory, now):
    """Three issues, one per level (error, warning, fatal), both projects."""
    rng = random.Random("small")
    backend = dirs.project_by_slug_or_id(directory, "backend")
    frontend = dirs.project_by_slug_or_id(directory, "frontend")
    py = catalog.Variant(
        kind="python_error", project="backend", platform="python", event_fixture=catalog.PY_EVENT,
        group_type="error", issue_type="error", category="error",
        title="ZeroDivisionError: division by zero", culprit="billing.invoices in compute_tax",
        metadata={"type": "ZeroDivisionError", "value": "division by zero",
                  "filename": "billing/invoices.py", "function": "compute_tax"},
        level="error", exc_type="ZeroDivisionError", exc_value="division by zero",
        module="billing.invoices", function="compute_tax", filename="billing/invoices.py", handled=False)
    js = catalog.Variant(
        kind="javascript_error", project="frontend", platform="javascript",
        event_fixture=catalog.JS_BREADCRUMB_EVENT, group_type="error", issue_type="error", category="error",
        title="Error: ResizeObserver loop completed with undelivered notifications.",
        culprit="Grid.measure(src/layout/Grid)",
        metadata={"type": "Error", "value": "ResizeObserver loop completed with undelivered notifications.",
                  "filename": "/static/js/vendors.e1d7.js", "function": "Grid.measure"},
        level="warning", exc_type="Error",
        exc_value="ResizeObserver loop completed with undelivered notifications.",
        module="src/layout/Grid", function="Grid.measure", filename="/static/js/vendors.e1d7.js", handled=True)
    go = catalog.Variant(
        kind="go_error", project="backend", platform="go", event_fixture=catalog.GO_EVENT,
        group_type="error", issue_type="error", category="error",
        title="runtime.Error: runtime error: invalid memory address or nil pointer dereference",
        culprit="worker in (*Pool).process",
        metadata={"type": "runtime.Error",
                  "value": "runtime error: invalid memory address or nil pointer dereference",
                  "filename": "worker/pool.go", "function": "(*Pool).process"},
        level="fatal", exc_type="runtime.Error",
        exc_value="runtime error: invalid memory address or nil pointer dereference",
        module="worker", function="(*Pool).process", filename="worker/pool.go", handled=False)
    specs = [
        (py, backend, _fixed_state(directory, now, timedelta(days=12), timedelta(minutes=7), 1532, 210,
                                   "error", assignee=("user", directory["auth_user_id"]))),
        (js, frontend, _fixed_state(directory, now, timedelta(days=3), timedelta(hours=2), 87, 41,
                                    "warning", substatus="new",
                                    inbox={"reason": 0, "reason_details": None,
                                           "date_added": now - timedelta(days=3)})),
        (go, backend, _fixed_state(directory, now, timedelta(days=30), timedelta(hours=26), 4,
                                   0, "fatal", isBookmarked=True)),
    ]
    issues = [_make_issue(f"small:{i}", variant, state, project, 5)
              for i, (variant, project, state) in enumerate(specs)]
    return _finish(issues, directory, now, rng)


def _hostile_issues(directory, now):
    rng = random.Random("hostile")
    issues = []
    for index, (variant, overrides) in enumerate(hostile.hostile_issue_specs()):
        project = dirs.project_by_slug_or_id(directory, variant.project)
        url_tags = overrides.pop("url_tags", None)
        state = _fixed_state(directory, now, timedelta(days=10 - index), timedelta(minutes=10 * index + 1),
                             100 + index, 10 + index, "error")
        state.update(overrides)
        variant.level = state["level"]
        issues.append(_make_issue(f"hostile:{index}", variant, state, project, 3, url_tags))
    return _finish(issues, directory, now, rng)


def _events_issues(directory, now):
    """One issue per event shape (eventshapes.py); events and tags are prebuilt."""
    import eventshapes  # only this data set pays for building the event bodies
    issues = []
    for spec in eventshapes.issue_specs(directory, now):
        variant, stubs, wanted = spec["variant"], spec["stubs"], dict(spec["state"])
        project = dirs.project_by_slug_or_id(directory, variant.project)
        extra = {key: wanted[key] for key in ("substatus", "environments", "has_release") if key in wanted}
        if extra.get("substatus") == "new":
            extra["inbox"] = {"reason": 0, "reason_details": None, "date_added": stubs[0]["date"]}
        state = _fixed_state(directory, now, now - stubs[0]["date"], now - stubs[-1]["date"],
                             wanted["count"], spec["userCount"], wanted["level"], **extra)
        issue = _make_issue(f"events:{spec['slug']}", variant, state, project, len(stubs))
        issue["tags"] = spec["tags"]
        issue["events"] = stubs
        issues.append(issue)
    return _finish(issues, directory, now, random.Random("events"))


def build_dataset(name, org_slug, now, issue_count, releases=None):
    directory = dirs.build_directory(org_slug, now, hostile=(name == "hostile"), releases=releases)
    if name == "small":
        issues = _small_issues(directory, now)
    elif name == "hostile":
        issues = _hostile_issues(directory, now)
    elif name == "events":
        issues = _events_issues(directory, now)
    else:
        issues = _demo_issues(issue_count, directory, now)
    return {"name": name, "now": now, "directory": directory, "issues": issues,
            # ids for activity created by mutations; far above the generated ones
            "activity_seq": FIRST_ACTIVITY_ID + 10 ** 6}
