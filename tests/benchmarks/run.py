"""Benchmarks: one line per figure, each beside the baseline measured in the same run.

    python .ci/tasks.py bench [--runs N] [--only SUITE ...]

Each suite is a module here with ``run(args)``; it prints its own lines.
"""

from __future__ import annotations

import argparse
import importlib

SUITES = ["startup", "meeting_documents", "grant_statistics", "sync", "register", "team"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7, help="repetitions where a median is taken")
    parser.add_argument("--only", nargs="*", choices=SUITES, default=SUITES)
    args = parser.parse_args()
    for name in args.only:
        importlib.import_module(f"tests.benchmarks.{name}").run(args)


if __name__ == "__main__":
    main()
