"""Second order through the n-D ops: a small CNN's Hessian-vector product against torch.

conv (Pad, Windows, Permute, Reshape, MatMul) -> tanh -> max-pool (Windows,
ReduceMax, first-maximum routing) -> flatten -> dense -> softmax
cross-entropy (RowMax): the second reverse sweep differentiates FoldWindows,
Shrink and the routing gates the first sweep emitted.  Float64, both backends.
"""
from __future__ import annotations

import numpy as np
import pytest
import torch

import symgrad as sg
from symgrad import losses, nn

F = torch.nn.functional


def _cnn():
    X, Y = nn.input("X", (1, 6, 6)), nn.input("Y", 3)
    model = nn.Sequential(nn.Conv2d(1, 2, 3, padding=1, name="1"), nn.Tanh(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Dense(18, 3, name="2"))
    return losses.softmax_cross_entropy(model(X), Y), model.parameters()


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_cnn_hvp_matches_torch_double_backward(backend):
    L, params = _cnn()
    rng = np.random.default_rng(3)
    shapes = {str(p): tuple(int(d) for d in p.shape) for p in params}
    p = {k: rng.standard_normal(s) / 2 for k, s in shapes.items()}
    v = {k: rng.standard_normal(s) for k, s in shapes.items()}
    X, Y = rng.standard_normal((4, 1, 6, 6)), np.eye(3)[rng.integers(0, 3, 4)]
    out = sg.hvp(L, params, backend=backend)(X=X, Y=Y, **p, **{f"v_{k}": a for k, a in v.items()})
    t = {k: torch.tensor(a, requires_grad=True) for k, a in p.items()}
    h = torch.tanh(F.conv2d(torch.tensor(X), t["K1"], t["b1"].reshape(-1), padding=1))
    z = F.max_pool2d(h, 2).reshape(4, -1) @ t["W2"] + t["b2"]
    loss = -(torch.tensor(Y) * torch.log_softmax(z, 1)).sum() / 4
    g = torch.autograd.grad(loss, list(t.values()), create_graph=True)
    hv = torch.autograd.grad(sum((a * torch.tensor(v[k])).sum() for a, k in zip(g, t)), list(t.values()))
    for k, ref in zip(t, hv):
        np.testing.assert_allclose(np.reshape(out.aux[f"hvp_{k}"], ref.shape), ref.numpy(),
                                   rtol=1e-9, atol=1e-12)
