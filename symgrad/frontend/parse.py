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

``lambda`` is a name like any other (Python reserves it; SymPy does not), and
``e`` is a name too, not Euler's number: write ``E`` or ``exp(x)`` for that.
Exact numbers are bounded, because SymPy computes them in full
(``2^2^2^2^2^2`` has about 10^19728 digits): an exact exponent beyond
:data:`MAX_EXPONENT` and a number with more than :data:`MAX_DIGITS` digits
are refused before SymPy is asked for them.
"""
from __future__ import annotations

import ast
import math
import re
from collections.abc import Callable
from typing import Any

import sympy as sp

from ..ir.ops import parse_names
from .number_limits import MAX_BITS, MAX_DIGITS, MAX_EXPONENT, TOO_LARGE, largest_exact, raised_bits, short

__all__ = ["CONSTANTS", "FUNCTIONS", "ParseError", "parse", "parse_list"]

#: Names that may be called, and what they build: the ``parse`` names of the
#: declared ops (:mod:`symgrad.ir.ops`), and ``sqrt``, which builds a power.
FUNCTIONS: dict[str, Callable[..., sp.Expr]] = {**parse_names(), "sqrt": sp.sqrt}

#: Names that stand for constants.
CONSTANTS: dict[str, sp.Expr] = {"pi": sp.pi, "E": sp.E}

#: Longest text accepted (the parser itself is the only unbounded cost).
MAX_LENGTH = 1_000_000

# Python keywords that are fine symbol names; the text is rewritten to a
# placeholder (names starting with "_" cannot be typed) and mapped back.
_KEYWORD_NAMES = {"lambda": "_kw_lambda"}
_PLACEHOLDERS = {v: k for k, v in _KEYWORD_NAMES.items()}
_KEYWORD = re.compile(r"\b(" + "|".join(_KEYWORD_NAMES) + r")\b")
# "2x", "3.5y": a number followed by a name, which Python calls an invalid literal
_JUXTAPOSED = re.compile(r"(?<![\w.])(\d+(?:\.\d*)?)([^\W\d]\w*)")

_BINOPS = {
    ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b, ast.Pow: lambda a, b: a ** b,
}
# a + b - c is built as one sum.  Products are built a factor
# at a time, as SymPy would: (x + 1)*2*y is y*(2*x + 2), not Mul(x + 1, 2, y)
_SUMS = (ast.Add, ast.Sub)
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
    symgrad.frontend.parse.ParseError: only calls of known functions are allowed, not __import__('os').system ...
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
        if "Exceeds the limit" in e.msg:        # Python's int-to-string limit, met by a literal
            raise ParseError(f"exact number with more than {MAX_DIGITS} digits in: {_clip(text)}") from None
        juxtaposed = _JUXTAPOSED.search(text)
        hint = f"; write {juxtaposed[1]}*{juxtaposed[2]} for a product" if juxtaposed else ""
        raise ParseError(f"not a valid expression: {_clip(text)} ({e.msg}{hint})") from None
    except (RecursionError, MemoryError):
        raise ParseError("expression is nested too deeply for Python's parser (a chain of "
                         "a few thousand + or * is its limit)") from None


def _clip(text: str, most: int = 200) -> str:
    """``repr(text)``, or its two ends and its length when longer than ``most`` characters:
    an error about 200,000 parentheses should not print them all."""
    if len(text) <= most:
        return repr(text)
    return f"{text[:most // 2]!r} ... {text[-most // 4:]!r} ({len(text):,} characters)"


def _normalize(text: str) -> str:
    # "^" means power, with power's precedence: rewrite it before Python parses
    text = text.strip().replace("^", "**")
    return _KEYWORD.sub(lambda m: _KEYWORD_NAMES[m[1]], text)


class _Builder:
    """Post-order, iterative conversion of a checked ``ast`` node to SymPy."""

    def __init__(self, text: str):
        self.text = text
        # id of the top node of a chain of + and - -> the sign of each operand
        self.chains: dict[int, list[bool]] = {}

    def snippet(self, node: ast.AST) -> str:
        s = ast.get_source_segment(_normalize(self.text), node) or ast.unparse(node)
        for placeholder, name in _PLACEHOLDERS.items():
            s = s.replace(placeholder, name)
        if "^" in self.text and "**" not in self.text:
            s = s.replace("**", "^")   # quote the power the way it was written
        return s if len(s) <= 80 else s[:77] + "..."

    def refuse(self, node: ast.AST, what: str) -> ParseError:
        return ParseError(f"{what}: {self.snippet(node)}")

    def build(self, root: ast.AST) -> sp.Expr:
        # id(node) -> (node, value, bound on the bits of its exact numbers); the node is
        # kept so that its id is not reused by a later node (Piecewise conditions are
        # wrapped in fresh objects, which would otherwise be freed and their ids recycled)
        done: dict[int, tuple[ast.AST, Any, float]] = {}
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
            kids = [done[id(c)] for c in children]
            done[id(node)] = (node, *self.make_bounded(node, [k[1] for k in kids], [k[2] for k in kids]))
        return done[id(root)][1]

    # -- the size of exact numbers --------------------------------------------
    def make_bounded(self, node: ast.AST, args: list[Any], bits: list[float]) -> tuple[Any, float]:
        """Build ``node`` unless SymPy would compute an exact number that is too large.

        A cheap upper bound on the bits of every exact number in the result rides
        along with each node; only when it passes the limit are the numbers
        themselves looked at.  Powers are checked before SymPy computes them,
        since a power is the one operation whose result dwarfs its operands.
        """
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            self.check_power(node, *args)
        value = self.make(node, args)
        if isinstance(node, ast.Constant) and isinstance(node.value, int):
            bound = math.log2(abs(node.value) or 1)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow) and isinstance(args[1], sp.Rational):
            bound = bits[0] * max(1, abs(args[1].p)) + bits[1]   # |p| <= MAX_EXPONENT
        elif isinstance(node, (ast.BinOp, ast.Call)):
            # a product's numbers add up; a sum's add up too (denominators multiply), plus
            # a bit per term
            bound = sum(bits) + len(bits)
        elif isinstance(node, _Condition):
            bound = math.inf
        else:
            bound = bits[0] if bits else 0.0
        if bound >= MAX_BITS - 1:   # near or past the limit: decide on the numbers themselves
            largest = largest_exact(value)
            if largest >= TOO_LARGE:
                raise self.refuse(node, f"exact number with more than {MAX_DIGITS} digits in")
            bound = math.log2(largest)
        return value, bound

    def check_power(self, node: ast.BinOp, base: Any, exponent: Any) -> None:
        if not isinstance(exponent, sp.Rational):
            return
        if max(abs(exponent.p), exponent.q) > MAX_EXPONENT:
            raise self.refuse(node, f"exponent {short(exponent)} is too large (an exact exponent's "
                                    f"numerator and denominator are limited to {MAX_EXPONENT})")
        raised = raised_bits(base)
        # an estimate, to stop SymPy before it computes; near the limit, the exact check decides
        if raised and math.log2(abs(exponent.p)) + math.log2(raised) > math.log2(MAX_BITS + 64):
            digits = math.log10(abs(exponent.p)) + math.log10(raised * math.log10(2))
            about = f"{math.floor(10 ** digits) + 1}" if digits < 15 else f"10^{digits:.0f}"
            raise self.refuse(node, f"power too large: its value has about {about} digits, more than "
                                    f"{MAX_DIGITS} (a float64 ends near 1e308)")

    # -- the whitelist ------------------------------------------------------
    def children(self, node: ast.AST) -> list[ast.AST]:
        if isinstance(node, _Condition):
            return []
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, complex):
                raise self.refuse(node, f"complex literals are not allowed (for a product write "
                                        f"{ast.unparse(node)[:-1]}*j)")
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise self.refuse(node, f"{type(v).__name__} literals are not allowed")
            return []
        if isinstance(node, ast.Name):
            if node.id.startswith("_") and node.id not in _PLACEHOLDERS:
                raise self.refuse(node, "names starting with an underscore are not allowed")
            return []
        if isinstance(node, ast.BinOp):
            if type(node.op) not in _BINOPS:
                raise self.refuse(node, f"operator {type(node.op).__name__} is not allowed")
            if isinstance(node.op, _SUMS):
                return self.sum_children(node)
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

    def sum_children(self, node: ast.BinOp) -> list[ast.AST]:
        """The operands of ``a + b - c + ...``, built in one call.

        Python parses a chain as a left-leaning tree; adding one term at a time
        makes SymPy re-sort the whole sum each time, quadratic in its length.
        """
        top, rights, plus = node, [], []
        while isinstance(node, ast.BinOp) and isinstance(node.op, _SUMS):
            rights.append(node.right)
            plus.append(not isinstance(node.op, ast.Sub))
            node = node.left
        self.chains[id(top)] = [True, *reversed(plus)]
        return [node, *reversed(rights)]

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
            if node.id == "Piecewise":
                raise self.refuse(node, "a function name must be called")
            # a function's name not called is a variable, as in SymPy: gamma and beta
            # (batch norm's scale and shift) and sign are common names (the CLI warns)
            return sp.Symbol(_PLACEHOLDERS.get(node.id, node.id))
        if isinstance(node, ast.BinOp):
            if id(node) in self.chains:
                return sp.Add(*(a if plus else -a for a, plus in zip(args, self.chains[id(node)])))
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
