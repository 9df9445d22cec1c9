"""Wide scalar programs: blocks of samples, the program in segments, values in scratch rows.

The scalar kernel's loop computes every output of one sample per iteration.
For a program with hundreds of input and output arrays (T2's nets: 1,650
inputs and 1,634 outputs at H = 32) each iteration then touches a cache line
of every array, more pages than the TLB holds, and its thousands of values
in one basic block defeat both the vectorizer and the register allocator:
the kernel ran slower than the NumPy backend's one array operation per node.

Here the batch runs in blocks of ``B`` samples.  The program's computed
nodes are cut, in order, into segments of about :data:`SEGMENT_OPS`
operations; each segment is a loop over the block's samples that reads its
arguments (input arrays, or scratch rows written by earlier segments),
computes its nodes, and writes outputs and the values later segments read.
A scratch row is a stack array of ``B`` elements, reused once its value is
dead, so the working set stays in L1/L2 and each loop is small enough to
vectorize.  A segment using sin, cos or tan loops with their medium-range
variants first and repeats its loop with the full functions only when a
sample needs them (repeating is safe: it rewrites only its own outputs and
rows).

Every piece is bounded, so compile time grows linearly with the program:
sums and products of many terms are first cut into chains of partial results
(:func:`split_wide_nodes`), the rows are one stack array, and the block loop
calls group functions of :data:`GROUP_SEGMENTS` segments each.

Example
-------
>>> import sympy as sp, symgrad as sg
>>> xs = sp.symbols("x0:40")
>>> p = sg.grad(sum(sp.tanh(a * b) for a, b in zip(xs, xs[1:])), list(xs)).program
>>> plan = plan_segments(p, (True,) * len(p.inputs))
>>> len(plan.segments) > 1, plan.n_rows > 0
(True, True)
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from llvmlite import ir

from symgrad.ir.graph import Node
from symgrad.ir.program import Program

from .ops import I1, I64, PTR

__all__ = ["SegmentPlan", "plan_segments", "is_wide", "emit_segments", "split_wide_nodes",
           "SEGMENT_OPS", "WIDE_STREAMS", "MAX_FANIN"]

#: programs with more array streams (array inputs + outputs) than this run in segments
WIDE_STREAMS = 64
#: or with more computed nodes than this
WIDE_OPS = 2000
#: a segment ends after this many operations, or once its loop would make this many array
#: accesses (inputs, outputs, rows of earlier segments): beyond ~50, LLVM's loop access
#: analysis gives up and the loop stays scalar.  T2 at H = 16, 4,096 samples: 16.6 ms with
#: 256 operations per segment (1 of 6 loops vectorized), 6.9 ms with 128, 5.0 with 64, 4.5 with 32
SEGMENT_OPS, SEGMENT_ACCESSES = 64, 40
#: samples per block, and the stack the scratch rows may take
BLOCK, SCRATCH_BYTES = 128, 1 << 20
#: sums and products of more arguments are cut into partial results (split_wide_nodes)
MAX_FANIN = 16
#: segments per group function (see emit_segments)
GROUP_SEGMENTS = 16


def is_wide(program: Program, pattern) -> bool:
    streams = sum(map(bool, pattern)) + len(program.outputs)
    ops = sum(1 for n in program.nodes if n.args)
    return streams > WIDE_STREAMS or ops > WIDE_OPS


def split_wide_nodes(program: Program) -> Program:
    """``program`` with each sum or product of more than :data:`MAX_FANIN` terms
    written as a chain of partial results.

    A node's arguments are all read in its segment's loop; the gradient of a
    sum of 12,500 terms has nodes of 12,500 arguments, each in a scratch row of
    its own, which made one segment function of 12,500 pointer parameters (and
    LLVM's passes quadratic in them).  ``a1 + ... + a40`` becomes ``p1 = a1 +
    ... + a16``, ``p2 = p1 + a17 + ... + a31``, ``p2 + a32 + ... + a40``: the
    same operations in the same left-to-right order (the emitters fold left),
    so the same rounding.  A program without such nodes is returned as is.

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> xs = sp.symbols("x0:40")
    >>> p = split_wide_nodes(sg.grad(sp.Add(*xs), [xs[0]]).program)
    >>> [len(n.args) for n in p.nodes if n.args]
    [16, 16, 10]
    """
    if all(len(n.args) <= MAX_FANIN for n in program.nodes):
        return program
    nodes: list[Node] = []
    new: list[int] = []        # old index -> new index
    for node in program.nodes:
        args = [new[a] for a in node.args]
        if node.op in (sp.Add, sp.Mul) and len(args) > MAX_FANIN:
            while len(args) > MAX_FANIN:
                nodes.append(Node(node.op, tuple(args[:MAX_FANIN]), node.attr, node.shape))
                args = [len(nodes) - 1] + args[MAX_FANIN:]
        nodes.append(Node(node.op, tuple(args), node.attr, node.shape))
        new.append(len(nodes) - 1)
    return Program(nodes, [(n, new[i]) for n, i in program.inputs], [(n, new[i]) for n, i in program.outputs],
                   program._tree_ops)


@dataclass
class SegmentPlan:
    """Which nodes each segment computes, reads and keeps for later (per segment, ascending)."""

    segments: list[list[int]]     # computed nodes
    loads: list[list[int]]        # array inputs it reads
    scalars: list[list[int]]      # broadcast inputs it reads (passed by value)
    reads: list[list[int]]        # values of earlier segments it reads (from their rows)
    keeps: list[list[int]]        # its values that later segments read (to their rows)
    leaves: list[list[int]]       # constants it needs
    outputs: list[list[int]]      # positions in program.outputs it stores
    row: dict[int, int]           # node -> scratch row
    n_rows: int


def plan_segments(program: Program, pattern) -> SegmentPlan:
    """Cut ``program`` into segments and give the values that cross them rows."""
    p = program
    array_inputs = {i for k, (_, i) in enumerate(p.inputs) if pattern[k]}
    scalar_inputs = {i for k, (_, i) in enumerate(p.inputs) if not pattern[k]}
    stored = {i for _, i in p.outputs}
    segments = _cut(p, array_inputs, stored)
    seg_of = {i: s for s, nodes in enumerate(segments) for i in nodes}
    n = len(segments)
    loads, scalars, reads, leaves = ([set() for _ in range(n)] for _ in range(4))
    last_use: dict[int, int] = {}

    def needs(s: int, a: int) -> None:
        if a in seg_of:
            if seg_of[a] != s:
                reads[s].add(a)
                last_use[a] = max(last_use.get(a, s), s)
        elif a in array_inputs:
            loads[s].add(a)
        elif a in scalar_inputs:
            scalars[s].add(a)
        else:
            leaves[s].add(a)

    for s, nodes in enumerate(segments):
        for u in nodes:
            for a in p.nodes[u].args:
                needs(s, a)
    outputs: list[list[int]] = [[] for _ in range(n)]
    for k, (_, i) in enumerate(p.outputs):
        s = seg_of.get(i, 0)            # inputs and constants: stored by the first segment
        outputs[s].append(k)
        if i not in seg_of:
            needs(s, i)
    keeps: list[list[int]] = [[] for _ in range(n)]
    dies_after: list[list[int]] = [[] for _ in range(n)]
    for a in sorted(last_use):
        keeps[seg_of[a]].append(a)
        dies_after[last_use[a]].append(a)
    row: dict[int, int] = {}
    free: list[int] = []
    n_rows = 0
    for s in range(n):
        for a in keeps[s]:              # rows dead before this segment are free again
            if free:
                row[a] = free.pop()
            else:
                row[a], n_rows = n_rows, n_rows + 1
        free += [row[a] for a in dies_after[s]]
    return SegmentPlan(segments, *([sorted(x) for x in group] for group in (loads, scalars, reads)),
                       keeps, [sorted(x) for x in leaves], outputs, row, n_rows)


def _cut(p: Program, array_inputs: set, stored: set) -> list[list[int]]:
    """The computed nodes in order, cut at :data:`SEGMENT_OPS` operations or
    :data:`SEGMENT_ACCESSES` array accesses (inputs, outputs, earlier segments' rows)."""
    segments: list[list[int]] = [[]]
    seg_of: dict[int, int] = {}
    touched: set[int] = set()
    for i, node in enumerate(p.nodes):
        if not node.args:
            continue

        def accesses(open_segment: int) -> set[int]:
            out = {a for a in node.args if a in array_inputs or (a in seg_of and seg_of[a] != open_segment)}
            return out | ({i} if i in stored else set())

        new = accesses(len(segments) - 1)
        if segments[-1] and (len(segments[-1]) >= SEGMENT_OPS or len(touched | new) > SEGMENT_ACCESSES):
            segments.append([])
            touched = set()
            new = accesses(len(segments) - 1)
        segments[-1].append(i)
        seg_of[i] = len(segments) - 1
        touched |= new
    return segments


def _loop_hints(module: ir.Module, name: str):
    """``!llvm.loop`` for a segment loop: vectorize, but no interleaving or unrolling (hundreds
    of loops of up to 64 operations: the copies cost compile time and gain nothing)."""
    hints = [module.add_metadata([ir.MetaDataString(module, "llvm.loop.interleave.count"),
                                  ir.Constant(ir.IntType(32), 1)]),
             module.add_metadata([ir.MetaDataString(module, "llvm.loop.unroll.disable")])]
    node = module.add_metadata([ir.MetaDataString(module, name)] + hints)
    node.operands = (node, *hints)   # the loop ID refers to itself (LangRef)
    return node


def emit_segments(em, fn: ir.Function, entry: ir.Block, n, io, done: ir.Block) -> None:
    """Emit the block loop of a wide program at ``em.b``; see the module docstring.

    ``io`` is ``(input pointers, output pointers, input names)``.  Each segment
    is a function of its own, ``seg<s>(start, count, arrays..., rows..., broadcast
    values...)`` with ``noalias`` pointers: LLVM's passes then work on small
    functions (one function of 272 loops took 12 s to optimize at T2's H = 32).
    The block loop calls ``group<s>(start, count, arrays, rows)`` for every
    :data:`GROUP_SEGMENTS` segments, which reads the pointers its segments need
    from the table ``arrays`` (inputs, then outputs): one function calling
    every segment grew with the program, and register allocation in it faster.
    """
    p, b, fp = em.program, em.b, em.fp
    in_ptrs, out_ptrs, in_names = io
    plan = plan_segments(p, em.pattern)
    block = BLOCK
    while block > 16 and plan.n_rows * block * (8 if isinstance(fp, ir.DoubleType) else 4) > SCRATCH_BYTES:
        block //= 2
    # the scratch rows: one static alloca in the entry block, before its branch (one per
    # row made thousands for deep programs, and LLVM's MemCpyOpt and DSE quadratic in them)
    ab = ir.IRBuilder(entry)
    ab.position_before(entry.terminator)
    scratch = ab.alloca(fp, size=block * max(1, plan.n_rows), name="rows")
    arrays = list(in_ptrs) + list(out_ptrs)
    table = ab.alloca(PTR, size=max(1, len(arrays)), name="arrays")
    for k, ptr in enumerate(arrays):
        ab.store(ptr, ab.gep(table, [ir.Constant(I64, k)], inbounds=True, source_etype=PTR))
    in_name = {i: in_names[k] for k, (_, i) in enumerate(p.inputs)}
    bools: set[int] = set()
    segment_fns = [_segment_function(em, plan, s, in_name, bools) for s in range(len(plan.segments))]
    groups = [_group_function(em, plan, segment_fns, range(g, min(g + GROUP_SEGMENTS, len(segment_fns))), block)
              for g in range(0, len(segment_fns), GROUP_SEGMENTS)]
    em.b = b

    head = b.block
    outer = fn.append_basic_block("block")
    b.branch(outer)
    b.position_at_end(outer)
    start = b.phi(I64, name="block")
    start.add_incoming(ir.Constant(I64, 0), head)
    left = b.sub(n, start, name="left")
    count = b.select(b.icmp_signed("<", left, ir.Constant(I64, block)), left, ir.Constant(I64, block),
                     name="count")
    for group in groups:
        b.call(group, [start, count, table, scratch])
    nxt = b.add(start, count, name="block.next", flags=["nuw", "nsw"])
    start.add_incoming(nxt, b.block)
    b.cbranch(b.icmp_signed("<", nxt, n), outer, done)


def _group_function(em, plan: SegmentPlan, segment_fns: list, segs: range, block: int) -> ir.Function:
    """``void group<s>(i64 start, i64 count, ptr arrays, ptr rows)``: calls segments ``segs``
    with the array pointers, scratch rows and broadcast values each one takes."""
    p, fp = em.program, em.fp
    fn = ir.Function(em.module, ir.FunctionType(ir.VoidType(), [I64, I64, PTR, PTR]), f"group{segs[0]}")
    fn.linkage = "internal"
    fn.attributes.add("noinline")
    fn.attributes.add("nounwind")
    start, count, table, rows = fn.args
    start.name, count.name, table.name, rows.name = "start", "count", "arrays", "rows"
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    slot = {i: k for k, (_, i) in enumerate(p.inputs)}
    ptrs: dict[int, ir.Value] = {}
    scalars: dict[int, ir.Value] = {}

    def array(k: int) -> ir.Value:
        if k not in ptrs:
            ptrs[k] = b.load(b.gep(table, [ir.Constant(I64, k)], inbounds=True, source_etype=PTR), typ=PTR)
        return ptrs[k]

    def scalar(a: int) -> ir.Value:   # a broadcast input: its one value
        if a not in scalars:
            scalars[a] = b.load(array(slot[a]), typ=fp)
        return scalars[a]

    for s in segs:
        args = [start, count] + [array(slot[a]) for a in plan.loads[s]]
        args += [array(len(p.inputs) + k) for k in plan.outputs[s]]
        args += [b.gep(rows, [ir.Constant(I64, plan.row[a] * block)], inbounds=True, source_etype=fp)
                 for a in plan.reads[s] + plan.keeps[s]]
        args += [scalar(a) for a in plan.scalars[s]]
        b.call(segment_fns[s], args)
    b.ret_void()
    return fn


def _segment_function(em, plan: SegmentPlan, s: int, in_name, bools: set) -> ir.Function:
    """``void seg<s>(i64 start, i64 count, ptr noalias ..., scalars...)``: the segment's loop
    over one block (``bools``: nodes whose rows hold comparisons as 0/1, filled in order)."""
    fp = em.fp
    n_ptr = len(plan.loads[s]) + len(plan.outputs[s]) + len(plan.reads[s]) + len(plan.keeps[s])
    fty = ir.FunctionType(ir.VoidType(), [I64, I64] + [PTR] * n_ptr + [fp] * len(plan.scalars[s]))
    fn = ir.Function(em.module, fty, f"seg{s}")
    fn.linkage = "internal"
    fn.attributes.add("noinline")
    fn.attributes.add("nounwind")
    start, count, *rest = fn.args
    start.name, count.name = "start", "count"
    for a in rest[:n_ptr]:
        a.add_attribute("noalias")
    ptrs = iter(rest[:n_ptr])
    loads = {a: next(ptrs) for a in plan.loads[s]}
    outs = [next(ptrs) for _ in plan.outputs[s]]
    rows = {a: next(ptrs) for a in plan.reads[s] + plan.keeps[s]}
    entry = fn.append_basic_block("entry")
    done = fn.append_basic_block("exit")
    b = em.b = ir.IRBuilder(entry)
    nonempty = fn.append_basic_block("nonempty")
    b.cbranch(b.icmp_signed(">", count, ir.Constant(I64, 0)), nonempty, done)
    b.position_at_end(nonempty)
    io = (start, count, loads, outs, rows, rest[n_ptr:])

    def emit_loop(name, after, carried=None):
        return _segment_loop(em, plan, s, in_name, bools, io, name, after, carried)

    if em.has_fast_trig(plan.segments[s]):   # medium-range sin/cos/tan; the full ones if needed
        em.fast_then_full(fn, emit_loop, done)
    else:
        emit_loop("loop", done)
    fn.blocks.remove(done)
    fn.blocks.append(done)
    b.position_at_end(done)
    b.ret_void()
    return fn


def _segment_loop(em, plan: SegmentPlan, s: int, in_name, bools: set, io, name: str, after, carried=None):
    """The loop of segment ``s`` over ``[0, count)`` at ``em.b``; with ``carried``, also
    the ``or`` of its trig checks, returned as it is at the loop's exit."""
    p, fp, b = em.program, em.fp, em.b
    start, count, loads, outs, rows, scalars = io
    pre = b.block
    loop = b.function.append_basic_block(name)
    b.branch(loop)
    b.position_at_end(loop)
    j = b.phi(I64, name="j")
    j.add_incoming(ir.Constant(I64, 0), pre)
    flag = None
    if carried is not None:
        flag = b.phi(I1, name="beyond")
        flag.add_incoming(carried, pre)
    i = b.add(start, j, name="i", flags=["nuw", "nsw"])
    vals: dict = {}
    for a, v in zip(plan.scalars[s], scalars):
        vals[a] = v
    for a, ptr in loads.items():
        vals[a] = b.load(b.gep(ptr, [i], inbounds=True, source_etype=fp), typ=fp, name=in_name[a])
    for a in plan.reads[s]:
        v = b.load(b.gep(rows[a], [j], inbounds=True, source_etype=fp), typ=fp)
        vals[a] = b.fcmp_unordered("!=", v, em.const(0)) if a in bools else v
    em.emit_nodes(vals, sorted(plan.leaves[s] + plan.segments[s]))
    for a in plan.keeps[s]:
        if vals[a].type == I1:
            bools.add(a)
        b.store(em._as_fp(vals[a]), b.gep(rows[a], [j], inbounds=True, source_etype=fp))
    for k, ptr in zip(plan.outputs[s], outs):
        b.store(em._as_fp(vals[p.outputs[k][1]]), b.gep(ptr, [i], inbounds=True, source_etype=fp))
    nxt = None
    if flag is not None:
        nxt = em.fold_checks(flag)
        flag.add_incoming(nxt, b.block)
    j_next = b.add(j, ir.Constant(I64, 1), name="j_next", flags=["nuw", "nsw"])
    j.add_incoming(j_next, b.block)
    br = b.cbranch(b.icmp_signed("<", j_next, count), loop, after)
    br.set_metadata("llvm.loop", _loop_hints(em.module, f"seg{s}.{name}"))
    return nxt
