"""Pictures of expressions, gradients, programs and networks (:func:`draw`).

Three kinds of picture, all Graphviz DOT text (:class:`Drawing`):

- an expression at a point: the notes' computational-graph figure, one
  circle per operation, the forward value in green above each wire and the
  gradient of the output with respect to it in red below;
- a program (of a gradient or a compiled function): every line of the fused
  program once, so a subexpression used by the value and by three gradients
  is one box with four arrows out (the CSE made visible), named as in
  ``print(program)``;
- a network: one box per layer (its product, bias and activation, with the
  parameter shapes), the loss, and the shapes on the arrows; ``expand=k``
  opens layer ``k`` into its operations.
"""
from __future__ import annotations

from typing import Any, Mapping

import sympy as sp

from ..codegen.tensor_call import TensorSignature
from ..frontend.lower import lower
from ..ir.blocks import node_blocks
from ..ir.graph import INPUTS, Graph, ancestors
from ..ir.layers import find_layers, op_name
from ..ir.stages import find_stages
from ..ir.program import Program, build_program, format_op
from .picture import DotWriter, Drawing, esc, value_label
from .values import evaluate, fmt, forward_and_adjoints

__all__ = ["draw"]

#: how an operation reads in a circle
_SYMBOL = {"Add": "+", "Mul": "×", "Pow": "^", "MatMul": "@", "Transpose": "ᵀ", "exp": "exp",
           "log": "log", "tanh": "tanh", "sigmoid": "σ"}


def _shape(shape: tuple) -> str:
    return "×".join(str(d) for d in shape) if shape else "scalar"


def draw(obj: Any, at: Mapping[Any, Any] | None = None, *, level: str = "auto",
         expand: int | None = None) -> Drawing:
    """Draw an expression, a gradient, a compiled function or a network as a graph.

    Parameters
    ----------
    obj : sympy.Expr, Gradient, CompiledFunction or Program
        A scalar expression draws as its computational graph; a
        :class:`~symgrad.Gradient` or compiled function as its fused program
        (value and gradients, each shared node once).
    at : mapping, optional
        Input values by symbol or name: each wire then carries its forward
        value (green) and, for the forward pass, the gradient of the output
        with respect to it (red), as the notes draw them.  In a layer
        picture, each arrow carries the value that crosses it.
    level : {"auto", "ops", "layers"}
        ``"layers"`` draws one box per layer; ``"auto"`` does so for networks
        (a matrix product with a weight) and draws operations otherwise.
    expand : int, optional
        With layers, open layer ``expand`` into its operations.

    Returns
    -------
    Drawing
        ``str(d)`` or ``d.dot`` is DOT text; ``d.svg()``, ``d.png()``,
        ``d.save("f.png")`` render through Graphviz; notebooks show ``_repr_svg_``.

    Examples
    --------
    The notes' circuit ``f = (x + y) z`` at ``x = -2, y = 5, z = -4``:

    >>> import sympy as sp, symgrad as sg
    >>> x, y, z = sp.symbols("x y z")
    >>> d = sg.draw((x + y) * z, at={x: -2, y: 5, z: -4})
    >>> [line.strip() for line in d.dot.splitlines() if "->" in line][:1]
    ['x -> n6 [label=<<font color="#1a7f37">-2</font><br/><font color="#cf222e">-4</font>>];']
    """
    if level not in ("auto", "ops", "layers"):
        raise ValueError(f"level must be 'auto', 'ops' or 'layers', not {level!r}")
    if isinstance(obj, sp.Basic):
        G, (root,) = lower([obj])
        if level == "layers" or level == "auto" and _has_layers(G.nodes, G.ancestors([root])):
            return _layers(build_program(G, [("value", root)]), expand, at)
        return _expression(G, root, at)
    program = getattr(obj, "program", obj)
    if not isinstance(program, Program):
        raise TypeError(f"draw takes a SymPy expression, a Gradient, a compiled function or a "
                        f"Program, not {type(obj).__name__}")
    forward = [i for i, o in enumerate(program.origin) if o is None]
    if level == "layers" or level == "auto" and _has_layers(program.nodes, forward):
        return _layers(program, expand, at)
    grads = None
    if at is not None and hasattr(obj, "graph") and hasattr(obj, "expr"):
        grads = _program_grads(obj, program, at)
    return _program(program, at, grads)


def _has_layers(nodes, live) -> bool:
    return bool(find_layers(nodes, live))


def _expression(G: Graph, root: int, at: Mapping[Any, Any] | None) -> Drawing:
    """The notes' figure: inputs on the left, one circle per operation, values on wires."""
    value: dict[int, Any] = {}
    grad: dict[int, Any] = {}
    if at is not None:
        value, grad = forward_and_adjoints(G, root, at)
    w = DotWriter(rankdir="LR")
    names: dict[int, str] = {}
    for i in G.ancestors([root]):
        n = G.nodes[i]
        if n.op in INPUTS:
            names[i] = _dot_id(str(n.attr), names)
            w.node(names[i], esc(n.attr), shape="plaintext", style="")
        elif not n.args:
            names[i] = f"c{i}"
            w.node(names[i], esc(n.attr), shape="plaintext", style="", fontcolor="#57606a")
        else:
            names[i] = f"n{i}"
            w.node(names[i], esc(_SYMBOL.get(op_name(n.op), op_name(n.op))), shape="circle",
                   width="0.45", fixedsize="false")
        for a in n.args:
            label = value_label(fmt(value[a]), fmt(grad[a]) if a in grad else None) if a in value else None
            w.edge(names[a], names[i], label)
    w.node("out", "f", shape="plaintext", style="")
    w.edge(names[root], "out", value_label(fmt(value[root]), fmt(grad.get(root, 1))) if value else None)
    return Drawing(w.text(), w.count)


def _dot_id(name: str, taken: dict[int, str]) -> str:
    """A DOT identifier for a symbol name (letters, digits and _ only, unique)."""
    s = "".join(c if c.isalnum() or c == "_" else "_" for c in name) or "_"
    if s[0].isdigit():
        s = "_" + s
    while s in taken.values() or s in ("out", "node", "edge", "graph", "digraph"):
        s += "_"
    return s


def _program_grads(g: Any, program: Program, at: Mapping[Any, Any]) -> dict[int, Any]:
    """dL/dnode for the program's forward nodes, found through the gradient's graph."""
    G = g.graph
    _, (root,) = lower([g.expr], G)
    _, grad = forward_and_adjoints(G, root, at)
    ids: list[int] = []
    out = {}
    for j, n in enumerate(program.nodes):
        # interning finds the graph node of each program node again
        i = G.intern(n.op, tuple(ids[a] for a in n.args), n.attr, n.shape)
        ids.append(i)
        if i in grad and program.origin[j] is None:
            out[j] = grad[i]
    return out


def _program(program: Program, at: Mapping[Any, Any] | None, grads: dict[int, Any] | None) -> Drawing:
    """Every node of the program once, named as in its listing."""
    values = evaluate(program, at) if at is not None else None
    names = program.names()
    w = DotWriter(rankdir="TB")
    ident = {}
    for i, n in enumerate(program.nodes):
        ident[i] = f"n{i}"
        if not n.args:
            style = {"shape": "plaintext", "style": ""}
            text = esc(names[i]) + (f" <i>{esc(_shape(n.shape))}</i>" if n.shape else "")
            if values is not None and values[i] is not None:
                text += "<br/>" + value_label(fmt(values[i]), fmt(grads[i]) if grads and i in grads else None)
            w.node(ident[i], text, **style)
            continue
        backward = program.origin[i] is not None
        text = f"<b>{esc(names[i])}</b> = {esc(format_op(n, [names[a] for a in n.args]))}"
        if n.shape:
            text += f"<br/><i>{esc(_shape(n.shape))}</i>"
        if values is not None:
            text += "<br/>" + value_label(fmt(values[i]), fmt(grads[i]) if grads and i in grads else None)
        w.node(ident[i], text, fillcolor="#fff8f0" if backward else "#f0f6ff")
        for a in n.args:
            w.edge(ident[a], ident[i])
    for k, (name, i) in enumerate(program.outputs):
        w.node(f"o{k}", f"<b>{esc(name)}</b>", shape="plaintext", style="")
        w.edge(ident[i], f"o{k}")
    return Drawing(w.text(), w.count)


def _layers(program: Program, expand: int | None, at: Mapping[Any, Any] | None = None) -> Drawing:
    """One box per layer (or CNN stage), the loss, data inputs; shapes on the arrows
    (and, at a point, the value that crosses each arrow)."""
    nodes = program.nodes
    values = evaluate(program, at) if at is not None else None
    forward = [i for i, o in enumerate(program.origin) if o is None]
    names = program.names()
    stages = find_stages(nodes, forward)
    owner, boxes, params = _stage_boxes(nodes, names, stages) if stages else \
        _layer_boxes(program, forward, names)
    if expand is not None and f"layer_{expand}" not in boxes:
        raise ValueError(f"expand={expand}: the network has layers 1 to {len(boxes)}")
    # the batch size is read off the arrays: not an input of its own in the picture
    dims = set(TensorSignature(program).dims) if any(n.shape for n in nodes) else set()
    params |= {i for n, i in program.inputs if n in dims}
    # a deep network goes top to bottom, one line per layer, so ten layers fit a screen
    compact = len(boxes) > 4 and not stages
    w = DotWriter(rankdir="TB", size="10,9") if compact else DotWriter(rankdir="LR", size="13,7")
    group: dict[int, str] = {}
    for i in forward:
        n = nodes[i]
        if n.op in INPUTS and i not in params:
            if any(i in nodes[u].args for u in forward):
                group[i] = f"in_{i}"
                w.node(group[i], f"{esc(names[i])}<br/><i>{esc(_shape(n.shape))}</i>",
                       shape="plaintext", style="")
        elif n.args:
            group[i] = owner.get(i, "loss")
    for box, (label, title) in boxes.items():
        if box == f"layer_{expand}":
            w.raw(f"  subgraph cluster_{expand} {{")
            w.raw(f'    label=<{title}>; style="rounded"; color="#57606a";')
            for i in forward:
                if group.get(i) == box:
                    group[i] = f"op{i}"
                    text = f"<b>{esc(names[i])}</b> = {esc(format_op(nodes[i], [names[a] for a in nodes[i].args]))}"
                    w.node(group[i], text + f"<br/><i>{esc(_shape(nodes[i].shape))}</i>", indent="    ")
            w.raw("  }")
            continue
        w.node(box, label[1] if compact else label[0])
    loss_ops = [i for i in forward if group.get(i) == "loss"]
    if loss_ops:
        ops = sorted({op_name(nodes[i].op) for i in loss_ops})
        kind = "softmax cross-entropy" if {"RowMax", "exp", "log"} <= set(ops) else "loss"
        w.node("loss", f"<b>{kind}</b><br/><i>{esc(', '.join(ops))}</i>", fillcolor="#fff8f0")
    edges: dict[tuple[str, str], str] = {}
    for i in forward:
        for a in nodes[i].args:
            if a in group and i in group and group[a] != group[i]:
                edges.setdefault((group[a], group[i]), esc(_shape(nodes[a].shape)) + (
                    "<br/>" + value_label(fmt(values[a]), None) if values is not None else ""))
    for (a, b), label in edges.items():
        w.edge(a, b, label)
    value = next((i for name, i in program.outputs if name == "value"), None)
    if value is not None and value in group:
        w.node("L", "L", shape="plaintext", style="")
        w.edge(group[value], "L")
    return Drawing(w.text(), w.count)


def _layer_boxes(program: Program, forward: list[int], names: list[str]):
    """An MLP: node -> its layer's box, box -> (labels, title), the parameter leaves."""
    nodes = program.nodes
    layers = find_layers(nodes, forward)
    blocks = node_blocks(program)
    owner = {i: blocks[i][0].replace(" ", "_") for i in forward if nodes[i].args
             and blocks[i][0].startswith("layer")}
    boxes = {f"layer_{la.index}": ((_layer_label(la, nodes, names, layers),
                                    _layer_label(la, nodes, names, layers, True)), f"layer {la.index}")
             for la in layers}
    params = {i for la in layers for i in (la.weight, la.bias) if i is not None}
    return owner, boxes, params


def _stage_boxes(nodes, names: list[str], stages):
    """A CNN: one box per conv, pooling, flatten and dense stage, numbered as explain does."""
    owner: dict[int, str] = {}
    boxes: dict[str, tuple[tuple[str, str], str]] = {}
    params: set[int] = set()
    k = 0
    for idx, st in enumerate(stages, 1):
        box = f"layer_{idx}"
        ends = [st.out] + ([st.activation] if st.activation is not None else [])
        for i in ancestors(nodes, ends):
            if nodes[i].args:
                owner.setdefault(i, box)
        params |= {i for i in (st.weight, st.bias) if i is not None}
        act = f"<br/>{esc(op_name(nodes[st.activation].op))}" if st.activation is not None else ""
        shapes = ", ".join(f"{names[p]} {_shape(nodes[p].shape)}" for p in (st.weight, st.bias) if p is not None)
        if st.kind in ("conv", "dense"):
            k += 1
            head = f"<b>conv {k}</b>" if st.kind == "conv" else f"<b>layer {k}</b> · dense"
            extra = f"<br/>stride {st.stride[0]}, padding {st.padding[0]}" if st.kind == "conv" else ""
            label = f"{head}{extra}{act}<br/><i>{esc(shapes)}</i>"
        elif st.kind in ("maxpool", "avgpool"):
            label = f"<b>{'max' if st.kind == 'maxpool' else 'avg'} pool</b> {st.kernel[0]}×{st.kernel[1]}"
        else:
            label = "<b>flatten</b>"
        boxes[box] = ((label, label), f"stage {idx}")
    return owner, boxes, params


def _layer_label(la, nodes, names, layers, compact: bool = False) -> str:
    """``layer 2 · dense`` / ``z_2 = a_1 W2 + b2`` / ``a_2 = tanh(z_2)`` / ``W2 256×256, b2 1×256``
    (on one line when ``compact``)."""
    rows = [f"<b>layer {la.index}</b> · dense"]
    rows += [esc(part) for part in la.describe(nodes, names, layers).split("; ")]
    if compact:
        shapes = _shape(nodes[la.weight].shape) if la.weight is not None else ""
        return " · ".join(rows[:1] + rows[1:] + [f"<i>{esc(shapes)}</i>"])
    shapes = [f"{names[p]} {_shape(nodes[p].shape)}" for p in (la.weight, la.bias) if p is not None]
    rows.append(f"<i>{esc(', '.join(shapes))}</i>")
    return "<br/>".join(rows)
