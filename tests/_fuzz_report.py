"""The fuzzers' counts and mismatches, and the long profile's report (``make fuzz`` sets
SYMGRAD_FUZZ_REPORT; the bounded profile in ``make test`` writes nothing)."""
from __future__ import annotations

import json
import os

#: the long profile collects every mismatch instead of stopping at the first
KEEP_GOING = bool(os.environ.get("SYMGRAD_FUZZ_REPORT"))


class FuzzReport:
    """Counts by key and mismatches of one fuzzer (``kind``: "scalar" or "networks")."""

    def __init__(self, kind: str):
        self.kind = kind
        self.stats: dict[str, int] = {}
        self.failures: list[str] = []

    def count(self, key: str, n: int = 1) -> None:
        self.stats[key] = self.stats.get(key, 0) + n

    def progress(self) -> None:
        """The counts so far, rewritten after every example (a run cut short still tells)."""
        path = os.environ.get("SYMGRAD_FUZZ_REPORT")
        if path:
            with open(f"{path}.{self.kind}.partial", "w") as f:
                json.dump({**self.stats, "failures": self.failures}, f)

    def write(self, **fields) -> None:
        """One line of the report for the whole run, with the run's ``fields``."""
        path = os.environ.get("SYMGRAD_FUZZ_REPORT")
        if path:
            with open(path, "a") as f:
                f.write(json.dumps({"test": self.kind, **fields, **self.stats,
                                    "failures": self.failures}) + "\n")
