"""Events of an issue: full event JSON, summary rows, and the issue's tag endpoints.

A full event is a real fixture event (chosen by the issue's kind) with its ids,
dates, title/culprit/metadata, exception, tags, user, release and trace ids
rewritten for this issue; breadcrumb and span times are shifted by the same
offset as the event date so the timeline inside the event stays coherent.
"""

import copy
import hashlib
from datetime import timedelta

import catalog
import directory as dirs
import fixtures
from tagstats import TAG_NAMES
from timeutil import iso, parse_iso

_JS_TEMPLATE_FOR_MINIFIED = catalog.JS_SMALL_EVENT
_RELEASE_TEMPLATE = fixtures.api("sentry-mcp.release.json")

# Tags that we recompute per event; all other fixture tags (runtime, logger, ...) are kept.
_OVERRIDDEN_TAGS = {"environment", "level", "release", "browser", "browser.name", "os", "os.name",
                    "url", "user", "server_name", "handled", "mechanism", "transaction"}


def _template(name):
    if name == catalog.JS_MINIFIED_EVENT:
        return fixtures.ingest_event_to_api(fixtures.api(name), fixtures.api(_JS_TEMPLATE_FOR_MINIFIED))
    return fixtures.api(name)


def _fixture_date(event):
    for key in ("dateCreated", "datetime", "dateReceived"):
        if event.get(key):
            return parse_iso(event[key])
    return None


def _shift_iso(value, delta):
    try:
        return iso(parse_iso(value) + delta, "us")
    except (TypeError, ValueError):
        return value


def _span_shift(event, new_date):
    """Seconds to add to transaction/span timestamps so the transaction ends at
    the event's new date (the mock fixtures' span clocks differ from their dates)."""
    end = event.get("endTimestamp")
    if not isinstance(end, (int, float)):
        ends = [span.get("timestamp") for entry in event.get("entries", []) if entry["type"] == "spans"
                for span in entry.get("data") or [] if isinstance(span.get("timestamp"), (int, float))]
        end = max(ends) if ends else None
    return new_date.timestamp() - end if end is not None else 0.0


def _shift_entries(entries, delta, span_shift):
    seconds = delta.total_seconds()
    for entry in entries:
        if entry["type"] == "breadcrumbs":
            for crumb in (entry.get("data") or {}).get("values", []):
                if isinstance(crumb.get("timestamp"), str):
                    crumb["timestamp"] = _shift_iso(crumb["timestamp"], delta)
                elif isinstance(crumb.get("timestamp"), (int, float)):
                    crumb["timestamp"] += seconds
        elif entry["type"] == "spans":
            for span in entry.get("data") or []:
                for key in ("start_timestamp", "timestamp"):
                    if isinstance(span.get(key), (int, float)):
                        span[key] = round(span[key] + span_shift, 6)


def _moved_path(abs_path, old_filename, new_filename):
    """absPath of a frame whose file became `new_filename`, keeping the original
    root: the URL origin for JavaScript, the deploy directory for servers."""
    abs_path = abs_path or ""
    tail = new_filename.lstrip("/")
    if "://" in abs_path and not abs_path.startswith("webpack:"):
        scheme, _, rest = abs_path.partition("://")
        return f"{scheme}://{rest.split('/', 1)[0]}/{tail}"
    if old_filename and abs_path.endswith(old_filename.lstrip("/")):
        root = abs_path[: len(abs_path) - len(old_filename.lstrip("/"))]
        return root + tail
    return new_filename


def _rewrite_exception(entry, issue):
    variant = issue["variant"]
    values = entry["data"].get("values") or []
    if not values or not variant.exc_type:
        return
    raised = values[-1]  # chained exceptions are oldest first; the raised one is last
    raised["type"] = variant.exc_type
    raised["value"] = variant.exc_value
    if raised.get("mechanism") is not None:
        raised["mechanism"]["handled"] = not issue["isUnhandled"]
    frames = ((raised.get("stacktrace") or {}).get("frames")) or []
    if frames:
        crashing = frames[-1]  # frames are oldest call first; the crashing frame is last
        if variant.filename:
            crashing["absPath"] = _moved_path(crashing.get("absPath"), crashing.get("filename"),
                                              variant.filename)
        crashing["function"] = variant.function
        crashing["module"] = variant.module
        crashing["filename"] = variant.filename
        crashing["inApp"] = True


def _rewrite_message(entry, issue):
    variant = issue["variant"]
    entry["data"]["formatted"] = issue["title"]
    if variant.message_template:
        entry["data"]["message"] = variant.message_template
        entry["data"]["params"] = list(variant.message_params)


def _user_from_tag(value):
    if not value:
        return None
    kind, _, ident = value.partition(":")
    user = {"id": None, "email": None, "username": None, "ip_address": None, "name": None,
            "geo": None, "data": {}}
    field = {"email": "email", "id": "id", "ip": "ip_address", "username": "username"}[kind]
    user[field] = ident
    if kind != "ip":
        user["ip_address"] = "192.0.2.44"
    return user


def _release_json(project, version):
    if not version:
        return None
    release = next(r for r in project["releases"] if r["version"] == version)
    result = copy.deepcopy(_RELEASE_TEMPLATE)
    short = version.split("@", 1)[-1]
    result.update({
        "id": 1402755000 + project["releases"].index(release) + 100 * int(project["id"]),
        "version": version, "shortVersion": short,
        "versionInfo": {"package": version.split("@", 1)[0], "version": {"raw": short},
                        "description": short, "buildHash": None},
        "dateCreated": iso(release["dateCreated"], "us"),
        "dateReleased": iso(release["dateReleased"], "us"),
        "firstEvent": iso(release["dateReleased"]), "lastEvent": iso(release["dateReleased"]),
        "projects": [{"id": int(project["id"]), "slug": project["slug"], "name": project["name"],
                      "newGroups": 0, "platform": project["platform"],
                      "platforms": [project["platform"]], "hasHealthData": False}],
    })
    return result


def _event_tags(template_tags, issue, stub, mechanism):
    tags = {t["key"]: t["value"] for t in template_tags if t["key"] not in _OVERRIDDEN_TAGS}
    tags["environment"] = stub["environment"]
    tags["level"] = issue["level"]
    if stub["release"]:
        tags["release"] = stub["release"]
    if stub["browser"]:
        tags["browser"] = stub["browser"]
        tags["browser.name"] = stub["browser"].rsplit(" ", 1)[0]
    if stub["os"]:
        tags["os"] = stub["os"]
        tags["os.name"] = stub["os"].rsplit(" ", 1)[0] if " " in stub["os"] else stub["os"]
    for key in ("url", "user", "server_name"):
        if stub[key]:
            tags[key] = stub[key]
    if mechanism:
        tags["handled"] = "no" if issue["isUnhandled"] else "yes"
        tags["mechanism"] = mechanism.get("type") or "generic"
    if issue["type"] != "error" and issue["type"] != "default":
        tags["transaction"] = issue["culprit"]
    return [{"key": key, "value": value} for key, value in sorted(tags.items())]


def _contexts(event, stub):
    contexts = event.get("contexts") or {}
    trace = contexts.get("trace")
    if isinstance(trace, dict):
        trace["trace_id"] = stub["trace_id"]
        trace["span_id"] = stub["span_id"]
    if stub["browser"]:
        name, _, version = stub["browser"].rpartition(" ")
        contexts["browser"] = {"name": name, "version": version, "type": "browser"}
    if stub["os"]:
        name, _, version = stub["os"].rpartition(" ") if " " in stub["os"] else (stub["os"], "", "")
        contexts["os"] = {"name": name, "version": version or None, "type": "os"}
    event["contexts"] = contexts


def _rewrite_spans(event, stub, fixture_root_span):
    """Spans belong to the event's trace, and those under the fixture's root span
    hang under the event's root span (contexts.trace.span_id), as in one trace."""
    for entry in event.get("entries", []):
        if entry["type"] != "spans":
            continue
        for span in entry.get("data") or []:
            span["trace_id"] = stub["trace_id"]
            if fixture_root_span and span.get("parent_span_id") == fixture_root_span:
                span["parent_span_id"] = stub["span_id"]


def _transaction_times(event):
    """Sentry serializes every transaction with startTimestamp/endTimestamp (§7);
    the hand-made N+1 fixture lacks them, so they span its spans."""
    if event.get("type") != "transaction" or "startTimestamp" in event:
        return
    spans = [span for entry in event.get("entries", []) if entry["type"] == "spans"
             for span in entry.get("data") or []]
    if spans:
        event["startTimestamp"] = min(span["start_timestamp"] for span in spans)
        event["endTimestamp"] = max(span["timestamp"] for span in spans)


def _stretch_older_transactions(event, issue, index):
    """Transactions do not all take as long as the fixture's: each older event of a
    performance issue runs 0.5-3x as long (seeded), spans and all; the latest keeps the
    fixture's times."""
    if event.get("type") != "transaction" or index == len(issue["events"]) - 1:
        return
    start = event.get("startTimestamp")
    if not isinstance(start, (int, float)):
        return
    factor = 0.5 + int(hashlib.md5(f"{issue['seed']}:stretch:{index}".encode()).hexdigest(), 16) % 26 / 10
    def stretch(t):
        return round(start + (t - start) * factor, 6)
    event["endTimestamp"] = stretch(event["endTimestamp"])
    for entry in event.get("entries", []):
        if entry["type"] == "spans":
            for span in entry.get("data") or []:
                span["start_timestamp"] = stretch(span["start_timestamp"])
                span["timestamp"] = stretch(span["timestamp"])


def _occurrence(template, issue, project, stub):
    """null for error events (as Sentry sends); a performance issue's occurrence
    (sentry-mcp N+1 fixture) rewritten for this issue and event."""
    if not template:
        return None
    occurrence = copy.deepcopy(template)
    occurrence.update({
        "id": hashlib.md5(f"{stub['id']}:occurrence".encode("utf-8")).hexdigest(), "projectId": int(project["id"]),
        "eventId": stub["id"], "issueTitle": issue["title"], "culprit": issue["culprit"],
        "level": issue["level"], "detectionTime": int(stub["date"].timestamp()),
    })
    occurrence["fingerprint"] = [issue["issueType"], issue["metadata"].get("value") or issue["title"]]
    evidence = occurrence.get("evidenceData") or {}
    evidence["transactionName"] = issue["culprit"]
    return occurrence


def _prebuilt_event(view, issue, index):
    """An event of the `events` data set: its body is complete (eventshapes.py),
    only the issue id, project id and the links to its neighbours are filled in."""
    events = issue["events"]
    event = copy.deepcopy(events[index]["body"])
    event["groupID"] = issue["id"]
    event["projectID"] = issue["project_id"]
    event["previousEventID"] = events[index - 1]["id"] if index > 0 else None
    event["nextEventID"] = events[index + 1]["id"] if index + 1 < len(events) else None
    event.setdefault("occurrence", None)  # Sentry sends the key on every event: null for errors
    return event


def build_event(view, issue, index):
    """The full API-form event `index` (0 = oldest) of `issue`."""
    stub = issue["events"][index]
    if "body" in stub:
        return _prebuilt_event(view, issue, index)
    project = dirs.project_by_id(view.directory, issue["project_id"])
    event = _template(issue["variant"].event_fixture)
    original_date = _fixture_date(event)
    delta = (stub["date"] - original_date) if original_date else timedelta(0)
    span_shift = _span_shift(event, stub["date"])

    event["id"] = stub["id"]
    event["eventID"] = stub["id"]
    event["groupID"] = issue["id"]
    event["projectID"] = project["id"]
    event["dateCreated"] = iso(stub["date"], "ms")
    event["dateReceived"] = iso(stub["date"] + timedelta(milliseconds=431), "us")
    event["title"] = issue["title"]
    event["culprit"] = issue["culprit"]
    event["metadata"] = copy.deepcopy(issue["metadata"])
    event["platform"] = issue["platform"]
    event["location"] = issue["variant"].filename or issue["culprit"]
    event["message"] = issue["title"] if issue["type"] == "default" else ""
    event["previousEventID"] = issue["events"][index - 1]["id"] if index > 0 else None
    event["nextEventID"] = issue["events"][index + 1]["id"] if index + 1 < len(issue["events"]) else None
    for key in ("startTimestamp", "endTimestamp"):
        if isinstance(event.get(key), (int, float)):
            event[key] = round(event[key] + span_shift, 3)

    mechanism = None
    for entry in event.get("entries", []):
        if entry["type"] == "exception":
            _rewrite_exception(entry, issue)
            values = entry["data"].get("values") or []
            mechanism = values[-1].get("mechanism") if values else None
        elif entry["type"] == "message":
            _rewrite_message(entry, issue)
        elif entry["type"] == "request" and stub["url"]:
            entry["data"]["url"] = stub["url"]
    _shift_entries(event.get("entries", []), delta, span_shift)
    fixture_root_span = ((event.get("contexts") or {}).get("trace") or {}).get("span_id")

    event["tags"] = _event_tags(event.get("tags") or [], issue, stub, mechanism)
    _contexts(event, stub)
    _rewrite_spans(event, stub, fixture_root_span)
    _transaction_times(event)
    _stretch_older_transactions(event, issue, index)
    event["occurrence"] = _occurrence(event.get("occurrence"), issue, project, stub)
    event["user"] = _user_from_tag(stub["user"])
    event["release"] = _release_json(project, stub["release"])
    event.pop("projectSlug", None)
    if "datetime" in event:
        event["datetime"] = iso(stub["date"], "us")
    return event


def event_summary(view, issue, index):
    """A row of GET .../issues/{id}/events/ without full=true (openapi.issue-events-list.json)."""
    event = build_event(view, issue, index)
    metadata = {"type": issue["metadata"].get("type"), "value": issue["metadata"].get("value")}
    return {
        "id": event["id"], "eventID": event["eventID"], "groupID": event["groupID"],
        "projectID": event["projectID"], "title": event["title"], "message": event["message"],
        "platform": event["platform"], "event.type": event.get("type", "error"),
        "dateCreated": event["dateCreated"], "culprit": event["culprit"],
        "location": event.get("location"), "crashFile": None, "user": event["user"],
        "tags": [{"key": t["key"], "value": t["value"]} for t in event.get("tags") or []],
        "metadata": metadata,
    }


def event_index(issue, which):
    """Index of the event named by latest/oldest/recommended or a 32-hex id; None if unknown."""
    events = issue["events"]
    if not events:
        return None
    if which in ("latest", "recommended"):
        return len(events) - 1
    if which == "oldest":
        return 0
    wanted = which.replace("-", "").lower()
    for index, stub in enumerate(events):
        if stub["id"] == wanted:
            return index
    return None


# --------------------------------------------------------------- tags ----

def _value_query(key, value):
    if key == "user":
        kind, _, ident = value.partition(":")
        field = {"ip": "ip"}.get(kind, kind)
        return f"user.{field}:{ident}"
    return None


def tag_value_json(key, value):
    result = {"key": key, "name": value["name"], "value": value["value"], "count": value["count"],
              "firstSeen": iso(value["firstSeen"], "us"), "lastSeen": iso(value["lastSeen"], "us")}
    query = _value_query(key, value["value"])
    if query:
        result["query"] = query
    return result


def tag_key_json(issue, key, limit):
    entry = issue["tags"][key]
    return {"key": key, "name": TAG_NAMES.get(key, key.title()), "totalValues": entry["total"],
            "uniqueValues": entry["unique"],
            "topValues": [tag_value_json(key, v) for v in entry["values"][:limit]]}


def issue_tags_json(issue, keys=None, limit=10):
    wanted = [k for k in sorted(issue["tags"]) if not keys or k in keys]
    return [tag_key_json(issue, key, limit) for key in wanted]


_VALUE_SORTS = {
    "-count": (lambda v: v["count"], True), "count": (lambda v: v["count"], False),
    "-date": (lambda v: v["lastSeen"], True), "date": (lambda v: v["lastSeen"], False),
    "-age": (lambda v: v["firstSeen"], True), "age": (lambda v: v["firstSeen"], False),
    "-id": (lambda v: v["count"], True), "id": (lambda v: v["count"], False),
}


def tag_values_json(issue, key, sort):
    key_fn, reverse = _VALUE_SORTS.get(sort or "-id", _VALUE_SORTS["-id"])
    values = sorted(issue["tags"][key]["values"], key=key_fn, reverse=reverse)
    return [tag_value_json(key, v) for v in values]
