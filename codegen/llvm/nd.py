"""LLVM IR for n-D tensor programs: one loop nest per node, an index per axis.

The fused row/column schedule of :mod:`.tensor` runs 2-D programs; a program
with arrays of other ranks, or with the movement and window ops of
:mod:`symgrad.ir.movement`, comes here.  Every operation gets a buffer and a
loop nest over its own shape, with one index per axis; an argument is read
at the offset ``sum(index[k] * stride[k])`` where a broadcast axis has stride 0,
so broadcasting, ``Permute``, ``Shrink`` and ``Windows`` are index maps, not
copies of their own kind.  Reductions run inner loops over the reduced axes;
``Pad`` reads its argument only inside the padded box; ``FoldWindows``
scatter-adds; ``MatMul`` is one BLAS ``gemm`` call, as in :mod:`.tensor`.

Chains of entrywise ops of one shape are computed in one loop nest (a node
used only by an entrywise op of its shape is inlined there, see
:func:`inlined`); every other node reads and writes memory, which is the
price of generality.  The kernel signature and the BLAS call are those of
:mod:`.tensor`: ``kernel(ptr slots, ptr dims)``, slots holding the array
arguments, then one buffer per operation, then the ``gemm`` address.

Example
-------
>>> from sympy.tensor.array.expressions import ArraySymbol
>>> from symgrad.ir.graph import Graph
>>> from symgrad.ir.program import build_program
>>> G = Graph()
>>> x = G.leaf(ArraySymbol("x", (2, 3, 4)))
>>> p = build_program(G, [("value", G.reduce_sum(G.transpose(x, (2, 0, 1)), (0,), False))])
>>> text = str(NDEmitter(p, "float64", ["x"], []).emit())
>>> # loop nests: the permutation's, the reduction's and its inner one over axis 0
>>> 'define void @"kernel"(ptr %"slots", ptr %"dims")' in text, text.count('.0.head:')
(True, 3)
"""
from __future__ import annotations

from typing import Sequence

import sympy as sp
from llvmlite import ir
from sympy.tensor.array.expressions import ArraySymbol

from symgrad.ir.arrays import RowMax, Sum
from symgrad.ir.movement import Permute, ReduceMax
from symgrad.ir.ops import lookup
from symgrad.ir.program import Program

from .array_entry import ArrayKernelEntry
from .emit import EMIT, I1, I64, KERNEL, KernelEmitter, fp_type
from .mathlib import default_math

__all__ = ["NDEmitter", "buffer_nodes", "inlined", "HANDLERS", "NODE_EMITTERS", "INDEX_MAPS"]

I8 = ir.IntType(8)
#: leaves whose entries are in memory (an argument's buffer or a constant's global)
_ARRAY_LEAVES = (sp.MatrixSymbol, ArraySymbol, sp.ImmutableDenseMatrix)


#: longest chain of entrywise ops computed inside one loop nest (bounds the emitter's recursion)
MAX_INLINE_DEPTH = 32


def _entrywise(node) -> bool:
    return bool(node.args) and node.op in EMIT


def inlined(program: Program) -> set[int]:
    """Entrywise nodes computed inside their only user's loop nest instead of a buffer of
    their own: the user is entrywise too and of the same shape, and the node is no output."""
    nodes = program.nodes
    users: list[list[int]] = [[] for _ in nodes]
    for i, n in enumerate(nodes):
        for a in dict.fromkeys(n.args):
            users[a].append(i)
    outputs = {i for _, i in program.outputs}
    out: set[int] = set()
    depth = [0] * len(nodes)
    for i, n in enumerate(nodes):
        depth[i] = 1 + max((depth[a] for a in n.args if a in out), default=0)
        u = users[i]
        # (used twice by its user, as in t*t, it would be computed twice: keep its buffer)
        if (_entrywise(n) and i not in outputs and len(u) == 1 and _entrywise(nodes[u[0]])
                and nodes[u[0]].args.count(i) == 1
                and nodes[u[0]].shape == n.shape and depth[i] < MAX_INLINE_DEPTH):
            out.add(i)
    return out


def buffer_nodes(program: Program) -> list[int]:
    """The nodes that get a buffer: every operation not :func:`inlined` (leaves are
    arguments or constants)."""
    skip = inlined(program)
    return [i for i, n in enumerate(program.nodes) if n.args and i not in skip]


class NDEmitter(ArrayKernelEntry, KernelEmitter):
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
        self.inline = inlined(program)
        for i in buffer_nodes(program):
            self.slot[i] = len(self.slot)
        self.gemm_slot = len(self.slot)
        self.b: ir.IRBuilder = None  # type: ignore[assignment]

    # -- entry ------------------------------------------------------------------------
    def emit(self) -> ir.Module:
        entry = self._open_kernel(KERNEL, self.dims, self.slot, self.gemm_slot)
        for i, node in enumerate(self.program.nodes):
            if node.args and i not in self.inline:
                self._emit_node(i, node)
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
        if not node.args and node.op not in _ARRAY_LEAVES:
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
        shape, d = node.shape, lookup(node.op)
        if d is not None and "llvm-nd" in d.refused:
            raise NotImplementedError(f"the llvm backend cannot emit {d.name} of shape {shape} "
                                      f"(node {self.names[i]}) in an n-D program: {d.why}; "
                                      f"use backend='numpy'")
        emit = NODE_EMITTERS.get(d.llvm_nd) if d is not None else None
        if emit is not None:    # a loop nest (or a BLAS call) of its own
            return emit(self, i, node)
        self._nest(shape, self.names[i], lambda idx: self._store(i, self._offset(shape, idx),
                                                                 self._value(i, node, idx)))

    def _value(self, i: int, node, idx) -> ir.Value:
        """The entry of node ``i`` at output index ``idx``."""
        op = node.op
        (a, *_), shapes = node.args, [self.program.nodes[x].shape for x in node.args]
        read = INDEX_MAPS.get(getattr(lookup(op), "llvm_nd", None))
        if read is not None:    # a movement op: its argument read at a mapped index
            return read(self, node, a, shapes[0], idx)
        rule = EMIT.get(op)
        if rule is None:
            raise NotImplementedError(f"the llvm backend cannot emit {op.__name__} of shape "
                                      f"{node.shape} (node {self.names[i]})")
        # an inlined argument has this node's shape: it is computed here, at the same index
        xs = [self._value(x, self.program.nodes[x], idx) if x in self.inline
              else self._load(x, self._offset(s, idx, broadcast=True)) for x, s in zip(node.args, shapes)]
        v = rule(self, node, xs)
        if v.type == I1:
            self.bools.add(i)
        return v

    # -- index maps (movement ops): the entry of argument ``a`` (of ``shape``) at ``idx`` ----
    def _read_broadcast(self, node, a: int, shape, idx) -> ir.Value:
        return self._load(a, self._offset(shape, idx, broadcast=True))

    def _read_permute(self, node, a: int, shape, idx) -> ir.Value:
        perm = node.attr if node.op is Permute else (1, 0)    # or a matrix's Transpose
        src = [None] * len(perm)
        for j, p in enumerate(perm):
            src[p] = idx[j]
        return self._load(a, self._offset(shape, src))

    def _read_reshape(self, node, a: int, shape, idx) -> ir.Value:
        return self._load(a, self._offset(node.shape, idx))

    def _read_shrink(self, node, a: int, shape, idx) -> ir.Value:
        src = [self.b.add(x, ir.Constant(I64, lo)) for x, (lo, _) in zip(idx, node.attr)]
        return self._load(a, self._offset(shape, src))

    def _read_windows(self, node, a: int, shape, idx) -> ir.Value:
        b, (kernel, stride) = self.b, node.attr
        k = len(kernel)
        lead, outs, offs = idx[:len(idx) - 2 * k], idx[len(idx) - 2 * k:len(idx) - k], idx[len(idx) - k:]
        src = lead + [b.add(b.mul(o, ir.Constant(I64, s)), p) for o, s, p in zip(outs, stride, offs)]
        return self._load(a, self._offset(shape, src))

    def _read_pad(self, node, a: int, shape, idx) -> ir.Value:
        return self._padded(a, shape, node.attr, idx)

    def _padded(self, a: int, shape, widths, idx) -> ir.Value:
        b = self.b
        inside = ir.Constant(I1, 1)
        src = []
        for x, d, (lo, _) in zip(idx, shape, widths):
            s = b.sub(x, ir.Constant(I64, lo))
            ok = b.and_(b.icmp_signed(">=", s, ir.Constant(I64, 0)), b.icmp_signed("<", s, self.dim(d)))
            inside = b.and_(inside, ok)
            src.append(s)
        result = self.allocas.alloca(self.fp, name="pad")
        b.store(self.const(0), result)
        with b.if_then(inside):
            b.store(self._as_fp(self._load(a, self._offset(shape, src))), result)
        return b.load(result, typ=self.fp)

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
        acc = self.allocas.alloca(self.fp, name=f"acc.{self.names[i]}")

        def outer(idx):
            b.store(self.const(-float("inf") if is_max else 0), acc)
            outer_at = {k: idx[k] for k in kept} if keep else dict(zip(kept, idx))

            def inner(jdx):
                full = [outer_at[k] if k in outer_at else jdx[axes.index(k)] for k in range(len(src_shape))]
                x = self._load(a, self._offset(src_shape, full))
                y = b.load(acc, typ=self.fp)
                b.store(self.fmax(x, y) if is_max else b.fadd(y, x), acc)
            self._nest([src_shape[k] for k in axes], f"{self.names[i]}.r", inner)
            self._store(i, self._offset(node.shape, idx), b.load(acc, typ=self.fp))
        self._nest(node.shape, self.names[i], outer)

    def _emit_fold(self, i: int, node) -> None:
        b, (g,) = self.b, node.args
        kernel, stride, _ = node.attr
        gshape, k = self.program.nodes[g].shape, len(kernel)
        self._nest(node.shape, f"{self.names[i]}.zero",
                   lambda idx: self._store(i, self._offset(node.shape, idx), self.const(0)))

        def scatter(idx):
            lead, outs, offs = idx[:len(idx) - 2 * k], idx[len(idx) - 2 * k:len(idx) - k], idx[len(idx) - k:]
            dst = lead + [b.add(b.mul(o, ir.Constant(I64, s)), p) for o, s, p in zip(outs, stride, offs)]
            off = self._offset(node.shape, dst)
            p = b.gep(self.ptr[i], [off], inbounds=True, source_etype=self.fp)
            b.store(b.fadd(b.load(p, typ=self.fp), self._load(g, self._offset(gshape, idx))), p)
        self._nest(gshape, self.names[i], scatter)

    def _emit_gemm(self, i: int, node) -> None:
        """``C = A @ B`` on row-major buffers, as ``C^T = B^T A^T`` in Fortran's column-major."""
        b = self.b
        A, B = node.args
        m, n = node.shape
        k = self.program.nodes[A].shape[1]
        one = ir.Constant(I64, 1)

        def ld(d):
            v = self.dim(d)
            return b.select(b.icmp_signed("<", v, one), one, v)

        def arg(v, nm):
            slot = self.allocas.alloca(self.blas_int, name=nm)
            b.store(b.trunc(v, self.blas_int) if self.blas_int.width < 64 else v, slot)
            return slot

        flags = []
        for nm in ("transa", "transb"):
            f = self.allocas.alloca(I8, name=nm)
            b.store(ir.Constant(I8, ord("N")), f)
            flags.append(f)
        alpha, beta = self.allocas.alloca(self.fp, name="alpha"), self.allocas.alloca(self.fp, name="beta")
        b.store(self.const(1), alpha)
        b.store(self.const(0), beta)
        b.call(self.gemm, flags + [arg(self.dim(n), "m"), arg(self.dim(m), "n"), arg(self.dim(k), "k"),
                                   alpha, self._buffer(B), arg(ld(n), "lda"), self._buffer(A),
                                   arg(ld(k), "ldb"), beta, self.ptr[i], arg(ld(n), "ldc")])


#: the array ops' handlers, by the name an op declares as ``llvm_nd`` (:mod:`symgrad.ir.ops_array`):
#: a loop nest (or BLAS call) of its own,
NODE_EMITTERS = {"gemm": NDEmitter._emit_gemm, "reduce": NDEmitter._emit_reduce,
                 "fold": NDEmitter._emit_fold}
#: a read of the argument at a mapped index, inside the node's loop nest (or inlined),
INDEX_MAPS = {"broadcast": NDEmitter._read_broadcast, "permute": NDEmitter._read_permute,
              "reshape": NDEmitter._read_reshape, "shrink": NDEmitter._read_shrink,
              "windows": NDEmitter._read_windows, "pad": NDEmitter._read_pad}
#: and every name, with the constant matrices' read-only globals
HANDLERS = {**NODE_EMITTERS, **INDEX_MAPS, "constant": NDEmitter._constant_matrix}
