"""sg.gradcheck on a compiled network step (the notes' gradient check), both backends.

Central differences in float64 at a seeded sample of each big tensor's
entries; the reference is the finite difference itself, and a gradient
planted wrong in a single hidden entry must fail when that entry is sampled.
"""
from __future__ import annotations

import numpy as np
import pytest

import symgrad as sg
from symgrad import losses, nn

X, Y = nn.input("X", 16), nn.input("Y", 5)
MODEL = nn.Sequential(nn.Dense(16, 32, name="1"), nn.Tanh(), nn.Dense(32, 32, name="2"), nn.Tanh(),
                      nn.Dense(32, 5, name="3"))
LOSS = losses.softmax_cross_entropy(MODEL(X), Y)


def point(seed=0, n=32):
    rng = np.random.default_rng(seed)
    at = {"X": rng.standard_normal((n, 16)), "Y": np.eye(5)[rng.integers(0, 5, n)]}
    for p in MODEL.parameters():
        rows, cols = (int(d) for d in p.shape)
        at[p.name] = rng.standard_normal((rows, cols)) / np.sqrt(max(rows, 2))
    return at


class _OffAt:
    """A step whose gradient of ``name`` is wrong at one entry."""

    def __init__(self, fn, name, index, by):
        self.fn, self.name, self.index, self.by = fn, name, index, by
        self.dtype, self.wrt = fn.dtype, fn.wrt

    def __call__(self, **kw):
        v, g = self.fn(**kw)
        g = [np.array(d, copy=True) for d in g]
        g[list(self.wrt).index(self.name)][self.index] += self.by
        return v, tuple(g)


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_gradient_check_of_a_network_step(backend):
    step = sg.compile(LOSS, MODEL.parameters(), backend=backend)
    res = sg.gradcheck(step, point())
    assert res.ok and res.max_rel_error < 1e-6, str(res)
    assert res.checked == {"W1": 30, "b1": 30, "W2": 30, "b2": 30, "W3": 30, "b3": 5}
    assert set(res.rel_errors) == {"W1", "b1", "W2", "b2", "W3", "b3"}
    every = sg.gradcheck(step, point(), max_entries=None)
    assert every.ok and every.checked["W1"] == 16 * 32


def test_a_wrong_entry_fails_when_sampled_and_a_nan_anywhere_fails():
    step = sg.compile(LOSS, MODEL.parameters())
    at = point(1)
    full = sg.gradcheck(_OffAt(step, "W2", (3, 7), 1e-3), at, max_entries=None)
    assert not full.ok and full.rel_errors["W2"] > 1e-3 and full.max_rel_error == full.rel_errors["W2"]
    nan = sg.gradcheck(_OffAt(step, "W1", (0, 0), np.nan), at, max_entries=3)
    assert not nan.ok and nan.not_finite == ("W1",)
