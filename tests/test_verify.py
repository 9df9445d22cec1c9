"""sg.check: symbolic, exact and numeric verdicts; counterexamples that really differ."""
from __future__ import annotations

import sympy as sp

import symgrad as sg

x, y = sp.symbols("x y")


def differs_at(hand, f, w, at) -> bool:
    """Independent confirmation: hand and sympy.diff differ at ``at`` (40 digits)."""
    a, b = sp.N(hand.subs(at), 40), sp.N(sp.diff(f, w).subs(at), 40)
    return abs(a - b) > 1e-30


def test_symbolic_verdict():
    res = sg.check(2 * x * sp.exp(x ** 2), sp.exp(x ** 2), x)
    assert res.ok and res.method == "symbolic" and res.counterexample is None


def test_activation_identity_is_symbolic():
    res = sg.check(sg.sigmoid(x) * (1 - sg.sigmoid(x)), sg.sigmoid(x), x)
    assert res.ok and res.method == "symbolic"


def test_trig_identity_needs_numeric_evaluation():
    # expand/cancel cannot see sin(2x) = 2 sin x cos x: decided at 50 digits instead
    res = sg.check(sp.sin(2 * x), sp.sin(x) ** 2, x)
    assert res.ok and res.method == "numeric" and res.points >= 6


def test_large_power_is_decided_exactly_not_expanded():
    f = (x + 1) ** 20
    res = sg.check(sp.expand(20 * (x + 1) ** 19), f, x)
    assert res.ok and res.method == "exact"
    wrong = sp.expand(20 * (x + 1) ** 19) + x ** 7
    bad = sg.check(wrong, f, x)
    assert not bad.ok and bad.method == "exact"
    assert differs_at(wrong, f, x, bad.counterexample)


def test_numeric_counterexample_really_differs():
    f = sp.sin(x) * sp.exp(y)
    hand = [sp.cos(x) * sp.exp(y), sp.sin(x) * sp.exp(y) + sp.Rational(1, 10**12)]
    res = sg.check(hand, f, [x, y])
    assert not res.ok and res.method in ("exact", "numeric") and res.wrong == (y,)
    assert differs_at(hand[1], f, y, res.counterexample)
    assert not differs_at(hand[0], f, x, res.counterexample)


def test_fifty_digits_see_a_relative_error_of_1e_20():
    p = sp.Symbol("p", positive=True)
    res = sg.check(sp.exp(p) * (1 + sp.Rational(1, 10**20)), sp.exp(p), p)
    assert not res.ok and res.method == "numeric"
    assert abs(res.hand_value[p] / res.true_value[p] - 1 - sp.Rational(1, 10**20)) < 1e-35


def test_counterexample_prefers_simple_numbers():
    res = sg.check(3 * x ** 2 + 1, x ** 3, x)
    assert not res.ok
    assert res.counterexample == {x: 0}
    assert res.hand_value[x] == 1 and res.true_value[x] == 0


def test_kinks_are_not_counterexamples():
    # sympy's Heaviside(0) = 1/2 and symgrad's relu'(0) = 0 differ only at the kink
    assert sg.check(sp.Heaviside(x), sg.relu(x), x).ok
    assert sg.check(sp.sign(x), sp.Abs(x), x).ok
    assert sg.check([sp.Heaviside(x - y), sp.Heaviside(y - x)], sp.Max(x, y), [x, y]).ok


def test_wrong_branch_is_caught():
    hand = sp.Piecewise((1, x > 0), (sp.Rational(1, 10), True))       # leaky slope 1/10 claimed
    res = sg.check(hand, sg.leaky_relu(x), x)                          # default slope is 1/100
    assert not res.ok and res.counterexample[x] < 0


def test_undefined_points_are_skipped():
    # sqrt and log are complex or undefined for x <= 0: those points are drawn again
    assert sg.check(1 / (2 * sp.sqrt(x)) + 1 / x, sp.sqrt(x) + sp.log(x), x).ok
    bad = sg.check(1 / sp.sqrt(x), sp.sqrt(x), x)
    assert not bad.ok and bad.counterexample[x] > 0


def test_assumptions_are_respected():
    p = sp.Symbol("p", positive=True)
    res = sg.check(1 / p, sp.log(p) + 1, p)
    assert res.ok


def test_seed_reproducible():
    hand, f = sp.cos(x) + x ** 3 / 100, sp.sin(x)
    a = sg.check(hand, f, x, seed=7)
    b = sg.check(hand, f, x, seed=7)
    assert a == b and not a.ok


def test_result_prints_the_verdict():
    res = sg.check(x, x ** 2, x)
    text = str(res)
    assert "NOT EQUAL" in text and "hand gives" in text
    assert str(sg.check(2 * x, x ** 2, x)).startswith("ok")


def test_a_counterexample_with_a_huge_exact_value_prints():
    """(x + 3)**10000 at x = 0 has a derivative of 4775 digits, more than Python prints."""
    import mpmath
    x = sp.Symbol("x")
    res = sg.check(0, (x + 3) ** 10000, x)
    assert not res.ok and res.counterexample == {x: 0}
    text = str(res)
    exponent = int(mpmath.floor(mpmath.log10(mpmath.mpf(10000) * mpmath.mpf(3) ** 9999)))
    assert f"e+{exponent} (exact: a rational of" in text
