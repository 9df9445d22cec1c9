"""The imports flow one way: ir -> autodiff / frontend -> codegen -> the API.

Every ``import`` in symgrad/ and codegen/ (function-level ones included; only
``if TYPE_CHECKING:`` blocks are left out) is read with ``ast``.  The test
fails on an import cycle between modules, on a layer importing a layer above
it, and on a package directory that pyproject.toml does not install.
"""
from __future__ import annotations

import ast
import pathlib
import subprocess
import sys
import tomllib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
#: where each installed package's files are
SOURCES = {"symgrad": ROOT / "symgrad", "symgrad.codegen": ROOT / "codegen"}

#: package prefix -> the symgrad packages it may import (besides itself);
#: the longest matching prefix applies
ALLOWED = {
    "symgrad.ir": {"symgrad._checks", "symgrad.errors"},
    "symgrad.autodiff": {"symgrad.ir", "symgrad.errors"},
    "symgrad.frontend": {"symgrad.ir", "symgrad.errors", "symgrad._checks", "symgrad.tensor"},
    "symgrad.codegen": {"symgrad.ir", "symgrad.errors", "symgrad._checks"},
}


def _modules() -> dict[str, pathlib.Path]:
    out = {}
    for pkg, folder in SOURCES.items():
        for path in folder.rglob("*.py"):
            rel = path.relative_to(folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            name = ".".join([pkg, *parts])
            if pkg == "symgrad" and parts[:1] == ["codegen"]:
                continue
            out[name] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or \
        (isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _imports(name: str, path: pathlib.Path, known: set[str]) -> set[str]:
    """The symgrad modules that module ``name`` imports."""
    tree = ast.parse(path.read_text())
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    skip = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and _is_type_checking(node)
            for child in node.body for n in ast.walk(child)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            # `from pkg import module` imports the module; `from module import name` the module
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        assert not any(t == "codegen" or t.startswith("codegen.") for t in targets), \
            f"{name} imports a top-level 'codegen'; write symgrad.codegen or a relative import"
        found.update(t for t in targets if t in known and t != name)
    return found


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {name: _imports(name, path, known) for name, path in mods.items()}


def _layer(name: str) -> str | None:
    matches = [p for p in ALLOWED if name == p or name.startswith(p + ".")]
    return max(matches, key=len) if matches else None


def test_no_import_cycles():
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_no_upward_imports(layer):
    bad = []
    for name, deps in _graph().items():
        if _layer(name) != layer:
            continue
        for d in deps:
            if _layer(d) == layer:
                continue
            if not any(d == a or d.startswith(a + ".") for a in ALLOWED[layer]):
                bad.append(f"{name} imports {d}")
    assert not bad, f"{layer} may import only {sorted(ALLOWED[layer])}:\n" + "\n".join(sorted(bad))


def test_pyproject_installs_every_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    assert config["package-dir"] == {"symgrad.codegen": "codegen"}
    present = {name for name, path in _modules().items() if path.name == "__init__.py"}
    assert present == listed, f"packages on disk {sorted(present)} vs pyproject {sorted(listed)}"


def test_codegen_imports_as_symgrad_codegen_only():
    """Loading the backends brings in no top-level ``codegen`` (a fresh process)."""
    code = ("import sys, symgrad, symgrad.codegen.numpy, symgrad.codegen.llvm; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'codegen'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT.parent)
    assert out.stdout.strip() == "[]", out.stdout


@pytest.mark.parametrize("folder", ["tests", "benchmarks", "examples", "docs"])
def test_nothing_imports_a_top_level_codegen(folder):
    bad = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            bad += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] == "codegen"]
    assert not bad, "import symgrad.codegen instead:\n" + "\n".join(bad)
