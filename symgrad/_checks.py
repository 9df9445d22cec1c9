"""Argument checks shared by the public constructors.

SymPy's ``sympify`` without ``strict=True`` hands a string to ``eval``, so a
string argument runs code (``leaky_relu(x, "__import__('os')...")``).  Every
public entry point that takes a number or an expression goes through
:func:`sympy_arg` instead; text is read by :mod:`symgrad.frontend.parse` only.

Examples
--------
>>> sympy_arg(0.5, "alpha", "ELU")
0.500000000000000
>>> sympy_arg("1/2", "alpha", "ELU")
Traceback (most recent call last):
    ...
TypeError: ELU: alpha must be a number or a SymPy expression, not str '1/2' (text is never ...
>>> positive_int(3, "n_in", "Dense")
3
>>> positive_int(True, "n_in", "Dense")
Traceback (most recent call last):
    ...
TypeError: Dense: n_in must be an int, not bool True
"""
from __future__ import annotations

import operator
from typing import Any

import sympy as sp

__all__ = ["sympy_arg", "positive_int"]


def sympy_arg(value: Any, name: str, where: str) -> sp.Basic:
    """``value`` as a SymPy object, refusing anything ``sympify`` would have to parse.

    Parameters
    ----------
    value
        A Python or NumPy number, or a SymPy object.
    name, where
        The parameter and the function or class, for the error message.

    Raises
    ------
    TypeError
        For strings, booleans and any other object SymPy cannot take without
        parsing text.
    """
    # bool is an int to Python but a logical value to SymPy: never a numeric parameter
    if isinstance(value, (str, bytes, bool)) or value is None:
        raise TypeError(f"{where}: {name} must be a number or a SymPy expression, not "
                        f"{type(value).__name__} {value!r} (text is never evaluated; "
                        f"build it with sympy or symgrad.frontend.parse)")
    try:
        return sp.sympify(value, strict=True)
    except sp.SympifyError:
        raise TypeError(f"{where}: {name} must be a number or a SymPy expression, not "
                        f"{type(value).__name__} {value!r}") from None


def positive_int(value: Any, name: str, where: str) -> int:
    """``value`` as a Python int >= 1; a size, as ``torch.nn.Linear`` takes it.

    Raises
    ------
    TypeError
        For floats (even ``3.0``), strings, booleans and other non-integers.
    ValueError
        For integers below 1.
    """
    if isinstance(value, bool):
        raise TypeError(f"{where}: {name} must be an int, not bool {value!r}")
    try:
        n = operator.index(value)   # int, NumPy and SymPy integers; not 3.5 or "3"
    except TypeError:
        raise TypeError(f"{where}: {name} must be an int, not "
                        f"{type(value).__name__} {value!r}") from None
    if n < 1:
        raise ValueError(f"{where}: {name} must be positive, got {n}")
    return n
