"""The /api/0/ endpoints: routing, auth, scope resolution and the handlers.

Pure request -> response logic with no sockets, so the HTTP layer (server.py)
only deals with bytes, faults and logging. All handlers run under one lock:
the state is shared by every connection and mutations must be atomic.
"""

import json
import re
import threading
from collections import OrderedDict

import datasets
import discover
import directory as dirs
import events as evts
import eventsearch
import mutations
import pagination
import releases
import search
import serialize
import traces
from base32 import decode as base32_decode
from timeutil import parse_iso

NOT_FOUND = {"detail": "The requested resource does not exist"}
FORBIDDEN = {"detail": "You do not have permission to perform this action."}
NO_GLOBAL_VIEWS = {"detail": "You do not have the multi project stream feature enabled"}
ERR_GROUP_STATS_PERIOD = "Invalid stats_period. Valid choices are '', '24h', '14d' and 'auto'"
ERR_PROJECT_STATS_PERIOD = "Invalid stats_period. Valid choices are '', '24h', and '14d'"
TOKEN_SCOPES = ["event:admin", "event:read", "event:write", "member:read", "org:read",
                "project:read", "project:releases", "team:read"]
BULK_MUTATION_LIMIT = 1000
MATCH_CACHE_SIZE = 64  # issue lists remembered per data-set generation (query, sort, scope)
ANSWER_CACHE_SIZE = 256  # GET answers remembered per generation (path, query, base URL)
_EVENT_ID = re.compile(r"^[0-9a-fA-F]{32}$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_SHORT_ID = re.compile(r"^(.+?)[\s_-]([A-Za-z0-9]+)$")


class Request:
    def __init__(self, method, path, query, pairs, headers, body, base_url):
        self.method = method
        self.path = path
        self.query = query          # raw query string
        self.pairs = pairs          # decoded (key, value) list, in order
        self.headers = headers      # lower-case names
        self.body = body            # bytes
        self.base_url = base_url
        self.params = {}
        for key, value in pairs:
            self.params.setdefault(key, []).append(value)

    def last(self, key, default=None):
        values = self.params.get(key)
        return values[-1] if values else default

    def all(self, key):
        return self.params.get(key, [])


class Response:
    def __init__(self, status, payload=None, headers=None, empty=False):
        self.status = status
        self.payload = payload
        self.headers = dict(headers or {})
        self.empty = empty or status == 204


class ApiError(Exception):
    def __init__(self, status, payload):
        super().__init__(payload)
        self.response = Response(status, payload)


def _bad_request(detail):
    return ApiError(400, {"detail": detail})


class Api:
    def __init__(self, token, org_slug, dataset_name, now, issue_count, global_views, releases=None):
        self.token = token
        self.org_slug = org_slug
        self.dataset_name = dataset_name
        self.now = now
        self.issue_count = issue_count
        self.global_views = global_views
        self.release_count = releases  # --releases: None keeps the demo's 12
        self.lock = threading.RLock()
        self.dataset = None
        # Issue lists are answered from caches that hold only while the data set is
        # unchanged: every change (a PUT, POST or DELETE, adjust, reset) starts a new
        # generation, and the caches of an older one are dropped.
        self.generation = 0
        self._sorted_cache = {}                # sort key -> every issue, in that order
        self._match_cache = OrderedDict()      # (scope, query, sort, window) -> issues
        self._answer_cache = OrderedDict()     # (path, query, base URL) -> 200 Response
        self.reset()
        self.routes = self._routes()

    def reset(self):
        """Rebuild the data set from its seed: the initial state, byte for byte."""
        fresh = datasets.build_dataset(self.dataset_name, self.org_slug, self.now, self.issue_count,
                                       self.release_count)
        with self.lock:
            self.dataset = fresh
            self._changed()

    def _changed(self):
        """The data set changed (or may have): forget every cached issue list."""
        self.generation += 1
        self._sorted_cache.clear()
        self._match_cache.clear()
        self._answer_cache.clear()

    def adjust(self, spec):
        """Test control (watch mode): change the data while a test runs. spec is
        {"hide": [SHORT_ID, ...], "show": [...], "set": {SHORT_ID: {field: value}}};
        a hidden issue is left out of issue lists, as if it did not exist yet. Dates
        in "set" are ISO-8601. Returns how many issues changed."""
        changed = 0
        with self.lock:
            view = serialize.View(self.dataset, "http://fake/", self.global_views)
            wanted = [(name, {"hidden": True}) for name in spec.get("hide", [])]
            wanted += [(name, {"hidden": False}) for name in spec.get("show", [])]
            wanted += list(spec.get("set", {}).items())
            for name, fields in wanted:
                issue = self._by_short_id(view, name)
                if issue is None:
                    raise ValueError(f"no issue {name}")
                for key, value in fields.items():
                    if key in ("firstSeen", "lastSeen"):
                        value = parse_iso(value)
                    issue[key] = value
                changed += 1
            self._changed()
        return changed

    # ------------------------------------------------------- dispatch ----

    def _routes(self):
        org = r"/api/0/organizations/(?P<org>[^/]+)"
        org_issue = org + r"/issues/(?P<issue>[^/]+)"
        legacy_issue = r"/api/0/issues/(?P<issue>\d+)"
        project = r"/api/0/projects/(?P<org>[^/]+)/(?P<project>[^/]+)"
        routes = [
            (r"/api/0/", {"GET": self.root}),
            (r"/api/0/auth/", {"GET": self.auth_user}),
            (r"/api/0/users/me/regions/", {"GET": self.regions}),
            (r"/api/0/organizations/", {"GET": self.list_orgs}),
            (org + "/", {"GET": self.org_detail}),
            (org + "/projects/", {"GET": self.list_projects}),
            (org + "/members/", {"GET": self.list_members}),
            (org + "/teams/", {"GET": self.list_teams}),
            (org + "/issues/", {"GET": self.list_org_issues, "PUT": self.bulk_update_org,
                                "DELETE": self.bulk_delete_org}),
            (org + r"/shortids/(?P<short>[^/]+)/", {"GET": self.shortid_lookup}),
            (org + r"/eventids/(?P<event>[^/]+)/", {"GET": self.eventid_lookup}),
            (project + "/", {"GET": self.project_detail}),
            (project + "/issues/", {"GET": self.list_project_issues, "PUT": self.bulk_update_project,
                                    "DELETE": self.bulk_delete_project}),
            (project + "/members/", {"GET": self.list_project_members}),
            (project + "/teams/", {"GET": self.list_project_teams}),
            (project + r"/events/(?P<event>[^/]+)/", {"GET": self.project_event}),
            (project + "/events/", {"GET": self.list_project_events}),
            (project + "/releases/", {"GET": self.list_project_releases}),
            (org + "/releases/", {"GET": self.list_releases}),
            (org + r"/releases/(?P<version>[^/]+)/", {"GET": self.release_detail}),
            (org + r"/releases/(?P<version>[^/]+)/deploys/", {"GET": self.list_deploys}),
            (org + r"/trace/(?P<trace>[^/]+)/", {"GET": self.trace}),
            (org + "/events/", {"GET": self.org_events}),
            (org + "/sessions/", {"GET": self.sessions}),
        ]
        for prefix in (org_issue, legacy_issue):
            routes += [
                (prefix + "/", {"GET": self.issue_detail, "PUT": self.update_issue,
                                "DELETE": self.delete_issue}),
                (prefix + "/events/", {"GET": self.list_events}),
                (prefix + r"/events/(?P<event>[^/]+)/", {"GET": self.issue_event}),
                (prefix + "/tags/", {"GET": self.issue_tags}),
                (prefix + r"/tags/(?P<key>[^/]+)/", {"GET": self.issue_tag}),
                (prefix + r"/tags/(?P<key>[^/]+)/values/", {"GET": self.issue_tag_values}),
            ]
        return [(re.compile("^" + pattern + "$"), methods) for pattern, methods in routes]

    def handle(self, req):
        for pattern, methods in self.routes:
            match = pattern.match(req.path)
            if not match:
                continue
            failure = self._authenticate(req)
            if failure:
                return failure
            handler = methods.get("GET" if req.method == "HEAD" else req.method)
            if handler is None:
                return Response(405, {"detail": f'Method "{req.method}" not allowed.'},
                                {"Allow": ", ".join(sorted(methods))})
            args = match.groupdict()
            with self.lock:
                # A read answers the same until the data changes: an issue opened again
                # (its detail, event and tags) costs nothing to build the second time.
                key = (req.path, req.query, req.base_url) if req.method in ("GET", "HEAD") else None
                if key in self._answer_cache:
                    self._answer_cache.move_to_end(key)
                    return self._answer_cache[key]
                view = serialize.View(self.dataset, req.base_url, self.global_views)
                try:
                    if "org" in args and not self._org_matches(args.pop("org")):
                        return Response(404, NOT_FOUND)
                    response = handler(req, view, **args)
                    if key and response.status == 200:
                        self._answer_cache[key] = response
                        if len(self._answer_cache) > ANSWER_CACHE_SIZE:
                            self._answer_cache.popitem(last=False)
                    return response
                except ApiError as failure:
                    return failure.response
                finally:
                    if req.method not in ("GET", "HEAD"):
                        self._changed()  # whatever it answered, it may have changed issues
        return Response(404, NOT_FOUND)

    def _authenticate(self, req):
        header = req.headers.get("authorization")
        if not header:
            return Response(401, {"detail": "Authentication credentials were not provided."})
        scheme, _, credential = header.partition(" ")
        if scheme.lower() != "bearer":
            return Response(401, {"detail": "Authentication credentials were not provided."})
        if credential.strip() != self.token:
            return Response(401, {"detail": "Invalid token"})
        return None

    def _org_matches(self, key):
        org = self.dataset["directory"]["org"]
        return key in (org["slug"], org["id"])

    # ------------------------------------------------------- helpers ----

    def _search_context(self, view):
        return search.Context(view.directory, view.now, view.directory["auth_user_id"])

    def _org_projects(self, req, view, needs_global_views=True):
        """Projects selected by `project=` the way Sentry's OrganizationEndpoint does."""
        projects = view.directory["projects"]
        raw = req.all("project")
        if raw:
            try:
                ids = [int(value) for value in raw]
            except ValueError:
                raise _bad_request("Invalid project parameter. Values must be numbers.")
            if -1 not in ids:
                selected = []
                for project_id in dict.fromkeys(ids):
                    project = dirs.project_by_id(view.directory, str(project_id))
                    if project is None:
                        raise ApiError(403, FORBIDDEN)
                    selected.append(project)
                projects = selected
        if needs_global_views and len(projects) > 1 and not self.global_views:
            raise ApiError(400, NO_GLOBAL_VIEWS)
        return projects

    def _project(self, view, key):
        project = dirs.project_by_slug_or_id(view.directory, key)
        if project is None:
            raise ApiError(404, NOT_FOUND)
        return project

    @staticmethod
    def _environments(req, view):
        wanted = req.all("environment")
        known = set(dirs.ENVIRONMENTS)
        if any(env not in known for env in wanted):
            raise ApiError(404, NOT_FOUND)  # Sentry: unknown environment name -> ResourceDoesNotExist
        return wanted

    def _issue(self, view, key):
        """An issue by numeric id or (org routes) short id; 404 when unknown."""
        found = next((i for i in view.dataset["issues"] if i["id"] == key), None)
        found = found or self._by_short_id(view, key)
        if found is None:
            raise ApiError(404, NOT_FOUND)
        return datasets.ensure_details(view.dataset, found)

    @staticmethod
    def _by_short_id(view, text):
        match = _SHORT_ID.match(text.strip())
        if not match:
            return None
        project = next((p for p in view.directory["projects"]
                        if p["slug"].lower() == match.group(1).lower()), None)
        number = base32_decode(match.group(2))
        if project is None or number is None:
            return None
        return next((i for i in view.dataset["issues"]
                     if i["project_id"] == project["id"] and i["short_num"] == number), None)

    @staticmethod
    def _by_event_id(view, event_id):
        wanted = event_id.replace("-", "").lower()
        for issue in view.dataset["issues"]:
            if wanted in datasets.event_ids(issue):
                return datasets.ensure_details(view.dataset, issue)
        return None

    @staticmethod
    def _per_page(req):
        raw = req.last("per_page")
        if raw is None:
            return 100
        try:
            value = int(raw)
        except ValueError:
            raise _bad_request("Invalid per_page parameter.")
        if value > 100:
            raise _bad_request("Invalid per_page value. Cannot exceed 100.")
        if value < 1:
            raise _bad_request("Invalid per_page parameter.")
        return value

    def _paged(self, req, items, serialize_item):
        try:
            page, prev_c, has_prev, next_c, has_next = pagination.offset_page(
                items, req.last("cursor"), self._per_page(req))
        except pagination.CursorError:
            raise _bad_request("Invalid cursor parameter.")
        link = pagination.link_header(req.base_url, req.path, req.pairs, prev_c, has_prev, next_c, has_next)
        return Response(200, [serialize_item(item) for item in page], {"Link": link})

    @staticmethod
    def _json_body(req):
        if not req.body:
            return {}
        try:
            return json.loads(req.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise _bad_request(f"JSON parse error - {exc}")

    # -------------------------------------------------- simple lists ----

    def root(self, req, view):
        return Response(200, {"version": "0", "auth": {"scopes": TOKEN_SCOPES},
                              "user": serialize.auth_user_json(view)})

    def auth_user(self, req, view):
        return Response(200, serialize.auth_user_json(view))

    def regions(self, req, view):
        return Response(200, {"regions": [{"name": "us", "url": req.base_url}]})

    def list_orgs(self, req, view):
        return self._paged(req, [view.directory["org"]], lambda _: serialize.org_json(view))

    def org_detail(self, req, view):
        return Response(200, serialize.org_json(view))

    def list_projects(self, req, view):
        text = (req.last("query") or "").lower()
        projects = [p for p in view.directory["projects"]
                    if text in p["slug"].lower() or text in p["name"].lower()]
        return self._paged(req, projects, lambda p: serialize.project_json(view, p))

    def project_detail(self, req, view, project):
        return Response(200, serialize.project_json(view, self._project(view, project)))

    def list_members(self, req, view):
        return self._paged(req, view.directory["people"], lambda p: serialize.member_json(view, p))

    def list_project_members(self, req, view, project):
        members = dirs.project_members(view.directory, self._project(view, project))
        return self._paged(req, members, lambda p: serialize.member_json(view, p))

    def list_teams(self, req, view):
        detailed = req.last("detailed") != "0"
        return self._paged(req, view.directory["teams"], lambda t: serialize.team_json(view, t, detailed))

    def list_project_teams(self, req, view, project):
        owner_ids = self._project(view, project)["team_ids"]
        teams = [t for t in view.directory["teams"] if t["id"] in owner_ids]
        return self._paged(req, teams, lambda t: serialize.team_json(view, t, False))

    # ---------------------------------------------------- issue list ----

    def _direct_hit(self, req, view, query, projects, stats_period, window):
        """Sentry answers a 32-hex event id, or a short id with shortIdLookup=1, with that issue."""
        issue, event_id = None, None
        if _EVENT_ID.match(query):
            issue = self._by_event_id(view, query)
            event_id = query.replace("-", "").lower()
        if issue is None and req.last("shortIdLookup") == "1":
            issue = self._by_short_id(view, query)
            event_id = None
        if issue is None:
            return None
        row = serialize.issue_list_json(view, issue, stats_period, window, req.all("collapse"))
        if event_id:
            row["matchingEventId"] = event_id
        return Response(200, [row], {"X-Sentry-Direct-Hit": "1"})

    def _matching(self, req, view, projects, environments, query, start=None, end=None, issues=None):
        """The issues (of `issues`, else the data set's, in that order) the query selects."""
        try:
            matcher = search.compile_query(query, self._search_context(view))
        except search.SearchError as exc:
            raise _bad_request(str(exc))
        project_ids = {p["id"] for p in projects}
        wanted_envs = set(environments)
        return [i for i in (view.dataset["issues"] if issues is None else issues)
                if i["project_id"] in project_ids and not i.get("hidden")
                and (not wanted_envs or not wanted_envs.isdisjoint(i["environments"]))
                and (start is None or i["lastSeen"] >= start) and (end is None or i["lastSeen"] <= end)
                and matcher(i)]

    def _sorted_matching(self, req, view, projects, environments, query, sort, start, end):
        """_matching in `sort` order, remembered for this generation of the data set:
        a stream asks for the same list again and again (pages, reloads, watch mode),
        and matching and sorting 10,000 issues is most of an answer's time. The sort
        keys end with the issue id, so the order is total: filtering the list sorted
        once per key gives the same rows as sorting what matched."""
        key = (tuple(sorted(p["id"] for p in projects)), tuple(environments), query, sort, start, end)
        cached = self._match_cache.get(key)
        if cached is not None:
            self._match_cache.move_to_end(key)
            return cached
        ordered = self._sorted_cache.get(sort)
        if ordered is None:
            ordered = self._sorted_cache[sort] = search.sort_issues(view.dataset["issues"], sort)
        found = self._matching(req, view, projects, environments, query, start, end, ordered)
        self._match_cache[key] = found
        if len(self._match_cache) > MATCH_CACHE_SIZE:
            self._match_cache.popitem(last=False)
        return found

    def _sort(self, req, query):
        sort = req.last("sort") or "date"
        if sort not in search.SORTS:
            raise _bad_request("Invalid sort")  # wording not confirmed against Sentry
        if sort == "inbox" and "is:for_review" not in search.tokenize(query):
            raise _bad_request("Sort key 'inbox' only supported for inbox search")
        return sort

    @staticmethod
    def _limit(req):
        raw = req.last("limit")
        if not raw:
            return 100
        try:
            return max(1, min(100, int(raw)))
        except ValueError:
            raise _bad_request("invalid limit")

    def _issue_list(self, req, view, projects, stats_period, window, start, end):
        environments = self._environments(req, view)
        query = (req.last("query", "is:unresolved")).strip()
        if query:
            hit = self._direct_hit(req, view, query, projects, stats_period, window)
            if hit:
                return hit
        sort = self._sort(req, query)
        limit = self._limit(req)
        offset = 0
        if req.last("cursor"):
            try:
                _, offset, _ = pagination.parse_cursor(req.last("cursor"))
            except pagination.CursorError:
                raise _bad_request("Invalid cursor parameter.")
            offset = max(0, offset)
        issues = self._sorted_matching(req, view, projects, environments, query, sort, start, end)
        page, prev_c, has_prev, next_c, has_next = pagination.issue_page(issues, offset, limit)
        rows = [serialize.issue_list_json(view, i, stats_period, window, req.all("collapse")) for i in page]
        link = pagination.link_header(req.base_url, req.path, req.pairs, prev_c, has_prev, next_c, has_next)
        return Response(200, rows, {"Link": link, "X-Hits": str(len(issues))})

    def list_org_issues(self, req, view):
        try:
            start, end, window = search.period_window(req.params, view.now)
        except search.SearchError as exc:
            raise _bad_request(str(exc))
        group_stats = req.last("groupStatsPeriod")
        if group_stats not in (None, "", "24h", "14d", "auto"):
            raise _bad_request(ERR_GROUP_STATS_PERIOD)
        stats_period = "24h" if group_stats is None else (group_stats or None)
        projects = self._org_projects(req, view)
        return self._issue_list(req, view, projects, stats_period, window, start, end)

    def list_project_issues(self, req, view, project):
        project = self._project(view, project)
        stats = req.last("statsPeriod")
        if stats not in (None, "", "24h", "14d"):
            raise _bad_request(ERR_PROJECT_STATS_PERIOD)
        stats_period = "24h" if stats is None else (stats or None)
        return self._issue_list(req, view, [project], stats_period, 14 * serialize.DAY, None, None)

    # ----------------------------------------------------- mutations ----

    def _bulk_targets(self, req, view, projects):
        ids = req.all("id")
        project_ids = {p["id"] for p in projects}
        if ids:
            try:
                wanted = {str(int(value)) for value in ids}
            except ValueError:
                raise _bad_request("Group ids must be integers")
            return [i for i in view.dataset["issues"] if i["id"] in wanted and i["project_id"] in project_ids]
        # Sentry's build_query_params_from_request reads only `query` (default
        # is:unresolved): the `?status=` that sentry-cli sends is not read at all.
        query = req.last("query", "is:unresolved").strip()
        environments = self._environments(req, view)
        matching = self._matching(req, view, projects, environments, query)
        return search.sort_issues(matching, "date")[:BULK_MUTATION_LIMIT]

    def _bulk_update(self, req, view, projects):
        targets = self._bulk_targets(req, view, projects)
        if not targets:
            return Response(204)
        status, payload = mutations.update_issues(view, self.dataset, targets, self._json_body(req))
        return Response(status, payload)

    def _bulk_delete(self, req, view, projects):
        targets = self._bulk_targets(req, view, projects)
        mutations.remove_issues(self.dataset, targets)
        return Response(204)

    def bulk_update_org(self, req, view):
        return self._bulk_update(req, view, self._org_projects(req, view))

    def bulk_delete_org(self, req, view):
        return self._bulk_delete(req, view, self._org_projects(req, view))

    def bulk_update_project(self, req, view, project):
        return self._bulk_update(req, view, [self._project(view, project)])

    def bulk_delete_project(self, req, view, project):
        return self._bulk_delete(req, view, [self._project(view, project)])

    def update_issue(self, req, view, issue):
        issue = self._issue(view, issue)
        status, payload = mutations.update_issues(view, self.dataset, [issue], self._json_body(req))
        if status != 200:
            return Response(status, payload)
        # Sentry's GroupDetailsEndpoint.put re-reads the group and returns the full
        # base serialization, unlike the bulk endpoint which returns only the delta.
        return Response(200, serialize.issue_base_json(view, issue))

    def delete_issue(self, req, view, issue):
        mutations.remove_issues(self.dataset, [self._issue(view, issue)])
        return Response(202, empty=True)

    # ------------------------------------------------ issue and events ----

    def issue_detail(self, req, view, issue):
        return Response(200, serialize.issue_detail_json(view, self._issue(view, issue)))

    def shortid_lookup(self, req, view, short):
        issue = self._by_short_id(view, short)
        if issue is None:
            raise ApiError(404, NOT_FOUND)
        project = dirs.project_by_id(view.directory, issue["project_id"])
        return Response(200, {"organizationSlug": view.org_slug, "projectSlug": project["slug"],
                              "groupId": issue["id"], "shortId": serialize.short_id(view, issue),
                              "group": serialize.issue_list_json(view, issue)})

    def eventid_lookup(self, req, view, event):
        issue = self._by_event_id(view, event)
        if issue is None:
            raise ApiError(404, NOT_FOUND)
        index = evts.event_index(issue, event)
        project = dirs.project_by_id(view.directory, issue["project_id"])
        return Response(200, {"organizationSlug": view.org_slug, "projectSlug": project["slug"],
                              "groupId": issue["id"], "eventId": issue["events"][index]["id"],
                              "event": evts.build_event(view, issue, index)})

    def project_event(self, req, view, project, event):
        project = self._project(view, project)
        issue = self._by_event_id(view, event)
        if issue is None or issue["project_id"] != project["id"]:
            raise ApiError(404, NOT_FOUND)
        return Response(200, evts.build_event(view, issue, evts.event_index(issue, event)))

    def list_events(self, req, view, issue):
        issue = self._issue(view, issue)
        environments = self._environments(req, view)
        try:
            start, end, _ = search.period_window(req.params, view.now)
        except search.SearchError as exc:
            raise _bad_request(str(exc))
        indexes = [k for k, stub in enumerate(issue["events"])
                   if (not environments or stub["environment"] in environments)
                   and (start is None or stub["date"] >= start) and (end is None or stub["date"] <= end)]
        query = (req.last("query") or "").strip()
        if query:
            try:
                matcher = eventsearch.compile_event_query(query)
            except search.SearchError as exc:
                raise _bad_request(str(exc))
            indexes = [k for k in indexes if matcher(evts.build_event(view, issue, k))]
        indexes.reverse()  # newest first
        full = req.last("full") in ("true", "1")
        build = evts.build_event if full else evts.event_summary
        return self._paged(req, indexes, lambda k: build(view, issue, k))

    def list_project_events(self, req, view, project):
        """Sentry's ProjectEventsEndpoint: the project's error events (not
        transactions), newest first; `query` is a case-insensitive substring of
        the message; `statsPeriod` or `start`+`end` bound the dates."""
        project = self._project(view, project)
        try:
            start, end, _ = search.period_window(req.params, view.now)
        except search.SearchError:
            raise _bad_request("Invalid date range parameters provided")
        text = (req.last("query") or "").lower()
        found = []
        for issue in view.dataset["issues"]:
            if issue["project_id"] != project["id"] or issue["issueCategory"] != "error":
                continue
            if text and text not in f"{issue['title']}\n{issue['culprit'] or ''}".lower():
                continue
            datasets.ensure_details(view.dataset, issue)
            found += [(stub["date"], stub["id"], issue, k) for k, stub in enumerate(issue["events"])
                      if (start is None or stub["date"] >= start) and (end is None or stub["date"] <= end)]
        found.sort(key=lambda item: (item[0], item[1]), reverse=True)
        build = evts.build_event if req.last("full") in ("1", "true") else evts.event_summary
        return self._paged(req, found, lambda item: build(view, item[2], item[3]))

    def issue_event(self, req, view, issue, event):
        issue = self._issue(view, issue)
        index = evts.event_index(issue, event)
        if index is None:
            raise ApiError(404, NOT_FOUND)
        return Response(200, evts.build_event(view, issue, index))

    def issue_tags(self, req, view, issue):
        issue = self._issue(view, issue)
        try:
            limit = max(1, min(1000, int(req.last("limit", "10"))))
        except ValueError:
            raise _bad_request("Invalid limit")
        return Response(200, evts.issue_tags_json(issue, req.all("key"), limit))

    def issue_tag(self, req, view, issue, key):
        issue = self._issue(view, issue)
        if key not in issue["tags"]:
            raise ApiError(404, NOT_FOUND)
        return Response(200, evts.tag_key_json(issue, key, 9))

    def issue_tag_values(self, req, view, issue, key):
        issue = self._issue(view, issue)
        if key not in issue["tags"]:
            raise ApiError(404, NOT_FOUND)
        values = evts.tag_values_json(issue, key, req.last("sort"))
        return self._paged(req, values, lambda v: v)

    # ------------------------------------------------------ releases ----

    def _release_list(self, req, view, projects):
        self._environments(req, view)
        found = releases.listing(view.dataset, projects, req.last("query") or "", req.last("status"))
        try:
            periods = releases.health_params(req.params)
            found = releases.sort_releases(found, req.last("sort"), req.last("flatten") == "1",
                                           view.now, periods)
        except releases.HealthError as exc:
            raise _bad_request(str(exc))
        return self._paged(req, found, lambda pr: self._release_json(req, view, pr[0], pr[1]["version"]))

    @staticmethod
    def _release_json(req, view, project, version):
        try:
            periods = releases.health_params(req.params)
        except releases.HealthError as exc:
            raise _bad_request(str(exc))
        return releases.release_json(view.dataset, project, version, req.last("health") == "1",
                                     req.last("adoptionStages") == "1", periods)

    def sessions(self, req, view):
        projects = self._org_projects(req, view, needs_global_views=False)
        self._environments(req, view)
        try:
            return Response(200, releases.sessions_json(view.directory, projects, req.params, view.now))
        except releases.HealthError as exc:
            raise _bad_request(str(exc))

    def list_releases(self, req, view):
        # Releases are listed across projects without the global-views feature.
        return self._release_list(req, view, self._org_projects(req, view, needs_global_views=False))

    def list_project_releases(self, req, view, project):
        return self._release_list(req, view, [self._project(view, project)])

    def _release(self, view, version):
        project, _ = releases.find(view.directory, version)
        if project is None:
            raise ApiError(404, NOT_FOUND)
        return project

    def release_detail(self, req, view, version):
        project = self._release(view, version)
        return Response(200, self._release_json(req, view, project, version))

    def list_deploys(self, req, view, version):
        project = self._release(view, version)
        release = next(r for r in project["releases"] if r["version"] == version)
        return self._paged(req, releases.deploys(project, release), lambda d: d)

    # ------------------------------------------------------ discover ----

    def org_events(self, req, view):
        """Transactions from the spans or transactions dataset (discover.py)."""
        projects = self._org_projects(req, view)
        environments = self._environments(req, view)
        try:
            rows, meta = discover.events_response(view, req.params, projects, environments)
        except discover.DiscoverError as exc:
            raise _bad_request(str(exc))
        try:
            page, prev_c, has_prev, next_c, has_next = pagination.offset_page(
                rows, req.last("cursor"), self._per_page(req))
        except pagination.CursorError:
            raise _bad_request("Invalid cursor parameter.")
        link = pagination.link_header(req.base_url, req.path, req.pairs, prev_c, has_prev, next_c, has_next)
        return Response(200, {"data": page, "meta": meta}, {"Link": link})

    # --------------------------------------------------------- trace ----

    def trace(self, req, view, trace):
        return self._paged(req, traces.trace_json(view, trace), lambda node: node)
