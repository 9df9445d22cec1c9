"""Two compiled llvm training steps called alternately: is the second one slower?

Two 64-64-10 softmax steps (tanh, float64) on all 1797 digits, called in
turn A, B, A, B, ... for ``--rounds`` rounds after a warm-up.  Prints each
step's median and best time, the ratio B/A (1.0 when calling one step does
not slow the other), and how many calls ran on more than one thread
(:func:`symgrad.codegen.threads.team_size`: a two-thread call on a machine
whose other core is busy is several times slower, whichever step it is).
Compare with ``SYMGRAD_NUM_THREADS=1``.

    python benchmarks/alternating_steps.py [--rounds 300]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import symgrad as sg  # noqa: E402  (after the sys.path line, to run from a checkout)
from symgrad import losses, nn  # noqa: E402
from symgrad.codegen.llvm import tensor_kernel  # noqa: E402


def step(tag: str):
    X, Y = nn.input("X", 64), nn.input("Y", 1)
    model = nn.Sequential(nn.Dense(64, 64, name=f"{tag}1"), nn.Tanh(), nn.Dense(64, 10, name=f"{tag}2"))
    f = sg.compile(losses.softmax_cross_entropy(model(X), Y), wrt=model.parameters(), backend="llvm")
    return f, nn.init_params(model, seed=0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=300)
    rounds = ap.parse_args().rounds
    x, y = load_digits(return_X_y=True)
    kw = dict(X=x / 16.0, Y=y.reshape(-1, 1).astype(np.float64))
    steps = [step("a"), step("b")]
    teams = []
    team_size = tensor_kernel.team_size
    tensor_kernel.team_size = lambda work: teams.append(team_size(work)) or teams[-1]
    times = [[], []]
    for r in range(20 + rounds):
        for k, (f, params) in enumerate(steps):
            t0 = time.perf_counter()
            f(**kw, **params)
            if r >= 20:
                times[k].append(time.perf_counter() - t0)
    tensor_kernel.team_size = team_size
    med = [statistics.median(t) * 1e3 for t in times]
    best = [min(t) * 1e3 for t in times]
    print(f"BLAS {steps[0][0].kernel.blas}, N = {len(x)}, {rounds} rounds")
    for name, m, b in zip("AB", med, best):
        print(f"  step {name}: median {m:.2f} ms, best {b:.2f} ms")
    print(f"  B/A: median {med[1] / med[0]:.2f}, best {best[1] / best[0]:.2f}; "
          f"calls on >1 thread: {sum(t > 1 for t in teams)} of {len(teams)}")


if __name__ == "__main__":
    main()
