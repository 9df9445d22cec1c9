"""symgrad: symbolic reverse-mode gradients compiled to fused programs.

The data path is one straight line::

    SymPy expression -> lower -> reverse sweep -> program (shared, dead code
    removed) -> backend (symgrad.codegen.numpy | symgrad.codegen.llvm) -> callable

>>> import sympy as sp, symgrad as sg
>>> x, y, z = sp.symbols("x y z")
>>> sg.grad((x + y) * z, [x, y, z])[z]
x + y
"""
from .api import compile, grad, hessian
from .hessians import hessian_fn, hvp
from .errors import NoDerivativeRuleError, SymgradError, UnsupportedExpressionError
from .ir.functions import elu, leaky_relu, relu, sigmoid, softplus
from .inspect import Gradient, draw, explain
from .roles import gradient_of
from .verify import check, check_numpy, gradcheck

__version__ = "0.1.0"

__all__ = [
    "grad", "compile", "hessian", "hvp", "hessian_fn", "gradient_of", "Gradient", "check",
    "check_numpy", "gradcheck",
    "sigmoid", "relu", "softplus", "leaky_relu", "elu",
    "SymgradError", "UnsupportedExpressionError", "NoDerivativeRuleError",
    "nn", "losses", "train", "tensor", "explain", "draw",
]

from . import tensor  # noqa: E402,F401
from .autodiff import array_rules  # noqa: E402,F401  (registers matrix lowerings and rules)
from . import losses, nn, train  # noqa: E402

