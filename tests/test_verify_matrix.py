"""sg.check on networks: hand formulas in the notes' matrix notation.

Every counterexample is confirmed independently: the hand formula is
evaluated with NumPy in float64 at the reported inputs and compared with
PyTorch autograd's gradient there, entry by entry.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
import torch

import symgrad as sg
from symgrad import losses, nn
from symgrad.tensor import Elementwise, Softmax

N = nn.BATCH
d = sp.Dummy("d")


def mlp(act=sp.tanh):
    X, Y = nn.input("X", 4), nn.input("Y", 3)
    l1, l2 = nn.Dense(4, 5, name="1"), nn.Dense(5, 3, name="2")
    Z1 = l1(X)
    A1 = Elementwise(act, Z1)
    Z2 = l2(A1)
    return X, Y, l1, l2, Z1, A1, Z2


def torch_grads(point, loss_name, act):
    """PyTorch's gradients of the 2-layer network at ``point`` (float64)."""
    t = {k.name: torch.tensor(np.array(v.tolist(), dtype=np.float64), requires_grad=True)
         for k, v in point.items()}
    z1 = t["X"] @ t["W1"] + t["b1"]
    a1 = torch.tanh(z1) if act is sp.tanh else torch.relu(z1)
    z2 = a1 @ t["W2"] + t["b2"]
    if loss_name == "mse":
        loss = ((z2 - t["Y"]) ** 2).mean()
    else:
        # the loss as symgrad writes it (rows of Y need not sum to 1 at a random point)
        loss = (torch.logsumexp(z2, 1).sum() - (t["Y"] * z2).sum()) / z2.shape[0]
    loss.backward()
    return {k: v.grad.numpy() for k, v in t.items()}


def hand_float(expr, point, sizes):
    """The hand formula in float64 at the point (SymPy evaluates the explicit matrices)."""
    subs = {k: sp.ImmutableMatrix(v) for k, v in point.items()}
    subs.update(sizes)
    e = expr.xreplace(subs)
    return np.array(sp.Matrix(e.doit()).evalf(30).tolist(), dtype=np.float64)


def test_the_issue_example_is_decided():
    X, Y, l1, l2, Z1, H, Z2 = mlp()
    L = losses.mse(Z2, Y)
    res = sg.check(2 / (3 * N) * H.T * (Z2 - Y), L, [l2.W])
    assert res.ok and res.method == "numeric" and res.points >= 3


def test_full_delta_recursion_of_the_notes():
    X, Y, l1, l2, Z1, H, Z2 = mlp()
    L = losses.mse(Z2, Y)
    d2 = 2 / (3 * N) * (Z2 - Y)
    d1 = sp.HadamardProduct(d2 * l2.W.T, sp.OneMatrix(N, 5) - sp.HadamardProduct(H, H))
    hand = [H.T * d2, sp.OneMatrix(1, N) * d2, X.T * d1, sp.OneMatrix(1, N) * d1]
    assert sg.check(hand, L, [l2.W, l2.b, l1.W, l1.b]).ok


def test_a_wrong_factor_gets_an_actionable_counterexample():
    X, Y, l1, l2, Z1, H, Z2 = mlp()
    L = losses.mse(Z2, Y)
    hand = 1 / (3 * N) * H.T * (Z2 - Y)        # the 2 of the square's derivative is missing
    res = sg.check(hand, L, [l2.W])
    assert not res.ok and res.wrong == (l2.W,) and res.method == "numeric"
    n = res.sizes[N]
    assert n in (2, 3) and res.counterexample[X].shape == (n, 4)
    i, j = res.entries[l2.W]
    ref = torch_grads(res.counterexample, "mse", sp.tanh)["W2"]
    mine = hand_float(hand, res.counterexample, res.sizes)
    assert abs(float(res.true_value[l2.W]) - ref[i, j]) < 1e-12 * max(1, abs(ref[i, j]))
    assert abs(float(res.hand_value[l2.W]) - mine[i, j]) < 1e-12 * max(1, abs(mine[i, j]))
    assert abs(mine[i, j] - ref[i, j]) > 1e-6
    text = str(res)
    assert f"d/dW2 entry ({i}, {j})" in text and f"N={n}" in text
    assert "departs at layer 2" in text and "one is 1/2 times delta_2" in text


def test_sigma_prime_from_a_instead_of_z_departs_at_layer_1():
    X, Y, l1, l2, Z1, H, Z2 = mlp()
    L = losses.mse(Z2, Y)
    d2 = 2 / (3 * N) * (Z2 - Y)
    d1 = sp.HadamardProduct(d2 * l2.W.T, sp.OneMatrix(N, 5) - H)   # 1 - a, not 1 - a o a
    res = sg.check([H.T * d2, X.T * d1], L, [l2.W, l1.W])
    assert not res.ok and res.wrong == (l1.W,)
    i, j = res.entries[l1.W]
    ref = torch_grads(res.counterexample, "mse", sp.tanh)["W1"]
    assert abs(float(res.true_value[l1.W]) - ref[i, j]) < 1e-12 * max(1, abs(ref[i, j]))
    assert any("departs at layer 1" in n and "agrees with delta_2" in n for n in res.notes)


@pytest.mark.parametrize("hand, message", [
    (lambda X, H, d2, l2: d2.T * H, "d/dW2: the hand gradient has shape (3, 5), expected (5, 3)"),
    (lambda X, H, d2, l2: d2, "the hand gradient has shape (N, 3), expected (5, 3)"),
])
def test_shape_errors_are_reported_as_such(hand, message):
    X, Y, l1, l2, Z1, H, Z2 = mlp()
    L = losses.mse(Z2, Y)
    d2 = 2 / (3 * N) * (Z2 - Y)
    res = sg.check(hand(X, H, d2, l2), L, [l2.W])
    assert not res.ok and res.method == "shape" and res.wrong == (l2.W,)
    assert message in str(res)


def test_bias_gradient_summed_over_the_wrong_axis_is_a_shape_error():
    X, Y, l1, l2, Z1, H, Z2 = mlp()
    L = losses.mse(Z2, Y)
    d2 = 2 / (3 * N) * (Z2 - Y)
    res = sg.check(d2 * sp.OneMatrix(3, 1), L, [l2.b])        # row sums, (N, 1)
    assert res.method == "shape" and "shape (N, 1), expected (1, 3)" in str(res)


def test_relu_softmax_network_is_decided_exactly_or_at_50_digits():
    X, Y, l1, l2, Z1, A1, Z2 = mlp(sg.relu)
    Lm = losses.mse(Z2, Y)
    step = Elementwise(sp.Lambda(d, sp.Heaviside(d)), Z1)
    e2 = 2 * (Z2 - Y) / (3 * N)
    e1 = sp.HadamardProduct(e2 * l2.W.T, step)
    res = sg.check([A1.T * e2, sp.OneMatrix(1, N) * e2, X.T * e1, sp.OneMatrix(1, N) * e1], Lm,
                   [l2.W, l2.b, l1.W, l1.b])
    assert res.ok and res.method == "exact"          # rational all the way: a proof per point
    bad = sg.check(sp.OneMatrix(1, N) * e1 * 2, Lm, [l1.b])
    assert not bad.ok and bad.method == "exact"
    assert bad.hand_value[l1.b] == 2 * bad.true_value[l1.b] != 0
    Ls = losses.softmax_cross_entropy(Z2, Y)
    s2 = (Softmax(Z2) - Y) / N
    assert sg.check([A1.T * s2, sp.OneMatrix(1, N) * s2], Ls, [l2.W, l2.b]).ok
    wrong = sg.check(A1.T * (Softmax(Z2) - Y), Ls, [l2.W])           # no 1/N
    assert not wrong.ok
    i, j = wrong.entries[l2.W]
    ref = torch_grads(wrong.counterexample, "ce", sg.relu)["W2"]
    assert abs(float(wrong.true_value[l2.W]) - ref[i, j]) < 1e-12 * max(1, abs(ref[i, j]))


def test_structurally_identical_hand_is_proved_symbolically():
    X, Y, l1, l2, Z1, H, Z2 = mlp()
    L = losses.mse(Z2, Y)
    g = sg.grad(L, [l2.W])
    res = sg.check(g[l2.W], L, [l2.W])
    assert res.ok and res.method == "symbolic"


def test_weight_decay_with_a_scalar_symbol_and_class_labels():
    X, Y = nn.input("X", 4), nn.input("Y", 1)             # Y: integer class labels
    l1 = nn.Dense(4, 3, name="1")
    lam = sp.Symbol("lambda", positive=True)
    L = losses.softmax_cross_entropy(l1(X), Y) + losses.l2_penalty([l1.W], lam)
    delta = (Softmax(l1(X)) - sg.tensor.OneHot(Y, 3)) / N
    res = sg.check(X.T * delta + 2 * lam * l1.W, L, [l1.W])
    assert res.ok and res.method == "numeric"
    bad = sg.check(X.T * delta + lam * l1.W, L, [l1.W])       # the 2 of d(W o W) missing
    assert not bad.ok
    labels = bad.counterexample[Y]
    assert all(v in (0, 1, 2) for v in labels) and bad.counterexample[lam] > 0
    i, j = bad.entries[l1.W]
    W = bad.counterexample[l1.W]
    assert abs(bad.true_value[l1.W] - bad.hand_value[l1.W] - bad.counterexample[lam] * W[i, j]) < 1e-40


def test_a_ratio_names_a_missing_batch_mean_at_the_sizes_used():
    X, Y, l1, l2, Z1, H, Z2 = mlp(sg.relu)
    L = losses.mse(Z2, Y)
    res = sg.check(sp.Rational(2, 3) * H.T * (Z2 - Y), L, [l2.W])        # 1/N forgotten
    assert not res.ok and res.method == "exact"
    n = res.sizes[N]
    assert f"one is {n} times delta_2" in res.notes[0]
