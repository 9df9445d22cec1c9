"""The fused straight-line program handed to a backend.

A :class:`Program` is the part of the graph that its outputs need (dead code
removed), renumbered densely, with named inputs and outputs.  Every distinct
subexpression appears once, because the graph is interned.  Backends read
``program.nodes`` in order: each node is a leaf (input symbol or constant) or
an operation on earlier nodes.
"""
from __future__ import annotations

import hashlib
import keyword
import re
import unicodedata
from dataclasses import dataclass
from typing import Collection, Mapping, Sequence

import sympy as sp

from .graph import COMPARISONS, INPUTS, Graph, Node, ancestors
from .ports import INPUT_ROLES, OUTPUT_ROLES, Port, check_ports, default_ports
from .ops import transcendental_names

__all__ = ["Program", "ProgramStats", "Port", "INPUT_ROLES", "OUTPUT_ROLES", "build_program",
           "op_cost", "TRANSCENDENTAL", "identifiers", "identifier", "fresh"]

#: Ops counted as transcendental function evaluations in :meth:`Program.stats`
#: (the ops declared ``transcendental`` in :mod:`symgrad.ir.ops`).
TRANSCENDENTAL = transcendental_names()


def op_cost(node: Node) -> int:
    """Operations one node costs: n-ary sums and products count n - 1."""
    if not node.args:
        return 0
    if node.op in (sp.Add, sp.Mul):
        return len(node.args) - 1
    if node.op is sp.Piecewise:
        return len(node.args) // 2
    return 1


@dataclass(frozen=True)
class ProgramStats:
    """Operation counts; see :meth:`Program.stats`."""

    ops_before_cse: int
    ops_after_cse: int
    ops_forward: int
    transcendental: int
    nodes: int

    def __str__(self) -> str:
        saved = self.ops_before_cse - self.ops_after_cse
        return (f"{self.ops_before_cse} operations as separate expressions, "
                f"{self.ops_after_cse} in the fused program ({saved} removed by sharing); "
                f"the value alone takes {self.ops_forward}; "
                f"{self.transcendental} transcendental call{'s' if self.transcendental != 1 else ''}")


class Program:
    """A dead-code-free, topologically ordered slice of a graph.

    Attributes
    ----------
    nodes : list of Node
        In evaluation order; arguments refer to indices in this list.
    inputs : list of (name, index)
        Leaves that are symbols, ordered by name.
    outputs : list of (name, index)
        ``"value"`` first, then ``"d_<param>"`` in ``wrt`` order, then any
        ``"new_<state>"`` and auxiliary outputs.
    input_ports, output_ports : tuple of Port
        The role of each input and output, in the order of ``inputs`` and
        ``outputs``.
    origin : list of int or None
        Per node, the node whose derivative rule made it (None for the
        forward pass): what :mod:`symgrad.ir.blocks` reads to say which layer
        or rule a line of generated code comes from.
    """

    def __init__(self, nodes: list[Node], inputs: list[tuple[str, int]],
                 outputs: list[tuple[str, int]], tree_ops: dict[str, int],
                 input_ports: Sequence[Port] | None = None,
                 output_ports: Sequence[Port] | None = None,
                 origin: Sequence[int | None] | None = None):
        self.nodes = nodes
        self.origin = list(origin) if origin is not None else [None] * len(nodes)
        self.inputs = inputs
        self.outputs = outputs
        self._tree_ops = tree_ops
        default_in, default_out = default_ports(inputs, outputs)
        self.input_ports = tuple(input_ports) if input_ports is not None else default_in
        self.output_ports = tuple(output_ports) if output_ports is not None else default_out
        if [p.name for p in self.input_ports] != [n for n, _ in inputs] or \
                [p.name for p in self.output_ports] != [n for n, _ in outputs]:
            raise ValueError("internal error: ports do not follow the program's inputs and outputs")

    def ports(self, role: str) -> list[Port]:
        """The inputs or outputs with ``role`` (one of :data:`INPUT_ROLES`, :data:`OUTPUT_ROLES`).

        Examples
        --------
        >>> import sympy as sp, symgrad as sg
        >>> x, y = sp.symbols("x y")
        >>> p = sg.grad(x * y, [x]).program
        >>> [q.name for q in p.ports("parameter")], [q.name for q in p.ports("gradient")]
        (['x'], ['d_x'])
        """
        if role not in INPUT_ROLES + OUTPUT_ROLES:
            raise ValueError(f"unknown role {role!r}; roles are {INPUT_ROLES + OUTPUT_ROLES}")
        ports = self.input_ports if role in INPUT_ROLES else self.output_ports
        return [p for p in ports if p.role == role]

    def __len__(self) -> int:
        return len(self.nodes)

    def stats(self) -> ProgramStats:
        """Operation counts before and after sharing.

        ``ops_before_cse`` counts the operations of every output written out
        as its own expression tree (what evaluating the formulas one by one
        costs); ``ops_after_cse`` counts the fused program.
        """
        value = next((i for p, (_, i) in zip(self.output_ports, self.outputs)
                      if p.role == "value"), None)
        forward = sum(op_cost(self.nodes[i]) for i in ancestors(self.nodes, [value])) \
            if value is not None else 0
        return ProgramStats(
            ops_before_cse=sum(self._tree_ops.values()),
            ops_after_cse=sum(op_cost(n) for n in self.nodes),
            ops_forward=forward,
            transcendental=sum(1 for n in self.nodes if n.args and _name(n.op) in TRANSCENDENTAL),
            nodes=len(self.nodes),
        )

    def fingerprint(self) -> str:
        """A hash of the program text: equal programs give equal fingerprints."""
        return hashlib.sha256(str(self).encode()).hexdigest()

    def names(self) -> list[str]:
        """A variable name per node: inputs by :func:`identifiers`, temporaries ``t<k>``.

        Input names are valid, distinct Python identifiers that no temporary
        shares, so a listing is unambiguous whatever the symbols are called.
        """
        # keywords are fine in a listing (``lambda`` reads as itself), not in Python
        ids = identifiers([n for n, _ in self.inputs], keywords=True)
        names: list[str | None] = [None] * len(self.nodes)
        for name, i in self.inputs:
            names[i] = ids[name]
        k = 0
        for i, n in enumerate(self.nodes):
            if n.args:
                names[i] = f"t{k}"
                k += 1
            elif names[i] is None:
                names[i] = _format_constant(n.attr)
        return names  # type: ignore[return-value]

    def __str__(self) -> str:
        names = self.names()
        # data and parameters are what a listing usually holds; any other role is named
        role = {p.name: p.role for p in self.input_ports}
        shown = [(names[i] if names[i] == n else f"{names[i]} (symbol {n!r})")
                 + (f" [{role[n]}]" if role[n] not in ("data", "parameter") else "")
                 for n, i in self.inputs]
        lines = [f"inputs: {', '.join(shown) or '(none)'}"]
        for i, n in enumerate(self.nodes):
            if n.args:
                shape = f"  # {n.shape}" if n.shape else ""
                lines.append(f"{names[i]} = {format_op(n, [names[a] for a in n.args])}{shape}")
        lines.append("return " + ", ".join(f"{o}={names[i]}" for o, i in self.outputs))
        return "\n".join(lines)

    def __repr__(self) -> str:
        s = self.stats()
        return f"<Program: {s.nodes} nodes, {s.ops_after_cse} ops, outputs {[o for o, _ in self.outputs]}>"


def _name(op: type) -> str:
    return getattr(op, "__name__", str(op))


def _format_constant(c: sp.Basic) -> str:
    if c in (sp.true, sp.false):
        return str(c)
    if c.is_Integer:
        return _format_int(int(c))
    if c.is_Rational:
        return f"({_format_int(int(c.p))}/{_format_int(int(c.q))})"
    try:
        return repr(float(c))
    except TypeError:   # not real (zoo): shown, the backends refuse it
        return f"({c})"


def _format_int(n: int) -> str:
    """Exact text of an integer; hexadecimal when so long that decimal would hit
    Python's int-to-str limit (at least 640 digits, 4300 by default)."""
    return str(n) if n.bit_length() <= 2000 else hex(n)


_INFIX = {sp.Add: " + ", sp.Mul: "*", sp.Pow: "**", sp.And: " & ", sp.Or: " | ",
          **{op: f" {s} " for op, s in COMPARISONS.items()}}


def format_op(node: Node, args: Sequence[str]) -> str:
    """One-line text of an operation, for program listings."""
    if node.op is sp.Mul and "-1" in args:
        rest = [a for a in args if a != "-1"]
        return "-" + "*".join(rest)
    if node.op is sp.Pow and args[1] == "-1":
        return f"1/{args[0]}"
    if node.op in _INFIX:
        return _INFIX[node.op].join(args)
    if node.op is sp.Piecewise:
        pairs = [f"{e} if {c}" if c != "True" else e for e, c in zip(args[0::2], args[1::2])]
        return "(" + " else ".join(pairs) + ")"
    fmt = getattr(node.op, "_symgrad_format", None)
    if fmt is not None:
        return fmt(node, args)
    return f"{_name(node.op)}({', '.join(args)})"


#: names a generated temporary takes; no input is ever given one
_TEMPORARY = re.compile(r"t[0-9]+")


def _readable(name: str, keywords: bool = False) -> bool:
    """A name that can stand for itself: an identifier Python stores unchanged.

    Python normalizes identifiers to NFKC (``\ufb01`` reads as ``fi``, a
    mathematical italic x as ``x``), so a name NFKC changes would alias another.
    """
    return (name.isidentifier() and unicodedata.normalize("NFKC", name) == name
            and (keywords or not keyword.iskeyword(name)) and not _TEMPORARY.fullmatch(name))


def _stem(name: str) -> str:
    """The closest readable identifier to ``name`` (``x y`` -> ``x_y``, ``θ₁`` -> ``θ1``)."""
    s = unicodedata.normalize("NFKC", name)
    s = "".join(c if ("_" + c).isidentifier() else "_" for c in s)
    if not s.isidentifier() or unicodedata.normalize("NFKC", s) != s:
        s = re.sub(r"[^A-Za-z0-9_]", "_", s)   # an odd mark that composes: plain ASCII
    if not s or s[0].isdigit():
        s = "_" + s
    return s


def identifiers(names: Sequence[str], reserved: Collection[str] = (),
                keywords: bool = False) -> dict[str, str]:
    """Distinct Python identifiers for distinct symbol names.

    A name that is already a readable identifier keeps it, unless it is in
    ``reserved`` (names the generated code itself uses, such as ``np``) or
    looks like a temporary (``t0``).  Every other name gets the closest
    identifier not yet taken, with trailing underscores as needed, so no two
    names (not even two that Python's NFKC normalization would equate) and no
    generated name ever meet.  Deterministic: it depends only on the names.
    ``keywords=True`` lets Python keywords keep their names (for listings).

    Examples
    --------
    >>> identifiers(["x", "x y", "x_y", "lambda", "t0", "\ufb01", "fi", "np"], reserved={"np"})
    {'x': 'x', 'x_y': 'x_y', 'fi': 'fi', 'x y': 'x_y_', 'lambda': 'lambda_', 't0': 't0_', '\ufb01': 'fi_', 'np': 'np_'}
    """
    reserved = set(reserved)
    out: dict[str, str] = {}
    for n in names:   # readable names first, so none of them is ever displaced
        if _readable(n, keywords) and n not in reserved:
            out[n] = n
    taken = set(out.values()) | reserved
    for n in names:
        if n in out:
            continue
        s = _stem(n)
        while s in taken or (keyword.iskeyword(s) and not keywords) or _TEMPORARY.fullmatch(s):
            s += "_"
        out[n] = s
        taken.add(s)
    return out


def fresh(stem: str, taken: Collection[str]) -> str:
    """``stem``, with trailing underscores until it is not in ``taken``."""
    while stem in taken:
        stem += "_"
    return stem


def identifier(name: str) -> str:
    """A Python identifier for one symbol name (``lambda`` -> ``lambda_``).

    Only for labels (IR value names); to bind several names use
    :func:`identifiers`, which keeps them apart.
    """
    return identifiers([name], reserved={"np"})[name]


def symbol_name(s: sp.Basic) -> str:
    """A symbol's name without SymPy's printer (``str(x)`` costs ~8 µs, ``x.name`` nothing;
    an ArraySymbol's ``.name`` is itself a Symbol)."""
    name = getattr(s, "name", None)
    if isinstance(name, str):
        return name
    return symbol_name(name) if isinstance(name, sp.Symbol) else str(s)


def build_program(G: Graph, outputs: Sequence[tuple[str, int]],
                  keep: Sequence[int] = (), input_roles: Mapping[str, str] | None = None,
                  output_ports: Sequence[Port] | None = None) -> Program:
    """Keep what ``outputs`` need, renumber it densely, name the inputs.

    Deterministic: the order of nodes is the order of their ids, and inputs
    are sorted by name, so the same expression gives the same program (and
    the same generated source) in every run.  ``keep`` lists leaves that stay
    inputs even if no output reads them (parameters a loss ignores).
    ``input_roles`` maps input names to roles (the rest are ``data``);
    ``output_ports`` gives each output's role, in ``outputs`` order.
    """
    live = G.ancestors([i for _, i in outputs] + list(keep))
    index = {old: new for new, old in enumerate(live)}
    nodes = [Node(G.nodes[i].op, tuple(index[a] for a in G.nodes[i].args),
                  G.nodes[i].attr, G.nodes[i].shape) for i in live]
    inputs = sorted(((symbol_name(n.attr), i) for i, n in enumerate(nodes)
                     if n.op in INPUTS), key=lambda t: t[0])
    names = [n for n, _ in inputs]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"different symbols share the name(s) {dup}; rename them")
    tree = _tree_ops(G, live)
    in_ports = None
    if input_roles is not None:
        in_ports = [Port(n, input_roles.get(n, "data")) for n in names]
    check_ports(in_ports, output_ports, names, [n for n, _ in outputs])
    origin = [index.get(G.origin[i]) if i in G.origin else None for i in live]
    return Program(nodes, inputs, [(name, index[i]) for name, i in outputs],
                   {name: tree[i] for name, i in outputs}, in_ports, output_ports, origin)


def _tree_ops(G: Graph, live: list[int]) -> dict[int, int]:
    ops: dict[int, int] = {}
    for i in live:
        n = G.nodes[i]
        ops[i] = op_cost(n) + sum(ops[a] for a in n.args)
    return ops
