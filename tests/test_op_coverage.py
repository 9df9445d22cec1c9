"""Every declared op has a rule and an entry in each back end; no table knows an undeclared op.

The op registry (:mod:`symgrad.ir.ops`) is the list of ops.  For each one:

* a vector-Jacobian rule in :data:`symgrad.autodiff.rules.VJP` (truth values excepted);
* a NumPy spelling: an ``np.`` function that exists, a helper the printer defines,
  a ``_print_<Name>`` method, or a comparison operator;
* an LLVM emitter in :data:`symgrad.codegen.llvm.ops.EMIT`, and a math-library name
  the emitter knows when the declaration names one; for an array op
  (:mod:`symgrad.ir.ops_array`), a place in the fused 2-D schedule
  (:data:`symgrad.codegen.llvm.fusion.KINDS`) and a handler of the n-D loop nests
  (:data:`symgrad.codegen.llvm.nd.HANDLERS`);
* or, per back end (or llvm code path), an explicit refusal with its reason,
  which the back end raises.

And the other way: the rule table, the NumPy function table, the NumPy
printer's methods and the LLVM tables hold only declared ops.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import symgrad.codegen.llvm.mathlib as mathlib
from symgrad.autodiff import rules
from symgrad.codegen import numpy as numpy_backend
from symgrad.codegen.llvm import fusion, nd
from symgrad.codegen.llvm.ops import EMIT
from symgrad.frontend import lower, parse
from symgrad.ir.graph import COMPARISONS
from symgrad.ir.ops import REGISTRY, elementwise_ops, parse_names, transcendental_names
from symgrad.ir.program import TRANSCENDENTAL

OPS = list(REGISTRY.values())
ARRAY_OPS = [d for d in OPS if d.array]


def _id(d) -> str:
    return d.name


@pytest.mark.parametrize("d", [d for d in OPS if not d.boolean and not d.leaf], ids=_id)
def test_every_op_has_a_rule(d):
    assert d.cls in rules.VJP, f"{d.name} is declared but has no vector-Jacobian rule"


@pytest.mark.parametrize("d", OPS, ids=_id)
def test_every_op_has_a_numpy_entry(d):
    if "numpy" in d.refused:
        return
    printer = numpy_backend.NumPyPrinter
    if d.numpy is None:
        assert hasattr(printer, f"_print_{d.name}") or d.cls in COMPARISONS, \
            f"{d.name} has no numpy spelling and the printer has no _print_{d.name}"
    elif d.numpy.startswith("np."):
        assert callable(getattr(np, d.numpy[3:], None)), f"{d.name}: numpy has no {d.numpy}"
    else:
        assert d.numpy in numpy_backend.HELPERS, f"{d.name}: no helper {d.numpy!r} in HELPERS"
    assert numpy_backend.FUNCTIONS.get(d.cls) == d.numpy


@pytest.mark.parametrize("d", [d for d in OPS if not d.array], ids=_id)
def test_every_op_has_an_llvm_entry(d):
    assert d.cls in EMIT, f"{d.name} is declared but the llvm emitter has no entry (nor a refusal)"
    if d.llvm is not None:
        assert d.llvm in mathlib.UNARY or d.llvm in mathlib.BINARY, \
            f"{d.name}: the math library does not know {d.llvm!r}"


@pytest.mark.parametrize("d", ARRAY_OPS, ids=_id)
def test_every_array_op_has_both_llvm_paths(d):
    assert d.cls not in EMIT, f"{d.name} is an array op, not an entrywise one"
    assert (d.llvm_2d is None) == ("llvm-2d" in d.refused), f"{d.name}: a fused 2-D place or a refusal"
    assert (d.llvm_nd is None) == ("llvm-nd" in d.refused), f"{d.name}: an n-D handler or a refusal"
    assert d.llvm_2d is None or d.llvm_2d in fusion.KINDS, f"{d.name}: no fused place {d.llvm_2d!r}"
    assert d.llvm_nd is None or d.llvm_nd in nd.HANDLERS, f"{d.name}: no n-D handler {d.llvm_nd!r}"
    assert (d.arity == 0) == d.leaf and not d.elementwise


def test_every_llvm_handler_is_declared():
    assert set(nd.HANDLERS) == {d.llvm_nd for d in ARRAY_OPS} - {None}
    assert {d.llvm_2d for d in ARRAY_OPS} - {None} <= set(fusion.KINDS)


@pytest.mark.parametrize("d", ARRAY_OPS, ids=_id)
def test_every_array_op_has_a_shape_rule_the_graph_uses(d):
    from symgrad.ir.graph import Graph
    G = Graph()
    x = G.leaf(sp.MatrixSymbol("x", 4, 3))
    y = G.leaf(sp.tensor.array.expressions.ArraySymbol("y", (2, 3, 4, 4)))
    built = {"MatMul": lambda: G.matmul(x, G.transpose(x)), "Transpose": lambda: G.transpose(x),
             "BroadcastTo": lambda: G.broadcast_to(G.reduce_sum(x, 0), (4, 3)),
             "Sum": lambda: G.reduce_sum(x, None), "ReduceSum": lambda: G.reduce_sum(y, (0, 2)),
             "ReduceMax": lambda: G.reduce_max(y, 1, keepdims=False),
             "Permute": lambda: G.transpose(y, (0, 2, 3, 1)), "Reshape": lambda: G.reshape(y, (6, 16)),
             "Pad": lambda: G.pad(y, ((0, 0), (0, 0), (1, 1), (2, 0))),
             "Shrink": lambda: G.shrink(y, ((0, 0), (0, 1), (1, 1), (0, 0))),
             "Windows": lambda: G.windows(y, (3, 2), (1, 2)),
             "FoldWindows": lambda: G.fold_windows(G.windows(y, (3, 2), (1, 2)), (3, 2), (1, 2), (4, 4)),
             "RowMax": lambda: G.apply(d.cls, x, shape=(4, 1)),
             "OneHot": lambda: G.apply(d.cls, G.reduce_sum(x, 1), attr=5, shape=(4, 5)),
             "ImmutableDenseMatrix": None}
    assert d.name in built, f"add a {d.name} node to this test"
    if built[d.name] is None:
        M = sp.ImmutableDenseMatrix([[1, 2, 3]])
        assert d.shape((), M) == (1, 3)
        return
    node = G.nodes[built[d.name]()]
    assert node.op is d.cls
    assert d.shape(tuple(G.nodes[a].shape for a in node.args), node.attr) == node.shape


def test_an_nd_refusal_is_raised_with_its_reason(monkeypatch):
    import dataclasses

    from symgrad.ir.arrays import OneHot
    from symgrad.ir.graph import Graph
    from symgrad.ir.program import build_program
    # no array op refuses the n-D nests today: declare OneHot refused to see the mechanism
    refused = dataclasses.replace(REGISTRY[OneHot], llvm_nd=None, refused=("llvm-nd",),
                                  why="a reason given at declaration")
    monkeypatch.setitem(REGISTRY, OneHot, refused)
    G = Graph()
    x = G.leaf(sp.tensor.array.expressions.ArraySymbol("x", (2, 3, 2)))
    hot = G.apply(OneHot, G.leaf(sp.MatrixSymbol("y", 2, 1)), attr=3, shape=(2, 3))
    p = build_program(G, [("value", G.reduce_sum(G.mul(x, G.reshape(hot, (2, 3, 1))), None))])
    with pytest.raises(NotImplementedError, match=REGISTRY[OneHot].why):
        nd.NDEmitter(p, "float64", ["x", "y"], []).emit()


@pytest.mark.parametrize("d", OPS, ids=_id)
def test_refusals_say_why(d):
    assert not d.refused or d.why, f"{d.name} refuses {d.refused} without a reason"


def test_an_llvm_refusal_is_raised_with_its_reason():
    from symgrad.codegen.llvm.ops import _refuse
    from symgrad.ir.opdef import OpDef

    d = OpDef(sp.zeta, "zeta", 1, refused=("llvm",), why="no vector zeta")
    with pytest.raises(NotImplementedError, match="does not compile zeta: no vector zeta"):
        _refuse(d)(None, None, [])


def _undeclared(table) -> list[str]:
    return sorted(op.__name__ for op in table if op not in REGISTRY)


def test_no_rule_for_an_undeclared_op():
    assert _undeclared(rules.VJP) == []


def test_no_numpy_entry_for_an_undeclared_op():
    assert _undeclared(numpy_backend.FUNCTIONS) == []
    methods = {m[len("_print_"):] for m in dir(numpy_backend.NumPyPrinter) if m.startswith("_print_")}
    assert sorted(methods - {d.name for d in OPS}) == []


def test_no_llvm_entry_for_an_undeclared_op():
    assert _undeclared(EMIT) == []


def test_derived_tables_follow_the_registry():
    assert elementwise_ops() <= lower.ELEMENTWISE
    assert {n: c for n, c in parse.FUNCTIONS.items() if n != "sqrt"} == parse_names()
    assert TRANSCENDENTAL == transcendental_names()


def test_cli_help_lists_every_parse_name():
    from symgrad.cli import _parser
    text = " ".join(_parser().description.split())
    for name in parse.FUNCTIONS:
        assert f" {name} " in text, name


def test_declaring_an_op_twice_is_refused():
    from symgrad.ir.opdef import defop
    with pytest.raises(ValueError, match="exp is declared twice"):
        defop(sp.exp)


def test_a_refusal_must_say_why():
    from symgrad.ir.opdef import defop

    class cube(sp.Function):
        pass

    with pytest.raises(ValueError, match="says why"):
        defop(cube, refused=("llvm",))
    with pytest.raises(ValueError, match="says why"):
        defop(cube, refused=("cuda",), why="no GPU")
    assert cube not in REGISTRY


@pytest.mark.parametrize("name", sorted(parse_names()))
def test_every_parse_name_builds_its_op(name):
    d = REGISTRY[parse_names()[name]]
    operands = {1: "x + 3", 2: "x, y + 3"}[d.arity or 2]
    expr = parse.parse(f"{name}({operands})")
    assert type(expr) is d.cls, f"{name}(...) built {expr!r}, not {d.name}"
