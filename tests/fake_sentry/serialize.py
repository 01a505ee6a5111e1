"""Issue, user, member, team, project and org JSON in Sentry's shapes.

Shapes follow the fixtures: the list item mirrors api/openapi.org-issues-list.json
(every key present), the detail mirrors api/openapi.issue-detail.json plus the
extra keys seen in api/sentry-mcp.issue-detail.json.
"""

import copy
import hashlib
import math
from datetime import timedelta

import directory as dirs
from base32 import encode as base32_encode
from fixtures import api
from tagstats import TAG_NAMES
from timeutil import epoch, floor_to, iso

HOUR = 3600
DAY = 86400

_PROJECT_TEMPLATE = api("openapi.org-projects.json")[0]
_TEAM_TEMPLATE = api("openapi.org-teams.json")[1]
_MEMBER_TEMPLATE = api("openapi.org-members.json")[0]
_ORG_TEMPLATE = api("openapi.organizations.json")[0]
_ISSUE_TEMPLATE = api("openapi.org-issues-list.json")[0]


class View:
    """What every serializer needs: the data set and the base URL the client used."""

    def __init__(self, dataset, base_url, global_views=True):
        self.dataset = dataset
        self.directory = dataset["directory"]
        self.now = dataset["now"]
        self.base_url = base_url
        self.global_views = global_views

    @property
    def org_slug(self):
        return self.directory["org"]["slug"]


# ------------------------------------------------------------ people ----

def _avatar_url(email):
    digest = hashlib.md5((email or "").encode("utf-8")).hexdigest()
    return f"https://secure.gravatar.com/avatar/{digest}?s=32&d=mm"


def user_json(person, now):
    """A user in the shape of openapi.org-members.json's `user`."""
    joined = now - timedelta(days=person["joined_days_ago"])
    return {
        "id": person["id"], "name": person["name"], "username": person["username"],
        "email": person["email"], "avatarUrl": _avatar_url(person["email"]),
        "isActive": True, "isSuspended": False, "hasPasswordAuth": True, "isManaged": False,
        "dateJoined": iso(joined, "us"), "lastLogin": iso(now - timedelta(hours=5), "us"),
        "has2fa": False, "lastActive": iso(now - timedelta(minutes=40), "us"),
        "isSuperuser": False, "isStaff": False, "experiments": {},
        "emails": [{"id": str(int(person["member_id"]) % 10 ** 10), "email": person["email"],
                    "is_verified": True}],
        "avatar": {"avatarType": "letter_avatar", "avatarUuid": None},
        "canReset2fa": True,
    }


def user_json_by_id(view, user_id):
    person = dirs.person_by_id(view.directory, user_id)
    return user_json(person, view.now) if person else None


def auth_user_json(view):
    """GET /api/0/auth/: sentry-mcp.auth-user.json, unchanged except that the same
    person is a member of the org (its id/e-mail match the member list)."""
    user = api("sentry-mcp.auth-user.json")
    person = dirs.person_by_id(view.directory, view.directory["auth_user_id"])
    user.update({"id": person["id"], "name": person["name"], "email": person["email"],
                 "username": person["username"]})
    return user


def actor_json(view, assignee):
    if not assignee:
        return None
    kind, actor_id = assignee
    if kind == "team":
        team = dirs.team_by_id(view.directory, actor_id)
        return {"type": "team", "id": team["id"], "name": team["slug"]}
    person = dirs.person_by_id(view.directory, actor_id)
    return {"type": "user", "id": person["id"], "name": person["name"], "email": person["email"]}


def member_json(view, person):
    member = copy.deepcopy(_MEMBER_TEMPLATE)
    joined = view.now - timedelta(days=person["joined_days_ago"])
    member.update({
        "id": person["member_id"], "email": person["email"], "name": person["name"],
        "user": None if person["pending"] else user_json(person, view.now),
        "orgRole": person["role"], "pending": person["pending"], "expired": False,
        "dateCreated": iso(joined, "us"),
        "inviteStatus": "pending" if person["pending"] else "approved",
        "inviterName": "test@example.com",
    })
    return member


# ---------------------------------------------------- projects / teams ----

def project_summary_json(project):
    return {"id": project["id"], "name": project["name"], "slug": project["slug"],
            "platform": project["platform"]}


def project_json(view, project):
    result = copy.deepcopy(_PROJECT_TEMPLATE)
    teams = [dirs.team_by_id(view.directory, t) for t in project["team_ids"]]
    team_refs = [{"id": t["id"], "name": t["name"], "slug": t["slug"]} for t in teams]
    latest = project["releases"][-1]
    me = dirs.person_by_id(view.directory, view.directory["auth_user_id"])
    result.update({
        "slug": project["slug"], "name": project["name"], "id": project["id"],
        "dateCreated": iso(project["dateCreated"], "ms"),
        "firstEvent": iso(project["firstEvent"], "us"),
        "isMember": bool(set(me["teams"]) & set(project["team_ids"])),
        "platform": project["platform"], "platforms": [project["platform"]],
        "team": team_refs[0] if team_refs else None, "teams": team_refs,
        "environments": list(project["environments"]),
        "access": ["event:read", "event:write", "event:admin", "project:read",
                   "member:read", "team:read", "org:read"],
        "latestRelease": {"version": latest["version"]},
    })
    return result


def team_json(view, team, detailed=True):
    result = copy.deepcopy(_TEAM_TEMPLATE)
    members = [p for p in view.directory["people"] if team["id"] in p["teams"]]
    me = view.directory["auth_user_id"]
    result.update({
        "id": team["id"], "slug": team["slug"], "name": team["name"],
        "isMember": any(p["id"] == me for p in members), "memberCount": len(members),
        "teamRole": "admin" if any(p["id"] == me for p in members) else None,
    })
    if detailed:
        result["projects"] = [project_json(view, dirs.project_by_id(view.directory, pid))
                              for pid in team["project_ids"]]
    else:
        result.pop("projects", None)
    return result


def org_json(view):
    result = copy.deepcopy(_ORG_TEMPLATE)
    org = view.directory["org"]
    features = list(result["features"])
    if view.global_views:
        features.append("global-views")
    result.update({
        "id": org["id"], "slug": org["slug"], "name": org["name"],
        "dateCreated": iso(org["dateCreated"], "ms"), "features": features,
        # Point both links at this server so a client that follows regionUrl stays here.
        "links": {"organizationUrl": view.base_url, "regionUrl": view.base_url},
    })
    return result


def release_ref_json(project, version):
    """The short release object of an issue's firstRelease/lastRelease."""
    if not version:
        return None
    release = next(r for r in project["releases"] if r["version"] == version)
    return {"version": version, "shortVersion": version.split("@", 1)[-1],
            "dateCreated": iso(release["dateCreated"], "ms"),
            "dateReleased": iso(release["dateReleased"], "ms"), "ref": None, "url": None}


# ------------------------------------------------------------- stats ----

def _unit_noise(*parts):
    digest = hashlib.md5(":".join(str(p) for p in parts).encode()).hexdigest()
    return int(digest[:8], 16) / 0xFFFFFFFF


def _bucket_count(issue, start, size, now):
    first, last = issue["firstSeen"], issue["lastSeen"]
    end = start + timedelta(seconds=size)
    overlap = (min(end, last + timedelta(seconds=1)) - max(start, first)).total_seconds()
    if overlap <= 0:
        return 0
    lifetime = max((last - first).total_seconds(), HOUR)
    expected = issue["count"] / lifetime * overlap
    if issue.get("escalating") and start >= now - timedelta(hours=6):
        expected *= 4
    value = int(expected * (0.4 + 1.2 * _unit_noise(issue["seed"], epoch(start), size)) + 0.5)
    if start <= last < end:
        value = max(value, 1)  # the bucket of the last event always shows it
    return value


def _at_most(issue, counts, starts, size):
    """The buckets scaled down when they add up to more events than the issue has: a
    real series never does (its 30 days or 24 hours are part of `count`)."""
    total = sum(counts)
    if total <= issue["count"]:
        return counts
    factor = issue["count"] / total
    exact = [n * factor for n in counts]
    scaled = [int(x) for x in exact]
    # Largest remainders first, so the buckets add up to the issue's count exactly.
    by_remainder = sorted(range(len(exact)), key=lambda k: exact[k] - scaled[k], reverse=True)
    for k in by_remainder[:issue["count"] - sum(scaled)]:
        scaled[k] += 1
    last = issue["lastSeen"]
    for k, start in enumerate(starts):
        if start <= last < start + timedelta(seconds=size) and scaled[k] == 0 and issue["count"]:
            scaled[k] = 1  # the bucket of the last event still shows it
            if sum(scaled) > issue["count"]:
                scaled[scaled.index(max(scaled))] -= 1
    return scaled


_BUCKETS_CACHE = {}
_BUCKETS_CACHE_SIZE = 100000


def buckets(issue, now, size, count):
    """`count` buckets of `size` seconds, the last one containing `now`.

    Remembered by everything they are computed from (an md5 per bucket makes them
    most of an issue row's cost), so a changed issue simply misses the cache."""
    key = (issue["seed"], issue["count"], issue["firstSeen"], issue["lastSeen"],
           bool(issue.get("escalating")), now, size, count)
    cached = _BUCKETS_CACHE.get(key)
    if cached is None:
        last_start = floor_to(now, size)
        starts = [last_start - timedelta(seconds=size * k) for k in range(count - 1, -1, -1)]
        counts = _at_most(issue, [_bucket_count(issue, s, size, now) for s in starts], starts, size)
        cached = [(epoch(s), n) for s, n in zip(starts, counts)]
        if len(_BUCKETS_CACHE) >= _BUCKETS_CACHE_SIZE:
            _BUCKETS_CACHE.clear()
        _BUCKETS_CACHE[key] = cached
    return [list(pair) for pair in cached]


def auto_bucket_spec(span_seconds):
    """Sentry's 'auto' stats: hourly for short windows, daily otherwise."""
    if span_seconds <= 2 * DAY:
        return HOUR, max(1, math.ceil(span_seconds / HOUR))
    return DAY, min(90, max(1, math.ceil(span_seconds / DAY)))


def stats_json(issue, now, stats_period, window_seconds):
    if stats_period == "24h":
        return {"24h": buckets(issue, now, HOUR, 24)}
    if stats_period == "14d":
        return {"14d": buckets(issue, now, DAY, 14)}
    size, count = auto_bucket_spec(window_seconds)
    return {"auto": buckets(issue, now, size, count)}


# ------------------------------------------------------------- issues ----

def short_id(view, issue):
    project = dirs.project_by_id(view.directory, issue["project_id"])
    return f"{project['slug'].upper()}-{base32_encode(issue['short_num'])}"


def status_details_json(view, details):
    result = {}
    for key, value in details.items():
        if key == "actor":
            result[key] = user_json_by_id(view, value) if value else None
        elif key == "ignoreUntil" and value is not None:
            result[key] = iso(value)
        else:
            result[key] = value
    return result


def inbox_json(inbox):
    if not inbox:
        return None
    return {"reason": inbox["reason"], "reason_details": inbox["reason_details"],
            "date_added": iso(inbox["date_added"], "us")}


def permalink(view, issue):
    return f"{view.base_url}/organizations/{view.org_slug}/issues/{issue['id']}/"


def issue_base_json(view, issue):
    """Sentry's GroupSerializer output: what single-issue PUT returns."""
    project = dirs.project_by_id(view.directory, issue["project_id"])
    return {
        "id": issue["id"], "shareId": issue["shareId"], "shortId": short_id(view, issue),
        "title": issue["title"], "culprit": issue["culprit"], "permalink": permalink(view, issue),
        "logger": issue["logger"], "level": issue["level"], "status": issue["status"],
        "statusDetails": status_details_json(view, issue["statusDetails"]),
        "substatus": issue["substatus"], "isPublic": issue["isPublic"],
        "platform": issue["platform"], "priority": issue["priority"],
        "priorityLockedAt": iso(issue["priorityLockedAt"], "us") if issue["priorityLockedAt"] else None,
        "seerFixabilityScore": None, "seerAutofixLastTriggered": None,
        "seerExplorerAutofixLastTriggered": None,
        "project": project_summary_json(project), "type": issue["type"],
        "issueType": issue["issueType"], "issueCategory": issue["issueCategory"],
        "metadata": copy.deepcopy(issue["metadata"]), "numComments": issue["numComments"],
        "assignedTo": actor_json(view, issue["assignee"]), "isBookmarked": issue["isBookmarked"],
        "isSubscribed": issue["isSubscribed"],
        "subscriptionDetails": copy.deepcopy(issue.get("subscriptionDetails")),
        "hasSeen": issue["hasSeen"], "annotations": [], "isUnhandled": issue["isUnhandled"],
        "count": str(issue["count"]), "userCount": issue["userCount"],
        "firstSeen": iso(issue["firstSeen"], "us"), "lastSeen": iso(issue["lastSeen"]),
    }


def _derived_data(issue):
    derived = copy.deepcopy(_ISSUE_TEMPLATE["derivedData"])
    derived.update({"progress": "not_started", "status": "open" if issue["status"] == "unresolved" else issue["status"],
                    "viewCount": len(issue["seen_by"]) * 3, "isAssigned": issue["assignee"] is not None,
                    "hasRootCause": False, "lastCompletedAutofixStep": None, "lastProgressedAt": None})
    return derived


def issue_list_json(view, issue, stats_period=None, window_seconds=14 * DAY, collapse=()):
    """One row of the issue stream (StreamGroupSerializerSnuba), with every key of the fixture."""
    result = issue_base_json(view, issue)
    assignee = issue["assignee"]
    result.update({
        "filtered": None,
        "inbox": inbox_json(issue["inbox"]),
        "owners": ({"type": assignee[0], "owner": assignee[1], "date_added": iso(issue["firstSeen"])}
                   if assignee else None),
        "lifetime": {"count": str(issue["count"]), "userCount": issue["userCount"],
                     "firstSeen": iso(issue["firstSeen"], "us"), "lastSeen": iso(issue["lastSeen"])},
        "integrationIssues": [], "sentryAppIssues": [], "sessionCount": 0,
        "latestEventHasAttachments": False, "matchingEventId": None,
        "matchingEventEnvironment": None, "derivedData": _derived_data(issue),
    })
    if stats_period and "stats" not in collapse:
        result["stats"] = stats_json(issue, view.now, stats_period, window_seconds)
    for key in ("lifetime", "filtered"):
        if key in collapse:
            result.pop(key, None)
    if "unhandled" in collapse:
        result.pop("isUnhandled", None)
    return result


def activity_json(view, item):
    return {"id": item["id"], "user": user_json_by_id(view, item["user_id"]) if item["user_id"] else None,
            "sentry_app": None, "type": item["type"], "data": copy.deepcopy(item["data"]),
            "dateCreated": iso(item["date"], "us")}


def issue_tags_summary(issue):
    return [{"key": key, "name": TAG_NAMES.get(key, key.title()), "totalValues": entry["total"]}
            for key, entry in sorted(issue["tags"].items())]


def issue_detail_json(view, issue):
    project = dirs.project_by_id(view.directory, issue["project_id"])
    result = issue_base_json(view, issue)
    participants = []
    for user_id in dict.fromkeys([issue["assignee"][1] if issue["assignee"] and issue["assignee"][0] == "user"
                                  else None] + [a["user_id"] for a in issue["activity"]]):
        if user_id:
            user = user_json_by_id(view, user_id)
            user["type"] = "user"
            participants.append(user)
    resolved_at = next((a["date"] for a in issue["activity"] if a["type"].startswith("set_resolved")), None)
    result.update({
        "activity": [activity_json(view, a) for a in issue["activity"]],
        "openPeriods": [{"start": iso(issue["firstSeen"], "us"),
                         "end": iso(resolved_at, "us") if issue["status"] == "resolved" and resolved_at else None,
                         "duration": None, "isOpen": issue["status"] != "resolved",
                         "lastChecked": iso(issue["lastSeen"], "us")}],
        "seenBy": [user_json_by_id(view, u) for u in issue["seen_by"]],
        "pluginActions": [], "pluginIssues": [], "pluginContexts": [],
        "userReportCount": 0,
        "participants": participants,
        "firstRelease": release_ref_json(project, issue["firstRelease"]),
        "lastRelease": release_ref_json(project, issue["lastRelease"]),
        "tags": issue_tags_summary(issue),
        "stats": {"24h": buckets(issue, view.now, HOUR, 24), "30d": buckets(issue, view.now, DAY, 30)},
    })
    return result
