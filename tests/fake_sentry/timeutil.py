"""Time helpers: the ISO-8601 forms Sentry sends, its period strings, buckets.

Everything in the fake server is relative to one pinned "now" (the --now flag),
so that tests see the same "3h ago" on every run.
"""

import re
from datetime import datetime, timedelta, timezone

# Sentry's parse_stats_period: digits plus an optional unit; no unit = seconds.
_PERIOD_RE = re.compile(r"^(\d+)([smhdw]?)$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_iso(text):
    """Parse an ISO-8601 timestamp ('Z', offsets and fractions allowed) to aware UTC.

    Raises ValueError on anything else, which callers turn into a 400.
    """
    if not isinstance(text, str) or not text:
        raise ValueError("empty timestamp")
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def iso(moment, fraction="none"):
    """Format like Sentry does. Real responses mix the three forms, so we do too:
    'none' -> 2026-11-20T12:00:00Z, 'ms' -> ...00.123Z, 'us' -> ...00.123456Z."""
    moment = moment.astimezone(timezone.utc)
    base = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if fraction == "ms":
        return f"{base}.{moment.microsecond // 1000:03d}Z"
    if fraction == "us":
        return f"{base}.{moment.microsecond:06d}Z"
    return base + "Z"


def parse_period(text):
    """'24h', '14d', '90m', '3600' -> timedelta; None when the string is not a period."""
    match = _PERIOD_RE.match(text or "")
    if not match:
        return None
    return timedelta(seconds=int(match.group(1)) * _UNIT_SECONDS[match.group(2)])


def epoch(moment):
    return int(moment.timestamp())


def floor_to(moment, seconds):
    """Start of the bucket of `seconds` length that contains `moment` (UTC-aligned)."""
    stamp = epoch(moment)
    return datetime.fromtimestamp(stamp - stamp % seconds, tz=timezone.utc)


def utc_now():
    return datetime.now(timezone.utc).replace(microsecond=0)
