"""The llvm n-D path's speed machinery keeps results right (codegen/llvm/nd_kernel.py, nd.py):
recycled output blocks and a shared workspace, checked against torch autograd in float64."""
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
