"""The intermediate representation: a hash-consed expression DAG.

Every node is a SymPy node type applied to earlier nodes: ``(op, args, attr,
shape)`` where ``op`` is the SymPy class itself (``sympy.Add``,
``sympy.tanh``, ``symgrad.sigmoid``, ...), ``args`` are node ids, ``attr``
holds the leaf object (a ``Symbol``, ``MatrixSymbol`` or SymPy number) or an
operation's static parameter, and ``shape`` is ``()`` for scalars.

Two properties make the rest of the compiler simple:

* Interning: a node that already exists is never created twice, so common
  subexpression elimination falls out of construction (as in tinygrad's
  ``UOp`` cache) instead of a search over the finished gradient.
* Node ids are a topological order: a node's arguments always have smaller
  ids.  The reverse pass walks ids downwards; the scheduler walks them upwards.

The builder methods apply only local, always-valid algebra (``x + 0``,
``1 * x``, numeric folding); they never distribute or expand, which would
destroy sharing.
"""
from __future__ import annotations

from typing import Any, Sequence

import sympy as sp

from .._checks import sympy_arg
from sympy.tensor.array.expressions import ArraySymbol

from .builders import ArrayBuilders
from .functions import sigmoid
from .gates import gated_add, gated_mul
from .shapes import Shape, broadcast_shapes, dims, try_broadcast

__all__ = ["Graph", "Node", "Value", "LEAVES", "INPUTS", "BOOLEAN_OPS", "COMPARISONS", "ancestors",
           "broadcast_shapes", "dims"]


#: ``op`` values of leaf nodes; their ``attr`` is the SymPy object.
LEAVES = (sp.Symbol, sp.Number, sp.MatrixSymbol, ArraySymbol, sp.ImmutableDenseMatrix,
          sp.logic.boolalg.BooleanAtom)

#: ``op`` values of leaves that are inputs of a program (named by their symbol)
INPUTS = (sp.Symbol, sp.MatrixSymbol, ArraySymbol)

#: Comparison ops and their operator spelling, shared by every printer and backend.
COMPARISONS = {sp.StrictLessThan: "<", sp.LessThan: "<=", sp.StrictGreaterThan: ">",
               sp.GreaterThan: ">=", sp.Eq: "==", sp.Ne: "!="}

#: Ops whose value is a truth value: they carry no gradient.
BOOLEAN_OPS = (*COMPARISONS, sp.And, sp.Or, sp.Not)


class Node:
    """One operation of the DAG; see the module docstring."""

    __slots__ = ("op", "args", "attr", "shape")

    def __init__(self, op: type, args: tuple[int, ...], attr: Any, shape: Shape):
        self.op = op
        self.args = args
        self.attr = attr
        self.shape = shape

    @property
    def is_leaf(self) -> bool:
        return not self.args and self.op in LEAVES

    def __repr__(self) -> str:
        return f"Node({self.op.__name__}, {self.args}, {self.attr!r}, {self.shape})"


class Graph(ArrayBuilders):
    """An append-only, hash-consed DAG of :class:`Node`.

    The scalar algebra is here; the shape-aware array builders (``matmul``,
    ``transpose``, ``reshape``, ``reduce_sum``, ``windows``, ...) come from
    :class:`~symgrad.ir.builders.ArrayBuilders`.

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> G = Graph()
    >>> a = G.add(G.leaf(x), G.leaf(y))
    >>> a == G.add(G.leaf(y), G.leaf(x))      # interned: the same node
    True
    >>> G.nodes[G.mul(a, G.const(2))].op.__name__, G.mul(G.const(3), G.const(4)) == G.const(12)
    ('Mul', True)
    """

    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self._ids: dict[tuple, int] = {}
        self.zero = self.const(sp.S.Zero)
        self.one = self.const(sp.S.One)
        self.true = self.intern(sp.logic.boolalg.BooleanAtom, (), sp.true)
        #: node id -> the node whose derivative rule created it (the reverse sweep fills
        #: it), so listings and generated code can say which layer or rule a line is from
        self.origin: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self.nodes)

    # -- interning ---------------------------------------------------------
    def intern(self, op: type, args: tuple[int, ...] = (), attr: Any = None,
               shape: Shape | None = None) -> int:
        """Return the id of ``op(*args)``, creating the node only if new."""
        key = (op, args, attr)
        i = self._ids.get(key)
        if i is None:
            if shape is None:
                shape = broadcast_shapes((self.nodes[a].shape for a in args), op.__name__)
            i = len(self.nodes)
            self.nodes.append(Node(op, args, attr, shape))
            self._ids[key] = i
        return i

    def leaf(self, obj: sp.Basic) -> int:
        """A symbol, matrix symbol, array symbol or number as a node."""
        if isinstance(obj, sp.MatrixSymbol):
            return self.intern(sp.MatrixSymbol, (), obj, dims(obj.shape))
        if isinstance(obj, ArraySymbol):
            return self.intern(ArraySymbol, (), obj, dims(obj.shape))
        if isinstance(obj, sp.Symbol):
            return self.intern(sp.Symbol, (), obj, ())
        return self.const(obj)

    def const(self, value: Any) -> int:
        value = sympy_arg(value, "value", "Graph.const")
        if not (value.is_Number or value.is_NumberSymbol):
            raise TypeError(f"not a numeric constant: {value!r}")
        return self.intern(sp.Number, (), value, ())

    def constant_value(self, i: int) -> sp.Expr | None:
        """The SymPy number of a constant node, else None."""
        n = self.nodes[i]
        return n.attr if n.op is sp.Number else None

    def is_number(self, i: int, value: Any = None) -> bool:
        c = self.constant_value(i)
        if c is None or not c.is_Number:
            return False
        return value is None or c == value

    # -- algebra -----------------------------------------------------------
    def add(self, *xs: int) -> int:
        """Sum of nodes; zeros dropped, numbers folded, arguments sorted."""
        total, rest = sp.S.Zero, []
        for x in xs:
            if self.is_number(x):
                total += self.nodes[x].attr
            else:
                rest.append(x)
        if total != 0 and len(rest) == 1:
            inner = self.nodes[rest[0]]
            nums = [a for a in inner.args if self.is_number(a)] if inner.op is sp.Add else []
            if nums:
                total += self.nodes[nums[0]].attr
                rest = [a for a in inner.args if a != nums[0]]
                if total == 0 and len(rest) == 1:
                    return rest[0]
        if total != 0 or not rest:
            rest.append(self.const(total))
        if len(rest) == 1:
            return rest[0]
        if len(set(rest)) < len(rest):      # x + x -> 2*x
            counts: dict[int, int] = {}
            for x in rest:
                counts[x] = counts.get(x, 0) + 1
            rest = [x if k == 1 else self.mul(self.const(k), x) for x, k in counts.items()]
            return self.add(*rest)
        args = self._unwrap_broadcasts(rest)
        if any(self.is_number(a) for a in args) and args != tuple(sorted(rest)):
            return self.add(*args)      # an unwrapped constant may fold away now
        return self.intern(sp.Add, args)

    def mul(self, *xs: int) -> int:
        """Product of nodes; ones dropped, a zero annihilates, numbers folded."""
        coeff, rest = sp.S.One, []
        for x in xs:
            if self.is_number(x):
                coeff *= self.nodes[x].attr
            else:
                rest.append(x)
        if coeff == 0:
            return self.zero
        if coeff != 1 and len(rest) == 1:
            # c * (c' * y) -> (c c') * y: keeps coefficients from stacking up
            inner = self.nodes[rest[0]]
            nums = [a for a in inner.args if self.is_number(a)] if inner.op is sp.Mul else []
            if nums:
                coeff *= self.nodes[nums[0]].attr
                rest = [a for a in inner.args if a != nums[0]]
                if coeff == 1 and len(rest) == 1:
                    return rest[0]
        if coeff != 1 or not rest:
            rest.append(self.const(coeff))
        if len(rest) == 1:
            return rest[0]
        args = self._unwrap_broadcasts(rest)
        if any(self.is_number(a) for a in args) and args != tuple(sorted(rest)):
            return self.mul(*args)      # an unwrapped constant may fold away now
        return self.intern(sp.Mul, args)

    def _unwrap_broadcasts(self, args: list[int]) -> tuple[int, ...]:
        """Sorted operands of an entrywise op, minus broadcasts it does itself.

        ``b`` repeated over rows and added to ``Z`` is ``Z + b`` under
        broadcasting; dropping the explicit repeat saves a copy and gives the
        reverse pass the plain bias-gradient reduction.
        """
        shape = broadcast_shapes((self.nodes[a].shape for a in args), "entrywise op")
        out = []
        for a in args:
            node = self.nodes[a]
            if node.op.__name__ == "BroadcastTo":
                inner = node.args[0]
                others = [self.nodes[b].shape for b in args if b != a]
                if try_broadcast(others + [self.nodes[inner].shape]) == shape:
                    a = inner
            out.append(a)
        return tuple(sorted(out))

    def neg(self, x: int) -> int:
        return self.mul(self.const(sp.S.NegativeOne), x)

    def sub(self, x: int, y: int) -> int:
        return self.add(x, self.neg(y))

    def pow(self, base: int, exponent: int) -> int:
        e = self.constant_value(exponent)
        if e is not None and e.is_Number:
            if e == 0:
                return self.one
            if e == 1:
                return base
            b = self.constant_value(base)
            if b is not None and b.is_Number and (b ** e).is_Number:
                return self.const(b ** e)
            if e < 0 and self.nodes[base].op is sigmoid:
                # 1/sigmoid(z) = 1 + exp(-z) exactly.  Through the reciprocal, the
                # adjoint of sigmoid(z) is -(1/sigmoid)^2, which overflows long before
                # the gradient does: d(-10/sigmoid(x)) = 10 exp(-x) is 2.45e235 at x = -539.7
                z = self.nodes[base].args[0]
                return self.pow(self.add(self.one, self.apply(sp.exp, self.neg(z))), self.const(-e))
        return self.intern(sp.Pow, (base, exponent))

    def div(self, x: int, y: int) -> int:
        return self.mul(x, self.pow(y, self.const(sp.S.NegativeOne)))

    def apply(self, op: type, *args: int, attr: Any = None, shape: Shape | None = None) -> int:
        """Any other operation (a function, a comparison, a tensor op)."""
        return self.intern(op, tuple(args), attr, shape)

    def where(self, cond: int, then: int, other: int) -> int:
        """``then`` where ``cond`` holds, else ``other`` (a two-way Piecewise)."""
        if then == other:
            return then
        return self.intern(sp.Piecewise, (then, cond, other, self.true))

    def ancestors(self, roots: Sequence[int]) -> list[int]:
        """Ids of ``roots`` and everything they depend on, in increasing order."""
        return ancestors(self.nodes, roots)


def ancestors(nodes: Sequence[Node], roots: Sequence[int]) -> list[int]:
    """Indices of ``roots`` and everything they depend on, in increasing order
    (a topological order, since arguments precede their users)."""
    seen = bytearray(len(nodes))
    stack = list(roots)
    for r in roots:
        seen[r] = 1
    while stack:
        for a in nodes[stack.pop()].args:
            if not seen[a]:
                seen[a] = 1
                stack.append(a)
    return [i for i in range(len(seen)) if seen[i]]


class Value:
    """A node id with arithmetic operators, for writing derivative rules.

    ``g * ans * (1 - ans)`` builds the interned nodes of that expression.
    """

    __slots__ = ("G", "i")

    def __init__(self, G: Graph, i: int):
        self.G = G
        self.i = i

    def _id(self, other: Any) -> int:
        if isinstance(other, Value):
            return other.i
        return self.G.const(other)

    # sums and products go through symgrad.ir.gates: adjoints select, never multiply by 0
    def __add__(self, o): return Value(self.G, gated_add(self.G, self.i, self._id(o)))
    def __radd__(self, o): return Value(self.G, gated_add(self.G, self._id(o), self.i))
    def __sub__(self, o): return self + -Value(self.G, self._id(o))
    def __rsub__(self, o): return Value(self.G, self._id(o)) + -self
    def __mul__(self, o): return Value(self.G, gated_mul(self.G, self.i, self._id(o)))
    def __rmul__(self, o): return Value(self.G, gated_mul(self.G, self._id(o), self.i))
    def __truediv__(self, o): return self * Value(self.G, self.G.pow(self._id(o), self.G.const(-1)))
    def __rtruediv__(self, o): return Value(self.G, self.G.pow(self.i, self.G.const(-1))) * o
    def __pow__(self, o): return Value(self.G, self.G.pow(self.i, self._id(o)))
    def __neg__(self): return self * -1

    def __gt__(self, o): return Value(self.G, self.G.apply(sp.StrictGreaterThan, self.i, self._id(o)))
    def __ge__(self, o): return Value(self.G, self.G.apply(sp.GreaterThan, self.i, self._id(o)))
    def __lt__(self, o): return Value(self.G, self.G.apply(sp.StrictLessThan, self.i, self._id(o)))
    def __le__(self, o): return Value(self.G, self.G.apply(sp.LessThan, self.i, self._id(o)))

    @property
    def shape(self) -> Shape:
        return self.G.nodes[self.i].shape

    def __repr__(self) -> str:
        node = self.G.nodes[self.i]
        return f"Value({self.i}: {node.op.__name__}{node.args or (node.attr,)})"
