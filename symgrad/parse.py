"""A safe parser for expression text: a whitelist over Python's ``ast``.

The text is parsed with ``ast.parse(mode="eval")`` and every node is checked
against a whitelist before anything is built; nothing is ever evaluated as
Python (no ``eval``, no ``sympify`` of the text).  Allowed:

* numbers (integers exactly, decimals as SymPy Floats), ``pi``, ``E``;
* names, which become ``Symbol``\\ s unless they name a known function or constant;
* ``+ - * / **``, unary ``-`` and ``+``, and ``^`` as a power;
* calls of the functions in :data:`FUNCTIONS`, positional arguments only;
* ``Piecewise((expr, cond), ..., (expr, True))`` whose conditions are
  comparisons, chains of comparisons, ``and``/``or``, or ``True``.

Everything else (attribute access, subscripts, lambdas, strings, keyword
arguments, names starting with ``_``, calls of other names, comparisons
outside ``Piecewise``) raises :class:`ParseError`, a ``ValueError`` that
names the offending piece of text.  The walk is iterative, so very long
sums do not hit the recursion limit.
"""
from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

import sympy as sp

from .functions import elu, leaky_relu, relu, sigmoid, softplus

__all__ = ["CONSTANTS", "FUNCTIONS", "ParseError", "parse", "parse_list"]

#: Names that may be called, and what they build.
FUNCTIONS: dict[str, Callable[..., sp.Expr]] = {
    "exp": sp.exp, "log": sp.log, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan,
    "tanh": sp.tanh, "sinh": sp.sinh, "cosh": sp.cosh, "asin": sp.asin, "acos": sp.acos,
    "atan": sp.atan, "sqrt": sp.sqrt, "Abs": sp.Abs, "abs": sp.Abs, "Max": sp.Max, "Min": sp.Min,
    "Heaviside": sp.Heaviside, "sigmoid": sigmoid, "relu": relu, "softplus": softplus,
    "leaky_relu": leaky_relu, "elu": elu,
}

#: Names that stand for constants.
CONSTANTS: dict[str, sp.Expr] = {"pi": sp.pi, "E": sp.E}

#: Longest text accepted (the parser itself is the only unbounded cost).
MAX_LENGTH = 1_000_000

_BINOPS = {
    ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b, ast.Pow: lambda a, b: a ** b,
}
_UNARY = {ast.USub: lambda a: -a, ast.UAdd: lambda a: a}
_COMPARE = {ast.Lt: sp.Lt, ast.LtE: sp.Le, ast.Gt: sp.Gt, ast.GtE: sp.Ge,
            ast.Eq: sp.Eq, ast.NotEq: sp.Ne}
_BOOL = {ast.And: sp.And, ast.Or: sp.Or}


class ParseError(ValueError):
    """The text is not a whitelisted expression; the message quotes the culprit."""


def parse(text: str) -> sp.Expr:
    """Parse ``text`` into a SymPy expression without evaluating any Python.

    Parameters
    ----------
    text : str
        For example ``"sigmoid(w0*x0 + w1*x1 + w2)"`` or ``"x^2 + 1"``.

    Returns
    -------
    sympy.Expr
        Names become plain ``Symbol(name)``, as ``sympy.symbols`` gives.

    Raises
    ------
    ParseError
        A ``ValueError`` naming the first piece of text that is not allowed.

    Examples
    --------
    >>> parse("2*(x*y + Max(z, w))")
    2*x*y + 2*Max(w, z)
    >>> parse("sigmoid(w*x + b)^2")
    sigmoid(b + w*x)**2
    >>> parse("__import__('os').system('echo hi')")
    Traceback (most recent call last):
      ...
    symgrad.parse.ParseError: only calls of known functions are allowed, not __import__('os').system ...
    """
    tree = _syntax(text)
    if isinstance(tree.body, ast.Tuple):
        raise ParseError(f"expected one expression, got {len(tree.body.elts)} separated by commas "
                         f"in {text!r}")
    return _Builder(text).build(tree.body)


def parse_list(text: str) -> list[sp.Expr]:
    """Parse comma-separated expressions, e.g. ``"2*x, Max(y, z)"``.

    >>> parse_list("2*x, Max(y, z)")
    [2*x, Max(y, z)]
    """
    tree = _syntax(text)
    parts = tree.body.elts if isinstance(tree.body, ast.Tuple) else [tree.body]
    builder = _Builder(text)
    return [builder.build(p) for p in parts]


def _syntax(text: str) -> ast.Expression:
    if not isinstance(text, str):
        raise TypeError(f"expected expression text, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ParseError(f"expression text is longer than {MAX_LENGTH} characters")
    try:
        return ast.parse(_normalize(text), mode="eval")
    except SyntaxError as e:
        raise ParseError(f"not a valid expression: {text!r} ({e.msg})") from None
    except (RecursionError, MemoryError):
        raise ParseError("expression is nested too deeply for Python's parser (a chain of "
                         "a few thousand + or * is its limit)") from None


def _normalize(text: str) -> str:
    # "^" means power, with power's precedence: rewrite it before Python parses
    return text.strip().replace("^", "**")


class _Builder:
    """Post-order, iterative conversion of a checked ``ast`` node to SymPy."""

    def __init__(self, text: str):
        self.text = text

    def snippet(self, node: ast.AST) -> str:
        s = ast.get_source_segment(_normalize(self.text), node) or ast.unparse(node)
        return s if len(s) <= 80 else s[:77] + "..."

    def refuse(self, node: ast.AST, what: str) -> ParseError:
        return ParseError(f"{what}: {self.snippet(node)}")

    def build(self, root: ast.AST) -> sp.Expr:
        done: dict[int, Any] = {}
        stack: list[tuple[ast.AST, list | None]] = [(root, None)]
        while stack:
            node, children = stack.pop()
            if id(node) in done:
                continue
            if children is None:
                children = self.children(node)
                stack.append((node, children))
                stack.extend((c, None) for c in reversed(children))
                continue
            done[id(node)] = self.make(node, [done[id(c)] for c in children])
        return done[id(root)]

    # -- the whitelist ------------------------------------------------------
    def children(self, node: ast.AST) -> list[ast.AST]:
        if isinstance(node, _Condition):
            return []
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise self.refuse(node, f"{type(v).__name__} literals are not allowed")
            return []
        if isinstance(node, ast.Name):
            if node.id.startswith("_"):
                raise self.refuse(node, "names starting with an underscore are not allowed")
            return []
        if isinstance(node, ast.BinOp):
            if type(node.op) not in _BINOPS:
                raise self.refuse(node, f"operator {type(node.op).__name__} is not allowed")
            return [node.left, node.right]
        if isinstance(node, ast.UnaryOp):
            if type(node.op) not in _UNARY:
                raise self.refuse(node, f"operator {type(node.op).__name__} is not allowed")
            return [node.operand]
        if isinstance(node, ast.Call):
            return self.call_children(node)
        if isinstance(node, ast.Compare):
            raise self.refuse(node, "comparisons are allowed only as Piecewise conditions")
        raise self.refuse(node, f"{type(node).__name__} is not allowed")

    def call_children(self, node: ast.Call) -> list[ast.AST]:
        func = node.func
        if not isinstance(func, ast.Name) or (func.id not in FUNCTIONS and func.id != "Piecewise"):
            known = ", ".join(sorted([*FUNCTIONS, "Piecewise"]))
            raise ParseError(f"only calls of known functions are allowed, not "
                             f"{self.snippet(func)} (known: {known})")
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            raise self.refuse(node, "only positional arguments are allowed")
        if func.id != "Piecewise":
            return list(node.args)
        out = []
        for pair in node.args:
            if not (isinstance(pair, ast.Tuple) and len(pair.elts) == 2):
                raise self.refuse(pair, "Piecewise takes (expression, condition) pairs; got")
            out.append(pair.elts[0])
            out.append(_Condition(pair.elts[1]))
        return out

    def make(self, node: ast.AST, args: list[Any]) -> Any:
        if isinstance(node, _Condition):
            return self.condition(node.node)
        if isinstance(node, ast.Constant):
            if isinstance(node.value, int):
                return sp.Integer(node.value)
            return sp.Float(repr(node.value))
        if isinstance(node, ast.Name):
            if node.id in CONSTANTS:
                return CONSTANTS[node.id]
            if node.id in FUNCTIONS or node.id == "Piecewise":
                raise self.refuse(node, "a function name must be called")
            return sp.Symbol(node.id)
        if isinstance(node, ast.BinOp):
            return _BINOPS[type(node.op)](*args)
        if isinstance(node, ast.UnaryOp):
            return _UNARY[type(node.op)](*args)
        name = node.func.id
        try:
            if name == "Piecewise":
                return sp.Piecewise(*zip(args[0::2], args[1::2]))
            return FUNCTIONS[name](*args)
        except (TypeError, ValueError) as e:
            raise self.refuse(node, f"cannot build {name} ({e})") from None

    def condition(self, node: ast.AST) -> sp.Basic:
        """A Piecewise condition: comparisons, and/or, True (small, so recursive)."""
        if isinstance(node, ast.Constant) and node.value is True:
            return sp.true
        if isinstance(node, ast.BoolOp) and type(node.op) in _BOOL:
            return _BOOL[type(node.op)](*(self.condition(v) for v in node.values))
        if isinstance(node, ast.Compare) and all(type(o) in _COMPARE for o in node.ops):
            terms = [self.build(node.left)] + [self.build(c) for c in node.comparators]
            parts = [_COMPARE[type(o)](a, b) for o, a, b in zip(node.ops, terms, terms[1:])]
            return parts[0] if len(parts) == 1 else sp.And(*parts)
        raise self.refuse(node, "a Piecewise condition must be comparisons, and/or, or True; got")


class _Condition(ast.AST):
    """Marks a Piecewise condition in the work list; built by ``_Builder.condition``."""

    def __init__(self, node: ast.AST):
        super().__init__()
        self.node = node
