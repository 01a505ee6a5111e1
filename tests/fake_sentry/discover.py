"""GET /api/0/organizations/{org}/events/ for transactions (docs/sentry-api.md §7;
fixture sentry-mcp.org-events-spans.json).

The transactions are the events of the performance issues (their events are
transactions, with spans and a trace the trace endpoint knows). Two datasets, as
Sentry has them: `spans` (current Sentry; `query=is_transaction:true`, a row's
`id` is the transaction's root span) and `transactions` (older self-hosted; a row's
`id` is the event id). Each row holds only the asked `field`s, and `meta.fields`
types them. Sentry's errors: an unknown dataset or field, or a sort on a field
that is not selected, is a 400 `{"detail": …}`.
"""

import fnmatch
import shlex

import datasets
import directory as dirs
import events as evts
import search
import traces
from timeutil import parse_iso

FIELD_TYPES = {
    "spans": {"id": "string", "span.op": "string", "span.description": "string",
              "span.duration": "duration", "span.status": "string", "transaction": "string",
              "timestamp": "date", "project": "string", "project.name": "string", "trace": "string",
              "transaction.span_id": "string", "is_transaction": "boolean"},
    "transactions": {"id": "string", "transaction": "string", "transaction.op": "string",
                     "transaction.duration": "duration", "transaction.status": "string",
                     "project": "string", "project.name": "string", "timestamp": "date",
                     "trace": "string", "event.type": "string"},
}
DURATION_FIELD = {"spans": "span.duration", "transactions": "transaction.duration"}


class DiscoverError(Exception):
    pass


def _row(view, issue, index, dataset):
    """Every field of one transaction event, as the dataset names it."""
    event = evts.build_event(view, issue, index)
    project = dirs.project_by_id(view.directory, issue["project_id"])
    trace = (event.get("contexts") or {}).get("trace") or {}
    name = traces._transaction_name(event) or event["title"]
    duration = round((event["endTimestamp"] - event["startTimestamp"]) * 1000, 3)
    end = parse_iso(event["dateCreated"]).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    common = {"transaction": name, "timestamp": end, "project": project["slug"],
              "project.name": project["slug"], "trace": trace.get("trace_id"),
              "environment": next((t["value"] for t in event.get("tags") or [] if t["key"] == "environment"), None),
              "_date": parse_iso(event["dateCreated"]), "_project_id": project["id"]}
    if dataset == "spans":
        common.update({"id": trace.get("span_id"), "span.op": trace.get("op"), "span.description": name,
                       "span.duration": duration, "span.status": trace.get("status") or "ok",
                       "transaction.span_id": trace.get("span_id"), "is_transaction": True})
    else:
        common.update({"id": event["eventID"], "transaction.op": trace.get("op"),
                       "transaction.duration": duration, "transaction.status": trace.get("status") or "ok",
                       "event.type": "transaction"})
    return common


def _transactions(view, dataset):
    rows = []
    for issue in view.dataset["issues"]:
        if not issue["type"].startswith("performance_"):
            continue
        datasets.ensure_details(view.dataset, issue)
        rows += [_row(view, issue, index, dataset) for index in range(len(issue["events"]))]
    return rows


def _query_filter(query, dataset):
    """is_transaction:true / event.type:transaction, transaction:GLOB and trace:ID terms."""
    try:
        tokens = shlex.split(query or "")
    except ValueError:
        raise DiscoverError("Parse error at '%s' (column 1). This is commonly caused by unmatched parentheses." % query)
    globs, traces_wanted = [], []
    for token in tokens:
        key, sep, value = token.partition(":")
        if not sep:
            raise DiscoverError("Free text search is not supported here: use transaction:*TEXT*")
        if key == "is_transaction" and dataset == "spans":
            continue
        if key == "event.type" and value == "transaction":
            continue
        if key == "transaction":
            globs.append(value.lower())
            continue
        if key == "trace":
            traces_wanted.append(value.lower())
            continue
        raise DiscoverError(f"Invalid query. Field {key} is not supported here.")
    return lambda row: (all(fnmatch.fnmatchcase(row["transaction"].lower(), g) for g in globs)
                        and all((row["trace"] or "") == t for t in traces_wanted))


def events_response(view, params, projects, environments):
    """(rows, meta) for the request's params; raises DiscoverError for a 400."""
    dataset = (params.get("dataset") or [None])[-1]
    if dataset not in FIELD_TYPES:
        raise DiscoverError(f"dataset must be one of: {', '.join(sorted(FIELD_TYPES))}" if dataset
                            else "A dataset is required")
    fields = params.get("field") or []
    if not fields:
        raise DiscoverError("No columns selected")
    unknown = [f for f in fields if f not in FIELD_TYPES[dataset]]
    if unknown:
        raise DiscoverError(f"Unknown field: {unknown[0]}")
    sort = (params.get("sort") or ["-timestamp"])[-1]
    if sort.lstrip("-") not in fields:
        raise DiscoverError(f"orderby must also be in the selected fields: {sort}")
    try:
        start, end, _ = search.period_window(params, view.now)
    except search.SearchError as exc:
        raise DiscoverError(str(exc))
    matches = _query_filter((params.get("query") or [""])[-1], dataset)
    project_ids = {p["id"] for p in projects}
    rows = [r for r in _transactions(view, dataset)
            if r["_project_id"] in project_ids and matches(r)
            and (not environments or r["environment"] in environments)
            and (start is None or r["_date"] >= start) and (end is None or r["_date"] <= end)]
    key = sort.lstrip("-")
    rows.sort(key=lambda r: (r[key] if key != "timestamp" else r["_date"], r["id"] or ""),
              reverse=sort.startswith("-"))
    meta = {"fields": {f: FIELD_TYPES[dataset][f] for f in fields},
            "units": {f: ("millisecond" if FIELD_TYPES[dataset][f] == "duration" else None) for f in fields},
            "isMetricsData": False, "tips": {}}
    return [{f: r.get(f) for f in fields} for r in rows], meta
