"""sg.check with 4-D parameters: a convolution's kernel, by the notes' correlation formula.

The hand gradient of a conv kernel is the cross-correlation of the layer's
input with its delta (batch and channels swapped by ``Permute``), written
with the same SymPy classes the network is declared with.  Counterexamples
are confirmed with PyTorch autograd in float64 at the reported inputs.
"""
from __future__ import annotations

import numpy as np
import sympy as sp
import torch
from sympy.tensor.array.expressions import ArraySymbol

import symgrad as sg
from symgrad import losses, nn
from symgrad.frontend.arrays import Conv2D
from symgrad.ir.movement import Permute, Reshape
from symgrad.tensor import Sum

B = 3                    # the kernel's correlation takes the batch as channels: a number
X = nn.input("X", (1, 5, 5), batch=B)
Y = nn.input("Y", 3, batch=B)
CONV, DENSE = nn.Conv2d(1, 2, 3, padding=1, name="1"), nn.Dense(50, 3, name="2")
A1 = sp.tanh(CONV(X))
Z = DENSE(nn.Flatten()(A1))
L = losses.mse(Z, Y)
D2 = 2 * (Z - Y) / (3 * B)
BACK = Reshape(D2 * DENSE.W.T, (B, 2, 5, 5))


def kernel_gradient(d1):
    swap = (1, 0, 2, 3)
    return Permute(Conv2D(Permute(X, swap), Permute(d1, swap), padding=1), swap)


def torch_grad_K(point):
    t = {str(k): torch.tensor(np.array(v.tolist(), dtype=np.float64), requires_grad=True)
         for k, v in point.items()}
    a = torch.tanh(torch.nn.functional.conv2d(t["X"], t["K1"], t["b1"].reshape(-1), padding=1))
    z = a.reshape(B, -1) @ t["W2"] + t["b2"]
    ((z - t["Y"]) ** 2).mean().backward()
    return t["K1"].grad.numpy()


def test_conv_kernel_gradient_by_correlation():
    res = sg.check(kernel_gradient(BACK * (1 - A1**2)), L, [CONV.K])
    assert res.ok and res.method == "numeric"


def test_conv_kernel_with_sigma_prime_of_a_is_caught_at_a_4d_entry():
    res = sg.check(kernel_gradient(BACK * (1 - A1)), L, [CONV.K])
    assert not res.ok and res.wrong == (CONV.K,)
    idx = res.entries[CONV.K]
    assert len(idx) == 4 and res.counterexample[X].shape == (B, 1, 5, 5)
    ref = torch_grad_K(res.counterexample)[idx]
    assert abs(float(res.true_value[CONV.K]) - ref) < 1e-12 * max(1.0, abs(ref))
    assert f"d/dK1 entry {idx}" in str(res)


def test_dense_layer_after_a_convolution_and_shape_errors():
    H = nn.Flatten()(A1)
    assert sg.check([H.T * D2, sp.OneMatrix(1, B) * D2], L, [DENSE.W, DENSE.b]).ok
    res = sg.check(Permute(kernel_gradient(BACK * (1 - A1**2)), (1, 0, 2, 3)), L, [CONV.K])
    assert res.method == "shape" and "shape (1, 2, 3, 3), expected (2, 1, 3, 3)" in str(res)


def test_entrywise_4d_parameter_is_decided_exactly():
    K = ArraySymbol("K", (2, 1, 2, 2))
    V = ArraySymbol("V", (2, 1, 2, 2))
    f = Sum(K**3 * V)
    assert sg.check(3 * K**2 * V, f, [K]).method in ("exact", "symbolic")
    bad = sg.check(3 * K * V, f, [K])
    assert not bad.ok and bad.method == "exact" and len(bad.entries[K]) == 4
    i = bad.entries[K]
    k, v = bad.counterexample[K][i], bad.counterexample[V][i]
    assert bad.true_value[K] == 3 * k**2 * v and bad.hand_value[K] == 3 * k * v
