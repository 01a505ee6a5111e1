"""Issue updates and deletes (docs/sentry-api.md §8), modelled on Sentry's
api/helpers/group_index/update.py and validators/group.py.

Order of operations as in Sentry: the caller resolves which issues are in scope
(none -> 204), then the body is validated (400 with a field map), then the
release-based resolutions check for multiple projects (400 detail), then the
changes are applied. The bulk response is the validated input plus what the
server computed (statusDetails with actor, assignedTo as an actor, inbox null).
"""

import copy
import hashlib
from datetime import timedelta

import datasets
import directory as dirs
import serialize

STATUS_CHOICES = ["resolved", "unresolved", "ignored", "resolvedInNextRelease", "muted"]
SUBSTATUS_CHOICES = ["archived_until_escalating", "archived_until_condition_met", "archived_forever",
                     "escalating", "ongoing", "regressed", "new",
                     "until_escalating", "until_condition_met", "forever"]  # last three: old names
SUBSTATUS_ALIASES = {"until_escalating": "archived_until_escalating",
                     "until_condition_met": "archived_until_condition_met",
                     "forever": "archived_forever"}
SUBSTATUSES_OF = {
    "unresolved": {"ongoing", "new", "regressed", "escalating"},
    "ignored": {"archived_until_escalating", "archived_until_condition_met", "archived_forever"},
    "resolved": set(),
}
PRIORITY_CHOICES = ["high", "medium", "low"]
BOOLEAN_FIELDS = ["inbox", "hasSeen", "isBookmarked", "isPublic", "isSubscribed", "merge", "discard"]
IGNORE_FIELDS = ["ignoreDuration", "ignoreCount", "ignoreWindow", "ignoreUserCount", "ignoreUserWindow"]
WINDOW_FIELDS = {"ignoreWindow", "ignoreUserWindow"}
MAX_WINDOW_MINUTES = 7 * 24 * 60
_TRUE = {True, 1, "1", "true", "True", "TRUE", "t", "T", "yes", "on"}
_FALSE = {False, 0, "0", "false", "False", "FALSE", "f", "F", "no", "off"}


class ValidationFailed(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _choice_error(value):
    return [f'"{value}" is not a valid choice.']


def _boolean(value):
    if isinstance(value, bool) or value in _TRUE or value in _FALSE:
        return value in _TRUE
    raise ValueError


def _integer(value, field):
    if isinstance(value, bool):
        raise ValueError("A valid integer is required.")
    try:
        number = int(value)
        if isinstance(value, float) and number != value:
            raise ValueError
    except (TypeError, ValueError):
        raise ValueError("A valid integer is required.")
    if field in WINDOW_FIELDS and number > MAX_WINDOW_MINUTES:
        raise ValueError(f"Ensure this value is less than or equal to {MAX_WINDOW_MINUTES}.")
    return number


def _parse_actor(view, value):
    """Sentry's ActorField: "user:<id>", "team:<id>", bare id, username or e-mail."""
    text = str(value)
    if text.startswith("team:"):
        team = dirs.team_by_id(view.directory, text[5:])
        return ("team", team["id"]) if team else None
    identifier = text[5:] if text.startswith("user:") else text
    person = dirs.find_user(view.directory, identifier)
    return ("user", person["id"]) if person else None


def _validate_actor_for(view, actor, project):
    kind, actor_id = actor
    if kind == "user" and actor_id not in {p["id"] for p in dirs.project_members(view.directory, project)}:
        return "Cannot assign to non-team member"
    if kind == "team" and actor_id not in project["team_ids"]:
        return "Cannot assign to a team without access to the project"
    return None


def _validate_status_details(view, raw, projects):
    if not isinstance(raw, dict):
        return None, {"non_field_errors": [f"Invalid data. Expected a dictionary, but got {type(raw).__name__}."]}
    details, errors = {}, {}
    for field in ("inNextRelease", "inUpcomingRelease"):
        if field in raw:
            try:
                details[field] = _boolean(raw[field])
            except ValueError:
                errors[field] = ["Must be a valid boolean."]
    if details.get("inUpcomingRelease"):
        errors["inUpcomingRelease"] = ["Your organization does not have access to this feature."]
    if "inRelease" in raw:
        version = raw["inRelease"]
        for project in projects:
            known = [r["version"] for r in project["releases"]]
            if version == "latest":
                details["inRelease"] = known[-1]
            elif version in known:
                details["inRelease"] = version
            else:
                errors["inRelease"] = ["Unable to find a release with the given version."]
    if "inCommit" in raw:
        commit = raw["inCommit"]
        if not isinstance(commit, dict) or not commit.get("commit") or not commit.get("repository"):
            errors["inCommit"] = {"commit": ["This field is required."]}
        else:
            details["inCommit"] = {"commit": str(commit["commit"]), "repository": str(commit["repository"])}
    for field in IGNORE_FIELDS:
        if field in raw and raw[field] is not None:
            try:
                details[field] = _integer(raw[field], field)
            except ValueError as exc:
                errors[field] = [str(exc)]
    return details, errors


def validate(view, body, projects):
    """Return the validated changes (dict) or raise ValidationFailed(field errors)."""
    if not isinstance(body, dict):
        raise ValidationFailed({"non_field_errors": [
            f"Invalid data. Expected a dictionary, but got {type(body).__name__}."]})
    result, errors = {}, {}
    if "status" in body:
        if body["status"] in STATUS_CHOICES:
            result["status"] = body["status"]
        else:
            errors["status"] = _choice_error(body["status"])
    if "substatus" in body:
        if body["substatus"] is None or body["substatus"] in SUBSTATUS_CHOICES:
            result["substatus"] = body["substatus"]
        else:
            errors["substatus"] = _choice_error(body["substatus"])
    if "statusDetails" in body:
        details, detail_errors = _validate_status_details(view, body["statusDetails"], projects)
        if detail_errors:
            errors["statusDetails"] = detail_errors
        else:
            result["statusDetails"] = details
    for field in BOOLEAN_FIELDS:
        if field in body:
            try:
                result[field] = _boolean(body[field])
            except ValueError:
                errors[field] = ["Must be a valid boolean."]
    if "priority" in body:
        if body["priority"] in PRIORITY_CHOICES:
            result["priority"] = body["priority"]
        else:
            errors["priority"] = _choice_error(body["priority"])
    for field in IGNORE_FIELDS + ["snoozeDuration"]:
        if field in body and body[field] is not None:
            try:
                result[field] = _integer(body[field], field)
            except ValueError as exc:
                errors[field] = [str(exc)]
    if "assignedTo" in body:
        value = body["assignedTo"]
        if not value:
            result["assignedTo"] = None
        else:
            actor = _parse_actor(view, value)
            if actor is None:
                errors["assignedTo"] = ["Unknown actor input"]
            else:
                problems = [p for p in (_validate_actor_for(view, actor, pr) for pr in projects) if p]
                if problems:
                    errors["assignedTo"] = [problems[0]]
                else:
                    result["assignedTo"] = actor
    if not errors and result.get("status") and "substatus" in result and result["substatus"]:
        status = {"muted": "ignored", "resolvedInNextRelease": "resolved"}.get(result["status"], result["status"])
        substatus = SUBSTATUS_ALIASES.get(result["substatus"], result["substatus"])
        if substatus not in SUBSTATUSES_OF[status]:
            # Not confirmed against Sentry's wording: it never stores such a pair.
            errors["substatus"] = [f'Substatus "{result["substatus"]}" is not valid for status "{result["status"]}".']
    if "discard" in result and len(body) > 1:
        errors["non_field_errors"] = ["Other attributes cannot be updated when discarding"]
    if errors:
        raise ValidationFailed(errors)
    return result


# ------------------------------------------------------------- apply ----

def _add_activity(dataset, issue, kind, data, user_id):
    dataset["activity_seq"] += 1
    issue["activity"].insert(0, {"id": str(dataset["activity_seq"]), "type": kind, "data": data,
                                 "date": dataset["now"], "user_id": user_id})


def _infer_substatus(issue, status, details, now):
    """Sentry's infer_substatus (issues/status_change.py) when the body gives none."""
    if status == "ignored":
        if details.get("ignoreUntilEscalating"):
            return "archived_until_escalating"
        if any(details.get(f) for f in IGNORE_FIELDS):
            return "archived_until_condition_met"
        return "archived_forever"
    return "new" if now - issue["firstSeen"] < timedelta(days=7) else "ongoing"


def _resolve(view, dataset, issues, status, details, result, me):
    projects = {i["project_id"] for i in issues}
    if status == "resolvedInNextRelease" or details.get("inNextRelease"):
        if len(projects) > 1:
            return {"detail": "Cannot set resolved in next release for multiple projects."}
        new_details, activity, data = {"inNextRelease": True, "actor": me}, "set_resolved_in_release", {"version": ""}
    elif details.get("inRelease"):
        if len(projects) > 1:
            return {"detail": "Cannot set resolved in release for multiple projects."}
        version = details["inRelease"]
        new_details, activity, data = {"inRelease": version, "actor": me}, "set_resolved_in_release", {"version": version}
    elif details.get("inCommit"):
        if len(projects) > 1:
            return {"detail": "Cannot set resolved in commit for multiple projects."}
        commit = details["inCommit"]
        new_details = {"inCommit": {"id": commit["commit"], "message": None, "dateCreated": None,
                                    "repository": {"name": commit["repository"]}}, "actor": me}
        activity, data = "set_resolved_in_commit", {"commit": commit["commit"]}
    else:
        new_details, activity, data = {}, "set_resolved", {}
    for issue in issues:
        issue.update(status="resolved", substatus=None, inbox=None, statusDetails=copy.deepcopy(new_details))
        _add_activity(dataset, issue, activity, dict(data), me)
    result.update({"status": "resolved", "statusDetails": serialize.status_details_json(view, new_details),
                   "inbox": None})
    return None


def _other_status(view, dataset, issues, result, details, me):
    status = "ignored" if result["status"] in ("ignored", "muted") else "unresolved"
    given = SUBSTATUS_ALIASES.get(result.get("substatus"), result.get("substatus"))
    stored_details = {}
    if status == "ignored":
        substatus = given or _infer_substatus(issues[0], "ignored", details, dataset["now"])
        if substatus == "archived_until_escalating":
            stored_details = {"ignoreUntilEscalating": True}
        elif any(details.get(f) for f in IGNORE_FIELDS):
            duration = details.get("ignoreDuration")
            stored_details = {
                "ignoreCount": details.get("ignoreCount"),
                "ignoreUntil": dataset["now"] + timedelta(minutes=duration) if duration else None,
                "ignoreUserCount": details.get("ignoreUserCount"),
                "ignoreUserWindow": details.get("ignoreUserWindow"),
                "ignoreWindow": details.get("ignoreWindow"), "actor": me}
        result["inbox"] = None
    for issue in issues:
        was_ignored = issue["status"] == "ignored"
        substatus = given or _infer_substatus(issue, status, details, dataset["now"])
        issue.update(status=status, substatus=substatus, statusDetails=copy.deepcopy(stored_details))
        if status == "ignored":
            issue["inbox"] = None
            _add_activity(dataset, issue, "set_ignored",
                          {k: v for k, v in details.items() if v is not None and k in IGNORE_FIELDS}, me)
        else:
            if was_ignored:
                issue["inbox"] = {"reason": 1, "reason_details": None, "date_added": dataset["now"]}
            _add_activity(dataset, issue, "set_unresolved", {}, me)
    result["statusDetails"] = serialize.status_details_json(view, stored_details)


def _merge(view, dataset, issues):
    if len({i["project_id"] for i in issues}) > 1:
        return None, {"detail": "Merging across multiple projects is not supported"}
    for issue in issues:
        datasets.ensure_details(dataset, issue)  # before counts change: details derive from them
    ordered = sorted(issues, key=lambda i: (-i["count"], int(i["id"])))
    parent, children = ordered[0], ordered[1:]
    for child in children:
        parent["count"] += child["count"]
        parent["userCount"] += child["userCount"]
        parent["firstSeen"] = min(parent["firstSeen"], child["firstSeen"])
        parent["lastSeen"] = max(parent["lastSeen"], child["lastSeen"])
        parent["events"] = sorted(parent["events"] + child["events"], key=lambda e: e["date"])
    remove_issues(dataset, children)
    _add_activity(dataset, parent, "merge", {"issues": [{"id": c["id"]} for c in children]},
                  view.directory["auth_user_id"])
    return {"parent": parent["id"], "children": [c["id"] for c in children]}, None


def remove_issues(dataset, doomed):
    ids = {i["id"] for i in doomed}
    dataset["issues"] = [i for i in dataset["issues"] if i["id"] not in ids]


def update_issues(view, dataset, issues, body):
    """Apply `body` to `issues`. Returns (status, payload); payload None means no body."""
    if not issues:
        return 204, None
    projects = [dirs.project_by_id(view.directory, pid)
                for pid in dict.fromkeys(i["project_id"] for i in issues)]
    try:
        result = validate(view, body, projects)
    except ValidationFailed as failed:
        return 400, failed.errors
    if result.get("discard"):
        remove_issues(dataset, issues)
        return 204, None

    me = view.directory["auth_user_id"]
    details = result.pop("statusDetails", None)
    details = details if details is not None else {k: v for k, v in result.items() if k in IGNORE_FIELDS}
    if "snoozeDuration" in result and "ignoreDuration" not in details:
        details["ignoreDuration"] = result["snoozeDuration"]
    now = dataset["now"]

    if "priority" in result:
        for issue in issues:
            issue["priority"] = result["priority"]
            issue["priorityLockedAt"] = now
    status = result.get("status")
    if status in ("resolved", "resolvedInNextRelease"):
        error = _resolve(view, dataset, issues, status, details, result, me)
        if error:
            return 400, error
    elif status:
        _other_status(view, dataset, issues, result, details, me)

    if "assignedTo" in result:
        actor = result["assignedTo"]
        for issue in issues:
            issue["assignee"] = actor
            if actor:
                person = dirs.person_by_id(view.directory, actor[1]) if actor[0] == "user" else None
                _add_activity(dataset, issue, "assigned",
                              {"assignee": actor[1], "assigneeType": actor[0],
                               "assigneeEmail": person["email"] if person else None}, me)
            else:
                _add_activity(dataset, issue, "unassigned", {}, me)
        result["assignedTo"] = serialize.actor_json(view, actor)
    if "hasSeen" in result:
        for issue in issues:
            issue["hasSeen"] = result["hasSeen"]
            issue["seen_by"] = [u for u in issue["seen_by"] if u != me] + ([me] if result["hasSeen"] else [])
    if "isBookmarked" in result:
        for issue in issues:
            issue["isBookmarked"] = result["isBookmarked"]
            issue["isSubscribed"] = result["isBookmarked"]  # bookmarking subscribes, unbookmarking unsubscribes
    if result.get("isSubscribed") in (True, False):
        for issue in issues:
            issue["isSubscribed"] = result["isSubscribed"]
            issue["subscriptionDetails"] = {"reason": "unknown"}
        result["subscriptionDetails"] = {"reason": "unknown"}
    if "isPublic" in result:
        share_id = None
        for issue in issues:
            issue["isPublic"] = result["isPublic"]
            issue["shareId"] = (hashlib.md5(f"share:{issue['id']}:{dataset['activity_seq']}".encode()).hexdigest()
                                if result["isPublic"] else None)
            share_id = issue["shareId"]
        result["shareId"] = share_id
    if result.get("merge") and len(issues) > 1:
        merged, error = _merge(view, dataset, issues)
        if error:
            return 400, error
        result["merge"] = merged
    if result.get("inbox") is not None:
        for issue in issues:
            if result["inbox"]:
                issue["inbox"] = {"reason": 3, "reason_details": None, "date_added": now}
            else:
                issue["inbox"] = None
                if issue["status"] == "unresolved" and issue["substatus"] == "new":
                    issue["substatus"] = "ongoing"
    return 200, result
