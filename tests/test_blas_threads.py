"""Which BLAS the llvm backend's tensor kernels call, and on how many threads."""
from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
import sympy as sp

import symgrad as sg
from symgrad import losses, nn

pytest.importorskip("llvmlite")
pytest.importorskip("scipy")

from symgrad.codegen import threads  # noqa: E402
from symgrad.codegen.llvm import blas, blas_choice  # noqa: E402
from test_llvm_tensor import _mkl_path, assert_same, mlp, random_kwargs  # noqa: E402

needs_mkl = pytest.mark.skipif(_mkl_path() is None, reason="MKL is not installed (pip install 'symgrad[mkl]')")


@pytest.mark.parametrize("blas_name", ["numpy", "scipy", "mkl", "path"])
def test_blas_choices_agree(monkeypatch, blas_name):
    if blas_name in ("mkl", "path") and _mkl_path() is None:
        pytest.skip("MKL is not installed (pip install 'symgrad[mkl]')")
    if blas_name == "path":
        blas_name = _mkl_path()        # a library exporting LP64 dgemm_/sgemm_
    X, Y = nn.input("X", 5), nn.input("Y", 4)
    model = mlp([5, 7, 4])
    L = losses.softmax_cross_entropy(model(X), Y)
    for dtype in ("float64", "float32"):
        monkeypatch.setenv("SYMGRAD_BLAS", blas_name)
        f = sg.compile(L, wrt=model.parameters(), backend="llvm", dtype=dtype)
        monkeypatch.delenv("SYMGRAD_BLAS")
        g = sg.compile(L, wrt=model.parameters(), backend="numpy", dtype=dtype)
        assert f.kernel.blas == blas_name
        assert_same(f, g, random_kwargs(f, 6, np.random.default_rng(5)))


def _in_subprocess(code: str, **env: str) -> list[str]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("SYMGRAD_BLAS", "MKL_THREADING_LAYER", "OMP_WAIT_POLICY", "SYMGRAD_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**base, **env})
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


_MKL_STEP = """if True:
    import ctypes, os, numpy as np, symgrad as sg
    from symgrad import nn, losses
    X, Y = nn.input("X", 50), nn.input("Y", 40)
    net = nn.Dense(50, 40, name="1")
    L = losses.mse(net(X), Y)
    kw = dict(X=np.ones((300, 50)), Y=np.zeros((300, 40)), W1=np.ones((50, 40)), b1=np.zeros(40))
    f = sg.compile(L, wrt=net.parameters(), backend="llvm")
    (v, g), (v0, g0) = f(**kw), sg.compile(L, wrt=net.parameters(), backend="numpy")(**kw)
    assert np.isclose(v, v0, rtol=1e-12) and all(np.allclose(a, b, rtol=1e-12) for a, b in zip(g, g0))
    maps = open("/proc/self/maps").read()
    print(f.kernel.blas, "libiomp5" in maps, "libgomp" in maps, os.environ["OMP_WAIT_POLICY"])
"""


@needs_mkl
def test_mkl_runs_on_gnu_openmp_with_passive_waiting():
    """MKL must run on GNU OpenMP, not load Intel's libiomp5 into the global symbol scope
    (where it would take over torch's OpenMP calls), and its idle threads must sleep."""
    got = _in_subprocess(_MKL_STEP, SYMGRAD_BLAS="mkl")
    assert got[0] == "mkl" and got[3] == "PASSIVE"
    try:
        import ctypes
        ctypes.CDLL("libgomp.so.1")
    except OSError:
        pytest.skip("no libgomp on this machine: MKL keeps its Intel OpenMP layer")
    assert got[1:3] == ["False", "True"]
    assert _in_subprocess(_MKL_STEP, SYMGRAD_BLAS="mkl", OMP_WAIT_POLICY="ACTIVE")[3] == "ACTIVE"


def test_missing_mkl_falls_back_or_is_named(monkeypatch):
    monkeypatch.setitem(blas.FINDERS, "mkl", lambda name: None)    # as on a machine without MKL
    monkeypatch.delenv("SYMGRAD_BLAS", raising=False)
    assert blas_choice.gemm_address(np.float64)[2] == "numpy"
    monkeypatch.setenv("SYMGRAD_BLAS", "mkl")
    with pytest.raises(RuntimeError, match=r"SYMGRAD_BLAS=mkl .*symgrad\[mkl\]"):
        blas_choice.gemm_address(np.float32)


def test_unusable_blas_is_refused(monkeypatch):
    X, Y = nn.input("X", 5), nn.input("Y", 4)
    L = losses.mse(mlp([5, 4])(X), Y)
    monkeypatch.setenv("SYMGRAD_BLAS", "/nonexistent/libblas.so")
    with pytest.raises(OSError):
        sg.compile(L, wrt=[], backend="llvm")


@needs_mkl
@pytest.mark.parametrize("ratio, winner", [(0.5, "mkl"), (2.0, "numpy")])
def test_default_blas_is_the_one_measured_faster_and_remembered(monkeypatch, tmp_path, ratio, winner):
    """Unset SYMGRAD_BLAS means the faster library on this machine (MKL is slower on
    some AMD CPUs), measured once and kept in the cache; SYMGRAD_BLAS still decides."""
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("SYMGRAD_BLAS", raising=False)
    calls = []
    monkeypatch.setattr(blas_choice, "measure", lambda found, dtype: calls.append(dtype) or ratio)
    blas_choice.default_choice.cache_clear()
    try:
        assert blas_choice.gemm_address(np.float64)[2] == winner
        blas_choice.default_choice.cache_clear()   # as in a new process: the cache answers
        assert blas_choice.gemm_address(np.float64)[2] == winner and len(calls) == 1
        other = {"mkl": "numpy", "numpy": "mkl"}[winner]
        monkeypatch.setenv("SYMGRAD_BLAS", other)
        assert blas_choice.gemm_address(np.float64)[2] == other and len(calls) == 1
    finally:
        blas_choice.default_choice.cache_clear()


@pytest.mark.parametrize("value", ["abc", "0", "-1", "2.5"])
def test_bad_num_threads_is_refused_at_compile_time(monkeypatch, value):
    x = sg.nn.input("X", 2)
    monkeypatch.setenv("SYMGRAD_NUM_THREADS", value)
    for backend in ("numpy", "llvm"):
        with pytest.raises(ValueError, match=f"SYMGRAD_NUM_THREADS='{value}'"):
            sg.compile(losses.mse(x, x), wrt=[], backend=backend)


def test_team_size_needs_work_and_an_idle_core(monkeypatch):
    monkeypatch.delenv("SYMGRAD_NUM_THREADS", raising=False)
    monkeypatch.setattr(threads, "cores", lambda: 2)
    monkeypatch.setattr(threads, "_other_runnable", lambda: 0)
    assert threads.team_size(threads.PARALLEL_WORK - 1) == 1
    assert threads.team_size(threads.PARALLEL_WORK) == 2
    monkeypatch.setattr(threads, "_other_runnable", lambda: 2)    # two busy processes
    assert threads.team_size(10**12) == 1
    monkeypatch.setattr(threads, "_other_runnable", lambda: 0)
    monkeypatch.setenv("SYMGRAD_NUM_THREADS", "1")
    assert threads.team_size(10**12) == 1


def _blas_threads(name: str) -> int:
    """The thread count the BLAS would use for a GEMM called from this thread now."""
    if name == "mkl":
        return blas._mkl_library().MKL_Get_Max_Threads()
    return blas._numpy_openblas_library().scipy_openblas_get_num_threads64_()


@pytest.mark.parametrize("blas_name", ["numpy", pytest.param("mkl", marks=needs_mkl)])
def test_num_threads_and_work_govern_the_blas(monkeypatch, blas_name):
    """A T4-sized step runs its GEMMs on one thread (two threads cost more than they
    save, and under load much more); so does any step under SYMGRAD_NUM_THREADS=1.
    OpenBLAS's count is process-wide: NumPy gets its own back after each call."""
    monkeypatch.setenv("SYMGRAD_BLAS", blas_name)
    monkeypatch.delenv("SYMGRAD_NUM_THREADS", raising=False)
    monkeypatch.setattr(threads, "cores", lambda: 2)
    monkeypatch.setattr(threads, "_other_runnable", lambda: 0)
    X, Y = nn.input("X", 64), nn.input("Y", 10)
    model = mlp([64, 128, 128, 10], act=nn.ReLU)
    f = sg.compile(losses.softmax_cross_entropy(model(X), Y), wrt=model.parameters(), backend="llvm",
                   dtype="float32")
    assert f.kernel.blas == blas_name
    before, during, setter = _blas_threads(blas_name), [], f.kernel._set_threads

    def spy(n):
        setter(n)
        during.append(_blas_threads(blas_name))
    monkeypatch.setattr(f.kernel, "_set_threads", spy)
    rng = np.random.default_rng(0)
    for batch, idle_threads in ((32, 1), (2048, 2)):
        kw = {k: v.astype(np.float32) for k, v in random_kwargs(f, batch, rng).items()}
        f(**kw)
        monkeypatch.setenv("SYMGRAD_NUM_THREADS", "1")
        f(**kw)
        monkeypatch.delenv("SYMGRAD_NUM_THREADS")
        assert during == [min(idle_threads, setter.initial), 1], batch
        during.clear()
        if blas_name == "numpy":
            assert _blas_threads(blas_name) == before


def test_bad_num_threads_set_after_compiling_is_named_at_call_time(monkeypatch):
    """The scalar kernels read the variable per call (big batches run in chunks): a bad
    value set after compiling is refused naming the variable, not as int()'s error."""
    x = sp.Symbol("x")
    fn = sg.compile(sp.sin(x) * x, [x], backend="llvm")
    monkeypatch.setenv("SYMGRAD_NUM_THREADS", "abc")
    with pytest.raises(ValueError, match="SYMGRAD_NUM_THREADS='abc'"):
        fn(x=np.ones(200_000))


class _FakeLib:
    """A BLAS's thread controls, counting the setter calls that reach the library."""

    def __init__(self, start: int):
        self.count, self.calls = start, []
        self.symgrad_on_gomp = False

    def _set(self, n):
        self.calls.append(n.value)
        self.count = n.value

    scipy_openblas_set_num_threads64_ = MKL_Set_Num_Threads_Local = _set

    def scipy_openblas_get_num_threads64_(self):
        return self.count

    MKL_Get_Max_Threads = scipy_openblas_get_num_threads64_


@pytest.mark.parametrize("blas_name", ["numpy", "mkl"])
def test_thread_count_reaches_the_library_only_when_it_changes(monkeypatch, blas_name):
    """A call whose team size is the one the library already has calls no setter, and
    OpenBLAS's restore after a call that kept its count does nothing (two alternating
    steps must not pay for re-setting a count, however cheap the call is now)."""
    import threading
    fake = _FakeLib(2)
    monkeypatch.setattr(blas, "_numpy_openblas_library" if blas_name == "numpy" else "_mkl_library", lambda: fake)
    monkeypatch.setattr(blas, "_thread_count", threading.local())   # MKL's per-thread memory, fresh
    monkeypatch.delenv("SYMGRAD_NUM_THREADS", raising=False)
    setter = blas.thread_setter.__wrapped__(blas_name)             # not the cached one of the real library
    restore = getattr(setter, "restore", lambda: None)
    for _ in range(3):
        setter(2)
        restore()
    assert fake.calls == ([] if blas_name == "numpy" else [2])   # MKL's first call sets its thread's count
    fake.calls.clear()
    for _ in range(3):
        setter(1)
    assert fake.calls == [1]
    setter(8)                        # more than the library started with: its own count is the cap
    assert fake.calls == [1, 2] and fake.count == 2
    if blas_name == "numpy":
        setter(1)
        restore()
        restore()
        assert fake.calls == [1, 2, 1, 2]
