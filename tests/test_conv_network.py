"""Whole convolutional networks against torch autograd, both backends: the T5
network (conv -> relu -> pool -> conv -> relu -> pool -> flatten -> dense ->
softmax-CE) in float64 and float32, one with batch norm and dropout, the
fused step's CSE, and bad input at declaration and at call time."""
from __future__ import annotations

import numpy as np
import pytest

import symgrad as sg
from symgrad import losses, nn

from _cnn import assert_close, check_step

torch = pytest.importorskip("torch")
F = torch.nn.functional
BACKENDS = ["numpy", "llvm"]


def t5_model():
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Dense(128, 10))


def t5_torch(X, Y, K0, b0, K3, b3, W7, b7):
    h = F.max_pool2d(F.relu(F.conv2d(X, K0, b0.reshape(-1), padding=1)), 2)
    h = F.max_pool2d(F.relu(F.conv2d(h, K3, b3.reshape(-1), padding=1)), 2)
    return F.cross_entropy(h.flatten(1) @ W7 + b7, Y.argmax(1))


def t5_arrays(n, seed):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 17, size=(n, 1, 8, 8)) / 16.0    # digits-like: ties inside windows
    x[:, :, :, :2] = 0.0                                  # and blank columns, as on the digits
    return {"X": x, "Y": np.eye(10)[rng.integers(0, 10, n)], **nn.init_params(t5_model(), seed=seed)}


@pytest.fixture(scope="module")
def t5():
    X, Y = nn.input("X", (1, 8, 8)), nn.input("Y", 10)
    model = t5_model()
    return losses.softmax_cross_entropy(model(X), Y), model.parameters()


@pytest.mark.parametrize("backend", BACKENDS)
def test_t5_network_matches_torch_float64(t5, backend):
    L, params = t5
    fn = sg.compile(L, wrt=params, backend=backend)
    for n, seed in ((6, 0), (1, 1)):
        check_step(fn, t5_arrays(n, seed), t5_torch, ["K0", "b0", "K3", "b3", "W7", "b7"])


@pytest.mark.parametrize("backend", BACKENDS)
def test_t5_network_float32(t5, backend):
    """float32 against torch in float64 from the same (float32-rounded) inputs.

    Each gradient entry is a chain of dot products: at most 144 terms in the
    second convolution (16 channels x 3x3), 128 in the dense layer, 32x9 in the
    input gradient of the second convolution and N*OH*OW = 6*64 in the first
    kernel's gradient; with unit roundoff u = 2**-24 = 6e-8 the worst-case
    bound n*u over the ~1000 terms of the longest chain is 6e-5 of the
    largest entry, so 1e-4 is the tolerance (the errors measured are below 5e-7).
    """
    L, params = t5
    fn = sg.compile(L, wrt=params, backend=backend, dtype="float32")
    arrays = {k: v.astype(np.float32) for k, v in t5_arrays(6, 0).items()}
    value, grads = fn(**arrays)
    assert np.asarray(value).dtype == np.float32 and grads["K3"].dtype == np.float32
    check_step(fn, arrays, t5_torch, ["K0", "b0", "K3", "b3", "W7", "b7"], rtol=1e-4)


def test_the_fused_step_computes_each_convolution_once(t5):
    """Forward: one GEMM per convolution and one for the dense layer; backward: two per
    layer (weight and input gradients) but none for the network's input.  Windows:
    one per convolution and per pooling layer, none recomputed by the reverse sweep."""
    L, params = t5
    nodes = sg.grad(L, params).program.nodes
    count = {op: sum(n.op.__name__ == op for n in nodes) for op in ("MatMul", "Windows", "FoldWindows")}
    assert count == {"MatMul": 3 + 5, "Windows": 4, "FoldWindows": 3}
    # and the forward im2col of each convolution is one node read by both of its GEMMs
    # (the kernel gradient reads it transposed: cols.T @ delta)
    unwrap = [nodes[a].args[0] if nodes[a].op.__name__ == "Transpose" else a for a in range(len(nodes))]
    gemm_args = [unwrap[a] for n in nodes if n.op.__name__ == "MatMul" for a in n.args]
    reshapes = [i for i, n in enumerate(nodes) if n.op.__name__ == "Reshape"
                and nodes[n.args[0]].op.__name__ == "Permute"
                and nodes[nodes[n.args[0]].args[0]].op.__name__ == "Windows"]
    assert len(reshapes) == 2 and all(gemm_args.count(i) == 2 for i in reshapes)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_batch_norm_and_dropout_network_matches_torch(backend, dtype):
    """float32: the longest sums are the batch statistics and their adjoints over
    N*H*W = 150 entries, the convolution's 18-term dot products and its kernel
    gradient over 150 positions; n*u over the ~500 terms of the longest chain is
    3e-5, so 1e-4 relative to the largest entry (measured: below 5e-6)."""
    X, Y = nn.input("X", (2, 6, 5)), nn.input("Y", 4)
    # no bias before a batch norm: its gradient is exactly 0 (the mean removes it); tanh,
    # not relu, between the two batch norms: relu and max-pooling are positively homogeneous,
    # so the second norm would make the loss nearly invariant to gamma1, whose gradient
    # would then be a sum cancelling to 1e-5 of its terms, too ill-conditioned for float32
    model = nn.Sequential(nn.Conv2d(2, 4, 3, padding=1, bias=False), nn.BatchNorm2d(4), nn.Tanh(),
                          nn.MaxPool2d(2), nn.Flatten(), nn.BatchNorm1d(24), nn.Dropout(0.4),
                          nn.Dense(24, 4))
    L = losses.softmax_cross_entropy(model(X), Y)
    fn = sg.compile(L, wrt=model.parameters(), backend=backend, state=model.state(),
                    roles=model.roles(), dtype=dtype)
    rng = np.random.default_rng(12)
    arrays = {"X": rng.normal(size=(5, 2, 6, 5)), "Y": np.eye(4)[rng.integers(0, 4, 5)],
              **nn.init_params(model, seed=2), **model.initial_state(),
              **nn.draw_masks(model, batch=5, rng=rng)}
    arrays = {k: v.astype(dtype) for k, v in arrays.items()}

    def torch_loss(X, Y, K0, gamma1, beta1, gamma5, beta5, mask6, W7, b7, **state):
        h = F.conv2d(X, K0, padding=1)
        h = F.batch_norm(h, None, None, gamma1.reshape(-1), beta1.reshape(-1), training=True)
        h = F.max_pool2d(torch.tanh(h), 2).flatten(1)
        h = F.batch_norm(h, None, None, gamma5.reshape(-1), beta5.reshape(-1), training=True)
        return F.cross_entropy((h * mask6) @ W7 + b7, Y.argmax(1))

    check_step(fn, arrays, torch_loss, [str(p.name) for p in model.parameters()],
               rtol=1e-10 if dtype == "float64" else 1e-4)
    out = fn(**arrays)
    assert set(out.state) == {"running_mean1", "running_var1", "running_mean5", "running_var5"}


def test_bad_layers_are_refused_at_declaration():
    X = nn.input("X", (3, 6, 5))
    model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.Conv2d(4, 8, 3))
    with pytest.raises(ValueError, match=r"Conv2d\(4, 8, 3, name='2'\): the input of shape "
                                         r"\(N, 8, 4, 3\) has 8 channels but the kernel of shape "
                                         r"\(8, 4, 3, 3\) expects 4"):
        model(X)
    with pytest.raises(ValueError, match=r"Conv2d\(3, 2, 5, name='k'\): the kernel 5x5 \(shape "
                                         r"\(2, 3, 5, 5\)\) is larger than the padded image 6x3 of the input of shape "
                                         r"\(N, 3, 6, 3\)"):
        nn.Conv2d(3, 2, 5, name="k")(nn.input("Z", (3, 6, 3)))
    with pytest.raises(ValueError, match=r"Conv2d: stride must be at least 1, got 0"):
        nn.Conv2d(3, 2, 3, stride=0)
    with pytest.raises(ValueError, match=r"Conv2d: padding must be at least 0, got -1"):
        nn.Conv2d(3, 2, 3, padding=-1)
    for bad, what in ((3.5, "in_ch"), ("3", "in_ch")):
        with pytest.raises(TypeError, match=f"Conv2d: {what} must be an int"):
            nn.Conv2d(bad, 2, 3)
    with pytest.raises(TypeError, match=r"Conv2d: kernel_size must be an int or a pair of ints, "
                                        r"not float 3.0"):
        nn.Conv2d(3, 2, 3.0)
    with pytest.raises(ValueError, match=r"Dense\(100, 10, name='4'\) expects 100 input features, "
                                         r"got an input of shape \(N, 48\)"):
        nn.Sequential(nn.Conv2d(3, 4, 3), nn.MaxPool2d(1), nn.ReLU(), nn.Flatten(),
                      nn.Dense(100, 10))(X)
    with pytest.raises(ValueError, match=r"4-D \(N, C, H, W\) input, got shape \(N, 3\)"):
        nn.Conv2d(3, 2, 1, name="m")(nn.input("M", 3))


@pytest.mark.parametrize("backend", BACKENDS)
def test_wrong_image_shapes_are_refused_before_the_kernel_runs(t5, backend):
    L, params = t5
    fn = sg.compile(L, wrt=params, backend=backend)
    arrays = t5_arrays(3, 0)
    calls = []
    real = fn.kernel
    fn.kernel = lambda *a: calls.append(a) or real(*a)
    bad = [("X", np.zeros((3, 1, 8, 7)), r"argument 'X' has shape \(3, 1, 8, 7\); expected \(N, 1, 8, 8\)"),
           ("X", np.zeros((3, 2, 8, 8)), r"argument 'X' has shape \(3, 2, 8, 8\); expected \(N, 1, 8, 8\)"),
           ("X", np.zeros((3, 64)), r"argument 'X' has shape \(3, 64\); expected \(N, 1, 8, 8\) \(a 4-D"),
           ("X", np.zeros((4, 1, 8, 8)), r"expected \(N, 10\) with N = 4 \(from 'X'\)"),
           ("K3", np.zeros((32, 16, 3)), r"argument 'K3' has shape \(32, 16, 3\); expected "
                                        r"\(32, 16, 3, 3\)")]
    for name, value, message in bad:
        with pytest.raises(ValueError, match=message):
            fn(**{**arrays, name: value})
    assert calls == []
    value, _ = fn(**arrays)
    assert len(calls) == 1 and np.isfinite(value)
    assert_close(value, fn(**arrays)[0])


def test_hessian_vector_product_through_conv_pool_and_batch_norm():
    """Reverse over reverse: the lowered ops close under differentiation, and the max-pool
    mask (comparisons) routes the second adjoint as torch's double backward does.
    (NumPy only: the llvm build of this second-order program takes ~10 s.)"""
    X, Y = nn.input("X", (2, 6, 5)), nn.input("Y", 3)
    model = nn.Sequential(nn.Conv2d(2, 3, 3, padding=1, bias=False), nn.BatchNorm2d(3), nn.Tanh(),
                          nn.MaxPool2d(2), nn.Flatten(), nn.Dense(18, 3))
    fn = sg.hvp(losses.softmax_cross_entropy(model(X), Y), model.parameters(), backend="numpy")
    rng = np.random.default_rng(6)
    params = nn.init_params(model, seed=0)
    params.update(gamma1=rng.uniform(0.5, 1.5, (3, 1, 1)), beta1=rng.normal(size=(3, 1, 1)))
    tangents = {f"v_{k}": rng.normal(size=v.shape) for k, v in params.items()}
    data = {"X": rng.normal(size=(4, 2, 6, 5)), "Y": np.eye(3)[rng.integers(0, 3, 4)]}
    out = fn(**data, **params, **tangents)

    ts = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    h = F.conv2d(torch.tensor(data["X"]), ts["K0"], padding=1)
    h = F.batch_norm(h, None, None, ts["gamma1"].reshape(-1), ts["beta1"].reshape(-1), training=True)
    h = F.max_pool2d(torch.tanh(h), 2).flatten(1)
    loss = F.cross_entropy(h @ ts["W5"] + ts["b5"], torch.tensor(data["Y"]).argmax(1))
    grads = torch.autograd.grad(loss, list(ts.values()), create_graph=True)
    dot = sum((g * torch.tensor(tangents[f"v_{k}"])).sum() for g, k in zip(grads, ts))
    for (k, t), want in zip(ts.items(), torch.autograd.grad(dot, list(ts.values()))):
        assert_close(np.reshape(out.aux[f"hvp_{k}"], want.shape), want.numpy(), what=f"hvp_{k}")
