#!/usr/bin/env python3
"""A fake Sentry-compatible HTTP server for sentry-tui's tests and demo.

    python3 tests/fake_sentry/server.py --port-file FILE [--log FILE] [--token TOKEN]
        [--org ORG] [--now ISO8601] [--dataset demo|hostile|small|events] [--faults FILE]
        [--fault-rate R --fault-seed N] [--latency-ms N] [--no-global-views] [--issues N]
        [--releases N] [--tls CERT KEY]

Listens on 127.0.0.1 on an ephemeral port and writes the port number to
--port-file once it accepts connections. See README.md in this folder.
With --tls it speaks HTTPS only, with that certificate chain (PEM) and key; a client
that refuses the certificate (or speaks plain HTTP to it) is reported on stderr as
"tls: handshake failed: REASON", one line per connection.

This file is the HTTP layer only: reading requests, faults, latency, the
request log, rate-limit headers and writing bytes. The API itself is api.py.
"""

import argparse
import json
import os
import select
import signal
import socket
import ssl
import struct
import sys
import threading
import time
import traceback
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from api import Api, Request  # noqa: E402  (needs the path above)
from faults import FaultError, FaultSet, JSON_TYPE  # noqa: E402
from hostile import splice_invalid_utf8  # noqa: E402
from issuestate import states  # noqa: E402
from requestlog import RequestLog, make_entry  # noqa: E402
from timeutil import parse_iso, utc_now  # noqa: E402

MAX_BODY_BYTES = 16 * 1024 * 1024
CONTROL_PREFIX = "/__control/"


class RateLimitMeter:
    """Sentry's rate-limit headers: a fixed 1-second window per server and a
    concurrency count. Only reported; refusing requests is the job of faults."""

    LIMIT = 40
    CONCURRENT_LIMIT = 25

    def __init__(self):
        self._lock = threading.Lock()
        self._window = 0
        self._count = 0
        self.in_flight = 0

    def enter(self):
        with self._lock:
            self.in_flight += 1

    def leave(self):
        with self._lock:
            self.in_flight -= 1

    def headers(self, limited):
        with self._lock:
            window = int(time.time())  # wall clock: clients compare Reset with their own clock
            if window != self._window:
                self._window, self._count = window, 0
            self._count += 1
            remaining = 0 if limited else max(0, self.LIMIT - self._count)
            concurrent = max(0, self.CONCURRENT_LIMIT - self.in_flight)
        return {"X-Sentry-Rate-Limit-Limit": str(self.LIMIT),
                "X-Sentry-Rate-Limit-Remaining": str(remaining),
                "X-Sentry-Rate-Limit-Reset": str(window + 1),
                "X-Sentry-Rate-Limit-ConcurrentLimit": str(self.CONCURRENT_LIMIT),
                "X-Sentry-Rate-Limit-ConcurrentRemaining": str(concurrent)}


class FakeSentryServer(ThreadingHTTPServer):
    daemon_threads = True      # a hung request must never keep the process alive
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, api, faults, request_log, latency_ms):
        super().__init__(("127.0.0.1", 0), Handler)
        self.api = api
        self.faults = faults
        self.request_log = request_log
        self.latency = latency_ms / 1000.0
        self.meter = RateLimitMeter()
        self.stopping = threading.Event()
        self.tls = None        # an ssl.SSLContext with --tls
        self.scheme = "http"

    def finish_request(self, request, client_address):
        """With --tls, the handshake happens here, in the connection's own thread, so a
        client that hangs up on the certificate never stalls the accept loop."""
        if not self.tls:
            super().finish_request(request, client_address)
            return
        try:
            request.settimeout(10)
            conn = self.tls.wrap_socket(request, server_side=True)
            conn.settimeout(None)
        except (ssl.SSLError, OSError) as exc:
            reason = getattr(exc, "reason", None) or str(exc)
            print(f"tls: handshake failed: {reason}", file=sys.stderr, flush=True)
            return
        try:
            super().finish_request(conn, client_address)
        finally:
            conn.close()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-sentry/1.0"

    def version_string(self):
        return self.server_version

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass  # the JSON request log replaces the default stderr chatter

    def do_GET(self):
        self._dispatch()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = do_GET

    # ----------------------------------------------------------- input ----

    def _read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            raise ValueError("request body too large")
        return self.rfile.read(length) if length else b""

    def _lower_headers(self):
        result = {}
        for name, value in self.headers.items():
            name = name.lower()
            result[name] = f"{result[name]}, {value}" if name in result else value
        return result

    # ---------------------------------------------------------- output ----

    def _send(self, status, body, content_type, headers, truncate=None):
        self.send_response(status)
        if status != 204:
            if body:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, str(value))
        self.end_headers()
        data = body if truncate is None else body[:truncate]
        if data and self.command != "HEAD":
            self.wfile.write(data)
        self.wfile.flush()
        if truncate is not None:
            self.close_connection = True  # the promised bytes never come: the client sees EOF

    def _send_json(self, status, payload, headers=None):
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self._send(status, body, JSON_TYPE, headers or {})

    def _hold_until_closed(self):
        """A `hang` fault: answer nothing until the peer closes or the server stops."""
        sock = self.connection
        while not self.server.stopping.is_set():
            try:
                readable, _, _ = select.select([sock], [], [], 0.2)
                if readable and not sock.recv(1, socket.MSG_PEEK):
                    break  # orderly close by the client
                if readable:
                    self.server.stopping.wait(0.2)  # pipelined bytes: keep ignoring them
            except (OSError, ValueError):  # ValueError: a TLS socket takes no MSG_PEEK
                break
        self.close_connection = True

    # -------------------------------------------------------- dispatch ----

    def _dispatch(self):
        try:
            body = self._read_body()
        except (ValueError, OSError):
            self.close_connection = True
            return
        split = urlsplit(self.path)
        path, query = unquote(split.path), split.query
        headers = self._lower_headers()
        host = headers.get("host") or f"127.0.0.1:{self.server.server_address[1]}"
        request = Request(self.command, path, query, parse_qsl(query, keep_blank_values=True),
                          headers, body, f"{self.server.scheme}://{host}")
        request.raw_path = split.path  # as sent, still percent-encoded (for the log)
        request.received = time.monotonic()
        request.build_seconds = None  # time spent building the answer, for the log
        self.server.meter.enter()
        try:
            if path.startswith(CONTROL_PREFIX):
                self._control(request)
            else:
                self._serve(request)
        except (ConnectionError, TimeoutError):
            self.close_connection = True  # the client went away (e.g. it timed out a delayed answer)
        finally:
            self.server.meter.leave()

    def _serve(self, request):
        server = self.server
        rule = server.faults.pick(request.method, request.path, request.query, request.body)
        fault = None
        if rule:
            fault = {k: v for k, v in rule.spec.items() if k not in ("match", "times", "body")}
        if rule and rule.delay_ms:
            if server.stopping.wait(rule.delay_ms / 1000.0):
                return
        if rule and (rule.hang or rule.reset):
            if rule.apply_first:
                self._timed_api_response(request)  # the change happens; no answer comes
            self._record(request, None, fault)
            if rule.hang:
                self._hold_until_closed()
            else:
                self._reset_connection()
            return
        is_api = request.path.startswith("/api/0/")
        if is_api and server.latency and server.stopping.wait(server.latency):
            return

        headers = {}
        if rule and rule.replaces_response():
            if rule.apply_first:
                self._timed_api_response(request)  # the change happens; its answer is lost
            status, body, content_type = rule.response()
        else:
            status, body, content_type, headers = self._timed_api_response(request)
            if rule and rule.hold_ms and server.stopping.wait(rule.hold_ms / 1000.0):
                return
        if is_api:
            headers.update(server.meter.headers(limited=status == 429))
        if rule:
            headers.update(rule.headers)
        self._record(request, status, fault)
        self._send(status, body, content_type, headers, rule.truncate if rule else None)

    def _record(self, request, status, fault):
        entry = make_entry(request.method, request.path, request.query, request.headers,
                           request.body, status, fault, self._client(), request.raw_path)
        entry["mono_ms"] = time.monotonic() * 1000  # the clock of sentry-tui's view dumps (clock_us)
        # When the request was read, and how long its answer took to build (routing,
        # the handler, JSON encoding; not --latency-ms, nor a fault's delay): the
        # benchmark subtracts the server's own time from the client's.
        entry["received_mono_ms"] = round(request.received * 1000, 3)
        entry["build_ms"] = (None if request.build_seconds is None
                             else round(request.build_seconds * 1000, 3))
        if request.method in ("PUT", "POST", "DELETE") and request.all("id"):
            # The touched issues as the server now holds them, whatever the client was
            # told: fault campaigns compare this with what the client shows.
            entry["state"] = states(self.server.api, request.all("id"))
        self.server.request_log.record(entry)

    def _reset_connection(self):
        """A `reset` fault: drop the connection with a TCP RST instead of an answer."""
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass
        self.close_connection = True

    def _client(self):
        host, port = self.client_address[:2]
        return "%s:%s" % (host, port)

    def _timed_api_response(self, request):
        started = time.monotonic()
        try:
            return self._api_response(request)
        finally:
            request.build_seconds = (request.build_seconds or 0) + time.monotonic() - started

    def _api_response(self, request):
        try:
            response = self.server.api.handle(request)
        except Exception:  # a bug in the fake must look like Sentry's 500, and be visible
            traceback.print_exc()
            payload = {"detail": "Internal Error", "errorId": uuid.uuid4().hex}
            return 500, json.dumps(payload).encode("utf-8"), JSON_TYPE, {}
        headers = dict(response.headers)  # a copy: the answer may be kept (api.py) and reused
        if response.empty:
            return response.status, b"", JSON_TYPE, headers
        body = json.dumps(response.payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return response.status, splice_invalid_utf8(body), JSON_TYPE, headers

    # --------------------------------------------------------- control ----

    def _control(self, request):
        """Test-harness endpoints; no auth, never faulted, never logged."""
        server = self.server
        action = (request.method, request.path)
        if action == ("GET", "/__control/health"):
            self._send_json(200, {"ok": True})
        elif action == ("GET", "/__control/requests"):
            self._send_json(200, server.request_log.entries())
        elif action == ("DELETE", "/__control/requests"):
            server.request_log.clear()
            self._send_json(200, {"cleared": True})
        elif action == ("GET", "/__control/state"):
            self._send_json(200, states(server.api))
        elif action == ("GET", "/__control/faults"):
            self._send_json(200, server.faults.describe())
        elif action == ("POST", "/__control/faults"):
            try:
                count = server.faults.replace(json.loads(request.body.decode("utf-8") or "[]"))
            except (ValueError, FaultError) as exc:
                self._send_json(400, {"detail": str(exc)})
                return
            self._send_json(200, {"faults": count})
        elif action == ("POST", "/__control/issues"):
            try:
                count = server.api.adjust(json.loads(request.body.decode("utf-8") or "{}"))
            except (ValueError, AttributeError) as exc:
                self._send_json(400, {"detail": str(exc)})
                return
            self._send_json(200, {"changed": count})
        elif action == ("POST", "/__control/reset"):
            server.api.reset()
            if request.last("requests") == "1":
                server.request_log.clear()
            if request.last("faults") == "1":
                server.faults.replace([])
            self._send_json(200, {"reset": True})
        else:
            self._send_json(404, {"detail": "The requested resource does not exist"})


# ------------------------------------------------------------------ main ----

def _write_port_file(path, port):
    """Atomic: readers see either no file or the complete port number."""
    directory = os.path.dirname(os.path.abspath(path))
    temporary = os.path.join(directory, f".{os.path.basename(path)}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="ascii") as handle:
        handle.write(f"{port}\n")
    os.rename(temporary, path)


def _parse_args(argv):
    parser = argparse.ArgumentParser(description="Fake Sentry API server for sentry-tui tests.")
    parser.add_argument("--port-file", required=True, help="write the listening port here")
    parser.add_argument("--log", help="append one JSON line per request to this file")
    parser.add_argument("--token", default="demo-token", help="the accepted Bearer token")
    parser.add_argument("--org", default="acme", help="organization slug")
    parser.add_argument("--now", help="pin 'now' (ISO-8601, e.g. 2026-11-20T12:00:00Z)")
    parser.add_argument("--dataset", choices=["demo", "hostile", "small", "events"], default="demo")
    parser.add_argument("--flavor", choices=["sentry", "glitchtip"], default="sentry",
                        help="whose API to answer with (glitchtip: docs/sentry-api.md §12)")
    parser.add_argument("--faults", help="JSON file with a list of fault rules")
    parser.add_argument("--fault-rate", type=float, default=0.0,
                        help="fail this share of /api/0/ requests at random (see faults.py)")
    parser.add_argument("--fault-seed", type=int, default=0, help="seed of --fault-rate")
    parser.add_argument("--latency-ms", type=int, default=0, help="delay every /api/0/ answer")
    parser.add_argument("--no-global-views", action="store_true",
                        help="refuse multi-project issue queries like small Sentry plans")
    parser.add_argument("--issues", type=int, default=300, help="number of demo issues")
    parser.add_argument("--releases", type=int, help="releases in all (at least the demo's 12): "
                        "more are spread over the last 90 days, for benchmarks")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"),
                        help="speak HTTPS with this PEM certificate (chain) and key")
    args = parser.parse_args(argv)
    if args.latency_ms < 0 or args.issues < 0:
        parser.error("--latency-ms and --issues must not be negative")
    if not 0 <= args.fault_rate <= 1:
        parser.error("--fault-rate must be from 0 to 1")
    return args


def main(argv=None):
    args = _parse_args(argv)
    try:
        now = parse_iso(args.now).replace(microsecond=0) if args.now else utc_now()
    except ValueError:
        print(f"server.py: --now is not an ISO-8601 time: {args.now!r}", file=sys.stderr)
        return 2
    faults = FaultSet()
    if args.faults:
        try:
            with open(args.faults, encoding="utf-8") as handle:
                faults.replace(json.load(handle))
        except (OSError, ValueError, FaultError) as exc:
            print(f"server.py: bad --faults file: {exc}", file=sys.stderr)
            return 2
    if args.fault_rate:
        faults.replace(faults.specs() + [{"random": {"rate": args.fault_rate, "seed": args.fault_seed}}])

    api_class = Api
    if args.flavor == "glitchtip":
        from glitchtip import GlitchTipApi
        api_class = GlitchTipApi
    api = api_class(args.token, args.org, args.dataset, now, args.issues, not args.no_global_views,
                    releases=args.releases)
    request_log = RequestLog(args.log)
    server = FakeSentryServer(api, faults, request_log, args.latency_ms)
    if args.tls:
        try:
            server.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            server.tls.load_cert_chain(*args.tls)
        except (OSError, ssl.SSLError) as exc:
            print(f"server.py: bad --tls certificate or key: {exc}", file=sys.stderr)
            return 2
        server.scheme = "https"
    # A plain flag: a handler that took a lock (Event.set) could deadlock with the main
    # thread holding the same lock inside Event.wait, and the server would never exit.
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    signal.signal(signal.SIGINT, lambda *_: stop.append(True))

    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    _write_port_file(args.port_file, server.server_address[1])
    while not stop:
        time.sleep(0.2)
    server.stopping.set()  # releases hung and delayed requests
    # Bounded: a stuck handshake or handler must never keep a test waiting for this
    # process to end (one did, under heavy load).
    closer = threading.Thread(target=lambda: (server.shutdown(), server.server_close()), daemon=True)
    closer.start()
    closer.join(5)
    request_log.close()
    if closer.is_alive():
        sys.stderr.flush()
        os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
