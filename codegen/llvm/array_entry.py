"""The entry of an array kernel, shared by the 2-D (:mod:`.tensor`) and n-D (:mod:`.nd`) emitters.

Both kernels are ``void kernel(ptr slots, ptr dims)``: ``dims`` holds the
bound dimension sizes, ``slots`` a pointer per argument and buffer, then the
BLAS ``gemm``.  Constant matrices are read-only globals of the module, so an
outlined parallel region reads them too.
"""
from __future__ import annotations

from typing import Mapping, Sequence

import sympy as sp
from llvmlite import ir

from symgrad.ir.program import identifier

from .ops import I64, PTR

__all__ = ["GEMM_TYPE", "ArrayKernelEntry"]

#: the Fortran ``?gemm`` signature, every argument by pointer: transa, transb, m, n, k,
#: alpha, a, lda, b, ldb, beta, c, ldc
GEMM_TYPE = ir.FunctionType(ir.VoidType(), [PTR] * 13)


class ArrayKernelEntry:
    """Mixin for a :class:`~.emit.KernelEmitter`: opens the kernel function and loads its slots."""

    def _open_kernel(self, kernel: str, dims: Sequence[str], slot: Mapping[int, int],
                     gemm_slot: int) -> ir.Block:
        """Define ``kernel``; set ``fn``, ``allocas``, ``b``, ``dimv``, ``ptr``, ``gemm`` and
        ``matrices``; return the entry block (``allocas`` branches to it when done)."""
        fn = ir.Function(self.module, ir.FunctionType(ir.VoidType(), [PTR, PTR]), kernel)
        fn.attributes.add("nounwind")
        slots, dims_arg = fn.args
        slots.name, dims_arg.name = "slots", "dims"
        self.fn = fn
        self.slots_arg, self.dims_arg = slots, dims_arg
        # allocas get a block of their own (stack slots for the BLAS arguments and
        # the sums): builders sharing a block would insert at stale positions
        self.allocas = ir.IRBuilder(fn.append_basic_block("allocas"))
        entry = fn.append_basic_block("entry")
        self.b = b = ir.IRBuilder(entry)
        self.dimv = {d: b.load(b.gep(dims_arg, [ir.Constant(I64, k)], inbounds=True, source_etype=I64),
                               typ=I64, name=identifier(d)) for k, d in enumerate(dims)}
        self.ptr = {}
        for i, k in sorted(slot.items(), key=lambda t: t[1]):
            self.ptr[i] = b.load(b.gep(slots, [ir.Constant(I64, k)], inbounds=True, source_etype=PTR),
                                 typ=PTR, name=f"buf_{self.names[i]}")
        g = b.gep(slots, [ir.Constant(I64, gemm_slot)], inbounds=True, source_etype=PTR)
        self.gemm = b.load(g, typ=ir.PointerType(GEMM_TYPE), name="gemm")
        self.matrices = {i: self._constant_matrix(i) for i, n in enumerate(self.program.nodes)
                         if n.op is sp.ImmutableDenseMatrix}
        return entry

    def _constant_matrix(self, i: int) -> ir.GlobalVariable:
        """A read-only global with the entries of constant matrix node ``i``, row-major."""
        values = [ir.Constant(self.fp, float(e)) for e in self.program.nodes[i].attr]
        typ = ir.ArrayType(self.fp, len(values))
        g = ir.GlobalVariable(self.module, typ, name=f"matrix.{i}")
        g.linkage, g.global_constant, g.initializer = "internal", True, ir.Constant(typ, values)
        return g
