"""Networks (issue 3) against PyTorch autograd, finite differences and their own structure.

Every layer, activation and loss of ``symgrad.nn`` / ``symgrad.losses`` is
compiled with the NumPy backend and compared in float64 with the same network
written directly in torch.  "Relative 1e-10" is measured per array, against
its largest entry (``max|got - want| <= 1e-10 * max|want|``), so entries that
are tiny by cancellation do not make the comparison meaningless.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import symgrad as sg
from symgrad import losses, nn
from symgrad.tensor import LogSoftmax, Softmax, Sum

torch = pytest.importorskip("torch")
F = torch.nn.functional

RTOL = 1e-10


# -- helpers -------------------------------------------------------------------------
def assert_rel(got, want, rtol: float = RTOL, what: str = "") -> None:
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    assert got.shape == want.shape, f"{what}: shape {got.shape} != {want.shape}"
    assert np.all(np.isfinite(got)), f"{what}: not finite: {got}"
    scale = np.abs(want).max(initial=0.0)
    err = np.abs(got - want).max(initial=0.0)
    assert err <= rtol * max(scale, 1e-300), \
        f"{what}: max abs error {err:.3g} against max |want| {scale:.3g} (rtol {rtol:g})"


def random_params(model, rng: np.random.Generator, dtype="float64") -> dict[str, np.ndarray]:
    """Weights ~ N(0, 1/fan_in) and non-zero biases (zero biases would hide bias bugs)."""
    out = {}
    for p in (model.parameters() if isinstance(model, nn.Module) else model):
        rows, cols = (int(d) for d in p.shape)
        scale = 0.5 if rows == 1 else 1.0 / np.sqrt(rows)
        out[p.name] = (rng.normal(size=(rows, cols)) * scale).astype(dtype)
    return out


def torch_value_and_grads(torch_loss, inputs: dict, params: dict, dtype=torch.float64):
    tp = {k: torch.tensor(v, dtype=dtype, requires_grad=True) for k, v in params.items()}
    ti = {k: torch.tensor(v) if v.dtype.kind in "iu" else torch.tensor(v, dtype=dtype)
          for k, v in inputs.items()}
    loss = torch_loss(ti, tp)
    loss.backward()
    return loss.item(), {k: t.grad.numpy() for k, t in tp.items()}


def compare_with_torch(L, params_syms, torch_loss, inputs, params, rtol=RTOL):
    step = sg.compile(L, wrt=params_syms, backend="numpy", dtype="float64")
    value, grads = step(**inputs, **params)
    want_value, want_grads = torch_value_and_grads(torch_loss, inputs, params)
    assert_rel(value, want_value, rtol, "loss")
    assert [str(p) for p in params_syms] == list(grads.names)
    for name, g in grads.items():
        assert_rel(g, want_grads[name], rtol, f"d/d{name}")
    return step, value, grads


def dense(x, tp, name):
    return x @ tp[f"W{name}"] + tp[f"b{name}"]


# seed, batch, n_in, hidden, n_out
SHAPES = [(0, 7, 3, 5, 2), (1, 16, 8, 12, 4), (2, 1, 5, 3, 3)]
SHAPE_IDS = [f"N{s[1]}-{s[2]}-{s[3]}-{s[4]}" for s in SHAPES]

ACTIVATIONS = {
    "sigmoid": (nn.Sigmoid, torch.sigmoid),
    "tanh": (nn.Tanh, torch.tanh),
    "relu": (nn.ReLU, torch.relu),
    "leaky_relu": (nn.LeakyReLU, lambda z: F.leaky_relu(z, 0.01)),
    "leaky_relu(0.2)": (lambda: nn.LeakyReLU(0.2), lambda z: F.leaky_relu(z, 0.2)),
    "elu": (nn.ELU, F.elu),
    "elu(0.5)": (lambda: nn.ELU(0.5), lambda z: F.elu(z, 0.5)),
    "softplus": (nn.Softplus, F.softplus),
    "identity": (nn.Identity, lambda z: z),
    "softmax": (nn.Softmax, lambda z: torch.softmax(z, dim=1)),
}


# -- every activation in a two-layer net -----------------------------------------------
@pytest.mark.parametrize("shape", SHAPES, ids=SHAPE_IDS)
@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_activation_in_two_layer_net(act, shape):
    seed, N, n_in, hidden, n_out = shape
    make, torch_act = ACTIVATIONS[act]
    rng = np.random.default_rng(seed)
    X, Y = nn.input("X", n_in), nn.input("Y", n_out)
    model = nn.Sequential(nn.Dense(n_in, hidden, name="1"), make(), nn.Dense(hidden, n_out, name="2"))
    L = losses.mse(model(X), Y)
    inputs = {"X": rng.normal(size=(N, n_in)) * 2, "Y": rng.normal(size=(N, n_out))}
    params = random_params(model, rng)

    def ref(ti, tp):
        return F.mse_loss(dense(torch_act(dense(ti["X"], tp, "1")), tp, "2"), ti["Y"])

    compare_with_torch(L, model.parameters(), ref, inputs, params)


def test_dense_without_bias_and_final_activation():
    rng = np.random.default_rng(3)
    X, Y = nn.input("X", 4), nn.input("Y", 2)
    model = nn.Sequential(nn.Dense(4, 6, bias=False, name="1"), nn.ELU(), nn.Dense(6, 2, name="2"),
                          nn.Sigmoid())
    assert [p.name for p in model.parameters()] == ["W1", "W2", "b2"]
    L = losses.mse(model(X), Y)
    inputs = {"X": rng.normal(size=(9, 4)), "Y": rng.uniform(size=(9, 2))}
    params = random_params(model, rng)

    def ref(ti, tp):
        return F.mse_loss(torch.sigmoid(dense(F.elu(ti["X"] @ tp["W1"]), tp, "2")), ti["Y"])

    compare_with_torch(L, model.parameters(), ref, inputs, params)


@pytest.mark.parametrize("act", ["relu", "leaky_relu(0.2)", "elu(0.5)"])
def test_kinks_at_zero_follow_torch(act):
    """Pre-activations exactly 0 (zero input row, zero bias): the derivative taken
    there is torch's (relu: 0, leaky_relu: alpha, elu: alpha)."""
    make, torch_act = ACTIVATIONS[act]
    X, Y = nn.input("X", 2), nn.input("Y", 2)
    layer = nn.Dense(2, 2, name="1")
    L = losses.mse(make()(layer(X)), Y)
    inputs = {"X": np.array([[0.0, 0.0], [1.0, -1.0]]), "Y": np.array([[1.0, -1.0], [0.5, 2.0]])}
    params = {"W1": np.array([[1.0, 2.0], [-3.0, -4.0]]), "b1": np.zeros((1, 2))}
    compare_with_torch(L, layer.parameters(),
                       lambda ti, tp: F.mse_loss(torch_act(dense(ti["X"], tp, "1")), ti["Y"]),
                       inputs, params)


# -- every loss -------------------------------------------------------------------------
def _labels(rng, N, K):
    return rng.integers(0, K, size=(N, 1))


def _loss_case(kind, rng, N, n_out):
    """(symgrad loss of logits Z and target Y, torch loss of logits and target, target array)."""
    if kind == "mse":
        return (losses.mse, F.mse_loss, rng.normal(size=(N, n_out)))
    if kind == "bce_probabilities":
        def sym(Z, Y):
            return losses.binary_cross_entropy(nn.Sigmoid()(Z), Y)
        return (sym, lambda z, y: F.binary_cross_entropy(torch.sigmoid(z), y),
                rng.uniform(size=(N, n_out)))
    if kind == "bce_logits":
        return (losses.binary_cross_entropy_with_logits, F.binary_cross_entropy_with_logits,
                rng.uniform(size=(N, n_out)))
    if kind == "softmax_ce_onehot":
        labels = _labels(rng, N, n_out)
        return (losses.softmax_cross_entropy, F.cross_entropy, np.eye(n_out)[labels[:, 0]])
    if kind == "softmax_ce_probabilities":
        p = rng.uniform(size=(N, n_out))
        return (losses.softmax_cross_entropy, F.cross_entropy, p / p.sum(axis=1, keepdims=True))
    if kind == "softmax_ce_labels":
        return (losses.softmax_cross_entropy,
                lambda z, y: F.cross_entropy(z, y[:, 0]), _labels(rng, N, n_out))
    if kind == "log_softmax_nll":   # the tensor class directly, not through the loss helper
        def sym(Z, Y):
            return -Sum(sp.HadamardProduct(Y, LogSoftmax(Z))) / Z.shape[0]
        labels = _labels(rng, N, n_out)
        return (sym, F.cross_entropy, np.eye(n_out)[labels[:, 0]])
    if kind == "softmax_mse":
        def sym(Z, Y):
            return losses.mse(Softmax(Z), Y)
        return (sym, lambda z, y: F.mse_loss(torch.softmax(z, dim=1), y),
                rng.uniform(size=(N, n_out)))
    raise AssertionError(kind)


LOSSES = ["mse", "bce_probabilities", "bce_logits", "softmax_ce_onehot",
          "softmax_ce_probabilities", "softmax_ce_labels", "log_softmax_nll", "softmax_mse"]


@pytest.mark.parametrize("shape", SHAPES, ids=SHAPE_IDS)
@pytest.mark.parametrize("kind", LOSSES)
def test_loss_matches_torch(kind, shape):
    seed, N, n_in, hidden, n_out = shape
    rng = np.random.default_rng(100 + seed)
    sym_loss, torch_loss, target = _loss_case(kind, rng, N, n_out)
    X, Y = nn.input("X", n_in), nn.input("Y", target.shape[1])
    model = nn.Sequential(nn.Dense(n_in, hidden, name="1"), nn.Tanh(), nn.Dense(hidden, n_out, name="2"))
    L = sym_loss(model(X), Y)
    inputs = {"X": rng.normal(size=(N, n_in)), "Y": target}
    params = random_params(model, rng)

    def ref(ti, tp):
        return torch_loss(dense(torch.tanh(dense(ti["X"], tp, "1")), tp, "2"), ti["Y"])

    compare_with_torch(L, model.parameters(), ref, inputs, params)


@pytest.mark.parametrize("include_biases", [False, True])
def test_l2_penalty(include_biases):
    rng = np.random.default_rng(7)
    lam = sp.Rational(3, 100)
    X, Y = nn.input("X", 5), nn.input("Y", 3)
    model = nn.Sequential(nn.Dense(5, 6, name="1"), nn.Tanh(), nn.Dense(6, 3, name="2"))
    L = losses.softmax_cross_entropy(model(X), Y) \
        + losses.l2_penalty(model, lam, include_biases=include_biases)
    inputs = {"X": rng.normal(size=(8, 5)), "Y": np.eye(3)[rng.integers(0, 3, 8)]}
    params = random_params(model, rng)
    penalised = ["W1", "b1", "W2", "b2"] if include_biases else ["W1", "W2"]

    def ref(ti, tp):
        z = dense(torch.tanh(dense(ti["X"], tp, "1")), tp, "2")
        return F.cross_entropy(z, ti["Y"]) + 0.03 * sum((tp[n] ** 2).sum() for n in penalised)

    compare_with_torch(L, model.parameters(), ref, inputs, params)


def test_l2_penalty_of_a_symbol_list_penalises_every_entry():
    rng = np.random.default_rng(8)
    layer = nn.Dense(3, 2, name="1")
    X, Y = nn.input("X", 3), nn.input("Y", 2)
    L = losses.mse(layer(X), Y) + losses.l2_penalty(layer.parameters(), sp.Rational(1, 10))
    inputs = {"X": rng.normal(size=(4, 3)), "Y": rng.normal(size=(4, 2))}
    params = random_params(layer, rng)

    def ref(ti, tp):
        return F.mse_loss(dense(ti["X"], tp, "1"), ti["Y"]) \
            + 0.1 * ((tp["W1"] ** 2).sum() + (tp["b1"] ** 2).sum())

    compare_with_torch(L, layer.parameters(), ref, inputs, params)


def test_loss_shape_mismatch_is_a_value_error():
    Z, Y = nn.input("Z", 3), nn.input("Y", 4)
    for loss in (losses.mse, losses.binary_cross_entropy, losses.binary_cross_entropy_with_logits,
                 losses.softmax_cross_entropy):
        with pytest.raises(ValueError, match=r"\(N, 3\).*\(N, 4\)"):
            loss(Z, Y)
    with pytest.raises(ValueError):
        losses.l2_penalty([], 1)


# -- graphs that are not chains -----------------------------------------------------------
def test_residual_connection():
    rng = np.random.default_rng(11)
    X, Y = nn.input("X", 4), nn.input("Y", 3)
    inp, block, out = nn.Dense(4, 6, name="in"), nn.Dense(6, 6, name="r"), nn.Dense(6, 3, name="out")
    h = nn.Tanh()(inp(X))
    L = losses.softmax_cross_entropy(out(h + nn.Tanh()(block(h))), Y)
    params_syms = inp.parameters() + block.parameters() + out.parameters()
    inputs = {"X": rng.normal(size=(10, 4)), "Y": np.eye(3)[rng.integers(0, 3, 10)]}
    params = random_params(params_syms, rng)

    def ref(ti, tp):
        h = torch.tanh(dense(ti["X"], tp, "in"))
        return F.cross_entropy(dense(h + torch.tanh(dense(h, tp, "r")), tp, "out"), ti["Y"])

    compare_with_torch(L, params_syms, ref, inputs, params)


def test_two_branches_added_and_a_tied_layer():
    """X feeds two branches that are summed; one layer is applied twice (shared weights)."""
    rng = np.random.default_rng(12)
    X, Y = nn.input("X", 5), nn.input("Y", 2)
    a, b, tied, out = (nn.Dense(5, 4, name="a"), nn.Dense(5, 4, name="b"),
                       nn.Dense(4, 4, name="t"), nn.Dense(4, 2, name="o"))
    h = nn.Tanh()(a(X)) + nn.Sigmoid()(b(X))
    h2 = nn.Softplus()(tied(nn.ReLU()(tied(h))))
    L = losses.binary_cross_entropy_with_logits(out(h2 * 1 + h), Y)
    params_syms = a.parameters() + b.parameters() + tied.parameters() + out.parameters()
    inputs = {"X": rng.normal(size=(6, 5)), "Y": rng.integers(0, 2, size=(6, 2)).astype(float)}
    params = random_params(params_syms, rng)

    def ref(ti, tp):
        h = torch.tanh(dense(ti["X"], tp, "a")) + torch.sigmoid(dense(ti["X"], tp, "b"))
        h2 = F.softplus(dense(torch.relu(dense(h, tp, "t")), tp, "t"))
        return F.binary_cross_entropy_with_logits(dense(h2 + h, tp, "o"), ti["Y"])

    compare_with_torch(L, params_syms, ref, inputs, params)


def test_parameter_absent_from_the_loss_has_zero_gradient():
    rng = np.random.default_rng(13)
    X, Y = nn.input("X", 3), nn.input("Y", 2)
    used, unused = nn.Dense(3, 2, name="u"), nn.Dense(3, 2, name="z")
    L = losses.mse(used(X), Y)
    step = sg.compile(L, wrt=used.parameters() + unused.parameters())
    params = random_params(used.parameters() + unused.parameters(), rng)
    _, grads = step(X=rng.normal(size=(4, 3)), Y=rng.normal(size=(4, 2)), **params)
    assert grads["Wz"].shape == (3, 2) and grads["bz"].shape == (1, 2)
    assert not grads["Wz"].any() and not grads["bz"].any()


def test_value_only_compile_of_a_network():
    rng = np.random.default_rng(14)
    X, Y = nn.input("X", 3), nn.input("Y", 2)
    layer = nn.Dense(3, 2, name="1")
    fn = sg.compile(losses.mse(layer(X), Y))
    inputs = {"X": rng.normal(size=(4, 3)), "Y": rng.normal(size=(4, 2))}
    params = random_params(layer, rng)
    value, grads = fn(**inputs, **params)
    want, _ = torch_value_and_grads(lambda ti, tp: F.mse_loss(dense(ti["X"], tp, "1"), ti["Y"]),
                                    inputs, params)
    assert_rel(value, want) and len(grads) == 0


# -- calling convention: batch symbol, bias shapes, dtypes ---------------------------------
def _tanh_ce_net(n_in=4, hidden=5, n_out=3):
    X, Y = nn.input("X", n_in), nn.input("Y", n_out)
    model = nn.Sequential(nn.Dense(n_in, hidden, name="1"), nn.Tanh(), nn.Dense(hidden, n_out, name="2"))
    return model, losses.softmax_cross_entropy(model(X), Y)


def _tanh_ce_ref(ti, tp):
    return F.cross_entropy(dense(torch.tanh(dense(ti["X"], tp, "1")), tp, "2"), ti["Y"])


def test_batch_size_bound_at_call_time():
    model, L = _tanh_ce_net()
    step = sg.compile(L, wrt=model.parameters())
    assert "N" not in step.args
    rng = np.random.default_rng(20)
    params = random_params(model, rng)
    for N in (1, 5, 64, 3):
        inputs = {"X": rng.normal(size=(N, 4)), "Y": np.eye(3)[rng.integers(0, 3, N)]}
        value, grads = step(**inputs, **params)
        want_value, want_grads = torch_value_and_grads(_tanh_ce_ref, inputs, params)
        assert_rel(value, want_value, what=f"loss at N={N}")
        for name, g in grads.items():
            assert_rel(g, want_grads[name], what=f"d/d{name} at N={N}")


@pytest.mark.parametrize("flat", [True, False], ids=["bias-(n,)", "bias-(1,n)"])
def test_bias_gradient_comes_back_in_the_passed_shape(flat):
    model, L = _tanh_ce_net()
    step = sg.compile(L, wrt=model.parameters())
    rng = np.random.default_rng(21)
    params = random_params(model, rng)
    inputs = {"X": rng.normal(size=(6, 4)), "Y": np.eye(3)[rng.integers(0, 3, 6)]}
    passed = {k: (v.ravel() if flat and k.startswith("b") else v) for k, v in params.items()}
    value, grads = step(**inputs, **passed)
    want_value, want_grads = torch_value_and_grads(_tanh_ce_ref, inputs, params)
    assert_rel(value, want_value)
    for name, g in grads.items():
        assert g.shape == passed[name].shape, name
        assert_rel(g, want_grads[name].reshape(g.shape), what=name)


def test_float32_step():
    model, L = _tanh_ce_net(8, 16, 5)
    step = sg.compile(L, wrt=model.parameters(), dtype="float32")
    rng = np.random.default_rng(22)
    params = random_params(model, rng, dtype="float32")
    inputs = {"X": rng.normal(size=(32, 8)).astype(np.float32),
              "Y": np.eye(5, dtype=np.float32)[rng.integers(0, 5, 32)]}
    value, grads = step(**inputs, **params)
    assert np.asarray(value).dtype == np.float32
    assert all(g.dtype == np.float32 for g in grads)
    want_value, want_grads = torch_value_and_grads(_tanh_ce_ref, inputs, params, dtype=torch.float32)
    assert_rel(value, want_value, 1e-5, "loss")
    for name, g in grads.items():
        assert_rel(g, want_grads[name], 1e-5, f"d/d{name}")


def test_float32_step_converts_float64_arguments():
    model, L = _tanh_ce_net()
    step = sg.compile(L, wrt=model.parameters(), dtype="float32")
    rng = np.random.default_rng(23)
    value, grads = step(X=rng.normal(size=(4, 4)), Y=np.eye(3)[[0, 1, 2, 0]],
                        **random_params(model, rng))
    assert np.asarray(value).dtype == np.float32 and all(g.dtype == np.float32 for g in grads)


def _buffer_cases():
    X, Y = nn.input("X", 4), nn.input("Y", 3)
    mlp = nn.Sequential(nn.Dense(4, 6, name="1"), nn.Tanh(), nn.Dense(6, 6, name="2"), nn.ReLU(),
                        nn.Dense(6, 3, name="3"))
    yield "mlp_ce_l2", mlp.parameters(), \
        losses.softmax_cross_entropy(mlp(X), Y) + losses.l2_penalty(mlp, sp.Rational(1, 50), True)
    inp, block = nn.Dense(4, 3, name="i"), nn.Dense(3, 3, name="r")
    h = nn.Sigmoid()(inp(X))
    yield "residual_bce", inp.parameters() + block.parameters(), \
        losses.binary_cross_entropy(nn.Sigmoid()(h + nn.Tanh()(block(h))), Y)
    one = nn.Dense(4, 3, name="1")
    yield "softmax_mse", one.parameters(), losses.mse(nn.Softmax()(one(X)), Y)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("case", list(_buffer_cases()), ids=lambda c: c[0])
def test_step_leaves_arguments_and_earlier_results_alone(case, dtype):
    """The generated code may reuse buffers, but never the caller's arrays, and a
    second call must not overwrite what the first returned."""
    _, params_syms, L = case
    step = sg.compile(L, wrt=params_syms, dtype=dtype)
    rng = np.random.default_rng(24)

    def args():
        p = random_params(params_syms, rng, dtype)
        return {"X": rng.normal(size=(6, 4)).astype(dtype),
                "Y": rng.uniform(0.05, 0.95, size=(6, 3)).astype(dtype), **p}

    first, second = args(), args()
    saved = {k: v.copy() for k, v in first.items()}
    v1, g1 = step(**first)
    for k in first:
        np.testing.assert_array_equal(first[k], saved[k], err_msg=f"argument {k} was modified")
    g1_saved = [g.copy() for g in g1]
    v1_saved = float(v1)
    step(**second)
    assert float(v1) == v1_saved
    for name, g, s in zip(g1.names, g1, g1_saved):
        np.testing.assert_array_equal(g, s, err_msg=f"d/d{name} was overwritten by a later call")
    v1b, g1b = step(**first)
    assert float(v1b) == v1_saved
    for name, g, s in zip(g1.names, g1b, g1_saved):
        np.testing.assert_array_equal(g, s, err_msg=f"d/d{name} differs on a repeated call")
    for i, a in enumerate(g1):
        for b in list(g1)[i + 1:]:
            assert not np.shares_memory(a, b), "two gradients share memory"
        for k, v in first.items():
            assert not np.shares_memory(a, v), f"a gradient shares memory with argument {k}"


# -- finite differences ------------------------------------------------------------------
def central_differences(step, inputs, params, name, index, eps=1e-6):
    plus = {k: v.copy() for k, v in params.items()}
    minus = {k: v.copy() for k, v in params.items()}
    plus[name][index] += eps
    minus[name][index] -= eps
    return (float(step(**inputs, **plus)[0]) - float(step(**inputs, **minus)[0])) / (2 * eps)


def _fd_cases():
    X, Y = nn.input("X", 4), nn.input("Y", 3)
    mlp = nn.Sequential(nn.Dense(4, 6, name="1"), nn.Tanh(), nn.Dense(6, 6, name="2"), nn.ELU(),
                        nn.Dense(6, 3, name="3"))
    yield ("mlp_ce_l2", mlp.parameters(),
           losses.softmax_cross_entropy(mlp(X), Y) + losses.l2_penalty(mlp, sp.Rational(1, 50)),
           lambda rng: np.eye(3)[rng.integers(0, 3, 7)])
    inp, block = nn.Dense(4, 3, name="i"), nn.Dense(3, 3, name="r")
    h = nn.Sigmoid()(inp(X))
    yield ("residual_bce_logits", inp.parameters() + block.parameters(),
           losses.binary_cross_entropy_with_logits(h + nn.Softplus()(block(h)), Y),
           lambda rng: rng.uniform(size=(7, 3)))
    net = nn.Sequential(nn.Dense(4, 5, name="1"), nn.LeakyReLU(0.1), nn.Dense(5, 3, name="2"))
    yield ("leaky_mse", net.parameters(), losses.mse(net(X), Y), lambda rng: rng.normal(size=(7, 3)))


@pytest.mark.parametrize("case", list(_fd_cases()), ids=lambda c: c[0])
def test_finite_differences(case):
    _, params_syms, L, target = case
    rng = np.random.default_rng(30)
    step = sg.compile(L, wrt=params_syms)
    params = random_params(params_syms, rng)
    inputs = {"X": rng.normal(size=(7, 4)), "Y": target(rng)}
    _, grads = step(**inputs, **params)
    for name, g in grads.items():
        for _ in range(4):
            index = tuple(int(rng.integers(0, d)) for d in g.shape)
            numeric = central_differences(step, inputs, params, name, index)
            assert abs(numeric - g[index]) <= 1e-6 * max(abs(numeric), abs(g[index])) + 1e-9, \
                f"d/d{name}{index}: compiled {g[index]!r}, central difference {numeric!r}"


def test_gradcheck_accepts_a_matrix_level_step():
    model, L = _tanh_ce_net()
    step = sg.compile(L, wrt=model.parameters())
    rng = np.random.default_rng(31)
    at = {"X": rng.normal(size=(5, 4)), "Y": np.eye(3)[rng.integers(0, 3, 5)],
          **random_params(model, rng)}
    with np.errstate(divide="ignore", invalid="ignore"):
        assert sg.gradcheck(step, at).ok


# -- numerical stability ------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["softmax_ce_labels", "softmax_ce_onehot", "bce_logits"])
def test_logits_of_plus_minus_1000(kind):
    """Logits exactly +-1000 (and 0): a naive exp overflows, the compiled step must not."""
    X = nn.input("X", 1)
    layer = nn.Dense(1, 3, name="1")
    Z = layer(X)
    x = np.array([[1.0], [-1.0], [1.0], [-1.0], [1.0], [-1.0]])
    params = {"W1": np.array([[1000.0, -1000.0, 0.0]]), "b1": np.zeros((1, 3))}
    if kind == "bce_logits":
        Y = nn.input("Y", 3)
        target = np.array([[0, 1, 1], [1, 0, 0], [1, 0, 1], [0, 1, 0], [0, 0, 0], [1, 1, 1]], float)
        L = losses.binary_cross_entropy_with_logits(Z, Y)
        ref = F.binary_cross_entropy_with_logits
    else:
        labels = np.array([[0], [1], [1], [2], [2], [0]])
        Y = nn.input("Y", 1 if kind == "softmax_ce_labels" else 3)
        target = labels if kind == "softmax_ce_labels" else np.eye(3)[labels[:, 0]]
        L = losses.softmax_cross_entropy(Z, Y)
        ref = (lambda z, y: F.cross_entropy(z, y[:, 0])) if kind == "softmax_ce_labels" \
            else F.cross_entropy
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        _, value, grads = compare_with_torch(L, layer.parameters(),
                                             lambda ti, tp: ref(dense(ti["X"], tp, "1"), ti["Y"]),
                                             {"X": x, "Y": target}, params)
    assert value > 100   # wrong-class logits of 1000 cost about 1000
    assert all(np.all(np.isfinite(g)) for g in grads)


@pytest.mark.parametrize("act", ["sigmoid", "softplus", "tanh", "elu", "softmax"])
def test_saturated_activations(act):
    """Pre-activations of +-1000: no overflow, and torch's gradients."""
    make, torch_act = ACTIVATIONS[act]
    X, Y = nn.input("X", 1), nn.input("Y", 4)
    layer = nn.Dense(1, 4, name="1")
    L = losses.mse(make()(layer(X)), Y)
    inputs = {"X": np.array([[1.0], [-1.0]]), "Y": np.full((2, 4), 0.3)}
    params = {"W1": np.array([[1000.0, -1000.0, 0.5, -30.0]]), "b1": np.zeros((1, 4))}
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        compare_with_torch(L, layer.parameters(),
                           lambda ti, tp: F.mse_loss(torch_act(dense(ti["X"], tp, "1")), ti["Y"]),
                           inputs, params)


def test_deep_net():
    """40 tanh layers: the lowering and the reverse sweep are iterative."""
    rng = np.random.default_rng(50)
    X, Y = nn.input("X", 6), nn.input("Y", 1)
    layers = [nn.Dense(6, 6, name=str(i)) for i in range(40)]
    mods = [m for layer in layers for m in (layer, nn.Tanh())] + [nn.Dense(6, 1, name="out")]
    model = nn.Sequential(*mods)
    L = losses.mse(model(X), Y)
    inputs = {"X": rng.normal(size=(5, 6)), "Y": rng.normal(size=(5, 1))}
    params = random_params(model, rng)
    params = {k: v * 2 if k.startswith("W") else v for k, v in params.items()}  # keep gradients alive

    def ref(ti, tp):
        h = ti["X"]
        for i in range(40):
            h = torch.tanh(dense(h, tp, str(i)))
        return F.mse_loss(dense(h, tp, "out"), ti["Y"])

    compare_with_torch(L, model.parameters(), ref, inputs, params)


# -- structure of the derived program and the source ---------------------------------------
def test_softmax_cross_entropy_computes_exp_once():
    X, Y = nn.input("X", 6), nn.input("Y", 4)
    layer = nn.Dense(6, 4, name="1")
    g = sg.grad(losses.softmax_cross_entropy(layer(X), Y), layer.parameters())
    assert sum(1 for n in g.program.nodes if n.op is sp.exp) == 1
    assert sum(1 for n in g.program.nodes if n.op is sp.log) == 1


def test_softmax_cross_entropy_of_an_mlp_computes_one_exp_and_tanh_per_layer():
    model, L = _tanh_ce_net()
    g = sg.grad(L, model.parameters())
    ops = [n.op for n in g.program.nodes]
    assert ops.count(sp.exp) == 1 and ops.count(sp.tanh) == 1


def _size(shape, N):
    return int(np.prod([N if isinstance(d, sp.Basic) and not d.is_Integer else int(d)
                        for d in shape]))


def test_no_jacobian_is_materialized_and_matmuls_are_blas():
    """Every node is at most 2-D and each dimension is one the inputs declare: a
    Jacobian would need a dimension like N*k or n_in*n_out."""
    X, Y = nn.input("X", 64), nn.input("Y", 10)
    model = nn.Sequential(nn.Dense(64, 32, name="1"), nn.Tanh(), nn.Dense(32, 32, name="2"),
                          nn.ReLU(), nn.Dense(32, 10, name="3"))
    L = losses.softmax_cross_entropy(model(X), Y) + losses.l2_penalty(model, sp.Rational(1, 1000))
    g = sg.grad(L, model.parameters())
    prog = g.program
    declared = {1} | {d for _, i in prog.inputs for d in prog.nodes[i].shape}
    for node in prog.nodes:
        assert len(node.shape) <= 2, node
        assert set(node.shape) <= declared, f"{node} has a dimension no input declares"
    N = 256
    biggest = max(_size(prog.nodes[i].shape, N) for _, i in prog.inputs)
    assert max(_size(n.shape, N) for n in prog.nodes) <= biggest

    step = sg.compile(L, wrt=model.parameters())
    matmuls = sum(1 for n in prog.nodes if n.op.__name__ == "MatMul")
    assert matmuls == 3 + 2 * 3 - 1     # forward, X^T delta per layer, delta W^T but the first
    assert step.source.count(" @ ") == matmuls
    for banned in ("np.dot", "einsum", "np.kron", "np.eye", "np.diag", "np.outer", "for "):
        assert banned not in step.source


def test_latex_and_str_show_the_layers():
    X, Y = nn.input("X", 3), nn.input("Y", 2)
    model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
    L = losses.softmax_cross_entropy(model(X), Y) + losses.l2_penalty(model, sp.Rational(1, 100))
    tex = sp.latex(L)
    for name in ("W_{1}", "b_{1}", "W_{2}", "b_{2}", r"\tanh", "logsumexp"):
        assert name in tex, (name, tex)
    text = str(L)
    for name in ("W1", "b1", "W2", "b2", "tanh.", "logsumexp"):
        assert name in text, (name, text)


def test_pretty_shows_the_layers():
    X, Y = nn.input("X", 3), nn.input("Y", 2)
    model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
    text = sp.pretty(losses.softmax_cross_entropy(model(X), Y))
    for name in ("W1", "b1", "W2", "b2", "tanh"):
        assert name in text, (name, text)


def test_explain_shows_the_delta_recursion():
    model, L = _tanh_ce_net()
    text = str(sg.explain(L, model.parameters()))
    for line in ("z_1 = X W1 + 1 b1", "a_1 = tanh(z_1)", "tanh'(z_1) = 1 - a_1 ∘ a_1",
                 "delta_1 = (delta_2 W2^T) ∘ tanh'(z_1)",
                 "dL/dW1 = X^T delta_1", "dL/db1 = 1^T delta_1",
                 "dL/dW2 = a_1^T delta_2", "dL/db2 = 1^T delta_2"):
        assert line in text, (line, text)


def test_explain_prints_the_relu_mask_readably():
    X, Y = nn.input("X", 4), nn.input("Y", 3)
    model = nn.Sequential(nn.Dense(4, 5, name="1"), nn.ReLU(), nn.Dense(5, 3, name="2"))
    text = str(sg.explain(losses.softmax_cross_entropy(model(X), Y), model.parameters()))
    assert "StrictGreaterThan" not in text and "z_1 > 0" in text, text


# -- errors ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def mnist_like():
    X, Y = nn.input("X", 64), nn.input("Y", 10)
    model = nn.Sequential(nn.Dense(64, 16, name="1"), nn.Tanh(), nn.Dense(16, 10, name="2"))
    step = sg.compile(losses.softmax_cross_entropy(model(X), Y), wrt=model.parameters())
    rng = np.random.default_rng(40)
    return step, random_params(model, rng), rng.normal(size=(8, 64)), np.eye(10)[rng.integers(0, 10, 8)]


def test_wrong_feature_count_names_argument_and_both_shapes(mnist_like):
    step, params, x, y = mnist_like
    with pytest.raises(ValueError, match=r"'X'.*\(8, 63\).*\(N, 64\)"):
        step(X=x[:, :63], Y=y, **params)


def test_batch_size_disagreement_names_both(mnist_like):
    step, params, x, y = mnist_like
    with pytest.raises(ValueError) as info:
        step(X=x, Y=y[:7], **params)
    msg = str(info.value)   # whichever argument is checked first sets N; both must be named
    for part in ("'X'", "'Y'", "N = ", "(N, "):
        assert part in msg, msg
    assert "(7, 10)" in msg or "(8, 64)" in msg, msg


def test_wrong_parameter_shape(mnist_like):
    step, params, x, y = mnist_like
    with pytest.raises(ValueError, match=r"'W2'.*\(10, 16\).*\(16, 10\)"):
        step(X=x, Y=y, **{**params, "W2": params["W2"].T})
    with pytest.raises(ValueError, match=r"'b1'"):
        step(X=x, Y=y, **{**params, "b1": np.zeros(15)})
    with pytest.raises(ValueError, match=r"'X'"):
        step(X=x[None], Y=y, **params)


def test_bias_as_a_column_is_rejected(mnist_like):
    step, params, x, y = mnist_like
    with pytest.raises(ValueError, match=r"'b1'.*\(16, 1\).*\(1, 16\)"):
        step(X=x, Y=y, **{**params, "b1": params["b1"].T})


def test_strided_fortran_and_read_only_arguments(mnist_like):
    step, params, x, y = mnist_like
    want_value, want_grads = step(X=x, Y=y, **params)
    big = np.zeros((16, 128))
    big[::2, ::2] = x
    frozen = {k: np.asfortranarray(v) for k, v in params.items()}
    for v in frozen.values():
        v.flags.writeable = False
    xf = np.asfortranarray(x)
    xf.flags.writeable = False
    for args in ({"X": big[::2, ::2], "Y": y, **params}, {"X": xf, "Y": y, **frozen}):
        value, grads = step(**args)
        assert_rel(value, want_value, 1e-12)     # BLAS rounds differently per layout
        for g, w in zip(grads, want_grads):
            assert_rel(g, w, 1e-12)


def test_out_of_range_labels_are_refused():
    X, Y = nn.input("X", 4), nn.input("Y", 1)
    layer = nn.Dense(4, 3, name="1")
    step = sg.compile(losses.softmax_cross_entropy(layer(X), Y), wrt=layer.parameters())
    params = random_params(layer, np.random.default_rng(41))
    with pytest.raises(ValueError, match="'Y'"):
        step(X=np.ones((2, 4)), Y=np.array([[0], [7]]), **params)


@pytest.mark.parametrize("bad", [np.zeros((8, 64), complex), np.full((8, 64), "a"),
                                 np.empty((8, 64), object)], ids=["complex", "str", "object"])
def test_wrong_dtype_is_a_type_error_naming_the_argument(mnist_like, bad):
    step, params, x, y = mnist_like
    with pytest.raises(TypeError, match=r"'X'"):
        step(X=bad, Y=y, **params)


def test_missing_and_unexpected_arguments(mnist_like):
    step, params, x, y = mnist_like
    with pytest.raises(TypeError, match=r"missing.*'Y'"):
        step(X=x, **params)
    with pytest.raises(TypeError, match=r"unexpected.*'Z'"):
        step(X=x, Y=y, Z=x, **params)


def test_dense_on_wrong_feature_count():
    layer = nn.Dense(4, 3, name="1")
    with pytest.raises(ValueError, match=r"4 input features.*\(N, 5\)"):
        layer(nn.input("X", 5))
    model = nn.Sequential(nn.Dense(4, 3, name="a"), nn.Tanh(), nn.Dense(4, 2, name="b"))
    with pytest.raises(ValueError, match="expects 4"):
        model(nn.input("X", 4))
    with pytest.raises(ValueError):
        nn.Dense(0, 3)
    with pytest.raises(TypeError):
        nn.Sequential(nn.Tanh(), "relu")


# -- random nets ----------------------------------------------------------------------------
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(act=st.sampled_from(list(ACTIVATIONS)), N=st.integers(1, 9), n_in=st.integers(1, 6),
       hidden=st.integers(1, 6), n_out=st.integers(2, 5), seed=st.integers(0, 2**16))
def test_random_nets_match_torch(act, N, n_in, hidden, n_out, seed):
    make, torch_act = ACTIVATIONS[act]
    rng = np.random.default_rng(seed)
    X, Y = nn.input("X", n_in), nn.input("Y", 1)
    model = nn.Sequential(nn.Dense(n_in, hidden, name="1"), make(), nn.Dense(hidden, n_out, name="2"))
    L = losses.softmax_cross_entropy(model(X), Y)
    inputs = {"X": rng.normal(size=(N, n_in)), "Y": _labels(rng, N, n_out)}

    def ref(ti, tp):
        return F.cross_entropy(dense(torch_act(dense(ti["X"], tp, "1")), tp, "2"), ti["Y"][:, 0])

    compare_with_torch(L, model.parameters(), ref, inputs, random_params(model, rng))
