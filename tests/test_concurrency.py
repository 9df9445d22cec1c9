"""Concurrency: threads sharing one callable, processes sharing one cache, fork.

* One compiled callable called from 8 threads at once, each thread on its own
  arguments, returns exactly what serial calls return: both backends, a
  scalar program and a tensor (network) step.  The llvm tensor kernels' team
  size is pinned, as in tests/test_llvm_tensor.py: by default each call sizes
  its OpenMP team by the machine's load, and another chunk count adds column
  sums in another order, which would compare loads, not concurrency.
* Two processes compiling the same program into one cache directory at the
  same moment both get the right answer; the entry left behind verifies and
  a third process loads it instead of compiling.
* After ``fork`` the child can call a callable its parent compiled (NumPy
  backend and llvm backend: the machine code is in the copied address space,
  and libgomp starts a fresh team in the child), and can compile new
  programs; documented in docs/reliability.md.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import numpy as np
import pytest
import sympy as sp

import symgrad as sg
from symgrad import losses, nn

BACKENDS = ["numpy", "llvm"]
x, y = sp.symbols("x y")
SCALAR = sp.tanh(x * y) + sp.exp(x / 4) * sp.sin(y) + sg.softplus(x - y) * x


@pytest.fixture
def pinned_teams(monkeypatch):
    from symgrad.codegen import threads
    from symgrad.codegen.llvm import nd_kernel, tensor_kernel
    monkeypatch.setattr(tensor_kernel, "team_size", lambda work: threads.max_threads())
    monkeypatch.setattr(nd_kernel, "team_size", lambda work: threads.max_threads())


def _scalar_case(backend):
    fn = sg.compile(SCALAR, [x, y], backend=backend)
    kws = [{"x": np.linspace(-2, 2, 50 + 37 * k), "y": np.float64(k / 8 - 0.5)} for k in range(8)]
    return fn, kws


def _tensor_case(backend):
    X, Y = nn.input("X", 6), nn.input("Y", 3)
    model = nn.Sequential(nn.Dense(6, 16), nn.Tanh(), nn.Dense(16, 16), nn.ELU(), nn.Dense(16, 3))
    fn = sg.compile(losses.softmax_cross_entropy(model(X), Y), model.parameters(), backend=backend)
    kws = []
    for k in range(8):
        rng = np.random.default_rng(k)
        n = (1, 7, 64, 300)[k % 4]
        kws.append({"X": rng.normal(size=(n, 6)), "Y": np.eye(3)[rng.integers(0, 3, n)],
                    **nn.init_params(model, seed=k)})
    return fn, kws


def _same(a, b) -> bool:
    (va, ga), (vb, gb) = a, b
    return np.array_equal(va, vb) and all(np.array_equal(p, q) for p, q in zip(ga, gb))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("make", [_scalar_case, _tensor_case], ids=["scalar", "tensor"])
def test_one_callable_from_8_threads_matches_serial_calls(make, backend, pinned_teams):
    fn, kws = make(backend)
    serial = [fn(**kw) for kw in kws]
    barrier = threading.Barrier(8)
    got: list = [[] for _ in kws]
    errors: list = []

    def run(k):
        try:
            barrier.wait()
            for _ in range(15):
                got[k].append(fn(**kws[k]))
        except BaseException as e:      # a thread's exception would otherwise vanish
            errors.append(e)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    for k, results in enumerate(got):
        assert len(results) == 15 and all(_same(r, serial[k]) for r in results), f"thread {k}"


_CHILD = r"""
import json, sys
import numpy as np, sympy as sp, symgrad as sg
x, y = sp.symbols("x y")
f = sg.compile(sp.tanh(x * y) + sp.exp(x / 4) * sp.sin(y) + sg.softplus(x - y) * x, [x, y], backend="llvm")
v, (dx, dy) = f(x=np.linspace(-2, 2, 9), y=0.25)
(how,) = [h for _, h in f.kernel.timings.values()]
print(json.dumps({"v": v.tolist(), "dx": dx.tolist(), "dy": dy.tolist(), "how": how}))
"""


def _spawn(cache):
    env = dict(os.environ, SYMGRAD_CACHE_DIR=str(cache))
    env.pop("SYMGRAD_CACHE", None)
    return subprocess.Popen([sys.executable, "-c", _CHILD], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def test_two_processes_compiling_into_one_cache_at_once(tmp_path):
    pytest.importorskip("llvmlite")
    cache = tmp_path / "shared-cache"
    procs = [_spawn(cache), _spawn(cache)]          # both start cold, at the same moment
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
        outs.append(json.loads(out.strip().splitlines()[-1]))
    want = sg.compile(SCALAR, [x, y], backend="numpy")(x=np.linspace(-2, 2, 9), y=0.25)
    for o in outs:
        np.testing.assert_allclose(o["v"], want[0], rtol=1e-14, atol=1e-15)
        np.testing.assert_allclose(o["dx"], want[1][0], rtol=1e-13, atol=1e-15)
    assert outs[0]["v"] == outs[1]["v"] and outs[0]["dx"] == outs[1]["dx"]
    # what is left verifies: a third process loads it, and no half-written file remains
    third = _spawn(cache)
    out, err = third.communicate(timeout=300)
    assert third.returncode == 0, err[-2000:]
    o = json.loads(out.strip().splitlines()[-1])
    assert o["how"] == "cached" and o["v"] == outs[0]["v"] and o["dx"] == outs[0]["dx"], o
    leftovers = [p.name for p in cache.rglob("*") if p.is_file() and p.suffix not in (".o", "")]
    assert not leftovers, leftovers


def _in_child(work):
    """Run ``work()`` in a forked child; returns its JSON result, or fails on a hang or crash."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:                                     # pragma: no cover - the child
        os.close(r)
        try:
            os.write(w, json.dumps(work()).encode())
            os._exit(0)
        except BaseException as e:
            os.write(w, json.dumps({"error": repr(e)}).encode())
            os._exit(1)
    os.close(w)
    import select
    ready, _, _ = select.select([r], [], [], 120)
    if not ready:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        pytest.fail("the forked child hung")
    data = b""
    while chunk := os.read(r, 1 << 16):
        data += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    out = json.loads(data or b'{"error": "no output"}')
    assert os.waitstatus_to_exitcode(status) == 0, out
    return out


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("make", [_scalar_case, _tensor_case], ids=["scalar", "tensor"])
def test_a_callable_survives_fork(make, backend, pinned_teams):
    fn, kws = make(backend)
    parent = [fn(**kw) for kw in kws]               # the parent has run it (and its thread teams)

    def child():
        results = [fn(**kw) for kw in kws]
        same = all(_same(a, b) for a, b in zip(results, parent))
        # and the child compiles something new
        g = sg.compile(x * y + sp.sin(x), [x, y], backend=backend)
        v, (dx, dy) = g(x=2.0, y=3.0)
        return {"same": same, "new": [float(v), float(dx), float(dy)]}

    out = _in_child(child)
    assert out["same"]
    assert out["new"] == [6.0 + float(np.sin(2.0)), 3.0 + float(np.cos(2.0)), 2.0]
