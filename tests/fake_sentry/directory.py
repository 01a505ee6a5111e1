"""Who and what exists in the fake organization: org, users, teams, projects, releases.

People and teams come from the fixtures (their names, ids and e-mails), wired
together so that assignment rules can be exercised:

  person            user id        teams                       can be assigned in
  Test User (me)    123456         both project teams          backend, frontend
  John Doe          1              Powerful Abolitionist       backend
  Jane Developer    12345          Ancient Gabelers            frontend
  Sir Penguin       280094367316   the-goats (no projects)     nowhere -> "Cannot assign to non-team member"
  Rockhopper        (pending invite, no user)

Projects: backend (id "11", python) owned by Powerful Abolitionist, frontend
(id "12", javascript) owned by Ancient Gabelers. The team the-goats has no
project, so assigning it gives "Cannot assign to a team without access to the project".
"""

from datetime import timedelta

from fixtures import api

AUTH_USER_ID = "123456"  # id of sentry-mcp.auth-user.json, the owner of every token

TEAM_BACKEND = "100253"   # "Powerful Abolitionist" in openapi.org-teams.json
TEAM_FRONTEND = "48531"   # "Ancient Gabelers" in openapi.org-teams.json
TEAM_NO_PROJECT = "4509106740854784"  # "the-goats" in sentry-mcp.team.json

ENVIRONMENTS = ["production", "staging"]


def _person(user_id, name, email, username, member_id, role, teams, joined_days_ago):
    return {
        "id": user_id, "name": name, "email": email, "username": username,
        "member_id": member_id, "role": role, "teams": teams, "pending": False,
        "joined_days_ago": joined_days_ago,
    }


def _people(hostile):
    auth = api("sentry-mcp.auth-user.json")
    penguin = api("openapi.org-members.json")[0]
    people = [
        _person(auth["id"], auth["name"], auth["email"], auth["username"], "57377908160",
                "owner", [TEAM_BACKEND, TEAM_FRONTEND], 400),
        _person("1", "John Doe", "john.doe@example.com", "john.doe@example.com",
                "57377908161", "member", [TEAM_BACKEND], 300),
        _person("12345", "Jane Developer", "jane@example.com", "jane@example.com",
                "57377908162", "admin", [TEAM_FRONTEND], 200),
        _person(penguin["user"]["id"], penguin["name"], penguin["email"],
                penguin["user"]["username"], penguin["id"], penguin["orgRole"],
                [TEAM_NO_PROJECT], 100),
    ]
    if hostile:
        # A member whose display name tries to clear the screen and retitle the
        # terminal; it is assignable in both projects so it shows up as an assignee.
        people.append(_person(
            "666", "Mallory \x1b[2J\x1b]0;owned\x07\u202eyrollaM", "mallory@evil.test",
            "mallory\x1b[5m", "57377908166", "member", [TEAM_BACKEND, TEAM_FRONTEND], 30))
    pending = api("openapi.org-members.json")[1]
    people.append({
        "id": None, "name": pending["name"], "email": pending["email"], "username": None,
        "member_id": pending["id"], "role": pending["orgRole"], "teams": [], "pending": True,
        "joined_days_ago": 20,
    })
    return people


def _teams():
    fixture_teams = {t["id"]: t for t in api("openapi.org-teams.json")}
    goats = api("sentry-mcp.team.json")
    return [
        {"id": TEAM_BACKEND, "slug": fixture_teams[TEAM_BACKEND]["slug"],
         "name": fixture_teams[TEAM_BACKEND]["name"], "project_ids": ["11"]},
        {"id": TEAM_FRONTEND, "slug": fixture_teams[TEAM_FRONTEND]["slug"],
         "name": fixture_teams[TEAM_FRONTEND]["name"], "project_ids": ["12"]},
        {"id": TEAM_NO_PROJECT, "slug": goats["slug"], "name": goats["name"], "project_ids": []},
    ]


def _releases(prefix, versions, now):
    """Releases spread over the last ~3 months, oldest first."""
    ages = [84, 63, 41, 22, 9, 2][-len(versions):]
    releases = []
    for version, age in zip(versions, ages):
        created = now - timedelta(days=age, hours=3)
        releases.append({
            "version": f"{prefix}@{version}",
            "dateCreated": created,
            "dateReleased": created + timedelta(minutes=17),
        })
    return releases


def _many_releases(project, count, now):
    """`count` more releases of `project` (--releases), spread evenly over the last 90 days
    between its own, named like CI builds; its releases stay oldest first."""
    span = timedelta(days=90)
    for k in range(count):
        created = now - span + span * (k + 0.5) / count
        project["releases"].append({"version": f"{project['slug']}@build.{k + 1}",
                                    "dateCreated": created,
                                    "dateReleased": created + timedelta(minutes=17)})
    project["releases"].sort(key=lambda r: r["dateCreated"])


def _projects(now, releases=None):
    """releases: how many releases in all (--releases; at least the 12 of the demo)."""
    projects = _demo_projects(now)
    extra = max(0, (releases or 0) - sum(len(p["releases"]) for p in projects))
    for k, project in enumerate(projects):
        _many_releases(project, extra // len(projects) + (k < extra % len(projects)), now)
    return projects


def _demo_projects(now):
    return [
        {"id": "11", "slug": "backend", "name": "Backend", "platform": "python",
         "team_ids": [TEAM_BACKEND], "environments": list(ENVIRONMENTS),
         "dateCreated": now - timedelta(days=420), "firstEvent": now - timedelta(days=419),
         "releases": _releases("backend", ["2.14.0", "2.15.0", "2.15.1", "2.16.0", "2.17.0", "2.17.1"], now)},
        {"id": "12", "slug": "frontend", "name": "Frontend", "platform": "javascript",
         "team_ids": [TEAM_FRONTEND], "environments": list(ENVIRONMENTS),
         "dateCreated": now - timedelta(days=380), "firstEvent": now - timedelta(days=379),
         "releases": _releases("frontend", ["5.8.0", "5.9.0", "5.10.0", "5.10.1", "5.11.0", "5.12.0"], now)},
    ]


def build_directory(org_slug, now, hostile=False, releases=None):
    return {
        "org": {"id": "4507000000000001", "slug": org_slug, "name": org_slug.capitalize(),
                "dateCreated": now - timedelta(days=450)},
        "auth_user_id": AUTH_USER_ID,
        "people": _people(hostile),
        "teams": _teams(),
        "projects": _projects(now, releases),
    }


# ---- look-ups used by the data generator, search and mutations ----

def person_by_id(directory, user_id):
    for person in directory["people"]:
        if person["id"] is not None and person["id"] == user_id:
            return person
    return None


def team_by_id(directory, team_id):
    for team in directory["teams"]:
        if team["id"] == team_id:
            return team
    return None


def project_by_id(directory, project_id):
    for project in directory["projects"]:
        if project["id"] == project_id:
            return project
    return None


def project_by_slug_or_id(directory, key):
    for project in directory["projects"]:
        if key in (project["id"], project["slug"]):
            return project
    return None


def project_members(directory, project):
    """Active members on a team that owns the project (Sentry's project members)."""
    return [p for p in directory["people"]
            if not p["pending"] and set(p["teams"]) & set(project["team_ids"])]


def assignable_actors(directory, project):
    """(kind, id) pairs that Sentry would accept as assignee of an issue in `project`."""
    users = [("user", p["id"]) for p in project_members(directory, project)]
    teams = [("team", t) for t in project["team_ids"]]
    return users + teams


def find_user(directory, identifier):
    """Resolve a bare assignee identifier the way Sentry's ActorField does:
    user id, username or primary e-mail."""
    for person in directory["people"]:
        if person["pending"]:
            continue
        if identifier in (person["id"], person["username"], person["email"]):
            return person
    return None
