"""Convolution and pooling as strided windows (issue 14, item 1), against torch.

conv2d is im2col: ``Windows`` gives ``(N, C, OH, OW, KH, KW)``, a permutation
and a reshape make it ``(N*OH*OW, C*KH*KW)``, and one ``MatMul`` with the
reshaped kernel does the work (a GEMM, so BLAS).  Max-pooling is a
``ReduceMax`` over the window axes.  Forward values and gradients are
compared with ``torch.nn.functional.conv2d`` / ``max_pool2d`` in float64.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symgrad.ir.graph import Graph

from _nd import N, array, assert_close, compile_loss, compile_value, torch_grads

torch = pytest.importorskip("torch")
F = torch.nn.functional
RNG = np.random.default_rng(1414)
BACKENDS = ["numpy", "llvm"]


def conv2d(G: Graph, x: int, w: int, b: int, stride: int, padding: int) -> int:
    """``x (N, C, H, W)`` conv ``w (O, C, KH, KW)`` + ``b (O, 1, 1)``, built from windows."""
    n, c, h, wd = G.nodes[x].shape
    o, _, kh, kw = G.nodes[w].shape
    if padding:
        x = G.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    win = G.windows(x, (kh, kw), (stride, stride))                   # (N, C, OH, OW, KH, KW)
    _, _, oh, ow, _, _ = G.nodes[win].shape
    cols = G.reshape(G.transpose(win, (0, 2, 3, 1, 4, 5)), (n * oh * ow, c * kh * kw))
    kernel = G.transpose(G.reshape(w, (o, c * kh * kw)))             # (C*KH*KW, O)
    y = G.reshape(G.matmul(cols, kernel), (n, oh, ow, o))
    return G.add(G.transpose(y, (0, 3, 1, 2)), b)                    # (N, O, OH, OW)


@pytest.mark.parametrize("stride, padding", [(1, 0), (2, 1), (1, 1)])
@pytest.mark.parametrize("backend", BACKENDS)
def test_conv2d_from_windows_matches_torch(stride, padding, backend):
    G = Graph()
    x, w, b = array(G, "x", (N, 2, 6, 5)), array(G, "w", (3, 2, 3, 2)), array(G, "b", (3, 1, 1))
    y = conv2d(G, x, w, b, stride, padding)
    t = array(G, "t", G.nodes[y].shape)
    loss = G.reduce_sum(G.mul(G.apply(sp.tanh, y), t), None)
    fn = compile_loss(G, loss, ["x", "w", "b"], backend=backend)
    if backend == "numpy":
        assert "@" in fn.source and "sliding_window_view" in fn.source
    ref = F.conv2d(torch.zeros(2, 2, 6, 5), torch.zeros(3, 2, 3, 2), stride=stride, padding=padding)
    arrays = {"x": RNG.normal(size=(2, 2, 6, 5)), "w": RNG.normal(size=(3, 2, 3, 2)),
              "b": RNG.normal(size=(3, 1, 1)), "t": RNG.normal(size=tuple(ref.shape))}

    def torch_loss(x, w, b, t):
        z = F.conv2d(x, w, b.reshape(-1), stride=stride, padding=padding)
        return (torch.tanh(z) * t).sum()

    value, grads = fn(**arrays)
    want, (dx, dw, db) = torch_grads(torch_loss, arrays, ["x", "w", "b"])
    assert_close(value, want, what="value")
    assert_close(grads[0], dx, what="d_x")
    assert_close(grads[1], dw, what="d_w")
    assert_close(grads[2], db, what="d_b")
    # the forward output itself
    G2 = Graph()
    x2, w2, b2 = (array(G2, "x", (N, 2, 6, 5)), array(G2, "w", (3, 2, 3, 2)),
                  array(G2, "b", (3, 1, 1)))
    out, _ = compile_value(G2, conv2d(G2, x2, w2, b2, stride, padding), backend=backend)(
        x=arrays["x"], w=arrays["w"], b=arrays["b"])
    want_out = F.conv2d(*(torch.tensor(arrays[k]) for k in "xw"), torch.tensor(arrays["b"]).reshape(-1),
                        stride=stride, padding=padding)
    assert_close(out, want_out.numpy(), what="conv2d output")


@pytest.mark.parametrize("kernel, stride", [((2, 2), (2, 2)), ((3, 3), (1, 1)), ((3, 2), (2, 1))])
@pytest.mark.parametrize("backend", BACKENDS)
def test_max_pool_from_windows_matches_torch(kernel, stride, backend):
    G = Graph()
    x = array(G, "x", (N, 3, 7, 6))
    pooled = G.reduce_max(G.windows(x, kernel, stride), (-2, -1), keepdims=False)
    t = array(G, "t", G.nodes[pooled].shape)
    loss = G.reduce_sum(G.mul(pooled, t), None)
    fn = compile_loss(G, loss, ["x"], backend=backend)
    shape = tuple(G.nodes[pooled].shape[1:])
    arrays = {"x": RNG.normal(size=(2, 3, 7, 6)), "t": RNG.normal(size=(2, *shape))}
    value, grads = fn(**arrays)
    want, (dx,) = torch_grads(lambda x, t: (F.max_pool2d(x, kernel, stride) * t).sum(), arrays, ["x"])
    assert_close(value, want, what="value")
    assert_close(grads[0], dx, what="d_x")


@pytest.mark.parametrize("backend", BACKENDS)
def test_max_pool_ties_share_the_gradient(backend):
    """Ties: symgrad splits the adjoint equally among the maxima of a window (as
    ``torch.amax``); ``max_pool2d`` gives all of it to one of them.  Both send the
    window's whole adjoint to its maxima."""
    G = Graph()
    x = array(G, "x", (1, 1, 4, 4))
    loss = G.reduce_sum(G.reduce_max(G.windows(x, (2, 2), (2, 2)), (-2, -1), keepdims=False), None)
    fn = compile_loss(G, loss, ["x"], backend=backend)
    xs = np.array([[[[1., 1., 0., 2.], [1., 1., 2., 0.], [5., 0., 3., 3.], [0., 0., 3., 1.]]]])
    _, grads = fn(x=xs)
    _, (amax,) = torch_grads(lambda x: x.unfold(2, 2, 2).unfold(3, 2, 2).amax(dim=(-2, -1)).sum(),
                             {"x": xs}, ["x"])
    assert_close(grads[0], amax, what="d_x against torch.amax")
    _, (pool,) = torch_grads(lambda x: F.max_pool2d(x, 2, 2).sum(), {"x": xs}, ["x"])
    windows = lambda a: a.reshape(2, 2, 2, 2).transpose(0, 2, 1, 3).sum(axis=(2, 3))  # noqa: E731
    assert_close(windows(grads[0][0, 0]), windows(pool[0, 0]), what="adjoint per window")
    assert grads[0][0, 0, 0, 0] == 0.25 and pool[0, 0, 0, 0] in (0.0, 1.0)


@pytest.mark.parametrize("backend", BACKENDS)
def test_fold_windows_is_torch_fold_and_its_adjoint_is_windows(backend):
    G = Graph()
    g, t = array(G, "g", (N, 2, 4, 3, 2, 3)), array(G, "t", (N, 2, 5, 7))
    folded = G.fold_windows(g, (2, 3), (1, 2), (5, 7))
    assert G.nodes[folded].shape == (N, 2, 5, 7)
    loss = G.reduce_sum(G.mul(G.apply(sp.sin, folded), t), None)
    fn = compile_loss(G, loss, ["g", "t"], backend=backend)
    arrays = {"g": RNG.normal(size=(2, 2, 4, 3, 2, 3)), "t": RNG.normal(size=(2, 2, 5, 7))}

    def torch_loss(g, t):
        # torch's fold takes (N, C*KH*KW, L) columns
        cols = g.permute(0, 1, 4, 5, 2, 3).reshape(2, 2 * 2 * 3, 4 * 3)
        return (torch.sin(F.fold(cols, (5, 7), (2, 3), stride=(1, 2))) * t).sum()

    value, grads = fn(**arrays)
    want, (dg, dt) = torch_grads(torch_loss, arrays, ["g", "t"])
    assert_close(value, want, what="value")
    assert_close(grads[0], dg, what="d_g")
    assert_close(grads[1], dt, what="d_t")


def test_windows_refuse_symbolic_spatial_axes():
    G = Graph()
    x = array(G, "x", (N, 3, N, 4))
    with pytest.raises(ValueError, match=r"integer lengths .*\(N, 3, N, 4\)"):
        G.windows(x, (2, 2))


def _conv_pool_step(dtype: str, backend: str):
    G = Graph()
    x, w, b = array(G, "x", (N, 2, 6, 5)), array(G, "w", (3, 2, 3, 2)), array(G, "b", (3, 1, 1))
    y = conv2d(G, x, w, b, 2, 1)
    pooled = G.reduce_max(G.windows(y, (2, 2), (1, 1)), (-2, -1), keepdims=False)
    loss = G.add(G.reduce_sum(G.apply(sp.tanh, y), None), G.reduce_sum(pooled, None))
    return compile_loss(G, loss, ["x", "w", "b"], dtype=dtype, backend=backend)


@pytest.mark.parametrize("backend", BACKENDS)
def test_float32_and_an_empty_batch(backend):
    f64, f32 = _conv_pool_step("float64", backend), _conv_pool_step("float32", backend)
    arrays = {"x": RNG.normal(size=(3, 2, 6, 5)), "w": RNG.normal(size=(3, 2, 3, 2)),
              "b": RNG.normal(size=(3, 1, 1))}
    v64, g64 = f64(**arrays)
    v32, g32 = f32(**arrays)
    assert_close(v32, v64, rtol=1e-5, what="float32 value")
    for k in range(3):
        assert g32[k].dtype == np.float32
        assert_close(g32[k], g64[k], rtol=1e-5, what=f"float32 gradient {k}")
    # N = 0: NumPy's answers for an empty batch (zero sums), in the declared shapes
    v0, g0 = f64(**{**arrays, "x": np.zeros((0, 2, 6, 5))})
    assert v0 == 0 and g0[0].shape == (0, 2, 6, 5)
    assert not g0[1].any() and not g0[2].any() and g0[2].shape == (3, 1, 1)
    # a Fortran-order batch gives the same numbers
    vf, _ = f64(**{**arrays, "x": np.asfortranarray(arrays["x"])})
    assert vf == v64
