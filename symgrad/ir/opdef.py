"""What an op is: :class:`OpDef`, one declaration per SymPy class, and :func:`defop`.

The declarations themselves are in :mod:`symgrad.ir.ops_scalar` (entrywise
ops) and :mod:`symgrad.ir.ops_array` (matrix products, reductions, movement
ops, constant matrices: the ops with a ``shape`` rule); import
:mod:`symgrad.ir.ops` to get the filled :data:`REGISTRY`.  A declaration is data:
the back ends read the spelling of an op from it (``numpy``, ``llvm``), the
front end its call names (``parse``) and flags, :class:`~symgrad.ir.program.Program`
its cost class (``transcendental``).  The derivative rule stays in the one
typed table of :mod:`symgrad.autodiff.rules`, keyed by the same class; the
coverage test (``tests/test_op_coverage.py``) fails when a declared op has no
rule or no back-end entry, or when a table has an entry for an undeclared op.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["OpDef", "REGISTRY", "defop", "BACKENDS"]

#: back ends an op may refuse by name (see :attr:`OpDef.refused`); ``llvm-2d`` and
#: ``llvm-nd`` are the two code paths of the llvm back end for array programs
BACKENDS = ("numpy", "llvm", "llvm-2d", "llvm-nd")


@dataclass(frozen=True)
class OpDef:
    """One op: its identity and how every layer spells it.

    Attributes
    ----------
    cls : type
        The SymPy class; a graph node's ``op`` is this class.
    name : str
        ``cls.__name__`` (what listings and errors print).
    arity : int or None
        Operands of a node after lowering; None for n-ary ops (Add, Mul, Piecewise).
    elementwise : bool
        Entry by entry over broadcast operands.  Elementwise ops without a
        lowering of their own become "same class, same operands" nodes.
    transcendental : bool
        Counted by :meth:`~symgrad.ir.program.Program.stats` as a function evaluation.
    boolean : bool
        The value is a truth value (comparisons, And, Or, Not): no gradient.
    numpy : str or None
        What the NumPy printer calls: ``"np.arctanh"``, or the name of a helper
        in ``symgrad.codegen.numpy.HELPERS``; None when the printer has a
        ``_print_<name>`` method (or prints it as an operator).
    llvm : str or None
        The math-library function the LLVM emitter calls (``"exp"``, ``"erf"``);
        None when ``symgrad.codegen.llvm.ops`` has an emitter of its own.
    parse : tuple of str
        Names that call it in expression text (the CLI's spellings).
    refused : tuple of str
        Back ends that refuse the op on purpose (:data:`BACKENDS`), with ``why``.
    why : str
        The reason given for a refusal, shown in the back end's error.
    shape : callable or None
        Array ops only: ``shape(arg_shapes, attr)``, the result's shape from its
        arguments' shapes and the node's static parameter; raises ``ValueError``
        naming the shapes when they do not fit.  None for entrywise ops, whose
        shape is the broadcast of their arguments'.
    leaf : bool
        A constant with no arguments (a matrix of numbers); no derivative rule.
    movement, view, reduction, gemm : bool
        Array ops: only moves entries; NumPy's result is a view of its
        argument's buffer (so that buffer must outlive it); reduces axes;
        a matrix product (a BLAS call).
    llvm_2d, llvm_nd : str or None
        Array ops: how each llvm code path handles it, a name in
        ``symgrad.codegen.llvm.fusion.KINDS`` (the fused 2-D schedule) or
        ``symgrad.codegen.llvm.nd.HANDLERS`` (the n-D loop nests); None with
        ``"llvm-2d"`` or ``"llvm-nd"`` in ``refused``.

    Examples
    --------
    >>> import sympy as sp
    >>> from symgrad.ir.ops import REGISTRY
    >>> d = REGISTRY[sp.atanh]
    >>> d.numpy, d.llvm, d.parse, d.transcendental
    ('np.arctanh', 'atanh', ('atanh',), True)
    """

    cls: type
    name: str
    arity: int | None
    elementwise: bool = True
    transcendental: bool = False
    boolean: bool = False
    numpy: str | None = None
    llvm: str | None = None
    parse: tuple[str, ...] = ()
    refused: tuple[str, ...] = field(default=())
    why: str = ""
    shape: Callable[[tuple, Any], tuple] | None = None
    leaf: bool = False
    movement: bool = False
    view: bool = False
    reduction: bool = False
    gemm: bool = False
    llvm_2d: str | None = None
    llvm_nd: str | None = None

    @property
    def array(self) -> bool:
        """An array op (declared with a shape rule in :mod:`symgrad.ir.ops_array`)."""
        return self.shape is not None


#: SymPy class -> its declaration, in declaration order
REGISTRY: dict[type, OpDef] = {}


def defop(cls: type, arity: int | None = 1, **spec) -> OpDef:
    """Declare ``cls`` (once); ``spec`` holds the :class:`OpDef` fields after ``arity``.

    Raises
    ------
    ValueError
        If ``cls`` is declared twice or refuses a back end without saying why.
    """
    if cls in REGISTRY:
        raise ValueError(f"op {cls.__name__} is declared twice")
    d = OpDef(cls, cls.__name__, arity, **spec)
    unknown = set(d.refused) - set(BACKENDS)
    if unknown or (d.refused and not d.why):
        raise ValueError(f"op {d.name}: a refusal names a back end of {BACKENDS} and says why "
                         f"(got refused={d.refused}, why={d.why!r})")
    REGISTRY[cls] = d
    return d
