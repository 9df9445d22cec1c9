"""Which nodes of an n-D program get memory, and which are computed where they are read.

The n-D loop nests (:mod:`.nd`) compute a node either into a buffer of its
own (one loop nest over its shape) or *inline*: inside the loop nest of each
node that reads it, at the index that node reads.  Inlining is what keeps a
convolutional step from copying every movement op and every entrywise op
into memory: ``c + permute(reshape(gemm))`` and the ReLU after it are one
loop nest, an im2col matrix is one gather from the image, and a col2im
(``FoldWindows``) is a gather of the adjoint's windows, fused with the
ReLU gate that reads it.

The rules (:func:`plan`):

* in memory: every output, every GEMM and reduction, and the operands of
  each GEMM (after a matrix ``Transpose``, which becomes the GEMM's flag, and
  a chain of ``Reshape`` s, which are the same memory in C order);
* movement ops (index maps) are otherwise always inline: reading one costs
  index arithmetic only;
* an entrywise op or a ``FoldWindows`` is inline when each of its entries
  is computed at most once that way (:func:`plan` counts the reads through
  inlined users, including the repeats of an overlapping window or a
  broadcast), or a few times when it is cheap (:data:`CHEAP`), else it gets
  memory; a ``Shrink`` of a node that would be computed several times gets
  memory instead of it, so only the slice is computed, and a ``Pad`` read
  several times (by an im2col's overlapping windows) is padded once into
  memory, so the gather needs no range checks;
* chains are cut at :data:`MAX_INLINE_DEPTH`, which bounds the emitter's
  recursion and the size of one loop body.

Example
-------
>>> import sympy as sp
>>> from sympy.tensor.array.expressions import ArraySymbol
>>> from symgrad.ir.graph import Graph
>>> from symgrad.ir.program import build_program
>>> G = Graph()
>>> x = G.leaf(ArraySymbol("x", (2, 3, 4)))
>>> y = G.apply(sp.tanh, G.transpose(G.apply(sp.exp, x), (2, 0, 1)))
>>> p = build_program(G, [("value", G.reduce_sum(y, None))])
>>> [p.nodes[i].op.__name__ for i in plan(p).buffers]    # exp, permute, tanh: inside the sum
['Sum']
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import sympy as sp
from sympy.tensor.array.expressions import ArraySymbol

from symgrad.ir.movement import Pad, Reshape, Shrink
from symgrad.ir.ops import lookup
from symgrad.ir.program import Program

from .ops import EMIT

__all__ = ["NDPlan", "plan", "MAX_INLINE_DEPTH", "ARRAY_LEAVES", "kind"]

#: longest chain of inlined nodes computed inside one loop nest
MAX_INLINE_DEPTH = 24
#: a node costing at most CHEAP operations (:func:`_costs`) is recomputed up to
#: MAX_RECOMPUTE times rather than stored and loaded: the ReLUs after a convolution and
#: the max-pool routing masks are cheaper to compute again than to keep (T5, one
#: thread: 9 against 4 recomputations took 10-15% off the step)
CHEAP, MAX_RECOMPUTE = 12, 9
#: leaves whose entries are in memory (an argument's buffer or a constant's global)
ARRAY_LEAVES = (sp.MatrixSymbol, ArraySymbol, sp.ImmutableDenseMatrix)
#: movement ops: the entry of the argument at a mapped index
MAPS = frozenset({"broadcast", "permute", "reshape", "shrink", "windows", "pad"})


def kind(node) -> str:
    """``leaf``, ``map`` (a movement op), ``entry`` (entrywise), ``fold``, ``reduce``,
    ``gemm``, or ``other`` (an op the n-D nests refuse or do not know)."""
    if not node.args:
        return "leaf"
    d = lookup(node.op)
    name = getattr(d, "llvm_nd", None)
    if d is not None and "llvm-nd" in d.refused:
        return "other"
    if name in MAPS:
        return "map"
    if name in ("fold", "reduce", "gemm"):
        return name
    if name == "onehot":    # entrywise in the label and the column index
        return "entry"
    return "entry" if node.op in EMIT else "other"


@dataclass
class NDPlan:
    """The result of :func:`plan`.

    Attributes
    ----------
    buffers : list of int
        Nodes with memory of their own, in program order (the kernel's slots after the
        arguments).
    inline : set of int
        Nodes computed inside the loop nests of their readers.
    operands : dict
        For each GEMM node, per operand ``(node in memory, transposed)``.
    """

    buffers: list[int]
    inline: set[int]
    operands: dict[int, tuple[tuple[int, bool], tuple[int, bool]]] = field(default_factory=dict)


def _reads(node, arg: int, nodes) -> int:
    """How many times one evaluation pass of ``node`` over its shape reads each entry of
    its argument ``arg`` (more than once: overlapping windows, broadcasting)."""
    src, out = nodes[arg].shape, node.shape
    k = kind(node)
    name = getattr(lookup(node.op), "llvm_nd", None)
    if k == "map" and name == "windows":
        kernel, stride = node.attr
        return max(1, math.ceil(math.prod(kernel) / math.prod(stride)))
    if k == "fold":
        kernel, stride, spatial = node.attr
        if tuple(kernel) == tuple(stride):
            return 1
        outs = src[len(src) - 2 * len(kernel):len(src) - len(kernel)]
        return max(1, math.ceil(math.prod(spatial) / math.prod(outs)))
    if k in ("entry", "map") and name != "reshape":
        # broadcasting: entries of a smaller (or length-1) argument repeat
        rep, lead = 1, len(out) - len(src)
        for j, d in enumerate(out):
            if j < lead or src[j - lead] == 1:
                rep *= d if isinstance(d, int) else 64   # a batch axis: many repeats
        return rep
    return 1


def _costs(nodes, kinds, memory) -> list[int]:
    """Operations to compute each node inline, counting inlinable arguments as inlined
    (an upper bound) and a read of memory as one."""
    cost = [1] * len(nodes)
    for i, n in enumerate(nodes):
        if kinds[i] in ("map", "entry", "fold") and i not in memory:
            terms = sum(cost[a] if kinds[a] in ("map", "entry", "fold") and a not in memory else 1
                        for a in n.args)
            if kinds[i] == "fold":
                kernel, stride, _ = n.attr
                terms *= 1 if tuple(kernel) == tuple(stride) else math.prod(kernel)
            cost[i] = min(terms + (kinds[i] != "map"), 1 << 20)
    return cost


def _base(nodes, i: int) -> int:
    """The node whose C-order memory a chain of reshapes of ``i`` reads."""
    while nodes[i].op is Reshape:
        i = nodes[i].args[0]
    return i


def plan(program: Program) -> NDPlan:
    """Memory or inline for every node; see the module docstring."""
    nodes = program.nodes
    kinds = [kind(n) for n in nodes]
    memory = {i for _, i in program.outputs if nodes[i].args}
    memory |= {i for i, k in enumerate(kinds) if k in ("gemm", "reduce", "other")}
    operands = {}
    for i, k in enumerate(kinds):
        if k != "gemm":
            continue
        pair = []
        for a in nodes[i].args:
            t = nodes[a].op is sp.Transpose
            base = _base(nodes, nodes[a].args[0] if t else a)
            if nodes[base].args:
                memory.add(base)
            pair.append((base, t))
        operands[i] = tuple(pair)
    users: list[list[int]] = [[] for _ in nodes]
    for i, n in enumerate(nodes):
        for a in n.args:
            users[a].append(i)
    cost = _costs(nodes, kinds, memory)
    inline: set[int] = set()
    evals = [0] * len(nodes)
    for i in range(len(nodes) - 1, -1, -1):
        if kinds[i] == "leaf" or i in memory:
            continue
        evals[i] = sum((evals[u] if u in inline else 1) * _reads(nodes[u], i, nodes)
                       for u in users[i] if kinds[u] != "gemm")
        if kinds[i] == "map":
            # a slice of a node computed several times over is computed once, in memory,
            # over the slice only (a col2im's padding border is never computed)
            if nodes[i].op is Shrink and evals[i] > 1 and kinds[nodes[i].args[0]] in ("entry", "fold"):
                memory.add(i)
            elif nodes[i].op is Pad and evals[i] > 1:
                # read by overlapping windows (an im2col): padded once into memory, the
                # gather then loads without a range check per entry
                memory.add(i)
            else:
                inline.add(i)
        elif evals[i] <= 1 or (evals[i] <= MAX_RECOMPUTE and cost[i] <= CHEAP):
            inline.add(i)
        else:
            memory.add(i)
    # cut long chains: a node deeper than the limit gets memory
    depth = [0] * len(nodes)
    for i, n in enumerate(nodes):
        if i in inline:
            depth[i] = 1 + max((depth[a] for a in n.args if a in inline), default=0)
            if depth[i] >= MAX_INLINE_DEPTH:
                inline.discard(i)
                memory.add(i)
                depth[i] = 0
    buffers = [i for i in range(len(nodes)) if i in memory and nodes[i].args]
    return NDPlan(buffers, inline, operands)
