"""Access to the real Sentry payloads in tests/fixtures/sentry/.

All data the fake server serves is derived from these files, so that the shapes
never drift from what Sentry really sends. Paths are relative to this file.
"""

import copy
import functools
import json
from pathlib import Path

FIXTURE_ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "sentry"


class FixtureError(RuntimeError):
    pass


@functools.lru_cache(maxsize=None)
def _load(relative_path):
    path = FIXTURE_ROOT / relative_path
    try:
        with path.open("r", encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as exc:
        raise FixtureError(f"cannot load fixture {path}: {exc}") from exc


def fresh(relative_path):
    """A private deep copy of a fixture; callers may mutate it freely."""
    return copy.deepcopy(_load(relative_path))


def api(name):
    return fresh(f"api/{name}")


def _frame_from_ingest(frame):
    """One SDK (snake_case) frame -> the API form (camelCase, context as [[line, text]])."""
    line_no = frame.get("lineno")
    context = []
    if line_no is not None and "context_line" in frame:
        pre = frame.get("pre_context") or []
        post = frame.get("post_context") or []
        first = line_no - len(pre)
        lines = list(pre) + [frame["context_line"]] + list(post)
        context = [[first + offset, text] for offset, text in enumerate(lines)]
    return {
        "filename": frame.get("filename"),
        "absPath": frame.get("abs_path"),
        "module": frame.get("module"),
        "package": frame.get("package"),
        "platform": frame.get("platform"),
        "instructionAddr": frame.get("instruction_addr"),
        "symbolAddr": frame.get("symbol_addr"),
        "function": frame.get("function"),
        "rawFunction": frame.get("raw_function"),
        "symbol": frame.get("symbol"),
        "context": context,
        "lineNo": line_no,
        "colNo": frame.get("colno"),
        "inApp": frame.get("in_app"),
        "trust": None,
        "errors": None,
        "vars": frame.get("vars"),
    }


def ingest_event_to_api(payload, template):
    """Turn an SDK payload (like sentry-cli's minified-JS event) into the API form.

    `template` is an API-form event whose top-level keys (sdk, contexts, _meta, ...)
    give the shape; we replace its entries with the converted exception so the
    client sees a single, consistent representation.
    """
    event = copy.deepcopy(template)
    values = []
    for exc in payload.get("exception", {}).get("values", []):
        frames = [_frame_from_ingest(f) for f in (exc.get("stacktrace") or {}).get("frames", [])]
        values.append({
            "type": exc.get("type"),
            "value": exc.get("value"),
            "module": exc.get("module"),
            "threadId": None,
            "mechanism": exc.get("mechanism") or {"type": "onerror", "handled": False},
            "stacktrace": {
                "frames": frames,
                "framesOmitted": None,
                "registers": None,
                "hasSystemFrames": any(not f["inApp"] for f in frames),
            },
            "rawStacktrace": None,
        })
    event["entries"] = [{
        "type": "exception",
        "data": {"values": values, "excOmitted": None, "hasSystemFrames": False},
    }]
    event["dist"] = payload.get("dist")
    event["platform"] = "javascript"
    event["errors"] = []
    return event
