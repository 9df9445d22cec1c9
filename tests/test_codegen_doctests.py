"""The docstring examples of symgrad.codegen.

pytest's ``--doctest-modules`` collects files by path, and would import
codegen/ as a top-level package ``codegen`` (the name of an unrelated PyPI
package) next to the installed ``symgrad.codegen``; so these run here, by
module name.
"""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import symgrad.codegen


def _modules() -> list[str]:
    names = ["symgrad.codegen"]
    for info in pkgutil.walk_packages(symgrad.codegen.__path__, "symgrad.codegen."):
        names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_doctests(name):
    module = importlib.import_module(name)
    flags = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
    result = doctest.testmod(module, optionflags=flags, verbose=False, report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} doctests failed in {name}"
