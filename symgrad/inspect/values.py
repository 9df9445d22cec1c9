"""Every node's value at a point, and every forward node's gradient, for pictures.

The NumPy backend's printer writes each node as one line; here every node is
printed (none inlined, no buffer reused), run once, and read back by its
listing name, so the numbers in a picture are the ones the compiled code
computes.  Gradients of intermediate nodes come from one reverse sweep that
keeps every adjoint (the notes' figures write dL/dq under the wire of q).
"""
from __future__ import annotations

from typing import Any, Mapping

import numpy as np
import sympy as sp

from ..autodiff.reverse import vjp
from ..codegen.numpy import NumPyPrinter
from ..codegen.tensor_call import TensorSignature
from ..ir.graph import INPUTS, Graph
from ..ir.program import Program, build_program, symbol_name

__all__ = ["evaluate", "forward_and_adjoints", "fmt"]


class _EveryLine(NumPyPrinter):
    """The NumPy printer with every node on a line of its own and no buffer reuse."""

    def _inlined(self) -> dict[int, str]:
        return {}

    def _in_place(self, node, args, target):
        return None


def evaluate(program: Program, at: Mapping[Any, Any]) -> list[Any]:
    """The value of every node of ``program`` with inputs ``at`` (by symbol or name).

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> x, y, z = sp.symbols("x y z")
    >>> p = sg.grad((x + y) * z, [x, y, z]).program
    >>> [float(v) for v in evaluate(p, {x: -2, y: 5, z: -4})]
    [-4.0, -2.0, 5.0, 3.0, -12.0]
    """
    values = {symbol_name(k) if isinstance(k, sp.Basic) else str(k): v for k, v in at.items()}
    missing = [n for n, _ in program.inputs if n not in values]
    dims = TensorSignature(program).dims if any(n.shape for n in program.nodes) else {}
    missing = [n for n in missing if n not in dims]
    if missing:
        raise ValueError(f"the point gives no value for {missing}; it gives {sorted(values)}")
    printer = _EveryLine(program, dims=dims)
    source = printer.source()
    source = source.rstrip("\n").rsplit("\n    return ", 1)[0] + "\n    return dict(locals())\n"
    namespace: dict[str, Any] = {"np": np}   # the source defines the helpers it calls
    exec(compile(source, "<symgrad-draw>", "exec"), namespace)
    args = [np.asarray(values[n], dtype=float) for n, _ in program.inputs if n not in dims]
    with np.errstate(all="ignore"):
        local = namespace[printer.name](*args)
    names = printer.names
    out = []
    for i, node in enumerate(program.nodes):
        if node.args or node.op in INPUTS:
            out.append(local.get(names[i]))
        else:
            out.append(None)   # a constant: its label is its value
    return out


def forward_and_adjoints(G: Graph, root: int, at: Mapping[Any, Any]) -> tuple[dict[int, Any], dict[int, Any]]:
    """Values of the forward nodes of ``root`` and their gradients dL/dnode, by graph id."""
    forward = G.ancestors([root])
    leaves = [i for i in forward if G.nodes[i].op in INPUTS]
    adjoint: dict[int, int] = {}
    vjp(G, root, leaves, adjoints=adjoint)
    outputs = [(f"v{i}", i) for i in forward if G.nodes[i].args or G.nodes[i].op in INPUTS]
    live = set(forward)
    outputs += [(f"g{i}", a) for i, a in adjoint.items() if i in live]
    program = build_program(G, outputs)
    vals = evaluate(program, at)
    found = {name: vals[j] for name, j in program.outputs}
    value = {int(n[1:]): v for n, v in found.items() if n[0] == "v"}
    grad = {int(n[1:]): v for n, v in found.items() if n[0] == "g"}
    # an adjoint that is a number (the root's 1) is a constant node: no value was printed for it
    for i, a in adjoint.items():
        if grad.get(i) is None and G.nodes[a].op is sp.Number:
            grad[i] = float(G.nodes[a].attr)
    return value, grad


def fmt(v: Any) -> str:
    """A number as a picture shows it: ``-12``, ``0.2689``; an array by shape and first entries."""
    if v is None:
        return "?"
    a = np.asarray(v)
    if a.ndim == 0 or a.size == 1:
        x = float(a.reshape(()))
        return str(int(x)) if x.is_integer() and abs(x) < 1e15 else f"{x:.4g}"
    head = ", ".join(f"{x:.3g}" for x in a.ravel()[:2])
    return f"{'×'.join(map(str, a.shape))} [{head}, …]"
