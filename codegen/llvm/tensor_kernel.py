"""Compiled tensor programs and the checked call into them.

:class:`TensorKernel` owns the machine code of one tensor program for one
dtype (built through :class:`~symgrad.codegen.llvm.jit.JITLibrary`, or loaded from
the disk cache of :mod:`.cache`), the address of the BLAS ``gemm`` (:mod:`.blas`), and
the workspace buffers.  Calling it is the only road into the machine code,
and it checks everything first:

* each argument's dtype is the kernel's, its shape is exactly the declared
  one with the dimension symbols (the batch size ``N``) bound consistently,
  and it is C-contiguous (anything else is copied);
* dimensions fit BLAS's 32-bit integers;
* class labels (``OneHot``) are integers in ``0..K-1``: the kernel notes the
  first bad one in a status buffer and the call raises the numpy backend's
  ``ValueError``;
* outputs are new arrays as far as any caller can tell: views of a block
  that is recycled only when no earlier result still refers to it (see
  :meth:`TensorKernel._outputs`); temporaries live in a workspace sized once
  per batch size and reused (a concurrent call that finds it busy gets a
  private one).
* the BLAS is MKL when installed, else NumPy's bundled OpenBLAS, else
  SciPy's (``SYMGRAD_BLAS`` chooses; see :mod:`.blas`); its address travels
  in the slot array, so cached object code stays valid in other processes.

An empty batch (``N = 0``) runs the kernel too: every loop and GEMM is empty
and the results are what NumPy arrays give for an empty batch: column sums
and weight gradients are zeros, and a mean over the batch is ``0 * (1/0)``,
i.e. nan, the same as the numpy backend.
"""
from __future__ import annotations

import ctypes
import hashlib
import threading
import time
from typing import Any, Sequence

import numpy as np
import sympy as sp

from symgrad.ir.program import Program

from ..callable import CompiledFunction
from ..tensor_call import TensorSignature, first_bad_label, label_error
from ..threads import team_size
from .blas import openmp_functions, thread_setter
from .blas_choice import gemm_address
from .emit import KERNEL
from .fusion import not_2d
from .jit import JITLibrary, host_target, load_or_build
from .mathlib import default_math
from .outputs import recycled_block
from .tensor import Layout, emit_tensor_module

__all__ = ["TensorKernel", "gemm_address", "build_tensor"]

_KERNEL_TYPE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)
_INT32_MAX = 2**31 - 1


class TensorKernel:
    """Machine code of one tensor program; call it with checked 2-D arrays.

    Attributes
    ----------
    layout : Layout
    source : str
        The LLVM IR, before optimization.
    timing : tuple
        ``(seconds, "compiled" | "cached")`` of the build.
    blas : str
        Which BLAS the GEMMs call (see :func:`gemm_address`).

    Examples
    --------
    >>> import numpy as np, symgrad as sg
    >>> from symgrad import nn, losses
    >>> X, Y = nn.input("X", 3), nn.input("Y", 2)
    >>> net = nn.Dense(3, 2, name="1")
    >>> p = sg.grad(losses.mse(net(X), Y), net.parameters()).program
    >>> k = TensorKernel(p, "float64")
    >>> k.layout.args
    ['W1', 'X', 'Y', 'b1']
    >>> value, dW, db = k(np.ones((3, 2)), np.ones((4, 3)), np.zeros((4, 2)), np.zeros((1, 2)))
    >>> float(value), dW.shape, db.tolist()
    (9.0, (3, 2), [[3.0, 3.0]])
    """

    #: every output is a new array: a piece of a block no other output or input shares, or a
    #: copy (:meth:`_result_recipe`), so callers need not check for aliasing
    fresh_outputs = True

    def __init__(self, program: Program, dtype: Any):
        t0 = time.perf_counter()
        self.program = program
        self.dtype = np.dtype(dtype)
        self.layout = lay = Layout(program)
        self.signature = TensorSignature(program)
        self.math = default_math()
        self._gemm, bits, self.blas = gemm_address(self.dtype)
        self._omp = openmp_functions(self.blas)   # None: the loops run on the calling thread
        self._set_threads = thread_setter(self.blas)   # per call: threads where the work pays for them
        self._restore_threads = getattr(self._set_threads, "restore", None)
        self.source = str(emit_tensor_module(program, self.dtype, lay, self.math, bits))
        self.library, how = self._build()
        self._fn = _KERNEL_TYPE(self.library.get_function_address(KERNEL))
        nodes, index = program.nodes, dict(program.inputs)
        self._arg_nodes = [index[a] for a in lay.args]
        self._dim_src = [(lay.args.index(arg), axis) for arg, axis in
                         (self.signature.dims[d] for d in lay.dims)]
        # shapes as tuples of ints and dims positions: no SymPy on the call path
        dpos = {d: k for k, d in enumerate(lay.dims)}
        self._tmpl = {i: tuple(d if isinstance(d, int) else -1 - dpos[str(d)] for d in nodes[i].shape)
                      for i in set(self._arg_nodes) | set(lay.outputs) | set(lay.workspace)}
        self._recipe = self._result_recipe()
        self._plans: dict[tuple, dict] = {}
        self._arg_shapes: dict[tuple, list] = {}   # dims -> expected argument shapes
        self._lock = threading.Lock()        # held while the shared workspace is in use
        self._pool_lock = threading.Lock()
        self.timing = (time.perf_counter() - t0, how)

    def _build(self) -> tuple[JITLibrary, str]:
        h = host_target()
        return load_or_build(f"symgrad-tensor-{self.program.fingerprint()[:12]}", self.source, [
            "tensor", self.program.fingerprint(), hashlib.sha256(self.source.encode()).hexdigest(),
            self.dtype.name, getattr(self.math, "name", ""),
            h.triple, h.cpu, h.features, h.llvmlite_version, h.llvm_version,
        ])

    # -- the checked call ---------------------------------------------------------------
    def _shape(self, i: int, dims: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(d if d >= 0 else dims[-1 - d] for d in self._tmpl[i])

    def prepare(self, arrays: Sequence[np.ndarray]) -> tuple[list[np.ndarray], tuple[int, ...]]:
        """Kernel-ready inputs and the dimension values; raises on anything unsafe."""
        lay = self.layout
        if len(arrays) != len(lay.args):
            raise TypeError(f"expected {len(lay.args)} arrays ({lay.args}), got {len(arrays)}")
        arrays = [np.asarray(a) for a in arrays]
        dims = []
        for d, (k, axis) in zip(lay.dims, self._dim_src):
            a = arrays[k]
            if a.ndim != 2:
                raise ValueError(f"argument {lay.args[k]!r} has shape {a.shape}; expected a 2-D array")
            n = int(a.shape[axis])
            if n > _INT32_MAX:
                raise ValueError(f"dimension {d} = {n} (from {lay.args[k]!r}) exceeds "
                                 f"the BLAS limit of {_INT32_MAX}")
            dims.append(n)
        dims = tuple(dims)
        ready = []
        wants = self._arg_shapes.get(dims)
        if wants is None:   # no workspace is made for dimensions before the arguments pass
            wants = [self._shape(i, dims) for i in self._arg_nodes]
            if len(self._arg_shapes) < 8:
                self._arg_shapes[dims] = wants
        for name, want, a in zip(lay.args, wants, arrays):
            if a.dtype != self.dtype:
                raise TypeError(f"argument {name!r} has dtype {a.dtype}; the kernel takes {self.dtype}")
            if a.shape != want:
                raise ValueError(f"argument {name!r} has shape {a.shape}; expected {want}")
            ready.append(a if a.flags.c_contiguous and a.flags.aligned else np.ascontiguousarray(a))
        return ready, dims

    def _plan(self, dims: tuple[int, ...]) -> dict:
        """Per batch size: the workspace, slot template and output layout (made once)."""
        plan = self._plans.get(dims)
        if plan is None:
            lay, item = self.layout, self.dtype.itemsize
            shapes = [self._shape(i, dims) for i in lay.outputs]
            out, total = [], 0
            for sh in shapes:   # 64-byte aligned pieces of one block
                size = int(np.prod(sh, dtype=np.int64))
                out.append((total, total + size, sh))
                total += -(-max(1, size) * item // 64) * 64 // item
            plan = {"ws": [np.empty(self._shape(i, dims), self.dtype) for i in lay.workspace],
                    "status": np.zeros(2, self.dtype), "out": out, "size": total, "blocks": [],
                    "offsets": np.array([lo * item for lo, _, _ in out], dtype=np.uintp),
                    "dims": np.array(dims or (0,), dtype=np.int64)}
            plan["dims_at"] = plan["dims"].ctypes.data
            plan["work"] = self._work(dims)
            slots = np.zeros(lay.n_slots, dtype=np.uintp)
            first_ws = len(lay.args) + len(lay.outputs)
            slots[first_ws:first_ws + len(plan["ws"])] = [a.ctypes.data for a in plan["ws"]]
            slots[lay.slot[lay.status]] = plan["status"].ctypes.data
            slots[lay.gemm_slot] = self._gemm
            if self._omp is not None:
                slots[lay.omp_slot:] = self._omp
            plan["slots"], plan["slots_at"] = slots, slots.ctypes.data
            if len(self._plans) >= 2:   # batch sizes change rarely; keep the latest two
                self._plans.pop(next(iter(self._plans)))
            self._plans[dims] = plan
        return plan

    def _work(self, dims: tuple[int, ...]) -> int:
        """Multiply-adds of the GEMMs plus elements of the other nodes, for ``dims``: what
        :func:`symgrad.codegen.threads.team_size` weighs against a thread team's cost."""
        bound = dict(zip(self.layout.dims, dims))
        nodes, work = self.program.nodes, 0
        for step in self.layout.schedule.steps:
            if step.kind == "gemm":
                m, n = self.layout.shape(step.node, bound)
                work += m * n * self.layout.shape(nodes[step.node].args[0], bound)[1]
        for i, node in enumerate(nodes):
            if node.shape and node.args:
                work += int(np.prod(self.layout.shape(i, bound), dtype=np.int64))
        return work

    def _outputs(self, plan: dict) -> tuple[np.ndarray, list[np.ndarray]]:
        """Fresh-looking outputs: views of a block that no earlier result still uses
        (see :mod:`.outputs`)."""
        with self._pool_lock:
            block = recycled_block(plan["blocks"], plan["size"], self.dtype)
        return block, [block[lo:hi].reshape(sh) for lo, hi, sh in plan["out"]]

    def __call__(self, *arrays: np.ndarray) -> list[Any]:
        """Outputs of the program, in ``program.outputs`` order."""
        ready, dims = self.prepare(arrays)
        lay = self.layout
        plan = self._plan(dims)
        block, outs = self._outputs(plan)
        n_in, n_out = len(lay.args), len(outs)
        locked = self._lock.acquire(blocking=False)
        try:
            if locked:    # the shared workspace and slot array are ours until release
                slots, at, status = plan["slots"], plan["slots_at"], plan["status"]
            else:         # another thread runs on them: private copies
                slots = plan["slots"].copy()
                ws = [np.empty(self._shape(i, dims), self.dtype) for i in lay.workspace]
                slots[n_in + n_out:n_in + n_out + len(ws)] = [a.ctypes.data for a in ws]
                status = np.zeros(2, self.dtype)
                slots[lay.slot[lay.status]] = status.ctypes.data
                at = slots.ctypes.data
            slots[:n_in] = [a.__array_interface__["data"][0] for a in ready]
            slots[n_in:n_in + n_out] = plan["offsets"] + np.uintp(block.__array_interface__["data"][0])
            if self._set_threads is not None:
                self._set_threads(team_size(plan["work"]))
            self._fn(at, plan["dims_at"])   # releases the GIL
            if self._restore_threads is not None:
                self._restore_threads()
            if status[0]:
                bad = status.copy()
                status[:] = 0
                raise self._label_error(bad, ready)
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
                result.append(np.array(ready[k]))
            elif kind == "dim":
                result.append(np.asarray(float(dims[k]), self.dtype))
            else:   # a copy: the caller may write into it
                result.append(np.array(k, self.dtype))
        return result

    def _label_error(self, status: np.ndarray, ready: Sequence[np.ndarray]) -> ValueError:
        """The error for a bad class label the kernel noted (see :class:`.tensor.Layout`),
        worded as the numpy backend's: for labels passed as an argument, its first
        bad one; for computed labels, the one the kernel kept."""
        node = self.program.nodes[self.layout.label_checks[int(status[0]) - 1]]
        labels, k = node.args[0], node.attr
        if labels in self._arg_nodes:
            name = self.layout.args[self._arg_nodes.index(labels)]
            value = first_bad_label(ready[self._arg_nodes.index(labels)], k)
        else:
            name, value = self.program.names()[labels], status[1]
        return label_error(name, k, value)

    def _result_recipe(self) -> list[tuple[str, Any]]:
        """Where each program output comes from: ``(kind, index or value)``, made once."""
        p, lay = self.program, self.layout
        recipe, given = [], set()
        for _, i in p.outputs:
            node = p.nodes[i]
            if i in lay.outputs:
                recipe.append(("copy" if i in given else "out", lay.outputs.index(i)))
                given.add(i)
            elif i in self._arg_nodes:
                recipe.append(("in", self._arg_nodes.index(i)))
            elif node.op is sp.Symbol and str(node.attr) in lay.dims:
                recipe.append(("dim", lay.dims.index(str(node.attr))))
            elif node.op is sp.ImmutableDenseMatrix:   # a gradient that is a constant matrix
                recipe.append(("const", np.array(node.attr.tolist(), dtype=np.float64)))
            else:
                recipe.append(("const", float(node.attr)))
        return recipe


def build_tensor(program: Program, dtype: np.dtype, wrt: Sequence[str]) -> CompiledFunction:
    """A :class:`CompiledFunction` whose call checks shapes (``TensorSignature``) then runs
    a :class:`TensorKernel`, which checks again before any pointer reaches machine code.

    Examples
    --------
    >>> import numpy as np, symgrad as sg
    >>> from symgrad import nn, losses
    >>> X, Y = nn.input("X", 3), nn.input("Y", 2)
    >>> net = nn.Dense(3, 2, name="1")
    >>> step = sg.compile(losses.mse(net(X), Y), wrt=net.parameters(), backend="llvm")
    >>> value, grads = step(X=np.ones((4, 3)), Y=np.zeros((4, 2)), W1=np.ones((3, 2)), b1=np.zeros(2))
    >>> float(value), grads["b1"].tolist()
    (9.0, [3.0, 3.0])
    """
    if not_2d(program) is not None:   # ranks other than 2, n-D ops: unfused loop nests
        from .nd_kernel import build_nd
        return build_nd(program, dtype, wrt)
    kernel = TensorKernel(program, dtype)
    return CompiledFunction(program, kernel, kernel.source, np.dtype(dtype), wrt, "llvm",
                            kernel.signature.call, args=kernel.signature.args)
