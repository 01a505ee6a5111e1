#!/usr/bin/env python3
"""README.md's performance section, generated from docs/benchmarks.md: the results that
`make bench` wrote there replace the text between README's `performance` markers."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from markers import read_between, replace_between  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def main():
    results = read_between(os.path.join(ROOT, "docs", "benchmarks.md"), "bench-results")
    readme = os.path.join(ROOT, "README.md")
    with open(readme, encoding="utf-8") as handle:
        if "<!-- performance:begin -->" not in handle.read():
            raise SystemExit("readme.py: README.md has no <!-- performance:begin --> marker")
    replace_between(readme, "performance", results)
    print("README.md: performance section updated from docs/benchmarks.md")


if __name__ == "__main__":
    main()
