"""The request log that tests read to check what the client sent.

One JSON object per request: method, path, query (raw), params (decoded, key ->
list of values), headers (lower-case names), body (text or null), status (what
was answered; null while a `hang` fault holds the request), time (wall-clock
epoch seconds when the request arrived, so tests can check retry delays), client
("host:port" of the connection, so tests can see keep-alive reuse) and, for faulted
requests, fault (which behaviours applied). Lines are appended to --log and
flushed at once (written before the response is sent, so a client that has
seen the answer can always find the line); the same entries are kept in memory
for GET /__control/requests.
"""

import json
import threading
import time
from urllib.parse import parse_qs


def make_entry(method, path, query, headers, body, status, fault=None, client=None, raw_path=None):
    params = parse_qs(query, keep_blank_values=True)
    text = body.decode("utf-8", errors="replace") if body else None
    entry = {"method": method, "path": path, "query": query, "params": params,
             "headers": headers, "body": text, "status": status, "time": time.time(),
             "client": client, "raw_path": raw_path or path}
    if fault:
        entry["fault"] = fault
    return entry


class RequestLog:
    def __init__(self, path=None):
        self._lock = threading.Lock()
        self._entries = []
        self._file = open(path, "a", encoding="utf-8") if path else None

    def record(self, entry):
        with self._lock:
            self._entries.append(entry)
            if self._file:
                self._file.write(json.dumps(entry) + "\n")
                self._file.flush()

    def entries(self):
        with self._lock:
            return list(self._entries)

    def clear(self):
        with self._lock:
            self._entries.clear()

    def close(self):
        with self._lock:
            if self._file:
                self._file.close()
                self._file = None
