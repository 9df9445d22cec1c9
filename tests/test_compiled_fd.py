"""Compiled callables against finite differences (gradcheck), torch autograd, and in float32."""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import symgrad as sg


def two_layer_net(n_in=3, h1=4, h2=3):
    """The notes' regression net: h1 = tanh(W1 x + b1), h2 = tanh(W2 h1 + b2), y = theta.h2 + c."""
    xs = sp.symbols(f"x0:{n_in}")
    t = sp.Symbol("t")
    W1 = sp.Matrix(h1, n_in, lambda i, j: sp.Symbol(f"W1_{i}{j}"))
    b1 = sp.Matrix(h1, 1, lambda i, j: sp.Symbol(f"b1_{i}"))
    W2 = sp.Matrix(h2, h1, lambda i, j: sp.Symbol(f"W2_{i}{j}"))
    b2 = sp.Matrix(h2, 1, lambda i, j: sp.Symbol(f"b2_{i}"))
    theta = sp.Matrix(h2, 1, lambda i, j: sp.Symbol(f"theta_{i}"))
    c = sp.Symbol("c")
    a1 = (W1 * sp.Matrix(xs) + b1).applyfunc(sp.tanh)
    a2 = (W2 * a1 + b2).applyfunc(sp.tanh)
    yhat = (theta.T * a2)[0, 0] + c
    params = [*W1, *b1, *W2, *b2, *theta, c]
    return (yhat - t) ** 2, params, xs, t


def random_point(names, rng, shape=()):
    return {n: rng.normal(size=shape) for n in names}


def test_gradcheck_two_layer_net_on_a_batch():
    L, params, _xs, _t = two_layer_net()
    fn = sg.compile(L, wrt=params)
    rng = np.random.default_rng(0)
    at = random_point(fn.args, rng, shape=(50,))
    res = sg.gradcheck(fn, at)
    assert res.ok, str(res)
    # relative errors of tiny gradients are finite-difference noise; absolute errors are all small
    assert max(res.abs_errors.values()) < 1e-7
    assert set(res.rel_errors) == {str(p) for p in params}


def test_two_layer_net_matches_torch_autograd():
    torch = pytest.importorskip("torch")
    L, params, _xs, _t = two_layer_net()
    fn = sg.compile(L, wrt=params)
    rng = np.random.default_rng(1)
    at = random_point(fn.args, rng)
    value, grads = fn(**at)
    tp = {n: torch.tensor(v, dtype=torch.float64, requires_grad=True) for n, v in at.items()}
    W1 = torch.stack([torch.stack([tp[f"W1_{i}{j}"] for j in range(3)]) for i in range(4)])
    W2 = torch.stack([torch.stack([tp[f"W2_{i}{j}"] for j in range(4)]) for i in range(3)])
    b1 = torch.stack([tp[f"b1_{i}"] for i in range(4)])
    b2 = torch.stack([tp[f"b2_{i}"] for i in range(3)])
    theta = torch.stack([tp[f"theta_{i}"] for i in range(3)])
    x = torch.stack([tp[f"x{i}"] for i in range(3)])
    yhat = theta @ torch.tanh(W2 @ torch.tanh(W1 @ x + b1) + b2) + tp["c"]
    loss = (yhat - tp["t"]) ** 2
    loss.backward()
    assert float(value) == pytest.approx(loss.item(), rel=1e-13)
    np.testing.assert_allclose([float(g) for g in grads],
                               [tp[str(p)].grad.item() for p in params], rtol=1e-11, atol=1e-14)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_gradcheck_activations(dtype):
    x, y, w = sp.symbols("x y w")
    f = (sg.softplus(w * x) + sg.elu(x - y) * sg.sigmoid(y) + sg.leaky_relu(w * y, sp.Rational(1, 10))
         + sp.Max(x, w) * sg.relu(y))
    fn = sg.compile(f, wrt=[x, y, w], dtype=dtype)
    rng = np.random.default_rng(2)
    at = {n: rng.uniform(-2, 2, size=40) for n in fn.args}
    # keep away from the kinks, where a central difference straddles two branches
    at["y"] = np.where(np.abs(at["y"]) < 0.05, 0.5, at["y"])
    at["x"] = np.where(np.abs(at["x"] - at["y"]) < 0.05, at["y"] + 0.5, at["x"])
    at["w"] = np.where(np.abs(at["x"] - at["w"]) < 0.05, at["x"] - 0.5, at["w"])
    value, grads = fn(**at)
    assert value.dtype == np.dtype(dtype) and all(g.dtype == np.dtype(dtype) for g in grads)
    res = sg.gradcheck(fn, at)
    assert res.ok, str(res)


def test_float32_results_agree_with_float64():
    w, x, b = sp.symbols("w x b")
    f = sg.sigmoid(w * x + b) ** 2 + sp.tanh(w) * sp.log(1 + x ** 2)
    f64 = sg.compile(f, wrt=[w, b])
    f32 = sg.compile(f, wrt=[w, b], dtype="float32")
    rng = np.random.default_rng(3)
    at = {n: rng.normal(size=100) for n in f64.args}
    v64, g64 = f64(**at)
    v32, g32 = f32(**at)
    assert v32.dtype == np.float32 and g32[0].dtype == np.float32 and g32[1].dtype == np.float32
    np.testing.assert_allclose(v32, v64, rtol=1e-5, atol=1e-6)
    for a, b_ in zip(g32, g64):
        np.testing.assert_allclose(a, b_, rtol=1e-5, atol=1e-6)
    # a float32 scalar call returns float32 scalars
    v, (dw, _db) = f32(w=0.5, x=1.0, b=0.1)
    assert np.asarray(v).dtype == np.float32 and np.asarray(dw).dtype == np.float32


class _Perturbed:
    """A compiled function whose gradient is off by ``factor`` (gradcheck must notice)."""

    def __init__(self, fn, factor):
        self.fn, self.factor = fn, factor
        self.dtype, self.wrt, self.args = fn.dtype, fn.wrt, fn.args

    def __call__(self, **kw):
        v, g = self.fn(**kw)
        return v, tuple(d * self.factor for d in g)


def test_gradcheck_reports_a_wrong_gradient():
    x, y = sp.symbols("x y")
    fn = sg.compile(sp.sin(x) * y, wrt=[x, y])
    at = {"x": 0.3, "y": 2.0}
    assert sg.gradcheck(fn, at).ok
    bad = sg.gradcheck(_Perturbed(fn, 1.001), at)
    assert not bad.ok
    assert bad.max_rel_error == pytest.approx(0.001 / 1.001, rel=1e-4)
    assert "FAILED" in str(bad)


def test_gradcheck_relative_error_definition():
    # |a - n| / max(|a|, |n|) per parameter: check against a hand computation
    x = sp.Symbol("x")
    fn = sg.compile(x ** 3, wrt=[x])
    res = sg.gradcheck(fn, {"x": 2.0}, eps=1e-3)
    n = ((2.001) ** 3 - (1.999) ** 3) / 0.002            # = 12 + eps^2
    assert res.numeric["x"] == pytest.approx(n, rel=1e-9)
    assert res.rel_errors["x"] == pytest.approx(abs(12 - n) / n, rel=1e-3)


def test_gradcheck_zero_gradient_and_absent_parameter():
    x, z = sp.symbols("x z")
    fn = sg.compile(sp.cos(x), wrt=[x, z])
    res = sg.gradcheck(fn, {"x": 0.0, "z": 1.0})      # d/dx cos at 0 is 0: the absolute error decides
    assert res.ok
    assert res.abs_errors["z"] == 0.0


def test_gradcheck_scalar_value_of_array_parameters():
    # a value that is a scalar while a parameter is an array: each entry is perturbed alone
    class Dot:
        dtype, wrt, args = np.dtype("float64"), ("w",), ("w",)

        def __call__(self, w):
            w = np.asarray(w, dtype=float)
            return float(np.sum(np.sin(w) * np.arange(1, w.size + 1))), (np.cos(w) * np.arange(1, w.size + 1),)

    res = sg.gradcheck(Dot(), {"w": np.array([0.1, -0.7, 1.3])})
    assert res.ok and res.max_rel_error < 1e-8
