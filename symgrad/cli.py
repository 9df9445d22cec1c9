"""The ``symgrad`` command: gradients and checks from the shell.

Expression text goes through :func:`symgrad.parse.parse`, a whitelist parser
that never evaluates Python, so ``symgrad grad "__import__('os').system('x')"``
is refused before anything runs.

Usage::

    symgrad grad EXPR [--wrt a,b] [--at a=1,b=2] [--latex] [--program]
    symgrad check HAND EXPR --wrt a[,b...]     # HAND: one expression per parameter, comma-separated
    symgrad EXPR ...                           # short for "symgrad grad EXPR ..."

Exit status: 0 on success (and when ``check`` finds the gradient right), 1 when
``check`` finds it wrong, 2 for bad input.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import sympy as sp

from .parse import parse, parse_list

__all__ = ["main"]

_COMMANDS = ("grad", "check")


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
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in _COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "grad")
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (ValueError, TypeError) as e:   # ParseError, unsupported expressions, bad --at
        print(f"symgrad: error: {e}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="symgrad", description=(
        "Symbolic reverse-mode gradients of expressions. Expressions use + - * / ** ^, "
        "numbers, names, pi, E and exp log sin cos tan tanh sinh cosh asin acos atan sqrt "
        "Abs Max Min Heaviside sigmoid relu softplus leaky_relu elu Piecewise."))
    sub = p.add_subparsers(dest="command", required=True)

    g = sub.add_parser("grad", help="print the partial derivatives of EXPR")
    g.add_argument("expr", help='for example "sigmoid(w*x + b)"')
    g.add_argument("--wrt", help="comma-separated parameters (default: every symbol)")
    g.add_argument("--at", help="evaluate at a point, e.g. x=1,y=-2.5 (every symbol needed)")
    g.add_argument("--latex", action="store_true", help="also print LaTeX")
    g.add_argument("--program", action="store_true", help="also print the fused program and its stats")
    g.set_defaults(run=_grad)

    c = sub.add_parser("check", help="check a hand-derived gradient of EXPR")
    c.add_argument("hand", help="the claimed derivatives, comma-separated, in --wrt order")
    c.add_argument("expr")
    c.add_argument("--wrt", required=True, help="comma-separated parameters")
    c.add_argument("--seed", type=int, default=0, help="seed of the random points (default 0)")
    c.set_defaults(run=_check)
    return p


def _symbols(text: str | None, expr: sp.Expr) -> list[sp.Symbol]:
    if text is None:
        return sorted(expr.free_symbols, key=lambda s: s.name)
    wrt = parse_list(text)
    for w in wrt:
        if not isinstance(w, sp.Symbol):
            raise TypeError(f"--wrt entries must be names, not {w}")
    return wrt


def _point(text: str) -> dict[str, float]:
    point = {}
    for item in text.split(","):
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise ValueError(f"--at expects name=value pairs separated by commas, not {item!r}")
        v = parse(value)
        if not v.is_number:
            raise ValueError(f"--at value for {name.strip()} is not a number: {value!r}")
        point[name.strip()] = float(v)
    return point


def _grad(args: argparse.Namespace) -> int:
    import symgrad as sg

    f = parse(args.expr)
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
    if args.at:
        point = _point(args.at)
        fn = sg.compile(f, wrt=wrt)
        unknown = sorted(set(point) - set(fn.args) - {str(w) for w in wrt})
        if unknown:
            raise ValueError(f"--at names {unknown}, which are not symbols of {f}")
        # a parameter that f does not use needs no value: its gradient is 0 anywhere
        unused = {str(w): 0.0 for w in wrt if w not in f.free_symbols and str(w) not in point}
        value, grads = fn(**{n: v for n, v in {**point, **unused}.items() if n in fn.args})
        print("at " + ", ".join(f"{n} = {_num(v)}" for n, v in point.items()) + ":")
        print(f"f = {_num(value)}")
        for w, d in zip(wrt, grads):
            print(f"df/d{w} = {_num(d)}")
    return 0


def _check(args: argparse.Namespace) -> int:
    import symgrad as sg

    f = parse(args.expr)
    wrt = _symbols(args.wrt, f)
    hand = parse_list(args.hand)
    if len(hand) != len(wrt):
        raise ValueError(f"HAND has {len(hand)} expression(s) but --wrt names {len(wrt)}: "
                         f"{', '.join(map(str, wrt))}")
    res = sg.check(hand, f, wrt, seed=args.seed)
    print(res)
    return 0 if res.ok else 1


def _num(v) -> str:
    v = float(v)
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
