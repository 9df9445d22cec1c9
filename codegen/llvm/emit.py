"""LLVM IR for scalar programs: one loop over the batch, all outputs per sample.

Each node of the program becomes one or a few instructions, chosen by the
node's SymPy class through the :data:`EMIT` table (the LLVM twin of the NumPy
printer's ``FUNCTIONS`` table).  Transcendental functions come from one math
object (:mod:`symgrad.codegen.llvm.mathlib`), so their implementation can change in
one place.  Everything is branch-free (``select`` for Piecewise, Max, Min,
comparisons), so the loop body is one basic block that LLVM's loop vectorizer
widens across samples.

The module holds two functions:

``body(i64 n, ptr noalias in_0, ..., ptr noalias out_0, ...)``
    The loop.  ``noalias`` tells the vectorizer that outputs never overlap
    inputs, so it needs no runtime overlap checks.  It is kept out of line
    (``noinline``): inlined, the ``noalias`` arguments would turn into scoped
    alias metadata on every load and store, whose checks made optimization
    of programs with a hundred outputs ~40% slower.
``kernel(i64 n, ptr ins, ptr outs)``
    The entry point called from Python: ``ins`` and ``outs`` are arrays of
    data pointers.  Keeping the C signature at three arguments whatever the
    program keeps the ctypes call cheap.

The kernel is specialized on a *broadcast pattern*: for each input, whether
it is an array of ``n`` elements (loaded at ``i``) or one value broadcast
over the batch (loaded once, before the loop).

Example
-------
>>> import sympy as sp, symgrad as sg
>>> x, y = sp.symbols("x y")
>>> p = sg.grad(x * sp.exp(y), [x, y]).program
>>> ir_text = str(emit_module(p, "float64", (True, True)))
>>> 'define void @"kernel"(i64 %"n", ptr %"ins", ptr %"outs")' in ir_text
True
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import sympy as sp
from llvmlite import ir

from symgrad.ir.graph import Node
from symgrad.ir.program import Program, identifier

from .mathlib import default_math
from .ops import EMIT, I1, I64, PTR, defemit  # noqa: F401  (re-exported for tensor.py)
from .segments import emit_segments, is_wide, split_wide_nodes

__all__ = ["emit_module", "EMIT", "defemit", "KernelEmitter", "BODY", "KERNEL"]

BODY = "body"
KERNEL = "kernel"

def fp_type(dtype) -> ir.Type:
    return ir.DoubleType() if np.dtype(dtype) == np.float64 else ir.FloatType()


class KernelEmitter:
    """Builds the IR of one program for one dtype and broadcast pattern.

    Attributes
    ----------
    b : ir.IRBuilder
        Positioned in the loop body while nodes are emitted.
    fp : ir.Type
        ``double`` or ``float``.
    math
        The transcendental-function provider (see :mod:`.mathlib`).
    """

    def __init__(self, program: Program, dtype, pattern: Sequence[bool], math=None):
        if len(pattern) != len(program.inputs):
            raise ValueError(f"pattern {tuple(pattern)} does not match inputs "
                             f"{[n for n, _ in program.inputs]}")
        if any(n.shape for n in program.nodes):
            raise NotImplementedError("the llvm backend compiles scalar programs only "
                                      "(tensor programs are not supported yet)")
        self.pattern = tuple(bool(p) for p in pattern)
        self.module = ir.Module(name=f"symgrad_{program.fingerprint()[:12]}")
        #: run in segments (see :mod:`.segments`), whose loops read at most MAX_FANIN values per node
        self.wide = is_wide(program, self.pattern)
        self.program = split_wide_nodes(program) if self.wide else program
        #: the program's variable names, for the IR's values (t0, t1, ...)
        self.names = self.program.names()
        self.fp = fp_type(dtype)
        self.math = math if math is not None else default_math()
        #: while the fast pass of a trig block is emitted: the "|x| beyond the fast range" flags
        self.trig_checks: list | None = None
        self.b: ir.IRBuilder = None  # type: ignore[assignment]

    # -- small helpers used by the emit rules -----------------------------
    def const(self, v: float) -> ir.Constant:
        return ir.Constant(self.fp, float(v))

    def select(self, cond, a, b, name=""):
        return self.b.select(cond, a, b, name=name)

    def is_nan(self, x):
        return self.b.fcmp_unordered("uno", x, x, name="isnan")

    def _as_fp(self, v):
        """A comparison's i1 as 0.0/1.0 of the kernel's float type (for stores); floats as they are."""
        return self.b.uitofp(v, self.fp) if v.type == I1 else v

    def fmax(self, x, y):
        """np.maximum: NaN in either argument gives NaN; ties keep ``x``."""
        take_x = self.b.or_(self.b.fcmp_ordered(">=", x, y), self.is_nan(x))
        return self.select(take_x, x, y, name="max")

    def fmin(self, x, y):
        take_x = self.b.or_(self.b.fcmp_ordered("<=", x, y), self.is_nan(x))
        return self.select(take_x, x, y, name="min")

    def number(self, node: Node) -> sp.Expr | None:
        return node.attr if node.op is sp.Number else None

    # -- module -----------------------------------------------------------------
    def emit(self) -> ir.Module:
        p = self.program
        n_in, n_out = len(p.inputs), len(p.outputs)
        body_ty = ir.FunctionType(ir.VoidType(), [I64] + [PTR] * (n_in + n_out))
        body = ir.Function(self.module, body_ty, BODY)
        body.linkage = "private"
        body.attributes.add("noinline")
        body.attributes.add("nounwind")
        in_names = [identifier(n) for n, _ in p.inputs]
        out_names = [identifier(n) for n, _ in p.outputs]
        body.args[0].name = "n"
        for a, nm in zip(body.args[1:], [f"in_{s}" for s in in_names] + [f"out_{s}" for s in out_names]):
            a.name = nm
            a.add_attribute("noalias")
        self._emit_body(body, in_names, out_names)
        self._emit_entry(body, n_in, n_out, in_names, out_names)
        return self.module

    def _emit_entry(self, body, n_in, n_out, in_names, out_names) -> None:
        fn = ir.Function(self.module, ir.FunctionType(ir.VoidType(), [I64, PTR, PTR]), KERNEL)
        fn.attributes.add("nounwind")
        n, ins, outs = fn.args
        n.name, ins.name, outs.name = "n", "ins", "outs"
        b = ir.IRBuilder(fn.append_basic_block("entry"))
        ptrs = [b.load(b.gep(ins, [ir.Constant(I64, k)], inbounds=True, source_etype=PTR), typ=PTR,
                       name=f"in_{s}") for k, s in enumerate(in_names)]
        ptrs += [b.load(b.gep(outs, [ir.Constant(I64, k)], inbounds=True, source_etype=PTR), typ=PTR,
                        name=f"out_{s}") for k, s in enumerate(out_names)]
        b.call(body, [n] + ptrs)
        b.ret_void()

    def _emit_body(self, fn: ir.Function, in_names, out_names) -> None:
        p = self.program
        n = fn.args[0]
        in_ptrs = fn.args[1:1 + len(p.inputs)]
        out_ptrs = fn.args[1 + len(p.inputs):]
        entry = fn.append_basic_block("entry")
        pre = fn.append_basic_block("preheader")
        done = fn.append_basic_block("exit")
        self.b = b = ir.IRBuilder(entry)
        b.cbranch(b.icmp_signed(">", n, ir.Constant(I64, 0), name="nonempty"), pre, done)

        # broadcast inputs: one load before the loop (only reached when n > 0)
        b.position_at_end(pre)
        values: dict[int, ir.Value] = {}
        for k, (_, i) in enumerate(p.inputs):
            if not self.pattern[k]:
                values[i] = b.load(in_ptrs[k], typ=self.fp, name=in_names[k])
        io = (in_ptrs, out_ptrs, in_names)
        if self.wide:
            emit_segments(self, fn, entry, n, io, done)
        elif self._blocked():
            self._emit_blocks(fn, n, values, io, done)
        else:
            self._emit_loop(fn, ir.Constant(I64, 0), n, values, io, "loop", done)
        fn.blocks.remove(done)   # the exit block last, for reading
        fn.blocks.append(done)
        b.position_at_end(done)
        b.ret_void()

    def _emit_loop(self, fn, start, stop, values: dict, io, name: str, after, carried=None):
        """``for i in [start, stop)`` (at least one iteration): load, compute, store.

        ``carried`` is the initial value of an i1 loop-carried ``or`` of
        :attr:`trig_checks`; its value at the exit is returned.
        """
        b, p = self.b, self.program
        in_ptrs, out_ptrs, in_names = io
        head = b.block
        loop = fn.append_basic_block(name)
        b.branch(loop)
        b.position_at_end(loop)
        i = b.phi(I64, name="i")
        i.add_incoming(start, head)
        flag = None
        if carried is not None:
            flag = b.phi(I1, name="beyond")
            flag.add_incoming(carried, head)
        values = dict(values)
        for k, (_, node_id) in enumerate(p.inputs):
            if self.pattern[k]:
                ptr = b.gep(in_ptrs[k], [i], inbounds=True, source_etype=self.fp)
                values[node_id] = b.load(ptr, typ=self.fp, name=in_names[k])
        self.emit_nodes(values, range(len(p.nodes)))
        for k, (_, node_id) in enumerate(p.outputs):
            b.store(self._as_fp(values[node_id]), b.gep(out_ptrs[k], [i], inbounds=True, source_etype=self.fp))
        nxt = None
        if flag is not None:
            nxt = self.fold_checks(flag)
            flag.add_incoming(nxt, b.block)
        i_next = b.add(i, ir.Constant(I64, 1), name="i_next", flags=["nuw", "nsw"])
        i.add_incoming(i_next, b.block)
        b.cbranch(b.icmp_signed("<", i_next, stop, name="more"), loop, after)
        return nxt

    # -- sin, cos, tan: a fast pass per block, the full functions where needed --------------
    #: samples per block of a kernel that uses sin, cos or tan
    TRIG_BLOCK = 256

    def _blocked(self) -> bool:
        """Does the kernel run in blocks (it uses sin/cos/tan and the math has fast variants)?"""
        return self.has_fast_trig(range(len(self.program.nodes)))

    def has_fast_trig(self, nodes) -> bool:
        """Do ``nodes`` use sin/cos/tan, with fast medium-range variants available?"""
        return hasattr(self.math, "medium") and any(
            self.program.nodes[i].op in (sp.sin, sp.cos, sp.tan) for i in nodes)

    def _emit_blocks(self, fn, n, values: dict, io, done) -> None:
        """Blocks of :attr:`TRIG_BLOCK` samples: each is computed with the Cody-Waite-only
        sin/cos/tan, noting any argument beyond their range; such a block is then
        computed again with the full functions (Payne-Hanek), overwriting its outputs.

        Both passes are plain loops that LLVM vectorizes; the full functions cost
        ~3x the fast ones, which ordinary data then never pays.
        """
        b = self.b
        head = b.block
        outer = fn.append_basic_block("block")
        nxt = fn.append_basic_block("block.next")
        b.branch(outer)
        b.position_at_end(outer)
        start = b.phi(I64, name="block")
        start.add_incoming(ir.Constant(I64, 0), head)
        end = b.add(start, ir.Constant(I64, self.TRIG_BLOCK), name="block.end", flags=["nuw", "nsw"])
        end = b.select(b.icmp_signed("<", end, n), end, n, name="block.stop")
        self.fast_then_full(
            fn, lambda name, after, carried: self._emit_loop(fn, start, end, values, io, name, after, carried),
            nxt, "block.")
        b.position_at_end(nxt)
        start.add_incoming(end, nxt)
        b.cbranch(b.icmp_signed("<", end, n), outer, done)

    def fast_then_full(self, fn, emit_loop, after, prefix: str = "") -> None:
        """A loop that must be redone with the full sin/cos/tan if it met a large argument.

        ``emit_loop(name, after, carried)`` emits the loop at :attr:`b`, branching to
        ``after`` at its exit; with ``carried`` (an i1) it is the fast pass and returns
        the :meth:`fold_checks` flag as it is at the exit.  The full pass runs only when
        that flag is set; both passes end at ``after``.
        """
        b = self.b
        check, full = fn.append_basic_block(f"{prefix}check"), fn.append_basic_block(f"{prefix}full")
        self.trig_checks = []
        beyond = emit_loop("fast", check, ir.Constant(I1, 0))
        self.trig_checks = None
        b.position_at_end(check)
        b.cbranch(beyond, full, after)
        b.position_at_end(full)
        emit_loop("full", after, None)

    def fold_checks(self, flag, first: int = 0):
        """``flag`` or'ed with :attr:`trig_checks` made since index ``first``."""
        for c in self.trig_checks[first:]:
            flag = self.b.or_(flag, c)
        return flag

    def trig(self, name: str, x: ir.Value) -> ir.Value:
        """sin, cos or tan of ``x``: the full function, or in a block's fast pass the
        Cody-Waite-only variant plus a note whether ``|x|`` is beyond its range."""
        if self.trig_checks is None:
            return self.math.call(self.b, name, x)
        bound = self.math.medium_range[isinstance(self.fp, ir.DoubleType)]
        ax = self.math.call(self.b, "fabs", x)
        self.trig_checks.append(self.b.fcmp_ordered(">", ax, self.const(bound)))
        return self.math.call(self.b, f"{name}.medium", x)

    def emit_nodes(self, values: dict, which: Sequence[int]) -> None:
        """Emit the nodes ``which`` (ascending) for one element at ``self.b``.

        ``values[j]`` holds the ``ir.Value`` of node ``j`` where it is already
        known (loaded inputs); the others are added.  A dict, not a list over
        all nodes: a segment of a huge program touches a few of them, and its
        cost must not grow with the program.
        """
        names = self.names
        made = {id(v) for v in values.values()}
        for j in which:
            node = self.program.nodes[j]
            if j in values:
                continue
            if not node.args:
                values[j] = self._leaf(node)
                continue
            rule = EMIT.get(node.op)
            if rule is None:
                raise NotImplementedError(f"the llvm backend cannot emit {node.op.__name__} "
                                          f"(node {names[j]} of the program)")
            v = rule(self, node, [values[a] for a in node.args])
            if isinstance(v, ir.Instruction) and id(v) not in made:
                v.name = names[j]  # as in the program listing: t0, t1, ...
            made.add(id(v))
            values[j] = v

    def _leaf(self, node: Node) -> ir.Value:
        c = node.attr
        if c is sp.true or c is sp.false:
            return ir.Constant(I1, int(bool(c)))
        if node.op is sp.Number:
            return self.const(float(c))
        raise NotImplementedError(f"the llvm backend cannot emit leaf {node!r}")


def emit_module(program: Program, dtype, pattern: Sequence[bool], math=None) -> ir.Module:
    """The IR module of ``program``; see the module docstring."""
    return KernelEmitter(program, dtype, pattern, math).emit()
