"""Fault injection rules: make chosen requests fail, stall, hang or break.

A rule is a JSON object:
  match      regex, searched in "<METHOD> <path>" plus "?<query>" when there is a query (required)
  status     answer this status instead of the real response
  body       body text for that status (default: Sentry's body for the status, see default_body)
  headers    extra/overriding response headers, e.g. {"Retry-After": "1"}
  delay_ms   wait this long before answering
  hold_ms    build the real answer at once, then hold it this long before sending it (an
             answer slow on the wire: a change another request makes meanwhile is not in it)
  hang       never answer; hold the connection until the client or the server goes away
  truncate   send the full Content-Length but only the first N body bytes, then close
  malformed  answer 200 (or `status`) with a body that is not JSON
  times      apply to the first N matching requests only (default: every one)
  apply_first  with status, reset or hang: the request is carried out first (a mutation
             changes the server's state), then the fault's answer replaces the real one, as
             when a proxy times out after Sentry applied a change
  reset      answer nothing and drop the connection with a TCP reset
Rules are tried in order; the first that matches and has uses left applies.

A random rule fails a share of the requests no other rule matched, for fault campaigns:
  {"random": {"rate": 0.3, "seed": 7, "match": "^(GET|PUT) /api/0/", "kinds": {...}}}
Whether a request fails, and how, depends only on the seed, the request (method, path,
query, body) and how many times that same request came before, so a run replays the same
faults whatever order unrelated requests arrive in. `kinds` weighs the kinds (RANDOM_KINDS,
default DEFAULT_KIND_WEIGHTS); a failed mutation is applied first or not, also by the seed.
`until` (a regex like `match`): the first request it matches turns the rule off for good,
so a scripted client can end the faults in band (e.g. by searching for a marker word).
"""

import json
import random
import re
import threading
import uuid

RULE_KEYS = {"match", "status", "body", "headers", "delay_ms", "hold_ms", "hang", "truncate", "malformed",
             "times", "content_type", "apply_first", "reset"}
RANDOM_KEYS = {"rate", "seed", "match", "kinds", "until"}
MUTATING_METHODS = ("PUT", "POST", "DELETE", "PATCH")

# The kinds of failure a random rule picks from, as rule specs (apply_first is added for
# mutations by the seed). 429 without Retry-After leaves the wait to Sentry's
# X-Sentry-Rate-Limit-Reset header, which the server always sends.
RANDOM_KINDS = {
    "500": {"status": 500},
    "502": {"status": 502},
    "503": {"status": 503},
    "429": {"status": 429},
    "429-retry-after": {"status": 429, "headers": {"Retry-After": "1"}},
    "reset": {"reset": True},
    "truncated": {"truncate": 0},   # the real answer, cut short (its size drawn per request)
    "hang": {"hang": True},
}
DEFAULT_KIND_WEIGHTS = {"500": 3, "502": 2, "503": 2, "429": 1, "429-retry-after": 1,
                        "reset": 2, "truncated": 2, "hang": 1}
# Kinds that may follow a change the server made: only these get apply_first.
MAY_APPLY = {"500", "502", "503", "reset", "truncated", "hang"}

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
        self.hold_ms = self._int(spec, "hold_ms", index) or 0
        self.truncate = self._int(spec, "truncate", index)
        self.remaining = self._int(spec, "times", index)
        self.hang = bool(spec.get("hang"))
        self.malformed = bool(spec.get("malformed"))
        self.apply_first = bool(spec.get("apply_first"))
        self.reset = bool(spec.get("reset"))
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


class RandomRule:
    """Fails a seeded share of requests (see the module text)."""

    def __init__(self, spec, index):
        if not isinstance(spec, dict):
            raise FaultError(f"rule {index}: 'random' must be an object")
        unknown = set(spec) - RANDOM_KEYS
        if unknown:
            raise FaultError(f"rule {index}: unknown keys {sorted(unknown)} in 'random'")
        rate = spec.get("rate")
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
            raise FaultError(f"rule {index}: 'rate' must be a number from 0 to 1")
        seed = spec.get("seed", 0)
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise FaultError(f"rule {index}: 'seed' must be an integer")
        try:
            self.pattern = re.compile(spec.get("match", "^[A-Z]+ /api/0/"))
        except re.error as exc:
            raise FaultError(f"rule {index}: bad regex: {exc}") from exc
        kinds = spec.get("kinds", DEFAULT_KIND_WEIGHTS)
        if (not isinstance(kinds, dict) or not kinds or set(kinds) - set(RANDOM_KINDS)
                or any(isinstance(w, bool) or not isinstance(w, int) or w < 0 for w in kinds.values())
                or not sum(kinds.values())):
            raise FaultError(f"rule {index}: 'kinds' must weigh some of {sorted(RANDOM_KINDS)}")
        try:
            self.until = re.compile(spec["until"]) if "until" in spec else None
        except (re.error, TypeError) as exc:
            raise FaultError(f"rule {index}: bad 'until' regex: {exc}") from exc
        self.spec = dict(spec)
        self.rate, self.seed = float(rate), seed
        self.ended = False
        self.kinds = sorted(kinds.items())
        self._seen = {}   # request key -> how many times it came

    def pick(self, method, target, body):
        """A Rule for this request, or None to answer it normally. Call with the lock held."""
        if self.until and self.until.search(target):
            self.ended = True
        if self.ended or not self.pattern.search(target):
            return None
        key = f"{method} {target} {body.decode('utf-8', 'replace') if body else ''}"
        nth = self._seen.get(key, 0)
        self._seen[key] = nth + 1
        draw = random.Random(f"{self.seed}\0{key}\0{nth}")
        if draw.random() >= self.rate:
            return None
        kind = draw.choices([k for k, _ in self.kinds], [w for _, w in self.kinds])[0]
        spec = json.loads(json.dumps(RANDOM_KINDS[kind]))
        spec["match"] = "."
        spec["kind"] = kind
        if kind == "truncated":
            spec["truncate"] = draw.randrange(1, 13)  # shorter than any answer with a body
        if method in MUTATING_METHODS and kind in MAY_APPLY and kind != "truncated":
            # ("truncated" cuts the real answer: the change is made anyway.)
            spec["apply_first"] = draw.random() < 0.5
        kind_name = spec.pop("kind")
        rule = Rule(spec, 0)
        rule.spec["random"] = kind_name   # shows in the request log's "fault"
        return rule

    def describe(self):
        return {"random": dict(self.spec)}


class FaultSet:
    """The active rules; replaced as a whole (from --faults or POST /__control/faults)."""

    def __init__(self):
        self._rules = []
        self._lock = threading.Lock()

    def replace(self, specs):
        if not isinstance(specs, list):
            raise FaultError("faults must be a JSON list of rules")
        rules = [RandomRule(spec["random"], index) if isinstance(spec, dict) and "random" in spec
                 and len(spec) == 1 else Rule(spec, index) for index, spec in enumerate(specs)]
        with self._lock:
            self._rules = rules
        return len(rules)

    def pick(self, method, path, query, body=b""):
        target = f"{method} {path}" + (f"?{query}" if query else "")
        with self._lock:
            for rule in self._rules:
                if isinstance(rule, RandomRule):
                    chosen = rule.pick(method, target, body)
                    if chosen:
                        return chosen
                    continue
                if rule.remaining == 0 or not rule.pattern.search(target):
                    continue
                if rule.remaining is not None:
                    rule.remaining -= 1
                return rule
        return None

    def describe(self):
        with self._lock:
            return [rule.describe() for rule in self._rules]

    def specs(self):
        """The rules as given (for adding one to them)."""
        with self._lock:
            return [{"random": dict(rule.spec)} if isinstance(rule, RandomRule) else dict(rule.spec)
                    for rule in self._rules]
