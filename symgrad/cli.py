"""The ``symgrad`` command: gradients and checks from the shell.

Expression text goes through :func:`symgrad.frontend.parse.parse`, a whitelist parser
that never evaluates Python, so ``symgrad grad "__import__('os').system('x')"``
is refused before anything runs.

Usage::

    symgrad grad EXPR [--wrt a,b] [--at a=1,b=2] [--latex] [--program] [--dot FILE] [--png FILE]
    symgrad check HAND EXPR --wrt a[,b...]     # HAND: one expression per parameter, comma-separated
    symgrad EXPR ...                           # short for "symgrad grad EXPR ..."

An expression may start with ``-`` (``symgrad "-x*y" --wrt x``): any argument
that starts with a single ``-`` and is not ``-h`` is taken as an expression.
``e`` is a variable, as in SymPy, not Euler's number (write ``exp(x)`` or
``E``); the command warns when an expression uses it.  A ``--wrt`` name that
does not occur in the expression gets a warning (its gradient is 0).

Exit status: 0 on success (and when ``check`` finds the gradient right), 1 when
``check`` finds it wrong, 2 for bad input, 3 when the value or a derivative at
the ``--at`` point is not finite (it is printed as ``nan`` or ``inf``, with a
warning naming the sub-expression that left its domain).
"""
from __future__ import annotations

import argparse
import difflib
import math
import sys
import warnings
from collections.abc import Sequence

import numpy as np
import sympy as sp

from .frontend.parse import FUNCTIONS, parse, parse_list

__all__ = ["main"]

_COMMANDS = ("grad", "check")
_TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")
#: Exit status when a value or derivative at the --at point is NaN or infinite.
NOT_FINITE = 3
#: Expressions at most this big get a search for the sub-expression that is not finite,
#: and only while their exact numbers stay below the second bound.
_CULPRIT_SEARCH_NODES = 500
_CULPRIT_LARGEST_NUMBER = 10 ** 30


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Examples
    --------
    >>> main(["grad", "(x + y)*z", "--wrt", "x,z", "--at", "x=-2,y=5,z=-4"])
    f = z*(x + y)
    df/dx = z
    df/dz = x + y
    at x = -2, y = 5, z = -4:
    f = -12
    df/dx = -4
    df/dz = 3
    0
    """
    argv = [_protect(a) for a in (sys.argv[1:] if argv is None else argv)]
    if argv and argv[0] not in (*_COMMANDS, *_TOP_LEVEL_OPTIONS):
        argv.insert(0, "grad")   # also for "symgrad --wrt x EXPR"
    parser = _parser()
    args = parser.parse_args(argv)
    for text in ("expr", "hand"):   # drop the space _protect added, for the messages' sake
        if hasattr(args, text):
            setattr(args, text, getattr(args, text).strip())
    try:
        return args.run(args)
    except (ValueError, TypeError) as e:   # ParseError, unsupported expressions, bad --at
        print(f"symgrad: error: {e}", file=sys.stderr)
        return 2


def _protect(arg: str) -> str:
    # argparse takes "-x*y" for an option; it takes an argument that starts with a
    # space for a positional one, and the parser strips the space again
    if arg.startswith("-") and not arg.startswith("--") and arg != "-h":
        return " " + arg
    return arg


def _warn(message: str) -> None:
    print(f"symgrad: warning: {message}", file=sys.stderr)


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("symgrad")
    except metadata.PackageNotFoundError:   # run from a source tree that is not installed
        from . import __version__
        return __version__


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="symgrad", description=(
        "Symbolic reverse-mode gradients of expressions. Expressions use + - * / ** ^, "
        "numbers, names, pi, E and the functions " + " ".join(FUNCTIONS) + " Piecewise. "
        "E is Euler's number; e is a variable like any other name (write exp(x), not e^x). "
        "An expression may start with '-'."), epilog=(
        "exit status: 0 ok, 1 check found the gradient wrong, 2 bad input, "
        "3 a value or derivative at the --at point is not finite"))
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = p.add_subparsers(dest="command", required=True)

    g = sub.add_parser("grad", help="print the partial derivatives of EXPR")
    g.add_argument("expr", help='for example "sigmoid(w*x + b)"')
    g.add_argument("--wrt", help="comma-separated parameters (default: every symbol)")
    g.add_argument("--at", help="evaluate at a point, e.g. x=1,y=-2.5 (every symbol needed)")
    g.add_argument("--latex", action="store_true", help="also print LaTeX")
    g.add_argument("--program", action="store_true", help="also print the fused program and its stats")
    g.add_argument("--dot", metavar="FILE", help="write the computational graph as Graphviz DOT text "
                   "(with --at, each wire carries its value and gradient, as the notes draw them)")
    g.add_argument("--png", metavar="FILE", help="render that graph to PNG (needs Graphviz: "
                   "pip install 'symgrad[draw]' and the dot program)")
    g.set_defaults(run=_grad)

    c = sub.add_parser("check", help="check a hand-derived gradient of EXPR")
    c.add_argument("hand", help="the claimed derivatives, comma-separated, in --wrt order")
    c.add_argument("expr")
    c.add_argument("--wrt", required=True, help="comma-separated parameters")
    c.add_argument("--seed", type=int, default=0, help="seed of the random points (default 0)")
    c.set_defaults(run=_check)
    return p


def _warn_about_e(exprs: Sequence[sp.Expr], what: str, *options: str | None) -> None:
    # e^x meaning exp(x) is the likely mistake; naming e in --wrt or --at shows intent
    named = {n.split("=")[0].strip() for o in options if o for n in o.split(",")}
    if "e" not in named and any(sp.Symbol("e") in f.free_symbols for f in exprs):
        _warn(f"{what} uses 'e', which is a variable here, not Euler's number; "
              "write exp(x) or E for that")
    # likewise a function's name not called (gamma*x): a variable, unless --wrt/--at name it
    used = sorted({s.name for f in exprs for s in f.free_symbols} & set(FUNCTIONS) - named)
    for name in used:
        _warn(f"{what} uses '{name}' as a variable, not the function {name}(...)")


def _symbols(text: str | None, expr: sp.Expr) -> list[sp.Symbol]:
    if text is None:
        return sorted(expr.free_symbols, key=lambda s: s.name)
    wrt = parse_list(text)
    for w in wrt:
        if not isinstance(w, sp.Symbol):
            raise TypeError(f"--wrt entries must be names, not {w}")
    # the Python API's rule (an absent parameter has gradient 0) holds, but on the
    # command line an absent name is most likely a typo
    names = sorted(s.name for s in expr.free_symbols)
    for w in wrt:
        if w not in expr.free_symbols:
            close = difflib.get_close_matches(w.name, names, n=1, cutoff=0.5)
            close += [n for n in names if n.lower() == w.name.lower() and n not in close]
            hint = f" (did you mean {close[0]}?)" if close else ""
            _warn(f"--wrt {w} does not occur in {expr}, so its gradient is 0{hint}")
    return wrt


def _point(text: str) -> dict[str, float]:
    point: dict[str, float] = {}
    for item in text.split(","):
        name, eq, value = item.partition("=")
        name = name.strip()
        if not eq or not name:
            raise ValueError(f"--at expects name=value pairs separated by commas, not {item!r}")
        if name in point:
            raise ValueError(f"--at gives {name} twice")
        v = parse(value)
        if not v.is_number:
            raise ValueError(f"--at value for {name} is not a number: {value!r}")
        try:
            point[name] = float(v)
        except TypeError:   # 1/0 is zoo, sqrt(-1) is I: SymPy's message names neither
            raise ValueError(f"--at value for {name} is not a real number: {value.strip()!r} "
                             f"is {v}") from None
        if not math.isfinite(point[name]):
            raise ValueError(f"--at value for {name} is beyond the range of a float64: {value.strip()!r}")
    return point


def _grad(args: argparse.Namespace) -> int:
    import symgrad as sg

    f = parse(args.expr)
    _warn_about_e([f], "the expression", args.wrt, args.at)
    wrt = _symbols(args.wrt, f)
    g = sg.grad(f, wrt)
    print(f"f = {f}")
    for w, d in g.items():
        print(f"df/d{w} = {d}")
    if args.latex:
        print(f"f = {sp.latex(f)}")
        for w, d in g.items():
            print(r"\frac{\partial f}{\partial " + sp.latex(w) + "} = " + sp.latex(d))
    if args.program:
        print(g.program)
        print(g.program.stats())
    if args.dot or args.png:
        _draw(f, _point(args.at) if args.at else None, args.dot, args.png)
    if args.at:
        point = _point(args.at)
        fn = sg.compile(f, wrt=wrt)
        unknown = sorted(set(point) - set(fn.args) - {str(w) for w in wrt})
        if unknown:
            raise ValueError(f"--at names {unknown}, which are not symbols of {f}")
        # a parameter that f does not use needs no value: its gradient is 0 anywhere
        unused = {str(w): 0.0 for w in wrt if w not in f.free_symbols and str(w) not in point}
        # NumPy's own warning names a generated file; the check below says it better
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore", RuntimeWarning)
            value, grads = fn(**{n: v for n, v in {**point, **unused}.items() if n in fn.args})
        at = ", ".join(f"{n} = {_num(v)}" for n, v in point.items())
        print(f"at {at}:")
        print(f"f = {_num(value)}")
        for w, d in zip(wrt, grads):
            print(f"df/d{w} = {_num(d)}")
        results = {"f": (f, value), **{f"df/d{w}": (g[w], d) for w, d in zip(wrt, grads)}}
        bad = [name for name, (_, v) in results.items() if not np.isfinite(v)]
        if bad:
            culprit = _culprit(results[bad[0]][0], point)
            _warn(f"{', '.join(bad)} {'is' if len(bad) == 1 else 'are'} not finite at {at}" + (
                f": {culprit}" if culprit else
                " (an overflow, an argument outside a function's domain, or a division by zero)"))
            return NOT_FINITE
    return 0


def _draw(f: sp.Expr, point: dict[str, float] | None, dot: str | None, png: str | None) -> None:
    """Write the picture of ``f`` (at ``point``) as DOT text and/or PNG."""
    from .inspect import GraphvizMissing, draw

    if point is not None:
        missing = sorted(s.name for s in f.free_symbols if s.name not in point)
        if missing:
            raise ValueError(f"--at gives no value for {', '.join(missing)}, which the picture needs")
    picture = draw(f, at=point)
    if dot:
        picture.save(_suffixed(dot, ".dot"))
    if png:
        try:
            picture.save(_suffixed(png, ".png"))
        except GraphvizMissing as e:
            raise ValueError(f"--png: {e}") from None


def _suffixed(path: str, suffix: str) -> str:
    """Drawing.save picks the format by suffix; the option already said which."""
    return path if path.lower().endswith(suffix) else path + suffix


def _culprit(expr: sp.Expr, point: dict[str, float]) -> str | None:
    """Name the innermost sub-expression of ``expr`` that is not finite and real at ``point``."""
    subs = {sp.Symbol(n): sp.Float(v) for n, v in point.items()}
    for node in _innermost_first(expr, _CULPRIT_SEARCH_NODES):
        if not isinstance(node, sp.Expr) or node.is_Atom:
            continue
        if any(max(abs(r.p), r.q) > _CULPRIT_LARGEST_NUMBER for r in node.atoms(sp.Rational)):
            return None   # mpmath would take ages over exp(10^3999); give the general message
        try:
            v = node.evalf(subs=subs)
        except ZeroDivisionError:
            return f"{node} divides by zero"
        if not v.is_number:
            continue
        if v.is_extended_real is False:
            return f"{node} is not real ({v})"
        if not v.is_finite:
            return f"{node} is {v}"
        if abs(v) > sys.float_info.max:
            return f"{node} is {sp.Float(v, 3)}, beyond the range of a float64"
    return None


def _innermost_first(expr: sp.Basic, limit: int) -> list[sp.Basic]:
    """Distinct sub-expressions, each after its arguments; none if there are more than ``limit``."""
    order: list[sp.Basic] = []
    seen: set[sp.Basic] = set()
    stack: list[tuple[sp.Basic, bool]] = [(expr, False)]
    while stack:
        node, args_done = stack.pop()
        if args_done:
            order.append(node)
        elif node not in seen:
            seen.add(node)
            if len(seen) > limit:
                return []
            stack.append((node, True))
            stack.extend((a, False) for a in reversed(node.args))
    return order


def _check(args: argparse.Namespace) -> int:
    import symgrad as sg

    f = parse(args.expr)
    hand = parse_list(args.hand)
    _warn_about_e([f], "EXPR", args.wrt)
    _warn_about_e(hand, "HAND", args.wrt)
    wrt = _symbols(args.wrt, f)
    if len(hand) != len(wrt):
        raise ValueError(f"HAND has {len(hand)} expression(s) but --wrt names {len(wrt)}: "
                         f"{', '.join(map(str, wrt))}")
    res = sg.check(hand, f, wrt, seed=args.seed)
    print(res)
    return 0 if res.ok else 1


def _num(v) -> str:
    v = float(v)
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
