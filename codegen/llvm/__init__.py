"""LLVM backend: scalar programs as one vectorized loop over the batch.

``build(program, dtype, wrt)`` emits LLVM IR for the program
(:mod:`.emit`), optimizes and JIT-compiles it for the host CPU
(:mod:`.jit`), reusing machine code from the disk cache (:mod:`.cache`), and
wraps it in a :class:`~symgrad.codegen.callable.CompiledFunction` whose call checks
and prepares every argument before the kernel sees a pointer
(:mod:`.kernel`).

Example
-------
>>> import sympy as sp, symgrad as sg
>>> x, y, z = sp.symbols("x y z")
>>> fn = sg.compile((x + y) * z, wrt=[x, y, z], backend="llvm")
>>> value, grads = fn(x=-2.0, y=5.0, z=-4.0)
>>> float(value), [float(d) for d in grads]
(-12.0, [-4.0, -4.0, 3.0])
>>> "define void @\\"kernel\\"" in fn.source
True
"""
from __future__ import annotations

from typing import Any, Sequence

from symgrad.ir.program import Program

from ..callable import CompiledFunction, as_dtype
from .kernel import ScalarKernel, call_scalar

__all__ = ["build", "ScalarKernel"]


def build(program: Program, dtype: Any = "float64", wrt: Sequence[str] = ()) -> CompiledFunction:
    """Compile ``program`` to machine code wrapped in a :class:`CompiledFunction`.

    The kernel for inputs that are all arrays (or all scalars) is compiled
    now; a call that mixes arrays with broadcast single values compiles (or
    loads from the cache) a kernel specialized for that pattern on first use.
    ``fn.source`` is the LLVM IR of the all-array kernel, before optimization.
    """
    dt = as_dtype(dtype)
    if any(n.shape for n in program.nodes):
        from .tensor_kernel import build_tensor
        return build_tensor(program, dt, wrt)
    kernel = ScalarKernel(program, dt)
    all_arrays = (True,) * kernel.n_in
    kernel.function(all_arrays)
    return CompiledFunction(program, kernel, kernel.ir(all_arrays), dt, wrt, "llvm", call_scalar)
