"""The parser refuses exact numbers that SymPy would take forever to compute.

Inputs that used to hang run in a child process with a timeout: a huge exact
power is one C call, which no signal interrupts.
"""
from __future__ import annotations

import json
import math
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sympy as sp

from symgrad.frontend.parse import MAX_DIGITS, ParseError, parse, parse_list

ROOT = Path(__file__).resolve().parents[1]
x, y = sp.symbols("x y")



def _digits(log10_value: float) -> int:
    return math.floor(log10_value) + 1


# (text, the piece of text the error must quote, words of the reason)
REFUSED = [
    ("2^2^2^2^2^2*x", "2^2^2^2^2", "exponent 65536"),
    ("9^9^9", "9^9^9", "exponent 387420489"),
    ("x^(9^4000)", "x^(9^4000)", "exponent of about 3817 digits"),
    ("x**(1/100001)", "x**(1/100001)", "exponent 1/100001"),
    ("3^9999 + x", "3^9999", f"about {_digits(9999 * math.log10(3))} digits"),
    ("(3*x)^9999", "(3*x)^9999", f"about {_digits(9999 * math.log10(3))} digits"),
    ("sqrt(7)^9999*x", "sqrt(7)^9999", f"about {_digits(9999 / 2 * math.log10(7))} digits"),
    ("(9^4000)*(9^4000)", "(9^4000)*(9^4000)", f"more than {MAX_DIGITS} digits"),
    ("x*9^4000*9^4000", "x*9^4000*9^4000", f"more than {MAX_DIGITS} digits"),
    ("(9^4000 + x)*9^4000", "(9^4000 + x)*9^4000", f"more than {MAX_DIGITS} digits"),
    ("10^4000", "10^4000", f"more than {MAX_DIGITS} digits"),
    ("1/(10^3999*10)", "10^3999*10", f"more than {MAX_DIGITS} digits"),
    ("0x" + "f" * 4000, "0xfff", f"more than {MAX_DIGITS} digits"),
    ("Piecewise((x, x > 9^4000*9^4000), (0, True))", "9^4000*9^4000", "digits"),
]


def _parse_in_child(texts: list[str], timeout: float = 120) -> dict[str, str]:
    code = textwrap.dedent("""
        import json, sys
        from symgrad.frontend.parse import ParseError, parse
        out = {}
        for text in json.load(sys.stdin):
            try:
                out[text] = "ok " + str(len(str(parse(text))))
            except ParseError as e:
                out[text] = "ParseError: " + str(e)
        print(json.dumps(out))
    """)
    r = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), cwd=ROOT,
                       capture_output=True, text=True, timeout=timeout, check=True)
    return json.loads(r.stdout)


def test_huge_exact_numbers_are_refused_at_once_naming_the_piece():
    got = _parse_in_child([text for text, _, _ in REFUSED])
    for text, culprit, reason in REFUSED:
        message = got[text]
        assert message.startswith("ParseError: "), (text, message)
        assert culprit in message and reason in message, (text, message)


def test_cli_tower_of_powers_exits_2_at_once():
    r = subprocess.run([sys.executable, "-m", "symgrad", "2^2^2^2^2^2*x"], cwd=ROOT,
                       capture_output=True, text=True, timeout=60, check=False)
    assert r.returncode == 2, r
    assert r.stderr.startswith("symgrad: error: exponent 65536 is too large") and "2^2^2^2^2" in r.stderr


def test_cli_check_of_a_huge_exponent_exits_2_at_once():
    # sg.check evaluates x^n exactly at rational points: n must stay small
    r = subprocess.run([sys.executable, "-m", "symgrad", "check", "0", "x^(9^4000)", "--wrt", "x"],
                       cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert r.returncode == 2 and "exponent of about 3817 digits" in r.stderr, r


@pytest.mark.parametrize("text, expected", [
    ("10^3999*x", sp.Integer(10 ** 3999) * x),
    ("9^4000", sp.Integer(9 ** 4000)),
    ("2^-3000 + x", sp.Rational(1, 2 ** 3000) + x),
    ("(x + 3)^10000", sp.Pow(x + 3, 10000)),
    ("x^10000 + x^(-1/10000)", sp.Pow(x, 10000) + sp.Pow(x, sp.Rational(-1, 10000))),
    ("sqrt(2)^9999", sp.Integer(2 ** 4999) * sp.sqrt(2)),
    ("(-1)^10000 + 1^9999", sp.Integer(2)),
    ("2.0^10000", sp.Float(2) ** 10000),
    ("(x^y)^10000", x ** (10000 * y)),
])
def test_large_numbers_under_the_limit_still_parse(text, expected):
    assert parse(text) == expected


def test_exponents_and_digits_are_counted_from_the_value_not_the_text():
    assert parse("(2^5000)^(1/2)") == sp.Integer(2 ** 2500)
    assert parse(" + ".join(["10^3999"] * 9)) == 9 * sp.Integer(10 ** 3999)
    with pytest.raises(ParseError, match="more than 4000 digits"):
        parse(" + ".join(["10^3999"] * 10))


def test_piecewise_conditions_are_not_mixed_up_between_calls():
    # the wrappers of conditions were freed and their ids reused: the second
    # Piecewise got the first one's conditions
    text = "Piecewise((x, x > 0), (0, True)) + Piecewise((y, y > 1), (1, y < 3))"
    expected = sp.Piecewise((x, x > 0), (0, True)) + sp.Piecewise((y, y > 1), (1, y < 3))
    assert parse(text) == expected
    many = parse_list(", ".join(f"Piecewise((x, x > {i}), ({i}, True))" for i in range(30)))
    assert many == [sp.Piecewise((x, x > i), (i, True)) for i in range(30)]


def test_long_sum_parses_in_linear_time():
    # adding one term at a time made SymPy re-sort the sum at each step: 2,500
    # terms took 73 s; one Add of all terms takes about a second
    text = " - ".join(f"{i}*x{i}*y" for i in range(2500))
    code = "import sys; from symgrad.frontend.parse import parse; print(parse(sys.stdin.read()))"
    r = subprocess.run([sys.executable, "-c", code], input=text, cwd=ROOT, capture_output=True,
                       text=True, timeout=30, check=True)
    expected = sp.Add(*[(1 if i == 0 else -1) * i * sp.Symbol(f"x{i}") * y for i in range(2500)])
    assert r.stdout.strip() == str(expected)
    a, b, c, d, e, f, g = sp.symbols("a b c d e f g")
    assert parse("a - b - c + d*e*f - g") == a - b - c + d * e * f - g
    assert parse("a - (b - c)*2*d - -e") == a - (b - c) * 2 * d + e   # SymPy's own form: 2*b - 2*c
