"""LLVM IR for n-D tensor programs: loop nests with an index per axis, fused by reading.

The fused row/column schedule of :mod:`.tensor` runs 2-D programs; a program
with arrays of other ranks, or with the movement and window ops of
:mod:`symgrad.ir.movement`, comes here.  :func:`.nd_plan.plan` decides which
nodes get memory; each of those gets one loop nest over its shape (a
reduction adds inner loops over the reduced axes; a ``MatMul`` is one BLAS
``gemm`` call, its operands' transposes as the call's flags).  Inside a
nest, the entry of any node at an index is :meth:`NDEmitter._value`: a
load for a node in memory, else the node computed right there, its
arguments read the same way at mapped indices.  Broadcasting, ``Permute``,
``Reshape``, ``Shrink``, ``Windows`` and ``Pad`` are index maps (:mod:`.nd_maps`);
``FoldWindows`` (col2im) is a gather: an output entry sums the window
entries that cover it (one of them when the windows do not overlap), so it
needs no zeroed buffer and no scatter, and fuses with what reads it.

The kernel signature and the BLAS call are those of :mod:`.tensor`:
``kernel(ptr slots, ptr dims)``, slots holding the array arguments, then one
buffer per node in memory, then the ``gemm`` address.

Example
-------
>>> from sympy.tensor.array.expressions import ArraySymbol
>>> from symgrad.ir.graph import Graph
>>> from symgrad.ir.program import build_program
>>> G = Graph()
>>> x = G.leaf(ArraySymbol("x", (2, 3, 4)))
>>> p = build_program(G, [("value", G.reduce_sum(G.transpose(x, (2, 0, 1)), (0,), False))])
>>> text = str(NDEmitter(p, "float64", ["x"], []).emit())
>>> # loop nests: the reduction's (reading x through the permutation) and its inner one
>>> 'define void @"kernel"(ptr %"slots", ptr %"dims")' in text, text.count('.0.head:')
(True, 2)
"""
from __future__ import annotations

from typing import Sequence

import sympy as sp
from llvmlite import ir

from symgrad.ir.arrays import RowMax, Sum
from symgrad.ir.movement import ReduceMax
from symgrad.ir.ops import lookup
from symgrad.ir.program import Program

from .array_entry import ArrayKernelEntry
from .emit import EMIT, I1, I64, KERNEL, KernelEmitter, fp_type
from .mathlib import default_math
from .nd_maps import IndexMaps
from .nd_plan import ARRAY_LEAVES, plan

__all__ = ["NDEmitter", "buffer_nodes", "inlined", "HANDLERS", "NODE_EMITTERS", "INDEX_MAPS"]

I8 = ir.IntType(8)


def inlined(program: Program) -> set[int]:
    """Nodes computed inside their readers' loop nests (see :mod:`.nd_plan`)."""
    return plan(program).inline


def buffer_nodes(program: Program) -> list[int]:
    """The nodes that get a buffer, in program order (see :mod:`.nd_plan`)."""
    return plan(program).buffers


class NDEmitter(ArrayKernelEntry, IndexMaps, KernelEmitter):
    """Emits ``kernel(slots, dims)`` for an n-D program; see the module docstring."""

    def __init__(self, program: Program, dtype, args: Sequence[str], dims: Sequence[str],
                 math=None, blas_int_bits: int = 32):
        # not KernelEmitter.__init__: that one refuses tensor programs
        self.program = program
        self.fp = fp_type(dtype)
        self.pattern = ()
        self.math = math if math is not None else default_math()
        self.module = ir.Module(name=f"symgrad_nd_{program.fingerprint()[:12]}")
        self.names = program.names()
        self.trig_checks = None
        self.blas_int = ir.IntType(blas_int_bits)
        self.bools: set[int] = set()
        index = dict(program.inputs)
        self.args, self.dims = list(args), list(dims)
        self.slot = {index[a]: k for k, a in enumerate(self.args)}
        self.plan = plan(program)
        self.inline = self.plan.inline
        for i in self.plan.buffers:
            self.slot[i] = len(self.slot)
        self.gemm_slot = len(self.slot)
        self.b: ir.IRBuilder = None  # type: ignore[assignment]

    # -- entry ------------------------------------------------------------------------
    def emit(self) -> ir.Module:
        entry = self._open_kernel(KERNEL, self.dims, self.slot, self.gemm_slot)
        for i in self.plan.buffers:
            self._emit_node(i, self.program.nodes[i])
        self.b.ret_void()
        self.allocas.branch(entry)
        return self.module

    # -- shapes and addresses --------------------------------------------------------------
    def dim(self, d) -> ir.Value:
        """A dimension as i64: an int, a dimension symbol, or sums and products of them."""
        if isinstance(d, int) or getattr(d, "is_Integer", False):
            return ir.Constant(I64, int(d))
        if isinstance(d, sp.Symbol) and str(d) in self.dimv:
            return self.dimv[str(d)]
        if isinstance(d, (sp.Add, sp.Mul)):
            parts = [self.dim(a) for a in d.args]
            acc = parts[0]
            for p in parts[1:]:
                acc = (self.b.add if isinstance(d, sp.Add) else self.b.mul)(acc, p)
            return acc
        raise NotImplementedError(f"the llvm backend cannot size a dimension {d!r}")

    def _strides(self, shape) -> list[ir.Value]:
        """C-order strides of ``shape`` (in entries)."""
        out, acc = [], ir.Constant(I64, 1)
        for d in reversed(shape):
            out.append(acc)
            acc = self.b.mul(acc, self.dim(d))
        return out[::-1]

    def _offset(self, shape, idx, broadcast: bool = False) -> ir.Value:
        """Offset of index ``idx`` (one i64 per axis) in a C-order array of ``shape``;
        ``broadcast``: ``idx`` may be longer (leading axes ignored) and length-1 axes read 0."""
        idx = list(idx)[len(idx) - len(shape):]
        off = ir.Constant(I64, 0)
        for d, i, s in zip(shape, idx, self._strides(shape)):
            if broadcast and d == 1:
                continue
            off = self.b.add(off, self.b.mul(i, s))
        return off

    def _buffer(self, i: int):
        return self.matrices[i] if i in self.matrices else self.ptr[i]

    def _load(self, i: int, offset) -> ir.Value:
        node = self.program.nodes[i]
        if not node.args and node.op not in ARRAY_LEAVES:
            if node.op is sp.Symbol:
                name = str(node.attr)
                if name in self.dimv:
                    return self.b.sitofp(self.dimv[name], self.fp)
                return self.b.load(self.ptr[i], typ=self.fp)
            return self._leaf(node)
        p = self.b.gep(self._buffer(i), [offset], inbounds=True, source_etype=self.fp)
        v = self.b.load(p, typ=self.fp)
        return self.b.fcmp_unordered("!=", v, self.const(0)) if i in self.bools else v

    def _store(self, i: int, offset, v) -> None:
        p = self.b.gep(self.ptr[i], [offset], inbounds=True, source_etype=self.fp)
        self.b.store(self._as_fp(v), p)

    # -- loops ------------------------------------------------------------------------------
    def _nest(self, shape, name: str, body) -> None:
        """``for idx in ndindex(shape): body(idx)``, one loop per axis."""
        idx: list[ir.Value] = []
        closers = []
        for k, d in enumerate(shape):
            b = self.b
            pre = b.block
            head = self.fn.append_basic_block(f"{name}.{k}.head")
            loop = self.fn.append_basic_block(f"{name}.{k}.body")
            done = self.fn.append_basic_block(f"{name}.{k}.done")
            count = self.dim(d)
            b.branch(head)
            b.position_at_end(head)
            phi = b.phi(I64, name=f"{name}.i{k}")
            phi.add_incoming(ir.Constant(I64, 0), pre)
            b.cbranch(b.icmp_signed("<", phi, count), loop, done)
            b.position_at_end(loop)
            idx.append(phi)
            closers.append((phi, head, done))
        body(idx)
        for phi, head, done in reversed(closers):
            phi.add_incoming(self.b.add(phi, ir.Constant(I64, 1), flags=["nsw"]), self.b.block)
            self.b.branch(head)
            self.b.position_at_end(done)

    # -- one node ----------------------------------------------------------------------------
    def _emit_node(self, i: int, node) -> None:
        """The loop nest (or BLAS call) that writes node ``i``'s buffer."""
        shape, d = node.shape, lookup(node.op)
        if d is not None and "llvm-nd" in d.refused:
            raise NotImplementedError(f"the llvm backend cannot emit {d.name} of shape {shape} "
                                      f"(node {self.names[i]}) in an n-D program: {d.why}; "
                                      f"use backend='numpy'")
        emit = NODE_EMITTERS.get(d.llvm_nd) if d is not None else None
        if emit is not None:    # a loop nest (or a BLAS call) of its own
            return emit(self, i, node)
        self._nest(shape, self.names[i], lambda idx: self._store(i, self._offset(shape, idx),
                                                                 self._compute(i, node, idx)))

    def _value(self, i: int, idx) -> ir.Value:
        """The entry of node ``i`` at index ``idx`` (one i64 per axis of its shape): loaded
        from memory, or computed here when the node is inlined."""
        node = self.program.nodes[i]
        if i in self.inline:
            return self._compute(i, node, idx)
        return self._load(i, self._offset(node.shape, idx, broadcast=True))

    def _compute(self, i: int, node, idx) -> ir.Value:
        """The entry of node ``i`` at ``idx`` from its arguments' entries."""
        op = node.op
        handler = getattr(lookup(op), "llvm_nd", None)
        read = INDEX_MAPS.get(handler)
        if read is not None:    # a movement op: its argument read at a mapped index
            a = node.args[0]
            return read(self, node, a, self.program.nodes[a].shape, idx)
        if handler == "fold":
            return self._gather_fold(node, idx)
        if handler == "onehot":
            return self._onehot(i, node, idx)
        rule = EMIT.get(op)
        if rule is None:
            raise NotImplementedError(f"the llvm backend cannot emit {op.__name__} of shape "
                                      f"{node.shape} (node {self.names[i]})")
        xs = [self._value(x, self._broadcast_index(self.program.nodes[x].shape, idx))
              for x in node.args]
        v = rule(self, node, xs)
        if v.type == I1:
            self.bools.add(i)
        return v

    def _onehot(self, i: int, node, idx) -> ir.Value:
        """Entry ``(n, k)`` of a one-hot matrix: 1 where label ``n`` equals ``k``.  The labels
        must be an argument, which :class:`.nd_kernel.NDKernel` checks before the call."""
        (a,) = node.args
        if self.program.nodes[a].args or a not in self.ptr:
            raise NotImplementedError(f"the llvm backend cannot emit OneHot of shape {node.shape} "
                                      f"(node {self.names[i]}) in an n-D program from computed "
                                      f"labels: only labels passed as an argument are checked "
                                      f"before the kernel runs; use backend='numpy'")
        label = self._value(a, self._broadcast_index(self.program.nodes[a].shape, idx))
        hit = self.b.fcmp_ordered("==", label, self.b.sitofp(idx[1], self.fp))
        return self.select(hit, self.const(1), self.const(0))

    def _emit_reduce(self, i: int, node) -> None:
        b, (a,) = self.b, node.args
        src_shape = self.program.nodes[a].shape
        if node.op is Sum:
            axes, keep = tuple(range(len(src_shape))), False
        elif node.op is RowMax:
            axes, keep = (1,), True
        else:
            axes, keep = node.attr
        is_max = node.op in (ReduceMax, RowMax)
        kept = [k for k in range(len(src_shape)) if k not in axes]
        if kept and tuple(axes) == tuple(range(len(axes))):
            return self._emit_leading_reduce(i, node, a, src_shape, len(axes), keep, is_max)
        acc = self.allocas.alloca(self.fp, name=f"acc.{self.names[i]}")

        def outer(idx):
            b.store(self.const(-float("inf") if is_max else 0), acc)
            outer_at = {k: idx[k] for k in kept} if keep else dict(zip(kept, idx))

            def inner(jdx):
                full = [outer_at[k] if k in outer_at else jdx[axes.index(k)] for k in range(len(src_shape))]
                x = self._as_fp(self._value(a, full))
                y = b.load(acc, typ=self.fp)
                b.store(self.fmax(x, y) if is_max else b.fadd(y, x), acc)
            self._nest([src_shape[k] for k in axes], f"{self.names[i]}.r", inner)
            self._store(i, self._offset(node.shape, idx), b.load(acc, typ=self.fp))
        self._nest(node.shape, self.names[i], outer)

    def _emit_leading_reduce(self, i: int, node, a: int, src_shape, r: int, keep: bool,
                             is_max: bool) -> None:
        """A reduction over the leading ``r`` axes (a batch sum) in the argument's own
        order: the output is initialized, then each argument entry is added into its
        place, so the inner loop runs along contiguous memory instead of striding
        across the batch."""
        b = self.b
        init = self.const(-float("inf") if is_max else 0)
        self._nest(node.shape, f"{self.names[i]}.init",
                   lambda idx: self._store(i, self._offset(node.shape, idx), init))

        def add(idx):
            out = ([ir.Constant(I64, 0)] * r if keep else []) + list(idx[r:])
            off = self._offset(node.shape, out)
            x = self._as_fp(self._value(a, idx))
            p = b.gep(self.ptr[i], [off], inbounds=True, source_etype=self.fp)
            y = b.load(p, typ=self.fp)
            b.store(self.fmax(x, y) if is_max else b.fadd(y, x), p)
        self._nest(src_shape, self.names[i], add)

    def _emit_gemm(self, i: int, node) -> None:
        """``C = A @ B`` on row-major buffers, as ``C^T = B^T A^T`` in Fortran's column-major;
        an operand that is a matrix transpose of memory is passed with the ``T`` flag."""
        b = self.b
        (pa, ta), (pb, tb) = self.plan.operands[i]
        m, n = node.shape
        k = self.program.nodes[node.args[0]].shape[1]
        one = ir.Constant(I64, 1)

        def ld(d):
            v = self.dim(d)
            return b.select(b.icmp_signed("<", v, one), one, v)

        def arg(v, nm):
            slot = self.allocas.alloca(self.blas_int, name=nm)
            b.store(b.trunc(v, self.blas_int) if self.blas_int.width < 64 else v, slot)
            return slot

        flags = []
        for nm, t in (("transa", tb), ("transb", ta)):
            f = self.allocas.alloca(I8, name=nm)
            b.store(ir.Constant(I8, ord("T" if t else "N")), f)
            flags.append(f)
        alpha, beta = self.allocas.alloca(self.fp, name="alpha"), self.allocas.alloca(self.fp, name="beta")
        b.store(self.const(1), alpha)
        b.store(self.const(0), beta)
        # B (k, n) row-major is B^T column-major, leading dimension n; stored transposed
        # (a (n, k) row-major matrix) it is B column-major, leading dimension k
        b.call(self.gemm, flags + [arg(self.dim(n), "m"), arg(self.dim(m), "n"), arg(self.dim(k), "k"),
                                   alpha, self._buffer(pb), arg(ld(k if tb else n), "lda"),
                                   self._buffer(pa), arg(ld(m if ta else k), "ldb"), beta,
                                   self.ptr[i], arg(ld(n), "ldc")])


#: the array ops' handlers, by the name an op declares as ``llvm_nd`` (:mod:`symgrad.ir.ops_array`):
#: a loop nest (or BLAS call) of its own,
NODE_EMITTERS = {"gemm": NDEmitter._emit_gemm, "reduce": NDEmitter._emit_reduce}
#: a read of the argument at a mapped index, inside the node's loop nest (or inlined),
#: or the gather that is a FoldWindows' entry,
INDEX_MAPS = {"broadcast": NDEmitter._read_broadcast, "permute": NDEmitter._read_permute,
              "reshape": NDEmitter._read_reshape, "shrink": NDEmitter._read_shrink,
              "windows": NDEmitter._read_windows, "pad": NDEmitter._read_pad}
#: and every name, with the constant matrices' read-only globals
HANDLERS = {**NODE_EMITTERS, **INDEX_MAPS, "fold": NDEmitter._gather_fold,
            "onehot": NDEmitter._onehot, "constant": NDEmitter._constant_matrix}
