"""The default BLAS of a machine: MKL or NumPy's OpenBLAS, whichever is faster here.

Neither wins everywhere (MKL on Intel Xeons, OpenBLAS on the AMD EPYC the
numbers in :mod:`.blas` come from), so :func:`default_choice` measures, once
per machine: :data:`ROUNDS` interleaved rounds, each timing the GEMMs of one
T3 training step at batch 128 (:data:`PROBE`) with each library on one
thread, and takes the library with the better best round.  On a shared
machine other processes take the core in bursts longer than a round; the
best of interleaved rounds (in alternating order) is the time with the
fewest of them, for both libraries alike, where a median still swung the
ratio from 0.4 to 6 between runs.  The answer is kept in the disk cache (:mod:`.cache`),
keyed by the CPU's name and features, the dtype and both libraries'
versions, so a new MKL, NumPy or machine measures again; ``SYMGRAD_CACHE=0``
measures once per process.

Example
-------
>>> default_choice("float64") in ("mkl", "numpy")
True
>>> address, bits, name = gemm_address(np.float64)
>>> address > 0 and bits in (32, 64) and name in ("mkl", "numpy", "scipy")
True
"""
from __future__ import annotations

import ctypes
import json
import os
import time
from functools import lru_cache

import numpy as np

from ..threads import max_threads
from . import blas, cache

__all__ = ["gemm_address", "default_choice", "measure", "PROBE", "ROUNDS"]

#: (m, n, k) of the eight GEMMs of a 64-256-256-10 MLP step at batch 128 (forward, then backward)
PROBE = ((128, 256, 64), (128, 256, 256), (128, 10, 256), (256, 10, 128),
         (128, 256, 10), (256, 256, 128), (128, 256, 256), (64, 256, 128))
ROUNDS = 15


def gemm_address(dtype) -> tuple[int, int, str]:
    """``(address, integer bits, name)`` of the ``dgemm``/``sgemm`` to call; see the module docstring."""
    name = "dgemm" if np.dtype(dtype) == np.float64 else "sgemm"
    choice = os.environ.get("SYMGRAD_BLAS", "")
    if choice and choice not in blas.CHOICES:
        try:
            return blas.from_path(choice, name)
        except OSError as e:     # name the variable the path came from
            raise OSError(f"SYMGRAD_BLAS={choice!r} is neither one of {sorted(blas.CHOICES)} nor a "
                          f"loadable BLAS library: {e}") from None
    if not choice and blas._mkl_paths():
        choice = default_choice(np.dtype(dtype).name)
        found = blas.FINDERS[choice](name)
        if found is not None:
            return found
        choice = ""
    for candidate in ((choice,) if choice else blas.CHOICES):
        found = blas.FINDERS[candidate](name)
        if found is not None:
            return found
        if choice:
            raise RuntimeError(f"SYMGRAD_BLAS={choice} but {blas.MISSING[choice]}")
    raise RuntimeError("no BLAS found: install NumPy from its wheels, SciPy, or symgrad[mkl]")



@lru_cache(maxsize=None)
def default_choice(dtype: str) -> str:
    """``"mkl"`` or ``"numpy"``: the faster at :data:`PROBE` here (measured once per machine).
    Called only when both may be present; a library that fails to load loses."""
    from .jit import host_target
    h = host_target()
    key = cache.cache_key(["blas-choice", dtype, _cpu_name(), h.cpu, h.features, _versions()])
    if cache.enabled():
        payload = cache.load(key)
        if payload is not None:
            try:
                choice = json.loads(payload)["choice"]
            except (ValueError, KeyError, TypeError):
                choice = None
            if choice in ("mkl", "numpy"):
                return choice
    name = "dgemm" if dtype == "float64" else "sgemm"
    found = {c: blas.FINDERS[c](name) for c in ("mkl", "numpy")}
    if found["mkl"] is None or found["numpy"] is None:
        return "numpy" if found["mkl"] is None else "mkl"
    ratio = measure(found, np.dtype(dtype))
    choice = "mkl" if ratio < 1.0 else "numpy"
    if cache.enabled():
        cache.store(key, json.dumps({"choice": choice, "mkl/openblas": ratio}).encode())
    return choice


def measure(found: dict, dtype: np.dtype) -> float:
    """(MKL's best time) / (OpenBLAS's best time) over :data:`ROUNDS` rounds of :data:`PROBE`,
    both on one thread (``found``: name -> :func:`.blas.gemm_address` triple)."""
    runs = {}
    for lib, (address, bits, _) in found.items():
        setter = blas.thread_setter(lib)
        if setter is not None:
            setter(1)
        runs[lib] = _probe_runner(address, bits, dtype)
    best = dict.fromkeys(runs, float("inf"))
    for r in range(ROUNDS):
        for lib in (("mkl", "numpy") if r % 2 else ("numpy", "mkl")):
            best[lib] = min(best[lib], runs[lib]())
    for lib in runs:   # back to the full team (OpenBLAS's count is process-wide)
        setter = blas.thread_setter(lib)
        if setter is not None:
            setter(max_threads())
    return best["mkl"] / best["numpy"]


def _probe_runner(address: int, bits: int, dtype: np.dtype):
    """A function timing one pass over :data:`PROBE` with the gemm at ``address``."""
    Int = ctypes.c_int64 if bits == 64 else ctypes.c_int32
    gemm = ctypes.CFUNCTYPE(None, *[ctypes.c_void_p] * 13)(address)
    rng = np.random.default_rng(0)
    one, zero, trans = np.ones(1, dtype), np.zeros(1, dtype), ctypes.c_char(b"N")
    calls = []
    for m, n, k in PROBE:
        a, b, c = rng.random(m * k).astype(dtype), rng.random(k * n).astype(dtype), np.empty(m * n, dtype)
        im, i_n, ik = Int(m), Int(n), Int(k)
        calls.append((ctypes.byref(trans), ctypes.byref(trans), ctypes.byref(im), ctypes.byref(i_n),
                      ctypes.byref(ik), one.ctypes.data, a.ctypes.data, ctypes.byref(im), b.ctypes.data,
                      ctypes.byref(ik), zero.ctypes.data, c.ctypes.data, ctypes.byref(im), (a, b, c)))

    def run() -> float:
        t0 = time.perf_counter()
        for args in calls:
            gemm(*args[:13])
        return time.perf_counter() - t0
    for _ in range(3):   # warm: first-touch pages, thread pools, MKL's dispatch
        run()
    return run


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            return next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        return ""


def _versions() -> str:
    from importlib import metadata
    try:
        mkl = metadata.version("mkl")
    except metadata.PackageNotFoundError:
        mkl = ",".join(blas._mkl_paths())
    lib = blas._numpy_openblas_library()
    openblas = os.path.basename(getattr(lib, "_name", "") or "")
    return f"mkl {mkl}; numpy {np.__version__} {openblas}"
