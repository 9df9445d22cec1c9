"""sg.check_numpy catches the classic bugs of a hand-written NumPy backward pass.

The network is T3's MLP (64-256-256-10, tanh, softmax cross-entropy, batch
256).  The correct backward pass is the notes' vectorized recursion; it is
also compared with PyTorch autograd in float64 here, so the reference the
bugs are measured against is independent of symgrad.
"""
from __future__ import annotations

import numpy as np
import pytest
import torch

import symgrad as sg
from symgrad import losses, nn

SIZES = [64, 256, 256, 10]
X, Y = nn.input("X", 64), nn.input("Y", 10)
MODEL = nn.Sequential(nn.Dense(64, 256, name="1"), nn.Tanh(), nn.Dense(256, 256, name="2"), nn.Tanh(),
                      nn.Dense(256, 10, name="3"))
LOSS = losses.softmax_cross_entropy(MODEL(X), Y)
PARAMS = MODEL.parameters()


def backward(X, Y, W1, b1, W2, b2, W3, b3, bug=None):
    """The notes' backprop; ``bug`` plants one classic mistake."""
    Ws, bs = [W1, W2, W3], [b1, b2, b3]
    hs, zs = [X], []
    for i, (W, b) in enumerate(zip(Ws, bs)):
        z = hs[-1] @ W + b
        zs.append(z)
        hs.append(np.tanh(z) if i < 2 else z)
    z = hs[-1] - hs[-1].max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    n = X.shape[0]
    d = (p - Y) if bug == "missing 1/N" else (p - Y) / n
    if bug == "sign":
        d = -d
    grads = {}
    for i in reversed(range(3)):
        grads[f"W{i + 1}"] = hs[i].T @ d
        grads[f"b{i + 1}"] = d.sum(axis=1) if bug == "bias axis" else d.sum(axis=0)
        if i:
            back = d @ Ws[i] if bug == "transposed weight" and i == 1 else d @ Ws[i].T
            a = hs[i]
            slope = 1 - np.tanh(a) ** 2 if bug == "sigma'(a)" else 1 - a * a
            d = back * slope
    if bug == "transposed dW":
        grads["W1"] = grads["W1"].T
    return grads


def test_the_correct_backward_pass_matches_torch_and_passes():
    res = sg.check_numpy(backward, LOSS, PARAMS, sizes={nn.BATCH: 256})
    assert res.ok and res.max_rel_error <= 1e-8, str(res)
    t = {k: torch.tensor(v, requires_grad=True) for k, v in res.inputs.items()}
    h = torch.tanh(t["X"] @ t["W1"] + t["b1"])
    h = torch.tanh(h @ t["W2"] + t["b2"])
    z = h @ t["W3"] + t["b3"]
    (-(t["Y"] * torch.log_softmax(z, 1)).sum() / 256).backward()
    mine = backward(**res.inputs)
    for name in ("W1", "b1", "W2", "b2", "W3", "b3"):
        ref = t[name].grad.numpy().reshape(np.shape(mine[name]))
        assert np.allclose(mine[name], ref, rtol=1e-10, atol=1e-14)


@pytest.mark.parametrize("bug, wrong", [
    ("missing 1/N", {"W1", "b1", "W2", "b2", "W3", "b3"}),
    ("sign", {"W1", "b1", "W2", "b2", "W3", "b3"}),
    ("transposed weight", {"W1", "b1"}),       # W2 is 256 x 256: same shape, wrong values
    ("sigma'(a)", {"W1", "b1", "W2", "b2"}),
    ("bias axis", {"b1", "b2", "b3"}),
])
def test_each_classic_bug_is_caught(bug, wrong):
    res = sg.check_numpy(lambda **kw: backward(**kw, bug=bug), LOSS, PARAMS, sizes={nn.BATCH: 256})
    assert not res.ok
    flagged = {n for n, r in res.rel_errors.items() if r > res.threshold}
    assert flagged == wrong, str(res)
    assert min(res.rel_errors[n] for n in wrong) > 1e-3       # far beyond rounding


def test_shape_errors_name_both_shapes():
    res = sg.check_numpy(lambda **kw: backward(**kw, bug="transposed dW"), LOSS, PARAMS,
                         sizes={nn.BATCH: 256})
    assert res.shape_errors == {"W1": "expected (64, 256), got (256, 64)"}
    assert "W1: shape: expected (64, 256), got (256, 64)" in str(res)
    biased = sg.check_numpy(lambda **kw: backward(**kw, bug="bias axis"), LOSS, PARAMS,
                            sizes={nn.BATCH: 256})
    assert biased.shape_errors == {"b3": "expected (1, 10), got (256,)"}    # b1, b2 differ in value


def test_bad_hand_function_results_are_named():
    with pytest.raises(ValueError, match=r"no gradient for \['b3'\]"):
        sg.check_numpy(lambda **kw: {k: v for k, v in backward(**kw).items() if k != "b3"},
                       LOSS, PARAMS, sizes={nn.BATCH: 8})
    with pytest.raises(TypeError, match="hand_fn must be a function"):
        sg.check_numpy(None, LOSS, PARAMS)


def test_llvm_backend_and_given_data():
    X, Y = nn.input("X", 8), nn.input("Y", 1)                 # integer class labels
    model = nn.Sequential(nn.Dense(8, 6, name="1"), nn.Sigmoid(), nn.Dense(6, 3, name="2"))
    L = losses.softmax_cross_entropy(model(X), Y)

    def backward(X, Y, W1, b1, W2, b2, bug=None):
        a1 = 1 / (1 + np.exp(-(X @ W1 + b1)))
        z2 = a1 @ W2 + b2
        p = np.exp(z2 - z2.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        d2 = (p - np.eye(3)[Y.ravel().astype(int)]) / len(X)
        s = 1 / (1 + np.exp(-a1)) if bug else a1              # sigma'(z) from a: sigma(a)(1 - sigma(a))
        d1 = (d2 @ W2.T) * s * (1 - s)
        return [X.T @ d1, d1.sum(axis=0), a1.T @ d2, d2.sum(axis=0)]

    data = {"X": np.random.default_rng(5).standard_normal((10, 8))}
    res = sg.check_numpy(backward, L, model.parameters(), at=data, backend="llvm")
    assert res.ok, str(res)
    assert res.inputs["X"] is not data["X"] and np.array_equal(res.inputs["X"], data["X"])
    assert set(np.unique(res.inputs["Y"])) <= {0.0, 1.0, 2.0}
    bad = sg.check_numpy(lambda **kw: backward(**kw, bug=True), L, model.parameters(), at=data,
                         backend="llvm")
    assert {n for n, r in bad.rel_errors.items() if r > bad.threshold} == {"W1", "b1"}
