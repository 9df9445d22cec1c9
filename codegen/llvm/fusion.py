"""Grouping a tensor program into GEMM calls and fused loop nests.

:func:`schedule` walks the program once, in order, and assigns every node a
place:

``leaf``
    An input or a constant: no code.
``view``
    A ``Transpose`` whose only users are matrix products: no code, the GEMM
    reads the argument's buffer with its transpose flag.
``gemm``
    A ``MatMul``: one BLAS call into a buffer.
``scalar``
    A 0-d node (``1/N``, the loss from its sums): straight-line code.
``region``
    Everything entrywise, the reductions and broadcasts: one loop nest per
    :class:`Region`, rows outer.  A region's row loop holds one or more
    :class:`Stage` s, each a loop over the columns of its shape (``(N, 1)``
    nodes get a stage without a loop).  Row reductions (``ReduceSum`` axis 1,
    ``RowMax``) accumulate in their argument's stage and are plain values for
    the later stages of the same row; column sums (``ReduceSum`` axis 0) and
    ``Sum`` accumulate across rows, so their results exist only after the
    region (they are *late*).

A node is *materialized* (written to a buffer) only if something outside the
scope of its SSA value reads it: a GEMM, a later region, a later stage (for
values computed inside a column loop), or the caller (outputs).  Several
users in the same stage share one value.  Softmax cross-entropy thus runs as
three passes over each row of logits; ``tanh(X W + b)`` and
``(delta W^T) * (1 - h*h)`` plus its column sum are one pass each.

Scalars and GEMMs that do not read the open region are placed before it, so
that independent work does not split loop nests.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from symgrad.ir.program import Program
from symgrad.ir.arrays import ReduceSum, RowMax, Sum
from symgrad.ir.ops import OpDef, lookup

__all__ = ["Stage", "Region", "Step", "Schedule", "schedule", "share_buffers", "KINDS",
           "is_row_reduction", "is_column_sum", "is_late", "check_supported", "not_2d"]

#: the places a node can get (see the module docstring); an array op declares its
#: place as ``llvm_2d`` (:mod:`symgrad.ir.ops_array`), entrywise ops are scalars or regions
KINDS = ("leaf", "view", "gemm", "scalar", "region")


@dataclass(eq=False)
class Stage:
    """One loop over ``cols`` columns (no loop when ``cols`` is the literal 1)."""

    cols: Any
    nodes: list[int] = field(default_factory=list)

    @property
    def looped(self) -> bool:
        return not (isinstance(self.cols, int) and self.cols == 1)


@dataclass(eq=False)
class Region:
    """A row loop over ``rows`` rows running its stages in order."""

    rows: Any
    stages: list[Stage] = field(default_factory=list)

    def nodes(self) -> list[int]:
        return [v for s in self.stages for v in s.nodes]


@dataclass(eq=False)
class Step:
    kind: str                      # "scalar" | "gemm" | "region"
    node: int | None = None
    region: Region | None = None


@dataclass
class Schedule:
    kind: list[str]
    steps: list[Step]
    materialized: set[int]
    step_of: dict[int, Step]
    stage_of: dict[int, Stage]
    space: dict[int, tuple]        # region node -> (rows, cols) it iterates over


#: the ``attr`` of a row sum and of a column sum (one axis, kept)
_ROW_SUM, _COLUMN_SUM = ((1,), True), ((0,), True)


#: what an undeclared op (none should reach here) is taken for: an entrywise op
_ENTRYWISE = OpDef(object, "entrywise", None)


def _declared(op) -> OpDef:
    return lookup(op) or _ENTRYWISE


def is_row_reduction(node) -> bool:
    return node.op is RowMax or (node.op is ReduceSum and node.attr == _ROW_SUM)


def is_column_sum(node) -> bool:
    return node.op is ReduceSum and node.attr == _COLUMN_SUM


def is_late(node) -> bool:
    """Results that exist only after their region: sums across rows."""
    return node.op is Sum or is_column_sum(node)


def not_2d(p: Program) -> str | None:
    """Why the fused row/column schedule cannot run ``p`` (None if it can): an
    array of rank other than 0 and 2, or an op declared n-D only (``"llvm-2d"`` in
    its ``refused``).  Such programs go to the unfused n-D loop nests of :mod:`.nd`."""
    for n in p.nodes:
        if not n.args:
            if n.shape and len(n.shape) != 2:
                return f"input {n.attr} has shape {n.shape}"
            continue
        name = getattr(n.op, "__name__", str(n.op))
        if "llvm-2d" in _declared(n.op).refused or (
                n.op is ReduceSum and n.attr not in (_ROW_SUM, _COLUMN_SUM)):
            return f"{name} (attr {n.attr}, shape {n.shape})"
        for s in [n.shape] + [p.nodes[a].shape for a in n.args]:
            if s != () and len(s) != 2:
                return f"{name} of shape {n.shape} (arguments {[p.nodes[a].shape for a in n.args]})"
    return None


def check_supported(p: Program) -> None:
    """Refuse, naming the op and its shape, a program the fused schedule cannot run."""
    why = not_2d(p)
    if why is not None:
        raise NotImplementedError(f"the fused 2-D schedule cannot run {why}; "
                                  f"n-D programs go to symgrad.codegen.llvm.nd")



def _same(a, b) -> bool:
    return a == b if isinstance(a, int) == isinstance(b, int) else False


def _classify(p: Program) -> list[str]:
    check_supported(p)
    users: list[list[int]] = [[] for _ in p.nodes]
    for i, n in enumerate(p.nodes):
        for a in n.args:
            users[a].append(i)
    outs = {i for _, i in p.outputs}
    kind = []
    for i, n in enumerate(p.nodes):
        place = _declared(n.op).llvm_2d
        if not n.args:
            kind.append("leaf")
        elif place == "view" and not (users[i] and i not in outs and all(
                _declared(p.nodes[u].op).gemm for u in users[i])):
            kind.append("region")   # read by more than products: the region loads it transposed
        elif place is not None:
            kind.append(place)
        elif n.shape == ():
            kind.append("scalar")
        else:
            kind.append("region")
    return kind


def _space(p: Program, i: int) -> tuple:
    n = p.nodes[i]
    if _declared(n.op).reduction:
        s = p.nodes[n.args[0]].shape
        if s == ():
            raise NotImplementedError(f"reduction of a scalar is not supported: {n}")
        return s
    if n.op is sp.Transpose:
        r, c = p.nodes[n.args[0]].shape
        return (c, r)
    return n.shape


def schedule(p: Program) -> Schedule:
    """Place every node of ``p``; see the module docstring.

    Examples
    --------
    >>> import symgrad as sg
    >>> from symgrad import nn, losses
    >>> X, Y = nn.input("X", 3), nn.input("Y", 2)
    >>> net = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
    >>> s = schedule(sg.grad(losses.mse(net(X), Y), net.parameters()).program)
    >>> [st.kind for st in s.steps]
    ['scalar', 'gemm', 'region', 'gemm', 'scalar', 'region', 'scalar', 'gemm', 'gemm', 'region', 'gemm']
    """
    kind = _classify(p)
    steps: list[Step] = []
    step_of: dict[int, Step] = {}
    stage_of: dict[int, Stage] = {}
    space: dict[int, tuple] = {}
    open_step: Step | None = None

    def deps(i: int) -> list[int]:
        out = []
        for a in p.nodes[i].args:
            out.extend(p.nodes[a].args if kind[a] == "view" else [a])
        return out

    deferred: list[Step] = []   # scalars waiting for the open region's sums

    def close() -> None:
        nonlocal open_step
        steps.extend(deferred)
        deferred.clear()
        open_step = None

    for i, n in enumerate(p.nodes):
        k = kind[i]
        if k in ("leaf", "view"):
            continue
        ds = deps(i)
        in_open = open_step is not None and any(step_of.get(a) is open_step for a in ds)
        waits = any(step_of.get(a) in deferred for a in ds)
        if k in ("scalar", "gemm"):
            st = step_of[i] = Step(k, node=i)
            if open_step is None:
                steps.append(st)
            elif k == "scalar" and (in_open or waits):
                deferred.append(st)
            elif not in_open and not waits:
                steps.insert(steps.index(open_step), st)
            else:
                close()
                steps.append(st)
            continue
        rows, cols = space[i] = _space(p, i)
        region = open_step.region if open_step is not None else None
        joinable = region is not None and not waits and _same(region.rows, rows) and not (
            in_open and (n.op is sp.Transpose or any(
                step_of.get(a) is open_step and is_late(p.nodes[a]) for a in ds)))
        if not joinable:
            close()
            region = Region(rows)
            open_step = Step("region", region=region)
            steps.append(open_step)
        stage = region.stages[-1] if region.stages else None
        if stage is None or not _same(stage.cols, cols) or any(
                stage_of.get(a) is stage and is_row_reduction(p.nodes[a]) for a in ds):
            stage = Stage(cols)
            region.stages.append(stage)
        stage.nodes.append(i)
        step_of[i] = open_step
        stage_of[i] = stage
    close()

    return Schedule(kind, steps, _materialized(p, kind, step_of, stage_of), step_of, stage_of, space)


def _materialized(p: Program, kind, step_of, stage_of) -> set[int]:
    """Nodes some reader cannot get as an SSA value (see the module docstring)."""
    mat = {i for _, i in p.outputs if p.nodes[i].args}
    for i, n in enumerate(p.nodes):
        if kind[i] == "gemm" or (kind[i] == "region" and is_column_sum(n)):
            mat.add(i)
    for u, n in enumerate(p.nodes):
        for a in n.args:
            if kind[a] != "region" or p.nodes[a].op is Sum:
                continue
            if kind[u] == "view" or kind[u] == "gemm" or step_of.get(u) is not step_of[a]:
                mat.add(a)
                continue
            sa, su = stage_of[a], stage_of[u]
            row_scoped = not sa.looped or is_row_reduction(p.nodes[a])
            if su is not sa and not row_scoped:
                mat.add(a)
            if p.nodes[u].op is sp.Transpose:
                mat.add(a)
    return mat


def share_buffers(p: Program, sched: Schedule, nodes: list[int]) -> dict[int, int]:
    """Buffer of each of ``nodes``: node -> the node whose buffer it uses.

    A linear scan over the steps: a buffer is free after the last step that
    reads it, and a node defined later in a buffer of the same shape takes
    it.  Never within one step, so no loop reads a buffer that it also
    writes for another node.  For T3 this keeps four (N, 256) temporaries
    instead of eight, so the working set stays in L2.
    """
    index = {id(st): k for k, st in enumerate(sched.steps)}
    users: list[list[int]] = [[] for _ in p.nodes]
    for u, n in enumerate(p.nodes):
        for a in n.args:
            users[a].append(u)

    def step_index(u: int) -> int:
        if sched.kind[u] == "view":
            return max(step_index(w) for w in users[u])
        return index[id(sched.step_of[u])]

    wanted = set(nodes)
    last = {v: max(step_index(u) for u in users[v]) for v in wanted if users[v]}
    defined: dict[int, list[int]] = {}
    for v in wanted:
        defined.setdefault(step_index(v), []).append(v)
    assign: dict[int, int] = {}
    free: list[int] = []
    for k in range(len(sched.steps)):
        for v in sorted(defined.get(k, [])):
            shape = p.nodes[v].shape
            rep = next((r for r in free if p.nodes[r].shape == shape), None)
            if rep is None:
                assign[v] = v
            else:
                free.remove(rep)
                assign[v] = rep
        for v in sorted(assign):
            if last.get(v, step_index(v)) == k:   # read for the last time in step k
                free.append(assign[v])
    return assign
