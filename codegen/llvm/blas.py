"""Which BLAS ``gemm`` the compiled tensor kernels call, and its address.

Tensor kernels call the Fortran ``dgemm``/``sgemm`` through a pointer that
travels in their slot array (never compiled in, so cached object code stays
valid in other processes).  :func:`.blas_choice.gemm_address` finds it.  ``SYMGRAD_BLAS``
chooses:

``mkl``
    Intel oneMKL's ``libmkl_rt`` (``pip install symgrad[mkl]``, or conda's
    MKL), through its ILP64 ``dgemm_64``/``sgemm_64``.
``numpy``
    The OpenBLAS bundled with NumPy's wheels (ILP64 ``scipy_dgemm_64_``).
``scipy``
    ``scipy.linalg.cython_blas`` (LP64).
a path
    A shared library exporting LP64 ``dgemm_``/``sgemm_``.

Unset, the faster of MKL and NumPy's OpenBLAS on this machine when both are
installed, else the first of MKL, NumPy's OpenBLAS and SciPy's found.
Neither is always faster: on an Intel Xeon, T3's eight 256-wide GEMMs took
0.88 ms (float64) with MKL against 1.23 ms with OpenBLAS 0.3.31; on an AMD
EPYC (Zen 4, 2 cores) MKL was 1.13x (float64) and 1.14x (float32) slower on
one thread (median of 15 interleaved rounds).  So the first tensor program
compiled on a machine times a T3 step's GEMMs with both (:mod:`.blas_choice`,
~50 ms) and keeps the answer in the disk cache, keyed by the CPU, the dtype
and both libraries' versions.

MKL runs its threads on GNU OpenMP (``libgomp``, the runtime PyTorch and
GCC-built libraries use) when that loads, unless ``MKL_THREADING_LAYER``
says otherwise.  Its default, Intel's OpenMP, would be loaded into the
process's global symbol scope, where it takes over the OpenMP calls of every
library loaded after it (PyTorch's included), and its threads busy-wait
200 ms after each parallel GEMM, stealing a core from whatever runs next.

This module finds the libraries and their thread controls;
:func:`.blas_choice.gemm_address` applies the policy above.

Example
-------
>>> address, bits, name = FINDERS["numpy"]("dgemm")
>>> address > 0 and bits == 64 and name == "numpy"
True
"""
from __future__ import annotations

import ctypes
import glob
import os
import sys
import threading
from functools import lru_cache
from typing import Callable

import numpy as np

__all__ = ["FINDERS", "MISSING", "CHOICES", "from_path", "openmp_functions", "OPENMP_FUNCTIONS",
           "thread_setter", "passive_waiting"]

_MKL_THREADING_GNU = 3   # mkl_service.h: MKL_THREADING_INTEL = 0, SEQUENTIAL = 1, PGI = 2, GNU = 3

CHOICES = ("mkl", "numpy", "scipy")


def from_path(path: str, name: str) -> tuple[int, int, str]:
    lib = ctypes.CDLL(path)   # OSError names the path
    for symbol in (name + "_", name):
        if hasattr(lib, symbol):
            return ctypes.cast(getattr(lib, symbol), ctypes.c_void_p).value, 32, path
    raise RuntimeError(f"SYMGRAD_BLAS={path!r} exports neither {name}_ nor {name}")


@lru_cache(maxsize=None)
def _mkl_library() -> ctypes.CDLL | None:
    for path in _mkl_paths():
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        passive_waiting()
        if "MKL_THREADING_LAYER" not in os.environ and _loads("libgomp.so.1"):
            layer = lib.MKL_Set_Threading_Layer(ctypes.c_int(_MKL_THREADING_GNU))   # before MKL's first call
            lib.symgrad_on_gomp = layer == _MKL_THREADING_GNU
        return lib
    return None


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _mkl_paths() -> list[str]:
    """libmkl_rt from the ``mkl`` wheel, else from this environment's lib directory (conda)."""
    paths = []
    try:
        from importlib import metadata
        paths += [str(f.locate()) for f in metadata.files("mkl") or () if f.name.startswith("libmkl_rt.so")]
    except Exception:  # noqa: BLE001 - not installed, or metadata without a file list
        pass
    for prefix in dict.fromkeys((sys.prefix, sys.base_prefix)):
        paths += sorted(glob.glob(os.path.join(prefix, "lib", "libmkl_rt.so*")))
    return [p for p in dict.fromkeys(paths) if os.path.exists(p)]


def _mkl(name: str) -> tuple[int, int, str] | None:
    lib = _mkl_library()
    fn = getattr(lib, f"{name}_64", None) if lib is not None else None   # ILP64 whatever the interface layer
    return None if fn is None else (ctypes.cast(fn, ctypes.c_void_p).value, 64, "mkl")


@lru_cache(maxsize=None)
def _numpy_openblas_library() -> ctypes.CDLL | None:
    """NumPy's bundled ILP64 OpenBLAS (wheels: ``numpy.libs/libscipy_openblas64_*.so``)."""
    libs = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    for path in sorted(glob.glob(os.path.join(libs, "libscipy_openblas64_*.so*"))):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        if hasattr(lib, "scipy_dgemm_64_"):
            return lib
    return None


def _numpy_openblas(name: str) -> tuple[int, int, str] | None:
    lib = _numpy_openblas_library()
    fn = getattr(lib, f"scipy_{name}_64_", None) if lib is not None else None
    return None if fn is None else (ctypes.cast(fn, ctypes.c_void_p).value, 64, "numpy")


def _scipy(name: str) -> tuple[int, int, str] | None:
    try:
        from scipy.linalg import cython_blas
    except ImportError:
        return None
    capsule = cython_blas.__pyx_capi__[name]
    get_name = ctypes.pythonapi.PyCapsule_GetName
    get_name.restype, get_name.argtypes = ctypes.c_char_p, [ctypes.py_object]
    get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
    get_pointer.restype, get_pointer.argtypes = ctypes.c_void_p, [ctypes.py_object, ctypes.c_char_p]
    signature = get_name(capsule)
    # the kernel passes 32-bit ints by pointer: refuse a BLAS with another ABI
    if signature is None or signature.count(b"int *") != 6 \
            or not signature.startswith(b"void (char *, char *"):
        raise RuntimeError(f"unexpected signature of scipy's {name}: {signature!r}")
    address = get_pointer(capsule, signature)
    if not address:
        raise RuntimeError(f"no address for scipy's {name}")
    return address, 32, "scipy"


#: the libgomp entry points a tensor kernel's parallel loops call, in slot order
OPENMP_FUNCTIONS = ("GOMP_parallel", "omp_get_thread_num", "omp_get_num_threads", "omp_get_max_threads")


def openmp_functions(blas: str) -> list[int] | None:
    """Addresses of :data:`OPENMP_FUNCTIONS` when a kernel calling ``blas`` should run its
    loops on several threads, else None (the loops then run on the calling thread).

    The loops use GNU OpenMP's thread pool only when MKL runs its GEMMs on that same
    pool: the two then take turns on the same threads.  Beside OpenBLAS's own pthreads,
    libgomp's workers spin through each GEMM and take a core from it: the T3 step on
    OpenBLAS with split loops took 31 ms instead of 1.75 (float64, 2 cores).
    How many threads a call's chunks get is :func:`thread_setter`'s business
    (``omp_get_max_threads`` of the calling thread).
    """
    if blas != "mkl" or not getattr(_mkl_library(), "symgrad_on_gomp", False):
        return None
    gomp = ctypes.CDLL("libgomp.so.1")   # already loaded by MKL's GNU layer: the same pool
    return [ctypes.cast(getattr(gomp, f), ctypes.c_void_p).value for f in OPENMP_FUNCTIONS]


def passive_waiting() -> None:
    """Make idle OpenMP threads sleep rather than spin, unless the user chose otherwise.

    libgomp reads ``OMP_WAIT_POLICY`` once, when it loads, so this runs before
    MKL loads it; a libgomp already loaded (by PyTorch, say) keeps its policy.
    Spinning threads take the cores that other processes, or the caller's next
    step, wait for (GNU's default spins ~0.3 ms after each parallel region;
    Intel's OpenMP 200 ms, hence ``KMP_BLOCKTIME``)."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    os.environ.setdefault("KMP_BLOCKTIME", "0")


_thread_count = threading.local()   # the team size the BLAS was last told, per OS thread


@lru_cache(maxsize=None)
def thread_setter(blas: str) -> Callable[[int], None] | None:
    """``set(n)``: the calling thread's next GEMMs and OpenMP row chunks use at most ``n``
    threads (MKL's and libgomp's thread-local settings; OpenBLAS's count is process-wide,
    so its setter has ``restore()``, which the caller runs after the kernel returns).
    Unless ``SYMGRAD_NUM_THREADS`` is set, ``n`` is also capped by the count the library
    started with (``OMP_NUM_THREADS``, ``MKL_NUM_THREADS``, ``OPENBLAS_NUM_THREADS``).
    None for a BLAS symgrad cannot steer (SciPy's, a library path)."""
    from ..threads import requested_threads
    if blas == "mkl":
        lib = _mkl_library()
        initial = lib.MKL_Get_Max_Threads()
        calls = [lib.MKL_Set_Num_Threads_Local]
        if getattr(lib, "symgrad_on_gomp", False):
            calls.append(ctypes.CDLL("libgomp.so.1").omp_set_num_threads)   # the row chunks' team
    elif blas == "numpy":
        lib = _numpy_openblas_library()
        if lib is None:
            return None
        initial = lib.scipy_openblas_get_num_threads64_()
        calls = [lib.scipy_openblas_set_num_threads64_]
    else:
        return None
    local = blas == "mkl"
    shared = [initial]

    def apply(n: int) -> None:
        if (getattr(_thread_count, blas, 0) if local else shared[0]) != n:
            for call in calls:
                call(ctypes.c_int(n))
            if local:
                setattr(_thread_count, blas, n)
            else:
                shared[0] = n

    def set_threads(n: int) -> None:
        apply(n if requested_threads() else min(n, initial))
    set_threads.initial = initial
    if not local:   # process-wide: NumPy's own products keep their count between symgrad's calls
        set_threads.restore = lambda: apply(initial)
    return set_threads


FINDERS = {"mkl": _mkl, "numpy": _numpy_openblas, "scipy": _scipy}
MISSING = {"mkl": "no libmkl_rt with dgemm_64 was found (pip install 'symgrad[mkl]')",
            "numpy": "NumPy's bundled OpenBLAS was not found (NumPy not installed from a wheel?)",
            "scipy": "SciPy is not installed"}
