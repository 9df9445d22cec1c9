"""n-D arrays in the IR and the NumPy backend (issue 14, item 1), against torch autograd.

Rank-3 and rank-4 programs are built on the Graph API with ``ArraySymbol``
leaves, differentiated by the reverse sweep and compiled; torch computes the
same loss and its gradients in float64.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from symgrad.frontend.to_sympy import to_sympy
from symgrad.ir import shapes
from symgrad.ir.graph import Graph

from _nd import N, array, assert_close, compile_loss, compile_value, torch_grads

torch = pytest.importorskip("torch")
RNG = np.random.default_rng(14)
BACKENDS = ["numpy", "llvm"]


# -- shape rules ----------------------------------------------------------------
def test_broadcast_is_right_aligned_across_ranks():
    assert shapes.broadcast_shapes([(N, 3, 4, 5), (3, 1, 1)]) == (N, 3, 4, 5)
    assert shapes.broadcast_shapes([(5,), (2, 1, 1), ()]) == (2, 1, 5)
    assert shapes.broadcast_shapes([(4, 1), (3,)]) == np.broadcast_shapes((4, 1), (3,))
    with pytest.raises(ValueError, match=r"\(3,\).*do not broadcast in Add"):
        shapes.broadcast_shapes([(N, 3, 4, 5), (3,)], "Add")


def test_shape_rules_name_the_culprit():
    with pytest.raises(ValueError, match="not a permutation"):
        shapes.permuted_shape((2, 3), (0, 0))
    with pytest.raises(ValueError, match=r"cannot reshape shape \(N, 3\) to \(N, 4\)"):
        shapes.check_reshape((N, 3), (N, 4))
    assert shapes.check_reshape((N, 3, 4), (4 * N, 3)) == (4 * N, 3)
    with pytest.raises(ValueError, match="axis 3 is out of range"):
        shapes.normalize_axes(3, 3)
    with pytest.raises(ValueError, match="integer lengths"):
        shapes.window_shape((N, 3, N, 4), (2, 2), (1, 1))


@pytest.mark.parametrize("axes, keepdims", [((0, 2, 3), False), ((0, 2, 3), True), ((1,), False),
                                            ((-1, 0), True), (None, False)])
def test_reduce_shapes_match_numpy(axes, keepdims):
    G = Graph()
    x = array(G, "x", (2, 3, 4, 5))
    want = np.zeros((2, 3, 4, 5)).sum(axis=axes, keepdims=keepdims).shape
    got = G.nodes[G.reduce_sum(x, axes if axes is not None else (0, 1, 2, 3), keepdims)].shape
    assert got == want


# -- programs against torch -------------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
def test_per_channel_bias_on_nchw(backend):
    G = Graph()
    x, b, t = array(G, "x", (N, 3, 4, 5)), array(G, "b", (3, 1, 1)), array(G, "t", (N, 3, 4, 5))
    z = G.apply(sp.tanh, G.add(x, b))
    loss = G.reduce_sum(G.mul(z, z, t), None)
    fn = compile_loss(G, loss, ["x", "b"], backend=backend)
    arrays = {"x": RNG.normal(size=(2, 3, 4, 5)), "b": RNG.normal(size=(3, 1, 1)),
              "t": RNG.normal(size=(2, 3, 4, 5))}
    value, grads = fn(**arrays)
    want, (dx, db) = torch_grads(lambda x, b, t: (torch.tanh(x + b) ** 2 * t).sum(), arrays, ["x", "b"])
    assert_close(value, want, what="value")
    assert_close(grads[0], dx, what="d_x")
    assert_close(grads[1], db, what="d_b")
    # a per-channel parameter may be passed 1-D; its gradient comes back 1-D
    value1, grads1 = fn(**{**arrays, "b": arrays["b"].ravel()})
    assert_close(grads1[1], db.ravel(), what="d_b (1-D)")


@pytest.mark.parametrize("backend", BACKENDS)
def test_sum_over_axes_0_2_3(backend):
    G = Graph()
    x, c = array(G, "x", (N, 3, 4, 4)), array(G, "c", (3,))
    s = G.reduce_sum(G.apply(sp.exp, x), (0, 2, 3), keepdims=False)
    assert G.nodes[s].shape == (3,)
    loss = G.reduce_sum(G.mul(G.mul(s, s), c), None)
    fn = compile_loss(G, loss, ["x", "c"], backend=backend)
    arrays = {"x": RNG.normal(size=(5, 3, 4, 4)) * 0.3, "c": RNG.normal(size=3)}
    value, grads = fn(**arrays)
    want, (dx, dc) = torch_grads(lambda x, c: (x.exp().sum(dim=(0, 2, 3)) ** 2 * c).sum(),
                                 arrays, ["x", "c"])
    assert_close(value, want, what="value")
    assert_close(grads[0], dx, what="d_x")
    assert_close(grads[1], dc, what="d_c")


@pytest.mark.parametrize("backend", BACKENDS)
def test_sum_keeping_axes_broadcasts_back(backend):
    G = Graph()
    x = array(G, "x", (N, 3, 4))
    mean = G.mul(G.reduce_sum(x, (0, 2)), G.const(sp.Rational(1, 8)))   # (1, 3, 1)
    d = G.sub(x, mean)
    loss = G.reduce_sum(G.mul(d, d, d), None)
    fn = compile_loss(G, loss, ["x"], backend=backend)
    arrays = {"x": RNG.normal(size=(2, 3, 4))}
    value, grads = fn(**arrays)
    want, (dx,) = torch_grads(lambda x: ((x - x.mean(dim=(0, 2), keepdim=True)) ** 3).sum(),
                              arrays, ["x"])
    assert_close(value, want, what="value")
    assert_close(grads[0], dx, what="d_x")


@pytest.mark.parametrize("backend", BACKENDS)
def test_permute_reshape_matmul(backend):
    G = Graph()
    x, W = array(G, "x", (N, 3, 4)), G.leaf(sp.MatrixSymbol("W", 3, 5))
    rows = G.reshape(G.transpose(x, (0, 2, 1)), (4 * N, 3))
    y = G.apply(sp.sin, G.matmul(rows, W))
    loss = G.reduce_sum(G.mul(y, y), None)
    fn = compile_loss(G, loss, ["x", "W"], backend=backend)
    # the product stays one GEMM (BLAS on llvm)
    assert "@" in fn.source if backend == "numpy" else "gemm" in fn.source
    arrays = {"x": RNG.normal(size=(2, 3, 4)), "W": RNG.normal(size=(3, 5))}
    value, grads = fn(**arrays)
    want, (dx, dW) = torch_grads(
        lambda x, W: (torch.sin(x.permute(0, 2, 1).reshape(-1, 3) @ W) ** 2).sum(), arrays, ["x", "W"])
    assert_close(value, want, what="value")
    assert_close(grads[0], dx, what="d_x")
    assert_close(grads[1], dW, what="d_W")


def test_permutations_compose_and_cancel():
    G = Graph()
    x = array(G, "x", (2, 3, 4))
    p = G.transpose(x, (1, 2, 0))
    assert G.transpose(p, (2, 0, 1)) == x
    assert G.nodes[G.transpose(x)].shape == (4, 3, 2)


@pytest.mark.parametrize("backend", BACKENDS)
def test_pad_and_its_slice(backend):
    G = Graph()
    x, t = array(G, "x", (N, 2, 3, 3)), array(G, "t", (N, 2, 5, 6))
    p = G.pad(x, ((0, 0), (0, 0), (1, 1), (2, 1)))
    loss = G.reduce_sum(G.mul(G.apply(sp.cos, p), t), None)
    fn = compile_loss(G, loss, ["x", "t"], backend=backend)
    arrays = {"x": RNG.normal(size=(2, 2, 3, 3)), "t": RNG.normal(size=(2, 2, 5, 6))}
    F = torch.nn.functional
    value, grads = fn(**arrays)
    want, (dx, dt) = torch_grads(lambda x, t: (torch.cos(F.pad(x, (2, 1, 1, 1))) * t).sum(),
                                 arrays, ["x", "t"])
    assert_close(value, want, what="value")
    assert_close(grads[0], dx, what="d_x")
    assert_close(grads[1], dt, what="d_t")


@pytest.mark.parametrize("backend", BACKENDS)
def test_reduce_max_over_axes(backend):
    G = Graph()
    x = array(G, "x", (N, 3, 4))
    m = G.reduce_max(x, (1, 2), keepdims=False)
    loss = G.reduce_sum(G.mul(m, m), None)
    fn = compile_loss(G, loss, ["x"], backend=backend)
    arrays = {"x": RNG.normal(size=(4, 3, 4))}
    value, grads = fn(**arrays)
    want, (dx,) = torch_grads(lambda x: (x.amax(dim=(1, 2)) ** 2).sum(), arrays, ["x"])
    assert_close(value, want, what="value")
    assert_close(grads[0], dx, what="d_x")


@pytest.mark.parametrize("backend", BACKENDS)
def test_reduce_max_splits_ties_like_torch_amax(backend):
    G = Graph()
    x = array(G, "x", (2, 2, 3))
    loss = G.reduce_sum(G.reduce_max(x, (0, 2), keepdims=False), None)
    fn = compile_loss(G, loss, ["x"], backend=backend)
    arrays = {"x": np.array([[[1.0, 3.0, 3.0], [0.0, 0.0, 0.0]], [[3.0, 2.0, 1.0], [0.0, -1.0, 0.0]]])}
    _, grads = fn(**arrays)
    _, (dx,) = torch_grads(lambda x: x.amax(dim=(0, 2)).sum(), arrays, ["x"])
    assert_close(grads[0], dx, what="d_x")


@pytest.mark.parametrize("backend", BACKENDS)
def test_nd_value_output_and_argument_checks(backend):
    G = Graph()
    x, b = array(G, "x", (N, 3, 2)), array(G, "b", (3, 1))
    fn = compile_value(G, G.add(x, b), backend=backend)
    xs, bs = RNG.normal(size=(4, 3, 2)), RNG.normal(size=(3, 1))
    value, _ = fn(x=xs, b=bs)
    assert_close(value, xs + bs, what="value")
    with pytest.raises(ValueError, match=r"argument 'x' has shape \(4, 3\); expected \(N, 3, 2\) "
                                         r"\(a 3-D array\)"):
        fn(x=xs[:, :, 0], b=bs)
    with pytest.raises(ValueError, match="argument 'b'"):
        fn(x=xs, b=np.ones((2, 1)))


def test_nd_gradient_prints():
    G = Graph()
    x, b = array(G, "x", (N, 3, 4, 4)), array(G, "b", (3, 1, 1))
    loss = G.reduce_sum(G.apply(sp.tanh, G.reshape(G.add(x, b), (N, 48))), None)
    from symgrad.autodiff.reverse import vjp
    dx, db = vjp(G, loss, [x, b])
    text = str(to_sympy(G, db))
    assert "reshape" in text and "tanh" in text


def test_llvm_runs_nd_programs_unfused_and_names_what_it_cannot_emit():
    from symgrad.codegen.llvm.fusion import check_supported, not_2d
    from symgrad.ir.arrays import OneHot
    from symgrad.ir.program import build_program
    G = Graph()
    x, b = array(G, "x", (N, 3, 4, 4)), array(G, "b", (3, 1, 1))
    loss = G.reduce_sum(G.apply(sp.tanh, G.add(x, b)), None)
    program = build_program(G, [("value", loss)])
    assert not_2d(program) == "input x has shape (N, 3, 4, 4)"
    with pytest.raises(NotImplementedError, match=r"cannot run input x has shape \(N, 3, 4, 4\)"):
        check_supported(program)      # the fused schedule refuses; build_tensor sends it to llvm.nd
    # one-hot rows of computed labels: the kernel could not check them before it runs
    G = Graph()
    x, labels = array(G, "x", (N, 3, 2)), G.leaf(sp.MatrixSymbol("y", N, 1))
    hot = G.apply(OneHot, G.apply(sp.floor, labels), attr=3, shape=(N, 3))
    loss = G.reduce_sum(G.mul(x, G.reshape(hot, (N, 3, 1))), None)
    with pytest.raises(NotImplementedError, match=r"cannot emit OneHot of shape \(N, 3\).*computed"):
        compile_loss(G, loss, ["x"], backend="llvm")


@given(st.lists(st.lists(st.sampled_from([1, 2, 3]), max_size=4), min_size=1, max_size=4))
def test_broadcast_agrees_with_numpy(shapes_):
    shapes_ = [tuple(s) for s in shapes_]
    try:
        want = np.broadcast_shapes(*shapes_)
    except ValueError:
        with pytest.raises(ValueError, match="do not broadcast"):
            shapes.broadcast_shapes(shapes_)
        return
    assert shapes.broadcast_shapes(shapes_) == want


def test_a_matrix_summed_over_both_axes_prints_with_its_axes():
    G = Graph()
    x = G.leaf(sp.MatrixSymbol("X", 3, 4))
    assert str(to_sympy(G, G.reduce_sum(x, (0, 1)))) == "ReduceSum(X, ((0, 1), True))"
