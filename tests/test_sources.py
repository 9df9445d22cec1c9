"""The docs cite published sources a reader can find, and define the benchmark workloads themselves.

Before: README and docs cited "the notes (seed 003, eq. 18-21)" and
``WORKLOADS.md``/``anchors/``, files of the development machine that a user
of the repository does not have, and pyproject's license table made
setuptools warn on every install.
"""
from __future__ import annotations

import importlib.util
import re
import shutil
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "docs").glob("*.in")),
           *sorted((ROOT / "docs").glob("*.py")), *sorted((ROOT / "symgrad").rglob("*.py")),
           *sorted((ROOT / "codegen").rglob("*.py")), *sorted((ROOT / "codegen").rglob("*.md")),
           *sorted((ROOT / "examples").glob("*.py")), *sorted((ROOT / "benchmarks").glob("*.py"))]
# references to files only the development machine has
UNPUBLISHED = re.compile(r"seed 0\d\d|WORKLOADS\.md|\.\./shared|\banchors?\b|peers' script", re.I)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_reference_to_unpublished_files(path):
    hits = [f"{n}: {line.strip()}" for n, line in enumerate(path.read_text().splitlines(), 1)
            if UNPUBLISHED.search(line)]
    assert not hits, "\n".join(hits)


def test_readme_names_the_sources_by_title():
    text = (ROOT / "README.md").read_text()
    sources = text[text.index("## Sources"):]
    for title in ("ECE 544NA: Pattern", "Lecture 11: Backpropagation", "EECS 545: Machine Learning",
                  "Neural Networks – Learning the network", "CS231n"):
        assert title in sources, title


def _workload_definitions(text: str) -> str:
    m = re.search(r"^## Workload definitions\n(.*?)(?=^## )", text, re.S | re.M)
    assert m, "docs/benchmarks.md has no '## Workload definitions' section"
    return m.group(1)


def test_benchmarks_page_defines_every_workload():
    defs = _workload_definitions((ROOT / "docs" / "benchmarks.md").read_text())
    for k in range(1, 6):
        assert f"\n### T{k}: " in "\n" + defs, f"T{k}"
    # the definitions the examples and scripts point to
    for fact in ("N = 200,000", "load_digits", "97%", "64-256-256-10", "batch 128"):
        assert fact in defs, fact


def test_a_benchmark_rewriting_its_section_keeps_the_definitions(tmp_path):
    spec = importlib.util.spec_from_file_location("_doc", ROOT / "benchmarks" / "_doc.py")
    doc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(doc)
    page = tmp_path / "benchmarks.md"
    shutil.copy(ROOT / "docs" / "benchmarks.md", page)
    before = _workload_definitions(page.read_text())
    doc.replace_section("T2", "## T2: deriving the gradient as the network grows\n\nnew table\n", page)
    doc.replace_section("T9", "## T9: a new workload\n\nnew table\n", page)
    after = page.read_text()
    assert _workload_definitions(after) == before
    assert "new table" in after and after.index("## Workload definitions") < after.index("## T2")


def test_license_is_an_spdx_string():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert meta["project"]["license"] == "MIT"
    # setuptools reads an SPDX string from version 77 on; older ones reject it
    (req,) = [r for r in meta["build-system"]["requires"] if r.startswith("setuptools")]
    assert req.replace(" ", "") == "setuptools>=77"
