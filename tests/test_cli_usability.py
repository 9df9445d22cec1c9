"""The ``symgrad`` command with the inputs new users type (issue 15, item 20).

References are independent of symgrad: ``sympy.diff`` evaluated with
``sympy.N``, and ``importlib.metadata`` for the version.
"""
from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import sympy as sp

from symgrad.cli import NOT_FINITE, main
from symgrad.frontend.parse import ParseError, parse

ROOT = Path(__file__).resolve().parents[1]
x, y = sp.symbols("x y")


def _run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "symgrad", *argv], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)


def _expected(f: sp.Expr, wrt: list[sp.Symbol], point: dict[sp.Symbol, float]) -> list[tuple[str, float]]:
    return [("f", float(f.subs(point)))] + [(f"df/d{w}", float(sp.diff(f, w).subs(point))) for w in wrt]


def _printed(out: str, n: int) -> list[tuple[str, float]]:
    return [(name, float(value)) for name, _, value in (ln.partition(" = ") for ln in out.splitlines()[-n:])]


@pytest.mark.parametrize("argv, f, wrt", [
    (["-x*y", "--wrt", "x", "--at", "x=1,y=-2"], -x * y, [x]),
    (["grad", "-x*y", "--at", "x=1,y=-2", "--wrt", "x,y"], -x * y, [x, y]),
    (["grad", "--wrt", "y", "-x^2*y", "--at", "x=3,y=-2"], -x ** 2 * y, [y]),
    (["--wrt", "x", "-x*y", "--at", "x=1,y=-2"], -x * y, [x]),   # options first, no "grad"
    (["-1 + x", "--at", "x=-3"], x - 1, [x]),
])
def test_expression_starting_with_minus(argv, f, wrt, capsys):
    assert main(argv) == 0
    point = {x: 1, y: -2} if "x=1,y=-2" in argv else ({x: 3, y: -2} if "x=3,y=-2" in argv else {x: -3})
    assert _printed(capsys.readouterr().out, 1 + len(wrt)) == _expected(f, wrt, point)


def test_check_with_leading_minus_and_help_still_work(capsys):
    assert main(["check", "-2*x", "-x^2", "--wrt", "x"]) == 0
    assert capsys.readouterr().out.startswith("ok")
    with pytest.raises(SystemExit) as e:
        main(["-h"])
    assert e.value.code == 0 and "Euler" in capsys.readouterr().out


def test_e_is_a_variable_with_a_warning(capsys):
    assert parse("e^x") == sp.Symbol("e") ** x
    assert main(["check", "exp(x)", "e^x", "--wrt", "x"]) == 1
    err = capsys.readouterr().err
    assert "symgrad: warning:" in err and "'e'" in err and "exp(x)" in err
    assert main(["check", "exp(x)", "E^x", "--wrt", "x"]) == 0
    assert "warning" not in capsys.readouterr().err
    # naming e in --wrt shows that a variable is meant: no warning
    assert main(["grad", "e*x", "--wrt", "e"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.splitlines()[-1] == "df/de = x"


@pytest.mark.parametrize("name", ["gamma", "sign", "sin"])
def test_a_function_name_not_called_is_a_variable_with_a_warning(name, capsys):
    """SymPy reads a bare gamma as a symbol; batch norm's gamma is a common parameter name."""
    v = sp.Symbol(name)
    assert parse(f"{name}*x") == v * x
    assert main(["grad", f"{name}*x", "--wrt", "x"]) == 0
    captured = capsys.readouterr()
    assert f"uses '{name}' as a variable, not the function {name}(...)" in captured.err
    assert captured.out.splitlines()[-1] == f"df/dx = {name}"
    # naming it in --wrt shows that a variable is meant: no warning
    assert main(["grad", f"{name}*x", "--wrt", f"x,{name}"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.splitlines()[-1] == f"df/d{name} = x"


def test_lambda_is_a_name(capsys):
    lam = sp.Symbol("lambda")
    assert parse("lambda*x + lambda_1") == lam * x + sp.Symbol("lambda_1")
    assert main(["lambda*x^2", "--at", "lambda=2,x=3"]) == 0
    assert _printed(capsys.readouterr().out, 3) == _expected(lam * x ** 2, [lam, x], {lam: 2, x: 3})
    with pytest.raises(ParseError, match="lambda"):
        parse("(lambda: 1)()")


def test_wrt_name_that_does_not_occur_warns(capsys):
    assert main(["W*x", "--wrt", "w"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1] == "df/dw = 0"   # the Python API's rule holds
    assert "--wrt w does not occur in W*x" in captured.err and "did you mean W?" in captured.err


@pytest.mark.parametrize("argv, message", [
    (["2x"], "write 2*x for a product"),
    (["-x*", "--wrt", "x"], "not a valid expression: '-x*'"),
    (["sin(3.5y)"], "write 3.5*y for a product"),
    (["2j"], "write 2*j"),
    (["x", "--at", "x=1/0"], "--at value for x is not a real number: '1/0' is zoo"),
    (["x*y", "--at", "x=1,y=sqrt(-1)"], "--at value for y is not a real number"),
    (["x", "--at", "x=1,x=2"], "--at gives x twice"),
    (["sin(x)", "--at", "x=9^4000"], "--at value for x is beyond the range of a float64: '9^4000'"),
])
def test_bad_input_gets_a_hint_naming_it(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("symgrad: error:") and message in err, err


@pytest.mark.parametrize("expr, at, culprit, printed", [
    ("sqrt(x)", "x=-1", "sqrt(x) is not real", ["f = nan", "df/dx = nan"]),
    ("x*log(x)", "x=0", "log(x) is -oo", ["f = nan", "df/dx = nan"]),
    ("1/x", "x=0", "1/x divides by zero", ["f = inf", "df/dx = -inf"]),
    ("sqrt(x) + y", "x=0,y=1", "1/sqrt(x) divides by zero", ["f = 1", "df/dx = inf", "df/dy = 1"]),
    ("x^10000", "x=2", f"x**10000 is {sp.Float(sp.Integer(2) ** 10000, 3)}, beyond the range of a float64",
     ["f = inf", "df/dx = inf"]),
    # the search for the culprit must not itself hang in mpmath
    ("x*exp(10^3999)", "x=1", "not finite at x = 1 (an overflow", ["f = inf", "df/dx = inf"]),
])
def test_value_outside_the_domain_warns_cleanly_and_exits_3(expr, at, culprit, printed):
    r = _run(expr, "--at", at)
    assert r.returncode == NOT_FINITE == 3, r
    assert r.stdout.splitlines()[-len(printed):] == printed
    assert r.stderr.startswith("symgrad: warning:") and culprit in r.stderr, r.stderr
    # no NumPy RuntimeWarning quoting a generated or internal file
    assert "RuntimeWarning" not in r.stderr and ".py" not in r.stderr and "<symgrad" not in r.stderr


def test_version():
    r = _run("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"symgrad {metadata.version('symgrad')}"
