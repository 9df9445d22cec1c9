"""gradcheck's verdict: wrong gradients fail at any scale, NaN fails, and the headline agrees with ``ok``."""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import symgrad as sg

x, y = sp.symbols("x y")


class _Wrong:
    """A compiled function whose gradient is scaled by ``factor`` and shifted by ``shift``."""

    def __init__(self, fn, factor=1.0, shift=0.0):
        self.fn, self.factor, self.shift = fn, factor, shift
        self.dtype, self.wrt, self.args = fn.dtype, fn.wrt, fn.args

    def __call__(self, **kw):
        v, g = self.fn(**kw)
        return v, tuple(d * self.factor + self.shift for d in g)


def _consistent(res):
    """The headline must never say ok next to a relative error above the threshold."""
    assert res.ok == (res.max_rel_error <= res.threshold), str(res)
    assert str(res).startswith("gradient check ok" if res.ok else "gradient check FAILED")


@pytest.mark.parametrize("scale", [1e-10, 1e-3, 1.0, 1e6])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_a_wrong_gradient_fails_at_every_scale(scale, dtype):
    # a fixed absolute tolerance (1e-8) used to pass any gradient of a function of size 1e-10
    fn = sg.compile(scale * sp.sin(x) * y, wrt=[x, y], dtype=dtype)
    at = {"x": 0.7, "y": 1.3}
    good = sg.gradcheck(fn, at)
    assert good.ok, str(good)
    bad = sg.gradcheck(_Wrong(fn, factor=2.0), at)
    assert not bad.ok, str(bad)
    assert bad.max_rel_error == pytest.approx(0.5, rel=1e-3)
    _consistent(good)
    _consistent(bad)


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_a_zero_gradient_passes_without_contradicting_its_headline(backend):
    # d/dx x**3 at 0 is 0 while the central difference is eps**2: relative error 1, and it used to say
    # "gradient check ok: max relative error 1.00e+00 (threshold 1e-06)"
    fn = sg.compile(x ** 3 * y, wrt=[x, y], backend=backend)
    res = sg.gradcheck(fn, {"x": 0.0, "y": 2.0})
    assert res.ok, str(res)
    _consistent(res)
    assert res.within_error == 1 and "within the finite-difference error" in str(res)
    assert res.rel_errors["x"] == pytest.approx(1.0)     # still reported per parameter


def test_a_small_wrong_gradient_where_the_true_one_is_zero_fails():
    fn = sg.compile(sp.cos(x) * 1e-9, wrt=[x])           # gradient 0 at x = 0, function of size 1e-9
    res = sg.gradcheck(_Wrong(fn, shift=1e-9), {"x": 0.0})
    assert not res.ok, str(res)
    _consistent(res)


@pytest.mark.parametrize("where", ["gradient", "function"])
def test_nan_fails(where):
    if where == "gradient":
        fn = _Wrong(sg.compile(sp.sin(x), wrt=[x]), factor=float("nan"))
        at = {"x": 1.0}
    else:                                                # sqrt(-1): value and gradient are NaN
        fn, at = sg.compile(sp.sqrt(x), wrt=[x]), {"x": -1.0}
    with np.errstate(invalid="ignore"):
        res = sg.gradcheck(fn, at)
    assert not res.ok
    assert res.not_finite == ("x",) and res.max_rel_error == np.inf
    assert "not finite: x" in str(res)


def test_nan_in_one_entry_of_a_batch_fails():
    fn = sg.compile(sp.log(x) * y, wrt=[x, y])
    at = {"x": np.array([1.0, 2.0, -1.0]), "y": np.array([1.0, 1.0, 1.0])}
    with np.errstate(invalid="ignore"):
        res = sg.gradcheck(fn, at)
    assert not res.ok and "x" in res.not_finite and np.isnan(res.abs_errors["x"])


def test_an_explicit_atol_replaces_the_estimate():
    fn = sg.compile(x ** 3, wrt=[x])
    res = sg.gradcheck(fn, {"x": 0.0}, atol=0.0)         # no allowance: eps**2 against 0 fails
    assert not res.ok and res.max_rel_error == pytest.approx(1.0)
    assert "atol" in str(res)
