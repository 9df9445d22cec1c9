"""How long sg.draw and sg.explain take on T3's MLP step (64-256-256-10 tanh, softmax CE)
and on a scalar expression whose program has ~500 nodes; one process, best of 5 after a
warm-up call (the first call in a process also pays SymPy's lazy imports, reported apart).

    python benchmarks/draw_speed.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import sympy as sp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import symgrad as sg  # noqa: E402
from symgrad import losses, nn  # noqa: E402


def best(f, n=5):
    first = time.perf_counter()
    f()
    first = time.perf_counter() - first
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return first, min(times)


def main() -> None:
    X, Y = nn.input("X", 64), nn.input("Y", 10)
    model = nn.Sequential(nn.Dense(64, 256, name="1"), nn.Tanh(), nn.Dense(256, 256, name="2"), nn.Tanh(),
                          nn.Dense(256, 10, name="3"))
    L = losses.softmax_cross_entropy(model(X), Y)
    g = sg.grad(L, model.parameters())
    fn = sg.compile(L, wrt=model.parameters())
    rng = np.random.default_rng(0)
    at = {"X": rng.standard_normal((256, 64)), "Y": np.eye(10)[rng.integers(0, 10, 256)],
          **{str(p): rng.standard_normal(tuple(int(d) for d in p.shape)) * 0.1 for p in model.parameters()}}
    xs = sp.symbols("x0:40")
    expr = sum(sg.sigmoid(xs[i] * xs[(i + 1) % 40] + sp.sin(xs[(i + 7) % 40])) ** 2 for i in range(40))
    gs = sg.grad(expr, xs)
    point = {s: 0.1 * k for k, s in enumerate(xs)}
    rows = [
        ("T3 step, layer picture (fn)", lambda: sg.draw(fn)),
        ("T3 step, program picture", lambda: sg.draw(g, level="ops")),
        ("T3 step, program picture at a batch of 256", lambda: sg.draw(g, at=at, level="ops")),
        ("T3 step, sg.explain", lambda: sg.explain(L, model.parameters())),
        (f"scalar program ({len(gs.program.nodes)} nodes), picture", lambda: sg.draw(gs)),
        ("scalar program, picture at a point", lambda: sg.draw(gs, at=point)),
        ("scalar expression, notes' figure at a point", lambda: sg.draw(expr, at=point)),
    ]
    print(f"T3 program: {len(g.program.nodes)} nodes")
    for name, f in rows:
        first, b = best(f)
        print(f"{name:50s} first {first * 1e3:8.1f} ms   best {b * 1e3:8.1f} ms")


if __name__ == "__main__":
    main()
