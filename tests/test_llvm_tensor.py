"""The llvm backend on tensor programs: against the numpy backend, and its input checks."""
from __future__ import annotations

import os
import re

import numpy as np
import pytest
import sympy as sp

import symgrad as sg
from symgrad import losses, nn

pytest.importorskip("llvmlite")
pytest.importorskip("scipy")

from symgrad.codegen.llvm.fusion import schedule  # noqa: E402


RTOL = {"float64": 1e-12, "float32": 2e-5}


def compile_both(L, params, dtype):
    wrt = list(params)
    return (sg.compile(L, wrt=wrt, backend="llvm", dtype=dtype),
            sg.compile(L, wrt=wrt, backend="numpy", dtype=dtype))


def random_kwargs(fn, batch, rng, labels=None, probs=()):
    out = {}
    for name, i in fn.program.inputs:
        shape = fn.program.nodes[i].shape
        if name not in fn.args:
            continue
        if shape == ():
            out[name] = np.float64(rng.uniform(0.1, 1.0))
            continue
        concrete = tuple(d if isinstance(d, int) else batch for d in shape)
        if name == labels:
            out[name] = rng.integers(0, 10, concrete).astype(np.float64)
        elif name in probs:
            out[name] = rng.uniform(0.05, 0.95, concrete)
        else:
            out[name] = rng.standard_normal(concrete) / np.sqrt(concrete[0] if name.startswith("W") else 1)
    return out


def assert_same(f_llvm, f_np, kwargs):
    rtol = RTOL[f_llvm.dtype.name]
    v1, g1 = f_llvm(**kwargs)
    v2, g2 = f_np(**kwargs)
    assert np.asarray(v1).shape == np.asarray(v2).shape == ()
    for name, a, e in zip(("value",) + f_llvm.wrt, (v1, *g1), (v2, *g2)):
        a, e = np.asarray(a), np.asarray(e)
        assert a.dtype == f_llvm.dtype, name
        assert a.shape == e.shape, (name, a.shape, e.shape)
        scale = max(1e-30, float(np.max(np.abs(e))) if e.size else 1.0)
        np.testing.assert_allclose(a, e, rtol=rtol, atol=rtol * scale, err_msg=name)


def mlp(sizes, act=nn.Tanh):
    layers = []
    for k, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(nn.Dense(a, b, name=str(k + 1)))
        if k < len(sizes) - 2:
            layers.append(act())
    return nn.Sequential(*layers)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("batch", [1, 7, 33])
def test_t3_model_small(dtype, batch):
    X, Y = nn.input("X", 6), nn.input("Y", 10)
    model = mlp([6, 16, 12, 10])
    L = losses.softmax_cross_entropy(model(X), Y)
    f_llvm, f_np = compile_both(L, model.parameters(), dtype)
    rng = np.random.default_rng(batch)
    kw = random_kwargs(f_llvm, batch, rng)
    kw["Y"] = np.eye(10)[rng.integers(0, 10, batch)]
    assert_same(f_llvm, f_np, kw)


ACTIVATIONS = [nn.Sigmoid, nn.Tanh, nn.ReLU, lambda: nn.LeakyReLU(0.1), lambda: nn.ELU(0.7),
               nn.Softplus, nn.Identity]


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("act", ACTIVATIONS, ids=["sigmoid", "tanh", "relu", "leaky_relu", "elu",
                                                   "softplus", "identity"])
def test_every_activation(dtype, act):
    X, Y = nn.input("X", 5), nn.input("Y", 3)
    model = mlp([5, 9, 3], act)
    L = losses.mse(model(X), Y)
    f_llvm, f_np = compile_both(L, model.parameters(), dtype)
    assert_same(f_llvm, f_np, random_kwargs(f_llvm, 13, np.random.default_rng(1)))


def _loss_cases():
    X = nn.input("X", 4)
    net = mlp([4, 8, 3])
    Y3, Y1 = nn.input("Y", 3), nn.input("Y", 1)
    z = net(X)
    return {
        "mse": (losses.mse(z, Y3), net.parameters(), {}),
        "bce": (losses.binary_cross_entropy(nn.Sigmoid()(z), Y3), net.parameters(), {"probs": ("Y",)}),
        "bce_logits": (losses.binary_cross_entropy_with_logits(z, Y3), net.parameters(), {"probs": ("Y",)}),
        "softmax_ce_onehot": (losses.softmax_cross_entropy(z, Y3), net.parameters(), {"onehot": 3}),
        "softmax_ce_labels": (losses.softmax_cross_entropy(z, Y1), net.parameters(), {"labels": 3}),
        "l2_penalty": (losses.mse(z, Y3) + losses.l2_penalty(net, sp.Rational(1, 100)),
                       net.parameters(), {}),
        "l2_penalty_symbolic": (losses.mse(z, Y3) + losses.l2_penalty(net, sp.Symbol("lam"), True),
                                net.parameters(), {}),
    }


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("case", list(_loss_cases()))
def test_every_loss(dtype, case):
    L, params, opts = _loss_cases()[case]
    f_llvm, f_np = compile_both(L, params, dtype)
    rng = np.random.default_rng(2)
    kw = random_kwargs(f_llvm, 11, rng, probs=opts.get("probs", ()))
    if "onehot" in opts:
        kw["Y"] = np.eye(opts["onehot"])[rng.integers(0, opts["onehot"], 11)]
    if "labels" in opts:
        kw["Y"] = rng.integers(0, opts["labels"], (11, 1)).astype(float)
    assert_same(f_llvm, f_np, kw)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_residual_net(dtype):
    X, Y = nn.input("X", 4), nn.input("Y", 2)
    inp, block, out = nn.Dense(4, 6, name="in"), nn.Dense(6, 6, name="r"), nn.Dense(6, 2, name="out")
    h = nn.Tanh()(inp(X))
    h = h + nn.ReLU()(block(h))
    L = losses.mse(out(h), Y)
    params = inp.parameters() + block.parameters() + out.parameters()
    f_llvm, f_np = compile_both(L, params, dtype)
    assert_same(f_llvm, f_np, random_kwargs(f_llvm, 9, np.random.default_rng(3)))


def test_large_logits_stay_finite():
    X, Y = nn.input("X", 2), nn.input("Y", 3)
    model = mlp([2, 3])
    L = losses.softmax_cross_entropy(model(X), Y)
    f_llvm, f_np = compile_both(L, model.parameters(), "float64")
    kw = {"X": np.array([[1000.0, -1000.0], [-1000.0, 1000.0]]), "Y": np.eye(3)[[0, 2]],
          "W1": np.eye(2, 3), "b1": np.zeros(3)}
    v, g = f_llvm(**kw)
    assert np.isfinite(v) and all(np.all(np.isfinite(x)) for x in g)
    assert_same(f_llvm, f_np, kw)


# -- fusion -------------------------------------------------------------------------------
def t3_program(sizes=(64, 256, 256, 10)):
    X, Y = nn.input("X", sizes[0]), nn.input("Y", sizes[-1])
    model = mlp(list(sizes))
    return sg.grad(losses.softmax_cross_entropy(model(X), Y), model.parameters()).program, model


def test_t3_fuses_into_few_loop_nests():
    p, _ = t3_program()
    s = schedule(p)
    kinds = [st.kind for st in s.steps]
    assert kinds.count("gemm") == 8          # 3 forward, 5 backward (no gradient for X)
    assert kinds.count("region") == 5        # bias+tanh x2, softmax CE, two backward deltas
    # the softmax passes are one loop nest: three column loops plus row-scalar stages
    softmax = [st.region for st in s.steps if st.kind == "region"][2]
    assert [st.cols for st in softmax.stages if st.looped] == [10, 10, 10]
    # only what a GEMM, a later loop or the caller reads is written to memory
    names = p.names()
    shapes = {names[i]: p.nodes[i].shape for i in s.materialized}
    assert sum(1 for sh in shapes.values() if sh == (sp.Symbol("N", integer=True, positive=True), 256)) <= 8


def test_loops_are_vectorized():
    p, model = t3_program((8, 32, 32, 10))
    X, Y = nn.input("X", 8), nn.input("Y", 10)
    f = sg.compile(losses.softmax_cross_entropy(model(X), Y), wrt=model.parameters(), backend="llvm")
    os.environ["SYMGRAD_CACHE"] = "0"      # assembly needs the IR path, not cached object code
    try:
        f = sg.compile(losses.softmax_cross_entropy(model(X), Y), wrt=model.parameters(), backend="llvm")
    finally:
        del os.environ["SYMGRAD_CACHE"]
    asm = f.kernel.library.assembly()
    assert re.search(r"\bv(mul|add|sub|fmadd\w*)pd\s+%[yz]mm", asm), "no packed double arithmetic"
    assert "call" in asm and "gemm" not in asm  # gemm is reached through a pointer, not a symbol


def test_ir_is_deterministic_and_cache_survives():
    p, _ = t3_program((4, 8, 8, 3))
    from symgrad.codegen.llvm.tensor_kernel import TensorKernel
    k1, k2 = TensorKernel(p, "float64"), TensorKernel(p, "float64")
    assert k1.source == k2.source
    assert k2.timing[1] == "cached"
    assert "inttoptr" not in k1.source   # no runtime address baked into the code


# -- checks before machine code ---------------------------------------------------------------
@pytest.fixture(scope="module")
def small_step():
    X, Y = nn.input("X", 3), nn.input("Y", 2)
    model = mlp([3, 4, 2])
    L = losses.softmax_cross_entropy(model(X), Y)
    return compile_both(L, model.parameters(), "float64")


def good_kwargs(n=5):
    rng = np.random.default_rng(0)
    return {"X": rng.standard_normal((n, 3)), "Y": np.eye(2)[rng.integers(0, 2, n)],
            "W1": rng.standard_normal((3, 4)), "b1": rng.standard_normal(4),
            "W2": rng.standard_normal((4, 2)), "b2": rng.standard_normal((1, 2))}


@pytest.mark.parametrize("name,bad", [
    ("X", np.zeros((5, 4))), ("W1", np.zeros((4, 3))), ("b1", np.zeros(5)),
    ("Y", np.zeros((6, 2))), ("X", np.zeros((5, 3, 1))), ("W2", np.zeros(8)),
])
def test_wrong_shapes_raise(small_step, name, bad):
    f, _ = small_step
    kw = good_kwargs()
    kw[name] = bad
    with pytest.raises(ValueError, match=name):
        f(**kw)


@pytest.mark.parametrize("bad", [np.zeros((5, 3), complex), np.full((5, 3), "a"), [[1, 2], [3]]])
def test_wrong_dtypes_raise(small_step, bad):
    f, _ = small_step
    kw = good_kwargs()
    kw["X"] = bad
    with pytest.raises((TypeError, ValueError)):
        f(**kw)


def test_missing_and_extra_arguments(small_step):
    f, _ = small_step
    kw = good_kwargs()
    del kw["W1"]
    with pytest.raises(TypeError, match="W1"):
        f(**kw)
    with pytest.raises(TypeError, match="Z"):
        f(**good_kwargs(), Z=1.0)


def test_kernel_refuses_unchecked_arrays(small_step):
    f, _ = small_step
    kw = good_kwargs()
    arrays = [np.asarray(kw[a], float) for a in f.kernel.layout.args]
    with pytest.raises(ValueError):
        f.kernel(*arrays)                       # biases 1-D: not the declared (1, n)
    arrays = [a.reshape(1, -1) if a.ndim == 1 else a for a in arrays]
    arrays[0] = arrays[0].astype(np.float32)
    with pytest.raises(TypeError):
        f.kernel(*arrays)


def test_non_contiguous_and_other_dtypes_give_correct_results(small_step):
    f, g = small_step
    kw = good_kwargs(6)
    kw["b1"] = kw["b1"].astype(np.float32).astype(np.float64)
    ref = f(**kw)
    big = np.zeros((12, 6))
    big[::2, ::2] = kw["X"]
    odd = dict(kw, X=big[::2, ::2], W1=np.asfortranarray(kw["W1"]), W2=kw["W2"].T.copy().T,
               Y=kw["Y"].astype(np.int64), b1=kw["b1"].astype(np.float32))
    assert not odd["X"].flags.c_contiguous and not odd["W1"].flags.c_contiguous
    got = f(**odd)
    np.testing.assert_allclose(got[0], ref[0], rtol=1e-12)
    for a, e in zip(got[1], ref[1]):
        np.testing.assert_allclose(a, e, rtol=1e-12)
    assert_same(f, g, odd)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("batch", [1023, 4099])
def test_loops_split_across_threads_agree(dtype, batch):
    """Batches large enough that each loop nest runs in row chunks on several threads
    (symgrad.codegen.llvm.parallel.CHUNK_WORK) when OpenMP is available: the loss and the bias
    gradients are added up per chunk; odd batch sizes leave uneven chunks."""
    from symgrad.codegen.llvm import parallel
    X, Y = nn.input("X", 20), nn.input("Y", 10)
    model = mlp([20, 48, 40, 10])
    L = losses.softmax_cross_entropy(model(X), Y) + losses.l2_penalty(model.parameters(), 1e-3)
    f, g = compile_both(L, model.parameters(), dtype)
    assert batch * 40 >= 2 * parallel.CHUNK_WORK and ".omp" in f.source
    kw = random_kwargs(f, batch, np.random.default_rng(batch))
    assert_same(f, g, kw)
    v1, g1 = f(**kw)
    v2, g2 = f(**kw)      # the chunking does not depend on which thread runs what
    assert v1 == v2 and all(np.array_equal(a, b) for a, b in zip(g1, g2))


def test_loops_use_mkls_openmp_threads(monkeypatch):
    from symgrad.codegen.llvm import blas
    if _mkl_path() is not None:     # MKL is the default only where it measures faster
        monkeypatch.setenv("SYMGRAD_BLAS", "mkl")
    X, Y = nn.input("X", 5), nn.input("Y", 4)
    f = sg.compile(losses.mse(mlp([5, 4])(X), Y), wrt=[], backend="llvm")
    if f.kernel.blas != "mkl" or not getattr(blas._mkl_library(), "symgrad_on_gomp", False):
        assert f.kernel._omp is None      # beside OpenBLAS's threads the loops stay serial
        pytest.skip("MKL on GNU OpenMP is not in use")
    assert f.kernel._omp is not None and all(f.kernel._omp)


def test_empty_batch(small_step):
    kw = good_kwargs(0)
    for step in small_step:                      # llvm and numpy agree
        with np.errstate(all="ignore"):
            v, grads = step(**kw)
        assert np.isnan(v)                       # a mean over no rows
        for name, gr in grads.items():
            assert gr.shape == np.shape(kw[name])
            assert np.all(gr == 0)


def test_batch_size_changes_and_outputs_are_fresh(small_step):
    f, g = small_step
    for n in (5, 1, 17, 5):
        kw = good_kwargs(n)
        assert_same(f, g, kw)
    for n in (5, 9):    # output memory is recycled only once no result uses it
        v1, g1 = f(**good_kwargs(5))
        keep = [x.copy() for x in g1]
        kw = good_kwargs(n)
        kw["W1"] = kw["W1"] + 1.0
        for _ in range(3):
            v2, g2 = f(**kw)
            assert not any(np.shares_memory(a, b) for a in g1 for b in g2)
        for a, b in zip(g1, keep):
            np.testing.assert_array_equal(a, b)     # later calls never write into earlier results


def assert_concurrent_calls_agree(f, kws, repeats):
    """Threads each calling ``f`` ``repeats`` times on their own arguments get exactly
    the results of sequential calls."""
    import threading
    expect = [f(**kw) for kw in kws]
    got = [None] * len(kws)

    def run(k):
        for _ in range(repeats):
            got[k] = f(**kws[k])
    threads = [threading.Thread(target=run, args=(k,)) for k in range(len(kws))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for (v, g), (ve, ge) in zip(got, expect):
        assert v == ve and all(np.array_equal(a, b) for a, b in zip(g, ge))


def test_concurrent_calls_agree(small_step):
    f, _ = small_step
    assert_concurrent_calls_agree(f, [good_kwargs(n) for n in (4, 8, 4, 8)], 20)


def _mkl_path():
    from symgrad.codegen.llvm import blas
    paths = blas._mkl_paths()
    return paths[0] if paths else None


#: every BLAS the llvm backend can call here; MKL's cases skip, saying why, where it is not installed
BLASES = ["numpy", pytest.param("mkl", marks=pytest.mark.skipif(
    _mkl_path() is None, reason="MKL is not installed (pip install 'symgrad[mkl]')"))]


@pytest.mark.parametrize("blas", BLASES)
@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("batch", [5, 1023])
def test_trig_regions_fall_back_for_huge_arguments(monkeypatch, blas, dtype, batch):
    """Loop nests with sin/cos run first with the medium-range functions; when a row
    meets an argument beyond that range the whole nest runs again with the full ones
    (its column sums and loss sums start again).  1023 rows split into OpenMP chunks.

    The huge row is 1e15 in one column and 0 in the others, so each of its
    pre-activations is one rounded product, the same in every BLAS.  With six
    terms near 1e15 a row's sum carries an absolute error of ~6 eps 1e15 (0.7 in
    float64) that depends on the BLAS's summation order, and sin turns that into
    an O(1) difference between two correct results."""
    from symgrad.tensor import Elementwise
    monkeypatch.setenv("SYMGRAD_BLAS", blas)
    X, Y = nn.input("X", 6), nn.input("Y", 3)
    d1, d2 = nn.Dense(6, 16, name="1"), nn.Dense(16, 3, name="2")
    L = losses.mse(Elementwise(sp.cos, d2(Elementwise(sp.sin, d1(X)))), Y)
    f, g = compile_both(L, d1.parameters() + d2.parameters(), dtype)
    assert f.kernel.blas == blas
    assert re.search(r"r\d+\.full|region\d+\.full", f.source)
    rng = np.random.default_rng(batch)
    for huge in (False, True):
        kw = random_kwargs(f, batch, rng)
        if huge:
            kw["X"][batch // 2] = 0.0
            kw["X"][batch // 2, 1] = 1e15    # far beyond both dtypes' medium range
        assert_same(f, g, kw)


def test_concurrent_calls_with_split_loops_agree(monkeypatch):
    """Several Python threads each running a step whose loops are split into OpenMP
    chunks (each caller gets its own OpenMP team and, but one, private workspaces).

    The team size is pinned to the cap: by default each call sizes its team by the
    machine's load (symgrad.codegen.threads.team_size), and another chunk count adds
    the column sums in another order, which would compare calls at different loads,
    not concurrent calls against sequential ones."""
    from symgrad.codegen import threads
    from symgrad.codegen.llvm import tensor_kernel
    monkeypatch.setattr(tensor_kernel, "team_size", lambda work: threads.max_threads())
    X, Y = nn.input("X", 20), nn.input("Y", 10)
    model = mlp([20, 48, 40, 10])
    f = sg.compile(losses.softmax_cross_entropy(model(X), Y), wrt=model.parameters(), backend="llvm")
    assert_concurrent_calls_agree(f, [random_kwargs(f, n, np.random.default_rng(n)) for n in (1023, 2000, 1023, 2000)],
                                  10)


# -- programs whose outputs are inputs, constants, transposes or scalars -------------------------
def _linear_cases():
    from symgrad.tensor import Sum
    N = sp.Symbol("N", integer=True, positive=True)
    X, V = sp.MatrixSymbol("X", N, 3), sp.MatrixSymbol("V", N, 3)
    W, b, lam = sp.MatrixSymbol("W", 3, 2), sp.MatrixSymbol("b", 1, 3), sp.Symbol("lam")
    return {
        "XW": (Sum(X * W), [W]),                                      # gradient X^T 1
        "bias_only": (Sum(b), [b]),                                   # gradient: a broadcast constant
        "hadamard": (Sum(sp.HadamardProduct(X, V)), [V]),             # gradient: the input X itself
        "scalar_param": (lam * Sum(sp.HadamardProduct(b, b)) + Sum(X * W), [b, W, lam]),
        "gram": (Sum(sp.HadamardProduct(X.T * X, W * W.T)), [W]),    # Transpose used outside a GEMM
    }


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("case", list(_linear_cases()))
def test_linear_and_scalar_programs(dtype, case):
    L, wrt = _linear_cases()[case]
    f_llvm, f_np = compile_both(L, wrt, dtype)
    rng = np.random.default_rng(4)
    kw = {"X": rng.random((4, 3)), "V": rng.random((4, 3)), "W": rng.random((3, 2)),
          "b": rng.random((1, 3)), "lam": 0.5}
    assert_same(f_llvm, f_np, {a: kw[a] for a in f_llvm.args})
