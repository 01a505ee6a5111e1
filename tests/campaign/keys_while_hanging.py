#!/usr/bin/env python3
"""Keys are answered while the server hangs a request, and `q` exits at once.

    keys_while_hanging.py PORT BINARY [--limit-ms N] [--valgrind]

Runs BINARY in a real pseudo-terminal (tests/lib/ptydrive.py) against the fake server on
PORT (environment from tests/lib/screen.sh). Once the stream is on screen, the server is
told to hang every issue-list and triage request; a refresh and a resolve then hang
(the config's timeout is long), and while they do, each key is timed from its sending to
the program's first output: moves (`j`, `k`: the answer must draw the rows the cursor
left and reached), help open and close, the query prompt. Prints the median and the max,
fails a key slower than --limit-ms; then times `q` (with the resolve in flight, sentry-tui
asks first: `y`) from the key to the terminal given back and to the process's exit (under
valgrind or ASan, whose leak checks run at exit, that one has a longer limit).
"""

import argparse
import json
import os
import statistics
import sys
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from ptydrive import Pty, Timeout  # noqa: E402

COLS, ROWS = 100, 30
FIRST_ROW = 3   # the cursor's row on screen (1-based) when the stream opens: below the header


def set_faults(port, rules):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/__control/faults",
                                     data=json.dumps(rules).encode(), method="POST")
    urllib.request.urlopen(request).read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port")
    parser.add_argument("binary")
    parser.add_argument("--limit-ms", type=float, default=250.0)
    parser.add_argument("--valgrind", action="store_true")
    parser.add_argument("--exit-limit-ms", type=float,
                        help="limit for the process's end (default --limit-ms, 8 times that "
                             "under valgrind): a sanitizer's leak check runs at exit")
    args = parser.parse_args()

    argv = [args.binary]
    if args.valgrind:
        argv = ["valgrind", "-q", "--error-exitcode=99", "--leak-check=full",
                "--show-leak-kinds=definite", "--errors-for-leak-kinds=definite"] + argv
    env = dict(os.environ, TERM="xterm-256color", LINES=str(ROWS), COLUMNS=str(COLS))
    failures = []
    timings = []
    with Pty(argv, cols=COLS, rows=ROWS, env=env) as term:
        term.wait_for("issues ·", timeout=60)
        term.quiet(0.3)
        set_faults(args.port, [{"match": "^(GET|PUT) /api/0/organizations/acme/issues/", "hang": True}])
        term.key("\x12")                 # Ctrl-r: the refresh hangs
        term.key("r")                    # resolve the first row: the change hangs
        term.wait_for("…")
        row = FIRST_ROW

        def timed(label, data, expect_rows=None):
            try:
                ms = term.key(data)
            except Timeout as exc:
                failures.append(f"{label}: {exc}")
                return
            timings.append((ms, label))
            if expect_rows and not set(expect_rows) <= set(term.rows_touched()):
                failures.append(f"{label}: the answer drew rows {term.rows_touched()}, "
                                f"not {expect_rows}")
            if ms > args.limit_ms:
                failures.append(f"{label}: answered in {ms:.1f} ms (limit {args.limit_ms:.0f} ms)")

        for i in range(30):
            if i % 3 == 2:
                timed(f"k #{i}", "k", [row - 1, row])
                row -= 1
            else:
                timed(f"j #{i}", "j", [row, row + 1])
                row += 1
        timed("? (help)", "?")
        timed("q (close help)", "q")
        timed("/ (query prompt)", "/")
        timed("typing in the prompt", "l")
        timed("Esc (close the prompt)", "\x1b")
        term.quiet(0.1)
        if "…" not in term.text():
            failures.append("the hung resolve was not shown in flight")
        restored_ms = None
        try:
            ask_ms = term.key("q")       # a change is on its way: sentry-tui asks first
            exit_ms = term.quit("y")
            restored_ms = term.restored_ms
        except Timeout as exc:
            failures.append(f"q: {exc}")
            ask_ms = exit_ms = float("nan")
        status = term.status
    set_faults(args.port, [])

    exit_limit = args.exit_limit_ms or args.limit_ms * (8 if args.valgrind else 1)
    median = statistics.median(ms for ms, _ in timings) if timings else float("nan")
    slowest = max(timings, default=(float("nan"), "-"))
    print(f"  {len(timings)} keys while a refresh and a resolve hang: median {median:.1f} ms, "
          f"max {slowest[0]:.1f} ms ({slowest[1]}; limit {args.limit_ms:.0f} ms)")
    restored = f"{restored_ms:.1f} ms" if restored_ms is not None else "never"
    print(f"  q: asked in {ask_ms:.1f} ms; y: terminal given back in {restored}, process gone in "
          f"{exit_ms:.1f} ms (status {status}; limit {exit_limit:.0f} ms)")
    if restored_ms is None or restored_ms > args.limit_ms:
        failures.append(f"the terminal was not given back within {args.limit_ms:.0f} ms of y")
    if exit_ms == exit_ms and exit_ms > exit_limit:
        failures.append(f"exit took {exit_ms:.1f} ms after y (limit {exit_limit:.0f} ms)")
    if status != 0:
        failures.append(f"exit status {status}")
    for text in failures:
        print("  FAIL: " + text)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
