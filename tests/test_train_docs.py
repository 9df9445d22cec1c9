"""The Python examples of docs/training.md run, with the outputs shown (as tests/test_docs.py)."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_training_page_examples():
    text = "\n\n".join(re.findall(r"```python\n(.*?)```", (ROOT / "docs/training.md").read_text(), re.DOTALL))
    assert text.count(">>>") > 20
    test = doctest.DocTestParser().get_doctest(text, {}, "training.md", "docs/training.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
