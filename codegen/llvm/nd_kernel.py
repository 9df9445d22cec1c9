"""Compiled n-D tensor programs (:mod:`.nd`) and the checked call into them.

The call path is :class:`~symgrad.codegen.tensor_call.TensorSignature`'s: it
checks every argument's rank, lengths and dimension symbols first.  Then
:class:`NDKernel` binds the dimensions, makes each argument C-contiguous in
the kernel's dtype and runs the machine code.  Temporaries live in a
workspace made once per batch size and reused (a concurrent call that finds
it busy gets a private one); outputs are views of a block that is recycled
only when no earlier result still refers to it, as in :mod:`.tensor_kernel`,
so results look new to the caller while a training loop writes into pages
that are already mapped (fresh large arrays cost a page fault per 4 KiB).

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
import threading
from typing import Any, Sequence

import numpy as np
import sympy as sp

from symgrad.ir.arrays import OneHot
from symgrad.ir.program import Program

from ..callable import CompiledFunction
from ..tensor_call import TensorSignature, first_bad_label, label_error
from ..threads import team_size
from .blas import thread_setter
from .blas_choice import gemm_address
from .emit import KERNEL
from .jit import JITLibrary, OptLevel, host_target, load_or_build
from .nd import NDEmitter, buffer_nodes
from .outputs import recycled_block

__all__ = ["NDKernel", "build_nd"]

_KERNEL_TYPE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)
#: LLVM's -O2 pipeline, vectorized: on the T5 step as fast as -O3 (A/B on one thread,
#: float32 and float64) and compiled in half the time or less (1.0 s against 2.6 s)
ND_LEVEL = OptLevel(2, 3, True)
_INT32_MAX = 2**31 - 1


class NDKernel:
    """The machine code of one n-D program for one dtype; call it with checked arrays."""

    #: every output is a new array: a piece of a recycled block no other output or input
    #: shares, or a copy (:meth:`_result_recipe`), so callers need not check for aliasing
    fresh_outputs = True

    def __init__(self, program: Program, dtype: Any):
        self.program = program
        self.dtype = np.dtype(dtype)
        self.signature = sig = TensorSignature(program)
        self._gemm, bits, self.blas = gemm_address(self.dtype)
        # per call: BLAS threads only where the work pays for them and a core is idle
        # (a team member waiting for a core stalls every GEMM at its barrier)
        self._set_threads = thread_setter(self.blas)
        self._restore_threads = getattr(self._set_threads, "restore", None)
        self._int_bits = bits
        dims = list(sig.dims)
        self.source = str(NDEmitter(program, self.dtype, sig.args, dims, blas_int_bits=bits).emit())
        self.library, self.how = self._build()
        self._fn = _KERNEL_TYPE(self.library.get_function_address(KERNEL))
        self._buffers = buffer_nodes(program)
        self._dim_src = [(sig.args.index(sig.dims[d][0]), sig.dims[d][1]) for d in dims]
        self._dims = dims
        # outputs computed into buffers come from a recycled block; the other buffers
        # are a workspace made once per batch size (see _plan)
        self._out_nodes = list(dict.fromkeys(i for _, i in program.outputs if i in set(self._buffers)))
        self._input_name = {i: n for n, i in program.inputs}
        self._input_slots = list(sig.args)
        # class labels of OneHot nodes, checked before the call: (argument index, K, name)
        self._labels = [(sig.args.index(self._input_name[n.args[0]]), n.attr, self._input_name[n.args[0]])
                        for n in program.nodes if n.op is OneHot and n.args[0] in self._input_name]
        self._recipe = self._result_recipe()
        self._plans: dict[tuple, dict] = {}
        self._lock = threading.Lock()        # held while the shared workspace is in use
        self._pool_lock = threading.Lock()

    def _build(self) -> tuple[JITLibrary, str]:
        """Machine code from the disk cache (:mod:`.cache`) when it holds this IR for this host."""
        h = host_target()
        return load_or_build(f"symgrad-nd-{self.program.fingerprint()[:12]}", self.source, [
            "nd", self.program.fingerprint(), hashlib.sha256(self.source.encode()).hexdigest(),
            self.dtype.name, str(ND_LEVEL), h.triple, h.cpu, h.features, h.llvmlite_version, h.llvm_version,
        ], ND_LEVEL)

    def _plan(self, values: tuple[int, ...]) -> dict:
        """Per bound dimensions: the workspace of temporaries, the output block layout and
        the slot template (made once; the latest two are kept)."""
        plan = self._plans.get(values)
        if plan is None:
            bound = dict(zip(self._dims, values))
            shapes = {i: tuple(_size(d, bound) for d in self.program.nodes[i].shape)
                      for i in self._buffers}
            out, total, item = {}, 0, self.dtype.itemsize
            for i in self._out_nodes:    # 64-byte aligned pieces of one block
                size = int(np.prod(shapes[i], dtype=np.int64))
                out[i] = (total, total + size, shapes[i])
                total += -(-max(1, size) * item // 64) * 64 // item
            work = sum(int(np.prod(sh, dtype=np.int64)) for sh in shapes.values())
            for i in self._buffers:     # a GEMM's multiply-adds: (m, n) times k
                node = self.program.nodes[i]
                if node.op is sp.MatMul:
                    k = _size(self.program.nodes[node.args[0]].shape[1], bound)
                    work += int(np.prod(shapes[i], dtype=np.int64)) * k
            plan = {"shapes": shapes, "out": out, "size": total, "blocks": [], "work": work,
                    "ws": {i: np.empty(shapes[i], self.dtype) for i in self._buffers if i not in out},
                    "dims": np.array(values or (0,), dtype=np.int64)}
            plan["dims_at"] = plan["dims"].ctypes.data
            # the slot array: arguments and outputs are filled in per call, the
            # workspace pointers and the gemm address once
            n_args = len(self._input_slots)
            slots = np.zeros(n_args + len(self._buffers) + 1, dtype=np.uintp)
            slots[-1] = self._gemm
            for k, i in enumerate(self._buffers):
                if i in plan["ws"]:
                    slots[n_args + k] = plan["ws"][i].ctypes.data
            plan["slots"], plan["slots_at"] = slots, slots.ctypes.data
            plan["out_slots"] = np.array([n_args + self._buffers.index(i) for i in out], dtype=np.intp)
            plan["out_offsets"] = np.array([lo * item for lo, _, _ in out.values()], dtype=np.uintp)
            with self._pool_lock:      # threads with other batch sizes may evict at once
                if len(self._plans) >= 2:   # batch sizes change rarely
                    self._plans.pop(next(iter(self._plans)), None)
                self._plans[values] = plan
        return plan

    def _outputs(self, plan: dict) -> tuple[np.ndarray, dict[int, np.ndarray]]:
        """Fresh-looking outputs: views of a block that no earlier result still uses (its
        reference count says so), so a caller never sees its results change, and a step
        in a loop writes into pages that are already mapped instead of faulting fresh ones."""
        with self._pool_lock:
            block = recycled_block(plan["blocks"], plan["size"], self.dtype)
        return block, {i: block[lo:hi].reshape(sh) for i, (lo, hi, sh) in plan["out"].items()}

    def __call__(self, *arrays: np.ndarray) -> list[Any]:
        arrays = [np.ascontiguousarray(a, dtype=self.dtype) for a in arrays]
        values = tuple(arrays[k].shape[axis] for k, axis in self._dim_src)
        if self._int_bits == 32 and any(v > _INT32_MAX for v in values):
            raise ValueError(f"dimensions {dict(zip(self._dims, values))} exceed the 32-bit "
                             f"integers of this BLAS")
        for k, K, name in self._labels:
            bad = first_bad_label(arrays[k], K)
            if bad is not None:    # before any pointer reaches the kernel
                raise label_error(name, K, bad)
        plan = self._plan(values)
        block, outs = self._outputs(plan)
        locked = self._lock.acquire(blocking=False)
        try:
            if locked:    # the shared workspace and slot array are ours until release
                slots, at = plan["slots"], plan["slots_at"]
            else:         # another thread runs on them: private copies
                slots = plan["slots"].copy()
                n_args = len(self._input_slots)
                private = {i: np.empty(a.shape, self.dtype) for i, a in plan["ws"].items()}
                for i, a in private.items():
                    slots[n_args + self._buffers.index(i)] = a.__array_interface__["data"][0]
                at = slots.ctypes.data
            slots[:len(arrays)] = [a.__array_interface__["data"][0] for a in arrays]
            slots[plan["out_slots"]] = plan["out_offsets"] + np.uintp(block.__array_interface__["data"][0])
            if self._set_threads is not None:
                self._set_threads(team_size(plan["work"]))
            self._fn(at, plan["dims_at"])   # releases the GIL
            if self._restore_threads is not None:
                self._restore_threads()
        finally:
            if locked:
                self._lock.release()
        result = []
        for kind, k in self._recipe:
            if kind == "out":
                result.append(outs[k])
            elif kind == "copy":       # the same node asked for twice: a result of its own
                result.append(outs[k].copy())
            elif kind == "in":
                result.append(arrays[k].copy())
            elif kind == "dim":
                result.append(self.dtype.type(values[k]))
            else:
                result.append(k)
        return result

    def _result_recipe(self) -> list[tuple[str, Any]]:
        """Where each program output comes from: ``(kind, node, argument or dimension index,
        or value)``, made once (as :meth:`.tensor_kernel.TensorKernel._result_recipe`)."""
        recipe, given = [], set()
        for _, i in self.program.outputs:
            node = self.program.nodes[i]
            if i in self._out_nodes:
                recipe.append(("copy" if i in given else "out", i))
                given.add(i)
            elif node.op is sp.Number:
                recipe.append(("const", self.dtype.type(float(node.attr))))
            elif (name := self._input_name[i]) in self._input_slots:
                recipe.append(("in", self._input_slots.index(name)))
            else:
                recipe.append(("dim", self._dims.index(name)))
        return recipe


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
