"""Compiled scalar kernels and the checked call into them.

A :class:`ScalarKernel` holds the machine code of one program for one dtype,
one :class:`~symgrad.codegen.llvm.jit.JITLibrary` per broadcast pattern (which inputs
are arrays and which are single values broadcast over the batch), compiled on
first use and looked up in the disk cache first.

:func:`call_scalar` is the ``_call`` of the :class:`CompiledFunction`: it is
the only way data reaches the kernel, and it hands over nothing but aligned,
C-contiguous arrays of the compiled dtype whose sizes it has checked, and
output memory that no live result refers to.  Small batches are copied into
per-thread blocks (:meth:`ScalarKernel.run_small`); large ones are passed in
place and may be split across cores (:meth:`ScalarKernel.run`).

Example
-------
>>> import numpy as np, sympy as sp, symgrad as sg
>>> x, y = sp.symbols("x y")
>>> k = ScalarKernel(sg.grad(x * y, [x]).program, np.float64)
>>> outs = [np.empty(3), np.empty(3)]
>>> k.run(3, [np.arange(3.0), np.array([2.0])], (True, False), outs)
>>> outs[0], outs[1]
(array([0., 2., 4.]), array([2., 2., 2.]))
"""
from __future__ import annotations

import ctypes
import hashlib
import itertools
import math
import sys
import threading
import time
from typing import Any, Sequence

import numpy as np

from symgrad.ir.program import Program

from ..threads import max_threads
from .emit import KERNEL, emit_module
from .jit import FULL, QUICK, JITLibrary, OptLevel, host_target, load_or_build
from .mathlib import default_math

__all__ = ["ScalarKernel", "call_scalar", "PARALLEL_MIN_SIZE", "CHUNK_SIZE", "max_threads",
           "QUICK_OPS", "opt_level"]

#: batches at least this large are split across threads (see benchmarks/t1_scalar.py)
PARALLEL_MIN_SIZE = 100_000
#: batches up to this size go through reused per-thread blocks (ScalarKernel.run_small)
SMALL_SIZE = 1024
#: elements per chunk handed to a thread (~0.5 ms of work for T1, ~1% Python overhead)
CHUNK_SIZE = 16_384

#: programs with more computed nodes than this compile at jit.QUICK, not jit.FULL: about
#: 1.4 ms per node at FULL (a 10,000-node tanh program: 14 s) against 0.3 ms at QUICK, see
#: benchmarks/compile_scale.py; T2's largest net (7,076 nodes) stays at FULL
QUICK_OPS = 10_000

#: reusing an output block relies on CPython's exact reference counts
_REFCOUNTS = sys.implementation.name == "cpython"

_KERNEL_TYPE = ctypes.CFUNCTYPE(None, ctypes.c_int64, ctypes.c_void_p, ctypes.c_void_p)


def opt_level(program: Program) -> OptLevel:
    """The LLVM optimization level for ``program``: :data:`~.jit.QUICK` beyond
    :data:`QUICK_OPS` computed nodes, else :data:`~.jit.FULL`."""
    return QUICK if sum(1 for n in program.nodes if n.args) > QUICK_OPS else FULL


class ScalarKernel:
    """Machine code for one scalar program and dtype, per broadcast pattern.

    Attributes
    ----------
    timings : dict
        ``pattern -> (seconds, "compiled" | "cached")`` for each pattern built.
    level : OptLevel
        How hard LLVM optimizes (:func:`opt_level`).
    math
        The transcendental-function provider (default: :func:`.mathlib.default_math`).
    """

    def __init__(self, program: Program, dtype: np.dtype, math=None):
        self.program = program
        self.dtype = np.dtype(dtype)
        self.math = default_math() if math is None else math
        self.fingerprint = program.fingerprint()
        self.level = opt_level(program)
        self.n_in = len(program.inputs)
        self.n_out = len(program.outputs)
        self._libs: dict[tuple[bool, ...], tuple[JITLibrary, Any]] = {}
        self._lock = threading.Lock()
        self._ir: dict[tuple[bool, ...], str] = {}
        self._spare: np.ndarray | None = None
        self._spare_lock = threading.Lock()
        self._local = threading.local()
        self.timings: dict[tuple[bool, ...], tuple[float, str]] = {}

    def ir(self, pattern: Sequence[bool] | None = None) -> str:
        """The readable, unoptimized IR for ``pattern`` (default: all arrays)."""
        pattern = (True,) * self.n_in if pattern is None else tuple(pattern)
        text = self._ir.get(pattern)
        if text is None:
            text = self._ir[pattern] = str(emit_module(self.program, self.dtype, pattern, self.math))
        return text

    def library(self, pattern: Sequence[bool]) -> JITLibrary:
        return self._get(tuple(pattern))[0]

    def function(self, pattern: Sequence[bool]):
        return self._get(tuple(pattern))[1]

    def _get(self, pattern: tuple[bool, ...]):
        got = self._libs.get(pattern)
        if got is None:
            with self._lock:  # one compile per pattern, even with concurrent callers
                got = self._libs.get(pattern)
                if got is None:
                    got = self._libs[pattern] = self._build(pattern)
        return got

    def _key(self, pattern: tuple[bool, ...], ir_text: str) -> list[str]:
        h = host_target()
        return ([
            self.fingerprint, hashlib.sha256(ir_text.encode()).hexdigest(),
            self.dtype.name, "".join("a" if p else "s" for p in pattern), getattr(self.math, "name", ""),
            str(self.level), h.triple, h.cpu, h.features, h.llvmlite_version, h.llvm_version,
        ])

    def _build(self, pattern: tuple[bool, ...]):
        t0 = time.perf_counter()
        ir_text = self.ir(pattern)
        lib, how = load_or_build(f"symgrad-{self.fingerprint[:12]}", ir_text,
                                 self._key(pattern, ir_text), self.level)
        fn = _KERNEL_TYPE(lib.get_function_address(KERNEL))
        self.timings[pattern] = (time.perf_counter() - t0, how)
        return lib, fn

    def run_small(self, shape: tuple[int, ...], size: int,
                  arrays: Sequence[np.ndarray]) -> list[Any]:
        """Small batches and single points, where per-call overhead dominates.

        The arguments are copied (broadcasting as they go, which also checks
        their shapes) into a per-thread input block of this size, and the
        all-array kernel writes a per-thread output block; the results are
        copies.  Pointers into both blocks are computed once per size, so a
        call costs a few small copies instead of one pointer lookup per array.
        """
        bufs = getattr(self._local, "bufs", None)
        if bufs is None or bufs[0] != size:
            item = self.dtype.itemsize
            in_block = np.zeros((max(1, self.n_in), size), dtype=self.dtype)
            out_block = np.zeros((max(1, self.n_out), size), dtype=self.dtype)
            rows = np.arange(max(1, self.n_in), dtype=np.uintp) * np.uintp(size * item)
            in_ptrs = np.uintp(in_block.ctypes.data) + rows
            rows = np.arange(max(1, self.n_out), dtype=np.uintp) * np.uintp(size * item)
            out_ptrs = np.uintp(out_block.ctypes.data) + rows
            bufs = (size, in_block, out_block, in_ptrs, out_ptrs,
                    in_ptrs.ctypes.data, out_ptrs.ctypes.data)
            self._local.bufs = bufs
        _, in_block, out_block, _, _, in_addr, out_addr = bufs
        for k, a in enumerate(arrays):
            in_block[k].reshape(shape)[...] = a
        self.function((True,) * self.n_in)(size, in_addr, out_addr)
        if size == 1 and not shape:
            return [out_block[k, 0] for k in range(self.n_out)]
        return [out_block[k].reshape(shape).copy() for k in range(self.n_out)]

    def outputs(self, shape: tuple[int, ...], size: int) -> list[np.ndarray]:
        """Output arrays, all rows of one ``(n_out, size)`` block.

        One block instead of ``n_out`` arrays: NumPy asks the kernel for huge
        pages on large allocations, so fresh outputs cost a few page faults
        instead of thousands.  And when every result of the previous call has
        been dropped (the block's reference count shows no view of it is
        alive), its memory is reused: already-mapped pages are much cheaper to
        write than fresh ones, which matters in a loop of repeated calls.
        """
        with self._spare_lock:
            block = self._spare
            # references: self._spare, the local name, getrefcount's argument
            if (block is None or block.shape != (self.n_out, size) or not _REFCOUNTS
                    or sys.getrefcount(block) > 3):
                block = np.empty((self.n_out, size), dtype=self.dtype)
                self._spare = block if size >= 4096 else None
        return [block[k].reshape(shape) for k in range(self.n_out)]

    def output_pointers(self, outputs: Sequence[np.ndarray]) -> np.ndarray:
        """Data addresses of the rows :meth:`outputs` returned, from one lookup."""
        if not outputs:
            return np.zeros(1, dtype=np.uintp)
        row = outputs[0].size * self.dtype.itemsize
        ptrs = np.uintp(outputs[0].ctypes.data) + np.arange(len(outputs), dtype=np.uintp) * np.uintp(row)
        if int(ptrs[-1]) != outputs[-1].ctypes.data:  # the rows must be one block
            raise AssertionError("internal error: outputs are not rows of one block")
        return ptrs

    def run(self, n: int, inputs: Sequence[np.ndarray], pattern: tuple[bool, ...],
            outputs: Sequence[np.ndarray], threads: int = 1,
            out_ptrs: np.ndarray | None = None) -> None:
        """Run on prepared arrays: the caller guarantees sizes and layout.

        Array inputs and every output are C-contiguous with ``n`` elements of
        the kernel's dtype, broadcast inputs have at least one element.

        ``out_ptrs`` may give the outputs' addresses (see
        :meth:`output_pointers`) to save one lookup per output.

        Large batches are cut into chunks that ``threads`` threads take from
        a shared counter, so a core that is busy with something else simply
        takes fewer chunks (a fixed split would wait for the slowest half).
        """
        fn = self.function(pattern)
        item = self.dtype.itemsize
        in_base = np.array([a.ctypes.data for a in inputs] or [0], dtype=np.uintp)
        in_step = np.array([item if arr else 0 for arr in pattern] or [0], dtype=np.uintp)
        if out_ptrs is None:
            out_ptrs = np.array([o.ctypes.data for o in outputs] or [0], dtype=np.uintp)
        out_base = out_ptrs
        if threads <= 1 or n < PARALLEL_MIN_SIZE:
            fn(n, in_base.ctypes.data, out_base.ctypes.data)
            return
        chunk = CHUNK_SIZE
        n_chunks = -(-n // chunk)
        counter = itertools.count()  # next() is atomic under the GIL

        def worker() -> None:
            ins, outs = np.empty_like(in_base), np.empty_like(out_base)
            while (c := next(counter)) < n_chunks:
                lo = c * chunk
                np.add(in_base, in_step * np.uintp(lo), out=ins)
                np.add(out_base, np.uintp(lo * item), out=outs)
                # ctypes releases the GIL for the call: the chunks run in parallel
                fn(min(chunk, n - lo), ins.ctypes.data, outs.ctypes.data)

        helpers = [threading.Thread(target=worker, daemon=True) for _ in range(threads - 1)]
        for h in helpers:
            h.start()
        worker()
        for h in helpers:
            h.join()


def broadcast_shape(names: Sequence[str], arrays: Sequence[np.ndarray],
                    dtype: np.dtype) -> tuple[int, ...]:
    """The shape of the results; checks that every argument has ``dtype``."""
    for n, a in zip(names, arrays):
        if a.dtype != dtype:  # bind converts; refuse anything else outright
            raise TypeError(f"argument {n!r} has dtype {a.dtype}, the kernel takes {dtype}")
    if not arrays:
        return ()
    first = arrays[0].shape
    if all(a.shape == first for a in arrays):
        return first
    try:
        return np.broadcast_shapes(*(a.shape for a in arrays))
    except ValueError:
        detail = ", ".join(f"{n}: {a.shape}" for n, a in zip(names, arrays))
        raise ValueError(f"arguments do not broadcast together ({detail})") from None


def prepare(names: Sequence[str], arrays: Sequence[np.ndarray], dtype: np.dtype):
    """Broadcast shape, kernel-ready inputs and the broadcast pattern.

    Every input becomes either a C-contiguous array with one element per
    output element (``True`` in the pattern) or a single value (``False``).
    """
    shape = broadcast_shape(names, arrays, dtype)
    size = math.prod(shape)
    ready, pattern = [], []
    for n, a in zip(names, arrays):
        if not a.flags.aligned:  # e.g. np.frombuffer at an odd offset: LLVM assumes alignment
            a = a.copy()
        if a.size == 1 and size != 1:
            ready.append(np.ascontiguousarray(a.reshape(1)))
            pattern.append(False)
        elif a.size == size:
            # same element count as the result: broadcasting only adds unit
            # dimensions, so the C-order layout is the result's
            ready.append(np.ascontiguousarray(a))
            pattern.append(True)
        else:
            ready.append(np.ascontiguousarray(np.broadcast_to(a, shape)))
            pattern.append(True)
    for n, a, arr in zip(names, ready, pattern):
        need = size if arr else 1
        if a.size < need or not a.flags.c_contiguous or not a.flags.aligned or a.dtype != dtype:
            raise AssertionError(f"internal error: argument {n!r} is not kernel-ready")
    return shape, size, ready, tuple(pattern)


def call_scalar(fn, arrays: list[np.ndarray]) -> list[Any]:
    """``CompiledFunction._call`` for the llvm backend (see the module docstring)."""
    kernel: ScalarKernel = fn.kernel
    if len(arrays) != kernel.n_in:
        raise TypeError(f"expected {kernel.n_in} arguments, got {len(arrays)}")
    shape = broadcast_shape(fn.args, arrays, kernel.dtype)
    size = math.prod(shape)
    if 0 < size <= SMALL_SIZE:
        return kernel.run_small(shape, size, arrays)
    shape, size, ready, pattern = prepare(fn.args, arrays, kernel.dtype)
    outs = kernel.outputs(shape, size)
    if size > 0:
        kernel.run(size, ready, pattern, outs, threads=max_threads(),
                   out_ptrs=kernel.output_pointers(outs))
    return [o[()] if o.ndim == 0 else o for o in outs]
