"""The lecture notes' worked examples, each against an independent reference."""
import numpy as np
import pytest
import sympy as sp
from _reference import elementary, reference_grad, value_at

import symgrad as sg


def test_sum_times_product_circuit():
    # "Learning the network" slides (after CS231n): f = (x + y) z at (-2, 5, -4) gives -12 and gradient (-4, -4, 3)
    x, y, z = sp.symbols("x y z")
    f = (x + y) * z
    g = sg.grad(f, [x, y, z])
    assert list(g) == [sp.diff(f, w) for w in (x, y, z)]
    value, grads = sg.compile(f, wrt=[x, y, z])(x=-2.0, y=5.0, z=-4.0)
    assert value == -12.0
    assert tuple(grads) == (-4.0, -4.0, 3.0)


def test_sigmoid_neuron_matches_sympy_diff_exactly():
    w0, w1, w2, x0, x1 = wrt = sp.symbols("w0 w1 w2 x0 x1")
    f = sg.sigmoid(w0 * x0 + w1 * x1 + w2)
    g = sg.grad(f, wrt)
    for p, d in zip(wrt, g):
        # sympy.diff of the elementary form 1/(1 + exp(-z)): no symgrad rule involved
        assert sp.simplify(elementary(d) - reference_grad(f, [p])[0]) == 0
    point = {"w0": 2.0, "w1": -3.0, "w2": -3.0, "x0": -1.0, "x1": -2.0}
    value, grads = sg.compile(f, wrt=wrt)(**point)
    symbols = dict(zip(("w0", "w1", "w2", "x0", "x1"), wrt))
    exact = [value_at(r, {symbols[k]: v for k, v in point.items()}) for r in reference_grad(f, wrt)]
    np.testing.assert_allclose(grads, exact, rtol=1e-13)
    # the notes print the gradient rounded: w (-0.2, -0.4, 0.2), x (0.39, -0.59)
    np.testing.assert_allclose(grads, [-0.2, -0.4, 0.2, 0.39, -0.59], atol=0.01)
    assert value == pytest.approx(0.73, abs=0.005)


def test_max_gate_routes_the_gradient():
    # f = 2 (x y + max(z, w)) at x=3, y=-4, z=2, w=-1: gradient (-8, 6, 2, 0)
    x, y, z, w = sp.symbols("x y z w")
    f = 2 * (x * y + sp.Max(z, w))
    value, grads = sg.compile(f, wrt=[x, y, z, w])(x=3.0, y=-4.0, z=2.0, w=-1.0)
    assert value == -20.0
    assert tuple(grads) == (-8.0, 6.0, 2.0, 0.0)
    pt = {x: 3.0, y: -4.0, z: 2.0, w: -1.0}
    assert [value_at(r, pt) for r in reference_grad(f, [x, y, z, w])] == [-8.0, 6.0, 2.0, 0.0]


def toy_loss():
    w, x, b, t, lam = sp.symbols("w x b t lambda")
    L = sp.Rational(1, 2) * (sg.sigmoid(w * x + b) - t) ** 2 + lam * w ** 2 / 2
    return L, (w, x, b, t, lam)


def test_toy_loss_gradient_is_the_notes_formula_and_one_transcendental():
    # Schwing, ECE 544NA Lecture 11 notes, eq. 18-21:
    # dL/dw = (s - t) s' x + lambda w, dL/db = (s - t) s', s' = s (1 - s)
    L, (w, x, b, t, lam) = toy_loss()
    g = sg.grad(L, [w, b])
    s = sg.sigmoid(w * x + b)
    ds = s * (1 - s)
    assert sp.expand(g[w] - ((s - t) * ds * x + lam * w)) == 0
    assert sp.expand(g[b] - (s - t) * ds) == 0
    stats = g.program.stats()
    assert stats.transcendental == 1
    assert stats.ops_after_cse < stats.ops_before_cse
    # and numerically against sympy.diff of 1/(1 + exp(-z)) at a point
    pt = {w: 0.7, x: -1.3, b: 0.2, t: 0.9, lam: 0.01}
    _value, grads = sg.compile(L, wrt=[w, b])(**{str(k): v for k, v in pt.items()})
    np.testing.assert_allclose(grads, [value_at(r, pt) for r in reference_grad(L, [w, b])], rtol=1e-13)



def hessian_example():
    x1, x2, x3 = sp.symbols("x1 x2 x3")
    f = x1 ** 2 + x1 * (1 - x2) - x2 ** 2 - x2 * x3 + x3 ** 2 + x3
    return f, (x1, x2, x3)


def test_hessian_example_matches_sympy_hessian():
    f, wrt = hessian_example()
    assert sg.hessian(f, wrt) == sp.hessian(f, wrt)
    # the notes' Hessian [[2,-1,0],[-1,2,-1],[0,-1,2]] is that of + x2**2, not of f as printed
    assert sg.hessian(f, wrt)[1, 1] == -2


def test_hessian_of_non_polynomial_matches_sympy_hessian():
    x, y = sp.symbols("x y")
    f = sg.sigmoid(x * y) + sp.sin(x) * sp.exp(y) + sp.log(1 + x ** 2)
    H = sg.hessian(f, [x, y])
    ref = sp.hessian(elementary(f), [x, y])
    pt = {x: 0.3, y: -1.1}
    for i in range(2):
        for j in range(2):
            assert value_at(H[i, j], pt) == pytest.approx(value_at(ref[i, j], pt), rel=1e-12)


def test_check_catches_the_notes_wrong_hand_gradient():
    f, (x1, x2, x3) = hessian_example()
    hand = [2 * x1 + 1 - x2, -x1 + 2 * x2 - x3, -x2 + 2 * x3 + 1]
    res = sg.check(hand, f, [x1, x2, x3])
    assert not res.ok
    assert res.wrong == (x2,)
    at = res.counterexample
    assert set(at) == {x1, x2, x3}
    # the counterexample really separates the hand formula from sympy.diff
    assert hand[1].subs(at) != sp.diff(f, x2).subs(at)
    assert hand[0].subs(at) == sp.diff(f, x1).subs(at)
    # with the sign fixed the hand gradient is right, proved symbolically
    fixed = [2 * x1 + 1 - x2, -x1 - 2 * x2 - x3, -x2 + 2 * x3 + 1]
    ok = sg.check(fixed, f, [x1, x2, x3])
    assert ok.ok and ok.method == "symbolic" and ok.counterexample is None
