"""Compiled n-D tensor programs (:mod:`.nd`) and the checked call into them.

The call path is :class:`~symgrad.codegen.tensor_call.TensorSignature`'s: it
checks every argument's rank, lengths and dimension symbols first.  Then
:class:`NDKernel` binds the dimensions, makes each argument C-contiguous in
the kernel's dtype, allocates one fresh buffer per operation (so every output
is a new array) and runs the machine code.

Example
-------
>>> import numpy as np, sympy as sp
>>> from sympy.tensor.array.expressions import ArraySymbol
>>> import symgrad as sg
>>> from symgrad.tensor import Sum
>>> x, b = ArraySymbol("x", (2, 3, 4)), ArraySymbol("b", (3, 1))
>>> fn = sg.compile(Sum(sp.tanh(x + b)), wrt=[b], backend="llvm")
>>> value, grads = fn(x=np.zeros((2, 3, 4)), b=np.zeros((3, 1)))
>>> float(value), grads[0].ravel().tolist()
(0.0, [8.0, 8.0, 8.0])
"""
from __future__ import annotations

import ctypes
import hashlib
from typing import Any, Sequence

import numpy as np
import sympy as sp

from symgrad.ir.program import Program

from ..callable import CompiledFunction
from ..tensor_call import TensorSignature
from .blas_choice import gemm_address
from .emit import KERNEL
from .jit import JITLibrary, host_target, load_or_build
from .nd import NDEmitter, buffer_nodes

__all__ = ["NDKernel", "build_nd"]

_KERNEL_TYPE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)
_INT32_MAX = 2**31 - 1


class NDKernel:
    """The machine code of one n-D program for one dtype; call it with checked arrays."""

    def __init__(self, program: Program, dtype: Any):
        self.program = program
        self.dtype = np.dtype(dtype)
        self.signature = sig = TensorSignature(program)
        self._gemm, bits, self.blas = gemm_address(self.dtype)
        self._int_bits = bits
        dims = list(sig.dims)
        self.source = str(NDEmitter(program, self.dtype, sig.args, dims, blas_int_bits=bits).emit())
        self.library, self.how = self._build()
        self._fn = _KERNEL_TYPE(self.library.get_function_address(KERNEL))
        self._buffers = buffer_nodes(program)
        self._dim_src = [(sig.args.index(sig.dims[d][0]), sig.dims[d][1]) for d in dims]
        self._dims = dims

    def _build(self) -> tuple[JITLibrary, str]:
        """Machine code from the disk cache (:mod:`.cache`) when it holds this IR for this host."""
        h = host_target()
        return load_or_build(f"symgrad-nd-{self.program.fingerprint()[:12]}", self.source, [
            "nd", self.program.fingerprint(), hashlib.sha256(self.source.encode()).hexdigest(),
            self.dtype.name, h.triple, h.cpu, h.features, h.llvmlite_version, h.llvm_version,
        ])

    def __call__(self, *arrays: np.ndarray) -> list[Any]:
        arrays = [np.ascontiguousarray(a, dtype=self.dtype) for a in arrays]
        values = [arrays[k].shape[axis] for k, axis in self._dim_src]
        bound = dict(zip(self._dims, values))
        if self._int_bits == 32 and any(v > _INT32_MAX for v in values):
            raise ValueError(f"dimensions {bound} exceed the 32-bit integers of this BLAS")
        buffers = {i: np.empty(tuple(_size(d, bound) for d in self.program.nodes[i].shape),
                               dtype=self.dtype) for i in self._buffers}
        slots = (ctypes.c_void_p * (len(arrays) + len(buffers) + 1))()
        for k, a in enumerate(arrays):
            slots[k] = a.ctypes.data
        for k, i in enumerate(self._buffers):
            slots[len(arrays) + k] = buffers[i].ctypes.data
        slots[len(arrays) + len(buffers)] = self._gemm
        dims = (ctypes.c_int64 * max(1, len(values)))(*values)
        self._fn(ctypes.cast(slots, ctypes.c_void_p), ctypes.cast(dims, ctypes.c_void_p))
        index = dict(self.program.inputs)
        by_name = {n: arrays[k] for k, n in enumerate(self.signature.args)}
        outs = []
        for _, i in self.program.outputs:
            node = self.program.nodes[i]
            if i in buffers:
                outs.append(buffers[i])
            elif node.op is sp.Number:
                outs.append(self.dtype.type(float(node.attr)))
            else:
                name = next(n for n, j in index.items() if j == i)
                outs.append(by_name[name].copy() if name in by_name else self.dtype.type(bound[name]))
        return outs


def _size(d: Any, bound: dict[str, int]) -> int:
    """A dimension's length: an int, or an expression in dimension symbols (``9*N``)."""
    if isinstance(d, int):
        return d
    return int(d.xreplace({s: bound[str(s)] for s in d.free_symbols}))


def build_nd(program: Program, dtype: np.dtype, wrt: Sequence[str]) -> CompiledFunction:
    """A :class:`CompiledFunction` for an n-D program on the llvm backend (see :mod:`.nd`)."""
    kernel = NDKernel(program, dtype)
    return CompiledFunction(program, kernel, kernel.source, np.dtype(dtype), wrt, "llvm",
                            kernel.signature.call, args=kernel.signature.args)
