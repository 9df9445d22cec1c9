"""The llvm backend against the numpy backend, its input checks, its cache."""
from __future__ import annotations

import os
import re

import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import symgrad as sg
from symgrad.ir.functions import elu, leaky_relu, relu, sigmoid, softplus

pytest.importorskip("llvmlite")

from symgrad.codegen.llvm import cache as llvm_cache  # noqa: E402
from symgrad.codegen.llvm.jit import JITLibrary, LibraryFinalizedError  # noqa: E402

x, y, z, w, b, t, lam = sp.symbols("x y z w b t lambda")


def t1_net():
    ni, nh = 3, 4
    xs = sp.symbols(f"x0:{ni}")
    W = sp.Matrix(nh, ni, lambda j, i: sp.Symbol(f"w{j}{i}"))
    bs, th, c = sp.symbols(f"b0:{nh}"), sp.symbols(f"th0:{nh}"), sp.Symbol("c")
    h = [sp.tanh(sum(W[j, i] * xs[i] for i in range(ni)) + bs[j]) for j in range(nh)]
    L = (sum(th[j] * h[j] for j in range(nh)) + c - t) ** 2
    return L, list(W) + list(bs) + list(th) + [c]


def random_args(fn, n, rng, positive=()):
    out = {}
    for name in fn.args:
        v = rng.uniform(-2, 2, n)
        out[name] = np.abs(v) + 0.1 if name in positive else v
    return out


def assert_same(fn_llvm, fn_np, kwargs, rtol):
    v1, g1 = fn_llvm(**kwargs)
    v2, g2 = fn_np(**kwargs)
    for a, e in zip((v1, *g1), (v2, *g2)):
        assert np.asarray(a).dtype == fn_llvm.dtype
        np.testing.assert_allclose(a, e, rtol=rtol, atol=rtol * max(1.0, float(np.max(np.abs(e)))))


# -- agreement with the numpy backend ---------------------------------------------------
EXAMPLES = {
    "circuit": ((x + y) * z, [x, y, z], ()),
    "sigmoid_regression": ((sigmoid(w * x + b) - t) ** 2 / 2 + lam * w ** 2 / 2, [w, b], ()),
    "powers": (x ** 3 / y ** 2 + y ** -1 + sp.sqrt(y) + 1 / sp.sqrt(y) + y ** 2.5 + x ** y,
               [x, y], ("x", "y")),
    "trig": (sp.sin(x) * sp.cos(y) + sp.tan(x / 3) + sp.atan(x * y) + sp.asin(x / 3) + sp.acos(y / 3),
             [x, y], ()),
    "hyperbolic": (sp.tanh(x) * sp.sinh(y) + sp.cosh(x * y) + sp.exp(-x * x) * sp.log(1 + y * y),
                   [x, y], ()),
    "activations": (sigmoid(x) + softplus(3 * y) + relu(x - y) + leaky_relu(x) + elu(y)
                    + leaky_relu(x, sp.Rational(1, 5)) * elu(x, 2), [x, y], ()),
    "kinks": (sp.Abs(x) * sp.sign(y) + sp.Max(x, y) - sp.Min(x, 2 * y) + sp.floor(x) * y
              + sp.ceiling(y) * x + sp.Heaviside(x, 0) * y, [x, y], ()),
    "piecewise": (sp.Piecewise((x ** 2, x < 0), (sp.exp(y), (x > 1) & (y < 0)),
                               (x * y, sp.Or(y > 1, sp.Not(x < 0.5))), (y, True)), [x, y], ()),
    "t1_net": (*t1_net(), ()),
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@pytest.mark.parametrize("dtype,rtol", [("float64", 1e-12), ("float32", 2e-5)])
def test_matches_numpy_backend(name, dtype, rtol):
    expr, wrt, positive = EXAMPLES[name]
    f = sg.compile(expr, wrt=wrt, backend="llvm", dtype=dtype)
    g = sg.compile(expr, wrt=wrt, backend="numpy", dtype=dtype)
    kwargs = random_args(f, 1000, np.random.default_rng(1), positive)
    assert_same(f, g, kwargs, rtol)


UNARY = [sp.sin, sp.cos, sp.tanh, sigmoid, softplus, relu, sp.Abs, lambda a: sp.exp(a / 4),
         lambda a: sp.log(a * a + 1), lambda a: sp.sqrt(a * a + 1), lambda a: sp.atan(a),
         lambda a: elu(a), lambda a: leaky_relu(a)]
BINARY = [sp.Add, sp.Mul, lambda a, b_: a - b_, lambda a, b_: a / (b_ * b_ + 1), sp.Max, sp.Min,
          lambda a, b_: a * b_ ** 2, lambda a, b_: sp.Piecewise((a, x > y), (b_ * a, True))]


@st.composite
def expressions(draw, depth=4):
    # constants only inside the op lambdas: folding constant subtrees is the
    # core's business (graph.pow cannot fold sqrt(10) to a Number yet)
    leaves = st.sampled_from([x, y, z, x / 3, 2 * y])
    if depth == 0:
        return draw(leaves)
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(leaves)
    if kind == 1:
        return draw(st.sampled_from(UNARY))(draw(expressions(depth - 1)))
    op = draw(st.sampled_from(BINARY))
    return op(draw(expressions(depth - 1)), draw(expressions(depth - 1)))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(expr=expressions())
def test_random_expressions_match_numpy(expr):
    f = sg.compile(expr, wrt=[x, y, z], backend="llvm")
    g = sg.compile(expr, wrt=[x, y, z], backend="numpy")
    rng = np.random.default_rng(7)
    kwargs = {n: rng.uniform(-1.5, 1.5, 64) for n in f.args}
    v1, g1 = f(**kwargs)
    v2, g2 = g(**kwargs)
    for a, e in zip((v1, *g1), (v2, *g2)):
        e = np.broadcast_to(e, np.shape(a))
        np.testing.assert_allclose(a, e, rtol=1e-9, atol=1e-9 * max(1.0, float(np.max(np.abs(e)))))


def test_float32_outputs_are_float32():
    f = sg.compile(sigmoid(w * x + b), wrt=[w, b], backend="llvm", dtype="float32")
    v, g = f(w=np.float64(0.5), x=np.linspace(-1, 1, 10), b=0.1)
    assert v.dtype == np.float32 and all(d.dtype == np.float32 for d in g)
    v0, g0 = f(w=0.5, x=1.0, b=0.1)
    assert isinstance(v0, np.float32) and isinstance(g0[0], np.float32)


def test_nan_and_ties_follow_numpy():
    expr = sp.Max(x, y) + 2 * sp.Min(x, y) + relu(x) + sp.sign(x) + sp.Heaviside(x, 0.25)
    f = sg.compile(expr, wrt=[x, y], backend="llvm")
    g = sg.compile(expr, wrt=[x, y], backend="numpy")
    xs = np.array([np.nan, 1.0, 1.0, 0.0, -0.0, np.inf, -np.inf, 2.0, 1e308])
    ys = np.array([1.0, np.nan, 1.0, 0.0, 0.0, 1.0, np.inf, -np.inf, -1e308])
    with np.errstate(all="ignore"):
        for a, e in zip((f(x=xs, y=ys)[0], *f(x=xs, y=ys)[1]), (g(x=xs, y=ys)[0], *g(x=xs, y=ys)[1])):
            np.testing.assert_array_equal(a, e)


def test_piecewise_without_default_gives_nan():
    f = sg.compile(sp.Piecewise((x, x > 0), (2 * x, x < -1)), wrt=[x], backend="llvm")
    v, (d,) = f(x=np.array([1.0, -2.0, -0.5]))
    np.testing.assert_array_equal(v, [1.0, -4.0, np.nan])


# -- the hot loop is vectorized ----------------------------------------------------------------
def test_hot_loop_has_vector_instructions(monkeypatch):
    monkeypatch.setenv("SYMGRAD_CACHE", "0")
    expr, wrt, _ = EXAMPLES["sigmoid_regression"]
    f = sg.compile(expr, wrt=wrt, backend="llvm")
    lib = f.kernel.library((True,) * len(f.args))
    assert re.search(r"<\d+ x double>", lib.optimized_ir())
    asm = lib.assembly()
    assert re.search(r"\bv(mul|add|div|sub|fmadd\w*)pd\s+%[yz]mm", asm), "no packed double arithmetic"


# -- sin/cos/tan: fast blocks, full-range fallback ---------------------------------------------------
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_trig_blocks_fall_back_for_huge_arguments(dtype, monkeypatch):
    """Kernels with sin/cos/tan compute each block of samples with the Cody-Waite-only
    functions and recompute a block that has an argument beyond their range with the
    full ones: results everywhere match the numpy backend (NumPy's sin, cos, tan)."""
    from symgrad.codegen.llvm.emit import KernelEmitter
    monkeypatch.setenv("SYMGRAD_CACHE", "0")     # optimized_ir() needs a compiled library
    expr, wrt = sp.sin(w * x) * sp.cos(y) + sp.tan(x + y) * w, [w]
    f = sg.compile(expr, wrt=wrt, backend="llvm", dtype=dtype)
    g = sg.compile(expr, wrt=wrt, backend="numpy", dtype=dtype)
    block = KernelEmitter.TRIG_BLOCK
    n = 3 * block + 17                       # a last, partial block
    rng = np.random.default_rng(8)
    xs, ys = rng.uniform(-20, 20, n), rng.uniform(-20, 20, n)
    hardest = 6381956970095103 * 2.0 ** 797 if dtype == "float64" else 16367173 * 2.0 ** 72
    huge = {block - 1: 3e7, block + 5: -1e30, 2 * block: 7.5e8, n - 1: hardest}
    for i, v in huge.items():
        (xs if i % 2 else ys)[i] = v
    ys[n - 2] = np.inf
    kw = {"x": xs, "y": ys, "w": np.float64(0.75)}
    with np.errstate(invalid="ignore"):
        (v1, g1), (v2, g2) = f(**kw), g(**kw)
    rtol = 1e-12 if dtype == "float64" else 2e-5
    for a, e in ((v1, v2), (g1[0], g2[0])):
        assert np.array_equal(np.isnan(a), np.isnan(e))
        ok = ~np.isnan(e)
        np.testing.assert_allclose(a[ok], e[ok], rtol=rtol, atol=rtol)
    assert "block.full" in f.kernel.ir((True, True, False))
    assert re.search(r"<\d+ x (double|float)>", f.kernel.library((True, True, False)).optimized_ir())


# -- wide programs run in segments --------------------------------------------------------------------
def _wide_net(width=12, hidden=8):
    xs = sp.symbols(f"x0:{width}")
    W = sp.Matrix(hidden, width, lambda j, i: sp.Symbol(f"w{j}_{i}"))
    bs, th = sp.symbols(f"b0:{hidden}"), sp.symbols(f"th0:{hidden}")
    h = [sp.tanh(sum(W[j, i] * xs[i] for i in range(width)) + bs[j]) for j in range(hidden)]
    gates = [sp.Piecewise((xs[i], xs[i] > 0.5), (xs[i] ** 2, True)) * relu(xs[i] - xs[i - 1])
             for i in range(1, width)]
    L = (sum(t * v for t, v in zip(th, h)) - t) ** 2 + sum(gates) + 3 * sum(bs)
    return L, list(W) + list(bs) + list(th) + list(xs[:3])


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("n", [1, 127, 300])
def test_wide_programs_run_in_segments_and_match_numpy(dtype, n):
    """A program with more arrays than segments.WIDE_STREAMS runs in blocks, its nodes in
    segments whose values cross in scratch rows (comparisons included); outputs that are
    inputs (d/dth = h ...) or constants (d/db has a 3) come out right, and so do
    broadcast (scalar) arguments."""
    from symgrad.codegen.llvm import segments
    L, wrt = _wide_net()
    f = sg.compile(L, wrt=wrt, backend="llvm", dtype=dtype)
    g = sg.compile(L, wrt=wrt, backend="numpy", dtype=dtype)
    pattern = (True,) * len(f.args)
    plan = segments.plan_segments(f.program, pattern)
    assert segments.is_wide(f.program, pattern) and len(plan.segments) > 2 and plan.n_rows > 0
    assert "define internal void @\"seg1\"" in f.kernel.ir(pattern)
    rng = np.random.default_rng(n)
    kw = random_args(f, n, rng)
    assert_same(f, g, kw, rtol=1e-12 if dtype == "float64" else 1e-4)
    kw.update({name: float(kw[name][0]) for name in list(kw)[::3]})    # some broadcast arguments
    assert_same(f, g, kw, rtol=1e-12 if dtype == "float64" else 1e-4)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_wide_programs_with_trig_fall_back_per_segment(dtype):
    """Segments with sin/cos run their loop with the medium-range functions and again
    with the full ones when a sample of the block needs them."""
    from symgrad.codegen.llvm import segments
    ws, xs = sp.symbols("w0:40"), sp.symbols("x0:40")
    L = sum(sp.sin(a * b) + sp.cos(a - b) for a, b in zip(ws, xs))
    f = sg.compile(L, wrt=list(ws), backend="llvm", dtype=dtype)
    g = sg.compile(L, wrt=list(ws), backend="numpy", dtype=dtype)
    pattern = (True,) * len(f.args)
    assert segments.is_wide(f.program, pattern) and re.search(r"^fast:", f.kernel.ir(pattern), re.M)
    rng = np.random.default_rng(2)
    kw = random_args(f, 300, rng)
    kw["x7"][200] = 1e30                  # far beyond the medium range in both dtypes
    assert_same(f, g, kw, rtol=1e-12 if dtype == "float64" else 1e-4)


# -- every call is checked before the kernel runs ----------------------------------------------------
@pytest.fixture(scope="module")
def fn():
    return sg.compile(x * sp.exp(y) + z, wrt=[x, y], backend="llvm")


def test_wrong_shapes_name_the_arguments(fn):
    with pytest.raises(ValueError, match=r"x: \(3,\).*y: \(4,\)"):
        fn(x=np.ones(3), y=np.ones(4), z=1.0)


@pytest.mark.parametrize("bad", [np.ones(3, complex), np.array(["a", "b", "c"]), [1, [2, 3]],
                                 np.array([object(), 1], dtype=object)])
def test_wrong_dtypes_are_refused(fn, bad):
    with pytest.raises(TypeError):
        fn(x=bad, y=np.ones(3), z=0.0)


def test_missing_and_extra_arguments(fn):
    with pytest.raises(TypeError, match="missing"):
        fn(x=1.0, y=1.0)
    with pytest.raises(TypeError, match="unexpected"):
        fn(x=1.0, y=1.0, z=1.0, q=2.0)


# sizes on both sides of symgrad.codegen.llvm.kernel.SMALL_SIZE: the small path copies
# into per-thread blocks, the large one hands the arrays themselves to the kernel
SIZES = [20, 5000]


@pytest.mark.parametrize("n", SIZES)
def test_noncontiguous_and_fortran_inputs(fn, n):
    rng = np.random.default_rng(3)
    base = rng.standard_normal(2 * n)
    xv, yv = base[::2], base[1::2][::-1]
    v, (dx, dy) = fn(x=xv, y=yv, z=0.5)
    np.testing.assert_allclose(v, xv * np.exp(yv) + 0.5, rtol=1e-13, atol=1e-14)
    np.testing.assert_allclose(dx, np.exp(yv), rtol=1e-13, atol=1e-14)
    F = np.asfortranarray(rng.standard_normal((5, n // 5)))
    v, (dx, dy) = fn(x=F, y=F.T.copy().T, z=F[:, :1])
    np.testing.assert_allclose(v, F * np.exp(F) + F[:, :1], rtol=1e-13, atol=1e-14)
    assert v.shape == F.shape and v.flags.c_contiguous


@pytest.mark.parametrize("n", SIZES)
def test_broadcasting_patterns(fn, n):
    xs, ys = np.linspace(-1, 1, n // 4), np.linspace(0, 1, 4)
    v, (dx, dy) = fn(x=xs[:, None], y=ys[None, :], z=2.0)
    np.testing.assert_allclose(v, xs[:, None] * np.exp(ys[None, :]) + 2.0, rtol=1e-13, atol=1e-14)
    assert dx.shape == (n // 4, 4)
    ys = np.linspace(0, 1, n)
    v, _ = fn(x=np.float64(3.0), y=ys, z=np.ones((1, n)))
    np.testing.assert_allclose(v, (3.0 * np.exp(ys) + 1.0)[None, :], rtol=1e-13, atol=1e-14)
    assert v.shape == (1, n)


@pytest.mark.parametrize("n", SIZES)
def test_misaligned_readonly_and_byteswapped_inputs(fn, n):
    raw = np.zeros(8 * n + 1, dtype=np.uint8)
    xv = np.frombuffer(raw.tobytes(), dtype=np.float64, count=n, offset=1)  # misaligned, read-only
    assert not xv.flags.aligned and not xv.flags.writeable
    yv = np.linspace(-1, 1, n).astype(">f8")
    zv = np.broadcast_to(np.float64(2.0), (n,))
    v, (dx, dy) = fn(x=xv, y=yv, z=zv)
    np.testing.assert_array_equal(v, np.full(n, 2.0))
    np.testing.assert_allclose(dx, np.exp(yv.astype(float)), rtol=1e-13)


def test_small_calls_from_many_threads(fn):
    from concurrent.futures import ThreadPoolExecutor

    def one(k):
        xs = np.full(7 + k % 3, float(k))
        v, (dx, dy) = fn(x=xs, y=0.0, z=1.0)
        return np.array_equal(v, xs + 1.0) and np.array_equal(dy, xs)

    with ThreadPoolExecutor(4) as pool:
        assert all(pool.map(one, range(400)))


def test_empty_batches_and_scalars(fn):
    v, (dx, dy) = fn(x=np.ones(0), y=1.0, z=np.ones((0,)))
    assert v.shape == (0,) and dx.shape == (0,) and dy.shape == (0,)
    v, _ = fn(x=np.ones((3, 0)), y=np.ones((3, 1)), z=0.0)
    assert v.shape == (3, 0)
    v, (dx, dy) = fn(x=2.0, y=0.0, z=1.0)
    assert isinstance(v, np.float64) and v == 3.0 and dy == 2.0


def test_huge_and_nan_values(fn):
    with np.errstate(all="ignore"):
        v, (dx, dy) = fn(x=np.array([1e308, np.nan, 1.0, -np.inf]),
                         y=np.array([1e3, 0.0, np.inf, 0.0]), z=0.0)
    assert v[0] == np.inf and np.isnan(v[1]) and v[2] == np.inf and v[3] == -np.inf


def test_large_batches_split_across_threads(monkeypatch):
    expr, wrt, _ = EXAMPLES["sigmoid_regression"]
    f = sg.compile(expr, wrt=wrt, backend="llvm")
    kw = random_args(f, 300_001, np.random.default_rng(5))
    kw["lambda"] = 0.1
    monkeypatch.setenv("SYMGRAD_NUM_THREADS", "1")
    v1, g1 = f(**kw)
    monkeypatch.setenv("SYMGRAD_NUM_THREADS", "2")
    v2, g2 = f(**kw)
    np.testing.assert_array_equal(v1, v2)
    for a, e in zip(g1, g2):
        np.testing.assert_array_equal(a, e)


# -- the JIT owner ------------------------------------------------------------------------------
def test_jit_library_guards_use_after_finalize():
    lib = JITLibrary("guard")
    lib.add_ir("define i64 @one() { ret i64 1 }")
    with pytest.raises(RuntimeError, match="finalized before use"):
        lib.get_function_address("one")
    lib.finalize()
    assert lib.get_function_address("one")
    with pytest.raises(LibraryFinalizedError):
        lib.add_ir("define i64 @two() { ret i64 2 }")
    with pytest.raises(LibraryFinalizedError):
        lib.finalize()


def test_tensor_programs_are_refused_clearly():
    from symgrad.codegen.llvm.emit import emit_module
    from symgrad.ir.graph import Node
    from symgrad.ir.program import Program
    M = sp.MatrixSymbol("M", 2, 2)
    p = Program([Node(sp.MatrixSymbol, (), M, (2, 2))], [("M", 0)], [("value", 0)], {"value": 0})
    with pytest.raises(NotImplementedError, match="scalar programs"):
        emit_module(p, "float64", (True,))


# -- the disk cache ------------------------------------------------------------------------------
def _entries(root):
    return sorted(p for p in root.rglob("*.o"))


def _compile_and_check(expr, wrt):
    f = sg.compile(expr, wrt=wrt, backend="llvm")
    xs = np.linspace(-2, 2, 101)
    v, (d,) = f(x=xs)
    np.testing.assert_allclose(v, np.tanh(xs) * xs, rtol=1e-13, atol=1e-14)
    np.testing.assert_allclose(d, (1 - np.tanh(xs) ** 2) * xs + np.tanh(xs), rtol=1e-13)
    return f


def test_cache_cold_then_warm(tmp_path, monkeypatch):
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path))
    expr = sp.tanh(x) * x
    f1 = _compile_and_check(expr, [x])
    assert [how for _, how in f1.kernel.timings.values()] == ["compiled"]
    assert len(_entries(tmp_path)) == 1
    assert not list(tmp_path.rglob(".tmp-*"))
    f2 = _compile_and_check(expr, [x])
    assert [how for _, how in f2.kernel.timings.values()] == ["cached"]


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_damaged_cache_entry_is_rebuilt(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path))
    expr = sp.tanh(x) * x
    _compile_and_check(expr, [x])
    (entry,) = _entries(tmp_path)
    data = bytearray(entry.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data[len(data) - 100] ^= 0x40
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(os.urandom(len(data)))
    entry.write_bytes(bytes(data))
    key = entry.stem
    assert llvm_cache.load(key) is None
    f = _compile_and_check(expr, [x])
    assert [how for _, how in f.kernel.timings.values()] == ["compiled"]
    assert llvm_cache.load(key) is not None  # rewritten whole
    f = _compile_and_check(expr, [x])
    assert [how for _, how in f.kernel.timings.values()] == ["cached"]


def test_cache_location_follows_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("SYMGRAD_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert llvm_cache.cache_dir() == tmp_path / "symgrad"
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path / "mine"))
    assert llvm_cache.cache_dir() == tmp_path / "mine"
    assert llvm_cache.cache_key(["a", "bc"]) != llvm_cache.cache_key(["ab", "c"])


def test_unwritable_cache_still_compiles(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(blocker))
    _compile_and_check(sp.tanh(x) * x, [x])


def test_held_results_are_never_overwritten():
    f = sg.compile(sp.exp(x) * y, wrt=[x, y], backend="llvm")
    xs = np.linspace(-1, 1, 10_000)
    v1, g1 = f(x=xs, y=1.0)
    keep_v, keep_d = v1.copy(), g1[1].copy()
    only_grad = g1[1]
    del v1, g1
    v2, g2 = f(x=xs + 1, y=2.0)  # one result of the first call is still alive
    np.testing.assert_array_equal(only_grad, keep_d)
    del only_grad
    v3, _ = f(x=xs, y=1.0)
    np.testing.assert_array_equal(v3, keep_v)
    assert not np.shares_memory(v3, v2)


def test_dropped_results_reuse_their_memory():
    f = sg.compile(sp.exp(x) * y, wrt=[x, y], backend="llvm")
    xs = np.linspace(-1, 1, 10_000)
    v, _ = f(x=xs, y=1.0)
    address = v.ctypes.data
    del v, _
    v, g = f(x=xs, y=3.0)
    assert v.ctypes.data == address
    np.testing.assert_allclose(v, 3 * np.exp(xs), rtol=1e-15)


# -- golden IR: a change in emitted code shows up in review -------------------------------------
GOLDEN = os.path.join(os.path.dirname(__file__), "golden")


@pytest.mark.parametrize("name,expr,wrt,pattern", [
    ("llvm_circuit_f64.ll", (x + y) * z, [x, y, z], (True, True, True)),
    ("llvm_relu_max_f32_broadcast.ll", relu(x) * sp.Max(x, y) / y, [x], (True, False)),
])
def test_golden_ir(name, expr, wrt, pattern):
    """Refresh with ``SYMGRAD_UPDATE_GOLDEN=1 pytest tests/test_llvm_backend.py -k golden``."""
    from symgrad.codegen.llvm.emit import emit_module
    dtype = "float32" if "f32" in name else "float64"
    text = str(emit_module(sg.grad(expr, wrt).program, dtype, pattern))
    path = os.path.join(GOLDEN, name)
    if os.environ.get("SYMGRAD_UPDATE_GOLDEN") == "1" or not os.path.exists(path):
        with open(path, "w") as fh:
            fh.write(text)
    with open(path) as fh:
        assert text == fh.read(), f"emitted IR changed; see {path}"


# -- independent references: mpmath at 30 digits, and the libm-intrinsics math ---------------------
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(expr=expressions(depth=3))
def test_random_expressions_match_mpmath(expr):
    f = sg.compile(expr, wrt=[x, y, z], backend="llvm")
    points = np.random.default_rng(11).uniform(-1.5, 1.5, (3, 3))
    got = f(**{n: points[:, k] for k, n in enumerate(["x", "y", "z"]) if n in f.args})
    got = [np.broadcast_to(got[0], (3,)), *(np.broadcast_to(d, (3,)) for d in got[1])]
    real = sp.symbols("x y z", real=True)  # so that d|x|/dx is sign(x)
    expr_r = expr.subs(dict(zip((x, y, z), real)))
    refs = [expr_r] + [sp.diff(expr_r, s) for s in real]
    for i, p in enumerate(points):
        at = {s: sp.Float(v, 30) for s, v in zip(real, p)}
        for out, ref_expr in zip(got, refs):
            ref = complex(ref_expr.evalf(30, subs=at))
            if ref.imag or not np.isfinite(ref.real):
                continue
            assert abs(out[i] - ref.real) <= 1e-10 * max(1.0, abs(ref.real)), (ref_expr, at)


@pytest.mark.parametrize("name", ["hyperbolic", "activations", "t1_net"])
def test_libm_intrinsics_math_matches_numpy(name):
    from symgrad.codegen.callable import CompiledFunction
    from symgrad.codegen.llvm.kernel import ScalarKernel, call_scalar
    from symgrad.codegen.llvm.mathlib import IntrinsicMath
    expr, wrt, positive = EXAMPLES[name]
    program = sg.grad(expr, wrt).program
    kernel = ScalarKernel(program, np.dtype(np.float64), math=IntrinsicMath())
    assert "llvm.exp.f64" in kernel.ir() or "llvm.tanh.f64" in kernel.ir()
    f = CompiledFunction(program, kernel, kernel.ir(), np.dtype(np.float64),
                         [str(w) for w in wrt], "llvm", call_scalar)
    g = sg.compile(expr, wrt=wrt, backend="numpy")
    assert_same(f, g, random_args(f, 3000, np.random.default_rng(2), positive), 1e-12)


def test_cache_entries_per_dtype_and_pattern(tmp_path, monkeypatch):
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path))
    expr = sp.tanh(x) * y
    f64 = sg.compile(expr, wrt=[x], backend="llvm", dtype="float64")
    f32 = sg.compile(expr, wrt=[x], backend="llvm", dtype="float32")
    f64(x=np.ones(5000), y=2.0)  # a second pattern: y broadcast
    assert len(_entries(tmp_path)) == 3
    g64 = sg.compile(expr, wrt=[x], backend="llvm", dtype="float64")
    v, _ = g64(x=np.ones(5000), y=2.0)
    assert sorted(how for _, how in g64.kernel.timings.values()) == ["cached", "cached"]
    np.testing.assert_allclose(v, 2 * np.tanh(1.0), rtol=1e-15)
    assert f32(x=1.0, y=2.0)[0].dtype == np.float32
