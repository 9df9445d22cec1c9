"""The llvm n-D path's speed machinery keeps results right: recycled output blocks and a
shared workspace (codegen/llvm/nd_kernel.py), loop nests that compute movement ops,
col2im and cheap entrywise ops where they are read (nd.py, nd_plan.py), reductions over
leading axes, GEMM operands read in place; checked against torch autograd in float64."""
from __future__ import annotations

import threading

import numpy as np
import pytest
import sympy as sp

from symgrad.ir.graph import Graph

from _nd import N, array, assert_close, compile_loss, torch_grads
from test_windows import conv2d

torch = pytest.importorskip("torch")
F = torch.nn.functional


def _conv_pool_loss():
    """conv2d -> relu-free tanh -> 2x2 max-pool -> weighted sum, with x, w, b as parameters."""
    G = Graph()
    x, w, b = array(G, "x", (N, 2, 6, 6)), array(G, "w", (3, 2, 3, 3)), array(G, "b", (3, 1, 1))
    y = G.apply(sp.tanh, conv2d(G, x, w, b, 1, 1))
    pooled = G.reduce_max(G.windows(y, (2, 2), (2, 2)), (-2, -1), keepdims=False)
    t = array(G, "t", (N, 3, 3, 3))
    return G, G.reduce_sum(G.mul(pooled, t), None)


def _torch_loss(x, w, b, t):
    return (F.max_pool2d(torch.tanh(F.conv2d(x, w, b.reshape(-1), padding=1)), 2) * t).sum()


def _arrays(rng, n):
    return {"x": rng.normal(size=(n, 2, 6, 6)), "w": rng.normal(size=(3, 2, 3, 3)),
            "b": rng.normal(size=(3, 1, 1)), "t": rng.normal(size=(n, 3, 3, 3))}


def test_results_kept_by_the_caller_never_change():
    G, loss = _conv_pool_loss()
    fn = compile_loss(G, loss, ["x", "w", "b"], backend="llvm")
    rng = np.random.default_rng(5)
    kept = []
    for n in (2, 2, 3, 2, 2):   # batch sizes change: a workspace per size
        arrays = _arrays(rng, n)
        value, grads = fn(**arrays)
        kept.append((arrays, value, [g.copy() for g in grads], grads))
    for arrays, value, copies, grads in kept:
        want, refs = torch_grads(_torch_loss, arrays, ["x", "w", "b"])
        assert_close(value, want, what="value")
        for got, copy, ref in zip(grads, copies, refs):
            assert (got == copy).all()
            assert_close(got, ref, what="gradient")


def test_concurrent_calls_get_workspaces_of_their_own():
    G, loss = _conv_pool_loss()
    fn = compile_loss(G, loss, ["x", "w", "b"], backend="llvm")
    rng = np.random.default_rng(6)
    inputs = [_arrays(rng, 4) for _ in range(4)]
    wants = [torch_grads(_torch_loss, a, ["x", "w", "b"]) for a in inputs]
    errors = []

    def run(k):
        for _ in range(20):
            value, grads = fn(**inputs[k])
            want, refs = wants[k]
            try:
                assert_close(value, want, what="value")
                for got, ref in zip(grads, refs):
                    assert_close(got, ref, what="gradient")
            except AssertionError as e:
                errors.append(e)
    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[0]


def test_outputs_are_fresh_so_the_call_skips_its_alias_check():
    """NDKernel declares fresh_outputs; check the claim where a gradient is an input
    (d sum(X o Y)/dY is X) and on the conv step's outputs from the recycled block."""
    G = Graph()
    X, Y = array(G, "X", (N, 2, 3)), array(G, "Y", (N, 2, 3))
    fn = compile_loss(G, G.reduce_sum(G.mul(X, Y), None), ["X", "Y"], backend="llvm")
    assert fn.kernel.fresh_outputs
    x, y = np.ones((2, 2, 3)), np.full((2, 2, 3), 2.0)
    out = fn(X=x, Y=y)
    G2, loss = _conv_pool_loss()
    conv = compile_loss(G2, loss, ["x", "w", "b"], backend="llvm")
    data = _arrays(np.random.default_rng(7), 2)
    out2 = conv(**data)
    for o, ins in ((out, [x, y]), (out2, list(data.values()))):
        arrays = [v for v in o.as_dict().values() if np.ndim(v)]
        for i, a in enumerate(arrays):
            assert not any(np.shares_memory(a, b) for b in ins)
            assert not any(np.shares_memory(a, b) for b in arrays[i + 1:])
    np.testing.assert_array_equal(out.grads["Y"], x)


# -- the fused loop nests of codegen/llvm/nd.py (nd_plan.py decides what is inlined) ----------
def _torch_and_llvm(G, loss, wrt, arrays, torch_loss):
    fn = compile_loss(G, loss, wrt, backend="llvm")
    value, grads = fn(**arrays)
    want, refs = torch_grads(torch_loss, arrays, wrt)
    assert_close(value, want, what="value")
    for name, got, ref in zip(wrt, grads, refs):
        assert_close(got, ref, what=f"d_{name}")
    return fn


def test_overlapping_col2im_is_a_gather_fused_with_its_reader():
    """Strided windows that overlap (kernel 3, stride 2) and a padding border: the input
    gradient is FoldWindows read through Shrink and a tanh' gate, all in one loop nest."""
    from symgrad.codegen.llvm.nd_plan import plan
    G = Graph()
    x, w = array(G, "x", (N, 2, 7, 6)), array(G, "w", (3, 2, 3, 3))
    y = G.apply(sp.tanh, conv2d(G, G.apply(sp.sin, x), w, G.const(0), 2, 1))
    t = array(G, "t", G.nodes[y].shape)
    loss = G.reduce_sum(G.mul(y, t), None)
    rng = np.random.default_rng(7)
    arrays = {"x": rng.normal(size=(3, 2, 7, 6)), "w": rng.normal(size=(3, 2, 3, 3)),
              "t": rng.normal(size=(3, 3, 4, 3))}
    fn = _torch_and_llvm(G, loss, ["x", "w"], arrays, lambda x, w, t: (
        torch.tanh(F.conv2d(torch.sin(x), w, stride=2, padding=1)) * t).sum())
    p = fn.program
    folds = [i for i, n in enumerate(p.nodes) if n.op.__name__ == "FoldWindows"]
    assert folds and all(i in plan(p).inline for i in folds)


def test_reshapes_of_computed_values_split_and_merge_axes():
    """A reshape read through an inlined expression maps indices by axis groups."""
    G = Graph()
    x, c = array(G, "x", (N, 6, 4)), array(G, "c", (3, 2, 2, 2))
    y = G.reshape(G.apply(sp.exp, G.mul(x, G.const(sp.Rational(1, 3)))), (N, 3, 2, 2, 2))
    z = G.reshape(G.mul(y, c), (N * 3, 8))           # merges the batch with an axis
    loss = G.reduce_sum(G.apply(sp.sin, G.transpose(z, (1, 0))), None)
    rng = np.random.default_rng(8)
    arrays = {"x": rng.normal(size=(2, 6, 4)), "c": rng.normal(size=(3, 2, 2, 2))}
    _torch_and_llvm(G, loss, ["x", "c"], arrays, lambda x, c: torch.sin(
        (torch.exp(x / 3).reshape(-1, 3, 2, 2, 2) * c).reshape(-1, 8).T).sum())


def test_reductions_over_leading_axes_accumulate_in_place():
    """Batch sums and maxima (reduced axes first) of computed values, with and without
    kept axes, and a transposed GEMM operand."""
    G = Graph()
    x, W = array(G, "x", (N, 3, 4)), G.leaf(sp.MatrixSymbol("W", 4, 5))
    h = G.apply(sp.tanh, x)
    s = G.reduce_sum(h, (0,), keepdims=True)                        # (1, 3, 4)
    m = G.reduce_max(G.apply(sp.cos, x), (0, 1), keepdims=False)    # (4,)
    prod = G.matmul(G.reshape(h, (N * 3, 4)), W)                    # (3N, 5)
    loss = G.add(G.reduce_sum(G.mul(s, s), None), G.reduce_sum(G.apply(sp.exp, m), None),
                 G.reduce_sum(G.mul(prod, prod), None))
    rng = np.random.default_rng(9)
    arrays = {"x": rng.normal(size=(4, 3, 4)), "W": rng.normal(size=(4, 5))}

    def torch_loss(x, W):
        h = torch.tanh(x)
        s = h.sum(0, keepdim=True)
        m = torch.cos(x).amax(dim=(0, 1))
        return (s * s).sum() + torch.exp(m).sum() + ((h.reshape(-1, 4) @ W) ** 2).sum()
    _torch_and_llvm(G, loss, ["x", "W"], arrays, torch_loss)


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_the_t5_network_step_matches_torch(backend):
    """benchmarks/t5_cnn_step.py's loss (two conv -> relu -> max-pool blocks, dense,
    softmax cross-entropy) at batch 5: loss and every gradient against torch autograd."""
    import symgrad as sg
    from symgrad import losses
    from symgrad.frontend.arrays import Conv2D, Flatten, MaxPool2D
    from sympy.tensor.array.expressions import ArraySymbol
    X, Y = ArraySymbol("X", (N, 1, 8, 8)), sp.MatrixSymbol("Y", N, 10)
    K1, c1 = ArraySymbol("K1", (16, 1, 3, 3)), ArraySymbol("c1", (16, 1, 1))
    K2, c2 = ArraySymbol("K2", (32, 16, 3, 3)), ArraySymbol("c2", (32, 1, 1))
    W, b = sp.MatrixSymbol("W", 128, 10), sp.MatrixSymbol("b", 1, 10)
    h = MaxPool2D(sg.relu(Conv2D(X, K1, padding=1) + c1), 2)
    h = MaxPool2D(sg.relu(Conv2D(h, K2, padding=1) + c2), 2)
    L = losses.softmax_cross_entropy(Flatten(h) * W + sp.MatMul(sp.OneMatrix(N, 1), b), Y)
    wrt = [K1, c1, K2, c2, W, b]
    fn = sg.compile(L, wrt=wrt, backend=backend)
    rng = np.random.default_rng(10)
    y = rng.integers(0, 10, 5)
    arrays = {"X": rng.random((5, 1, 8, 8)), "Y": np.eye(10)[y], "K1": rng.normal(size=(16, 1, 3, 3)) / 3,
              "c1": rng.normal(size=16), "K2": rng.normal(size=(32, 16, 3, 3)) / 12,
              "c2": rng.normal(size=32), "W": rng.normal(size=(128, 10)) / 11, "b": rng.normal(size=10)}

    def torch_loss(X, Y, K1, c1, K2, c2, W, b):
        h = F.max_pool2d(F.relu(F.conv2d(X, K1, c1, padding=1)), 2)
        h = F.max_pool2d(F.relu(F.conv2d(h, K2, c2, padding=1)), 2)
        return F.cross_entropy(h.flatten(1) @ W + b, torch.tensor(y))
    value, grads = fn(**arrays)
    want, refs = torch_grads(torch_loss, arrays, [str(w) for w in wrt])
    assert_close(value, want, rtol=1e-10, what="loss")
    for w, got, ref in zip(wrt, grads, refs):
        assert_close(got, ref, rtol=1e-10, what=f"d_{w}")
