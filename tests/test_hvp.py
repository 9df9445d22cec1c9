"""Compiled Hessian-vector products and full Hessians against SymPy and PyTorch (float64)."""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
import torch
from torch.autograd.functional import hessian as torch_hessian

import symgrad as sg
from symgrad import losses, nn
from symgrad.tensor import Elementwise

BACKENDS = ["numpy", "llvm"]
x, y, z = sp.symbols("x y z")


@pytest.mark.parametrize("backend", BACKENDS)
def test_scalar_hvp_matches_sympy_hessian(backend):
    f = sg.sigmoid(x * y) + sp.log(1 + z**2) * sp.tanh(x) + x**3 / (1 + y**2)
    at = {x: sp.Rational(3, 10), y: -sp.Rational(7, 10), z: sp.Rational(6, 5)}
    H = np.array(sp.hessian(f, [x, y, z]).subs(at).evalf(30).tolist(), dtype=np.float64)
    fn = sg.hvp(f, [x, y, z], backend=backend)
    v = np.array([0.5, -1.5, 2.0])
    out = fn(**{str(k): float(a) for k, a in at.items()}, v_x=v[0], v_y=v[1], v_z=v[2])
    got = np.array([float(out.aux[f"hvp_{n}"]) for n in "xyz"])
    assert np.allclose(got, H @ v, rtol=1e-12, atol=1e-14)
    full = sg.hessian_fn(f, [x, y, z], backend=backend)(**{str(k): float(a) for k, a in at.items()})
    assert np.allclose(full, H, rtol=1e-12, atol=1e-14)


def _net(act, loss):
    X, Y = nn.input("X", 4), nn.input("Y", 3)
    model = nn.Sequential(nn.Dense(4, 5, name="1"), act, nn.Dense(5, 3, name="2"))
    Z = model(X)
    L = losses.softmax_cross_entropy(Z, Y) if loss == "ce" else losses.mse(Z, Y)
    return L, model.parameters()


def _torch_loss(act, loss, X, Y):
    def L(W1, b1, W2, b2):
        h = X @ W1 + b1
        h = {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu}[act](h)
        z = h @ W2 + b2
        if loss == "ce":
            return -(Y * torch.log_softmax(z, 1)).sum() / z.shape[0]
        return ((z - Y) ** 2).mean()
    return L


def _data(seed=0, n=6):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.standard_normal((4, 5)) / 2, "b1": rng.standard_normal((1, 5)) / 2,
         "W2": rng.standard_normal((5, 3)) / 2, "b2": rng.standard_normal((1, 3)) / 2}
    X = rng.standard_normal((n, 4))
    Y = np.eye(3)[rng.integers(0, 3, n)]
    v = {k: rng.standard_normal(a.shape) for k, a in p.items()}
    return p, X, Y, v


CASES = [("tanh", nn.Tanh(), "ce"), ("sigmoid", nn.Sigmoid(), "mse"), ("relu", nn.ReLU(), "ce")]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name, act, loss", CASES, ids=[c[0] + "-" + c[2] for c in CASES])
def test_network_hvp_matches_torch_double_backward(backend, name, act, loss):
    L, params = _net(act, loss)
    p, X, Y, v = _data()
    fn = sg.hvp(L, params, backend=backend)
    out = fn(X=X, Y=Y, **p, **{f"v_{k}": a for k, a in v.items()})
    tp = {k: torch.tensor(a, requires_grad=True) for k, a in p.items()}
    tl = _torch_loss(name, loss, torch.tensor(X), torch.tensor(Y))(**tp)
    grads = torch.autograd.grad(tl, list(tp.values()), create_graph=True)
    dot = sum((g * torch.tensor(v[k])).sum() for g, k in zip(grads, tp))
    hv = torch.autograd.grad(dot, list(tp.values()))
    assert abs(float(out.value) - tl.item()) < 1e-12
    for k, ref in zip(tp, hv):
        np.testing.assert_allclose(out.aux[f"hvp_{k}"], ref.numpy(), rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(out.grads[k], grads[list(tp).index(k)].detach().numpy(),
                                   rtol=1e-10, atol=1e-13)


@pytest.mark.parametrize("backend", BACKENDS)
def test_full_network_hessian_matches_torch(backend):
    L, params = _net(nn.Tanh(), "ce")
    p, X, Y, _ = _data(seed=1)
    H = sg.hessian_fn(L, params, backend=backend)(X=X, Y=Y, **p)
    f = _torch_loss("tanh", "ce", torch.tensor(X), torch.tensor(Y))
    names = list(p)
    blocks = torch_hessian(lambda *a: f(**dict(zip(names, a))),
                           tuple(torch.tensor(p[k]) for k in names))
    sizes = [p[k].size for k in names]
    ref = np.block([[np.asarray(blocks[i][j]).reshape(sizes[i], sizes[j]) for j in range(4)]
                    for i in range(4)])
    assert H.shape == (43, 43)
    np.testing.assert_allclose(H, ref, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(H, H.T, rtol=0, atol=1e-12)


def test_hvp_program_shares_the_forward_pass_and_the_gradient():
    L, params = _net(nn.Tanh(), "ce")
    program = sg.hessians.hvp_program(L, params)
    grad_only = sg.grad(L, params).program
    tanhs = [n for n in program.nodes if n.op is sp.tanh]
    exps = [n for n in program.nodes if n.op is sp.exp]
    assert len(tanhs) == 1 and len(exps) == len([n for n in grad_only.nodes if n.op is sp.exp])
    assert [p.role for p in program.input_ports if p.name.startswith("v_")] == ["tangent"] * 4


def test_tangent_errors_name_the_culprit():
    v_x = sp.Symbol("v_x")
    with pytest.raises(ValueError, match="would be named v_x, which f already uses"):
        sg.hvp(x * v_x, [x])
    W = sp.MatrixSymbol("W", 2, 3)
    with pytest.raises(ValueError, match=r"the tangent of W has shape \(3, 2\)"):
        sg.hvp(sg.tensor.Sum(Elementwise(sp.tanh, W)), [W], tangents={W: sp.MatrixSymbol("V", 3, 2)})
    with pytest.raises(TypeError, match="hvp needs a scalar loss|scalar"):
        sg.hvp(W, [W])
