"""The scalar (entrywise) ops: one declaration each.

Read a line as "this SymPy class is an op of this arity; NumPy calls it
so, the LLVM math library calls it so, expression text calls it so".
``numpy=None`` means the NumPy printer has a ``_print_<Name>`` method (or an
operator); ``llvm=None`` means ``symgrad.codegen.llvm.ops`` has its own
emitter.  The vector-Jacobian rule of each op is in
:mod:`symgrad.autodiff.rules`, under the same class.  ``docs/ops.md`` walks
through adding one.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import Cbrt, exp2, expm1, hypot, log1p, log2, log10
from sympy.codegen.numpy_nodes import logaddexp

from .functions import elu, leaky_relu, relu, sigmoid, softplus
from .graph import COMPARISONS
from .opdef import defop

__all__: list[str] = []

T = {"transcendental": True}

# -- arithmetic and routing: lowered, printed and emitted by hand ------------------------
defop(sp.Add, None)
defop(sp.Mul, None)
defop(sp.Pow, 2)
defop(sp.Piecewise, None)
defop(sp.Max, 2, numpy="np.maximum", parse=("Max",))
defop(sp.Min, 2, numpy="np.minimum", parse=("Min",))

# -- truth values ---------------------------------------------------------------------------
for _cmp in COMPARISONS:
    defop(_cmp, 2, boolean=True)
defop(sp.And, None, boolean=True, numpy="np.logical_and")
defop(sp.Or, None, boolean=True, numpy="np.logical_or")
defop(sp.Not, 1, boolean=True, numpy="np.logical_not")

# -- exponentials and logarithms -------------------------------------------------------------
defop(sp.exp, numpy="np.exp", llvm="exp", parse=("exp",), **T)
defop(sp.log, numpy="np.log", llvm="log", parse=("log",), **T)
defop(expm1, numpy="np.expm1", llvm="expm1", parse=("expm1",), **T)
defop(log1p, numpy="np.log1p", llvm="log1p", parse=("log1p",), **T)
defop(exp2, numpy="np.exp2", llvm="exp2", parse=("exp2",), **T)
defop(log2, numpy="np.log2", llvm="log2", parse=("log2",), **T)
defop(log10, numpy="np.log10", llvm="log10", parse=("log10",), **T)
defop(logaddexp, 2, numpy="np.logaddexp", parse=("logaddexp",), **T)
defop(Cbrt, numpy="np.cbrt", llvm="cbrt", parse=("cbrt", "Cbrt"), **T)
defop(hypot, 2, numpy="np.hypot", llvm="hypot", parse=("hypot",), **T)

# -- trigonometric (sin, cos, tan: the emitter's range-checked fast path) -----------------------
defop(sp.sin, numpy="np.sin", parse=("sin",), **T)
defop(sp.cos, numpy="np.cos", parse=("cos",), **T)
defop(sp.tan, numpy="np.tan", parse=("tan",), **T)
defop(sp.sec, numpy="sec", parse=("sec",), **T)
defop(sp.csc, numpy="csc", parse=("csc",), **T)
defop(sp.cot, numpy="cot", parse=("cot",), **T)
defop(sp.asin, numpy="np.arcsin", llvm="asin", parse=("asin",), **T)
defop(sp.acos, numpy="np.arccos", llvm="acos", parse=("acos",), **T)
defop(sp.atan, numpy="np.arctan", llvm="atan", parse=("atan",), **T)
defop(sp.atan2, 2, numpy="np.arctan2", llvm="atan2", parse=("atan2",), **T)

# -- hyperbolic -----------------------------------------------------------------------------------
defop(sp.tanh, numpy="np.tanh", llvm="tanh", parse=("tanh",), **T)
defop(sp.sinh, numpy="np.sinh", llvm="sinh", parse=("sinh",), **T)
defop(sp.cosh, numpy="np.cosh", llvm="cosh", parse=("cosh",), **T)
defop(sp.sech, numpy="sech", parse=("sech",), **T)
defop(sp.csch, numpy="csch", parse=("csch",), **T)
defop(sp.coth, numpy="coth", parse=("coth",), **T)
defop(sp.asinh, numpy="np.arcsinh", llvm="asinh", parse=("asinh",), **T)
defop(sp.acosh, numpy="np.arccosh", llvm="acosh", parse=("acosh",), **T)
defop(sp.atanh, numpy="np.arctanh", llvm="atanh", parse=("atanh",), **T)

# -- special functions (NumPy has none: scipy.special; LLVM: libm, one call per element) -------------
defop(sp.erf, numpy="erf", llvm="erf", parse=("erf",), **T)
defop(sp.erfc, numpy="erfc", llvm="erfc", parse=("erfc",), **T)
defop(sp.gamma, numpy="tgamma", llvm="tgamma", parse=("gamma",), **T)
defop(sp.loggamma, numpy="loggamma", parse=("loggamma",), **T)
defop(sp.polygamma, 2, numpy="polygamma", parse=("polygamma",), **T)   # llvm: digamma (order 0)

# -- piecewise constant and piecewise linear ---------------------------------------------------------
defop(sp.Abs, numpy="np.abs", llvm="fabs", parse=("Abs", "abs"))
defop(sp.sign, numpy="np.sign", parse=("sign",))
defop(sp.floor, numpy="np.floor", llvm="floor")
defop(sp.ceiling, numpy="np.ceil", llvm="ceil")
defop(sp.Heaviside, 2, numpy="np.heaviside", parse=("Heaviside",))

# -- activations (symgrad.ir.functions; stable helpers in both back ends) --------------------------------
defop(sigmoid, numpy="sigmoid", parse=("sigmoid",), **T)
defop(relu, numpy="relu", parse=("relu",))
defop(softplus, numpy="softplus", parse=("softplus",), **T)
defop(leaky_relu, 2, numpy="leaky_relu", parse=("leaky_relu",))
defop(elu, 2, numpy="elu", parse=("elu",), **T)
