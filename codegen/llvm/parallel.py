"""Loop nests of tensor kernels on several threads: outlined regions run in row chunks.

A fused loop nest (a :class:`~symgrad.codegen.llvm.fusion.Region`) with enough work
is emitted as ``region<k>.body(ctx, chunk)``, which runs one contiguous chunk
of rows, plus ``region<k>.body.omp(ctx)``, which each thread of a
``GOMP_parallel`` team runs over its chunks.  The kernel decides the chunk
count per call, fills ``ctx`` (:class:`_Frame`), runs the chunks and adds
their column sums and ``Sum`` partials up in chunk order, so results depend
on the number of chunks but not on which thread ran what.  The OpenMP
entry points come in the slot array (:data:`OMP_TYPES`); null slots mean
one chunk, a direct call.

:class:`ParallelRegions` is a mixin of :class:`~symgrad.codegen.llvm.tensor.TensorEmitter`.
"""
from __future__ import annotations

from llvmlite import ir

from symgrad.ir.program import identifier
from symgrad.ir.arrays import Sum

from .fusion import Region, is_column_sum
from .ops import I1, I64, PTR

__all__ = ["ParallelRegions", "OMP_TYPES", "MAX_CHUNKS", "CHUNK_WORK", "MAX_SCRATCH"]

I8 = ir.IntType(8)
I32 = ir.IntType(32)
#: GOMP_parallel(fn, data, num_threads, flags), omp_get_thread_num(), omp_get_num_threads(),
#: omp_get_max_threads(): the slots after the GEMM's, in symgrad.codegen.llvm.blas.OPENMP_FUNCTIONS order
OMP_TYPES = (ir.FunctionType(ir.VoidType(), [PTR, PTR, I32, I32]), ir.FunctionType(I32, []),
             ir.FunctionType(I32, []), ir.FunctionType(I32, []))
#: at most this many row chunks per region (the scratch space for column sums is sized by it)
MAX_CHUNKS = 8
#: at least this many elements (rows x columns over all stages) per chunk; below it the
#: region runs on the calling thread (measured on T3: see ParallelRegions._emit_parallel_region)
CHUNK_WORK = 16384
#: regions whose column sums need more scratch than this many elements run serially
MAX_SCRATCH = 1 << 16


class ParallelRegions:
    """The emitter methods for regions run in chunks (see the module docstring)."""

    def _scratch_size(self, region: Region) -> int | None:
        """Elements of per-chunk scratch the region's column sums need, or None if it
        must run serially (column counts not known at compile time, or too many)."""
        size = 0
        for i in region.nodes():
            node = self.program.nodes[i]
            if is_column_sum(node):
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


class _Frame:
    """What a parallel region's functions share through ``ctx``, and its layout.

    ``ctx`` is a struct: the slot and dims pointers, the row count, the chunk
    count, the scratch rows of the column sums, every value computed outside
    the region that the region reads (``captured``), the ``Sum`` partials,
    ``MAX_CHUNKS`` per ``Sum``, and per chunk whether its fast pass met a
    sin/cos/tan argument beyond the medium range.
    """

    SLOTS, DIMS, ROWS, CHUNKS, SCRATCH, CAPTURED, PARTIALS, FLAGS = range(8)

    def __init__(self, em, region: Region, name: str):
        p = em.program
        self.name = name
        self.members = set(region.nodes())
        self.captured = sorted({a for i in self.members for a in p.nodes[i].args
                                if a in em.vals and a not in self.members})
        self.sum_nodes = [i for i in region.nodes() if p.nodes[i].op is Sum]
        self.col_sums, self.scratch = [], 0      # (node, offset in a scratch row), row length
        for i in region.nodes():
            if is_column_sum(p.nodes[i]):
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
