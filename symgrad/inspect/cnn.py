"""The backward pass of a convolutional network, written as the notes write it.

The lecture notes on convolution and pooling give the delta of each
stage without Jacobians:

- a convolution's input delta is the convolution of its output delta with
  the flipped kernel (``rot180``, input and output channels swapped), the
  delta zero-padded by ``kernel - 1 - padding`` (and dilated by the stride);
  the kernel's gradient correlates the stage's input with its delta, and the
  bias's sums the delta over the batch and the image;
- max pooling routes each delta entry to the maximum of its window (the
  first one on ties, as torch), average pooling spreads it evenly;
- flatten's delta is the next delta reshaped back to the image.

The compiled program computes the same adjoints in the im2col form it
lowered the convolution to (a product with the kernel matrix, then
``fold_windows``); the dense layers and the activations' derivatives are
read off that program as for an MLP.  ``tests/test_explain_cnn.py`` checks
every formula printed here against PyTorch's autograd.
"""
from __future__ import annotations

from typing import Sequence

import sympy as sp

from ..frontend.to_sympy import to_sympy
from ..ir.graph import Graph
from ..ir.layers import op_name
from ..ir.stages import Stage
from .naming import name_softmax

__all__ = ["explain_stages"]

Row = tuple[sp.Basic, sp.Basic]

conv2d = sp.Function("conv2d")
conv2d_full = sp.Function("conv2d_full")
rot180 = sp.Function("rot180")
corr = sp.Function("corr")
route_max = sp.Function("route_max")
spread = sp.Function("spread")
reshape = sp.Function("reshape")
flatten = sp.Function("flatten")
max_pool2d = sp.Function("max_pool2d")
avg_pool2d = sp.Function("avg_pool2d")
sum_nhw = sp.Function("sum_NHW")

def M(name: str) -> sp.MatrixSymbol:
    """A named image-shaped value; printed by name, so its (4-D) shape is not needed."""
    return sp.MatrixSymbol(name, 1, 1)


_ONE = sp.MatrixSymbol("1", 1, 1)

#: activation derivatives as the notes write them, in terms of a = g(z)
_DERIVATIVES = {
    "relu": lambda z, a: M(f"[{z} > 0]"),
    "tanh": lambda z, a: _ONE - sp.HadamardProduct(M(a), M(a), evaluate=False),
    "sigmoid": lambda z, a: sp.HadamardProduct(M(a), _ONE - M(a)),
}

NOTES = [
    "conv2d(x, K, s, p): each output channel sums its kernel over the windows of x (stride s, padding p)",
    "conv2d_full(delta, rot180(K), s, p): delta dilated by s (s - 1 zeros between entries), zero-padded "
    "by kernel - 1 - p (plus (H + 2p - kernel) mod s on the far side), convolved with K turned 180° "
    "(input and output channels swapped): the transposed convolution",
    "corr(x, delta): the correlation of the layer input with its delta, summed over the batch (dL/dK)",
    "route_max(delta, k): each entry goes to the first maximum of its k-window, the rest get 0",
    "spread(delta, k): each entry spread evenly over its k-window, divided by its size",
]


def _factors(e: sp.Basic) -> list[sp.Basic]:
    """The factors of nested entrywise products, flattened."""
    if isinstance(e, sp.HadamardProduct):
        return [f for a in e.args for f in _factors(a)]
    return [e]


def _pair(t) -> sp.Basic:
    return sp.Integer(t[0]) if t[0] == t[1] else sp.Tuple(*t)


def explain_stages(G: Graph, live: Sequence[int], wrt: Sequence[sp.Basic], targets: Sequence[int],
                   grads: Sequence[int], adjoint: dict[int, int], stages: Sequence[Stage]):
    """Forward rows, delta rows, gradient rows and notes for a network with convolutions,
    from the reverse sweep :func:`~symgrad.inspect.recursion.explain_graph` made: ``grads``
    of the leaves ``targets`` of ``wrt``, ``adjoint`` of each node, and ``live``, the
    forward nodes."""
    sym: dict[int, sp.Basic] = {}          # node -> its name, for the templated rows
    names: dict[int, sp.Basic] = {}        # node -> MatrixSymbol, for to_sympy of matrix rows
    forward: list[Row] = []
    k = 0
    label: dict[int, str] = {}             # stage output node -> "1", "2", ... (conv/dense layer)

    def name_of(i: int) -> sp.Basic:
        if i in sym:
            return sym[i]
        n = G.nodes[i]
        return M(str(n.attr)) if not n.args else M("...")

    last = "0"
    for st in stages:
        if st.kind in ("conv", "dense"):
            k += 1
            last = str(k)
            label[st.out] = last
            z = M(f"z_{k}")
            if st.kind == "conv":
                rhs = conv2d(name_of(st.input), name_of(st.weight), _pair(st.stride), _pair(st.padding))
                if st.bias is not None:
                    rhs = rhs + sp.Symbol(str(G.nodes[st.bias].attr))   # printing only
                forward.append((z, rhs))
                sym[st.out] = z
            else:
                zm = sp.MatrixSymbol(f"z_{k}", *G.nodes[st.out].shape)
                forward.append((zm, to_sympy(G, st.out, dict(names))))
                sym[st.out], names[st.out] = zm, zm
            if st.activation is not None:
                a = M(f"a_{k}")
                act = sp.Function(op_name(G.nodes[st.activation].op))
                if st.kind == "dense":
                    a = sp.MatrixSymbol(f"a_{k}", *G.nodes[st.activation].shape)
                    forward.append((a, to_sympy(G, st.activation, dict(names))))
                    names[st.activation] = a
                else:
                    forward.append((a, act(sym[st.out])))
                sym[st.activation] = a
        elif st.kind in ("maxpool", "avgpool"):
            p = M(f"p_{last}")
            pool = max_pool2d if st.kind == "maxpool" else avg_pool2d
            forward.append((p, pool(name_of(st.input), _pair(st.kernel))))
            sym[st.out] = p
        elif st.kind == "flatten":
            f = sp.MatrixSymbol(f"f_{last}", *G.nodes[st.out].shape)
            forward.append((f, flatten(name_of(st.input))))
            sym[st.out], names[st.out] = f, f
    name_softmax(G, live, [(int(label[s.out]), s.out) for s in stages if s.kind == "dense"], names, forward)
    deltas: list[Row] = []
    dname: dict[int, sp.Basic] = {}        # node -> the name of its delta
    for st in reversed(stages):
        if st.kind == "dense":
            key = label[st.out]
            d = sp.MatrixSymbol(f"delta_{key}", *G.nodes[st.out].shape)
            if st.out in adjoint:
                rhs = to_sympy(G, adjoint[st.out], dict(names))
                up = dname.get(st.activation) if st.activation is not None else None
                factors = _factors(rhs)
                if up is not None and up in factors and len(factors) > 1:
                    # delta_k = delta_a_k ∘ g'(z_k), the derivative named as in an MLP
                    factors.remove(up)
                    g = sp.MatrixSymbol(f"{op_name(G.nodes[st.activation].op)}'(z_{key})", *G.nodes[st.out].shape)
                    deltas.append((g, factors[0] if len(factors) == 1 else sp.HadamardProduct(*factors)))
                    rhs = sp.HadamardProduct(up, g)
                deltas.append((d, rhs))
                names[adjoint[st.out]] = d
                dname[st.out] = d
            src = st.input
            if src in adjoint and src in sym and st.input in adjoint:
                rhs = to_sympy(G, adjoint[src], dict(names))
                dsrc = sp.MatrixSymbol(f"delta_{sym[src]}", *G.nodes[src].shape)
                deltas.append((dsrc, rhs))
                names[adjoint[src]] = dsrc
                dname[src] = dsrc
            continue
        if st.out not in dname and st.out not in adjoint:
            continue
        if st.kind == "flatten":
            src = st.input
            d = M(f"delta_{sym[src]}")
            deltas.append((d, reshape(dname[st.out], sp.Tuple(*G.nodes[src].shape))))
            dname[src] = d
        elif st.kind in ("maxpool", "avgpool"):
            src = st.input
            d = M(f"delta_{sym[src]}")
            route = route_max if st.kind == "maxpool" else spread
            deltas.append((d, route(dname[st.out], _pair(st.kernel))))
            dname[src] = d
        elif st.kind == "conv":
            key = label[st.out]
            d = M(f"delta_{key}")
            if st.activation is not None and st.activation in dname:
                act = op_name(G.nodes[st.activation].op)
                deriv = _DERIVATIVES.get(act)
                gname = M(f"{act}'(z_{key})")
                deltas.append((gname, deriv(f"z_{key}", f"a_{key}") if deriv else M(f"{act}'(z_{key})")))
                deltas.append((d, sp.HadamardProduct(dname[st.activation], gname)))
            elif st.activation is None and st.out in dname:
                d = dname[st.out]
            dname[st.out] = d
            src = st.input
            if src in sym and src in adjoint:
                dsrc = M(f"delta_{sym[src]}")
                rhs = conv2d_full(d, rot180(name_of(st.weight)), _pair(st.stride), _pair(st.padding))
                deltas.append((dsrc, rhs))
                dname[src] = dsrc
    rows: list[Row] = []
    by_leaf = {}
    for st in stages:
        if st.kind == "conv":
            d = dname.get(st.out, M("delta"))
            by_leaf[st.weight] = corr(name_of(st.input), d)
            if st.bias is not None:
                by_leaf[st.bias] = sum_nhw(d)
    for w, t, g in zip(wrt, targets, grads):
        if t in by_leaf:
            rows.append((sp.Symbol(f"dL/d{w}"), by_leaf[t]))
        else:
            rows.append((sp.Symbol(f"dL/d{w}"), to_sympy(G, g, dict(names))))
    return forward, deltas, rows, NOTES
