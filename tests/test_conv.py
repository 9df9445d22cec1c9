"""nn.Conv2d against torch autograd in float64: strides, paddings, kernels 1, 3, 5,
non-square images and kernels, several channels, batch size 1, both backends.

One compiled step per kernel size and backend holds four convolutions (stride
1 and 2 times padding 0 and 1) of the same input, so every combination is
checked without a compile for each.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import symgrad as sg
from symgrad import nn
from symgrad.tensor import Sum

from _cnn import check_step

torch = pytest.importorskip("torch")
F = torch.nn.functional
BACKENDS = ["numpy", "llvm"]
COMBOS = [(1, 0), (1, 1), (2, 0), (2, 1)]     # (stride, padding)


@pytest.mark.parametrize("kernel", [1, 3, 5])
@pytest.mark.parametrize("backend", BACKENDS)
def test_conv2d_layers_match_torch(kernel, backend):
    rng = np.random.default_rng(100 + kernel)
    X = nn.input("X", (3, 7, 6))                       # non-square, three channels
    layers = [nn.Conv2d(3, 2, kernel, stride=s, padding=p, name=f"s{s}p{p}") for s, p in COMBOS]
    outs = [layer(X) for layer in layers]
    targets = [sp.tensor.array.expressions.ArraySymbol(f"T{layer.name}", out_shape)
               for layer, out_shape in zip(layers, (sg_shape(o) for o in outs))]
    L = sp.Add(*(Sum(o * t) for o, t in zip(outs, targets)))   # linear: dK, dX, db are exactly
    # the correlation of X with T, the transposed convolution of T and the sum of T
    wrt = [X] + [p for layer in layers for p in layer.parameters()]
    fn = sg.compile(L, wrt=wrt, backend=backend)

    def torch_loss(X, **a):
        total = 0
        for (s, p), layer in zip(COMBOS, layers):
            z = F.conv2d(X, a[f"K{layer.name}"], a[f"b{layer.name}"].reshape(-1), stride=s, padding=p)
            total = total + (z * a[f"T{layer.name}"]).sum()
        return total

    for n in (2, 1):                                   # batch size 1 with the same step
        arrays = {"X": rng.normal(size=(n, 3, 7, 6))}
        arrays.update({k: v for layer in layers for k, v in nn.init_params(layer, seed=n).items()})
        for layer, o in zip(layers, outs):
            shape = (n,) + sg_shape(o)[1:]
            arrays[f"T{layer.name}"] = rng.normal(size=shape)
        check_step(fn, arrays, torch_loss, [str(w.name) for w in wrt])


@pytest.mark.parametrize("backend", BACKENDS)
def test_rectangular_kernel_without_bias(backend):
    rng = np.random.default_rng(7)
    X = nn.input("X", (2, 6, 9))
    conv = nn.Conv2d(2, 4, (3, 2), stride=(2, 1), padding=(1, 0), bias=False, name="r")
    y = conv(X)
    assert str(y) == "conv2d(X, Kr, stride=(2, 1), padding=(1, 0))"
    T = sp.tensor.array.expressions.ArraySymbol("T", sg_shape(y))
    fn = sg.compile(Sum(sg.relu(y) * T), wrt=[X, conv.K], backend=backend)
    arrays = {"X": rng.normal(size=(3, 2, 6, 9)), "Kr": rng.normal(size=(4, 2, 3, 2)),
              "T": rng.normal(size=(3,) + sg_shape(y)[1:])}
    check_step(fn, arrays, lambda X, Kr, T: (F.relu(F.conv2d(X, Kr, stride=(2, 1), padding=(1, 0)))
                                             * T).sum(), ["X", "Kr"])


def test_init_params_as_torch_conv2d():
    """Kernel and bias uniform in +-1/sqrt(in_ch*KH*KW), torch's Conv2d.reset_parameters."""
    conv = nn.Conv2d(4, 64, 3, name="1")
    p = nn.init_params(conv, seed=3)
    ref = torch.nn.Conv2d(4, 64, 3)
    bound = 1 / np.sqrt(4 * 9)
    for name, t in (("K1", ref.weight), ("b1", ref.bias)):
        got, want = p[name].ravel(), t.detach().numpy().ravel()
        assert p[name].size == want.size
        assert np.abs(got).max() <= bound and np.abs(want).max() <= bound
        # the same distribution: the largest draws come near the bound for both
        assert np.abs(got).max() > 0.9 * bound and np.abs(want).max() > 0.9 * bound
        assert abs(got.std() - bound / np.sqrt(3)) < 0.1 * bound
    assert p["K1"].shape == (64, 4, 3, 3) and p["b1"].shape == (64, 1, 1)


def sg_shape(expr):
    from symgrad.frontend.arrays import shape_of
    return shape_of(expr)


def test_l2_penalty_covers_conv_kernels():
    """Kernels are weights (biases are not), squared entrywise; against torch autograd."""
    from symgrad import losses
    model = nn.Sequential(nn.Conv2d(2, 3, 3), nn.ReLU(), nn.Flatten(), nn.Dense(12, 2))
    L = losses.l2_penalty(model, 0.01)
    assert str(L) == "0.01*sum(K0**2) + 0.01*sum(HadamardProduct(W3, W3))"
    fn = sg.compile(L, wrt=model.parameters())
    check_step(fn, nn.init_params(model, seed=4),
               lambda K0, b0, W3, b3: 0.01 * ((K0 ** 2).sum() + (W3 ** 2).sum()) + 0 * (b0.sum() + b3.sum()),
               ["K0", "b0", "W3", "b3"])
