"""The stages of a convolutional network, found in its lowered graph.

``symgrad.frontend.arrays`` lowers ``conv2d``, the poolings and ``flatten``
to movement ops; this module finds them again by their shape, so that
:func:`symgrad.explain` can write the backward pass of each as the notes do
and :func:`symgrad.draw` can draw one box per stage:

- conv: ``[Pad] -> Windows -> Permute -> Reshape`` (im2col) ``@ Reshape(K)^T``,
  ``-> Reshape -> Permute``, plus a bias leaf, maybe an activation;
- max pool: ``ReduceSum`` over the window axes of ``Piecewise(first-max mask,
  Windows(a), 0)``; average pool: that sum of ``Windows(a)`` times ``1/(kh kw)``;
- flatten: a ``Reshape`` of a 4-D value to a matrix;
- dense: :func:`symgrad.ir.layers.find_layers`.

Examples
--------
>>> from symgrad import nn, losses, grad
>>> X, Y = nn.input("X", (1, 6, 6)), nn.input("Y", 3)
>>> model = nn.Sequential(nn.Conv2d(1, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
...                       nn.Flatten(), nn.Dense(18, 3))
>>> p = grad(losses.softmax_cross_entropy(model(X), Y), model.parameters()).program
>>> forward = [i for i, o in enumerate(p.origin) if o is None]
>>> for s in find_stages(p.nodes, forward):
...     print(s.kind, s.kernel, s.stride, s.padding)
conv (3, 3) (1, 1) (1, 1)
maxpool (2, 2) (2, 2) (0, 0)
flatten None None None
dense None None None
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import sympy as sp

from .graph import INPUTS, Node
from .layers import Layer, find_layers, op_name, users_of

__all__ = ["Stage", "find_stages"]


@dataclass(frozen=True)
class Stage:
    """One stage of a network: node indices (None where absent) and window sizes."""

    kind: str                      # "conv", "maxpool", "avgpool", "flatten", "dense"
    out: int                       # the stage's output before any activation (z of conv/dense)
    input: int
    weight: int | None = None
    bias: int | None = None
    activation: int | None = None
    kernel: tuple[int, int] | None = None
    stride: tuple[int, int] | None = None
    padding: tuple[int, int] | None = None
    dense: Layer | None = None


def _only_user(users, i: int, name: str, nodes) -> int | None:
    us = users.get(i, [])
    return us[0] if len(us) == 1 and op_name(nodes[us[0]].op) == name else None


def _activation(nodes, users, z: int) -> int | None:
    for u in users.get(z, []):
        n = nodes[u]
        if n.args[:1] == (z,) and n.shape == nodes[z].shape and len(n.args) == 1 \
                and n.op not in (sp.Add, sp.Mul, sp.Pow) and op_name(n.op)[0].islower():
            return u
    return None


def _conv(nodes, users, i: int) -> Stage | None:
    """A conv whose im2col product is node ``i``."""
    cols, t = nodes[i].args
    if op_name(nodes[t].op) != "Transpose" or op_name(nodes[nodes[t].args[0]].op) != "Reshape":
        return None
    k = nodes[nodes[t].args[0]].args[0]
    if nodes[k].op not in INPUTS or len(nodes[k].shape) != 4:
        return None
    chain = [cols]
    for name in ("Reshape", "Permute", "Windows"):
        if op_name(nodes[chain[-1]].op) != name:
            return None
        chain.append(nodes[chain[-1]].args[0])
    windows, src = chain[-2], chain[-1]
    padding = (0, 0)
    if op_name(nodes[src].op) == "Pad":
        pads = nodes[src].attr
        padding = (pads[-2][0], pads[-1][0])
        src = nodes[src].args[0]
    kernel, stride = nodes[windows].attr
    r = _only_user(users, i, "Reshape", nodes)
    z = _only_user(users, r, "Permute", nodes) if r is not None else None
    if z is None:
        return None
    bias = None
    adds = [u for u in users.get(z, []) if nodes[u].op is sp.Add and len(nodes[u].args) == 2]
    if len(users.get(z, [])) == 1 and adds:
        other = [a for a in nodes[adds[0]].args if a != z][0]
        if nodes[other].op in INPUTS:
            z, bias = adds[0], other
    return Stage("conv", z, src, k, bias, _activation(nodes, users, z), tuple(kernel), tuple(stride), padding)


def _pool(nodes, users, i: int) -> Stage | None:
    """A pooling whose window sum is node ``i``."""
    axes, keepdims = nodes[i].attr
    if keepdims or len(nodes[i].shape) != 4:
        return None
    arg = nodes[nodes[i].args[0]]
    if op_name(arg.op) == "Windows":
        mult = _only_user(users, i, "Mul", nodes)
        if mult is None:
            return None
        kernel, stride = arg.attr
        return Stage("avgpool", mult, arg.args[0], kernel=tuple(kernel), stride=tuple(stride), padding=(0, 0))
    if arg.op is sp.Piecewise and op_name(nodes[arg.args[0]].op) == "Windows":
        w = nodes[arg.args[0]]
        kernel, stride = w.attr
        return Stage("maxpool", i, w.args[0], kernel=tuple(kernel), stride=tuple(stride), padding=(0, 0))
    return None


def find_stages(nodes: Sequence[Node], live: Sequence[int] | None = None) -> list[Stage]:
    """Conv, pooling, flatten and dense stages among ``live``, in forward order.

    Empty unless there is a convolution or a pooling: a plain MLP has only
    the layers of :func:`~symgrad.ir.layers.find_layers`.
    """
    live = list(range(len(nodes))) if live is None else list(live)
    users = users_of(nodes, live)
    stages: list[Stage] = []
    for i in live:
        n = nodes[i]
        name = op_name(n.op)
        stage = None
        if n.op is sp.MatMul and len(n.args) == 2:
            stage = _conv(nodes, users, i)
        elif name == "ReduceSum" and isinstance(n.attr, tuple):
            stage = _pool(nodes, users, i)
        elif name == "Reshape" and len(n.shape) == 2 and len(nodes[n.args[0]].shape) == 4 \
                and nodes[n.args[0]].op not in INPUTS and n.shape[0] == nodes[n.args[0]].shape[0]:
            stage = Stage("flatten", i, n.args[0])
        if stage is not None:
            stages.append(stage)
    if not any(s.kind in ("conv", "maxpool", "avgpool") for s in stages):
        return []
    for la in find_layers(nodes, live):
        stages.append(Stage("dense", la.z, la.input, la.weight, la.bias, la.activation, dense=la))
    return sorted(stages, key=lambda s: s.out)
