"""Vectorizable transcendental functions written in LLVM IR.

A loop calling ``llvm.exp.f64`` compiles to one scalar libm call per element.
The functions here are straight-line IR (arithmetic, compares, selects, bit
casts, integer ops: no branches, no calls once inlined), marked
``alwaysinline``, so after inlining into a loop body the loop vectorizer and
SLP vectorizer widen them like any other arithmetic.

API: ``lib = declare_math(module, fty)`` for ``fty`` ``ir.DoubleType()`` or
``ir.FloatType()``, then ``lib.call(builder, name, *args)`` emits a call of
``symgrad.<name>.<f64|f32>`` (defined in ``module`` on first use; internal,
alwaysinline, nounwind, readnone) or of ``llvm.<name>.<f64|f32>`` for the
functions LLVM vectorizes natively (:data:`INTRINSICS`).  ``lib.function(name)``
gives the ``ir.Function``; ``lib.emit(builder, name, *args)`` pastes the body
in place without a call.  Names: exp, expm1, log, log1p, tanh, sigmoid,
softplus, sin, cos, tan, sinh, cosh, atan, asin, acos, pow (two arguments,
:data:`ARITY`); sqrt, fabs, floor, ceil, trunc, rint, copysign, minnum, maxnum,
fma.  :func:`fingerprint` hashes the emitted IR, for kernel-cache keys.

Accuracy (``tests/test_llvm_math.py``: mpmath at 160 bits on a few thousand
points per function including thresholds, plus ~10**6 points per function
against NumPy float64 / x87 long double): max error 2.3 ulp, every function,
float64 and float32 (requirement: 4), with IEEE results for +-0, +-inf, NaN and
subnormal inputs and outputs.  sin, cos and tan are accurate over the whole
finite range (``ACCURATE_RANGE`` is infinite): beyond 1.6e6 (float64) or
4.2e8 (float32) a branch-free Payne-Hanek reduction takes over (see
:mod:`.trig`).

Speed: close to NumPy's AVX-512 loops (``benchmarks/llvm_math_bench.py``),
but inlined into fused kernels; pow is only as fast as a scalar libm loop
(still vectorized: it does not stop the rest of a fused loop from widening).
On Intel AVX-512 hosts LLVM vectorizes with 256-bit registers by default; a
target machine created with ``features + ",-prefer-256-bit"`` uses zmm and
runs these about 20% faster (:func:`.harness.host_target_machine`, ``wide=True``).

Fast-math flags are never set on these bodies (NaN, inf and -0 must survive,
and the error-free transforms must not be reassociated); flags a caller puts on
its own instructions do not reach them.

Module layout: ``_emit`` (the :class:`~._emit.Emitter` helper), ``exp``,
``log``, ``activations``, ``hyperbolic``, ``trig``, ``inverse_trig``, ``pow``
(one function family each), ``coeffs`` (minimax tables and their generator),
``harness`` (a JIT for tests and benchmarks).

Examples
--------
>>> from llvmlite import ir
>>> from symgrad.codegen.llvm_math import declare_math
>>> module = ir.Module(name="demo")
>>> f64 = ir.DoubleType()
>>> math = declare_math(module, f64)
>>> fn = ir.Function(module, ir.FunctionType(f64, [f64]), name="sigmoid_plus_one")
>>> builder = ir.IRBuilder(fn.append_basic_block("entry"))
>>> s = math.call(builder, "sigmoid", fn.args[0])
>>> _ = builder.ret(builder.fadd(s, ir.Constant(f64, 1.0)))
>>> math.function("sigmoid").name
'symgrad.sigmoid.f64'
>>> math.function("sqrt").name
'llvm.sqrt.f64'
"""
from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable

from llvmlite import ir

from ._emit import Emitter, FloatTy, float_intrinsic
from .activations import emit_sigmoid, emit_softplus, emit_tanh
from .exp import emit_exp, emit_expm1
from .hyperbolic import emit_cosh, emit_sinh
from .inverse_trig import emit_acos, emit_asin, emit_atan
from .log import emit_log, emit_log1p
from .pow import emit_pow
from .trig import (ACCURATE_RANGE, MEDIUM_RANGE, emit_cos, emit_cos_medium, emit_sin, emit_sin_medium, emit_tan,
                   emit_tan_medium)

__all__ = ["ACCURATE_RANGE", "EMITTERS", "INTRINSICS", "MEDIUM", "MEDIUM_RANGE", "NAMES", "MathLib",
           "declare_math"]

#: functions implemented here: name -> emitter(Emitter, *args) -> value (arguments: :data:`ARITY`)
EMITTERS: dict[str, Callable[..., ir.Value]] = {
    "exp": emit_exp,
    "expm1": emit_expm1,
    "log": emit_log,
    "log1p": emit_log1p,
    "tanh": emit_tanh,
    "sigmoid": emit_sigmoid,
    "softplus": emit_softplus,
    "sin": emit_sin,
    "cos": emit_cos,
    "tan": emit_tan,
    "sinh": emit_sinh,
    "cosh": emit_cosh,
    "atan": emit_atan,
    "asin": emit_asin,
    "acos": emit_acos,
    "pow": emit_pow,
}

#: sin, cos and tan without their Payne-Hanek reduction: accurate for |x| <= MEDIUM_RANGE only,
#: for callers that check the argument and fall back to the full function (name -> emitter)
MEDIUM: dict[str, Callable[..., ir.Value]] = {
    "sin.medium": emit_sin_medium,
    "cos.medium": emit_cos_medium,
    "tan.medium": emit_tan_medium,
}

#: number of arguments of each function in :data:`EMITTERS` (1 unless listed)
ARITY: dict[str, int] = {"pow": 2}

#: functions LLVM vectorizes natively: name -> (intrinsic base name, arity)
INTRINSICS: dict[str, tuple[str, int]] = {
    "sqrt": ("sqrt", 1),
    "fabs": ("fabs", 1),
    "floor": ("floor", 1),
    "ceil": ("ceil", 1),
    "trunc": ("trunc", 1),
    "rint": ("rint", 1),
    "copysign": ("copysign", 2),
    "minnum": ("minnum", 2),
    "maxnum": ("maxnum", 2),
    "fma": ("fma", 3),
}

NAMES: tuple[str, ...] = tuple(EMITTERS) + tuple(INTRINSICS)

_FN_ATTRIBUTES = ("alwaysinline", "nounwind", "readnone")


class MathLib:
    """The math functions of one float type in one module, defined on first use.

    Parameters
    ----------
    module : ir.Module
        Module the functions are defined in (as ``internal`` functions named
        ``symgrad.<name>.<f64|f32>``; intrinsics are declared as ``llvm.<name>.<f64|f32>``).
    fty : ir.DoubleType or ir.FloatType
        The scalar float type every function takes and returns.

    Examples
    --------
    >>> from llvmlite import ir
    >>> module = ir.Module()
    >>> math = MathLib(module, ir.FloatType())
    >>> math.function("exp").name, len(math.function("fma").args)
    ('symgrad.exp.f32', 3)
    """

    def __init__(self, module: ir.Module, fty: FloatTy) -> None:
        if not isinstance(fty, (ir.DoubleType, ir.FloatType)):
            raise TypeError(f"llvm_math supports double and float, not {fty}")
        self.module = module
        self.fty = fty
        self.suffix = "f64" if isinstance(fty, ir.DoubleType) else "f32"

    def function(self, name: str) -> ir.Function:
        """The function ``name`` (one of :data:`NAMES`), defining or declaring it if needed."""
        if name in INTRINSICS:
            base, arity = INTRINSICS[name]
            return float_intrinsic(self.module, base, self.fty, arity)
        body = EMITTERS.get(name) or MEDIUM.get(name)
        if body is None:
            raise KeyError(f"llvm_math has no function {name!r}; choose one of {NAMES}")
        symbol = f"symgrad.{name}.{self.suffix}"
        existing = self.module.globals.get(symbol)
        if existing is not None:
            return existing
        arity = ARITY.get(name, 1)
        fn = ir.Function(self.module, ir.FunctionType(self.fty, [self.fty] * arity), name=symbol)
        fn.linkage = "internal"
        for attribute in _FN_ATTRIBUTES:
            fn.attributes.add(attribute)
        for arg, arg_name in zip(fn.args, "xy"):
            arg.name = arg_name
        builder = ir.IRBuilder(fn.append_basic_block("entry"))
        builder.ret(body(Emitter(builder, self.fty), *fn.args))
        return fn

    def call(self, builder: ir.IRBuilder, name: str, *args: ir.Value, result: str = "") -> ir.Value:
        """Emit a call of ``name`` on ``args`` at ``builder`` (inlined by any LLVM pipeline)."""
        fn = self.function(name)
        if len(args) != len(fn.args):
            raise TypeError(f"{name} takes {len(fn.args)} argument(s), got {len(args)}")
        return builder.call(fn, args, name=result or name)

    def emit(self, builder: ir.IRBuilder, name: str, *args: ir.Value) -> ir.Value:
        """Emit the body of ``name`` directly at ``builder``, without a call (no inliner needed)."""
        if name not in EMITTERS:
            raise KeyError(f"llvm_math has no inline body for {name!r}; choose one of {tuple(EMITTERS)}")
        if len(args) != ARITY.get(name, 1):
            raise TypeError(f"{name} takes {ARITY.get(name, 1)} argument(s), got {len(args)}")
        return EMITTERS[name](Emitter(builder, self.fty), *args)


def declare_math(module: ir.Module, fty: FloatTy) -> MathLib:
    """The :class:`MathLib` of ``fty`` for ``module``; functions appear as they are used.

    Examples
    --------
    >>> from llvmlite import ir
    >>> lib = declare_math(ir.Module(), ir.DoubleType())
    >>> lib.function("log1p").linkage
    'internal'
    """
    return MathLib(module, fty)


@functools.cache
def fingerprint() -> str:
    """SHA-256 of the IR of every function, both float types: changes whenever the emitted code does.

    A cache of compiled kernels should include it in its key, so that code built
    with an older version of these functions is not loaded after they change.

    Examples
    --------
    >>> len(fingerprint())
    64
    """
    module = ir.Module(name="llvm_math_fingerprint")
    for fty in (ir.DoubleType(), ir.FloatType()):
        lib = MathLib(module, fty)
        for name in NAMES:
            lib.function(name)
    return hashlib.sha256(str(module).encode()).hexdigest()
