"""Exceptions raised by symgrad; each names the expression or argument at fault."""
from __future__ import annotations

from typing import Any

__all__ = ["SymgradError", "UnsupportedExpressionError", "NoDerivativeRuleError"]


class SymgradError(Exception):
    """Base class of symgrad's own errors."""


class UnsupportedExpressionError(SymgradError, TypeError):
    """A SymPy node symgrad cannot lower; ``.expr`` is the offending node."""

    def __init__(self, message: str, expr: Any = None):
        super().__init__(message)
        self.expr = expr


class NoDerivativeRuleError(SymgradError, NotImplementedError):
    """The reverse pass met an operation that has no vector-Jacobian rule.

    ``.op`` is the op class and ``.node`` the graph node; the API adds the
    SymPy subexpression to the message (the IR cannot print SymPy).
    """

    def __init__(self, message: str, op: Any = None, node: int | None = None):
        super().__init__(message)
        self.op = op
        self.node = node
