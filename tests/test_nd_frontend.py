"""n-D programs written in SymPy (``ArraySymbol`` leaves and symgrad's array ops)
through ``sg.grad`` / ``sg.compile``, against torch autograd."""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from sympy.tensor.array.expressions import ArraySymbol

import symgrad as sg
from symgrad.ir.movement import Pad, Permute, ReduceMax, Reshape, Windows
from symgrad.tensor import Sum

from _nd import N, assert_close, torch_grads

torch = pytest.importorskip("torch")
F = torch.nn.functional
RNG = np.random.default_rng(141)
BACKENDS = ["numpy", "llvm"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_pool_of_a_biased_nchw_batch(backend):
    x, b, t = ArraySymbol("x", (N, 3, 6, 6)), ArraySymbol("b", (3, 1, 1)), ArraySymbol("t", (N, 3, 3, 3))
    pooled = ReduceMax(Windows(sp.tanh(x + b), ((2, 2), (2, 2))), ((-2, -1), False))
    L = Sum(pooled * t)
    fn = sg.compile(L, wrt=[x, b], backend=backend)
    arrays = {"x": RNG.normal(size=(2, 3, 6, 6)), "b": RNG.normal(size=(3, 1, 1)),
              "t": RNG.normal(size=(2, 3, 3, 3))}
    value, grads = fn(**arrays)
    want, (dx, db) = torch_grads(lambda x, b, t: (F.max_pool2d(torch.tanh(x + b), 2, 2) * t).sum(),
                                 arrays, ["x", "b"])
    assert_close(value, want, what="value")
    assert_close(grads[0], dx, what="d_x")
    assert_close(grads[1], db, what="d_b")


@pytest.mark.parametrize("backend", BACKENDS)
def test_permute_reshape_pad_in_sympy(backend):
    x, W = ArraySymbol("x", (N, 2, 3)), sp.MatrixSymbol("W", 8, 2)
    rows = Reshape(Pad(Permute(x, (0, 2, 1)), ((0, 0), (1, 0), (1, 1))), (4 * N, 4))
    L = Sum(sp.exp(Reshape(rows, (2 * N, 8)) * 0.1))   # entrywise exp of an n-D value
    g = sg.grad(L, [x])
    assert "permute" in str(g[x]) and "shrink" in str(g[x])
    fn = sg.compile(L + Sum(sp.HadamardProduct(W, W)), wrt=[x, W], backend=backend)
    arrays = {"x": RNG.normal(size=(2, 2, 3)), "W": RNG.normal(size=(8, 2))}
    value, grads = fn(**arrays)

    def torch_loss(x, W):
        p = F.pad(x.permute(0, 2, 1), (1, 1, 1, 0)).reshape(-1, 4)
        return torch.exp(p.reshape(-1, 8) * 0.1).sum() + (W ** 2).sum()

    want, (dx, dW) = torch_grads(torch_loss, arrays, ["x", "W"])
    assert_close(value, want, what="value")
    assert_close(grads[0], dx, what="d_x")
    assert_close(grads[1], dW, what="d_W")


def test_an_nd_expression_is_not_a_scalar():
    x = ArraySymbol("x", (N, 3, 4))
    with pytest.raises(TypeError, match=r"has shape \(N, 3, 4\)"):
        sg.grad(sp.tanh(x), [x])


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_nd_value_compiles_without_wrt(backend):
    x, b = ArraySymbol("x", (N, 3, 4)), ArraySymbol("b", (3, 1))
    fn = sg.compile(Permute(sp.exp(x) * b, (2, 0, 1)), backend=backend)
    xs, bs = RNG.normal(size=(2, 3, 4)), RNG.normal(size=(3, 1))
    value, grads = fn(x=xs, b=bs)
    assert len(grads) == 0
    assert_close(value, (np.exp(xs) * bs).transpose(2, 0, 1), what="value")
