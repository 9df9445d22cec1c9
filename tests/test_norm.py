"""nn.BatchNorm1d and nn.BatchNorm2d against torch in float64, both backends:
training mode (batch statistics; gradients of the input, gamma and beta), the
running statistics' update as compile state, and inference mode."""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from sympy.tensor.array.expressions import ArraySymbol

import symgrad as sg
from symgrad import nn
from symgrad.frontend.arrays import shape_of
from symgrad.tensor import Sum

from _cnn import assert_close, check_step

torch = pytest.importorskip("torch")
F = torch.nn.functional
BACKENDS = ["numpy", "llvm"]
CASES = {"1d": (nn.BatchNorm1d, (4,)), "2d": (nn.BatchNorm2d, (3, 4, 5))}


def _target(y):
    s = shape_of(y)
    return (ArraySymbol("T", s) if len(s) != 2 else sp.MatrixSymbol("T", *s))


def _loss(y, T):
    return Sum(sp.HadamardProduct(y, T)) if len(shape_of(y)) == 2 else Sum(y * T)


def _arrays(bn, rng, n, features):
    a = {"X": 3 + 2 * rng.normal(size=(n, *features)), "T": rng.normal(size=(n, *features))}
    shape = tuple(int(d) for d in bn.gamma.shape)
    a[str(bn.gamma.name)] = rng.uniform(0.5, 1.5, shape)
    a[str(bn.beta.name)] = rng.normal(size=shape)
    return a


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("backend", BACKENDS)
def test_batch_norm_training_matches_torch(case, backend):
    cls, features = CASES[case]
    X = nn.input("X", features)
    bn = cls(features[0], momentum=0.2, name="1")
    y = bn(X)
    T = _target(y)
    fn = sg.compile(_loss(y, T), wrt=[X, *bn.parameters()], backend=backend, state=bn.state())
    rng = np.random.default_rng(31)
    arrays = _arrays(bn, rng, 5, features)
    state = {k: v + rng.uniform(0, 1, v.shape) for k, v in bn.initial_state().items()}

    def torch_loss(X, T, gamma1, beta1, **state):
        y = F.batch_norm(X, None, None, gamma1.reshape(-1), beta1.reshape(-1), training=True,
                         eps=1e-5)
        return (y * T).sum()

    check_step(fn, {**arrays, **state}, torch_loss, ["X", "gamma1", "beta1"])
    # the running statistics: torch's module updates them in a training-mode forward
    ref = (torch.nn.BatchNorm1d if case == "1d" else torch.nn.BatchNorm2d)(
        features[0], momentum=0.2, dtype=torch.float64)
    ref.running_mean.copy_(torch.tensor(state["running_mean1"].reshape(-1)))
    ref.running_var.copy_(torch.tensor(state["running_var1"].reshape(-1)))
    ref.train()(torch.tensor(arrays["X"]))
    out = fn(**arrays, **state)
    assert_close(out.state["running_mean1"].reshape(-1), ref.running_mean.numpy(), what="mean")
    assert_close(out.state["running_var1"].reshape(-1), ref.running_var.numpy(), what="var")


@pytest.mark.parametrize("backend", BACKENDS)
def test_batch_norm_inference_matches_torch(backend):
    X1, X2 = nn.input("X", 4), nn.input("Z", (3, 4, 5))
    bn1, bn2 = nn.BatchNorm1d(4, name="1").eval(), nn.BatchNorm2d(3, name="2").eval()
    y1, y2 = bn1(X1), bn2(X2)
    T1, T2 = sp.MatrixSymbol("T1", *shape_of(y1)), ArraySymbol("T2", shape_of(y2))
    assert bn1.state() == {} and set(bn2.roles()) == {bn2.running_mean, bn2.running_var}
    L = Sum(sp.HadamardProduct(y1, T1)) + Sum(y2 * T2)
    wrt = [X1, X2, *bn1.parameters(), *bn2.parameters()]
    fn = sg.compile(L, wrt=wrt, backend=backend, roles={**bn1.roles(), **bn2.roles()})
    assert {p.name: p.role for p in fn.inputs}["running_var2"] == "state"
    rng = np.random.default_rng(8)
    arrays = {"X": rng.normal(size=(2, 4)), "Z": rng.normal(size=(2, 3, 4, 5)),
              "T1": rng.normal(size=(2, 4)), "T2": rng.normal(size=(2, 3, 4, 5))}
    for bn in (bn1, bn2):
        shape = tuple(int(d) for d in bn.gamma.shape)
        for p in (*bn.parameters(), bn.running_mean):
            arrays[str(p.name)] = rng.normal(size=shape)
        arrays[str(bn.running_var.name)] = rng.uniform(0.5, 2, shape)

    def torch_loss(X, Z, T1, T2, **a):
        flat = {k: v.reshape(-1) for k, v in a.items()}
        y1 = F.batch_norm(X, flat["running_mean1"], flat["running_var1"], flat["gamma1"],
                          flat["beta1"], training=False, eps=1e-5)
        y2 = F.batch_norm(Z, flat["running_mean2"], flat["running_var2"], flat["gamma2"],
                          flat["beta2"], training=False, eps=1e-5)
        return (y1 * T1).sum() + (y2 * T2).sum()

    check_step(fn, arrays, torch_loss, ["X", "Z", "gamma1", "beta1", "gamma2", "beta2"])


def test_batch_norm_declaration():
    bn = nn.BatchNorm2d(3, name="b")
    assert str(bn(nn.input("X", (3, 2, 2)))) == "batch_norm(X, gammab, betab, eps=1/100000)"
    p = nn.init_params(nn.Sequential(nn.BatchNorm1d(2)))
    assert p["gamma0"].tolist() == [[1.0, 1.0]] and p["beta0"].tolist() == [[0.0, 0.0]]
    with pytest.raises(ValueError, match=r"BatchNorm2d\(4, name='c'\) expects an \(N, C, H, W\) "
                                         r"batch with 4 channels, got an input of shape \(N, 3, 2, 2\)"):
        nn.BatchNorm2d(4, name="c")(nn.input("X", (3, 2, 2)))
    with pytest.raises(TypeError, match="BatchNorm1d: num_features must be an int"):
        nn.BatchNorm1d(2.0)
    with pytest.raises(ValueError, match="eps must be positive"):
        nn.BatchNorm1d(2, eps=0)


def test_batch_norm_backward_builds_no_jacobian():
    """The reverse sweep through the mean and the variance is the three-term formula:
    every node of the fused step is at most as large as the batch, never (N*F)^2."""
    X = nn.input("X", (3, 4, 5))
    bn = nn.BatchNorm2d(3, name="1")
    T = ArraySymbol("T", (nn.BATCH, 3, 4, 5))
    program = sg.grad(Sum(bn(X) * T), [X, *bn.parameters()]).program
    sizes = [sp.Mul(*n.shape) for n in program.nodes if n.shape]
    assert all(sp.simplify(s - 60 * nn.BATCH).is_nonpositive or s.is_number and s <= 60
               for s in sizes), sizes
    assert max(len(n.shape) for n in program.nodes) == 4
