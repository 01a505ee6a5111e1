"""The fake server as GlitchTip answers (docs/sentry-api.md §12), for `--flavor glitchtip`.

Same data, GlitchTip's API: issue lists sort by last_seen, first_seen, count or
priority (optionally with '-') and Sentry's date/new/freq/user are a 422 with
django-ninja's error list; issues lack assignedTo, substatus, isBookmarked,
hasSeen, priority and isUnhandled, have `culprit` "" and `stats` {"24h": []}
(sparklines come from `issues-stats/`); the org-scoped issue route is PUT only
(GET is a 405); events/recommended and events/oldest do not exist (the uuid route
answers 422); updates honour `status` only and drop every other key, a bulk PUT
echoes what it honoured; releases come without health (`health=1` is ignored);
short-id and event-id look-ups, sessions, the events
endpoint (Discover) and traces do not exist (404). Events carry only the exception,
breadcrumbs, message, request and csp entries; their frames keep GlitchTip's few
camelCase keys (inApp, absPath, colNo, lineNo, context) and the rest snake_case
(context_line, pre_context, instruction_addr, raw_function…); `hasSystemFrames` is
inverted as GlitchTip computes it; tags are [{key, value}].
"""

import base64
import re

import api as sentry_api
import releases
import serialize
from api import ApiError, Response

GLITCHTIP_SORTS = {"last_seen": "date", "first_seen": "new", "count": "freq", "priority": "date"}
DROPPED_KEYS = ("assignedTo", "substatus", "isBookmarked", "hasSeen", "priority", "isUnhandled",
                "priorityLockedAt", "inbox", "isSubscribed", "seerFixabilityScore")
NOT_FOUND = {"detail": "Not Found"}
EVENT_ENTRIES = ("exception", "breadcrumbs", "message", "request", "csp")
FRAME_CAMEL_KEPT = ("inApp", "absPath", "colNo", "lineNo", "context")


def _snake(key):
    return re.sub(r"(?<=[a-z0-9])([A-Z])", lambda m: "_" + m.group(1).lower(), key)


def _glitchtip_frame(frame):
    return {k if k in FRAME_CAMEL_KEPT else _snake(k): v for k, v in frame.items()}


def _glitchtip_event(event):
    """An event as GlitchTip's IssueEventSchema serializes it (docs/sentry-api.md §12)."""
    entries = []
    for entry in event.get("entries", []):
        if entry.get("type") not in EVENT_ENTRIES:
            continue
        if entry["type"] == "exception":
            data = entry.get("data") or {}
            frames = []
            for value in data.get("values") or []:
                trace = value.get("stacktrace") or {}
                trace["frames"] = [_glitchtip_frame(f) for f in trace.get("frames") or []]
                frames += trace["frames"]
            data["hasSystemFrames"] = any(f.get("inApp") for f in frames)
        entries.append(entry)
    event["entries"] = entries
    event["tags"] = [{"key": t.get("key"), "value": t.get("value")} for t in event.get("tags") or []]
    return event


def _unprocessable(loc, msg):
    return ApiError(422, {"detail": [{"type": "value_error", "loc": loc, "msg": msg}]})


def _opaque(cursor):
    return base64.urlsafe_b64encode(("o:" + cursor).encode()).decode().rstrip("=")


def _plain(cursor):
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return "not-a-cursor"
    return text[2:] if text.startswith("o:") else "not-a-cursor"


def _glitchtip_link(link):
    """Sentry's Link header as GlitchTip sends it: opaque cursors, no cursor attribute
    on a link without results, and the whole value wrapped like a Python set."""
    entries = []
    for entry in re.findall(r'<[^>]*>[^<]*', link):
        entry = entry.strip().rstrip(",").strip()
        cursor = re.search(r'cursor="([^"]*)"', entry)
        if cursor:
            opaque = _opaque(cursor.group(1))
            entry = entry.replace("cursor=" + cursor.group(1), "cursor=" + opaque)
            entry = entry.replace('cursor="%s"' % cursor.group(1), 'cursor="%s"' % opaque)
        if 'results="false"' in entry:
            entry = re.sub(r';\s*cursor="[^"]*"', "", entry)
        entries.append(entry)
    return "{'" + ", ".join(entries) + "'}"


def _glitchtip_issue(row):
    for key in DROPPED_KEYS:
        row.pop(key, None)
    row["culprit"] = row.get("culprit") or ""
    row["stats"] = {"24h": []}
    row["statusDetails"] = {}
    return row


class GlitchTipApi(sentry_api.Api):
    def _routes(self):
        routes = super()._routes()
        org = r"/api/0/organizations/(?P<org>[^/]+)"
        gone = [org + r"/shortids/(?P<short>[^/]+)/", org + r"/eventids/(?P<event>[^/]+)/",
                org + "/sessions/", org + "/events/", org + r"/trace/(?P<trace>[^/]+)/",
                org + r"/issues/(?P<issue>[^/]+)/events/", org + r"/issues/(?P<issue>[^/]+)/tags/"]
        kept = [(p, m) for p, m in routes if p.pattern not in {"^" + g + "$" for g in gone}]
        extra = [(re.compile("^" + org + "/issues-stats/$"), {"GET": self.issues_stats})]
        return extra + kept

    # Issue lists ---------------------------------------------------------

    def _sort(self, req, query):
        sort = req.last("sort") or "-last_seen"
        if sort.lstrip("-") not in GLITCHTIP_SORTS:
            raise _unprocessable(["query", "sort"],
                                 "Input should be 'last_seen', 'first_seen', 'count' or 'priority'")
        return GLITCHTIP_SORTS[sort.lstrip("-")]

    def _issue_list(self, req, view, projects, stats_period, window, start, end):
        cursor = req.last("cursor")
        if cursor:
            plain = _plain(cursor)
            req.params["cursor"] = [plain]
            req.pairs = [(k, plain if k == "cursor" else v) for k, v in req.pairs]
        response = super()._issue_list(req, view, projects, stats_period, window, start, end)
        if isinstance(response.payload, list):
            response.payload = [_glitchtip_issue(row) for row in response.payload]
        if "Link" in response.headers:
            response.headers["Link"] = _glitchtip_link(response.headers["Link"])
        return response

    def issues_stats(self, req, view):
        ids = req.all("groups")
        period = req.last("statsPeriod") or "24h"
        if period not in ("24h", "14d"):
            raise _unprocessable(["query", "statsPeriod"], "Input should be '24h' or '14d'")
        rows = []
        for issue in view.dataset["issues"]:
            if issue["id"] in ids:
                full = serialize.issue_list_json(view, issue, period, 14 * serialize.DAY, ())
                rows.append({"id": issue["id"], "count": full["count"], "userCount": full["userCount"],
                             "stats": {period: full["stats"].get(period, [])}})
        return Response(200, rows)

    # One issue -----------------------------------------------------------

    def handle(self, req):
        # The org-scoped issue route serves PUT only.
        if req.method == "GET" and re.match(r"^/api/0/organizations/[^/]+/issues/[^/]+/$", req.path):
            return Response(405, {"detail": "Method Not Allowed"}, {"Allow": "PUT"})
        if req.method == "GET" and re.match(r"^/api/0/organizations/[^/]+/issues/[^/]+/.+", req.path):
            return Response(404, NOT_FOUND)
        return super().handle(req)

    def issue_detail(self, req, view, issue):
        response = super().issue_detail(req, view, issue)
        _glitchtip_issue(response.payload)
        return response

    def issue_event(self, req, view, issue, event):
        if event in ("recommended", "oldest"):
            raise _unprocessable(["path", "event_id"], "Input should be a valid UUID")
        response = super().issue_event(req, view, issue, event)
        _glitchtip_event(response.payload)
        return response

    # Releases: no health -----------------------------------------------

    @staticmethod
    def _release_json(req, view, project, version):
        row = releases.release_json(view.dataset, project, version)
        for p in row["projects"]:
            p.pop("hasHealthData", None)
        return row

    # Updates: status only ------------------------------------------------

    @staticmethod
    def _honoured(req):
        body = sentry_api.Api._json_body(req)
        return {k: v for k, v in body.items() if k in ("status", "merge")}

    def _bulk_update(self, req, view, projects):
        honoured = self._honoured(req)
        targets = self._bulk_targets(req, view, projects)
        if targets and honoured.get("status"):
            import mutations
            mutations.update_issues(view, self.dataset, targets, {"status": honoured["status"]})
        return Response(200, honoured)

    def update_issue(self, req, view, issue):
        honoured = self._honoured(req)
        target = self._issue(view, issue)
        if honoured.get("status"):
            import mutations
            mutations.update_issues(view, self.dataset, [target], {"status": honoured["status"]})
        return Response(200, _glitchtip_issue(serialize.issue_base_json(view, target)))
