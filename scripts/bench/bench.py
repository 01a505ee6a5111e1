#!/usr/bin/env python3
"""sentry-tui beside the official Sentry CLIs, on the same fake server (`make bench`).

Every figure is measured here, on this machine, against tests/fake_sentry/server.py with
10,000 issues and an injected per-request delay (--latency-ms, like a round trip):

  list            `sentry-tui list` / `sentry-cli issues list` / `sentry issue list`, the same
                  100 issues, at 0 and 100 ms RTT: wall time and CPU (user+sys, the child's
                  rusage); runs alternate between the programs (ours, sentry-cli, sentry, ours…)
  first row       exec to the first frame showing an issue row, in a real pty (200x50)
  issue open      Enter on a row to a stack trace on screen at 100 ms RTT, in round trips
  HTTPS           CPU of a short session (stream, an issue opened) over HTTPS and over HTTP
  keypress        CPU per key on 10,000 loaded issues (headless, full redraw per key), and the
                  bytes written to a real 200x50 terminal for a one-row cursor move (NO_COLOR,
                  and in the default theme's colours)
  release list    CPU per frame of the release list with 1,000 releases loaded (--releases)
  memory          RSS with 10,000 issues loaded; `list --all` at 1,000 and 10,000 issues
  waterfall       build/*/bench/bench_waterfall (10,000 spans)
  idle            CPU per minute idle with refresh off; requests per interval in watch mode
  size            the stripped binary
  other TUIs      with SENTRY_TUI_BENCH_PEER_BUN_TUI / _GO_TUI naming the commands of
                  billyvg/sentry-tui and Beargruug/sentry-tui: launch, memory, keys, idle
                  and requests beside ours (bench_peers; `bench.py peers` runs it alone)

The official CLIs come from npm (tests/cli/official-clis.sh installs them into its cache
on first use); without npm or a reachable registry their columns say why they are empty.
Numbers, never pass/fail: budgets are shown beside them. SENTRY_TUI_BENCH_RUNS (7) sets the
runs per figure. The table goes to stdout and into docs/benchmarks.md between its
markers; scripts/bench/readme.py copies it into README.md's performance section.
"""
import fcntl
import json
import os
import platform
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.abspath(os.environ.get("SENTRY_TUI_BIN", os.path.join(ROOT, "sentry-tui")))
WATERFALL = os.environ.get("SENTRY_TUI_BENCH_WATERFALL",
                           os.path.join(ROOT, "build", "release", "bench", "bench_waterfall"))
RUNS = max(1, int(os.environ.get("SENTRY_TUI_BENCH_RUNS", "7")))
NPM_CACHE = os.environ.get("SENTRY_TUI_NPM_CACHE") or os.path.join(
    os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
    "sentry-tui-test", "npm")
CLI_BIN = os.path.join(NPM_CACHE, "node_modules", ".bin")
NOW = "2026-11-20T12:00:00Z"
TOKEN = "demo-token"
ROW_TEXT = b"BACKEND-"  # a short id: only issue rows show one
PTY_ROWS, PTY_COLS = 50, 200
QUERY = "is:unresolved"

TMP = tempfile.mkdtemp(prefix="sentry-tui-bench.")
NOTES = []  # why a figure is missing, printed under the table


def log(message):
    print(message, file=sys.stderr, flush=True)


# ------------------------------------------------------------- the server ----

class Server:
    """The fake Sentry on a free port, with N issues and a per-request delay."""

    def __init__(self, issues, latency_ms, releases=None, tls=None):
        self.dir = tempfile.mkdtemp(dir=TMP)
        self.log_path = os.path.join(self.dir, "requests.log")
        port_file = os.path.join(self.dir, "port")
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(ROOT, "tests", "fake_sentry", "server.py"),
             "--port-file", port_file, "--issues", str(issues), "--latency-ms", str(latency_ms),
             "--now", NOW, "--log", self.log_path]
            + (["--releases", str(releases)] if releases else [])
            + (["--tls", *tls] if tls else []),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(600):
            if os.path.exists(port_file):
                break
            time.sleep(0.05)
        else:
            raise SystemExit("bench: the fake server did not start")
        with open(port_file, encoding="ascii") as handle:
            self.port = int(handle.read())
        self.url = "%s://127.0.0.1:%d/" % ("https" if tls else "http", self.port)

    def requests(self):
        try:
            with open(self.log_path, encoding="utf-8") as handle:
                return [json.loads(line) for line in handle if line.strip()]
        except OSError:
            return []

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def base_env(server, home):
    """What every program gets: the fake server, the token, nothing of the user's own."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home, "XDG_CONFIG_HOME": home, "XDG_STATE_HOME": home, "XDG_CACHE_HOME": home,
        "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
        "SENTRY_URL": server.url, "SENTRY_AUTH_TOKEN": TOKEN, "SENTRY_ORG": "acme",
        # Everything stays on this machine: no telemetry, no update checks, no proxy.
        "SENTRY_CLI_NO_TELEMETRY": "1", "DO_NOT_TRACK": "1", "SENTRY_CLI_NO_UPDATE_CHECK": "1",
        "SENTRY_DISABLE_UPDATE_CHECK": "true", "NO_COLOR": "1",
        "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1",
    }
    return env


def run_child(argv, env):
    """Run to completion; (wall s, CPU s user+sys, max RSS KB, stdout bytes, exit status)."""
    out = os.path.join(TMP, "child.out")
    with open(out, "wb") as stdout:
        start = time.monotonic()
        proc = subprocess.Popen(argv, env=env, stdout=stdout, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL, cwd=env["HOME"])
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    with open(out, "rb") as handle:
        data = handle.read()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, data, proc.returncode


# ------------------------------------------------------- official clients ----

def installed(package):
    path = os.path.join(NPM_CACHE, "node_modules", package, "package.json")
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle).get("version")
    except (OSError, ValueError):
        return None


def official_clis():
    """{name: version} of the official CLIs, installing them on first use."""
    wanted = {"@sentry/cli": "3.8.0", "sentry": "0.49.0"}  # as in tests/cli/official-clis.sh
    if any(installed(p) != v for p, v in wanted.items()):
        if not shutil.which("npm"):
            NOTES.append("official CLIs skipped: npm is not installed "
                         "(scripts/install-deps.sh installs it)")
            return {}
        log("installing @sentry/cli and sentry from npm into %s" % NPM_CACHE)
        os.makedirs(NPM_CACHE, exist_ok=True)
        try:
            subprocess.run(["npm", "install", "--prefix", NPM_CACHE, "--no-audit", "--no-fund"]
                           + ["%s@%s" % pv for pv in wanted.items()],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600,
                           check=True)
        except (subprocess.SubprocessError, OSError):
            NOTES.append("official CLIs skipped: npm could not install them "
                         "(is the registry reachable?)")
            return {}
    return {"sentry-cli": installed("@sentry/cli"), "sentry": installed("sentry")}


# ------------------------------------------------------------- statistics ----

def stats(values):
    """(median, min, max) or None."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def fmt(triple, unit, scale=1.0, digits=0):
    if triple is None:
        return "–"
    median, low, high = (v * scale for v in triple)
    form = "%%.%df" % digits
    if RUNS == 1 or low == high:
        return (form + " %s") % (median, unit)
    return (form + " %s (" + form + "–" + form + ")") % (median, unit, low, high)


def ratio(ours, theirs):
    if ours is None or theirs is None or ours[0] <= 0:
        return "–"
    return "%.1f×" % (theirs[0] / ours[0])


# -------------------------------------------------------------------- list ----

def list_commands(clis):
    commands = {"sentry-tui": [BIN, "list", "--project", "backend", "--query", QUERY,
                               "--period", "90d", "--limit", "100", "--format", "plain"]}
    if clis.get("sentry-cli"):
        commands["sentry-cli"] = [os.path.join(CLI_BIN, "sentry-cli"), "issues", "list",
                                  "-p", "backend", "--query", QUERY, "--pages", "1"]
    if clis.get("sentry"):
        commands["sentry"] = [os.path.join(CLI_BIN, "sentry"), "issue", "list", "acme/backend",
                              "--query", QUERY, "--period", "90d", "--limit", "100", "--fresh"]
    return commands


def bench_list(clis, latency):
    server = Server(10000, latency)
    home = tempfile.mkdtemp(dir=TMP)
    env = base_env(server, home)
    commands = list_commands(clis)
    results = {name: {"wall": [], "cpu": [], "lines": None, "failed": 0} for name in commands}
    for name, argv in commands.items():  # one untimed run each: npx caches, page cache
        run_child(argv, env)
    for _ in range(RUNS):
        for name, argv in commands.items():  # alternating: ours, sentry-cli, sentry, ours…
            wall, cpu, _, data, status = run_child(argv, env)
            if status != 0:
                results[name]["failed"] += 1
                continue
            results[name]["wall"].append(wall)
            results[name]["cpu"].append(cpu)
            results[name]["lines"] = data.count(ROW_TEXT)
    server.stop()
    return {name: {"wall": stats(r["wall"]), "cpu": stats(r["cpu"]), "rows": r["lines"],
                   "failed": r["failed"]} for name, r in results.items()}


# --------------------------------------------------------------- the pty ----

class Pty:
    """sentry-tui in a real pseudo-terminal of PTY_COLS x PTY_ROWS."""

    def __init__(self, argv, env):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", PTY_ROWS, PTY_COLS, 0, 0))
        # The child writes the clock just before its exec: Python's fork and preexec
        # take 15-25 ms here, which are the harness's, not the program's.
        exec_read, exec_write = os.pipe()

        def before_exec():
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)
            os.write(exec_write, repr(time.monotonic()).encode())

        self.start = time.monotonic()
        self.proc = subprocess.Popen(argv, env=env, stdin=slave, stdout=slave, stderr=slave,
                                     start_new_session=True, cwd=env["HOME"],
                                     preexec_fn=before_exec)
        os.close(slave)
        os.close(exec_write)
        self.exec_start = float(os.read(exec_read, 64) or self.start)
        os.close(exec_read)
        self.output = bytearray()

    def read(self, timeout):
        """Bytes written within timeout seconds (b"" when none)."""
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return b""
        try:
            data = os.read(self.master, 65536)
        except OSError:
            return b""
        self.output += data
        return data

    def wait_for(self, text, timeout=30.0):
        """Seconds from exec until text was first written, or None."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.output:
                return time.monotonic() - self.start
            self.read(deadline - time.monotonic())
        return None

    def quiet(self, seconds, timeout=60.0):
        """Read until nothing has been written for `seconds`; the bytes read."""
        total = 0
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            data = self.read(seconds)
            if not data:
                break
            total += len(data)
        return total

    def write(self, data):
        os.write(self.master, data)

    def cpu_seconds(self):
        with open("/proc/%d/stat" % self.proc.pid, encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self):
        if self.proc.poll() is None:
            self.write(b"q")
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        os.close(self.master)


def compile_c(path, *args):
    """Build path with the C compiler (CC, else cc); None when that fails."""
    try:
        subprocess.run([os.environ.get("CC", "cc"), "-O2", "-o", path, *args],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError):
        return None
    return path


def build_first_request():
    """The floor program, linked statically (no loader at all); None without a C compiler
    or a static libc."""
    return compile_c(os.path.join(TMP, "first_request"), "-static",
                     os.path.join(ROOT, "scripts", "bench", "first_request.c"))


def needed_libraries(path):
    """The shared libraries a binary names itself (DT_NEEDED), e.g. libcurl.so.4."""
    out = subprocess.run(["readelf", "-d", path], check=True, capture_output=True, text=True).stdout
    return [line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line]


def build_exit_program(name, libraries):
    """A program whose main only returns, linked with these libraries (sonames) whether
    it uses them or not: its run is the dynamic loader's work for them and their own
    initialisers. None without a C compiler."""
    source = os.path.join(TMP, "exit.c")
    with open(source, "w", encoding="utf-8") as handle:
        handle.write("int main(void) { return 0; }\n")
    return compile_c(os.path.join(TMP, "exit-" + name), source, "-Wl,--no-as-needed",
                     *["-l:" + soname for soname in libraries])


def bench_exit_cpu(path, runs=31):
    """CPU (user + system) of one run of a program, exec to exit: stats() of runs."""
    cpu = []
    for _ in range(runs):
        child = subprocess.Popen([path], stdout=subprocess.DEVNULL)
        _, _, usage = os.wait4(child.pid, 0)
        cpu.append(usage.ru_utime + usage.ru_stime)
    return stats(cpu)


def tui_argv(*extra):
    return [BIN, "--query", QUERY, "--period", "90d", *extra]


def critical_path(requests, since_mono_ms, until_mono_ms, last_path_suffix):
    """The chain of requests (received since since_mono_ms: not those of an earlier run
    still in flight) that ended in what was shown at until_mono_ms: the last
    answer (mono_ms, written just before it is sent) to a path ending in
    last_path_suffix, then, backwards, the last answer sent before each link was
    received (the request it waited for). At 0 ms RTT a request sent at the same time
    can look like a link; its build time is then counted as the server's."""
    answered = [r for r in requests if r.get("status") and r["mono_ms"] <= until_mono_ms
                and r["received_mono_ms"] >= since_mono_ms]
    last = [r for r in answered if r["path"].endswith(last_path_suffix)]
    if not last:
        return []
    chain = [max(last, key=lambda r: r["mono_ms"])]
    while True:
        before = [r for r in answered if r["mono_ms"] <= chain[-1]["received_mono_ms"]]
        if not before:
            return chain[::-1]
        chain.append(max(before, key=lambda r: r["mono_ms"]))


def own_time(total, latency, chain):
    """total − RTT × round trips on the critical path − the server's build time."""
    return total - latency / 1000.0 * len(chain) - sum(r["build_ms"] or 0 for r in chain) / 1000.0


def bench_first_row(latency, argv=None):
    """Exec to the first frame with an issue row in a 200x50 pty, and of that our own
    time (the fake server logs when each request arrived and how long it built the
    answer). Returns (total, own, round trips on the critical path), each stats().
    argv: another program measured the same way (the floor, first_request.c)."""
    server = Server(10000, latency)
    times, own, trips = [], [], []
    for run in range(RUNS + 1):
        before = len(server.requests())
        home = tempfile.mkdtemp(dir=TMP)
        tty = Pty(argv or tui_argv(), base_env(server, home))
        first = tty.wait_for(ROW_TEXT)
        tty.close()
        if first is None:
            continue
        first -= tty.exec_start - tty.start  # from exec, not from the harness's fork
        if run == 0:
            continue  # untimed, as for list: the page cache, the server's first sort
        times.append(first)
        chain = critical_path(server.requests()[before:], tty.exec_start * 1000,
                              (tty.exec_start + first) * 1000, "/issues/")
        if chain:
            own.append(own_time(first, latency, chain))
            trips.append(len(chain))
    server.stop()
    return stats(times), stats(own), stats(trips)


def bench_terminal_bytes(colour=False):
    """Bytes written for one `j` on a loaded 200x50 stream (median of 20 moves); with
    NO_COLOR like every figure here, or (colour=True) in the default theme's colours."""
    server = Server(10000, 0)
    home = tempfile.mkdtemp(dir=TMP)
    env = base_env(server, home)
    if colour:
        del env["NO_COLOR"]
    tty = Pty(tui_argv(), env)
    tty.wait_for(ROW_TEXT)
    tty.quiet(1.0)
    sizes = []
    for key in b"jjjjjjjjjjkkkkkkkkkk":
        tty.write(bytes([key]))
        sizes.append(tty.quiet(0.3))
    tty.close()
    server.stop()
    return stats(sizes)


def bench_idle(seconds):
    """CPU seconds per minute of a loaded, idle stream with refresh off, measured after
    its first minute: during that minute "updated Ns ago" is redrawn every second, after
    it once a minute (views/app.c, schedule_tick)."""
    server = Server(10000, 0)
    home = tempfile.mkdtemp(dir=TMP)
    launched = time.monotonic()
    tty = Pty(tui_argv(), base_env(server, home))
    tty.wait_for(ROW_TEXT)
    while time.monotonic() - launched < 62:
        tty.read(62 - (time.monotonic() - launched))
    before, start = tty.cpu_seconds(), time.monotonic()
    while time.monotonic() - start < seconds:
        tty.read(start + seconds - time.monotonic())
    cpu = tty.cpu_seconds() - before
    elapsed = time.monotonic() - start
    requests_during = [r for r in server.requests()]
    tty.close()
    server.stop()
    return cpu * 60 / elapsed, len(requests_during)


def bench_watch(interval, intervals):
    """Requests the watch pane sends per refresh (issue list calls and others)."""
    server = Server(10000, 0)
    home = tempfile.mkdtemp(dir=TMP)
    tty = Pty(tui_argv("--watch", str(interval)), base_env(server, home))
    tty.wait_for(ROW_TEXT)
    tty.quiet(1.0)
    start_count = len(server.requests())
    end = time.monotonic() + interval * intervals
    while time.monotonic() < end:
        tty.read(end - time.monotonic())
    count = len(server.requests()) - start_count
    tty.close()
    server.stop()
    return count / intervals


# ------------------------------------------------------------- headless ----

def headless(server, steps, name, query=QUERY, cols=120, rows=40):
    """Run the binary on a script; (wall s, peak RSS KB, dump dir)."""
    dump = tempfile.mkdtemp(dir=TMP)
    script = os.path.join(dump, name + ".script")
    with open(script, "w", encoding="utf-8") as handle:
        handle.write("\n".join([":query " + query, ":period 90d"] + steps) + "\n")
    env = dict(base_env(server, dump), SENTRY_TUI_SCRIPT=script, SENTRY_TUI_DUMP_DIR=dump,
               SENTRY_TUI_NOW=NOW, LINES=str(rows), COLUMNS=str(cols))
    start = time.monotonic()
    proc = subprocess.Popen([BIN], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=dump)
    peak = 0
    global LAST_ANON_PEAK
    LAST_ANON_PEAK = 0
    while proc.poll() is None:
        try:
            with open("/proc/%d/status" % proc.pid, encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
                    elif line.startswith("RssAnon:"):
                        LAST_ANON_PEAK = max(LAST_ANON_PEAK, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.01)
    return time.monotonic() - start, peak, dump


LAST_ANON_PEAK = 0  # the largest RssAnon (heap and other private memory) of the last run


def stamp(dump, name):
    """(wall ms, CPU µs) written by :stamp NAME."""
    with open(os.path.join(dump, name), encoding="ascii") as handle:
        wall, cpu = handle.read().split()[:2]
    return int(wall), int(cpu)


PAGES = ["G"] * 101  # one G per step: each step waits for the page it asked for


def bench_memory_and_keys():
    server = Server(10000, 0)
    keys = (["j"] * 100 + ["k"] * 100) * 5  # a move and a full redraw per step
    peaks, anon, rows, per_key_cpu, per_key_small = [], [], None, [], []
    for _ in range(max(1, RUNS // 2)):
        _, peak, dump = headless(server, PAGES + [":view loaded", "g", ":stamp a"] + keys
                                 + [":stamp b"], "keys", query="")
        peaks.append(peak)
        anon.append(LAST_ANON_PEAK)
        with open(os.path.join(dump, "loaded"), encoding="utf-8") as handle:
            rows = int(re.search(r"^rows: (\d+)", handle.read(), re.M).group(1))
        (_, cpu_a), (_, cpu_b) = stamp(dump, "a"), stamp(dump, "b")
        per_key_cpu.append((cpu_b - cpu_a) / len(keys))
        _, _, dump = headless(server, ["g", ":view small", ":stamp a"] + keys + [":stamp b"],
                              "small", query="is:unresolved level:fatal")
        (_, cpu_a), (_, cpu_b) = stamp(dump, "a"), stamp(dump, "b")
        per_key_small.append((cpu_b - cpu_a) / len(keys))
        with open(os.path.join(dump, "small"), encoding="utf-8") as handle:
            small_rows = int(re.search(r"^rows: (\d+)", handle.read(), re.M).group(1))
    server.stop()
    _, base, _ = headless(server, [], "base", query="level:nonesuch")
    return {"rows": rows, "peak": stats(peaks), "anon": stats(anon), "base": base,
            "base_anon": LAST_ANON_PEAK, "key": stats(per_key_cpu),
            "key_small": stats(per_key_small), "small_rows": small_rows}


RELEASES = 1000


def bench_release_draw():
    """CPU per frame of the release list with 1,000 releases loaded (all pages, 25 a
    page): 400 moves over its first rows at 200x50, each a full redraw of the screen."""
    server = Server(300, 0, releases=RELEASES)
    keys = (["j"] * 100 + ["k"] * 100) * 2
    per_frame, rows = [], None
    for _ in range(max(1, RUNS // 2)):
        _, _, dump = headless(server, [":releases"] + ["G"] * (RELEASES // 25 + 1)
                              + [":view loaded", "g", ":stamp a"] + keys + [":stamp b"],
                              "releases", cols=PTY_COLS, rows=PTY_ROWS)
        try:
            with open(os.path.join(dump, "loaded"), encoding="utf-8") as handle:
                rows = int(re.search(r"^rows: (\d+)", handle.read(), re.M).group(1))
            (_, cpu_a), (_, cpu_b) = stamp(dump, "a"), stamp(dump, "b")
        except (OSError, ValueError, AttributeError):
            continue
        per_frame.append((cpu_b - cpu_a) / len(keys))
    server.stop()
    return rows, stats(per_frame) if per_frame else None


def bench_issue_open(latency, clis):
    """Enter on the first row to a stack trace on screen, and `sentry issue view`. Also
    our own time: the total less the server's time on the event (from reading the request
    to sending the answer: the RTT, its build, and its wait behind the other two)."""
    server = Server(10000, latency)
    times, own = [], []
    for run in range(RUNS + 1):
        before = len(server.requests())
        _, _, dump = headless(server, [":stamp a", "<Enter>", "~:wait-for ●", "~:stamp b"], "open")
        if run == 0:
            continue  # untimed, as for list: the page cache, the server's first answers
        try:
            (start, _), (end, _) = stamp(dump, "a"), stamp(dump, "b")
        except (OSError, ValueError):
            continue
        times.append((end - start) / 1000.0)
        event = [r for r in server.requests()[before:] if "/events/" in r["path"]
                 and r.get("status") == 200 and start <= r["received_mono_ms"] <= end]
        if event:
            served = event[-1]["mono_ms"] - event[-1]["received_mono_ms"]
            own.append((end - start - served) / 1000.0)
    theirs = []
    if clis.get("sentry"):
        home = tempfile.mkdtemp(dir=TMP)
        argv = [os.path.join(CLI_BIN, "sentry"), "issue", "view", "acme/BACKEND-1", "--fresh"]
        env = base_env(server, home)
        run_child(argv, env)
        for _ in range(RUNS):
            wall, _, _, _, status = run_child(argv, env)
            if status == 0:
                theirs.append(wall)
    server.stop()
    return stats(times), theirs and stats(theirs), stats(own)


SYSTEM_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"


def make_certificate(directory):
    """A self-signed certificate for 127.0.0.1 (its own CA): (cert, key), or None
    without openssl."""
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    try:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", key, "-out", cert],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError):
        return None
    return cert, key


def bench_https():
    """CPU of one short session over HTTPS and the same over HTTP: the stream, an issue
    opened (its three requests open connections beside the stream's two), quit. ca_bundle
    names a bundle of the system's size: its CAs and the test certificate. Returns
    {scheme: (stats of CPU s, connections of the last run)}, or None without openssl."""
    pki = tempfile.mkdtemp(dir=TMP)
    pair = make_certificate(pki)
    if not pair:
        NOTES.append("HTTPS session skipped: openssl could not make a certificate")
        return None
    bundle = os.path.join(pki, "bundle.pem")
    with open(bundle, "wb") as out:
        for path in (SYSTEM_BUNDLE, pair[0]):
            if os.path.exists(path):
                with open(path, "rb") as handle:
                    out.write(handle.read())
    result = {}
    for scheme in ("https", "http"):
        server = Server(300, 0, tls=pair if scheme == "https" else None)
        cpu, connections = [], 0
        for run in range(RUNS + 1):
            home = tempfile.mkdtemp(dir=TMP)
            os.makedirs(os.path.join(home, "sentry-tui"))
            with open(os.path.join(home, "sentry-tui", "config.yml"), "w", encoding="utf-8") as handle:
                handle.write("ca_bundle: %s\n" % bundle)
            script = os.path.join(home, "session.script")
            with open(script, "w", encoding="utf-8") as handle:
                handle.write("<Enter>\n:screen issue\n")  # the end waits for every answer
            env = dict(base_env(server, home), SENTRY_TUI_SCRIPT=script, SENTRY_TUI_DUMP_DIR=home,
                       SENTRY_TUI_NOW=NOW, LINES=str(PTY_ROWS), COLUMNS=str(PTY_COLS))
            before = len(server.requests())
            _, used, _, _, status = run_child([BIN], env)
            if run == 0 or status != 0:
                continue  # untimed: the page cache, the server's first answers
            cpu.append(used)
            connections = len({r.get("client") for r in server.requests()[before:]})
        server.stop()
        result[scheme] = (stats(cpu) if cpu else None, connections)
    return result


def bench_list_memory():
    result = {}
    for issues in (1000, 10000):
        server = Server(issues, 0)
        home = tempfile.mkdtemp(dir=TMP)
        peaks = []
        for _ in range(max(1, RUNS // 3)):
            _, _, rss, data, status = run_child(
                [BIN, "list", "--all", "--query", "", "--period", "90d", "--format", "json"],
                base_env(server, home))
            if status == 0:
                peaks.append(rss)
        result[issues] = stats(peaks)
        server.stop()
    return result


def bench_waterfall():
    if not os.access(WATERFALL, os.X_OK):
        NOTES.append("waterfall skipped: %s is not built" % WATERFALL)
        return []
    out = subprocess.run([WATERFALL], stdout=subprocess.PIPE, text=True, check=False).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def stripped_size(path):
    target = os.path.join(TMP, "stripped")
    subprocess.run(["strip", "-o", target, path], check=True)
    return os.path.getsize(target)


def tree_size(path):
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            full = os.path.join(folder, name)
            if not os.path.islink(full):
                total += os.path.getsize(full)
    return total


# ---------------------------------------------------- other terminal clients ----
# The two other Sentry TUIs are measured only when the environment names their commands
# (docs/benchmarks.md says how to get and build them by hand; their code is never part of
# this repository). Each gets the fake server through its own settings and is watched for
# its own issue-row text: billyvg's rows show the short id, Beargruug's do not (they show
# the event count after "×").

PEERS = (  # (column, variable naming the command, its settings for the server, row text)
    ("billyvg/sentry-tui", "SENTRY_TUI_BENCH_PEER_BUN_TUI",
     lambda url: {"SENTRY_TUI_NO_TELEMETRY": "1"}, ROW_TEXT),
    ("Beargruug/sentry-tui", "SENTRY_TUI_BENCH_PEER_GO_TUI",
     lambda url: {"SENTRY_BASE_URL": url + "api/0"}, "×".encode()),
)
PEER_KEYS = b"j" * 20 + b"k" * 20  # stays within the first 25 rows every client shows


def peer_programs():
    """[(column, argv, extra environment, row text)]: ours first, then each named peer."""
    programs = [("sentry-tui", tui_argv(), lambda url: {}, ROW_TEXT)]
    for column, variable, settings, row_text in PEERS:
        command = os.environ.get(variable, "").split()
        if command:
            programs.append((column, command, settings, row_text))
    return programs


def peer_version(argv):
    try:
        out = subprocess.run(argv + ["--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             stdin=subprocess.DEVNULL, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return "?"
    found = re.search(r"\bv?\d+\.\d+\S*", out.decode("utf-8", "replace"))
    return found.group(0) if found else "?"


def peer_vmhwm(pid):
    try:
        with open("/proc/%d/status" % pid, encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:  # it has exited
        pass
    return None


def endpoint(request):
    """A request's method and path with its ids folded, for the list of endpoints."""
    return request["method"] + " " + re.sub(r"(?<=/)\d{3,}(?=/)", "{id}", request["path"])


def peer_launch(server, argv, env, row_text, keys):
    """One launch in the pty: seconds to the first row, VmHWM after the first page (KB),
    the requests sent until then, and with keys the CPU seconds per key above the
    program's idle CPU (measured for 3 s just before) and the requests the keys sent."""
    before = len(server.requests())
    tty = Pty(argv, env)
    first = tty.wait_for(row_text, timeout=60.0)
    result = {"first": first, "rss": None, "requests": [], "key": None, "key_requests": []}
    if first is not None:
        tty.quiet(1.0, timeout=15.0)
        result["rss"] = peer_vmhwm(tty.proc.pid)
        requests = server.requests()
        result["requests"] = requests[before:]
        if keys and tty.proc.poll() is None:
            cpu, start = tty.cpu_seconds(), time.monotonic()
            while time.monotonic() - start < 3.0:
                tty.read(start + 3.0 - time.monotonic())
            idle_rate = (tty.cpu_seconds() - cpu) / (time.monotonic() - start)
            cpu, start = tty.cpu_seconds(), time.monotonic()
            for key in keys:  # one key at a time: each is handled and drawn before the next
                tty.write(bytes([key]))
                tty.read(2.0)
                tty.quiet(0.15, timeout=5.0)
            spent = tty.cpu_seconds() - cpu - idle_rate * (time.monotonic() - start)
            result["key"] = max(0.0, spent) / len(keys)
            result["key_requests"] = server.requests()[len(requests):]
    tty.close()
    return result


def peer_idle(programs, seconds):
    """CPU per minute and requests per minute of every program at once, each on its own
    server with the stream loaded, measured after its first minute as bench_idle does."""
    running = []
    for column, argv, settings, row_text in programs:
        server = Server(10000, 0)
        env = dict(base_env(server, tempfile.mkdtemp(dir=TMP)), **settings(server.url))
        running.append((column, server, Pty(argv, env), row_text))
    launched = time.monotonic()
    for _, _, tty, row_text in running:
        tty.wait_for(row_text, timeout=60.0)
    deadline = launched + 62
    while time.monotonic() < deadline:
        select.select([tty.master for _, _, tty, _ in running], [], [], max(0.0, deadline - time.monotonic()))
        for _, _, tty, _ in running:
            tty.read(0)
    start = time.monotonic()
    cpu = {column: tty.cpu_seconds() for column, _, tty, _ in running}
    requests = {column: len(server.requests()) for column, server, _, _ in running}
    while time.monotonic() - start < seconds:
        select.select([tty.master for _, _, tty, _ in running], [], [],
                      max(0.0, start + seconds - time.monotonic()))
        for _, _, tty, _ in running:
            tty.read(0)
    elapsed = time.monotonic() - start
    result = {}
    for column, server, tty, _ in running:
        result[column] = ((tty.cpu_seconds() - cpu[column]) * 60 / elapsed,
                          (len(server.requests()) - requests[column]) * 60 / elapsed)
        tty.close()
        server.stop()
    return result


def bench_peers():
    """The table of sentry-tui beside the other terminal clients, or None when the
    environment names none of them."""
    programs = peer_programs()
    if len(programs) == 1:
        return None
    columns = [column for column, _, _, _ in programs]
    versions = {column: peer_version(argv) for column, argv, _, _ in programs[1:]}
    load_before, started = os.getloadavg(), time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    first = {latency: {c: [] for c in columns} for latency in (0, 100)}
    rss = {c: [] for c in columns}
    key = {c: [] for c in columns}
    sent, keys_sent, missing = {}, {}, {c: 0 for c in columns}
    for latency in (0, 100):
        log("other terminal clients: launch at %d ms RTT…" % latency)
        server = Server(10000, latency)
        for run in range(RUNS + 1):  # run 0 is not counted: page cache, first start
            for column, argv, settings, row_text in programs:  # alternating: ours, billyvg, …
                env = dict(base_env(server, tempfile.mkdtemp(dir=TMP)), **settings(server.url))
                result = peer_launch(server, argv, env, row_text, PEER_KEYS if latency == 0 else b"")
                if run == 0:
                    continue
                if result["first"] is None:
                    missing[column] += 1
                    continue
                first[latency][column].append(result["first"])
                if latency == 0:
                    rss[column].append(result["rss"])
                    key[column].append(result["key"])
                    sent[column] = result["requests"]
                    keys_sent[column] = result["key_requests"]
        server.stop()
    idle_seconds = float(os.environ.get("SENTRY_TUI_BENCH_IDLE_S", "60"))
    idle_runs = max(1, RUNS // 3)
    idle = {c: [] for c in columns}
    idle_requests = {c: [] for c in columns}
    for run in range(idle_runs):
        log("other terminal clients: idle, run %d of %d…" % (run + 1, idle_runs))
        for column, (cpu, requests) in peer_idle(programs, idle_seconds).items():
            idle[column].append(cpu)
            idle_requests[column].append(requests)

    def row(measure, cells, note=""):
        return "| " + " | ".join([measure] + [cells(c) for c in columns] + [note]) + " |"

    def size(column):
        path = dict((c, a[0]) for c, a, _, _ in programs)[column]
        if column == "sentry-tui":
            return "%.2f MB stripped" % (stripped_size(BIN) / 1e6)
        path = shutil.which(path) or path
        return "%.1f MB as built" % (os.path.getsize(path) / 1e6) if os.path.isfile(path) else "–"

    header = ["measure"] + ["%s %s" % (c, versions[c]) if c in versions else c for c in columns] + ["note"]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for latency in (0, 100):
        lines.append(row("launch to first issue row (pty 200x50), %d ms RTT" % latency,
                         lambda c: fmt(stats(first[latency][c]), "ms", 1000),
                         "exec to the first write with an issue row"))
    lines.append(row("RSS after the first page (VmHWM)", lambda c: fmt(stats(rss[c]), "MB", 1 / 1024, 1),
                     "1 s after the first row"))
    lines.append(row("CPU per key (j×20, k×20, pty 200x50)", lambda c: fmt(stats(key[c]), "ms", 1000, 1),
                     "each key drawn before the next; above the program's idle CPU"))
    lines.append(row("idle CPU per minute (after the first minute)",
                     lambda c: fmt(stats(idle[c]), "ms", 1000), "each program's defaults"))
    lines.append(row("requests per idle minute", lambda c: fmt(stats(idle_requests[c]), "/min", 1, 1),
                     "auto-refresh where the program has it on by default"))
    lines.append(row("requests to the first page", lambda c: str(len(sent.get(c, []))),
                     "the fake server's log, 0 ms RTT"))
    lines.append(row("requests sent by the 40 keys", lambda c: str(len(keys_sent.get(c, []))), ""))
    lines.append(row("size on disk", size, ""))
    text = ["Other terminal clients, measured %s on %s; load average %.2f before, %.2f after "
            "(1 min). The same pty, launches alternating with sentry-tui, median of %d "
            "(min–max); idle: %d runs of the three at once." % (
                started, machine(), load_before[0], os.getloadavg()[0], RUNS, idle_runs), ""]
    text += lines + [""]
    for column in columns:
        calls = {}
        for request in sent.get(column, []):
            name = endpoint(request)
            calls[name] = calls.get(name, 0) + 1
        text.append("- %s, to the first page: %s" % (column, "; ".join(
            "%s%s%s" % (name, " ×%d" % count if count > 1 else "",
                        "" if all(r["status"] < 400 for r in sent[column] if endpoint(r) == name)
                        else " (%d)" % next(r["status"] for r in sent[column] if endpoint(r) == name))
            for name, count in calls.items()) or "none"))
        issues = [r for r in sent.get(column, []) if r["path"].endswith("/issues/")]
        if issues:
            text.append("  (issue list query: `%s`)" % issues[0]["query"])
        if missing[column]:
            text.append("  (%d launches showed no issue row within 60 s)" % missing[column])
    return "\n".join(text) + "\n"


# ------------------------------------------------------------------ report ----

def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%s, %d CPUs (nproc), %s %s" % (model, os.cpu_count() or 0, platform.system(),
                                           platform.release())


def write_peers(text):
    """The other terminal clients' table: printed, and written between its markers."""
    print(text)
    target = os.environ.get("SENTRY_TUI_BENCH_OUT", os.path.join(ROOT, "docs", "benchmarks.md"))
    if target != "-":
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from markers import replace_between
        replace_between(target, "bench-peers", text)


def main():
    if not os.access(BIN, os.X_OK):
        raise SystemExit("bench: %s is not built (make sentry-tui)" % BIN)
    if sys.argv[1:] == ["peers"]:  # only sentry-tui beside the other terminal clients
        peers = bench_peers()
        if peers is None:
            raise SystemExit("bench: name a client in SENTRY_TUI_BENCH_PEER_BUN_TUI or "
                             "SENTRY_TUI_BENCH_PEER_GO_TUI (docs/benchmarks.md)")
        return write_peers(peers)
    load_before = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    clis = official_clis()
    rows = []  # (measure, sentry-tui, sentry-cli, sentry, note)

    for latency in (0, 100):
        log("list at %d ms RTT…" % latency)
        result = bench_list(clis, latency)
        ours = result["sentry-tui"]
        cli = result.get("sentry-cli", {})
        npm = result.get("sentry", {})
        for what, key, unit, scale in (("wall", "wall", "ms", 1000), ("CPU user+sys", "cpu", "ms", 1000)):
            rows.append(("list 100 issues, %d ms RTT: %s" % (latency, what),
                         fmt(ours[key], unit, scale), fmt(cli.get(key), unit, scale),
                         fmt(npm.get(key), unit, scale),
                         "sentry-cli / ours: %s" % ratio(ours[key], cli.get(key))))
        if latency == 0:
            rows.append(("list: issue rows printed", str(ours["rows"]), str(cli.get("rows", "–")),
                         str(npm.get("rows", "–")), "the same query on the same server"))

    for latency in (0, 100):
        log("first row at %d ms RTT…" % latency)
        total, own, trips = bench_first_row(latency)
        rows.append(("launch to first issue row (pty 200x50), %d ms RTT" % latency,
                     fmt(total, "ms", 1000), "", "", "exec to the first frame with a row"))
        rows.append(("of which our own time, %d ms RTT" % latency, fmt(own, "ms", 1000), "", "",
                     "budget 15 ms; total − %s RTT × %s round trips − the server's build time" % (
                         latency, "%g" % trips[0] if trips else "–")))

    floor = build_first_request()
    if floor:
        log("the harness's floor at 0 ms RTT…")
        total, own, _ = bench_first_row(0, [floor])
        rows.append(("the same, a static program that only sends the first request (floor)",
                     fmt(total, "ms", 1000), "", "", "first_request.c: no libraries, config, "
                     "curses or JSON; its own time is the harness's, the kernel's and the "
                     "fake server's request handling: %s" % fmt(own, "ms", 1000)))

    libraries = needed_libraries(BIN)
    programs = [build_exit_program("all", libraries), build_exit_program("libc", []),
                build_exit_program("without-curl",
                                   [name for name in libraries if not name.startswith("libcurl.")])]
    if all(programs):
        log("loading the libraries…")
        everything, libc_only, without_curl = (bench_exit_cpu(path) for path in programs)
        rows.append(("a program that only exits, linked with sentry-tui's libraries: CPU",
                     fmt(everything, "ms", 1000, 1), "", "",
                     "the loader's work for %s and all they load, before any code of ours; "
                     "linked with all but libcurl: %s; with libc only: %s" % (
                         ", ".join(libraries), fmt(without_curl, "ms", 1000, 1),
                         fmt(libc_only, "ms", 1000, 1))))

    log("issue open at 100 ms RTT…")
    opened, viewed, opened_own = bench_issue_open(100, clis)
    rows.append(("issue open to stack trace, 100 ms RTT", fmt(opened, "ms", 1000), "",
                 fmt(viewed or None, "ms", 1000),
                 "ours: %s RTTs (budget 1.2); sentry: `issue view` to exit" % (
                     "%.2f" % (opened[0] / 0.1) if opened else "–")))
    rows.append(("of which our own time", fmt(opened_own, "ms", 1000), "", "",
                 "total − the server's time on the event (RTT, build, queue)"))

    log("a session over HTTPS…")
    https = bench_https()
    if https:
        (tls_cpu, tls_connections), (plain_cpu, _) = https["https"], https["http"]
        rows.append(("a session over HTTPS (stream, open an issue, quit): CPU",
                     fmt(tls_cpu, "ms", 1000), "", "",
                     "over HTTP: %s; %d connections; ca_bundle names a bundle of the system's size "
                     "(tests/security/tls-ca-read-once.sh: read once)" % (
                         fmt(plain_cpu, "ms", 1000), tls_connections)))

    log("memory and keys on 10,000 issues…")
    mk = bench_memory_and_keys()
    rows.append(("RSS with %s issues loaded (peak)" % mk["rows"], fmt(mk["peak"], "MB", 1 / 1024, 1),
                 "", "", "budget 20 MB; with no issue: %.1f MB" % (mk["base"] / 1024)))
    rows.append(("of which private (RssAnon: heap, not libraries)", fmt(mk["anon"], "MB", 1 / 1024, 1),
                 "", "", "with no issue: %.1f MB" % (mk["base_anon"] / 1024)))
    rows.append(("CPU per key on %s issues (move + full redraw, 120x40)" % mk["rows"],
                 fmt(mk["key"], "µs"), "", "", "on %s issues: %s" % (mk["small_rows"], fmt(mk["key_small"], "µs"))))
    log("release list with %d releases…" % RELEASES)
    release_rows, release_cpu = bench_release_draw()
    rows.append(("release list drawn, %s releases loaded (CPU per frame, 200x50)" % release_rows,
                 fmt(release_cpu, "µs"), "", "", "budget 5 ms; a move and a full redraw per frame"))
    log("terminal bytes…")
    rows.append(("bytes written for a one-row move (pty 200x50)", fmt(bench_terminal_bytes(), "B"),
                 "", "", "budget 300 B; in the default theme's colours: %s"
                 % fmt(bench_terminal_bytes(colour=True), "B")))

    log("list --all memory…")
    mem = bench_list_memory()
    rows.append(("`list --all --format json`: max RSS at 1,000 / 10,000 issues",
                 "%s / %s" % (fmt(mem[1000], "MB", 1 / 1024, 1), fmt(mem[10000], "MB", 1 / 1024, 1)),
                 "", "", "flat: pages are written as they arrive"))

    log("idle and watch…")
    idle_seconds = float(os.environ.get("SENTRY_TUI_BENCH_IDLE_S", "60"))
    idle_cpu, _ = bench_idle(idle_seconds)
    rows.append(("idle CPU, refresh off (per minute, %g s after the first minute)" % idle_seconds,
                 "%.0f ms" % (idle_cpu * 1000), "", "", "utime+stime from /proc"))
    rows.append(("watch mode: requests per 5 s refresh", "%.1f" % bench_watch(5, 3), "", "",
                 "counted in the server's log over 3 intervals"))

    size_cli = None
    cli_binary = os.path.join(NPM_CACHE, "node_modules", "@sentry", "cli-linux-x64", "bin", "sentry-cli")
    if clis.get("sentry-cli") and os.path.exists(cli_binary):
        size_cli = os.path.getsize(cli_binary)
    size_npm = tree_size(os.path.join(NPM_CACHE, "node_modules", "sentry")) if clis.get("sentry") else None
    rows.append(("size on disk", "%.2f MB stripped" % (stripped_size(BIN) / 1e6),
                 "%.1f MB" % (size_cli / 1e6) if size_cli else "–",
                 "%.1f MB + node" % (size_npm / 1e6) if size_npm else "–", ""))

    waterfall = bench_waterfall()
    peers = bench_peers()
    load_after = os.getloadavg()

    header = ["measure", "sentry-tui", "sentry-cli %s" % clis.get("sentry-cli", "(absent)"),
              "sentry %s" % clis.get("sentry", "(absent)"), "note"]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join(cell or "" for cell in row) + " |")
    table = "\n".join(lines)
    text = [
        "Measured %s on %s; load average %.2f before, %.2f after (1 min). "
        "Median of %d runs (min–max); runs alternate between the programs." % (
            started, machine(), load_before[0], load_after[0], RUNS),
        "",
        table,
        "",
    ]
    if waterfall:
        text += ["Waterfall (`bench_waterfall`, 10,000 spans):", ""] + \
                ["    " + line for line in waterfall] + [""]
    text += ["Note: " + note for note in NOTES]
    result = "\n".join(text).rstrip() + "\n"
    print(result)
    target = os.environ.get("SENTRY_TUI_BENCH_OUT", os.path.join(ROOT, "docs", "benchmarks.md"))
    if target != "-":
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from markers import replace_between
        replace_between(target, "bench-results", result)
        log("written to %s (scripts/bench/readme.py copies it into README.md)" % target)
    if peers:
        write_peers(peers)


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
