"""The Python examples of docs/cnn.md run, with the outputs shown."""
from __future__ import annotations

import doctest
from pathlib import Path

from test_docs import python_blocks

ROOT = Path(__file__).resolve().parents[1]


def test_cnn_page_examples():
    text = python_blocks(ROOT / "docs" / "cnn.md")
    assert text.count(">>>") > 20
    test = doctest.DocTestParser().get_doctest(text, {}, "docs/cnn.md", "docs/cnn.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
