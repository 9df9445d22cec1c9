"""Minimax polynomial coefficients, generated here with mpmath (Remez exchange).

The tables below are the output of ``python -m symgrad.codegen.llvm_math.coeffs``,
which re-derives every polynomial from its spec in :data:`SPECS`, rounds the
coefficients to the target type, and prints the tables and the achieved error
bounds.  ``tests/test_llvm_math.py`` re-checks the bounds of the stored tables.

Each spec approximates a smooth remainder function ``g`` on ``[lo, hi]``; the
kernels evaluate ``g`` with Horner and add the leading terms exactly:

- ``expm1``: expm1(r) = r + r**2 * g(r), g(r) = (expm1(r) - r)/r**2, |r| <= ln2/2
- ``exp``:   the same g to lower degree (exp adds 1, which hides r*r*error)
- ``log``:   log(z) = 2 atanh(s) = 2s + s*w*g(w), g(w) = (2 atanh(sqrt w)/sqrt w - 2)/w, w = s**2
- ``sin``/``cos`` (float32 kernels, evaluated in double on |y| <= 0.8):
  sin y = y + y*z*g(z), cos y = 1 - z/2 + z*z*g(z), z = y*y
- ``atan``:  atan(t) = t - t*z*g(z), g(z) = (1 - atan(sqrt z)/sqrt z)/z, z = t*t, |t| <= 7/16
"""
from __future__ import annotations

#: (name, dtype) -> coefficients, constant term first, exactly as stored (float.hex)
TABLES: dict[tuple[str, str], tuple[str, ...]] = {
    ('expm1', 'f64'): (
        '0x1.0000000000000p-1', '0x1.5555555555557p-3', '0x1.5555555555564p-5',
        '0x1.111111110ff7bp-7', '0x1.6c16c16c0dfa4p-10', '0x1.a01a01aca4bd5p-13',
        '0x1.a01a01db7724cp-16', '0x1.71ddffe70d7d8p-19', '0x1.27e4533df1a11p-22',
        '0x1.af5295cff831bp-26', '0x1.20672d926c99bp-29',
    ),
    ('exp', 'f64'): (
        '0x1.0000000000001p-1', '0x1.5555555555564p-3', '0x1.5555555553b54p-5',
        '0x1.111111110972bp-7', '0x1.6c16c179552ffp-10', '0x1.a01a01e3af402p-13',
        '0x1.a019b60ec5670p-16', '0x1.71dd56be60638p-19', '0x1.289502969f99ep-22',
        '0x1.b0a88b5eb88a5p-26',
    ),
    ('log', 'f64'): (
        '0x1.5555555555558p-1', '0x1.99999999951bep-2', '0x1.2492492e0f0a4p-2',
        '0x1.c71c62c2127cfp-3', '0x1.7462be2d8cb77p-3', '0x1.39fd33ea2fb4ap-3',
        '0x1.2b662bf7004a4p-3',
    ),
    ('expm1', 'f32'): (
        '0x1.0000000000000p-1', '0x1.5555560000000p-3', '0x1.5554e40000000p-5',
        '0x1.11101e0000000p-7', '0x1.6d497e0000000p-10', '0x1.a29c6a0000000p-13',
    ),
    ('exp', 'f32'): (
        '0x1.0000000000000p-1', '0x1.5555560000000p-3', '0x1.5554e40000000p-5',
        '0x1.11101e0000000p-7', '0x1.6d497e0000000p-10', '0x1.a29c6a0000000p-13',
    ),
    ('log', 'f32'): (
        '0x1.55555c0000000p-1', '0x1.997bf80000000p-2', '0x1.2eee4a0000000p-2',
    ),
    ('sin', 'f32'): (
        '-0x1.5555555437731p-3', '0x1.11110d92c2f1ap-7', '-0x1.a0132cc813f4ep-13',
        '0x1.6d96e5bdccec6p-19',
    ),
    ('cos', 'f32'): (
        '0x1.55555554f5e62p-5', '-0x1.6c16bf17193d6p-10', '0x1.a01572658adeap-16',
        '-0x1.250a25b671602p-22',
    ),
    ('atan', 'f64'): (
        '0x1.5555555555554p-2', '-0x1.9999999998952p-3', '0x1.24924923ba7d8p-3',
        '-0x1.c71c713b7cafap-4', '0x1.745d000dc98abp-4', '-0x1.3b116e5f9be37p-4',
        '0x1.10edb3e66f500p-4', '-0x1.df13f6e09acc7p-5', '0x1.9c858cfb2f7c7p-5',
        '-0x1.36345c80a8453p-5', '0x1.20310e307fe53p-6',
    ),
    ('atan', 'f32'): (
        '0x1.5555560000000p-2', '-0x1.99996a0000000p-3', '0x1.2486860000000p-3',
        '-0x1.c4fc840000000p-4', '0x1.5db7d40000000p-4', '-0x1.8c08f80000000p-5',
    ),
}

#: (name, dtype) -> log2 of the bound on the relative error the table adds to the result
BOUNDS: dict[tuple[str, str], float] = {
    ('expm1', 'f64'): -60.0,
    ('exp', 'f64'): -55.4,
    ('log', 'f64'): -57.6,
    ('expm1', 'f32'): -29.5,
    ('exp', 'f32'): -30.5,
    ('log', 'f32'): -28.5,
    ('sin', 'f32'): -35.5,
    ('cos', 'f32'): -39.2,
    ('atan', 'f64'): -55.5,
    ('atan', 'f32'): -28.9,
}


def coefficients(name: str, is64: bool) -> tuple[float, ...]:
    """The stored polynomial ``name`` for double (``is64``) or float32 kernels."""
    return tuple(float.fromhex(h) for h in TABLES[(name, "f64" if is64 else "f32")])


# -- generation (needs only mpmath; run as a module) -------------------------------
def _specs():
    import mpmath as mp

    def q_expm1(r):
        return (mp.expm1(r) - r) / r**2 if r else mp.mpf(1) / 2

    def p_log(w):
        if not w:
            return mp.mpf(2) / 3
        s = mp.sqrt(w)
        return (2 * mp.atanh(s) / s - 2) / w

    def s_sin(z):
        return (mp.sin(mp.sqrt(z)) - mp.sqrt(z)) / (z * mp.sqrt(z)) if z else -mp.mpf(1) / 6

    def c_cos(z):
        return (mp.cos(mp.sqrt(z)) - 1 + z / 2) / (z * z) if z else mp.mpf(1) / 24

    def g_atan(z):
        return (1 - mp.atan(mp.sqrt(z)) / mp.sqrt(z)) / z if z else mp.mpf(1) / 3

    half_ln2 = mp.log(2) / 2 * mp.mpf("1.001")
    s_max = (mp.sqrt(2) - 1) / (mp.sqrt(2) + 1)  # |f/(2+f)| for z in [sqrt(1/2), sqrt(2)]
    w_max = s_max**2 * mp.mpf("1.001")
    z_max = mp.mpf("0.64")
    # name -> (g, lo, hi, scale(x) turning an error in g into relative error of the result)
    rel_expm1 = abs  # r**2 * dg relative to expm1(r) ~ r
    return {
        "expm1": (q_expm1, -half_ln2, half_ln2 * mp.mpf("1.02"), rel_expm1),
        "exp": (q_expm1, -half_ln2, half_ln2 * mp.mpf("1.02"), lambda r: r * r / mp.exp(-half_ln2)),
        "log": (p_log, mp.mpf(0), w_max, lambda w: w / 2),
        "sin": (s_sin, mp.mpf(0), z_max, lambda z: z),
        "cos": (c_cos, mp.mpf(0), z_max, lambda z: z * z / mp.cos(mp.sqrt(z_max))),
        # |t| <= 7/16 after fdlibm's argument reduction
        "atan": (g_atan, mp.mpf(0), (mp.mpf(7) / 16) ** 2 * mp.mpf("1.001"), lambda z: z),
    }


#: (name, dtype) -> degree; chosen as the least degree whose bound is below 1/8 ulp
DEGREES = {("expm1", "f64"): 10, ("exp", "f64"): 9, ("log", "f64"): 6,
           ("expm1", "f32"): 5, ("exp", "f32"): 5, ("log", "f32"): 2,
           ("sin", "f32"): 3, ("cos", "f32"): 3, ("atan", "f64"): 10, ("atan", "f32"): 5}


#: bits the coefficients are rounded to: the float32 sin/cos kernels run in double
_BITS = {key: 53 if key[1] == "f64" or key[0] in ("sin", "cos") else 24 for key in DEGREES}


def _remez(g, lo, hi, degree: int, iterations: int = 10):
    """Minimax polynomial (absolute error) of ``g`` on ``[lo, hi]`` by the Remez exchange."""
    import mpmath as mp

    n = degree + 2
    xs = [(lo + hi) / 2 - (hi - lo) / 2 * mp.cos(mp.pi * i / (n - 1)) for i in range(n)]
    grid = [lo + (hi - lo) * k / 3000 for k in range(3001)]
    for _ in range(iterations):
        a = mp.matrix(n, n)
        b = mp.matrix(n, 1)
        for i, x in enumerate(xs):
            for j in range(degree + 1):
                a[i, j] = x**j
            a[i, degree + 1] = (-1) ** i
            b[i] = g(x)
        sol = mp.lu_solve(a, b)
        coeffs = [sol[j] for j in range(degree + 1)]
        errs = [mp.polyval(coeffs[::-1], x) - g(x) for x in grid]
        peaks = []  # local extrema of the error, merged into alternating signs
        for k, v in enumerate(errs):
            if all(abs(v) >= abs(errs[m]) for m in (k - 1, k + 1) if 0 <= m < len(errs)):
                if peaks and mp.sign(peaks[-1][1]) == mp.sign(v):
                    if abs(v) > abs(peaks[-1][1]):
                        peaks[-1] = (grid[k], v)
                else:
                    peaks.append((grid[k], v))
        while len(peaks) > n:
            peaks.pop(0 if abs(peaks[0][1]) < abs(peaks[-1][1]) else -1)
        if len(peaks) < n:
            break
        xs = [x for x, _ in peaks]
    return coeffs


def _round(v, bits: int) -> float:
    import mpmath as mp

    if not v:
        return 0.0
    man, exp = mp.frexp(v)
    return float(mp.ldexp(mp.nint(mp.ldexp(man, bits)), exp - bits))


def bound(name: str, dtype: str, coeffs: tuple[float, ...], points: int = 1500) -> float:
    """log2 of max |scale(x) * (poly(x) - g(x))| over a grid, for the rounded coefficients."""
    import mpmath as mp

    with mp.workprec(200):
        g, lo, hi, scale = _specs()[name]
        worst = mp.mpf(0)
        for k in range(points + 1):
            x = lo + (hi - lo) * k / points
            worst = max(worst, abs(scale(x) * (mp.polyval([mp.mpf(c) for c in coeffs[::-1]], x) - g(x))))
        return float(mp.log(worst, 2)) if worst else float("-inf")


def generate() -> tuple[dict, dict]:
    import mpmath as mp

    tables, bounds = {}, {}
    with mp.workprec(200):
        specs = _specs()
        for (name, dtype), degree in DEGREES.items():
            g, lo, hi, _ = specs[name]
            coeffs = tuple(_round(c, _BITS[(name, dtype)]) for c in _remez(g, lo, hi, degree))
            tables[(name, dtype)] = tuple(c.hex() for c in coeffs)
            bounds[(name, dtype)] = round(bound(name, dtype, coeffs), 1)
    return tables, bounds


if __name__ == "__main__":
    tables, bounds = generate()
    print("TABLES = {")
    for key, hexes in tables.items():
        print(f"    {key!r}: (")
        for i in range(0, len(hexes), 3):
            print("        " + " ".join(f"{h!r}," for h in hexes[i:i + 3]))
        print("    ),")
    print("}\nBOUNDS = {")
    for key, b in bounds.items():
        print(f"    {key!r}: {b},")
    print("}")
