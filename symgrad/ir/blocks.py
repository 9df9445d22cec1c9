"""Which layer or derivative rule each line of a program comes from.

The reverse sweep records, for every node it makes, the forward node whose
rule made it (``Graph.origin``, carried into ``Program.origin``).  Forward
nodes belong to the first layer that needs them (:mod:`symgrad.ir.layers`),
or to the loss.  :func:`block_comments` turns that into one comment per run
of lines with the same origin, which the NumPy printer writes into the
generated source so a reader stepping through it knows where they are.

Examples
--------
>>> from symgrad import nn, losses, grad
>>> X, Y = nn.input("X", 3), nn.input("Y", 2)
>>> model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
>>> p = grad(losses.softmax_cross_entropy(model(X), Y), model.parameters()).program
>>> for i, text in block_comments(p, [i for i, n in enumerate(p.nodes) if n.args]).items():
...     print(p.names()[i], "#", text)
t0 # loss
t1 # layer 1: z_1 = X W1 + b1; a_1 = tanh(z_1)
t4 # layer 2: z_2 = a_1 W2 + b2
t6 # loss
t19 # backward of the loss (rules of Mul, exp, log)
t25 # backward of layer 2 (rules of Add, MatMul)
t30 # backward of layer 1 (rules of Add, MatMul, tanh)
"""
from __future__ import annotations

from typing import Iterable

from .graph import ancestors
from .layers import find_layers, layer_of_nodes
from .stages import find_stages
from .program import Program

__all__ = ["node_blocks", "block_comments"]


def _forward_blocks(program: Program) -> tuple[dict[int, str], dict[str, str], str]:
    """Forward node -> its block, block -> its description, and the name of the rest.

    A CNN's blocks are its stages (conv, pooling, flatten, dense), an MLP's its
    layers; a node belongs to the first block whose output needs it.
    """
    nodes = program.nodes
    forward = [i for i, o in enumerate(program.origin) if o is None]
    names = program.names()
    stages = find_stages(nodes, forward)
    if not stages:
        layers = find_layers(nodes, forward)
        owner = {i: f"layer {k}" for i, k in layer_of_nodes(nodes, layers, forward).items()}
        text = {f"layer {la.index}": f"layer {la.index}: {la.describe(nodes, names, layers)}" for la in layers}
        return owner, text, "loss" if layers else "forward"
    owner: dict[int, str] = {}
    text: dict[str, str] = {}
    k = 0
    allowed = set(forward)
    known: dict[int, str] = {}   # stage outputs by the names explain gives them
    for st in stages:
        if st.kind in ("conv", "dense"):
            k += 1
        block = {"conv": f"conv {k}", "dense": f"layer {k}", "maxpool": f"max pool after {k}",
                 "avgpool": f"avg pool after {k}", "flatten": "flatten"}[st.kind]
        src = known.get(st.input, names[st.input])
        if st.kind == "conv":
            desc = (f"z_{k} = conv2d({src}, {names[st.weight]}, stride {st.stride[0]}, padding {st.padding[0]})"
                    + (f" + {names[st.bias]}" if st.bias is not None else ""))
        elif st.kind == "dense":
            desc = f"z_{k} = {src} {names[st.weight]}" + (f" + {names[st.bias]}" if st.bias is not None else "")
        elif st.kind == "flatten":
            desc = f"{src} to (N, features)"
        else:
            desc = f"{st.kernel[0]}x{st.kernel[1]} windows of {src}"
        if st.activation is not None:
            desc += f"; a_{k} = {getattr(nodes[st.activation].op, '__name__', '?')}(z_{k})"
        text[block] = f"{block}: {desc}"
        known[st.out] = {"conv": f"z_{k}", "dense": f"z_{k}", "flatten": f"f_{k}"}.get(st.kind, f"p_{k}")
        if st.activation is not None:
            known[st.activation] = f"a_{k}"
        ends = [st.out] + ([st.activation] if st.activation is not None else [])
        for i in ancestors(nodes, ends):
            if i in allowed and i not in owner:
                owner[i] = block
        for leaf in (st.weight, st.bias):
            if leaf is not None:
                owner[leaf] = block
    return owner, text, "loss"


def node_blocks(program: Program) -> list[tuple[str, bool]]:
    """Per node: ``(block, backward)``, the block a layer name (``"layer 2"``, ``"conv 1"``),
    ``"loss"`` or ``"forward"``; ``backward`` when a derivative rule made the node."""
    owner, _, rest = _forward_blocks(program)
    return _node_blocks(program, owner, rest)


def _node_blocks(program: Program, owner: dict[int, str], rest: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for i in range(len(program.nodes)):
        o = program.origin[i]
        if o is None:
            out.append((owner.get(i, rest), False))
        else:
            # a rule's node belongs where the node it differentiates does
            # (reverse over reverse: the second sweep's nodes, where the first's are)
            block = out[o][0] if o < i else rest
            out.append((block, True))
    return out


def block_comments(program: Program, printed: Iterable[int]) -> dict[int, str]:
    """A comment for each printed node that starts a new block, in print order.

    Nothing when every printed node is in one block: a scalar expression's
    few lines need no headings.
    """
    printed = list(printed)
    owner, described, rest = _forward_blocks(program)   # one search for the layers, not two
    blocks = _node_blocks(program, owner, rest)
    runs: list[tuple[int, tuple[str, bool], list[int]]] = []
    for i in printed:
        if not runs or runs[-1][1] != blocks[i]:
            runs.append((i, blocks[i], []))
        runs[-1][2].append(i)
    if len(runs) < 2:
        return {}
    out = {}
    for first, (block, backward), members in runs:
        if backward:
            rules = []
            for i in members:
                o = program.origin[i]
                name = getattr(program.nodes[o].op, "__name__", "?") if o is not None else "?"
                if name not in rules:
                    rules.append(name)
            where = {"loss": " of the loss", "forward": ""}.get(block, f" of {block}")
            out[first] = f"backward{where} (rules of {', '.join(sorted(rules))})"
        else:
            out[first] = described.get(block, block)
    return out
