#!/usr/bin/env python3
"""Checks a triage fault campaign and prints its counts.

    check.py --log requests.log --dumps DIR --initial initial.json --final final.json
             [--list list.json]

Reads the fake server's request log (every applied change carries the touched issues'
state as the server then held it, and `mono_ms`, on the clock of the dumps' `clock_us`),
the view dumps of the campaign (`sNNNN-KIND`, each with `clock_us`, when it was taken),
the server's state before and after, and `sentry-tui list --format json --all`.

Checks:
  * after every step, every row the client shows as settled (not pending) has the
    server's status, substatus, assignee and bookmark of that moment, unless the
    client said the change "may have been applied" (then the row shows the last
    confirmed state, and is excused until a later dump shows it right);
  * every change whose answer left the outcome open (no answer, a 5xx, a broken body, a
    refusal on a retry) was read again afterwards (GET of each of its issues);
  * at the end (faults off, refreshed, every page loaded): every issue the server has is
    in the view with the server's state; on the screen (all rows at once on a tall
    terminal, `final-screen`) with its badge, bookmark star and assignee; and in
    `sentry-tui list` (status, substatus, assignee).
Prints the counts and exits 1 on any failure (each named).
"""

import argparse
import collections
import json
import os
import re
import sys

FIELDS = ("status", "substatus", "assignee", "bookmarked")
ROW = re.compile(r"^issue: (\S+) (\S+) status=(\S+) substatus=(\S+) assignee=(\S*) "
                 r"bookmarked=(yes|no) pending=(yes|no)$")
ISSUE_GET = re.compile(r"^/api/0/(?:organizations/[^/]+/)?issues/(\d+)/$")
RETRYABLE = {"500", "502", "503", "429", "429-retry-after", "reset", "truncated"}
MAX_FAILURES_SHOWN = 25


def read_dump(path):
    rows, status, clock = {}, "", None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            match = ROW.match(line)
            if match:
                iid, short, st, sub, who, bm, pending = match.groups()
                rows[iid] = {"short": short, "status": st, "substatus": None if sub == "-" else sub,
                             "assignee": None if who == "-" else who, "bookmarked": bm == "yes",
                             "pending": pending == "yes"}
            elif line.startswith("status: "):
                status = line[len("status: "):]
            elif line.startswith("clock_us: "):
                clock = int(line[len("clock_us: "):])
    return rows, status, clock


def differences(row, server):
    return [f"{field} {row[field]!r} (server {server[field]!r})"
            for field in FIELDS if row[field] != server[field]]


def kind_of(entry):
    fault = entry.get("fault") or {}
    return fault.get("random")


def request_key(entry):
    return (entry["method"], entry["path"], entry.get("query") or "", entry.get("body") or "")


def badge(state):
    """The stream's badge for a server state (views/issues.c)."""
    status, sub = state["status"], state["substatus"] or ""
    if status == "resolved":
        return "RESLV"
    if status == "ignored" or sub.startswith("archived"):
        return "ARCHV"
    return {"new": "NEW", "regressed": "REGR", "escalating": "ESCAL", "ongoing": "ONGO"}.get(sub, "")


SCREEN_ROW = re.compile(r"^\S\S?\s*(★?)((?:BACKEND|FRONTEND)-[0-9A-Z]+)\s")


def check_screen(path, final, failed):
    """The final screen (every row on one tall screen): each issue's row shows the
    server's badge, bookmark star and assignee."""
    by_short = {}
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        failed("final: no screen dump")
        return
    header = lines[1] if len(lines) > 1 else ""
    column = header.find("ASSIGNEE")
    if column < 0:
        failed("final screen: no ASSIGNEE column")
        return
    for line in lines[2:]:
        match = SCREEN_ROW.match(line)
        if match:
            by_short[match.group(2)] = (match.group(1) == "★", line)
    shorts = {state["short"]: iid for iid, state in final.items() if "short" in state}
    if len(by_short) != len(final):
        failed(f"final screen: {len(by_short)} rows for {len(final)} issues")
    for short, (star, line) in by_short.items():
        iid = shorts.get(short)
        if iid is None:
            failed(f"final screen: {short} is not on the server")
            continue
        state = final[iid]
        words = line.split()
        want_badge = badge(state)
        if star != state["bookmarked"]:
            failed(f"final screen: {short} {'has' if star else 'lacks'} the bookmark star")
        if want_badge and want_badge not in words:
            failed(f"final screen: {short} lacks the badge {want_badge}: {line.strip()}")
        shown = line[column:].strip().rstrip("…")
        name = state["assignee_name"] or "-"
        if not shown or not name.startswith(shown):
            failed(f"final screen: {short} shows assignee {shown!r}, the server {name!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--dumps", required=True)
    parser.add_argument("--initial", required=True)
    parser.add_argument("--final", required=True)
    parser.add_argument("--list")
    args = parser.parse_args()

    with open(args.log, encoding="utf-8") as handle:
        entries = [json.loads(line) for line in handle if line.strip()]
    entries = [e for e in entries if e["path"].startswith("/api/0/")]
    with open(args.initial, encoding="utf-8") as handle:
        server = json.load(handle)
    with open(args.final, encoding="utf-8") as handle:
        final = json.load(handle)

    steps = sorted(name for name in os.listdir(args.dumps) if re.match(r"^s\d{4}-[a-z0-9-]+$", name))
    failures = []
    counts = collections.Counter()

    def failed(text):
        failures.append(text)

    excused = set()      # ids the client said may have been changed
    cursor = 0           # entries[:cursor] are before the current dump
    for name in steps:
        rows, status, clock = read_dump(os.path.join(args.dumps, name))
        if clock is None:
            failed(f"{name}: the dump has no clock_us")
            continue
        start = cursor
        while cursor < len(entries) and entries[cursor]["mono_ms"] * 1000 < clock:
            cursor += 1
        window = entries[start:cursor]
        kind = name.split("-", 1)[1]
        if kind not in ("refresh", "query"):
            counts["actions"] += 2 if kind.startswith("overlap2-") else 1
            if kind.startswith("overlap"):
                counts["overlapping"] += 1
            if kind.startswith("batch-"):
                counts["batches"] += 1

        # The server's state as of this dump.
        for entry in window:
            for iid, state in (entry.get("state") or {}).items():
                server[iid] = state

        # Failed answers of changes: each retry, and whether the outcome was left open.
        last_try = {}
        tries = collections.Counter()
        for index, entry in enumerate(window):
            key = request_key(entry)
            if tries[key] and kind_of(window[last_try[key]]) in RETRYABLE:
                counts["retries"] += 1
            tries[key] += 1
            last_try[key] = index
        for key, index in last_try.items():
            entry = window[index]
            if entry["method"] not in ("PUT", "POST", "DELETE"):
                continue
            answer = entry.get("status")
            earlier = [e for e in window[:index] if request_key(e) == key]
            refused_on_retry = answer is not None and 400 <= answer < 500 and answer != 429 and bool(earlier)
            if refused_on_retry and all(e.get("status") is None for e in earlier):
                # Only connection resets came before: libcurl re-sends a request whose
                # reused connection died without an answer, unseen by the client, which
                # then takes the refusal for a first answer. Triage bodies are idempotent,
                # so the refusal speaks for the first send too; the row checks below hold
                # the screen to the truth either way.
                counts["refused after a hidden re-send"] += 1
                continue
            open_outcome = (answer is None or answer >= 500 or answer == 429
                            or kind_of(entry) == "truncated" or refused_on_retry)
            if not open_outcome:
                continue
            counts["open outcomes"] += 1
            for iid in entry["params"].get("id", []):
                reread = any(ISSUE_GET.match(e["path"]) and ISSUE_GET.match(e["path"]).group(1) == iid
                             and e["method"] == "GET" for e in window[index + 1:])
                if reread:
                    counts["re-reads"] += 1
                else:
                    failed(f"{name}: the outcome of a change to {iid} was left open "
                           f"(HTTP {answer}, {kind_of(entry) or 'no fault'}) and it was not read again")

        counts["rolled back"] += status.count("rolled back")
        counts["not applied (read back)"] += status.count("not applied (read back")
        counts["applied (read back)"] += status.count("server has the change")
        unknown = "may have been applied" in status
        if unknown:
            counts["may have been applied"] += 1
            for entry in window:
                if entry["method"] in ("PUT", "POST", "DELETE"):
                    excused.update(entry["params"].get("id", []))
        for iid, row in rows.items():
            if row["pending"]:
                failed(f"{name}: {row['short']} is still pending after the step settled")
                continue
            if iid not in server:
                failed(f"{name}: {row['short']} ({iid}) is not on the server")
                continue
            diff = differences(row, server[iid])
            if not diff:
                excused.discard(iid)
            elif iid in excused:
                counts["excused (said may have been applied)"] += 1
            else:
                failed(f"{name}: {row['short']} shows " + ", ".join(diff))

    # Requests after the last step (the final refresh) change nothing.
    for entry in entries[cursor:]:
        for iid, state in (entry.get("state") or {}).items():
            server[iid] = state
    for iid, state in final.items():
        if server.get(iid) != state:
            failed(f"the request log's account of {iid} differs from the server's: "
                   f"{server.get(iid)} vs {state}")

    # The end: faults off, refreshed, every page loaded.
    rows, status, _ = read_dump(os.path.join(args.dumps, "final"))
    for iid, state in final.items():
        row = rows.get(iid)
        if row is None:
            failed(f"final: issue {iid} is on the server but not on screen")
            continue
        if row["pending"]:
            failed(f"final: {row['short']} still pending")
        diff = differences(row, state)
        if diff:
            failed(f"final: {row['short']} shows " + ", ".join(diff))
    for iid in rows:
        if iid not in final:
            failed(f"final: {iid} is on screen but not on the server")
    counts["issues compared at the end"] = len(final)
    check_screen(os.path.join(args.dumps, "final-screen"), final, failed)

    if args.list:
        try:
            with open(args.list, encoding="utf-8") as handle:
                listed = {item["id"]: item for item in json.load(handle)}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            failed(f"list: no JSON array of issues ({exc})")
            listed = {}
        for iid, state in final.items():
            item = listed.get(iid)
            if item is None:
                failed(f"list: issue {iid} is on the server but not listed")
                continue
            got = (item["status"], item["substatus"], item["assignee"])
            want = (state["status"], state["substatus"], state["assignee_label"])
            if got != want:
                failed(f"list: {item['shortId']} says {got}, the server {want}")
        if set(listed) - set(final):
            failed(f"list: issues not on the server: {sorted(set(listed) - set(final))}")

    faults = collections.Counter(kind_of(e) for e in entries if kind_of(e))
    applied = sum(1 for e in entries if kind_of(e) and (e.get("fault") or {}).get("apply_first"))
    requests = len(entries)
    print(f"  campaign: {counts['actions']} actions ({counts['batches']} on marked batches, "
          f"{counts['overlapping']} not waiting for their answer), "
          f"{requests} requests, {sum(faults.values())} failures injected "
          f"({100.0 * sum(faults.values()) / max(requests, 1):.0f} %)")
    print("  failures by kind: " + ", ".join(f"{k} {faults[k]}" for k in sorted(faults))
          + f"; of them {applied} after the server made the change")
    print(f"  retries {counts['retries']}; changes with an open outcome {counts['open outcomes']}, "
          f"issues read again {counts['re-reads']}; refused after libcurl's own re-send "
          f"{counts['refused after a hidden re-send']}")
    print(f"  outcomes said: rolled back {counts['rolled back']}, not applied (read back) "
          f"{counts['not applied (read back)']}, applied (read back) {counts['applied (read back)']}, "
          f"may have been applied {counts['may have been applied']} "
          f"({counts['excused (said may have been applied)']} row checks excused by it)")
    print(f"  end state: {counts['issues compared at the end']} issues compared "
          f"(screen{' and list' if args.list else ''}), {len(failures)} differences")
    for text in failures[:MAX_FAILURES_SHOWN]:
        print("  FAIL: " + text)
    if len(failures) > MAX_FAILURES_SHOWN:
        print(f"  FAIL: … and {len(failures) - MAX_FAILURES_SHOWN} more")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
