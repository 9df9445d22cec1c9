"""binary_cross_entropy at saturated probabilities: torch's BCELoss clamps log at -100."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

import symgrad as sg
from symgrad import losses, nn

torch = pytest.importorskip("torch")
F = torch.nn.functional

# p, y pairs: the saturated corners (0, 0), (1, 1), (0, 1), (1, 0), soft targets, a clamped log
P = np.array([[0.0, 1.0, 0.0], [1.0, 0.3, 1e-50], [0.7, 0.5, 1e-300], [0.2, 0.9, 1.0]])
Y = np.array([[0.0, 1.0, 1.0], [0.0, 0.5, 1.0], [1.0, 0.25, 0.0], [0.0, 1.0, 1.0]])


def bce(backend):
    p, y = nn.input("P", 3), nn.input("Y", 3)
    f = sg.compile(losses.binary_cross_entropy(p, y), [p], backend=backend)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        loss, (d,) = f(P=P, Y=Y)
    return float(loss), np.asarray(d)


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_bce_value_matches_torch_at_saturation(backend):
    p = torch.tensor(P, requires_grad=True)
    ref = F.binary_cross_entropy(p, torch.tensor(Y))
    loss, d = bce(backend)
    assert loss == pytest.approx(ref.item(), rel=1e-14)
    assert np.isfinite(d).all()


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_bce_gradient_is_the_derivative_of_the_clamped_loss(backend):
    p = torch.tensor(P, requires_grad=True)
    F.binary_cross_entropy(p, torch.tensor(Y)).backward()
    torch_grad = p.grad.numpy()
    _, d = bce(backend)
    n = P.size
    # where p (1 - p) > 1e-12 and no clamp is active, torch's formula is the derivative
    interior = P * (1 - P) > 1e-12
    np.testing.assert_allclose(d[interior], torch_grad[interior], rtol=1e-12)
    # analytic derivative of -(y max(log p, -100) + (1 - y) max(log(1 - p), -100)) / n:
    # at p = 0 the log(p) clamp is active (0 gradient from it), -(1-y) d log(1-p) = (1-y)/(1-p)
    expected = {(0, 0): 1 / n, (0, 1): -1 / n, (0, 2): 0.0,       # p=0,y=0 | p=1,y=1 | p=0,y=1
                (1, 0): 0.0, (1, 2): 0.0, (3, 2): -1 / n}           # p=1,y=0 | p=1e-50,y=1 | p=1,y=1
    for (i, j), v in expected.items():
        assert d[i, j] == pytest.approx(v, abs=1e-300), (P[i, j], Y[i, j])
    # p = 1e-300, y = 0: log(p) is clamped and its weight y is 0, so d = 1/((1 - p) n)
    assert d[2, 2] == pytest.approx(1 / n, rel=1e-15)
