"""Deterministic names (issue 14, item 5): a layer without a name is named after
its place in the model, as torch names ``0.weight``, never from a process-wide
counter, so building the same model twice gives the same parameter names, the
same generated source (both backends) and the same cache entries."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import symgrad as sg
from symgrad import losses, nn

ROOT = Path(__file__).resolve().parents[1]

BUILD = """
from symgrad import losses, nn
def build():
    X, Y = nn.input("X", 3), nn.input("Y", 2)
    model = nn.Sequential(nn.Dense(3, 5), nn.Tanh(), nn.Sequential(nn.Dense(5, 4), nn.ReLU()),
                          nn.Dense(4, 2))
    return model, losses.softmax_cross_entropy(model(X), Y)
"""
namespace: dict = {}
exec(BUILD, namespace)
build = namespace["build"]


def test_unnamed_layers_are_named_by_place():
    model, _ = build()
    assert [p.name for p in model.parameters()] == ["W0", "b0", "W2.0", "b2.0", "W3", "b3"]
    assert repr(model[2][0]) == "Dense(5, 4, name='2.0')"


def test_building_twice_gives_the_same_names_whatever_came_between():
    first, _ = build()
    for _ in range(3):   # other models in between: a counter would move on
        nn.Sequential(nn.Dense(2, 2), nn.Dense(2, 2, bias=False))
    second, _ = build()
    assert [p.name for p in first.parameters()] == [p.name for p in second.parameters()]
    assert first.parameters() == second.parameters()   # equal symbols: name and shape


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_building_twice_gives_the_same_source_and_cache_entry(backend, tmp_path, monkeypatch):
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path))
    steps, entries = [], []
    for _ in range(2):
        model, L = build()
        nn.Dense(4, 4, name="other")(nn.input("Z", 4))    # an unrelated layer built in between
        steps.append(sg.compile(L, wrt=model.parameters(), backend=backend))
        entries.append(sorted(tmp_path.rglob("*.o")))
    a, b = steps
    assert a.source == b.source and a.args == b.args
    assert a.program.fingerprint() == b.program.fingerprint()
    if backend == "llvm":
        # the second build finds the first one's machine code: the same cache key
        assert (a.kernel.timing[1], b.kernel.timing[1]) == ("compiled", "cached")
        assert entries[0] == entries[1] and entries[0]
    rng = np.random.default_rng(0)
    args = {"X": rng.normal(size=(6, 3)), "Y": np.eye(2)[rng.integers(0, 2, 6)],
            **nn.init_params(build()[0], seed=1)}
    (va, ga), (vb, gb) = a(**args), b(**args)
    assert va == vb and all(np.array_equal(ga[k], gb[k]) for k in ga.names)


def test_a_fresh_process_gives_the_same_source():
    """The names depend on the model alone: a process that built nothing before agrees."""
    model, L = build()
    here = sg.compile(L, wrt=model.parameters()).source
    code = BUILD + "import symgrad as sg\nm, L = build()\nprint(sg.compile(L, wrt=m.parameters()).source, end='')"
    env = {**os.environ, "PYTHONHASHSEED": "1"}
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, cwd=ROOT, check=True).stdout
    assert there == here


def test_colliding_names_are_refused():
    with pytest.raises(ValueError, match="both have a parameter named W2"):
        nn.Sequential(nn.Dense(3, 3, name="2"), nn.Tanh(), nn.Dense(3, 3))


def test_a_shared_layer_keeps_its_first_place():
    shared = nn.Dense(3, 3)
    model = nn.Sequential(shared, nn.Tanh(), shared)
    assert [p.name for p in model.parameters()] == ["W0", "b0", "W0", "b0"]
    other = nn.Sequential(nn.Identity(), shared)
    assert [p.name for p in other.parameters()] == ["W0", "b0"]


def test_named_layers_keep_their_names_and_unnamed_free_layers_are_refused():
    model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
    assert [p.name for p in model.parameters()] == ["W1", "b1", "W2", "b2"]
    free = nn.Dense(3, 2, bias=False)
    assert free.parameters() == [free.W] and free.W.name == "W" and free.b is None
    # two unnamed free layers would both be W, b: silently shared weights
    d1, d2 = nn.Dense(4, 4), nn.Dense(4, 4)
    with pytest.raises(ValueError, match=r"Dense\(4, 4\) has no name and is in no Sequential"):
        d2(d1(nn.input("Z", 4)))
    named = nn.Dense(3, 2, bias=False, name="f")
    L = losses.mse(named(nn.input("X", 3)), nn.input("Y", 2))
    assert sorted(sg.compile(L, wrt=named.parameters()).args) == ["Wf", "X", "Y"]
