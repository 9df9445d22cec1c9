"""Helpers for the n-D tests: programs built on the Graph API, compiled, compared with torch."""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
import sympy as sp
from sympy.tensor.array.expressions import ArraySymbol

from symgrad import codegen
from symgrad.autodiff.reverse import vjp
from symgrad.ir.graph import Graph
from symgrad.ir.program import build_program

N = sp.Symbol("N", integer=True, positive=True)


def array(G: Graph, name: str, shape: tuple) -> int:
    """An n-D input leaf."""
    return G.leaf(ArraySymbol(name, shape))


def compile_loss(G: Graph, loss: int, wrt: Sequence[str], backend: str = "numpy",
                 dtype: str = "float64"):
    """``value, grads = fn(**arrays)`` for a scalar node ``loss`` of ``G``."""
    targets = [next(i for i, n in enumerate(G.nodes) if not n.args and str(n.attr) == w)
               for w in wrt]
    grads = vjp(G, loss, targets)
    outputs = [("value", loss)] + [(f"d_{w}", d) for w, d in zip(wrt, grads)]
    program = build_program(G, outputs, keep=targets)
    return codegen.backend(backend).build(program, dtype, list(wrt))


def compile_value(G: Graph, root: int, backend: str = "numpy"):
    """A value-only program (an n-D result)."""
    return codegen.backend(backend).build(build_program(G, [("value", root)]), "float64", [])


def torch_grads(fn: Callable, arrays: dict[str, np.ndarray], wrt: Sequence[str]):
    """``fn(**tensors)`` and its gradients by torch autograd, in float64."""
    import torch
    ts = {k: torch.tensor(v, dtype=torch.float64, requires_grad=k in wrt) for k, v in arrays.items()}
    out = fn(**ts)
    out.backward()
    return out.item(), [ts[w].grad.numpy() for w in wrt]


def assert_close(got, want, rtol: float = 1e-12, what: str = "") -> None:
    """Equal to ``rtol`` relative to the largest entry of ``want`` (and the same shape)."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    assert got.shape == want.shape, f"{what}: shape {got.shape} != {want.shape}"
    scale = max(np.abs(want).max(initial=0.0), 1e-300)
    err = np.abs(got - want).max(initial=0.0)
    assert err <= rtol * scale, f"{what}: max error {err:.3g} against max |want| {scale:.3g}"
