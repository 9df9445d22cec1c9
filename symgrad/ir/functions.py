"""Activation functions as SymPy functions.

Each class is an ordinary SymPy ``Function``: it prints, differentiates with
``sympy.diff`` (through ``fdiff``), rewrites to elementary functions and
evaluates numerically with mpmath.  symgrad's own reverse pass does not use
``fdiff``; it has vector-Jacobian rules in :mod:`symgrad.autodiff.rules` that reuse the
forward value, as the lecture notes do (sigma' = sigma (1 - sigma)).

Examples
--------
>>> import sympy as sp
>>> from symgrad import sigmoid
>>> z = sp.Symbol("z")
>>> sp.diff(sigmoid(z), z)
(1 - sigmoid(z))*sigmoid(z)
>>> sigmoid(z).rewrite(sp.exp)
1/(1 + exp(-z))
>>> sigmoid(0)
1/2
"""
from __future__ import annotations

import sympy as sp
from mpmath.libmp import prec_to_dps

from .._checks import sympy_arg

__all__ = ["sigmoid", "relu", "softplus", "leaky_relu", "elu", "ACTIVATIONS"]


class _Activation(sp.Function):
    """Shared evaluation: numbers go through the elementary rewrite."""

    #: parameter names, for error messages
    _arg_names: tuple[str, ...] = ("z",)

    def __new__(cls, *args, **kwargs):
        # Function.__new__ sympifies without strict=True, which evaluates strings:
        # check every argument here first, so text never reaches eval
        args = tuple(sympy_arg(a, cls._arg_names[i] if i < len(cls._arg_names) else f"args[{i}]",
                               cls.__name__) for i, a in enumerate(args))
        return super().__new__(cls, *args, **kwargs)

    @classmethod
    def _elementary(cls, *args: sp.Expr) -> sp.Expr:
        raise NotImplementedError

    def _eval_evalf(self, prec: int) -> sp.Expr:
        return self._elementary(*self.args).evalf(prec_to_dps(prec))

    def _eval_is_real(self) -> bool | None:
        return self.args[0].is_real


class sigmoid(_Activation):
    r"""Logistic sigmoid :math:`\sigma(z) = 1 / (1 + e^{-z})`."""

    nargs = 1

    @classmethod
    def eval(cls, z: sp.Expr) -> sp.Expr | None:
        if z.is_zero:
            return sp.S.Half
        if z is sp.S.Infinity:
            return sp.S.One
        if z is sp.S.NegativeInfinity:
            return sp.S.Zero
        if z.is_Float:
            return cls._elementary(z).evalf(prec_to_dps(z._prec))
        return None

    @classmethod
    def _elementary(cls, z: sp.Expr) -> sp.Expr:
        return 1 / (1 + sp.exp(-z))

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return self * (1 - self)

    def _eval_rewrite_as_exp(self, z: sp.Expr, **kwargs) -> sp.Expr:
        return self._elementary(z)

    def _latex(self, printer) -> str:
        return r"\sigma\left(%s\right)" % printer._print(self.args[0])


class relu(_Activation):
    r"""Rectified linear unit :math:`\max(z, 0)`; derivative 0 at 0, as in PyTorch."""

    nargs = 1

    @classmethod
    def eval(cls, z: sp.Expr) -> sp.Expr | None:
        if z.is_extended_nonnegative:
            return z
        if z.is_extended_negative:
            return sp.S.Zero
        return None

    @classmethod
    def _elementary(cls, z: sp.Expr) -> sp.Expr:
        return sp.Max(z, 0)

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sp.Heaviside(self.args[0], 0)

    def _eval_rewrite_as_Max(self, z: sp.Expr, **kwargs) -> sp.Expr:
        return sp.Max(z, 0)

    def _eval_rewrite_as_Piecewise(self, z: sp.Expr, **kwargs) -> sp.Expr:
        return sp.Piecewise((z, z > 0), (0, True))


class softplus(_Activation):
    r"""Softplus :math:`\log(1 + e^z)`, whose derivative is :math:`\sigma(z)`."""

    nargs = 1

    @classmethod
    def eval(cls, z: sp.Expr) -> sp.Expr | None:
        if z.is_zero:
            return sp.log(2)
        if z.is_Float:
            return cls._elementary(z).evalf(prec_to_dps(z._prec))
        return None

    @classmethod
    def _elementary(cls, z: sp.Expr) -> sp.Expr:
        return sp.log(1 + sp.exp(z))

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sigmoid(self.args[0])

    def _eval_rewrite_as_log(self, z: sp.Expr, **kwargs) -> sp.Expr:
        return self._elementary(z)

    _eval_rewrite_as_exp = _eval_rewrite_as_log


class leaky_relu(_Activation):
    r"""Leaky ReLU: :math:`z` for :math:`z > 0`, else :math:`\alpha z` (default alpha = 1/100)."""

    nargs = 2
    _arg_names = ("z", "alpha")

    def __new__(cls, z, alpha=sp.Rational(1, 100), **kwargs):
        return super().__new__(cls, z, alpha, **kwargs)

    @classmethod
    def eval(cls, z: sp.Expr, alpha: sp.Expr) -> sp.Expr | None:
        if z.is_extended_positive:
            return z
        if z.is_extended_nonpositive:
            return alpha * z
        return None

    @classmethod
    def _elementary(cls, z: sp.Expr, alpha: sp.Expr) -> sp.Expr:
        return sp.Piecewise((z, z > 0), (alpha * z, True))

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        z, alpha = self.args
        if argindex == 1:
            return sp.Piecewise((1, z > 0), (alpha, True))
        return sp.Piecewise((0, z > 0), (z, True))

    def _eval_rewrite_as_Piecewise(self, z, alpha, **kwargs) -> sp.Expr:
        return self._elementary(z, alpha)


class elu(_Activation):
    r"""ELU: :math:`z` for :math:`z > 0`, else :math:`\alpha (e^z - 1)` (default alpha = 1)."""

    nargs = 2
    _arg_names = ("z", "alpha")

    def __new__(cls, z, alpha=sp.S.One, **kwargs):
        return super().__new__(cls, z, alpha, **kwargs)

    @classmethod
    def eval(cls, z: sp.Expr, alpha: sp.Expr) -> sp.Expr | None:
        if z.is_extended_positive:
            return z
        if z.is_zero:
            return sp.S.Zero
        return None

    @classmethod
    def _elementary(cls, z: sp.Expr, alpha: sp.Expr) -> sp.Expr:
        return sp.Piecewise((z, z > 0), (alpha * (sp.exp(z) - 1), True))

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        z, alpha = self.args
        if argindex == 1:
            return sp.Piecewise((1, z > 0), (alpha * sp.exp(z), True))
        return sp.Piecewise((0, z > 0), (sp.exp(z) - 1, True))

    def _eval_rewrite_as_Piecewise(self, z, alpha, **kwargs) -> sp.Expr:
        return self._elementary(z, alpha)


ACTIVATIONS = (sigmoid, relu, softplus, leaky_relu, elu)
