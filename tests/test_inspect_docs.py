"""docs/inspect.md: its examples run with the outputs shown, and its pictures are current."""
from __future__ import annotations

import doctest
import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "inspect.md"


def test_inspect_page_examples():
    text = "\n\n".join(re.findall(r"```python\n(.*?)```", PAGE.read_text(), re.DOTALL))
    assert text.count(">>>") > 20
    test = doctest.DocTestParser().get_doctest(text, {}, "inspect.md", str(PAGE), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_inspect_pictures_are_current():
    """Each picture the page shows exists, and its DOT text is what sg.draw writes today
    (refresh: .venv/bin/python docs/make_inspect_pictures.py)."""
    spec = importlib.util.spec_from_file_location("make_inspect_pictures", ROOT / "docs" / "make_inspect_pictures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shown = set(re.findall(r"\(pictures/(\w+)\.png\)", PAGE.read_text()))
    drawings = module.pictures()
    assert shown <= set(drawings), shown - set(drawings)
    for name in shown:
        assert (ROOT / "docs" / "pictures" / f"{name}.png").exists(), name
        dot = (ROOT / "docs" / "pictures" / f"{name}.dot").read_text()
        assert dot == drawings[name].dot, f"docs/pictures/{name}.dot is stale: run docs/make_inspect_pictures.py"
