"""Writing one benchmark's section of docs/benchmarks.md.

Each script owns the section under its ``## T<k>`` heading and leaves the
others alone; the file is re-read right before writing and replaced
atomically, so scripts run one after another (or by different people) never
lose each other's tables.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


def replace_section(key: str, section: str, path: Path = DOC) -> Path:
    """Put ``section`` (which starts with its ``## <key>`` heading) in place of the old one."""
    if not section.startswith(f"## {key}"):
        raise ValueError(f"section must start with '## {key}'")
    old = path.read_text() if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^## {re.escape(key)}\b.*?(?=^## |\Z)", re.S | re.M)
    section = section.rstrip("\n") + "\n"
    if pattern.search(old):
        new = pattern.sub(lambda m: section + "\n", old, count=1)
    else:
        new = old.rstrip("\n") + "\n\n" + section
    path.parent.mkdir(exist_ok=True)
    tmp = path.with_suffix(".md.tmp")
    tmp.write_text(new)
    os.replace(tmp, path)
    return path
