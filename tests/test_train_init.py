"""Initializers against torch.nn.init: the same distributions (support and spread measured
on large draws of both), symgrad's (n_in, n_out) layout against torch's (out, in), seeds."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from symgrad import nn
from symgrad.nn import init

N_IN, N_OUT = 300, 500    # 150,000 draws: sample std within ~0.4% of the true one


def torch_draw(fill, shape):
    torch.manual_seed(0)
    return fill(torch.empty(shape, dtype=torch.float64)).numpy()


CASES = {   # ours, torch's (on torch's (out, in) weight), uniform?
    "glorot_uniform": (init.glorot_uniform, torch.nn.init.xavier_uniform_, True),
    "glorot_normal": (init.glorot_normal, torch.nn.init.xavier_normal_, False),
    "he_uniform": (init.he_uniform, lambda t: torch.nn.init.kaiming_uniform_(t, nonlinearity="relu"), True),
    "he_normal": (init.he_normal, lambda t: torch.nn.init.kaiming_normal_(t, nonlinearity="relu"), False),
    "torch": (init.torch_default, lambda t: torch.nn.init.kaiming_uniform_(t, a=np.sqrt(5)), True),
}


@pytest.mark.parametrize("name", CASES)
def test_dense_weights_have_torchs_distribution(name):
    ours, theirs, uniform = CASES[name]
    w = nn.init_params(nn.Dense(N_IN, N_OUT, name="a"), seed=1, weights=name)["Wa"]
    t = torch_draw(theirs, (N_OUT, N_IN))
    assert w.shape == (N_IN, N_OUT)
    assert w.std() == pytest.approx(t.std(), rel=0.015)
    assert abs(w.mean()) < 4 * t.std() / np.sqrt(w.size)
    if uniform:
        assert np.abs(w).max() == pytest.approx(np.abs(t).max(), rel=2e-3)
    np.testing.assert_array_equal(ours(np.random.default_rng(1), (N_IN, N_OUT)), w)


@pytest.mark.parametrize("name", ["glorot_uniform", "he_normal"])
def test_conv_kernels_take_torchs_fans(name):
    ours, theirs, _ = CASES[name]
    shape = (64, 32, 3, 3)
    assert init.fans(shape) == (32 * 9, 64 * 9)
    k = ours(np.random.default_rng(0), shape)
    assert k.std() == pytest.approx(torch_draw(theirs, shape).std(), rel=0.02)


def test_torch_scheme_draws_biases_as_linear_does():
    p = nn.init_params(nn.Sequential(nn.Dense(4, 2000, name="1"), nn.Dense(2000, 3, name="2")),
                       weights="torch", seed=0)
    torch.manual_seed(0)
    tb = torch.nn.Linear(4, 2000).bias.detach().numpy()
    assert np.abs(p["b1"]).max() == pytest.approx(np.abs(tb).max(), rel=5e-3)
    assert np.abs(p["b2"]).max() <= 1 / np.sqrt(2000)
    assert np.all(nn.init_params(nn.Dense(4, 5, name="1"))["b1"] == 0)   # the default keeps zeros


def test_a_seed_reproduces_and_another_differs():
    model = nn.Sequential(nn.Dense(5, 7, name="1"), nn.ReLU(), nn.Dense(7, 2, name="2"))
    for scheme in init.SCHEMES:
        a = nn.init_params(model, seed=3, weights=scheme, dtype="float32")
        b = nn.init_params(model, seed=3, weights=scheme, dtype="float32")
        c = nn.init_params(model, seed=4, weights=scheme, dtype="float32")
        for k in a:
            np.testing.assert_array_equal(a[k], b[k])
            assert a[k].dtype == np.float32
        assert not np.array_equal(a["W1"], c["W1"])


def test_bad_scheme_and_shape_are_refused():
    with pytest.raises(ValueError, match="weights must be one of"):
        nn.init_params(nn.Dense(2, 2), weights="xavier")
    with pytest.raises(ValueError, match="at least 2 axes"):
        init.fans((5,))
