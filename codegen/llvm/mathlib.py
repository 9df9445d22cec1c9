"""The one place the emitter gets its transcendental functions from.

The emitter never names an intrinsic or a libm symbol for a transcendental
function: it calls ``math.exp(builder, x)`` on the object :func:`default_math`
returns.  Switching every kernel to other implementations (for example the
branch-free, vectorizable ones of ``codegen/llvm_math.py``) is a change of
that one function.

:class:`IntrinsicMath` maps each function to an LLVM intrinsic (``llvm.exp``,
``llvm.tanh``, ...) or, where LLVM has none, to the libm symbol.  LLVM lowers
both to one scalar libm call per element, so a loop using them is not
vectorized across samples; they are correct and the fallback.
"""
from __future__ import annotations

from typing import Callable

from llvmlite import ir

__all__ = ["IntrinsicMath", "VectorMath", "default_math", "UNARY", "BINARY"]

#: function name -> LLVM intrinsic base name, or None for a libm call
UNARY: dict[str, str | None] = {
    "exp": "llvm.exp", "log": "llvm.log", "sin": "llvm.sin", "cos": "llvm.cos",
    "tan": "llvm.tan", "tanh": "llvm.tanh", "sinh": "llvm.sinh", "cosh": "llvm.cosh",
    "asin": "llvm.asin", "acos": "llvm.acos", "atan": "llvm.atan",
    "sqrt": "llvm.sqrt", "fabs": "llvm.fabs", "floor": "llvm.floor", "ceil": "llvm.ceil",
    "log1p": None, "expm1": None,
    "exp2": "llvm.exp2", "log2": "llvm.log2", "log10": "llvm.log10",
    # libm only (one call per element): the ops whose OpDef.llvm names them
    "asinh": None, "acosh": None, "atanh": None, "cbrt": None, "erf": None, "erfc": None,
    "tgamma": None, "lgamma": None,
}

#: two-argument functions -> LLVM intrinsic base name, or None for a libm call
BINARY: dict[str, str | None] = {"pow": "llvm.pow", "atan2": None, "hypot": None}


def _suffix(t: ir.Type) -> str:
    return "f64" if isinstance(t, ir.DoubleType) else "f32"


class IntrinsicMath:
    """Scalar math through LLVM intrinsics and libm calls.

    Every method takes ``(builder, *values)`` and returns an ``ir.Value`` of
    the same floating-point type.  Declarations are added to the builder's
    module on first use.

    Examples
    --------
    >>> from llvmlite import ir
    >>> m = ir.Module(); f = ir.Function(m, ir.FunctionType(ir.DoubleType(), [ir.DoubleType()]), "f")
    >>> b = ir.IRBuilder(f.append_basic_block("entry"))
    >>> _ = b.ret(IntrinsicMath().exp(b, f.args[0]))
    >>> "llvm.exp.f64" in str(m)
    True
    """

    name = "intrinsics"

    def _declare(self, builder: ir.IRBuilder, fname: str, t: ir.Type, nargs: int) -> ir.Function:
        module = builder.module
        try:
            return module.get_global(fname)
        except KeyError:
            fn = ir.Function(module, ir.FunctionType(t, [t] * nargs), fname)
            fn.attributes.add("nounwind")
            return fn

    def call(self, builder: ir.IRBuilder, name: str, *xs: ir.Value) -> ir.Value:
        t = xs[0].type
        base = UNARY[name] if name in UNARY else BINARY.get(name, f"llvm.{name}")
        if base is None:  # libm: log1p / log1pf
            fname = name if isinstance(t, ir.DoubleType) else name + "f"
        else:
            fname = f"{base}.{_suffix(t)}"
        return builder.call(self._declare(builder, fname, t, len(xs)), list(xs), name=name)

    def pow(self, builder: ir.IRBuilder, x: ir.Value, y: ir.Value) -> ir.Value:
        return self.call(builder, "pow", x, y)

    # the activations' stable formulations (codegen/numpy.py HELPERS), one exp each
    def sigmoid(self, builder: ir.IRBuilder, x: ir.Value) -> ir.Value:
        one, zero = ir.Constant(x.type, 1.0), ir.Constant(x.type, 0.0)
        e = self.exp(builder, builder.fneg(self.fabs(builder, x)))
        num = builder.select(builder.fcmp_ordered(">=", x, zero), one, e)
        return builder.fdiv(num, builder.fadd(one, e), name="sigmoid")

    def softplus(self, builder: ir.IRBuilder, x: ir.Value) -> ir.Value:
        zero = ir.Constant(x.type, 0.0)
        tail = self.log1p(builder, self.exp(builder, builder.fneg(self.fabs(builder, x))))
        # max(x, 0) with NaN propagation, as np.maximum
        keep = builder.or_(builder.fcmp_ordered(">=", x, zero), builder.fcmp_unordered("uno", x, x))
        return builder.fadd(builder.select(keep, x, zero), tail, name="softplus")

    def __getattr__(self, name: str) -> Callable[..., ir.Value]:
        if name in UNARY:
            return lambda builder, x: self.call(builder, name, x)
        raise AttributeError(name)


class VectorMath(IntrinsicMath):
    """Branch-free IR from :mod:`symgrad.codegen.llvm_math` where it has the function.

    Those bodies are straight-line code, inlined into the loop, so the loop
    vectorizer widens them across samples; everything else (tan, asin,
    pow, ...) falls back to :class:`IntrinsicMath`.
    """

    name = "llvm_math"

    def __init__(self) -> None:
        from .. import llvm_math
        self._emitters = llvm_math.EMITTERS
        #: "sin.medium" etc.: valid for |x| <= medium_range[is64] (see KernelEmitter.trig)
        self.medium = llvm_math.MEDIUM
        self.medium_range = llvm_math.MEDIUM_RANGE
        self._make = llvm_math.declare_math
        self._libs: dict[tuple[int, str], object] = {}

    def call(self, builder: ir.IRBuilder, name: str, *xs: ir.Value) -> ir.Value:
        if name not in self._emitters and name not in self.medium:
            return super().call(builder, name, *xs)
        key = (id(builder.module), str(xs[0].type))
        lib = self._libs.get(key)
        if lib is None or lib.module is not builder.module:
            lib = self._libs[key] = self._make(builder.module, xs[0].type)
        return lib.call(builder, name, *xs)

    def sigmoid(self, builder: ir.IRBuilder, x: ir.Value) -> ir.Value:
        return self.call(builder, "sigmoid", x)

    def softplus(self, builder: ir.IRBuilder, x: ir.Value) -> ir.Value:
        return self.call(builder, "softplus", x)


def default_math() -> IntrinsicMath:
    """The math implementation new kernels use (the one-line switch)."""
    try:
        return VectorMath()
    except ImportError:  # codegen/llvm_math not available: correct, scalar calls
        return IntrinsicMath()
