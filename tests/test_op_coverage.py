"""Every declared op has a rule and an entry in each back end; no table knows an undeclared op.

The op registry (:mod:`symgrad.ir.ops`) is the list of ops.  For each one:

* a vector-Jacobian rule in :data:`symgrad.autodiff.rules.VJP` (truth values excepted);
* a NumPy spelling: an ``np.`` function that exists, a helper the printer defines,
  a ``_print_<Name>`` method, or a comparison operator;
* an LLVM emitter in :data:`symgrad.codegen.llvm.ops.EMIT`, and a math-library name
  the emitter knows when the declaration names one;
* or, per back end, an explicit refusal with its reason, which the back end raises.

And the other way: the rule table, the NumPy function table and the LLVM
emitter table hold only declared ops.  Tensor ops (matrix products, reductions,
movement ops) are not declared in the registry yet; they are listed by name
below, and the test fails when one of them turns up in the registry without
leaving this list.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import symgrad.codegen.llvm.mathlib as mathlib
from symgrad.autodiff import rules
from symgrad.codegen import numpy as numpy_backend
from symgrad.codegen.llvm.ops import EMIT
from symgrad.frontend import lower, parse
from symgrad.ir.graph import COMPARISONS
from symgrad.ir.ops import REGISTRY, elementwise_ops, parse_names, transcendental_names
from symgrad.ir.program import TRANSCENDENTAL

#: tensor ops, handled by their own printer methods and loop-nest emitter; not in the registry yet
TENSOR_OPS = {"MatMul", "Transpose", "Sum", "ReduceSum", "ReduceMax", "RowMax", "BroadcastTo", "OneHot",
              "Permute", "Reshape", "Pad", "Shrink", "Windows", "FoldWindows"}

OPS = list(REGISTRY.values())


def _id(d) -> str:
    return d.name


@pytest.mark.parametrize("d", [d for d in OPS if not d.boolean], ids=_id)
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


@pytest.mark.parametrize("d", OPS, ids=_id)
def test_every_op_has_an_llvm_entry(d):
    assert d.cls in EMIT, f"{d.name} is declared but the llvm emitter has no entry (nor a refusal)"
    if d.llvm is not None:
        assert d.llvm in mathlib.UNARY or d.llvm in mathlib.BINARY, \
            f"{d.name}: the math library does not know {d.llvm!r}"


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
    return sorted(op.__name__ for op in table if op not in REGISTRY and op.__name__ not in TENSOR_OPS)


def test_no_rule_for_an_undeclared_op():
    assert _undeclared(rules.VJP) == []


def test_no_numpy_entry_for_an_undeclared_op():
    assert _undeclared(numpy_backend.FUNCTIONS) == []
    methods = {m[len("_print_"):] for m in dir(numpy_backend.NumPyPrinter) if m.startswith("_print_")}
    assert sorted(methods - {d.name for d in OPS} - TENSOR_OPS) == []


def test_no_llvm_entry_for_an_undeclared_op():
    assert _undeclared(EMIT) == []


def test_tensor_op_list_is_current():
    assert not TENSOR_OPS & {d.name for d in OPS}, "a declared op is still listed as a tensor op"


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
