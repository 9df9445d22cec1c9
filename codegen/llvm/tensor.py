"""LLVM IR for tensor programs: BLAS calls and fused loop nests in one function.

The :mod:`.fusion` schedule says what runs where; this module emits it as

``kernel(ptr slots, ptr dims)``
    ``slots`` is an array of pointers: the inputs (in argument order), the
    outputs, the workspace buffers, the address of the BLAS
    ``dgemm``/``sgemm`` (a runtime address, so it is an argument: the disk
    cache stores object code that must stay valid in other processes), and
    last the addresses of the OpenMP functions of
    :data:`~codegen.llvm.blas.OPENMP_FUNCTIONS` (null: loops run serially).
    ``dims`` holds the values of the dimension symbols (the batch size
    ``N``) as i64.

Matrices are row-major.  BLAS is Fortran (column-major, every argument by
pointer), so ``C = op(A) @ op(B)`` is called as ``C^T = op(B)^T op(A)^T``: a
row-major buffer read column-major is its transpose, and a ``Transpose``
operand only flips the flag.  Loop nests with enough work run on several threads: each such region is
outlined into ``region<k>.body(ctx, chunk)``, which runs one contiguous
chunk of rows, and ``GOMP_parallel`` hands the chunks to the threads (see
:meth:`TensorEmitter._emit_parallel_region`).  Sums across rows (the loss,
bias gradients) are accumulated per chunk and added up in chunk order
afterwards, so the result depends on the number of chunks but not on which
thread ran what.  Entrywise ops reuse the scalar backend's
:data:`~codegen.llvm.ops.EMIT` table and its vectorizable math, so each
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

from symgrad.program import Program, identifier
from symgrad.tensor import BroadcastTo, OneHot, ReduceSum, RowMax, Sum

from .emit import EMIT, I1, I64, KERNEL, PTR, KernelEmitter, fp_type
from .fusion import Region, Schedule, Stage, is_row_reduction, schedule, share_buffers
from .mathlib import default_math

__all__ = ["Layout", "TensorEmitter", "emit_tensor_module", "GEMM_TYPE"]

I8 = ir.IntType(8)
#: vectors in flight per column loop (see TensorEmitter._loop_id)
INTERLEAVE = 4
#: the Fortran gemm: transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc
GEMM_TYPE = ir.FunctionType(ir.VoidType(), [PTR] * 13)
I32 = ir.IntType(32)
#: GOMP_parallel(fn, data, num_threads, flags), omp_get_thread_num(), omp_get_num_threads(),
#: omp_get_max_threads(): the slots after the GEMM's, in codegen.llvm.blas.OPENMP_FUNCTIONS order
OMP_TYPES = (ir.FunctionType(ir.VoidType(), [PTR, PTR, I32, I32]), ir.FunctionType(I32, []),
             ir.FunctionType(I32, []), ir.FunctionType(I32, []))
#: at most this many row chunks per region (the scratch space for column sums is sized by it)
MAX_CHUNKS = 8
#: at least this many elements (rows x columns over all stages) per chunk; below it the
#: region runs on the calling thread (measured on T3: see TensorEmitter._emit_parallel_region)
CHUNK_WORK = 16384
#: regions whose column sums need more scratch than this many elements run serially
MAX_SCRATCH = 1 << 16


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
        self.gemm_slot = first + len(self.workspace)
        self.omp_slot = self.gemm_slot + 1
        self.n_slots = self.omp_slot + len(OMP_TYPES)

    def shape(self, i: int, bound: dict[str, int]) -> tuple[int, ...]:
        """Concrete shape of node ``i`` for dimension values ``bound``."""
        return tuple(d if isinstance(d, int) else bound[str(d)] for d in self.program.nodes[i].shape)


class TensorEmitter(KernelEmitter):
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
        self.names = program.names()
        self.n_regions = 0
        self.trig_checks = None   # in a region's fast pass: see _region_loop
        self.trig_flag = None

    # -- entry ------------------------------------------------------------------------
    def emit(self) -> ir.Module:
        p, lay = self.program, self.layout
        fn = ir.Function(self.module, ir.FunctionType(ir.VoidType(), [PTR, PTR]), KERNEL)
        fn.attributes.add("nounwind")
        slots, dims = fn.args
        slots.name, dims.name = "slots", "dims"
        self.fn = fn
        # allocas get a block of their own (stack slots for the BLAS arguments and
        # the sums): builders sharing a block would insert at stale positions
        self.allocas = ir.IRBuilder(fn.append_basic_block("allocas"))
        entry = fn.append_basic_block("entry")
        self.b = b = ir.IRBuilder(entry)
        self.dimv = {d: b.load(b.gep(dims, [ir.Constant(I64, k)], inbounds=True, source_etype=I64),
                               typ=I64, name=identifier(d)) for k, d in enumerate(lay.dims)}
        self.ptr = {}
        for i, k in sorted(lay.slot.items(), key=lambda t: t[1]):
            self.ptr[i] = b.load(b.gep(slots, [ir.Constant(I64, k)], inbounds=True, source_etype=PTR),
                                 typ=PTR, name=f"buf_{self.names[i]}")
        g = b.gep(slots, [ir.Constant(I64, lay.gemm_slot)], inbounds=True, source_etype=PTR)
        self.gemm = b.load(g, typ=ir.PointerType(GEMM_TYPE), name="gemm")
        self.slots_arg, self.dims_arg = slots, dims
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

    def _addr(self, i: int, row, col):
        cols = self.program.nodes[i].shape[1]
        idx = row if isinstance(cols, int) and cols == 1 else \
            self.b.add(self.b.mul(row, self.dim(cols), flags=["nsw"]), col, flags=["nsw"])
        return self.b.gep(self.ptr[i], [idx], inbounds=True, source_etype=self.fp)

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
        if not node.args and node.op is not sp.MatrixSymbol:
            return self._leaf(node)
        if a not in self.ptr or pos is None:
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
            return self.ptr[base], ord("T"), self.program.nodes[base].shape[1]
        return self.ptr[a], ord("N"), node.shape[1]

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
            if node.op is ReduceSum and node.attr == 0:
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


    # -- loop nests on several threads -------------------------------------------------------
    def _scratch_size(self, region: Region) -> int | None:
        """Elements of per-chunk scratch the region's column sums need, or None if it
        must run serially (column counts not known at compile time, or too many)."""
        size = 0
        for i in region.nodes():
            node = self.program.nodes[i]
            if node.op is ReduceSum and node.attr == 0:
                cols = node.shape[1]
                if not isinstance(cols, int):
                    return None
                size += cols
        return size if size * (MAX_CHUNKS - 1) <= MAX_SCRATCH else None

    def _emit_parallel_region(self, region: Region) -> None:
        """The region as ``region<k>.body(ctx, chunk)``, run on ``n`` chunks of rows.

        ``n`` is decided per call (:meth:`_chunks`): one chunk per
        :data:`CHUNK_WORK` elements, at most ``omp_get_max_threads()`` and
        :data:`MAX_CHUNKS`, and one when the OpenMP slots are null.  One chunk
        is a direct call; more go through ``GOMP_parallel`` to
        ``region<k>.omp``, where thread ``t`` of ``T`` runs chunks ``t, t + T,
        ...``.  Chunk 0 accumulates column sums in their buffers, chunk
        ``c > 0`` in scratch row ``c - 1``; ``Sum`` totals go to ``ctx``; the
        kernel adds both up in chunk order.

        T3 (float64, its loops alone, GEMMs stubbed out): 225 us on one
        thread, 116 us on two.  CHUNK_WORK = 16384 splits the two tanh
        regions and the two backward regions in two and keeps the 10-column
        softmax region on one thread.
        """
        self.n_regions += 1
        f = _Frame(self, region, f"region{self.n_regions}")
        fast = self.has_fast_trig(region.nodes())
        body = self._outline_body(region, f, "body", fast)
        omp = self._omp_entry(f, body)
        b, fp = self.b, self.fp
        cx = self.allocas.alloca(f.type, name=f"{f.name}.ctx")
        b.store(self.slots_arg, f.field(b, cx, f.SLOTS))
        b.store(self.dims_arg, f.field(b, cx, f.DIMS))
        rows = self.dim(region.rows)
        b.store(rows, f.field(b, cx, f.ROWS))
        for k, a in enumerate(f.captured):
            b.store(self._as_fp(self.vals[a]), f.field(b, cx, f.CAPTURED, ir.Constant(I32, k)))
        if f.col_sums:
            scratch = self.allocas.alloca(fp, size=f.scratch * (MAX_CHUNKS - 1), name=f"{f.name}.scratch")
            b.store(scratch, f.field(b, cx, f.SCRATCH))
        chunks = self._chunks(region, rows)
        b.store(chunks, f.field(b, cx, f.CHUNKS))
        self._run_chunks(cx, chunks, body, omp)
        if fast:   # a chunk met an argument beyond the medium range: all chunks again, full functions
            c, (beyond,), close = self._loop(chunks, f"{f.name}.beyond", [ir.Constant(I1, 0)])
            close([b.or_(beyond, b.trunc(b.load(f.field(b, cx, f.FLAGS, c), typ=I8), I1))])
            with b.if_then(beyond):
                full = self._outline_body(region, f, "full", False)
                self._run_chunks(cx, chunks, full, self._omp_entry(f, full))
        for i, off in f.col_sums:   # buffer += scratch rows 0 .. chunks - 2
            c, _, close = self._loop(chunks, f"{f.name}.{self.names[i]}.chunks", start=ir.Constant(I64, 1))
            base = b.add(b.mul(b.sub(c, ir.Constant(I64, 1)), ir.Constant(I64, f.scratch)), ir.Constant(I64, off))
            j, _, close_j = self._loop(ir.Constant(I64, self.program.nodes[i].shape[1]), f"{f.name}.add")
            src = b.gep(scratch, [b.add(base, j)], inbounds=True, source_etype=fp)
            dst = b.gep(self.ptr[i], [j], inbounds=True, source_etype=fp)
            b.store(b.fadd(b.load(dst, typ=fp), b.load(src, typ=fp)), dst)
            close_j()
            close()
        for j, i in enumerate(f.sum_nodes):   # Sum = partial 0 + partial 1 + ... in chunk order
            c, (acc,), close = self._loop(chunks, f"{f.name}.{self.names[i]}.total", [self.const(0)])
            close([b.fadd(acc, b.load(f.field(b, cx, f.PARTIALS, f.partial(b, c, j)), typ=fp))])
            self.vals[i] = acc   # the header's phi: the total once the loop exits

    def _run_chunks(self, cx, chunks, body: ir.Function, omp: ir.Function) -> None:
        """One chunk: a direct call of ``body``; more: ``GOMP_parallel`` of ``omp``."""
        b = self.b
        with b.if_else(b.icmp_signed(">", chunks, ir.Constant(I64, 1))) as (several, one):
            with several:
                gomp = b.load(b.gep(self.slots_arg, [ir.Constant(I64, self.layout.omp_slot)], inbounds=True,
                                    source_etype=PTR), typ=ir.PointerType(OMP_TYPES[0]))
                b.call(gomp, [omp, cx, b.trunc(chunks, I32), ir.Constant(I32, 0)])
            with one:
                b.call(body, [cx, ir.Constant(I64, 0)])

    def _outline_body(self, region: Region, f: "_Frame", kind: str, fast: bool) -> ir.Function:
        """``void region<k>.<kind>(ptr ctx, i64 chunk)``: rows ``[N c / n, N (c+1) / n)``.

        The emitter's per-function state (builders, dims, buffer pointers,
        values) is swapped for the body's while the region is emitted in it.
        ``fast``: the medium-range sin/cos/tan, the chunk's flag to ``ctx``.
        """
        fp = self.fp
        body = ir.Function(self.module, ir.FunctionType(ir.VoidType(), [PTR, I64]), f"{f.name}.{kind}")
        body.linkage = "internal"
        body.attributes.add("nounwind")
        ctx, chunk = body.args
        saved = (self.fn, self.b, self.allocas, self.dimv, self.ptr, self.vals, self.bools)
        self.fn = body
        self.allocas = ir.IRBuilder(body.append_basic_block("allocas"))
        entry = body.append_basic_block("entry")
        self.b = b = ir.IRBuilder(entry)
        slots = b.load(f.field(b, ctx, f.SLOTS), typ=PTR, name="slots")
        dims = b.load(f.field(b, ctx, f.DIMS), typ=PTR, name="dims")
        self.dimv = {d: b.load(b.gep(dims, [ir.Constant(I64, k)], inbounds=True, source_etype=I64),
                               typ=I64, name=identifier(d)) for k, d in enumerate(self.layout.dims)}
        self.ptr = {i: b.load(b.gep(slots, [ir.Constant(I64, k)], inbounds=True, source_etype=PTR),
                              typ=PTR, name=f"buf_{self.names[i]}")
                    for i, k in sorted(self.layout.slot.items(), key=lambda t: t[1])}
        self.vals, self.bools = {}, set(self.bools)
        for k, a in enumerate(f.captured):
            v = b.load(f.field(b, ctx, f.CAPTURED, ir.Constant(I32, k)), typ=fp, name=self.names[a])
            self.vals[a] = b.fcmp_unordered("!=", v, self.const(0)) if a in self.bools else v
        rows = b.load(f.field(b, ctx, f.ROWS), typ=I64, name="rows")
        chunks = b.load(f.field(b, ctx, f.CHUNKS), typ=I64, name="chunks")
        lo = b.udiv(b.mul(rows, chunk), chunks, name="lo")
        hi = b.udiv(b.mul(rows, b.add(chunk, ir.Constant(I64, 1))), chunks, name="hi")
        if f.col_sums:
            scratch = b.load(f.field(b, ctx, f.SCRATCH), typ=PTR, name="scratch")
            first = b.icmp_unsigned("==", chunk, ir.Constant(I64, 0))
            row = b.mul(b.sub(chunk, ir.Constant(I64, 1)), ir.Constant(I64, f.scratch))
            for i, off in f.col_sums:
                mine = b.gep(scratch, [b.add(row, ir.Constant(I64, off))], source_etype=fp)
                self.ptr[i] = b.select(first, self.ptr[i], mine, name=f"{self.names[i]}.part")
        sums = self._region_loop(region, lo, hi, f"{f.name}.rows", fast=fast)
        for j, i in enumerate(f.sum_nodes):
            self.b.store(self.b.load(sums[i], typ=fp), f.field(self.b, ctx, f.PARTIALS, f.partial(self.b, chunk, j)))
        if fast:
            self.b.store(self.b.zext(self.b.load(self.trig_flag, typ=I1), I8), f.field(self.b, ctx, f.FLAGS, chunk))
        self.b.ret_void()
        self.allocas.branch(entry)
        inside = self.bools
        self.fn, self.b, self.allocas, self.dimv, self.ptr, self.vals, self.bools = saved
        self.bools |= inside & f.members
        return body

    def _omp_entry(self, f: "_Frame", body: ir.Function) -> ir.Function:
        """``void region<k>.omp(ptr ctx)``, run by each OpenMP thread: chunks ``t, t + T, ...``."""
        omp = ir.Function(self.module, ir.FunctionType(ir.VoidType(), [PTR]), f"{body.name}.omp")
        omp.linkage = "internal"
        omp.attributes.add("nounwind")
        b = ir.IRBuilder(omp.append_basic_block("entry"))
        ctx = omp.args[0]
        slots = b.load(f.field(b, ctx, f.SLOTS), typ=PTR)
        thread_num, num_threads = (
            b.load(b.gep(slots, [ir.Constant(I64, self.layout.omp_slot + k)], inbounds=True, source_etype=PTR),
                   typ=ir.PointerType(OMP_TYPES[k])) for k in (1, 2))
        t = b.sext(b.call(thread_num, []), I64, name="t")
        nt = b.sext(b.call(num_threads, []), I64, name="nt")
        chunks = b.load(f.field(b, ctx, f.CHUNKS), typ=I64, name="chunks")
        head, loop, done = (omp.append_basic_block(n) for n in ("head", "loop", "done"))
        pre = b.block
        b.branch(head)
        b.position_at_end(head)
        c = b.phi(I64, name="c")
        c.add_incoming(t, pre)
        b.cbranch(b.icmp_signed("<", c, chunks), loop, done)
        b.position_at_end(loop)
        b.call(body, [ctx, c])
        c.add_incoming(b.add(c, nt), b.block)
        b.branch(head)
        b.position_at_end(done)
        b.ret_void()
        return omp

    def _chunks(self, region: Region, rows) -> ir.Value:
        """How many row chunks ``region`` runs in, an i64 of at least 1 (see above)."""
        b = self.b

        def smin(x, y):
            return b.select(b.icmp_signed("<", x, y), x, y)

        width = ir.Constant(I64, 0)
        for stage in region.stages:
            width = b.add(width, self.dim(stage.cols))
        n = b.udiv(b.mul(rows, width), ir.Constant(I64, CHUNK_WORK), name="by_work")
        max_threads = b.load(b.gep(self.slots_arg, [ir.Constant(I64, self.layout.omp_slot + 3)],
                                   inbounds=True, source_etype=PTR), typ=ir.PointerType(OMP_TYPES[3]))
        pre = b.block
        with b.if_then(b.icmp_unsigned("!=", max_threads, ir.Constant(ir.PointerType(OMP_TYPES[3]), None))):
            t = b.sext(b.call(max_threads, []), I64)
            then_block = b.block
        threads = b.phi(I64, name="threads")
        threads.add_incoming(ir.Constant(I64, 1), pre)
        threads.add_incoming(t, then_block)
        n = smin(smin(n, threads), smin(rows, ir.Constant(I64, MAX_CHUNKS)))
        return b.select(b.icmp_signed("<", n, ir.Constant(I64, 1)), ir.Constant(I64, 1), n, name="chunks")

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


class _Frame:
    """What a parallel region's functions share through ``ctx``, and its layout.

    ``ctx`` is a struct: the slot and dims pointers, the row count, the chunk
    count, the scratch rows of the column sums, every value computed outside
    the region that the region reads (``captured``), the ``Sum`` partials,
    ``MAX_CHUNKS`` per ``Sum``, and per chunk whether its fast pass met a
    sin/cos/tan argument beyond the medium range.
    """

    SLOTS, DIMS, ROWS, CHUNKS, SCRATCH, CAPTURED, PARTIALS, FLAGS = range(8)

    def __init__(self, em: TensorEmitter, region: Region, name: str):
        p = em.program
        self.name = name
        self.members = set(region.nodes())
        self.captured = sorted({a for i in self.members for a in p.nodes[i].args
                                if a in em.vals and a not in self.members})
        self.sum_nodes = [i for i in region.nodes() if p.nodes[i].op is Sum]
        self.col_sums, self.scratch = [], 0      # (node, offset in a scratch row), row length
        for i in region.nodes():
            if p.nodes[i].op is ReduceSum and p.nodes[i].attr == 0:
                self.col_sums.append((i, self.scratch))
                self.scratch += p.nodes[i].shape[1]
        self.type = ir.LiteralStructType([PTR, PTR, I64, I64, PTR, ir.ArrayType(em.fp, max(1, len(self.captured))),
                                          ir.ArrayType(em.fp, max(1, MAX_CHUNKS * len(self.sum_nodes))),
                                          ir.ArrayType(I8, MAX_CHUNKS)])

    def field(self, b: ir.IRBuilder, ctx, k: int, j=None):
        """Address of field ``k`` (element ``j`` of an array field) of ``ctx``: the kernel's
        typed alloca or a function's ``ptr`` argument."""
        idx = [ir.Constant(I32, 0), ir.Constant(I32, k)] + ([] if j is None else [j])
        return b.gep(ctx, idx, inbounds=True, source_etype=self.type if ctx.type.is_opaque else None)

    def partial(self, b: ir.IRBuilder, chunk, j: int):
        """Index of chunk ``chunk``'s partial of the ``j``-th Sum."""
        return b.add(b.mul(chunk, ir.Constant(I64, len(self.sum_nodes))), ir.Constant(I64, j))


def _wide(cols) -> bool:
    """Enough columns for four interleaved vectors (16 float64 lanes x 4 = 64)?"""
    return not isinstance(cols, int) or cols >= 64


def emit_tensor_module(program: Program, dtype, layout: Layout | None = None, math=None,
                       blas_int_bits: int = 32) -> ir.Module:
    """The IR module of a tensor program; see the module docstring."""
    return TensorEmitter(program, dtype, layout or Layout(program), math, blas_int_bits).emit()
