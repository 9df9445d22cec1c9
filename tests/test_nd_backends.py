"""Random n-D programs: the llvm loop nests (codegen/llvm/nd.py) against the NumPy backend.

Each seed builds a chain of random movement, window, reduction and entrywise
ops on rank-3 and rank-4 inputs with broadcasting, differentiates it, and
compares the value and every gradient of the two backends in float64.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symgrad.ir.graph import Graph

from _nd import N, array, assert_close, compile_loss


def _random_program(rng: np.random.Generator):
    G = Graph()
    x = array(G, "x", (N, 3, 4, 5))
    biases = [(3, 1, 1), (4, 1), (5,), (1, 3, 1, 5)]
    b = array(G, "b", biases[int(rng.integers(len(biases)))])
    c = array(G, "c", (3, 4, 5))
    cur = G.apply(sp.tanh, G.add(x, b))
    for step in range(5):
        kind = rng.integers(7)
        shape = G.nodes[cur].shape
        rank = len(shape)
        if kind == 0 and rank >= 2:
            cur = G.transpose(cur, tuple(rng.permutation(rank)))
        elif kind == 1 and rank >= 2 and all(isinstance(d, int) for d in shape[-2:]):
            cur = G.reshape(cur, shape[:-2] + (shape[-2] * shape[-1],))
        elif kind == 2 and rank >= 2:
            axes = tuple(sorted(rng.choice(rank, size=int(rng.integers(1, rank)), replace=False)))
            reduce = G.reduce_max if rng.integers(2) else G.reduce_sum
            cur = reduce(cur, tuple(int(a) for a in axes), bool(rng.integers(2)))
        elif kind == 3 and rank >= 2 and all(isinstance(d, int) and d >= 2 for d in shape[-2:]):
            cur = G.windows(cur, (2, 2), (1, int(rng.integers(1, 3))))
        elif kind == 4:
            cur = G.pad(cur, tuple((int(rng.integers(2)), int(rng.integers(2))) for _ in shape))
        elif kind == 5 and shape[-3:] == (3, 4, 5):
            cur = G.mul(cur, c)
        else:
            cur = G.apply(sp.sin, G.mul(cur, G.const(sp.Rational(3, 2))))
    return G, G.reduce_sum(G.mul(cur, cur), None)


@pytest.mark.parametrize("seed", range(8))
def test_random_nd_programs_agree(seed):
    rng = np.random.default_rng(seed)
    G, loss = _random_program(rng)
    names = [n for n in ("x", "b", "c") if any(str(nd.attr) == n for nd in G.nodes if not nd.args)]
    fn_np = compile_loss(G, loss, names)
    fn_llvm = compile_loss(G, loss, names, backend="llvm")
    shapes = {n: tuple(2 if not isinstance(d, int) else d for d in nd.shape)
              for nd in G.nodes if not nd.args and (n := str(nd.attr)) in names}
    arrays = {n: rng.normal(size=s) for n, s in shapes.items()}
    v1, g1 = fn_np(**arrays)
    v2, g2 = fn_llvm(**arrays)
    assert_close(v2, v1, rtol=1e-12, what=f"value (seed {seed})")
    for k, n in enumerate(names):
        assert_close(g2[k], g1[k], rtol=1e-12, what=f"d_{n} (seed {seed})")


def test_nd_kernels_come_from_the_disk_cache_the_second_time():
    G, loss = _random_program(np.random.default_rng(3))
    first = compile_loss(G, loss, ["x", "b"], backend="llvm")
    again = compile_loss(G, loss, ["x", "b"], backend="llvm")
    assert (first.kernel.how, again.kernel.how) == ("compiled", "cached")
    shapes = {str(n.attr): tuple(2 if not isinstance(d, int) else d for d in n.shape)
              for n in G.nodes if not n.args and str(n.attr) in ("x", "b")}
    arrays = {k: np.linspace(-1, 1, int(np.prod(s))).reshape(s) for k, s in shapes.items()}
    v1, g1 = first(**arrays)
    v2, g2 = again(**arrays)
    assert v1 == v2 and all((g1[k] == g2[k]).all() for k in range(2))


def test_entrywise_chains_and_movement_ops_share_one_loop_nest():
    from symgrad.codegen.llvm.nd import buffer_nodes, inlined
    from symgrad.ir.program import build_program
    G = Graph()
    x, b = array(G, "x", (N, 3, 4)), array(G, "b", (3, 1))
    y = G.apply(sp.sin, G.mul(G.apply(sp.tanh, G.add(x, b)), G.const(2)))   # one shape throughout
    program = build_program(G, [("value", G.reduce_sum(G.transpose(y, (2, 0, 1)), None))])
    ops = [program.nodes[i].op.__name__ for i in buffer_nodes(program)]
    # add, tanh, mul, sin and the permutation are computed inside the sum's loop nest
    assert ops == ["Sum"] and len(inlined(program)) == 5
    fn = compile_loss(G, G.reduce_sum(G.transpose(y, (2, 0, 1)), None), ["x"], backend="llvm")
    xs, bs = np.linspace(-2, 2, 24).reshape(2, 3, 4), np.array([[0.5], [-1.0], [2.0]])
    value, _ = fn(x=xs, b=bs)
    assert_close(value, np.sin(2 * np.tanh(xs + bs)).sum(), what="value")
