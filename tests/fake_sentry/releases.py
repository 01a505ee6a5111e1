"""Releases and deploys, derived from the projects' releases and the issues seen in them.

Shapes follow openapi.org-releases.json (list), openapi.release-detail.json
(detail) and the `lastDeploy` object of the latter (deploys). Each release was
deployed twice: to staging 10 minutes after it was created, then to production
when it was released (`dateReleased`), so `deployCount` is 2 and `lastDeploy` is
the production deploy. No repositories are connected: no commits, no authors.
Sentry reads `health` and `adoptionStages` only when they are "1" (a `true`
is ignored); the health figures come from the session model below. Counts come from the issues: `newGroups` = issues whose first release it is;
`firstEvent`/`lastEvent` = the first and last moment an issue was seen while the
release was current (null when no issue saw it).
"""

from datetime import timedelta

from timeutil import iso

STAGING_DELAY = timedelta(minutes=10)


def release_id(project, version):
    """Integer id (releases use integers, unlike issues): stable per project and version."""
    index = next(k for k, r in enumerate(project["releases"]) if r["version"] == version)
    return 1402755000 + index + 100 * int(project["id"])


def find(directory, version):
    """(project, release) for a version, or (None, None)."""
    for project in directory["projects"]:
        for release in project["releases"]:
            if release["version"] == version:
                return project, release
    return None, None


def _version_info(version):
    package, _, raw = version.rpartition("@")
    parts = raw.split(".")
    numbers = [int(p) for p in parts] if all(p.isdigit() for p in parts) and len(parts) == 3 else None
    semver = {"raw": raw}
    if numbers:
        semver.update({"major": numbers[0], "minor": numbers[1], "patch": numbers[2],
                       "pre": None, "buildCode": None, "components": 3})
    return {"package": package or None, "version": semver, "description": raw, "buildHash": None}


def _current_until(project, release, now):
    """When the next release of the project replaced this one (or now)."""
    later = [r["dateCreated"] for r in project["releases"] if r["dateCreated"] > release["dateCreated"]]
    return min(later) if later else now


def _activity(dataset, project, release):
    version = release["version"]
    issues = [i for i in dataset["issues"]
              if i["project_id"] == project["id"] and version in i["release_versions"]]
    new_groups = sum(1 for i in issues if i["firstRelease"] == version)
    until = _current_until(project, release, dataset["now"])
    starts = [max(i["firstSeen"], release["dateReleased"]) for i in issues]
    ends = [min(i["lastSeen"], until) for i in issues]
    return new_groups, (min(starts) if starts else None), (max(ends) if ends else None)


def deploys(project, release):
    """Newest first, like Sentry's ReleaseDeploysEndpoint (ordered by -date_finished)."""
    staging = release["dateCreated"] + STAGING_DELAY
    production = release["dateReleased"]
    version = release["version"]
    base = release_id(project, version) * 10
    return [
        {"id": str(base + 2), "environment": "production", "dateStarted": iso(production - timedelta(minutes=3), "us"),
         "dateFinished": iso(production, "us"), "name": f"{version} to production", "url": None},
        {"id": str(base + 1), "environment": "staging", "dateStarted": iso(staging - timedelta(minutes=2), "us"),
         "dateFinished": iso(staging, "us"), "name": f"{version} to staging", "url": None},
    ]


def release_json(dataset, project, version, health=False, adoption_stages=False, periods=None):
    release = next(r for r in project["releases"] if r["version"] == version)
    new_groups, first_event, last_event = _activity(dataset, project, release)
    project_json = {"id": int(project["id"]), "slug": project["slug"], "name": project["name"],
                    "newGroups": new_groups, "platform": project["platform"],
                    "platforms": [project["platform"]]}
    project_json["hasHealthData"] = has_sessions(project, release)
    if health:
        project_json["healthData"] = health_data(project, release, dataset["now"], *(periods or
                                                 ((336, "14d"), (24, "24h"))))
    return {
        "id": release_id(project, version), "version": version,
        "shortVersion": version, "status": "open",  # as in every release fixture
        "versionInfo": _version_info(version), "ref": None, "url": None,
        "dateReleased": iso(release["dateReleased"], "us"), "dateCreated": iso(release["dateCreated"], "us"),
        "data": {}, "newGroups": new_groups, "owner": None, "commitCount": 0, "lastCommit": None,
        "deployCount": 2, "lastDeploy": deploys(project, release)[0], "authors": [],
        "projects": [project_json],
        "firstEvent": iso(first_event) if first_event else None,
        "lastEvent": iso(last_event) if last_event else None,
        "currentProjectMeta": {}, "userAgent": None,
        **({"adoptionStages": {project["slug"]: {"stage": "low_adoption", "adopted": None, "unadopted": None}}}
           if adoption_stages else {}),  # no sessions: the release-detail fixture's values
    }


def listing(dataset, projects, text, status):
    """Releases of `projects`, newest first (sort=date), version containing `text`."""
    if status == "archived":
        return []  # nothing is ever archived in the fake
    found = [(p, r) for p in projects for r in p["releases"] if text.lower() in r["version"].lower()]
    found.sort(key=lambda pr: (pr[1]["dateCreated"], pr[1]["version"]), reverse=True)
    return found


# ------------------------------------------------------------ sessions ----
#
# Release health (docs/sentry-api.md §10) from a session model: each project has a
# steady flow of sessions (more by day than by night); a new release takes them over
# from the one before within two days of its release; every release crashes, errors
# and ends abnormally at its own rate. The oldest release of each project predates
# session tracking (no session data); backend@2.17.0 is a bad release (4.5 % of its
# sessions crash) and frontend@5.11.0 a mediocre one.

import math  # noqa: E402

HOUR = timedelta(hours=1)
STATS_PERIODS = {"1h": 1, "24h": 24, "1d": 24, "48h": 48, "2d": 48, "7d": 168, "14d": 336,
                 "30d": 720, "90d": 2160}
SESSIONS_PER_HOUR = {"backend": 300, "frontend": 800}
RATES = {"backend@2.17.0": (0.045, 0.06, 0.004), "frontend@5.11.0": (0.018, 0.04, 0.002)}
DEFAULT_RATES = (0.002, 0.02, 0.0005)   # crashed, errored (not crashed), abnormal
SESSIONS_PER_USER = 3.2
ADOPTION_HOURS = 48
SESSION_SORTS = {"adoption", "crash_free_sessions", "crash_free_users", "sessions", "users",
                 "sessions_24h", "users_24h"}
FLATTEN_REQUIRED = "sorting by crash statistics requires flattening (flatten=1)"


class HealthError(Exception):
    pass


def has_sessions(project, release):
    return release is not project["releases"][0]


def _share(project, index, moment):
    """The part of the project's sessions running release `index` at `moment`."""
    def ramp(k):
        if k >= len(project["releases"]):
            return 0.0
        since = (moment - project["releases"][k]["dateReleased"]).total_seconds() / 3600
        return min(1.0, max(0.0, since / ADOPTION_HOURS))
    return max(0.0, ramp(index) - ramp(index + 1)) if index else 0.0


def _hour_counts(project, index, moment):
    """(sessions, crashed, errored, abnormal) of release `index` in the hour from `moment`."""
    base = SESSIONS_PER_HOUR.get(project["slug"], 200)
    cycle = 1 + 0.5 * math.sin(2 * math.pi * (moment.hour - 9) / 24)
    sessions = int(round(base * cycle * _share(project, index, moment)))
    crash, error, abnormal = RATES.get(project["releases"][index]["version"], DEFAULT_RATES)
    wobble = 1 + 0.3 * math.sin(moment.timestamp() / 7200.0 + index)
    crashed = int(round(sessions * crash * wobble))
    errored = int(round(sessions * error * wobble))
    abnormal_n = int(round(sessions * abnormal))
    return sessions, crashed, errored, abnormal_n


def _hours(now, hours):
    end = now.replace(minute=0, second=0, microsecond=0)
    return [end - HOUR * (hours - k) for k in range(hours)]


def _period_hours(name, text, default):
    text = text or default
    if text not in STATS_PERIODS:
        raise HealthError(f"{name} must be one of: {', '.join(STATS_PERIODS)}")
    return STATS_PERIODS[text], text


_PROJECT_DAY = {}


def _project_sessions_24h(project, now):
    """Sessions of all the project's releases in the last 24 h (the same for each of its
    releases: computed once, which matters with --releases 1000)."""
    key = (project["id"], now, len(project["releases"]))
    if key not in _PROJECT_DAY:
        _PROJECT_DAY[key] = sum(_hour_counts(project, k, h)[0] for k in range(len(project["releases"]))
                                for h in _hours(now, 24))
    return _PROJECT_DAY[key]


def health_data(project, release, now, summary_period, health_period):
    index = project["releases"].index(release)
    if not has_sessions(project, release):
        return {"durationP50": None, "durationP90": None, "crashFreeUsers": None,
                "crashFreeSessions": None, "sessionsCrashed": 0, "sessionsErrored": 0,
                "totalUsers": 0, "totalUsers24h": 0, "totalProjectUsers24h": None,
                "totalSessions": 0, "totalSessions24h": 0, "totalProjectSessions24h": None,
                "adoption": None, "sessionsAdoption": None, "stats": {health_period[1]: []},
                "hasHealthData": False}
    summary = [_hour_counts(project, index, h) for h in _hours(now, summary_period[0])]
    total = sum(c[0] for c in summary)
    crashed = sum(c[1] for c in summary)
    errored = sum(c[2] for c in summary)
    day = [_hour_counts(project, index, h) for h in _hours(now, 24)]
    day_total = sum(c[0] for c in day)
    project_day = _project_sessions_24h(project, now)
    users = int(total / SESSIONS_PER_USER)
    crash_rate = crashed / total if total else None
    bucket_hours = 1 if health_period[0] <= 48 else 24
    hours = _hours(now, health_period[0])
    stats = []
    for k in range(0, len(hours), bucket_hours):
        chunk = hours[k:k + bucket_hours]
        stats.append([int(chunk[0].timestamp()), sum(_hour_counts(project, index, h)[0] for h in chunk)])
    return {
        "durationP50": 212.0, "durationP90": 1830.0,
        "crashFreeSessions": round(100 - crash_rate * 100, 4) if total else None,
        "crashFreeUsers": round(100 - min(1.0, crash_rate * 1.6) * 100, 4) if total else None,
        "sessionsCrashed": crashed, "sessionsErrored": errored,
        "totalSessions": total, "totalSessions24h": day_total,
        "totalProjectSessions24h": project_day,
        "totalUsers": users, "totalUsers24h": int(day_total / SESSIONS_PER_USER),
        "totalProjectUsers24h": int(project_day / SESSIONS_PER_USER),
        "adoption": round(day_total / project_day * 100, 4) if project_day else None,
        "sessionsAdoption": round(day_total / project_day * 100, 4) if project_day else None,
        "stats": {health_period[1]: stats}, "hasHealthData": True,
    }


def health_params(params):
    """(summary, health) periods as (hours, name); raises HealthError for Sentry's 400s."""
    def last(key):
        return (params.get(key) or [None])[-1]
    summary = _period_hours("summaryStatsPeriod", last("summaryStatsPeriod"), "14d")
    health = _period_hours("healthStatsPeriod", last("healthStatsPeriod"), "24h")
    return summary, health


def sort_releases(found, sort, flatten, now, periods):
    """found: (project, release) pairs newest first; the order Sentry's sort gives."""
    if sort in (None, "", "date"):
        return found
    if sort not in SESSION_SORTS:
        raise HealthError(f"invalid sort: {sort}")
    if not flatten:
        raise HealthError(FLATTEN_REQUIRED)
    def key(pr):
        project, release = pr
        data = health_data(project, release, now, *periods)
        value = {"adoption": data["adoption"], "crash_free_sessions": data["crashFreeSessions"],
                 "crash_free_users": data["crashFreeUsers"], "sessions": data["totalSessions"],
                 "users": data["totalUsers"], "sessions_24h": data["totalSessions24h"],
                 "users_24h": data["totalUsers24h"]}[sort]
        return (value is not None, value or 0)
    return sorted(found, key=key, reverse=True)


def _interval_hours(text):
    unit = {"h": 1, "d": 24}.get((text or "")[-1:])
    if not unit or not text[:-1].isdigit() or int(text[:-1]) <= 0:
        raise HealthError("The interval has to be a multiple of the minimum interval of one hour.")
    hours = int(text[:-1]) * unit
    if 24 % hours and hours % 24:
        raise HealthError("The interval should divide one day without a remainder.")
    return hours


def sessions_json(directory, projects, params, now):
    """GET organizations/{org}/sessions/ grouped by session.status (§10)."""
    def last(key, default=None):
        return (params.get(key) or [default])[-1]
    fields = params.get("field") or []
    if not fields:
        raise HealthError('Request is missing a "field"')
    for field in fields:
        if field not in ("sum(session)", "count_unique(user)"):
            raise HealthError(f'Invalid field: "{field}"')
    group_by = params.get("groupBy") or []
    if any(g not in ("session.status", "project", "release", "environment") for g in group_by):
        raise HealthError(f'Invalid groupBy: "{group_by}"')
    hours_total, period = _period_hours("statsPeriod", last("statsPeriod"), "24h")
    interval = _interval_hours(last("interval", "1h"))
    if hours_total // interval > 10000:
        raise HealthError("Your interval and date range would create too many results. "
                          "Use a larger interval, or a smaller date range.")
    version = None
    query = (last("query") or "").strip()
    if query:
        key, _, value = query.partition(":")
        if key != "release" or not value:
            raise HealthError(f'Invalid query: "{query}"')
        version = value[1:-1].replace('\\"', '"') if value.startswith('"') else value
    hours = _hours(now, hours_total)
    buckets = [hours[k:k + interval] for k in range(0, len(hours), interval)]
    statuses = ["healthy", "errored", "crashed", "abnormal"]
    series = {s: [0] * len(buckets) for s in statuses}
    for project in projects:
        for index, release in enumerate(project["releases"]):
            if version is not None and release["version"] != version:
                continue
            if not has_sessions(project, release):
                continue
            for b, chunk in enumerate(buckets):
                for h in chunk:
                    sessions, crashed, errored, abnormal = _hour_counts(project, index, h)
                    series["crashed"][b] += crashed
                    series["errored"][b] += errored
                    series["abnormal"][b] += abnormal
                    series["healthy"][b] += max(0, sessions - crashed - errored - abnormal)
    field = fields[0]
    def scale(n):
        return int(n / SESSIONS_PER_USER) if field == "count_unique(user)" else n
    groups = [{"by": {"session.status": s} if "session.status" in group_by else {},
               "totals": {field: scale(sum(series[s]))},
               "series": {field: [scale(n) for n in series[s]]}} for s in statuses]
    if "session.status" not in group_by:
        merged = [sum(series[s][b] for s in statuses) for b in range(len(buckets))]
        groups = [{"by": {}, "totals": {field: scale(sum(merged))}, "series": {field: [scale(n) for n in merged]}}]
    return {"start": iso(hours[0]), "end": iso(hours[-1] + HOUR),
            "intervals": [iso(chunk[0]) for chunk in buckets], "groups": groups, "query": query}
