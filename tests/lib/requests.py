#!/usr/bin/env python3
"""Query the fake server's request log (JSON lines) from shell tests.

  requests.py LOG [--method M] [--path P] [--path-prefix P] [--raw-path P] [--param k=v ...] [--no-param k]
              [--header k=v] [--body-json k=v ...] [--count N] [--print]

Exits 0 when the number of matching requests is N (--count) or at least one (default);
prints the matches with --print, and a short report of what was logged on failure.
"""
import argparse
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def matches(req, a):
    if a.method and req.get("method") != a.method:
        return False
    if a.path and req.get("path") != a.path:
        return False
    if a.path_prefix and not (req.get("path") or "").startswith(a.path_prefix):
        return False
    if a.raw_path and (req.get("raw_path") or "").lower() != a.raw_path.lower():
        return False
    params = req.get("params") or {}
    for kv in a.param:
        k, _, v = kv.partition("=")
        if v not in params.get(k, []):
            return False
    for k in a.no_param:
        if k in params:
            return False
    headers = {k.lower(): v for k, v in (req.get("headers") or {}).items()}
    for kv in a.header:
        k, _, v = kv.partition("=")
        if headers.get(k.lower()) != v:
            return False
    if a.body_json:
        try:
            body = json.loads(req.get("body") or "null")
        except ValueError:
            return False
        for kv in a.body_json:
            k, _, v = kv.partition("=")
            if not isinstance(body, dict) or json.dumps(body.get(k)) != v:
                return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("--method")
    ap.add_argument("--path")
    ap.add_argument("--path-prefix")
    ap.add_argument("--raw-path", help="the path as sent, percent-encoded (hex digits in any case)")
    ap.add_argument("--param", action="append", default=[])
    ap.add_argument("--no-param", action="append", default=[])
    ap.add_argument("--header", action="append", default=[])
    ap.add_argument("--body-json", action="append", default=[])
    ap.add_argument("--count", type=int)
    ap.add_argument("--print", action="store_true")
    a = ap.parse_args()
    reqs = load(a.log)
    found = [r for r in reqs if matches(r, a)]
    if a.print:
        for r in found:
            print(r["method"], r["path"] + ("?" + r["query"] if r.get("query") else ""))
    ok = len(found) == a.count if a.count is not None else bool(found)
    if not ok:
        want = "exactly %d" % a.count if a.count is not None else "at least one"
        print("expected %s matching request, found %d; logged:" % (want, len(found)), file=sys.stderr)
        for r in reqs:
            print("   ", r["method"], r["path"] + ("?" + r["query"] if r.get("query") else ""),
                  "->", r.get("status"), file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
