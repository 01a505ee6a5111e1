"""GET /api/0/organizations/{org}/trace/{trace_id}/ (docs/sentry-api.md §7; openapi.org-trace.json).

Built the way Sentry's OrganizationTraceEndpoint.query_trace_data assembles it:
the spans of the trace are nested under their parent (`parent_span_id`), spans
whose parent is not in the trace are roots, errors hang on the span they
happened in (their `contexts.trace.span_id`) or, when that span is not stored,
become roots themselves, and performance-issue occurrences hang on their
offender spans (`evidenceData.offenderSpanIds`). A span node's `event_id` is the
span id and `transaction_id` the id of the transaction event holding it;
`duration` is in milliseconds. The fake stores spans only inside transaction
events (performance and regression issues): an error event's trace holds just
the error, as on a Sentry org that does not sample transactions. An unknown
trace id gives an empty list (Sentry paginates this endpoint and never 404s on
an id it does not know).
"""

import datasets
import directory as dirs
import events as evts
import serialize
from timeutil import parse_iso


def _events_in_trace(view, trace_id):
    """(issue, index) of every event whose trace id is `trace_id`."""
    found = []
    for issue in view.dataset["issues"]:
        for index, event_trace in enumerate(datasets.trace_ids(issue)):
            if event_trace == trace_id:
                found.append((datasets.ensure_details(view.dataset, issue), index))
    return found


def _issue_ref(view, issue, project, event_type, event_id, start, end, description, level, transaction):
    ref = {"event_id": event_id, "project_id": int(project["id"]), "project_slug": project["slug"],
           "start_timestamp": start}
    if end is not None:
        ref["end_timestamp"] = end
    ref.update({"transaction": transaction, "description": description, "level": level,
                "issue_id": int(issue["id"]), "event_type": event_type, "culprit": issue["culprit"],
                "short_id": serialize.short_id(view, issue), "issue_type": issue["issueType"]})
    return ref


def _transaction_name(event):
    """The transaction tag (an issue event's title may be the issue's title)."""
    return next((t["value"] for t in event.get("tags") or [] if t["key"] == "transaction"), "")


def _span_node(event, project, span, is_transaction):
    start, end = span["start_timestamp"], span["timestamp"]
    sdk = event.get("sdk") or {}
    return {
        "children": [], "errors": [], "occurrences": [],
        "event_id": span["span_id"], "transaction_id": event["eventID"],
        "project_id": int(project["id"]), "project_slug": project["slug"],
        "profile_id": "", "profiler_id": "", "parent_span_id": span.get("parent_span_id"),
        "start_timestamp": start, "end_timestamp": end,
        "measurements": ({f"measurements.{k}": v.get("value") for k, v in (event.get("measurements") or {}).items()}
                         if is_transaction else {}),
        "duration": round((end - start) * 1000, 3), "transaction": _transaction_name(event) or event["title"],
        "is_transaction": is_transaction, "description": span.get("description"),
        "sdk_name": sdk.get("name") or "", "op": span.get("op"), "name": span.get("op"),
        "event_type": "span",
    }


def _transaction_spans(event):
    """The root span (from contexts.trace and the event's times) and its child spans."""
    trace = (event.get("contexts") or {}).get("trace") or {}
    root = {"span_id": trace.get("span_id"), "parent_span_id": trace.get("parent_span_id"),
            "op": trace.get("op"), "description": _transaction_name(event) or event["title"],
            "start_timestamp": event["startTimestamp"], "timestamp": event["endTimestamp"]}
    children = [span for entry in event.get("entries") or [] if entry.get("type") == "spans"
                for span in entry.get("data") or []]
    return root, children


def trace_json(view, trace_id):
    wanted = trace_id.lower()
    nodes, errors, occurrences = [], [], []
    for issue, index in _events_in_trace(view, wanted):
        event = evts.build_event(view, issue, index)
        project = dirs.project_by_id(view.directory, issue["project_id"])
        if event.get("type") == "transaction":
            root, children = _transaction_spans(event)
            transaction_nodes = [_span_node(event, project, root, True)]
            transaction_nodes += [_span_node(event, project, s, False) for s in children]
            nodes += transaction_nodes
            occurrence = event.get("occurrence")
            if occurrence:
                for span_id in occurrence.get("evidenceData", {}).get("offenderSpanIds") or []:
                    occurrences.append((span_id, issue, project, occurrence))
        else:
            span_id = ((event.get("contexts") or {}).get("trace") or {}).get("span_id")
            transaction = _transaction_name(event)
            moment = parse_iso(event["dateCreated"]).timestamp()
            errors.append((span_id, _issue_ref(view, issue, project, "error", event["eventID"], moment, None,
                                               event["title"], issue["level"], transaction)))

    by_id = {node["event_id"]: node for node in nodes}
    roots = []
    for node in sorted(nodes, key=lambda n: n["start_timestamp"]):
        parent = by_id.get(node["parent_span_id"])
        (parent["children"] if parent is not None and parent is not node else roots).append(node)
    for span_id, issue, project, occurrence in occurrences:
        node = by_id.get(span_id)
        if node is not None:
            node["occurrences"].append(_issue_ref(
                view, issue, project, "occurrence", occurrence["id"], node["start_timestamp"],
                node["end_timestamp"], occurrence["issueTitle"], occurrence["level"], node["transaction"]))
    for span_id, error in errors:
        node = by_id.get(span_id)
        (node["errors"] if node is not None else roots).append(error)
    return roots
