"""Releases and deploys, derived from the projects' releases and the issues seen in them.

Shapes follow openapi.org-releases.json (list), openapi.release-detail.json
(detail) and the `lastDeploy` object of the latter (deploys). Each release was
deployed twice: to staging 10 minutes after it was created, then to production
when it was released (`dateReleased`), so `deployCount` is 2 and `lastDeploy` is
the production deploy. No repositories are connected: no commits, no authors.
Sentry reads `health` and `adoptionStages` only when they are "1" (a `true`
is ignored). Counts come from the issues: `newGroups` = issues whose first release it is;
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


def release_json(dataset, project, version, health=False, adoption_stages=False):
    release = next(r for r in project["releases"] if r["version"] == version)
    new_groups, first_event, last_event = _activity(dataset, project, release)
    project_json = {"id": int(project["id"]), "slug": project["slug"], "name": project["name"],
                    "newGroups": new_groups, "platform": project["platform"],
                    "platforms": [project["platform"]], "hasHealthData": False}
    if health:  # no sessions are ever sent to the fake: every figure is null, as in the fixture
        project_json["healthData"] = {
            "durationP50": None, "durationP90": None, "crashFreeUsers": None, "crashFreeSessions": None,
            "sessionsCrashed": 0, "sessionsErrored": 0, "totalUsers": None, "totalUsers24h": None,
            "totalProjectUsers24h": None, "totalSessions": None, "totalSessions24h": None,
            "totalProjectSessions24h": None, "adoption": None, "sessionsAdoption": None,
            "stats": {"24h": []}, "hasHealthData": False}
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
