"""Code-execution escapes through every string input, not covered in test_parse_cli.py / test_security.py.

The expression parser (CLI and ``symgrad.frontend.parse``) takes a whitelist of
Python syntax and never evaluates: each escape below is refused with a
``ParseError`` naming the offending piece, and the CLI exits 2 without running
anything.  Strings given to the library as names (symbols, layers, backends,
dtypes, environment variables) are labels or keys, never code.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

import symgrad as sg
from symgrad import nn
from symgrad.frontend.parse import MAX_LENGTH, ParseError, parse

ROOT = Path(__file__).resolve().parents[1]

ESCAPES = [
    ("x.__class__", "Attribute is not allowed: x.__class__"),
    ("__builtins__", "names starting with an underscore are not allowed: __builtins__"),
    ("x.__class__.__mro__[1].__subclasses__()", "only calls of known functions are allowed"),
    ("sin.__globals__", "Attribute is not allowed: sin.__globals__"),
    ("f'{x}'", "JoinedStr is not allowed"),
    ("'%s' % x", "operator Mod is not allowed"),
    ("'{0.__class__}'.format(x)", "only calls of known functions are allowed, not '{0.__class__}'.format"),
    ("(y := 1)", "NamedExpr is not allowed"),
    ("sin(*x)", "only positional arguments are allowed"),
    ("sin(**x)", "only positional arguments are allowed"),
    ("[i for i in x]", "ListComp is not allowed"),
    ("b'x'", "bytes literals are not allowed"),
    ("...", "ellipsis literals are not allowed"),
    ("x; import os", "not a valid expression"),
    ("lambda x: x", "not a valid expression"),
    ("exec('1')", "only calls of known functions are allowed, not exec"),
    ("getattr(x, 'real')", "only calls of known functions are allowed, not getattr"),
    ("globals()", "only calls of known functions are allowed, not globals"),
    ("await x", "Await is not allowed"),
    ("{x: 1}", "Dict is not allowed"),
    ("sin(x)\x00", "cannot contain null bytes"),
]


@pytest.mark.parametrize("text, message", ESCAPES, ids=[e[0] for e in ESCAPES])
def test_escape_is_refused_naming_the_piece(text, message):
    with pytest.raises(ParseError) as e:
        parse(text)
    assert message in str(e.value)


@pytest.mark.parametrize("text, message", [
    ("(" * 100_000 + "x" + ")" * 100_000, "too many nested parentheses"),
    ("sin(" * 3000 + "x" + ")" * 3000, "not a valid expression"),
    ("-" * 100_000 + "x", "nested too deeply for Python's parser"),
    ("x**" * 3000 + "x", "nested too deeply for Python's parser"),
    ("x" * (MAX_LENGTH + 1), f"longer than {MAX_LENGTH} characters"),
    ("1" * 5000 + "*x", "exact number with more than 4000 digits"),
], ids=["parentheses", "calls", "unary", "powers", "length", "digits"])
def test_long_and_deeply_nested_input_is_refused_quickly_and_briefly(text, message):
    with pytest.raises(ParseError) as e:
        parse(text)
    assert message in str(e.value)
    # the message quotes the two ends of a long text, not all of it
    assert len(str(e.value)) < 600


def test_cli_refuses_each_escape_and_runs_nothing(tmp_path):
    marker = tmp_path / "ran"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for text in (f"().__class__.__base__.__subclasses__()[0]('{marker}')",
                 f"f'{{__import__(\"pathlib\").Path(\"{marker}\").touch()}}'",
                 "'{0.__init__.__globals__}'.format(x) + x",
                 "(" * 50_000 + "x" + ")" * 50_000):
        for argv in (["grad", text, "--wrt", "x"], ["check", text, "x", "--wrt", "x"]):
            out = subprocess.run([sys.executable, "-m", "symgrad", *argv], capture_output=True, text=True,
                                 env=env, timeout=120)
            assert out.returncode == 2, (argv, out.stderr[-500:])
            assert "error:" in out.stderr and len(out.stderr) < 2000
    assert not marker.exists()


def test_strings_given_as_names_are_labels_not_code(tmp_path):
    marker = tmp_path / "ran"
    payload = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    # a symbol, a layer and an input named by the payload: names, compiled and called as such
    s = sp.Symbol(payload)
    fn = sg.compile(s * 2, [s], backend="numpy")
    value, (d,) = fn(**{payload: 3.0})
    assert (float(value), float(d)) == (6.0, 2.0)
    X = nn.input(payload, 2)
    layer = nn.Dense(2, 1, name=payload)
    assert str(layer.W.name) == "W" + payload and X.shape[1] == 2
    for bad in (dict(backend=payload), dict(dtype=payload)):
        with pytest.raises(ValueError):
            sg.compile(s, [s], **bad)
    assert not marker.exists()


@pytest.mark.parametrize("var", ["SYMGRAD_BLAS", "SYMGRAD_NUM_THREADS"])
def test_environment_strings_are_not_code(tmp_path, var):
    marker = tmp_path / "ran"
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{var: f"__import__('pathlib').Path({str(marker)!r}).touch()"})
    code = ("import sympy as sp, symgrad as sg\nfrom symgrad import nn, losses\n"
            "X, Y = nn.input('X', 2), nn.input('Y', 2)\n"
            "sg.compile(losses.mse(nn.Dense(2, 2, name='1')(X), Y), nn.Dense(2, 2, name='1').parameters(), "
            "backend='llvm')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode != 0 and var in out.stderr, out.stderr[-1500:]
    assert not marker.exists()


def test_nothing_is_ever_unpickled():
    """The cache holds verified object code only: no module of symgrad imports a deserializer
    that can run code (pickle, marshal, shelve, dill, joblib) or calls a `loads`."""
    import ast
    banned = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "joblib", "cloudpickle"}
    for path in sorted([*(ROOT / "symgrad").rglob("*.py"), *(ROOT / "codegen").rglob("*.py")]):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                names = {(node.module or "").split(".")[0]}
            elif isinstance(node, ast.Attribute) and node.attr in ("loads", "load") and \
                    isinstance(node.value, ast.Name) and node.value.id in banned:
                names = {node.value.id}
            else:
                continue
            assert not names & banned, f"{path.relative_to(ROOT)}:{node.lineno} uses {names & banned}"
