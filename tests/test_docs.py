"""The Python examples in README.md, docs/guide.md and docs/ops.md run, with the outputs shown."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def python_blocks(path: Path) -> str:
    """The ```python blocks of a Markdown file, joined, as doctest text."""
    return "\n\n".join(re.findall(r"```python\n(.*?)```", path.read_text(), re.DOTALL))


@pytest.mark.parametrize("name", ["README.md", "docs/guide.md", "docs/ops.md"])
def test_markdown_examples(name):
    text = python_blocks(ROOT / name)
    assert ">>>" in text
    test = doctest.DocTestParser().get_doctest(text, {}, name, name, 0)
    flags = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
    runner = doctest.DocTestRunner(optionflags=flags)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
