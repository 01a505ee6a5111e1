"""Fault injection rules: make chosen requests fail, stall, hang or break.

A rule is a JSON object:
  match      regex, searched in "<METHOD> <path>" plus "?<query>" when there is a query (required)
  status     answer this status instead of the real response
  body       body text for that status (default: Sentry's body for the status, see default_body)
  headers    extra/overriding response headers, e.g. {"Retry-After": "1"}
  delay_ms   wait this long before answering
  hang       never answer; hold the connection until the client or the server goes away
  truncate   send the full Content-Length but only the first N body bytes, then close
  malformed  answer 200 (or `status`) with a body that is not JSON
  times      apply to the first N matching requests only (default: every one)
  apply_first  with status: the request is carried out first (a mutation changes the
             server's state), then the fault's answer replaces the real one, as when a
             proxy times out after Sentry applied a change
Rules are tried in order; the first that matches and has uses left applies.
"""

import json
import re
import threading
import uuid

RULE_KEYS = {"match", "status", "body", "headers", "delay_ms", "hang", "truncate", "malformed",
             "times", "content_type", "apply_first"}

PROXY_PAGES = {
    502: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
         "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
    503: "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n"
         "<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n"
         "</body>\r\n</html>\r\n",
    504: "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n"
         "<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
}
MALFORMED_BODY = "<html>oops"
JSON_TYPE = "application/json"
HTML_TYPE = "text/html; charset=utf-8"


class FaultError(ValueError):
    pass


def default_body(status):
    """(body text, content type) Sentry (or the proxy in front of it) sends for `status`."""
    if status in PROXY_PAGES:
        return PROXY_PAGES[status], HTML_TYPE
    if status == 429:
        # Sentry's rate-limit middleware returns raw JSON in a plain Django
        # HttpResponse, i.e. without a JSON content type (docs/sentry-api.md §11).
        return ('{"detail":"You are attempting to use this endpoint too frequently. '
                'Limit is 40 requests in 1 seconds"}'), HTML_TYPE
    detail = {
        400: {"detail": "Invalid request"},
        401: {"detail": "Invalid token"},
        403: {"detail": "You do not have permission to perform this action."},
        404: {"detail": "The requested resource does not exist"},
        405: {"detail": "Method not allowed."},
        500: {"detail": "Internal Error", "errorId": uuid.uuid4().hex},
    }.get(status, {"detail": f"Error {status}"})
    return json.dumps(detail, separators=(",", ":")), JSON_TYPE


class Rule:
    def __init__(self, spec, index):
        if not isinstance(spec, dict):
            raise FaultError(f"rule {index}: must be an object")
        unknown = set(spec) - RULE_KEYS
        if unknown:
            raise FaultError(f"rule {index}: unknown keys {sorted(unknown)}")
        if not isinstance(spec.get("match"), str):
            raise FaultError(f"rule {index}: 'match' (a regex string) is required")
        try:
            self.pattern = re.compile(spec["match"])
        except re.error as exc:
            raise FaultError(f"rule {index}: bad regex: {exc}") from exc
        self.spec = dict(spec)
        self.status = self._int(spec, "status", index)
        self.delay_ms = self._int(spec, "delay_ms", index) or 0
        self.truncate = self._int(spec, "truncate", index)
        self.remaining = self._int(spec, "times", index)
        self.hang = bool(spec.get("hang"))
        self.malformed = bool(spec.get("malformed"))
        self.apply_first = bool(spec.get("apply_first"))
        self.headers = spec.get("headers") or {}
        if not isinstance(self.headers, dict):
            raise FaultError(f"rule {index}: 'headers' must be an object")
        self.body = spec.get("body")
        if self.body is not None and not isinstance(self.body, str):
            raise FaultError(f"rule {index}: 'body' must be a string")

    @staticmethod
    def _int(spec, key, index):
        value = spec.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise FaultError(f"rule {index}: '{key}' must be a non-negative integer")
        return value

    def replaces_response(self):
        return self.status is not None or self.malformed

    def response(self):
        """(status, body bytes, content type) when the rule replaces the real answer."""
        status = self.status if self.status is not None else 200
        if self.malformed:
            text, content_type = self.body or MALFORMED_BODY, HTML_TYPE
        elif self.body is not None:
            text = self.body
            content_type = JSON_TYPE if _looks_like_json(text) else HTML_TYPE
        else:
            text, content_type = default_body(status)
        return status, text.encode("utf-8"), self.spec.get("content_type", content_type)

    def describe(self):
        result = dict(self.spec)
        result["remaining"] = self.remaining
        return result


def _looks_like_json(text):
    try:
        json.loads(text)
        return True
    except ValueError:
        return False


class FaultSet:
    """The active rules; replaced as a whole (from --faults or POST /__control/faults)."""

    def __init__(self):
        self._rules = []
        self._lock = threading.Lock()

    def replace(self, specs):
        if not isinstance(specs, list):
            raise FaultError("faults must be a JSON list of rules")
        rules = [Rule(spec, index) for index, spec in enumerate(specs)]
        with self._lock:
            self._rules = rules
        return len(rules)

    def pick(self, method, path, query):
        target = f"{method} {path}" + (f"?{query}" if query else "")
        with self._lock:
            for rule in self._rules:
                if rule.remaining == 0 or not rule.pattern.search(target):
                    continue
                if rule.remaining is not None:
                    rule.remaining -= 1
                return rule
        return None

    def describe(self):
        with self._lock:
            return [rule.describe() for rule in self._rules]
