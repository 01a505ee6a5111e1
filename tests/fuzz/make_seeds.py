#!/usr/bin/env python3
"""Writes tests/fuzz/seeds/json/ and tests/fuzz/json.dict from the Sentry fixtures.

Each fixture (tests/fixtures/sentry/api, .../ingest) becomes a seed of the same shape but
small: compact JSON, lists cut to their first two items, strings to 120 characters. The
JSON targets run with -max_len=4096 (scripts/fuzz.sh), and a seed longer than that would be
cut mid-document and no longer parse; small seeds also keep each execution cheap.
The dictionary holds JSON's own tokens and the object keys the fixtures use most, so
mutations can write Sentry's field names. Run it again when fixtures are added:
    python3 tests/fuzz/make_seeds.py
"""
import collections
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = [os.path.join(ROOT, "tests/fixtures/sentry", d) for d in ("api", "ingest")]
SEEDS = os.path.join(ROOT, "tests/fuzz/seeds/json")
DICT = os.path.join(ROOT, "tests/fuzz/json.dict")
MAX_LEN = 4096


def shrink(value, items, text):
    if isinstance(value, dict):
        return {k: shrink(v, items, text) for k, v in value.items()}
    if isinstance(value, list):
        return [shrink(v, items, text) for v in value[:items]]
    if isinstance(value, str):
        return value[:text]
    return value


def keys_of(value, counter):
    if isinstance(value, dict):
        for k, v in value.items():
            counter[k] += 1
            keys_of(v, counter)
    elif isinstance(value, list):
        for v in value:
            keys_of(v, counter)


def main():
    os.makedirs(SEEDS, exist_ok=True)
    counter = collections.Counter()
    for folder in FIXTURES:
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                doc = json.load(f)
            keys_of(doc, counter)
            # Keep as much as fits: fewer items and shorter strings until it does.
            for items, text in ((2, 120), (1, 80), (1, 40), (1, 16)):
                out = json.dumps(shrink(doc, items, text), separators=(",", ":"),
                                 ensure_ascii=False)
                if len(out.encode()) <= MAX_LEN:
                    break
            with open(os.path.join(SEEDS, name), "w", encoding="utf-8") as f:
                f.write(out)
    with open(DICT, "w", encoding="utf-8") as f:
        f.write("# JSON tokens and the object keys Sentry's answers use most (from the\n"
                "# fixtures; written by tests/fuzz/make_seeds.py).\n")
        for token in ('"{"', '"}"', '"["', '"]"', '":"', '","', '"\\""', '"null"',
                      '"true"', '"false"', '"-0.5e+3"', '"\\\\u0000"', '"\\\\ud800"',
                      '"\\\\udc00"', '"\\\\n"', '"\\xef\\xbf\\xbd"', '"\\x1b["'):
            f.write(token + "\n")
        for key, _ in counter.most_common(250):
            if key.isascii() and key.isprintable() and '"' not in key and "\\" not in key:
                f.write('"\\"%s\\""\n' % key)
    return 0


if __name__ == "__main__":
    sys.exit(main())
