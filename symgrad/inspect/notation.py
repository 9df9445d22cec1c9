"""Printing matrix formulas the way the backpropagation notes write them.

SymPy's own printers spell an entrywise product ``HadamardProduct(a, b)``
and an entrywise ``tanh`` ``tanh.(z)``.  The notes write ``a ∘ b``,
``tanh(z)``, ``W^T``, ``1^T delta`` and put the positive terms of a sum
first (``1 - a ∘ a``).  :func:`text` and :func:`latex` print any formula
that way; nothing here changes a formula, only how it reads.

Examples
--------
>>> import sympy as sp
>>> N = sp.Symbol("N")
>>> a, d, W = sp.MatrixSymbol("a_1", N, 4), sp.MatrixSymbol("delta_2", N, 2), sp.MatrixSymbol("W2", 4, 2)
>>> f = sp.HadamardProduct(d * W.T, sp.OneMatrix(N, 4) - sp.HadamardProduct(a, a))
>>> text(f)
'(delta_2 W2^T) ∘ (1 - a_1 ∘ a_1)'
>>> latex(f)
'\\\\left(\\\\delta_{2} W_{2}^{T}\\\\right) \\\\circ \\\\left(\\\\mathbf{1} - a_{1} \\\\circ a_{1}\\\\right)'
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter
from sympy.printing.str import StrPrinter

__all__ = ["text", "latex", "NotationPrinter", "NotationLatexPrinter", "latex_name"]

#: function names as the notes' LaTeX writes them
_LATEX_FUNCTIONS = {"tanh": r"\tanh", "exp": r"\exp", "log": r"\log", "sin": r"\sin", "cos": r"\cos",
                    "sigmoid": r"\sigma", "relu": r"\operatorname{ReLU}"}


def _latex_function(name: str) -> str:
    """A function's name in LaTeX: the notes' spelling, else an upright ``\\operatorname``."""
    return _LATEX_FUNCTIONS.get(name, r"\operatorname{%s}" % name.replace("_", r"\_"))


_COMPOUND = (sp.MatAdd, sp.MatMul, sp.HadamardProduct, sp.Add, sp.Mul)


def _negated(t: sp.Basic) -> sp.Basic | None:
    """``-t`` when ``t`` carries a negative leading coefficient (also nested:
    ``(-1 r) 1``), else None."""
    if t.is_Number:
        return -t if t.is_negative else None
    if isinstance(t, (sp.MatMul, sp.Mul)) and t.args:
        head, rest = t.args[0], t.args[1:]
        inner = -head if head.is_Number and head.is_negative else \
            (_negated(head) if isinstance(head, (sp.MatMul, sp.Mul)) else None)
        if inner is None:
            return None
        parts = ([inner] if inner != 1 else []) + list(rest)
        return parts[0] if len(parts) == 1 else sp.MatMul(*parts) if t.is_Matrix else sp.Mul(*parts, evaluate=False)
    return None


def _terms(expr: sp.Basic) -> tuple[list[sp.Basic], list[sp.Basic]]:
    """The terms of a sum split into (positive, negated), the negated without their sign."""
    plus, minus = [], []
    for t in expr.args:
        n = _negated(t)
        (plus if n is None else minus).append(t if n is None else n)
    return plus, minus


#: classes whose own ``_sympystr``/``_latex`` this module's printers override
_OURS = frozenset({"Elementwise", "ReduceSum", "RowMax", "HadamardProduct", "HadamardPower", "Transpose",
                   "MatMul", "MatAdd", "OneMatrix", "MatrixSymbol"})


def _fold_scalars(expr: sp.MatMul) -> list[sp.Basic]:
    """The factors of a matrix product, its scalar factors multiplied into one
    leading coefficient (``2 (1/(2N)) X`` reads ``1/N X``)."""
    flat, todo = [], list(expr.args)
    while todo:   # a product of products is one product
        a = todo.pop(0)
        if isinstance(a, sp.MatMul):
            todo[:0] = a.args
        else:
            flat.append(a)
    scalars = [a for a in flat if not getattr(a, "is_Matrix", False)]
    mats = [a for a in flat if getattr(a, "is_Matrix", False)]
    if len(scalars) < 2:
        return scalars + mats
    return [sp.Mul(*scalars)] + mats


class _Layout:
    """What the text and LaTeX printers share: this module's cases before SymPy's own
    ``_sympystr``/``_latex``, products juxtaposed with one leading coefficient, and sums
    with their positive terms first.  Subclasses give ``_wrap`` (parentheses)."""

    def _print(self, expr, **kwargs):
        name = type(expr).__name__
        if name in _OURS and hasattr(self, "_print_" + name):
            return getattr(self, "_print_" + name)(expr)
        return super()._print(expr, **kwargs)

    def _print_MatMul(self, expr):
        args = _fold_scalars(expr)
        sign = ""
        if args and args[0].is_Number:
            if args[0] == -1:
                sign, args = "-", args[1:]
            elif args[0] == 1:
                args = args[1:]
        return sign + " ".join(self._wrap(a, (sp.MatAdd, sp.HadamardProduct, sp.Add)) for a in args)

    def _print_MatAdd(self, expr):
        plus, minus = _terms(expr)
        out = " + ".join(self._print(t) for t in plus) if plus else "-" + self._wrap(minus.pop(0), (sp.MatAdd,))
        for t in minus:
            out += " - " + self._wrap(t, (sp.MatAdd,))
        return out


class NotationPrinter(_Layout, StrPrinter):
    """Plain text: ``∘`` for entrywise products, ``^T``, juxtaposed matrix products."""

    def _print_ReduceSum(self, expr):
        X = self._wrap(expr.args[0], (sp.MatAdd, sp.HadamardProduct))
        return f"1^T {X}" if expr.args[1] == 0 else f"{X} 1"

    def _print_RowMax(self, expr):
        return f"rowmax({self._print(expr.args[0])})"

    def _wrap(self, e: sp.Basic, kinds=_COMPOUND) -> str:
        s = self._print(e)
        return f"({s})" if isinstance(e, kinds) else s

    def _print_HadamardProduct(self, expr):
        return " ∘ ".join(self._wrap(a, (sp.MatAdd, sp.MatMul, sp.Add)) for a in expr.args)

    def _print_HadamardPower(self, expr):
        base, e = expr.args
        if e == -1:
            return f"1/{self._wrap(base)}"
        if e == 2:   # as the rules compute it: a ∘ a
            return f"{self._wrap(base)} ∘ {self._wrap(base)}"
        return f"{self._wrap(base)}^∘{self._print(e)}"

    def _print_Transpose(self, expr):
        return f"{self._wrap(expr.arg, _COMPOUND + (sp.Transpose,))}^T"

    def _print_OneMatrix(self, expr):
        return "1"

    def _print_Elementwise(self, expr):
        head = expr._head(self)
        inner = self._print(expr.expr)
        if head is None:
            return f"({self._print(expr.function)})({inner})"
        return f"{head[0]}({inner}{head[1]})"


class NotationLatexPrinter(_Layout, LatexPrinter):
    """LaTeX: ``\\circ``, ``^{T}``, ``\\sigma(z_{1})``, ``\\mathbf{1}``."""

    def _print_ReduceSum(self, expr):
        X = self._wrap(expr.args[0], (sp.MatAdd, sp.HadamardProduct))
        return r"\mathbf{1}^{T} %s" % X if expr.args[1] == 0 else r"%s \mathbf{1}" % X

    def _print_RowMax(self, expr):
        return r"\operatorname{rowmax}\left(%s\right)" % self._print(expr.args[0])

    def _wrap(self, e: sp.Basic, kinds=_COMPOUND) -> str:
        s = self._print(e)
        return r"\left(%s\right)" % s if isinstance(e, kinds) else s

    def _print_MatrixSymbol(self, expr):
        return latex_name(expr.name)

    def _print_HadamardProduct(self, expr):
        return r" \circ ".join(self._wrap(a, (sp.MatAdd, sp.MatMul, sp.Add)) for a in expr.args)

    def _print_HadamardPower(self, expr):
        base, e = expr.args
        if e == -1:
            return r"\frac{1}{%s}" % self._print(base)
        if e == 2:
            return r"%s \circ %s" % (self._wrap(base), self._wrap(base))
        return r"%s^{\circ %s}" % (self._wrap(base), self._print(e))

    def _print_Transpose(self, expr):
        return r"%s^{T}" % self._wrap(expr.arg, _COMPOUND + (sp.Transpose,))

    def _print_OneMatrix(self, expr):
        return r"\mathbf{1}"

    def _print_Function(self, expr, exp=None):
        # a named operation of the notes (route_max, conv2d_full): one upright name, no subscript
        if isinstance(expr, AppliedUndef):
            args = ", ".join(self._print(a) for a in expr.args)
            return r"\operatorname{%s}\left(%s\right)" % (expr.func.__name__.replace("_", r"\_"), args)
        return super()._print_Function(expr, exp)

    def _print_Elementwise(self, expr):
        head = expr._head(StrPrinter())
        inner = self._print(expr.expr)
        if head is None:
            return r"\left(%s\right)\left(%s\right)" % (self._print(expr.function), inner)
        extra = "".join(", " + self._print(a) for a in expr.function.expr.args[1:]) if head[1] else ""
        return r"%s\left(%s%s\right)" % (_latex_function(head[0]), inner, extra)


_DERIVATIVE = re.compile(r"(\w+)'\((\w+)\)")


def latex_name(name: str) -> str:
    """LaTeX of a name: ``delta_2`` -> ``\\delta_{2}``, ``W1`` -> ``W_{1}``,
    ``tanh'(z_1)`` -> ``\\tanh'(z_{1})``, ``dL/dW1`` -> a fraction."""
    mask = re.fullmatch(r"\[(\w+) > 0\]", name)   # the ReLU mask of a named layer output
    if mask:
        return r"\left[%s > 0\right]" % latex_name(mask.group(1))
    m = _DERIVATIVE.fullmatch(name)
    if m:
        return f"{_latex_function(m.group(1))}'({latex_name(m.group(2))})"
    if name.startswith("dL/d"):
        return r"\frac{\partial L}{\partial %s}" % latex_name(name[4:])
    return sp.latex(sp.Symbol(name))


def text(expr: sp.Basic) -> str:
    """``expr`` in the notes' plain-text notation."""
    return NotationPrinter().doprint(expr)


def latex(expr: sp.Basic) -> str:
    """``expr`` in the notes' LaTeX notation."""
    return NotationLatexPrinter().doprint(expr)
