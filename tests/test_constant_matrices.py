"""Constant matrices, numbers times ones matrices and matrix entries, against torch autograd.

Before: ``c*OneMatrix(n, m)`` crashed in the MatMul lowering (TypeError: list
indices must be integers or slices, not NoneType), and ``ImmutableDenseMatrix``
and ``MatrixElement`` were "unsupported SymPy node".
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import symgrad as sg
from symgrad import nn
from symgrad.errors import UnsupportedExpressionError
from symgrad.tensor import Elementwise, Sum

torch = pytest.importorskip("torch")

BACKENDS = ["numpy", "llvm"]
N = sp.Symbol("N", integer=True, positive=True)
# smooth losses of O(1) entries: float64 results agree to a few ulps times the term count
RTOL = 1e-10
C_NUM = [[1, -2, sp.Rational(1, 3)], [sp.Rational(5, 2), 0, 4]]      # (2, 3): exact rationals


def _torch_grads(loss_fn, point: dict) -> tuple[float, dict]:
    t = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in point.items()}
    loss = loss_fn(t)
    loss.backward()
    return float(loss.detach()), {k: v.grad.numpy() for k, v in t.items()}


def _check(L, wrt, point, loss_fn, backend, dtype="float64", rtol=RTOL):
    fn = sg.compile(L, wrt=wrt, backend=backend, dtype=dtype)
    value, grads = fn(**point)
    ref_value, ref_grads = _torch_grads(loss_fn, point)
    np.testing.assert_allclose(value, ref_value, rtol=rtol)
    for w in wrt:
        np.testing.assert_allclose(grads[str(w)], ref_grads[str(w)], rtol=rtol, atol=rtol,
                                   err_msg=f"d/d{w} on {backend}")
    return fn


@pytest.mark.parametrize("backend", BACKENDS)
def test_eps_times_ones_added_to_a_variance(backend):
    # a network whose squared activations get eps*1 added before the log, as a variance does
    X = nn.input("X", 3)
    W, b = sp.MatrixSymbol("W", 3, 4), sp.MatrixSymbol("b", 1, 4)
    H = Elementwise(sp.tanh, X * W + sp.OneMatrix(N, 1) * b)
    eps = sp.Rational(1, 10)
    L = Sum(Elementwise(sp.log, sp.HadamardPower(H, 2) + eps * sp.OneMatrix(N, 4)))
    rng = np.random.default_rng(0)
    point = {"X": rng.normal(size=(5, 3)), "W": rng.normal(size=(3, 4)), "b": rng.normal(size=(1, 4))}

    def ref(t):
        h = torch.tanh(t["X"] @ t["W"] + t["b"])
        return torch.log(h ** 2 + 0.1).sum()
    _check(L, [W, b], point, ref, backend)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_number_times_ones_alone_and_a_product_of_ones_matrices(backend):
    K = sp.MatrixSymbol("K", 2, 2)
    # 3*1 and 1_(2x3) 1_(3x2) = 3*1: both are 3 in every entry
    L = Sum(sp.HadamardProduct(3 * sp.OneMatrix(2, 2), K)) \
        + Sum(sp.HadamardProduct(sp.OneMatrix(2, 3) * sp.OneMatrix(3, 2), K * K.T))
    point = {"K": np.array([[0.3, -1.2], [2.0, 0.7]])}
    _check(L, [K], point, lambda t: (3 * t["K"]).sum() + (3 * (t["K"] @ t["K"].T)).sum(), backend)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_constant_matrix_times_a_matrix_symbol(backend, dtype):
    C = sp.ImmutableDenseMatrix(C_NUM)
    W, V = sp.MatrixSymbol("W", 3, 4), sp.MatrixSymbol("V", 4, 3)
    # C as a left and (transposed) right GEMM operand, and entrywise
    L = Sum(Elementwise(sp.tanh, C * W)) + Sum(Elementwise(sp.sin, V * C.T)) \
        + Sum(sp.HadamardProduct(C.T, W * V * C.T))
    rng = np.random.default_rng(1)
    point = {"W": rng.normal(size=(3, 4)), "V": rng.normal(size=(4, 3))}
    Ct = torch.tensor(np.array(C_NUM, dtype=float), dtype=torch.float64)

    def ref(t):
        return torch.tanh(Ct @ t["W"]).sum() + torch.sin(t["V"] @ Ct.T).sum() + (Ct.T * (t["W"] @ t["V"] @ Ct.T)).sum()
    _check(L, [W, V], point, ref, backend, dtype, rtol=RTOL if dtype == "float64" else 1e-5)


@pytest.mark.parametrize("backend", BACKENDS)
def test_matrix_entries_inside_a_loss(backend):
    K = sp.MatrixSymbol("K", 2, 3)
    X = nn.input("X", 2)
    L = Sum(Elementwise(sp.tanh, X * K)) + K[0, 0] ** 2 + 3 * K[1, 0] * K[0, 2] + sp.exp(K[1, 2])
    rng = np.random.default_rng(2)
    point = {"X": rng.normal(size=(4, 2)), "K": rng.normal(size=(2, 3))}

    def ref(t):
        k = t["K"]
        return torch.tanh(t["X"] @ k).sum() + k[0, 0] ** 2 + 3 * k[1, 0] * k[0, 2] + torch.exp(k[1, 2])
    _check(L, [K], point, ref, backend)


@pytest.mark.parametrize("backend", BACKENDS)
def test_explicit_matrix_with_symbolic_entries(backend):
    x = sp.Symbol("x")
    W = sp.MatrixSymbol("W", 2, 3)
    M = sp.ImmutableDenseMatrix([[x, 2], [x ** 2, sp.Rational(1, 2)]])
    L = Sum(Elementwise(sp.tanh, M * W))
    point = {"x": np.float64(0.7), "W": np.random.default_rng(3).normal(size=(2, 3))}

    def ref(t):
        m = torch.stack([torch.stack([t["x"], torch.tensor(2.0, dtype=torch.float64)]),
                         torch.stack([t["x"] ** 2, torch.tensor(0.5, dtype=torch.float64)])])
        return torch.tanh(m @ t["W"]).sum()
    _check(L, [x, W], point, ref, backend)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_gradient_that_is_the_constant_itself_is_a_fresh_array(backend):
    C = sp.ImmutableDenseMatrix(C_NUM)
    W = sp.MatrixSymbol("W", 2, 3)
    fn = sg.compile(Sum(sp.HadamardProduct(C, W)), wrt=[W], backend=backend)
    want = np.array(C_NUM, dtype=float)
    _, (g,) = fn(W=np.ones((2, 3)))
    np.testing.assert_array_equal(g, want)
    g[...] = 0.0                                   # the caller owns what it got
    _, (g2,) = fn(W=np.ones((2, 3)))
    np.testing.assert_array_equal(g2, want)


def test_symbolic_gradient_of_a_constant_matrix_product():
    C = sp.ImmutableDenseMatrix(C_NUM)
    W = sp.MatrixSymbol("W", 3, 2)
    g = sg.grad(Sum(C * W), [W])
    w = sp.Matrix(3, 2, lambda i, j: sp.Symbol(f"w{i}{j}"))
    # sympy's own derivative of the explicit sum, entry by entry
    explicit = sum(C * w)
    want = sp.Matrix(3, 2, lambda i, j: sp.diff(explicit, w[i, j]))
    assert sp.Matrix(g[W].as_explicit()) == want


@pytest.mark.parametrize("make, match", [
    (lambda: sp.MatrixSymbol("K", 2, 2)[sp.Symbol("i", integer=True), 0], r"K\[i, 0\].*integer indices"),
    (lambda: nn.input("X", 3)[0, 0], r"X\[0, 0\].*shape \(N, 3\)"),
])
def test_matrix_entries_that_cannot_be_taken_name_the_entry(make, match):
    with pytest.raises(UnsupportedExpressionError, match=match):
        sg.grad(make() ** 2, [])


def test_symbolic_gradient_of_entries_reads_as_entries():
    K = sp.MatrixSymbol("K", 2, 3)
    g = sg.grad(K[1, 2] ** 2 + 3 * K[0, 1], [K])
    assert "K[1, 2]" in str(g) and "sum(" not in str(g)
    k = sp.Matrix(2, 3, lambda i, j: sp.Symbol(f"k{i}{j}"))
    f = k[1, 2] ** 2 + 3 * k[0, 1]
    want = sp.Matrix(2, 3, lambda i, j: sp.diff(f, k[i, j]))
    assert sp.Matrix(g[K].as_explicit()).subs({K[i, j]: k[i, j] for i in range(2) for j in range(3)}) == want


@pytest.mark.parametrize("backend", BACKENDS)
def test_programs_that_differ_only_in_a_constant_do_not_share_code(backend):
    # the constant's entries are part of the program's fingerprint, so the llvm disk
    # cache cannot hand one program the machine code of the other
    W = sp.MatrixSymbol("W", 2, 3)
    outs = []
    for c in (C_NUM, [[7, 0, 0], [0, 0, -5]]):
        fn = sg.compile(Sum(sp.HadamardProduct(sp.ImmutableDenseMatrix(c), W)), wrt=[W], backend=backend)
        value, (g,) = fn(W=np.ones((2, 3)))
        want = np.array(c, dtype=float)
        np.testing.assert_allclose(value, want.sum(), rtol=1e-15)
        np.testing.assert_array_equal(g, want)
        outs.append(fn.program.fingerprint())
    assert outs[0] != outs[1]


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_a_gradient_built_from_broadcast_ones_is_float(backend):
    """d sum(W o W) / dW = 2 W: the 2 multiplies a broadcast 1, whose buffer must hold floats."""
    W = sp.MatrixSymbol("W", 8, 2)
    w = np.random.default_rng(0).normal(size=(8, 2))
    value, (g,) = sg.compile(Sum(sp.HadamardPower(W, 2)), wrt=[W], backend=backend)(W=w)
    np.testing.assert_allclose(value, (w * w).sum(), rtol=1e-15)
    np.testing.assert_array_equal(g, 2 * w)
