"""The Python examples of docs/verify.md run, with the outputs shown."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_verify_page_examples():
    text = "\n\n".join(re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "verify.md").read_text(), re.S))
    assert ">>>" in text
    test = doctest.DocTestParser().get_doctest(text, {}, "docs/verify.md", "docs/verify.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
