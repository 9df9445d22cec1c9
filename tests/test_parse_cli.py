"""The safe parser and the ``symgrad`` command line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

import symgrad as sg
from symgrad.cli import main
from symgrad.frontend.parse import ParseError, parse, parse_list

ROOT = Path(__file__).resolve().parents[1]
x, y, z, w = sp.symbols("x y z w")


@pytest.mark.parametrize("text, expected", [
    ("(x + y)*z", (x + y) * z),
    ("x^2 + 1", x ** 2 + 1),
    ("-x**-1", -1 / x),
    ("2*(x*y + Max(z, w))", 2 * (x * y + sp.Max(z, w))),
    ("sigmoid(w*x + y)", sg.sigmoid(w * x + y)),
    ("leaky_relu(x, 1/10)", sg.leaky_relu(x, sp.Rational(1, 10))),
    ("elu(x) + relu(y) + softplus(z)", sg.elu(x) + sg.relu(y) + sg.softplus(z)),
    ("exp(x)*log(y)*sqrt(z)*Abs(w)", sp.exp(x) * sp.log(y) * sp.sqrt(z) * sp.Abs(w)),
    ("tanh(x) + sinh(y) + cosh(z) + tan(w) + sin(x) + cos(y)",
     sp.tanh(x) + sp.sinh(y) + sp.cosh(z) + sp.tan(w) + sp.sin(x) + sp.cos(y)),
    ("Min(x, y, z) + Heaviside(x)", sp.Min(x, y, z) + sp.Heaviside(x)),
    ("pi*E*x", sp.pi * sp.E * x),
    ("Piecewise((x, x > 0), (-x, True))", sp.Piecewise((x, x > 0), (-x, True))),
    ("Piecewise((x, 0 < x < 1), (0, True))", sp.Piecewise((x, (x > 0) & (x < 1)), (0, True))),
    ("Piecewise((x, (x > 0) and (y <= 1)), (y, True))",
     sp.Piecewise((x, (x > 0) & (y <= 1)), (y, True))),
])
def test_parse_whitelisted(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize("text, culprit", [
    ("__import__('os').system('echo hi')", "__import__('os').system"),
    ("x.real", "x.real"),
    ("x[0]", "x[0]"),
    ("(lambda: 1)()", "lambda"),
    ("'x'", "'x'"),
    ("_secret + x", "_secret"),
    ("open('f')", "open"),
    ("eval('1')", "eval"),
    ("sin(x, evaluate=False)", "sin(x, evaluate=False)"),
    ("x < 1", "x < 1"),
    ("x // 2", "x // 2"),
    ("[x]", "[x]"),
    ("x if y else z", "x if y else z"),
    ("True", "True"),
    ("x @ y", "x @ y"),
    ("Piecewise((x, y), (0, True))", "y"),
    ("x +", "x +"),
])
def test_parse_refuses_and_names_the_culprit(text, culprit):
    with pytest.raises(ParseError) as e:
        parse(text)
    assert culprit in str(e.value)
    assert isinstance(e.value, ValueError)


def test_parse_never_evaluates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "pwned"
    for text in [f"__import__('os').system('touch {marker}')",
                 f"open('{marker}', 'w').write('x')",
                 "().__class__.__base__.__subclasses__()"]:
        with pytest.raises(ParseError):
            parse(text)
    assert not marker.exists()


def test_parse_list_and_names_with_digits():
    assert parse_list("2*x1, Max(y, z)") == [2 * sp.Symbol("x1"), sp.Max(y, z)]
    with pytest.raises(ParseError, match="one expression"):
        parse("x, y")


def test_cli_grad_prints_partials_and_values(capsys):
    assert main(["grad", "(x + y)*z", "--wrt", "x,y,z", "--at", "x=-2,y=5,z=-4"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:4] == ["df/dx = z", "df/dy = z", "df/dz = x + y"]
    assert out[-4:] == ["f = -12", "df/dx = -4", "df/dy = -4", "df/dz = 3"]


def test_cli_grad_latex_and_program(capsys):
    assert main(["sigmoid(w*x + b)", "--wrt", "w,b", "--latex", "--program"]) == 0
    out = capsys.readouterr().out
    assert r"\frac{\partial f}{\partial w}" in out and r"\sigma" in out
    assert "transcendental" in out and "return value=" in out


def test_cli_parameter_absent_from_expr_needs_no_value(capsys):
    assert main(["grad", "x*y", "--wrt", "x,z", "--at", "x=1,y=2"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == ["df/dx = 2", "df/dz = 0"]


def test_cli_grad_default_wrt_is_every_symbol(capsys):
    assert main(["grad", "x*y"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["df/dx = y", "df/dy = x"]


def test_cli_check_exit_status(capsys):
    f = "x1^2 + x1*(1 - x2) - x2^2 - x2*x3 + x3^2 + x3"
    wrong = "2*x1 + 1 - x2, -x1 + 2*x2 - x3, -x2 + 2*x3 + 1"
    right = "2*x1 + 1 - x2, -x1 - 2*x2 - x3, -x2 + 2*x3 + 1"
    assert main(["check", wrong, f, "--wrt", "x1,x2,x3"]) == 1
    out = capsys.readouterr().out
    assert "NOT EQUAL" in out and "d/dx2" in out
    assert main(["check", right, f, "--wrt", "x1,x2,x3"]) == 0
    assert capsys.readouterr().out.startswith("ok")


@pytest.mark.parametrize("argv, message", [
    (["grad", "__import__('os').system('echo hi')", "--wrt", "x"], "__import__"),
    (["grad", "F(x)", "--wrt", "x"], "F"),
    (["grad", "x*y", "--wrt", "x", "--at", "x=1"], "'y'"),
    (["grad", "x*y", "--wrt", "x", "--at", "x=1,y=2,q=3"], "q"),
    (["grad", "x*y", "--wrt", "x+1"], "x + 1"),
    (["check", "1, 2", "sin(x)", "--wrt", "x"], "2 expression"),
])
def test_cli_bad_input_exits_2_naming_it(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("symgrad: error:") and message in err


def test_cli_subprocess_refuses_code_and_runs_nothing(tmp_path):
    marker = tmp_path / "pwned"
    for argv in (["grad", f"__import__('os').system('touch {marker}')", "--wrt", "x"],
                 [f"__import__('os').system('touch {marker}')"]):
        r = subprocess.run([sys.executable, "-m", "symgrad", *argv], check=False, cwd=ROOT,
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 2, r
        assert "only calls of known functions" in r.stderr
    assert not marker.exists()
    ok = subprocess.run([sys.executable, "-m", "symgrad", "grad", "x*y", "--wrt", "x", "--at", "x=1,y=3"],
                        check=False, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and ok.stdout.splitlines()[-1] == "df/dx = 3"
