"""LLVM IR for tensor programs: BLAS calls and fused loop nests in one function.

The :mod:`.fusion` schedule says what runs where; this module emits it as

``kernel(ptr slots, ptr dims)``
    ``slots`` is an array of pointers: the inputs (in argument order), the
    outputs, the workspace buffers, the status buffer (where the kernel
    notes a bad class label, for the caller to raise), the address of the BLAS
    ``dgemm``/``sgemm`` (a runtime address, so it is an argument: the disk
    cache stores object code that must stay valid in other processes), and
    last the addresses of the OpenMP functions of
    :data:`~symgrad.codegen.llvm.blas.OPENMP_FUNCTIONS` (null: loops run serially).
    ``dims`` holds the values of the dimension symbols (the batch size
    ``N``) as i64.

Matrices are row-major.  BLAS is Fortran (column-major, every argument by
pointer), so ``C = op(A) @ op(B)`` is called as ``C^T = op(B)^T op(A)^T``: a
row-major buffer read column-major is its transpose, and a ``Transpose``
operand only flips the flag.  Loop nests with enough work run on several threads: each such region is
outlined into ``region<k>.body(ctx, chunk)``, which runs one contiguous
chunk of rows, and ``GOMP_parallel`` hands the chunks to the threads (see
:mod:`.parallel`).  Sums across rows (the loss,
bias gradients) are accumulated per chunk and added up in chunk order
afterwards, so the result depends on the number of chunks but not on which
thread ran what.  Entrywise ops reuse the scalar backend's
:data:`~symgrad.codegen.llvm.ops.EMIT` table and its vectorizable math, so each
column loop is straight-line code that LLVM widens to SIMD; accumulations
across a loop carry ``reassoc`` so that sums vectorize too.

Example
-------
>>> import symgrad as sg
>>> from symgrad import nn, losses
>>> X, Y = nn.input("X", 3), nn.input("Y", 2)
>>> net = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
>>> p = sg.grad(losses.mse(net(X), Y), net.parameters()).program
>>> text = str(TensorEmitter(p, "float64", Layout(p)).emit())
>>> 'define void @"kernel"(ptr %"slots", ptr %"dims")' in text
True
"""
from __future__ import annotations

import numpy as np
import sympy as sp
from llvmlite import ir

from symgrad.ir.program import Program, identifier
from symgrad.ir.arrays import BroadcastTo, OneHot, ReduceSum, RowMax, Sum

from .array_entry import GEMM_TYPE, ArrayKernelEntry
from .emit import EMIT, I1, I64, KERNEL, KernelEmitter, fp_type
from .fusion import (Region, Schedule, Stage, is_column_sum, is_row_reduction, schedule,
                     share_buffers)
from .mathlib import default_math
from .parallel import OMP_TYPES, ParallelRegions

__all__ = ["Layout", "TensorEmitter", "emit_tensor_module", "GEMM_TYPE"]

I8 = ir.IntType(8)
#: vectors in flight per column loop (see TensorEmitter._loop_id)
INTERLEAVE = 4


class Layout:
    """Which pointer slot and which dims entry each buffer and symbol uses.

    Attributes
    ----------
    schedule : Schedule
    args : list of str
        Array arguments, in slot order (``TensorSignature.args``).
    dims : list of str
        Dimension symbols, in ``dims`` order.
    slot : dict
        node -> slot of its buffer (inputs, outputs, workspace).
    outputs : list of int
        Distinct non-leaf output nodes, in slot order after the inputs.
    workspace : list of int
        One node per workspace buffer, in slot order after the outputs; the
        other temporaries share these buffers (:func:`.fusion.share_buffers`).
    status : int
        The key in :attr:`slot` of the status buffer, the slot after the
        workspace: a pseudo-node one past the program's nodes, so that every
        function of the kernel (outlined regions too) has its pointer.  It
        holds two values of the kernel's dtype, zero when all is well: which
        ``OneHot`` met a bad class label (1 + its index in :attr:`label_checks`)
        and that label.  The caller raises (:meth:`TensorEmitter._check_labels`).
    label_checks : list of int
        The ``OneHot`` nodes, whose class labels the kernel checks.
    gemm_slot : int
    omp_slot : int
        The first of the ``len(OMP_TYPES)`` OpenMP function slots, the last slots.
    n_slots : int
    """

    def __init__(self, program: Program, sched: Schedule | None = None):
        from ..tensor_call import TensorSignature
        sig = TensorSignature(program)
        self.program = program
        self.schedule = sched or schedule(program)
        self.args = list(sig.args)
        self.dims = list(sig.dims)
        index = dict(program.inputs)
        self.slot: dict[int, int] = {index[a]: k for k, a in enumerate(self.args)}
        self.outputs: list[int] = []
        for _, i in program.outputs:
            if program.nodes[i].args and i not in self.outputs:
                self.outputs.append(i)
        for i in self.outputs:
            self.slot[i] = len(self.slot)
        temps = [i for i in sorted(self.schedule.materialized) if i not in self.outputs]
        share = share_buffers(program, self.schedule, temps)
        self.workspace = sorted(set(share.values()))
        first = len(self.args) + len(self.outputs)
        for k, i in enumerate(self.workspace):
            self.slot[i] = first + k
        for i in temps:
            self.slot[i] = self.slot[share[i]]
        self.status = len(program.nodes)
        self.slot[self.status] = first + len(self.workspace)
        self.label_checks = [i for i, n in enumerate(program.nodes) if n.op is OneHot]
        self.gemm_slot = self.slot[self.status] + 1
        self.omp_slot = self.gemm_slot + 1
        self.n_slots = self.omp_slot + len(OMP_TYPES)

    def shape(self, i: int, bound: dict[str, int]) -> tuple[int, ...]:
        """Concrete shape of node ``i`` for dimension values ``bound``."""
        return tuple(d if isinstance(d, int) else bound[str(d)] for d in self.program.nodes[i].shape)


class TensorEmitter(ArrayKernelEntry, ParallelRegions, KernelEmitter):
    """Emits one tensor program as ``kernel(slots, dims)``; see the module docstring."""

    def __init__(self, program: Program, dtype, layout: Layout, math=None, blas_int_bits: int = 32):
        # not KernelEmitter.__init__: that one refuses tensor programs
        self.blas_int = ir.IntType(blas_int_bits)   # LP64 (32) or ILP64 (64) Fortran integers
        self.program = program
        self.fp = fp_type(dtype)
        self.pattern = ()
        self.math = math if math is not None else default_math()
        self.module = ir.Module(name=f"symgrad_{program.fingerprint()[:12]}")
        self.layout = layout
        self.sched = layout.schedule
        self.b: ir.IRBuilder = None  # type: ignore[assignment]
        self.vals: dict[int, ir.Value] = {}
        self.bools: set[int] = set()
        self.names = program.names() + ["status"]   # the last: Layout.status
        self.n_regions = 0
        self.trig_checks = None   # in a region's fast pass: see _region_loop
        self.trig_flag = None

    # -- entry ------------------------------------------------------------------------
    def emit(self) -> ir.Module:
        p, lay = self.program, self.layout
        entry = self._open_kernel(KERNEL, lay.dims, lay.slot, lay.gemm_slot)
        b = self.b
        for name, i in p.inputs:
            if p.nodes[i].shape == ():
                self.vals[i] = (b.sitofp(self.dimv[name], self.fp, name=identifier(name))
                                if name in self.dimv else b.load(self.ptr[i], typ=self.fp))
        for step in self.sched.steps:
            if step.kind == "scalar":
                self.vals[step.node] = self._compute(step.node, None)
            elif step.kind == "gemm":
                self._emit_gemm(step.node)
            else:
                self._emit_region(step.region)
        for i in lay.outputs:
            if p.nodes[i].shape == ():
                self.b.store(self._as_fp(self.vals[i]), self.ptr[i])
        self.b.ret_void()
        self.allocas.branch(entry)
        return self.module

    # -- helpers ---------------------------------------------------------------------------
    def dim(self, d) -> ir.Value:
        if isinstance(d, int):
            return ir.Constant(I64, d)
        if str(d) not in self.dimv:
            raise NotImplementedError(f"the llvm backend cannot size a dimension {d!r}")
        return self.dimv[str(d)]

    def _buffer(self, i: int):
        """Where node ``i``'s entries are: its slot, or the global of a constant matrix."""
        return self.matrices[i] if i in self.matrices else self.ptr[i]

    def _addr(self, i: int, row, col):
        cols = self.program.nodes[i].shape[1]
        idx = row if isinstance(cols, int) and cols == 1 else \
            self.b.add(self.b.mul(row, self.dim(cols), flags=["nsw"]), col, flags=["nsw"])
        return self.b.gep(self._buffer(i), [idx], inbounds=True, source_etype=self.fp)

    def _at(self, i: int, pos):
        """Row and column of node ``i`` read at iteration position ``pos``, broadcasting."""
        r, c = self.program.nodes[i].shape
        zero = ir.Constant(I64, 0)
        return (zero if r == 1 else pos[0]), (zero if c == 1 else pos[1])

    def value(self, a: int, pos):
        v = self.vals.get(a)
        if v is not None:
            return v
        node = self.program.nodes[a]
        if not node.args and node.op not in (sp.MatrixSymbol, sp.ImmutableDenseMatrix):
            return self._leaf(node)
        if (a not in self.ptr and a not in self.matrices) or pos is None:
            raise AssertionError(f"internal error: node {self.names[a]} is not available here")
        v = self.b.load(self._addr(a, *self._at(a, pos)), typ=self.fp, name=self.names[a])
        if a in self.bools:
            v = self.b.fcmp_unordered("!=", v, self.const(0))
        return v

    def _compute(self, i: int, pos):
        node = self.program.nodes[i]
        if node.op is BroadcastTo:
            return self.value(node.args[0], pos)
        if node.op is OneHot:
            label = self.value(node.args[0], pos)
            hit = self.b.fcmp_ordered("==", label, self.b.sitofp(pos[1], self.fp))
            return self.select(hit, self.const(1), self.const(0))
        if node.op is sp.Transpose:
            a = node.args[0]
            return self.b.load(self._addr(a, pos[1], pos[0]), typ=self.fp)
        rule = EMIT.get(node.op)
        if rule is None:
            raise NotImplementedError(f"the llvm backend cannot emit {node.op.__name__} "
                                      f"(node {self.names[i]} of the program)")
        v = rule(self, node, [self.value(a, pos) for a in node.args])
        if v.type == I1:
            self.bools.add(i)
        return v

    # -- BLAS ------------------------------------------------------------------------------------
    def _int_arg(self, v, name):
        slot = self.allocas.alloca(self.blas_int, name=name)
        self.b.store(v if self.blas_int.width == 64 else self.b.trunc(v, self.blas_int), slot)
        return slot

    def _operand(self, a: int):
        """(buffer, transpose flag, leading dimension) of a GEMM operand, row-major view."""
        node = self.program.nodes[a]
        if self.sched.kind[a] == "view":
            base = node.args[0]
            return self._buffer(base), ord("T"), self.program.nodes[base].shape[1]
        return self._buffer(a), ord("N"), node.shape[1]

    def _emit_gemm(self, i: int) -> None:
        b, node = self.b, self.program.nodes[i]
        A, B = node.args
        pa, ta, lda = self._operand(A)
        pb, tb, ldb = self._operand(B)
        m, n = node.shape
        k = self.program.nodes[A].shape[1]
        one = ir.Constant(I64, 1)

        def ld(d):
            v = self.dim(d)
            return b.select(b.icmp_signed("<", v, one), one, v)

        flags = []
        for t, nm in ((tb, "transa"), (ta, "transb")):
            f = self.allocas.alloca(I8, name=nm)
            b.store(ir.Constant(I8, t), f)
            flags.append(f)
        alpha, beta = self.allocas.alloca(self.fp, name="alpha"), self.allocas.alloca(self.fp, name="beta")
        b.store(self.const(1), alpha)
        b.store(self.const(0), beta)
        args = flags + [self._int_arg(self.dim(n), "m"), self._int_arg(self.dim(m), "n"),
                        self._int_arg(self.dim(k), "k"), alpha, pb, self._int_arg(ld(ldb), "lda"),
                        pa, self._int_arg(ld(lda), "ldb"), beta, self.ptr[i],
                        self._int_arg(ld(n), "ldc")]
        b.call(self.gemm, args)

    # -- loop nests ---------------------------------------------------------------------------------
    def _loop(self, count, name: str, carried=(), interleave: int = 0, start=None):
        """Open ``for (idx = start or 0; idx < count; idx++)``; returns (idx, phis, close).

        ``carried`` are initial values of loop-carried accumulators; ``close(next)``
        ends the body with their next values and leaves the builder after the loop.
        ``interleave`` asks the vectorizer for that many vectors in flight.
        """
        b = self.b
        pre = b.block
        head = self.fn.append_basic_block(f"{name}.head")
        body = self.fn.append_basic_block(f"{name}.body")
        done = self.fn.append_basic_block(f"{name}.done")
        b.branch(head)
        b.position_at_end(head)
        idx = b.phi(I64, name=name)
        idx.add_incoming(ir.Constant(I64, 0) if start is None else start, pre)
        phis = []
        for v in carried:
            ph = b.phi(v.type, name=f"{name}.acc")
            ph.add_incoming(v, pre)
            phis.append(ph)
        b.cbranch(b.icmp_signed("<", idx, count), body, done)
        b.position_at_end(body)

        def close(nexts=()):
            latch = b.block
            idx.add_incoming(b.add(idx, ir.Constant(I64, 1), flags=["nuw", "nsw"]), latch)
            for ph, v in zip(phis, nexts):
                ph.add_incoming(v, latch)
            br = b.branch(head)
            if interleave:
                br.set_metadata("llvm.loop", self._loop_id(name, interleave))
            b.position_at_end(done)
        return idx, phis, close

    def _loop_id(self, name: str, interleave: int):
        """A loop's self-referential ``!llvm.loop`` node asking for ``interleave``.

        The vectorizer's cost model keeps one 8-wide vector in flight for the
        bias + tanh loop, whose polynomial and division form one long chain;
        four independent vectors hide that latency.  T3's loops with the
        GEMMs stubbed out, best of 30 interleaved rounds: float64 298 us
        (no hint), 299 (two), 253 (four); float32 156, 147, 130 us.  Eight
        was no better than four in float64 and worse in float32.
        """
        m = self.module
        hint = m.add_metadata([ir.MetaDataString(m, "llvm.loop.interleave.count"),
                               ir.Constant(ir.IntType(32), interleave)])
        node = m.add_metadata([ir.MetaDataString(m, name), hint])   # unique per loop
        node.operands = (node, hint)    # the loop ID refers to itself (LangRef)
        return node

    def _emit_region(self, region: Region) -> None:
        if self._scratch_size(region) is not None:
            self._emit_parallel_region(region)
            return
        b = self.b
        self.n_regions += 1
        lo, hi, name = ir.Constant(I64, 0), self.dim(region.rows), f"r{self.n_regions}"
        fast = self.has_fast_trig(region.nodes())
        sums = self._region_loop(region, lo, hi, name, fast=fast)
        totals = {i: b.load(acc, typ=self.fp, name=self.names[i]) for i, acc in sums.items()}
        if fast:   # an argument beyond the medium range: the whole region again, full functions
            before = b.block
            with b.if_then(b.load(self.trig_flag, typ=I1)):
                again = self._region_loop(region, lo, hi, f"{name}.full")
                redone = {i: b.load(acc, typ=self.fp) for i, acc in again.items()}
                after = b.block
            for i in totals:
                phi = b.phi(self.fp, name=self.names[i])
                phi.add_incoming(totals[i], before)
                phi.add_incoming(redone[i], after)
                totals[i] = phi
        self.vals.update(totals)

    def _region_loop(self, region: Region, lo, hi, name: str, fast: bool = False) -> dict[int, ir.Value]:
        """Rows ``lo`` to ``hi`` of ``region``: column sums zeroed first, then the row loop.

        Returns node -> the stack slot of each ``Sum``'s total over these rows.
        ``fast``: sin/cos/tan take their medium-range variants and
        :attr:`trig_flag` (a stack slot) ends up true if an argument needed the
        full ones; running the region again without ``fast`` then redoes all
        of it (its column sums and ``Sum`` totals start again from zero).
        """
        b, p = self.b, self.program
        if fast:
            self.trig_checks = []
            self.trig_flag = self.allocas.alloca(I1, name=f"{name}.beyond")
            b.store(ir.Constant(I1, 0), self.trig_flag)
        sums = {}
        for i in region.nodes():
            node = p.nodes[i]
            if is_column_sum(node):
                self._zero(i)
            elif node.op is Sum:
                sums[i] = self.allocas.alloca(self.fp, name=f"{self.names[i]}.acc")
                b.store(self.const(0), sums[i])
        rows, _, close = self._loop(hi, name, start=lo)
        for stage in region.stages:
            self._emit_stage(stage, rows, sums)
        close()
        self.trig_checks = None
        for i in region.nodes():   # row-scoped values do not reach past the row loop
            self.vals.pop(i, None)
        return sums


    def _zero(self, i: int) -> None:
        r, c = self.program.nodes[i].shape
        idx, _, close = self._loop(self.b.mul(self.dim(r), self.dim(c)), f"z.{self.names[i]}")
        self.b.store(self.const(0), self.b.gep(self.ptr[i], [idx], inbounds=True, source_etype=self.fp))
        close()

    def _reduce_init(self, node):
        return self.const(-np.inf) if node.op is RowMax else self.const(0)

    def _reduce(self, node, acc, x):
        if node.op is RowMax:
            return self.fmax(x, acc)
        return self.b.fadd(acc, self._as_fp(x), flags=["reassoc"])

    def _emit_stage(self, stage: Stage, row, sums) -> None:
        b, p = self.b, self.program
        accs = [i for i in stage.nodes if is_row_reduction(p.nodes[i]) or p.nodes[i].op is Sum]
        fast = self.trig_checks is not None     # the fast pass of a trig region: carry its flag
        first_check = len(self.trig_checks) if fast else 0
        inits = [self._reduce_init(p.nodes[i]) for i in accs] + ([ir.Constant(I1, 0)] if fast else [])
        for i in stage.nodes:   # labels are (N, 1): once per row, before the column loop
            if p.nodes[i].op is OneHot:
                self._check_labels(i, row)
        if stage.looped:
            col, phis, close = self._loop(self.dim(stage.cols), f"c{self.names[stage.nodes[0]]}", inits,
                                          INTERLEAVE if _wide(stage.cols) else 0)
        else:
            col, phis, close = ir.Constant(I64, 0), inits, None
        pos = (row, col)
        nexts = {}
        for i in stage.nodes:
            node = p.nodes[i]
            if i in accs:
                nexts[i] = self._reduce(node, phis[accs.index(i)], self.value(node.args[0], pos))
                continue
            if node.op is ReduceSum:   # axis 0: a running column sum in its buffer
                x = self._as_fp(self.value(node.args[0], pos))
                zero = ir.Constant(I64, 0)
                addr = self._addr(i, zero, pos[1] if node.shape[1] != 1 else zero)
                b.store(b.fadd(b.load(addr, typ=self.fp), x), addr)
                continue
            v = self._compute(i, pos)
            self.vals[i] = v
            if i in self.sched.materialized:
                b.store(self._as_fp(v), self._addr(i, *self._at(i, pos)))
        flag = self.fold_checks(phis[-1], first_check) if fast else None
        if close is not None:
            close([nexts[i] for i in accs] + ([flag] if fast else []))
            for i in stage.nodes:   # values of the loop body do not reach past it
                self.vals.pop(i, None)
            results = phis
            flag = phis[-1] if fast else None
        else:
            results = [nexts[i] for i in accs]
        if fast:
            b.store(b.or_(b.load(self.trig_flag, typ=I1), flag), self.trig_flag)
        for i, r in zip(accs, results):
            if p.nodes[i].op is Sum:
                b.store(b.fadd(b.load(sums[i], typ=self.fp), r, flags=["reassoc"]), sums[i])
            else:
                self.vals[i] = r
                if i in self.sched.materialized:
                    b.store(r, self._addr(i, row, ir.Constant(I64, 0)))

    def _check_labels(self, i: int, row) -> None:
        """Note in the status buffer (see :class:`Layout`) a label of ``OneHot`` node ``i``
        that is not an integer in ``0..K-1`` (NaN and inf included).

        The first such label of a serial loop is kept; with row chunks on
        several threads, one of them.  The accesses are atomic (monotonic), so
        racing chunks are defined; the branch is taken only for bad labels.
        """
        b, node = self.b, self.program.nodes[i]
        label = self.value(node.args[0], (row, ir.Constant(I64, 0)))
        ok = b.and_(b.fcmp_ordered("==", label, self.math.floor(b, label)),
                    b.and_(b.fcmp_ordered(">=", label, self.const(0)),
                           b.fcmp_ordered("<", label, self.const(node.attr))), name="label.ok")
        with b.if_then(b.not_(ok), likely=False):
            status = self.ptr[self.layout.status]
            size = 8 if isinstance(self.fp, ir.DoubleType) else 4   # alignment of the atomics
            first = b.fcmp_ordered("==", b.load_atomic(status, "monotonic", size, typ=self.fp), self.const(0))
            with b.if_then(first):
                _store_atomic(b, label, b.gep(status, [ir.Constant(I64, 1)], inbounds=True,
                                              source_etype=self.fp), size)
                _store_atomic(b, self.const(1 + self.layout.label_checks.index(i)), status, size)


def _store_atomic(b: ir.IRBuilder, value, ptr, align: int) -> None:
    """``store atomic ... monotonic``: IRBuilder.store_atomic asks an opaque pointer for its
    pointee type and fails, so the instruction is made directly."""
    b._insert(ir.instructions.StoreAtomicInstr(b.block, value, ptr, "monotonic", align))


def _wide(cols) -> bool:
    """Enough columns for four interleaved vectors (16 float64 lanes x 4 = 64)?"""
    return not isinstance(cols, int) or cols >= 64


def emit_tensor_module(program: Program, dtype, layout: Layout | None = None, math=None,
                       blas_int_bits: int = 32) -> ir.Module:
    """The IR module of a tensor program; see the module docstring."""
    return TensorEmitter(program, dtype, layout or Layout(program), math, blas_int_bits).emit()
