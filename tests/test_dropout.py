"""nn.Dropout: the mask is an input of the compiled step (role "mask"), so the
gradient given a mask equals torch autograd's of ``x * mask``; the mask helper
draws torch's masks (kept with probability 1 - p, scaled by 1/(1 - p))."""
from __future__ import annotations

import numpy as np
import pytest

import symgrad as sg
from symgrad import losses, nn

from _cnn import check_step

torch = pytest.importorskip("torch")
F = torch.nn.functional
BACKENDS = ["numpy", "llvm"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_dropout_with_a_given_mask_matches_torch(backend):
    X, Y = nn.input("X", (2, 5, 4)), nn.input("Y", 3)
    model = nn.Sequential(nn.Conv2d(2, 3, 3, padding=1), nn.Tanh(), nn.Dropout(0.3), nn.Flatten(),
                          nn.Dense(60, 6), nn.Tanh(), nn.Dropout(0.5), nn.Dense(6, 3))
    L = losses.softmax_cross_entropy(model(X), Y)
    roles = model.roles()
    assert [str(s.name) for s in roles] == ["mask2", "mask6"] and set(roles.values()) == {"mask"}
    fn = sg.compile(L, wrt=model.parameters(), backend=backend, roles=roles)
    assert {p.name: p.role for p in fn.inputs}["mask2"] == "mask"
    rng = np.random.default_rng(4)
    arrays = {"X": rng.normal(size=(4, 2, 5, 4)), "Y": np.eye(3)[rng.integers(0, 3, 4)],
              **nn.init_params(model, seed=1), **nn.draw_masks(model, batch=4, rng=rng)}
    assert set(np.unique(arrays["mask2"])) == {0.0, 1 / 0.7}

    def torch_loss(X, Y, K0, b0, W4, b4, W7, b7, mask2, mask6):
        h = torch.tanh(F.conv2d(X, K0, b0.reshape(-1), padding=1)) * mask2
        h = torch.tanh(h.flatten(1) @ W4 + b4) * mask6
        return F.cross_entropy(h @ W7 + b7, Y.argmax(1))

    check_step(fn, arrays, torch_loss, ["K0", "b0", "W4", "b4", "W7", "b7"])


def test_masks_are_torchs_distribution_and_seeded():
    d = nn.Dropout(0.25, name="d")
    d(nn.input("X", (3, 10, 10)))
    m = d.draw_mask(200, rng=0)
    assert m.shape == (200, 3, 10, 10) and set(np.unique(m)) == {0.0, 1 / 0.75}
    kept = (m > 0).mean()
    assert abs(kept - 0.75) < 4 * np.sqrt(0.75 * 0.25 / m.size)     # four standard errors
    assert abs(m.mean() - 1.0) < 0.01                               # unbiased: E[x * mask] = x
    assert np.array_equal(m, d.draw_mask(200, rng=0))
    assert not np.array_equal(m, d.draw_mask(200, rng=1))
    assert d.draw_mask(2, rng=0, dtype="float32").dtype == np.float32


def test_dropout_modes_and_bad_input():
    d = nn.Dropout(0.5, name="1")
    X = nn.input("X", 4)
    assert str(d(X)) == "HadamardProduct(X, mask1)"
    assert str(d.eval()(X)) == "X" and d.roles() == {}
    for p in (1.0, -0.1, 2):
        with pytest.raises(ValueError, match=r"Dropout: p must be in \[0, 1\)"):
            nn.Dropout(p)
    with pytest.raises(TypeError, match="Dropout: p must be a number"):
        nn.Dropout("0.5")
    with pytest.raises(ValueError, match="has not been called yet"):
        nn.Dropout(0.5, name="2").mask
    with pytest.raises(ValueError, match=r"Dropout\(0.5, name='3'\) expects a batch, .* got an "
                                         r"input of shape \(\)"):
        nn.Dropout(0.5, name="3")(sg.tensor.Sum(X))


def test_p_zero_keeps_everything():
    d = nn.Dropout(0.0, name="z")
    d(nn.input("X", 3))
    assert np.array_equal(d.draw_mask(5, rng=0), np.ones((5, 3)))
