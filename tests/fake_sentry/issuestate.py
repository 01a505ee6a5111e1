"""The triage state of issues as the server holds it, for fault campaigns: what a test
compares with what the client shows (status, substatus, assignee, bookmark)."""

import directory as dirs
from base32 import encode as base32_encode


def _assignee_label(directory, assignee):
    """How `sentry-tui list` names an assignee: a user's email, a team as #slug."""
    kind, actor_id = assignee
    if kind == "team":
        return "#" + dirs.team_by_id(directory, actor_id)["slug"]
    return dirs.person_by_id(directory, actor_id)["email"]


def _assignee_name(directory, assignee):
    """How the TUI's ASSIGNEE column names an assignee: a user's name, a team as #slug."""
    kind, actor_id = assignee
    if kind == "team":
        return "#" + dirs.team_by_id(directory, actor_id)["slug"]
    return dirs.person_by_id(directory, actor_id)["name"]


def issue_state(directory, issue):
    assignee = issue.get("assignee")
    project = dirs.project_by_id(directory, issue["project_id"])
    return {"short": f"{project['slug'].upper()}-{base32_encode(issue['short_num'])}",
            "status": issue["status"], "substatus": issue.get("substatus"),
            "assignee": f"{assignee[0]}:{assignee[1]}" if assignee else None,
            "assignee_label": _assignee_label(directory, assignee) if assignee else None,
            "assignee_name": _assignee_name(directory, assignee) if assignee else None,
            "bookmarked": bool(issue.get("isBookmarked"))}


def states(api, ids=None):
    """{id: state} of the given issue ids (all issues when ids is None)."""
    with api.lock:
        wanted = None if ids is None else set(ids)
        directory = api.dataset["directory"]
        return {issue["id"]: issue_state(directory, issue) for issue in api.dataset["issues"]
                if wanted is None or issue["id"] in wanted}
