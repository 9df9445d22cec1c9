"""Bad input raises an exception that names the culprit."""
from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp

import symgrad as sg

x, y, z = sp.symbols("x y z")


def test_undefined_function_is_named():
    F = sp.Function("F")
    with pytest.raises(sg.UnsupportedExpressionError, match=r"\bF\b") as e:
        sg.grad(F(x) * y, [x])
    assert e.value.expr == F(x)
    with pytest.raises(sg.UnsupportedExpressionError, match=r"\bF\b"):
        sg.compile(F(x), wrt=[x])


@pytest.mark.parametrize("expr", [sp.zeta(x), sp.fresnels(x * y), sp.Mod(x, 2)], ids=str)
def test_unsupported_function_is_named(expr):
    with pytest.raises(sg.UnsupportedExpressionError, match=type(expr).__name__):
        sg.grad(expr + y, [x])


@pytest.mark.parametrize("expr", [
    pytest.param(sp.Integral(x * y, (x, 0, 1)), id="Integral"),
    pytest.param(sp.Derivative(sp.sin(x * y), x), id="Derivative"),
    pytest.param(sp.Sum(x * y, (y, 0, 3)), id="Sum"),
])
def test_unsupported_node_is_refused(expr):
    with pytest.raises(sg.UnsupportedExpressionError):
        sg.grad(expr, [x])


@pytest.mark.parametrize("expr", [
    pytest.param(sp.Integral(x * y, (x, 0, 1)), id="Integral"),
    pytest.param(sp.Derivative(sp.sin(x * y), x), id="Derivative"),
    pytest.param(sp.Sum(x * y, (y, 0, 3)), id="Sum"),
])
def test_unsupported_node_error_names_the_node(expr):
    with pytest.raises(sg.UnsupportedExpressionError, match=type(expr).__name__):
        sg.grad(expr, [x])


@pytest.mark.parametrize("bad", [x + 1, "x", 2, sp.Integer(3), sp.sin(x)], ids=repr)
def test_non_symbol_in_wrt_is_named(bad):
    with pytest.raises(TypeError, match=re.escape(repr(bad) if isinstance(bad, str) else str(bad))):
        sg.grad(x * y, [x, bad])
    with pytest.raises(TypeError):
        sg.compile(x * y, wrt=[bad])


def test_wrt_given_as_a_string_is_refused():
    with pytest.raises(TypeError, match="'x'"):
        sg.grad(x * y, "x")


def test_repeated_wrt_is_refused():
    with pytest.raises(ValueError, match="x"):
        sg.grad(x * y, [x, y, x])


def test_missing_and_extra_arguments_are_named():
    fn = sg.compile((x + y) * z, wrt=[x])
    with pytest.raises(TypeError, match=r"missing.*'z'"):
        fn(x=1.0, y=2.0)
    with pytest.raises(TypeError, match=r"unexpected.*'w'"):
        fn(x=1.0, y=2.0, z=3.0, w=4.0)
    with pytest.raises(TypeError) as e:
        fn(x=1.0, q=2.0)
    assert "'y'" in str(e.value) and "'z'" in str(e.value) and "'q'" in str(e.value)


def test_non_numeric_argument_is_named():
    fn = sg.compile(x * y, wrt=[x])
    with pytest.raises(TypeError, match="'y'"):
        fn(x=1.0, y="two")


def test_arrays_that_do_not_broadcast_are_named():
    fn = sg.compile(x * y + z, wrt=[x, y])
    with pytest.raises(ValueError) as e:
        fn(x=np.ones(3), y=np.ones(4), z=1.0)
    msg = str(e.value)
    assert "x" in msg and "(3,)" in msg and "y" in msg and "(4,)" in msg


def test_absent_wrt_symbol_has_zero_gradient():
    g = sg.grad(x * y, [x, z])
    assert g[z] == 0 and sp.diff(x * y, z) == 0
    fn = sg.compile(x * y, wrt=[z, x])
    assert fn.args == ("x", "y", "z")        # every parameter is an argument, used or not
    value, (dz, dx) = fn(x=np.arange(3.0), y=np.ones((2, 1)), z=1.0)
    assert dz.shape == (2, 3) and not dz.any()
    np.testing.assert_array_equal(dx, np.ones((2, 3)))
    assert value.shape == (2, 3)


def test_matrix_valued_expression_is_refused():
    with pytest.raises(TypeError, match="scalar"):
        sg.grad(sp.Matrix([x, y]), [x])


def test_unknown_backend_and_dtype():
    with pytest.raises(ValueError, match="nope"):
        sg.compile(x, wrt=[x], backend="nope")
    with pytest.raises(ValueError, match="float16"):
        sg.compile(x, wrt=[x], dtype="float16")


def test_check_input_errors():
    with pytest.raises(ValueError, match="2 entries"):
        sg.check([1, 2], x * y, [x])
    with pytest.raises(ValueError, match="one expression"):
        sg.check(x, x * y, [x, y])
    with pytest.raises(TypeError, match="string"):
        sg.check("2*x", x ** 2, x)
    with pytest.raises(ValueError, match="defined"):
        sg.check(x, sp.sqrt(-1 - x ** 2), x)


def test_real_and_imaginary_parts_of_real_arguments():
    # SymPy assumes plain symbols complex and rewrites Abs(exp(x)) as exp(re(x));
    # symgrad evaluates over the reals, where re(x) = x, im(x) = 0, conjugate(x) = x
    expr = sp.Abs(sp.exp(x)) + sp.im(y) * x + sp.conjugate(y) * x
    assert sp.re(x) in expr.atoms(sp.re) or expr.has(sp.re)
    fn = sg.compile(expr, wrt=[x, y])
    value, (dx, dy) = fn(x=0.5, y=2.0)
    assert value == pytest.approx(np.exp(0.5) + 1.0)
    assert (float(dx), float(dy)) == pytest.approx((np.exp(0.5) + 2.0, 0.5))
