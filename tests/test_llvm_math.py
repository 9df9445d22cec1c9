"""Accuracy and vectorization of symgrad.codegen.llvm_math, against mpmath at 160 bits.

Errors are measured in ulps of the exact value: |got - exact| / ulp(exact), so a
correctly rounded result scores at most 0.5.  ``pytest -s`` prints the table.
"""
from __future__ import annotations

import platform
import re

import mpmath
import numpy as np
import pytest
from llvmlite import ir

import symgrad.codegen.llvm_math as llvm_math
from symgrad.codegen.llvm_math import ACCURATE_RANGE, ARITY, EMITTERS, coeffs
from symgrad.codegen.llvm_math.harness import MapJit
from symgrad.codegen.llvm_math.trig import COS_COEFFS, MEDIUM_RANGE, SIN_COEFFS

MAX_ULP = 4.0
REF_PREC = 160
DTYPES = (np.float64, np.float32)
FUNCS = tuple(name for name in EMITTERS if ARITY.get(name, 1) == 1)
TRIG = ("sin", "cos", "tan")
RESULTS: dict[tuple[str, str], float] = {}

nan, inf = float("nan"), float("inf")

# the arguments closest to a multiple of pi/2 beyond the Cody-Waite range, from
# tests/hard_trig_cases.py (the first is the float64 worst case known from the
# literature: x 2/pi is within 3e-19 of an integer)
HARD_TRIG = {
    np.float64: [6381956970095103 * 2.0 ** 797, 6381956970095103 * 2.0 ** 798, 7763785107565477 * 2.0 ** -29,
                 5916243447979695 * 2.0 ** 79, 6381956970095103 * 2.0 ** 799, 8444920710073313 * 2.0 ** 939],
    np.float32: [16367173 * 2.0 ** 72, 10741887 * 2.0 ** 11, 16367173 * 2.0 ** 73],
}


def _sigmoid(x: mpmath.mpf) -> mpmath.mpf:
    return 1 / (1 + mpmath.exp(-x))


def _softplus(x: mpmath.mpf) -> mpmath.mpf:
    # log1p(exp(x)) loses nothing at 160 bits, and mpmath exponents do not overflow
    return mpmath.log1p(mpmath.exp(x))


REFERENCE = {
    "exp": mpmath.exp, "expm1": mpmath.expm1, "log": mpmath.log, "log1p": mpmath.log1p,
    "tanh": mpmath.tanh, "sigmoid": _sigmoid, "softplus": _softplus, "sin": mpmath.sin, "cos": mpmath.cos,
    "tan": mpmath.tan, "sinh": mpmath.sinh, "cosh": mpmath.cosh,
    "atan": mpmath.atan, "asin": mpmath.asin, "acos": mpmath.acos,
}

# IEEE results at the edges: (x, expected); zeros are compared with their sign
SPECIALS = {
    "exp": [(inf, inf), (-inf, 0.0), (nan, nan), (0.0, 1.0), (-0.0, 1.0), (1000.0, inf), (-1000.0, 0.0)],
    "expm1": [(inf, inf), (-inf, -1.0), (nan, nan), (0.0, 0.0), (-0.0, -0.0), (1000.0, inf), (-1000.0, -1.0)],
    "log": [(inf, inf), (-inf, nan), (nan, nan), (0.0, -inf), (-0.0, -inf), (-1.0, nan), (1.0, 0.0)],
    "log1p": [(inf, inf), (-inf, nan), (nan, nan), (0.0, 0.0), (-0.0, -0.0), (-1.0, -inf), (-2.0, nan)],
    "tanh": [(inf, 1.0), (-inf, -1.0), (nan, nan), (0.0, 0.0), (-0.0, -0.0), (1000.0, 1.0), (-1000.0, -1.0)],
    "sigmoid": [(inf, 1.0), (-inf, 0.0), (nan, nan), (0.0, 0.5), (-0.0, 0.5), (1000.0, 1.0), (-1000.0, 0.0)],
    "softplus": [(inf, inf), (-inf, 0.0), (nan, nan), (0.0, float(mpmath.log(2))), (-1000.0, 0.0),
                 (1000.0, 1000.0)],
    "sin": [(inf, nan), (-inf, nan), (nan, nan), (0.0, 0.0), (-0.0, -0.0)],
    "cos": [(inf, nan), (-inf, nan), (nan, nan), (0.0, 1.0), (-0.0, 1.0)],
    "tan": [(inf, nan), (-inf, nan), (nan, nan), (0.0, 0.0), (-0.0, -0.0)],
    "sinh": [(inf, inf), (-inf, -inf), (nan, nan), (0.0, 0.0), (-0.0, -0.0), (1000.0, inf), (-1000.0, -inf)],
    "cosh": [(inf, inf), (-inf, inf), (nan, nan), (0.0, 1.0), (-0.0, 1.0), (1000.0, inf), (-1000.0, inf)],
    "atan": [(inf, float(mpmath.pi / 2)), (-inf, -float(mpmath.pi / 2)), (nan, nan), (0.0, 0.0), (-0.0, -0.0),
             (1.0, float(mpmath.pi / 4))],
    "asin": [(1.0, float(mpmath.pi / 2)), (-1.0, -float(mpmath.pi / 2)), (nan, nan), (0.0, 0.0), (-0.0, -0.0),
             (2.0, nan), (inf, nan), (-inf, nan)],
    "acos": [(1.0, 0.0), (-1.0, float(mpmath.pi)), (0.0, float(mpmath.pi / 2)), (nan, nan), (2.0, nan),
             (-2.0, nan), (inf, nan), (-inf, nan)],
}


@pytest.fixture(scope="module", params=DTYPES, ids=lambda d: d.__name__)
def jit(request) -> MapJit:
    return MapJit(list(EMITTERS), request.param)


# -- sample points -------------------------------------------------------------
def _log_uniform(rng: np.random.Generator, lo: float, hi: float, n: int) -> np.ndarray:
    return np.exp(rng.uniform(np.log(lo), np.log(hi), n))


def _points(name: str, dtype: type) -> np.ndarray:
    """Random log-uniform points over the whole domain, plus the thresholds where things change."""
    fi = np.finfo(dtype)
    tiny, big = float(fi.smallest_subnormal), float(fi.max)
    rng = np.random.default_rng(sum(map(ord, name)) + (64 if dtype is np.float64 else 32))
    n = 1500 if dtype is np.float64 else 2000
    def mag(lo, hi, k=n):
        return _log_uniform(rng, lo, hi, k)

    def both(a):
        return np.concatenate([a, -a])

    over = float(np.log(big))                       # exp overflows above this
    under = float(np.log(tiny)) - 0.7               # and rounds to zero below this
    sub = float(np.log(fi.smallest_normal))         # and is subnormal below this
    edges = np.concatenate([t + np.linspace(-1e-3, 1e-3, 41) * abs(t) for t in (over, under, sub)])
    if name in ("exp", "expm1", "sinh", "cosh"):
        sinh_over = over + float(np.log(2))  # sinh and cosh overflow a bit later than exp
        edges = np.concatenate([edges, sinh_over + np.linspace(-1e-3, 1e-3, 41) * sinh_over])
        pts = [both(mag(tiny, 800.0)), rng.uniform(under - 5, over + 5, n), both(edges), rng.uniform(-1, 1, 200)]
    elif name == "log":
        pts = [mag(tiny, big, 2 * n), 1 + rng.uniform(-0.3, 0.3, n // 2), 1 + both(mag(tiny, 1e-3, 100))]
    elif name == "log1p":
        pts = [mag(tiny, big), -mag(tiny, 1.0), -1 + mag(float(fi.eps) / 2, 0.5, 300), rng.uniform(-0.5, 2, 300)]
    elif name in ("asin", "acos"):
        near_one = 1 - mag(float(fi.eps) / 4, 0.25, 400)
        pts = [both(mag(tiny, 1.0)), rng.uniform(-1, 1, n), both(near_one), both(rng.uniform(1, 3, 50))]
    elif name in ("tanh", "sigmoid", "softplus", "atan"):
        pts = [both(mag(tiny, big)), rng.uniform(-50, 50, n), both(edges)]
    else:  # sin, cos, tan: the whole range, arguments next to multiples of pi/2, both reductions' edge
        edge = MEDIUM_RANGE[dtype is np.float64]
        k = np.unique(both(mag(1.0, edge / 1.6, 400)).round())
        near = (k * (np.pi / 2)).astype(dtype)
        at_edge = edge * (1 + np.linspace(-1e-6, 1e-6, 41))
        pts = [both(mag(tiny, big, 2 * n)), rng.uniform(-10, 10, n), near, np.nextafter(near, np.inf, dtype=dtype),
               both(at_edge), both(np.array(HARD_TRIG[dtype]))]
    extremes = [fi.max, fi.smallest_normal, tiny, fi.eps, 1.0, 0.5, 2.0]
    pts.append(both(np.array(extremes, dtype=np.float64)))
    pts.append(both(np.nextafter(np.array(extremes, dtype=dtype), 0).astype(np.float64)))
    x = np.concatenate([np.asarray(p, dtype=np.float64) for p in pts]).astype(dtype)
    x = x[np.isfinite(x)]
    if name in TRIG:
        x = x[np.abs(x) <= ACCURATE_RANGE[dtype is np.float64]]
    return x


# -- ulp error -----------------------------------------------------------------
def _ulp_errors(name: str, x: np.ndarray, got: np.ndarray) -> np.ndarray:
    fi = np.finfo(got.dtype)
    p = fi.nmant + 1
    emin = int(np.log2(float(fi.smallest_normal)))
    fmax = mpmath.mpf(float(fi.max))
    half_ulp_max = mpmath.ldexp(1, int(np.log2(float(fi.max))) - p)
    errs = np.empty(len(x))
    fn = REFERENCE[name]
    with mpmath.workprec(REF_PREC):
        for j, (xv, gv) in enumerate(zip(x.tolist(), got.tolist())):
            if name == "log" and xv < 0 or name == "log1p" and xv < -1:
                errs[j] = 0.0 if np.isnan(gv) else inf
                continue
            if name in ("asin", "acos") and abs(xv) > 1:
                errs[j] = 0.0 if np.isnan(gv) else inf
                continue
            if (name == "log" and xv == 0) or (name == "log1p" and xv == -1):
                errs[j] = 0.0 if gv == -inf else inf
                continue
            y = fn(mpmath.mpf(xv))
            if abs(y) >= fmax + half_ulp_max:  # correctly rounded result is +-inf
                errs[j] = 0.0 if np.isinf(gv) and (gv > 0) == (y > 0) else inf
                continue
            if not np.isfinite(gv):
                errs[j] = inf
                continue
            e = emin if y == 0 else max(emin, int(mpmath.floor(mpmath.log(abs(y), 2))))
            # log2 at 160 bits can land a hair under an exact power of two
            if y != 0 and mpmath.ldexp(1, e + 1) <= abs(y):
                e += 1
            errs[j] = float(abs(mpmath.mpf(gv) - y) / mpmath.ldexp(1, e - p + 1))
    return errs


@pytest.mark.parametrize("name", FUNCS)
def test_accuracy(jit: MapJit, name: str) -> None:
    x = _points(name, jit.dtype.type)
    errs = _ulp_errors(name, x, jit(name, x))
    worst = int(np.argmax(errs))
    RESULTS[(name, jit.dtype.name)] = float(errs[worst])
    print(f"\n{name}[{jit.dtype.name}]: max {errs[worst]:.3f} ulp at x={x[worst]!r} over {len(x)} points")
    assert errs[worst] <= MAX_ULP, f"{name}({x[worst]!r}) is {errs[worst]:.2f} ulp off"


# -- dense sweep against a wider NumPy type -----------------------------------------
# float32 results are checked against NumPy's float64 functions and float64 results
# against x87 long double (64-bit significand), on ~10**6 points covering every
# exponent: the reference's own error is then below 2**-10 ulp of the tested type.
WIDER = {np.float32: np.float64, np.float64: np.longdouble}


def _wide_reference(name: str, x: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        if name == "sigmoid":
            e = np.exp(-np.abs(x))
            return np.where(x < 0, e, 1) / (1 + e)
        if name == "softplus":
            return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))
        return getattr(np, {"atan": "arctan", "asin": "arcsin", "acos": "arccos"}.get(name, name))(x)


def _dense_points(name: str, dtype: type) -> np.ndarray:
    rng = np.random.default_rng(11)
    if dtype is np.float32:  # every 4099th bit pattern: all exponents, both signs
        x = np.arange(0, 2**32, 4099, dtype=np.uint64).astype(np.uint32).view(np.float32)
    else:
        x = rng.integers(0, 2**64, 400_000, dtype=np.uint64, endpoint=False).view(np.float64)
        x = np.concatenate([x, rng.uniform(-750, 750, 200_000), rng.uniform(-40, 40, 200_000)])
    x = x[np.isfinite(x)]
    if name in TRIG:
        x = x[np.abs(x) <= ACCURATE_RANGE[dtype is np.float64]]
    return x


def _dense_ulp_errors(got: np.ndarray, ref: np.ndarray) -> np.ndarray:
    fi = np.finfo(got.dtype)
    emin, p = int(np.log2(float(fi.smallest_normal))), fi.nmant + 1
    with np.errstate(all="ignore"):
        ref_t = ref.astype(got.dtype)
        _, ex = np.frexp(np.abs(ref))
        ulp = np.ldexp(np.ones_like(ref), np.maximum(ex - 1, emin) - (p - 1))
        err = np.abs(got.astype(ref.dtype) - ref) / ulp
    same = (got == ref_t) | (np.isnan(got) & np.isnan(ref))
    err[same] = 0.0
    err[~same & ~(np.isfinite(ref_t) & np.isfinite(got))] = np.inf
    return err.astype(np.float64)


@pytest.mark.skipif(np.finfo(np.longdouble).nmant < 63, reason="needs x87 long double for float64")
@pytest.mark.parametrize("name", FUNCS)
def test_dense_sweep(jit: MapJit, name: str) -> None:
    dtype = jit.dtype.type
    x = _dense_points(name, dtype)
    err = _dense_ulp_errors(jit(name, x), _wide_reference(name, x.astype(WIDER[dtype])))
    worst = int(np.argmax(err))
    key = (name, jit.dtype.name)
    RESULTS[key] = max(RESULTS.get(key, 0.0), float(err[worst]))
    print(f"\n{name}[{jit.dtype.name}] dense: max {err[worst]:.3f} ulp at x={x[worst]!r} over {len(x)} points")
    assert err[worst] <= MAX_ULP, f"{name}({x[worst]!r}) is {err[worst]:.2f} ulp off"


@pytest.mark.skipif(platform.machine().lower() not in ("x86_64", "amd64"), reason="x86 baseline CPU")
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
def test_accuracy_without_fma(dtype: type) -> None:
    """On a CPU without FMA, llvm.fmuladd is a multiply and an add: still within 4 ulp."""
    jit = MapJit(list(EMITTERS), dtype, cpu="x86-64")
    assert "vfmadd" not in jit.assembly
    worst = {}
    for name in FUNCS:
        x = _dense_points(name, dtype)[::8]
        err = _dense_ulp_errors(jit(name, x), _wide_reference(name, x.astype(WIDER[dtype])))
        worst[name] = float(err.max())
    x, y = _pow_points(dtype, 5000)  # pow's exact products become libm fma calls here
    with np.errstate(all="ignore"):
        ref = np.power(x.astype(WIDER[dtype]), y.astype(WIDER[dtype]))
    worst["pow"] = float(_dense_ulp_errors(jit("pow", x, y), ref).max())
    print(f"\nwithout FMA, {np.dtype(dtype).name}: " + ", ".join(f"{k} {v:.2f}" for k, v in worst.items()))
    assert max(worst.values()) <= MAX_ULP, worst


@pytest.mark.parametrize("name", FUNCS)
def test_special_values(jit: MapJit, name: str) -> None:
    xs, want = zip(*SPECIALS[name])
    got = jit(name, np.array(xs, dtype=jit.dtype))
    want = np.array(want, dtype=jit.dtype)
    for x, g, w in zip(xs, got, want):
        if np.isnan(w):
            assert np.isnan(g), f"{name}({x}) = {g}, want nan"
        else:
            assert g == w and np.signbit(g) == np.signbit(w), f"{name}({x}) = {g!r}, want {w!r}"


@pytest.mark.parametrize("name", TRIG)
def test_trig_hard_arguments(jit: MapJit, name: str) -> None:
    """The arguments nearest a multiple of pi/2, where Payne-Hanek reduction needs its
    full precision (their reduced argument is ~2**-61 of x in float64)."""
    x = np.array(HARD_TRIG[jit.dtype.type] + [-v for v in HARD_TRIG[jit.dtype.type]], dtype=jit.dtype)
    errs = _ulp_errors(name, x, jit(name, x))
    assert errs.max() <= MAX_ULP, (x[int(np.argmax(errs))], errs.max())


@pytest.mark.parametrize("key", sorted(coeffs.TABLES), ids=lambda k: f"{k[0]}-{k[1]}")
def test_minimax_tables_meet_their_bounds(key: tuple[str, str]) -> None:
    """The stored polynomials add at most ~1/8 ulp (2**-55 f64, 2**-27 f32 relative) to the result."""
    name, dtype = key
    table = coeffs.coefficients(name, dtype == "f64")
    assert len(table) == coeffs.DEGREES[key] + 1
    measured = coeffs.bound(name, dtype, table, points=300)
    assert measured <= coeffs.BOUNDS[key] + 0.1
    assert coeffs.BOUNDS[key] <= (-55 if dtype == "f64" else -28)


# -- pow ----------------------------------------------------------------------------
def _pow_points(dtype: type, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs whose results sweep the whole range (including over- and underflow), plus negative bases."""
    fi = np.finfo(dtype)
    rng = np.random.default_rng(5 + (dtype is np.float64))
    top, bottom = float(np.log(fi.max)) + 5, float(np.log(fi.smallest_subnormal)) - 5
    x1 = _log_uniform(rng, float(fi.smallest_subnormal), float(fi.max), n)
    x2 = rng.uniform(0.5, 2.0, n)
    xs = np.concatenate([x1, x2])
    ys = rng.uniform(bottom, top, 2 * n) / np.log(xs)
    x3 = -rng.uniform(0.1, 4.0, n // 4)
    y3 = rng.integers(-200, 200, n // 4).astype(np.float64)
    x4 = _log_uniform(rng, 1e-3, 1e3, n // 4)
    y4 = rng.integers(-40, 40, n // 4) / 2
    x = np.concatenate([xs, x3, x4]).astype(dtype)
    y = np.concatenate([ys, y3, y4]).astype(dtype)
    keep = np.isfinite(x) & np.isfinite(y)
    return x[keep], y[keep]


def test_pow_accuracy(jit: MapJit) -> None:
    dtype = jit.dtype.type
    x, y = _pow_points(dtype, 600)
    got = jit("pow", x, y)
    fi = np.finfo(dtype)
    p, emin = fi.nmant + 1, int(np.log2(float(fi.smallest_normal)))
    errs = np.zeros(len(x))
    with mpmath.workprec(REF_PREC):
        fmax = mpmath.mpf(float(fi.max)) * (1 + mpmath.ldexp(1, -p))
        for j, (xv, yv, gv) in enumerate(zip(x.tolist(), y.tolist(), got.tolist())):
            ref = mpmath.power(mpmath.mpf(xv), mpmath.mpf(yv))
            if abs(ref) >= fmax:
                errs[j] = 0.0 if np.isinf(gv) and (gv > 0) == (ref > 0) else inf
                continue
            e = emin if ref == 0 else max(emin, int(mpmath.floor(mpmath.log(abs(ref), 2))))
            if ref != 0 and mpmath.ldexp(1, e + 1) <= abs(ref):
                e += 1
            errs[j] = float(abs(mpmath.mpf(gv) - ref) / mpmath.ldexp(1, e - p + 1)) if np.isfinite(gv) else inf
    worst = int(np.argmax(errs))
    key = ("pow", jit.dtype.name)
    RESULTS[key] = max(RESULTS.get(key, 0.0), float(errs[worst]))
    print(f"\npow[{jit.dtype.name}]: max {errs[worst]:.3f} ulp at {x[worst]!r}**{y[worst]!r} over {len(x)} points")
    assert errs[worst] <= MAX_ULP


@pytest.mark.skipif(np.finfo(np.longdouble).nmant < 63, reason="needs x87 long double for float64")
def test_pow_dense(jit: MapJit) -> None:
    dtype = jit.dtype.type
    x, y = _pow_points(dtype, 100_000)
    wide = WIDER[dtype]
    with np.errstate(all="ignore"):
        ref = np.power(x.astype(wide), y.astype(wide))
    err = _dense_ulp_errors(jit("pow", x, y), ref)
    worst = int(np.argmax(err))
    key = ("pow", jit.dtype.name)
    RESULTS[key] = max(RESULTS.get(key, 0.0), float(err[worst]))
    print(f"\npow[{jit.dtype.name}] dense: max {err[worst]:.3f} ulp at {x[worst]!r}**{y[worst]!r} over {len(x)}")
    assert err[worst] <= MAX_ULP


POW_SPECIALS = [  # (x, y, expected), C99 Annex F
    (2.0, 0.0, 1.0), (nan, 0.0, 1.0), (nan, -0.0, 1.0), (1.0, nan, 1.0), (1.0, inf, 1.0), (1.0, -inf, 1.0),
    (nan, 1.0, nan), (2.0, nan, nan), (-1.0, inf, 1.0), (-1.0, -inf, 1.0),
    (0.5, -inf, inf), (2.0, -inf, 0.0), (0.5, inf, 0.0), (2.0, inf, inf), (-0.5, inf, 0.0), (-2.0, inf, inf),
    (0.0, -3.0, inf), (-0.0, -3.0, -inf), (0.0, -2.0, inf), (-0.0, -2.0, inf), (-0.0, -0.5, inf),
    (0.0, 3.0, 0.0), (-0.0, 3.0, -0.0), (-0.0, 2.0, 0.0), (-0.0, 0.5, 0.0), (0.0, -inf, inf), (0.0, inf, 0.0),
    (-inf, -3.0, -0.0), (-inf, -2.0, 0.0), (-inf, 3.0, -inf), (-inf, 2.0, inf), (-inf, 0.5, inf),
    (inf, -1.0, 0.0), (inf, 0.5, inf), (-2.0, 0.5, nan), (-2.0, 3.0, -8.0), (-2.0, -2.0, 0.25),
    (-2.0, 1e300, inf), (-0.5, 1e300, 0.0), (2.0, 1024.0, inf), (2.0, -1074.0, 5e-324), (2.0, -1076.0, 0.0),
]


def test_pow_special_values(jit: MapJit) -> None:
    with np.errstate(all="ignore"):  # where float32 cannot hold the double case, NumPy is the judge
        xs, ys, want = (np.array(v, dtype=jit.dtype) for v in zip(*POW_SPECIALS))
        want = np.where(np.isfinite(want) & (np.abs(want) > 0), np.power(xs, ys), want)
    got = jit("pow", xs, ys)
    for x, y, g, w in zip(xs, ys, got, want):
        if np.isnan(w):
            assert np.isnan(g), f"pow({x}, {y}) = {g}, want nan"
        else:
            assert g == w and np.signbit(g) == np.signbit(w), f"pow({x}, {y}) = {g!r}, want {w!r}"


def test_trig_kernel_coefficients() -> None:
    """The fdlibm minimax polynomials really are within 2**-57 of sin and cos on [-pi/4, pi/4]."""
    with mpmath.workprec(REF_PREC):
        for t in mpmath.linspace(1e-6, mpmath.pi / 4, 400):
            z = t * t
            s = t + t * z * sum(c * z**k for k, c in enumerate(SIN_COEFFS))
            c = 1 - z / 2 + z * z * sum(c * z**k for k, c in enumerate(COS_COEFFS))
            assert abs(s - mpmath.sin(t)) <= mpmath.ldexp(abs(mpmath.sin(t)), -57)
            assert abs(c - mpmath.cos(t)) <= mpmath.ldexp(1, -57)


# -- vectorization ---------------------------------------------------------------
@pytest.mark.parametrize("fty", [ir.DoubleType(), ir.FloatType()], ids=str)
def test_bodies_are_straight_line_and_deterministic(fty) -> None:
    """One basic block, no calls but LLVM intrinsics, and byte-identical IR on rebuild."""
    def build() -> str:
        module = ir.Module(name="m")
        lib = llvm_math.declare_math(module, fty)
        for name in llvm_math.NAMES:
            lib.function(name)
        return str(module)

    text = build()
    assert text == build()
    for name in EMITTERS:
        fn = llvm_math.declare_math(ir.Module(), fty).function(name)
        assert len(fn.blocks) == 1, name
        assert fn.linkage == "internal" and "alwaysinline" in fn.attributes
        body = str(fn)
        assert not re.search(r"\bbr\b|\bswitch\b|\bphi\b", body), name
        assert set(re.findall(r"call [^@]*@([\w.]+)", body)) <= {
            c for c in re.findall(r"call [^@]*@([\w.]+)", body) if c.startswith("llvm.")}, name


def _function_asm(asm: str, symbol: str) -> str:
    start = asm.index(f"{symbol}:")
    end = asm.find(".Lfunc_end", start)
    return asm[start:end]


@pytest.mark.parametrize("name", EMITTERS)
def test_loop_is_vectorized(jit: MapJit, name: str) -> None:
    scalar = "double" if jit.dtype == np.float64 else "float"
    body = jit.optimized_ir.split(f"@map_{name}(")[1].split("\n}\n")[0]
    assert re.search(rf"<(2|4|8|16|32) x {scalar}>", body), f"no vector {scalar} ops in map_{name}"
    calls = set(re.findall(r"call [^@]*@([\w.]+)", body))
    assert all(c.startswith("llvm.") for c in calls), f"map_{name} still calls {calls}"
    if platform.machine().lower() in ("x86_64", "amd64"):
        asm = _function_asm(jit.assembly, f"map_{name}")
        assert re.search(r"%[yz]mm\d+", asm) or re.search(r"\bv\w+p[sd]\b", asm), "no packed SIMD in the loop"
        assert not re.search(r"\bcall\w*\s+\*?\w*(exp|log|tanh)", asm), "a libm call survived"


@pytest.mark.parametrize("fty", [ir.DoubleType(), ir.FloatType()], ids=str)
def test_fused_loop_of_several_functions_is_vectorized(fty) -> None:
    """A backend-like body (tanh, sigmoid, log1p|x| and tanh' from the forward value) still widens."""
    import llvmlite.binding as llvm

    from symgrad.codegen.llvm_math.harness import counted_loop, host_target_machine, optimize

    module = ir.Module(name="fused")
    module.triple = llvm.get_process_triple()
    lib = llvm_math.declare_math(module, fty)
    ptr, i64 = fty.as_pointer(), ir.IntType(64)
    fn = ir.Function(module, ir.FunctionType(ir.VoidType(), [ptr, ptr, ptr, i64]), name="fused")
    src, out, dout, n = fn.args
    for arg in (src, out, dout):
        arg.add_attribute("noalias")

    def body(b, i):
        x = b.load(b.gep(src, [i], name="src.i"), name="x")
        t, s = lib.call(b, "tanh", x), lib.call(b, "sigmoid", x)
        soft = lib.call(b, "log1p", lib.call(b, "fabs", x))
        b.store(b.fadd(b.fmul(t, s), soft, name="y"), b.gep(out, [i], name="out.i"))
        b.store(b.fsub(ir.Constant(fty, 1.0), b.fmul(t, t), name="dy"), b.gep(dout, [i], name="dout.i"))

    counted_loop(fn, n, body)
    mod = llvm.parse_assembly(str(module))
    optimize(mod, host_target_machine())
    body = str(mod).split("@fused(")[1].split("\n}\n")[0]
    scalar = "double" if isinstance(fty, ir.DoubleType) else "float"
    assert re.search(rf"<(2|4|8|16) x {scalar}>", body)
    assert all(c.startswith("llvm.") for c in re.findall(r"call [^@]*@([\w.]+)", body))


def test_docstring_examples_run() -> None:
    """The package's examples are part of its documentation (pytest only collects tests/ by default)."""
    import doctest

    from symgrad.codegen.llvm_math import harness

    for module in (llvm_math, harness):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0, module.__name__


def test_fingerprint_tracks_the_emitted_ir() -> None:
    assert llvm_math.fingerprint() == llvm_math.fingerprint.__wrapped__()
    assert len(llvm_math.fingerprint()) == 64


def test_report_table() -> None:
    """Prints the measured max ulp per function and dtype (run with -s)."""
    rows = [f"{'function':10} {'float64':>9} {'float32':>9}"]
    for name in EMITTERS:
        cells = [RESULTS.get((name, d)) for d in ("float64", "float32")]
        rows.append(f"{name:10} " + " ".join(f"{c:9.3f}" if c is not None else f"{'-':>9}" for c in cells))
    print("\nmax ulp error (mpmath points and dense sweep)\n" + "\n".join(rows))
