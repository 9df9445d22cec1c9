"""Optimizers against torch.optim, and value-only compiles of model outputs."""
import numpy as np
import pytest
import torch

import symgrad as sg
from symgrad import losses, nn, train


@pytest.mark.parametrize("make", [
    (lambda p: train.SGD(p, lr=0.1), lambda t: torch.optim.SGD(t, lr=0.1)),
    (lambda p: train.SGD(p, lr=0.1, momentum=0.9), lambda t: torch.optim.SGD(t, lr=0.1, momentum=0.9)),
    (lambda p: train.Adam(p, lr=1e-2), lambda t: torch.optim.Adam(t, lr=1e-2)),
], ids=["sgd", "momentum", "adam"])
def test_optimizers_follow_torch(make):
    ours, theirs = make
    rng = np.random.default_rng(0)
    params = {"W": rng.standard_normal((3, 2)), "b": rng.standard_normal((1, 2))}
    tparams = [torch.tensor(v.copy(), requires_grad=True) for v in params.values()]
    opt, topt = ours(params), theirs(tparams)
    for _ in range(5):
        grads = {k: rng.standard_normal(v.shape) for k, v in params.items()}
        opt.step(grads)
        for t, g in zip(tparams, grads.values()):
            t.grad = torch.tensor(g)
        topt.step()
    for v, t in zip(params.values(), tparams):
        np.testing.assert_allclose(v, t.detach().numpy(), rtol=1e-12, atol=1e-14)


def test_minibatches_cover_every_index_once():
    batches = list(train.minibatches(10, 3, np.random.default_rng(1)))
    assert [len(b) for b in batches] == [3, 3, 3, 1]
    assert sorted(np.concatenate(batches)) == list(range(10))
    with pytest.raises(ValueError):
        next(train.minibatches(10, 0))


def test_training_reduces_the_loss_and_predicts_with_a_compiled_forward():
    X, Y = nn.input("X", 2), nn.input("Y", 1)
    model = nn.Sequential(nn.Dense(2, 8, name="1"), nn.Tanh(), nn.Dense(8, 1, name="2"))
    step = sg.compile(losses.mse(model(X), Y), wrt=model.parameters())
    predict = sg.compile(model(X))
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (256, 2))
    y = (x[:, :1] * x[:, 1:])
    params = nn.init_params(model, seed=0)
    opt = train.Adam(params, lr=1e-2)
    first = float(step(X=x, Y=y, **params)[0])
    for _ in range(300):
        for idx in train.minibatches(len(x), 64, rng):
            opt.step(step(X=x[idx], Y=y[idx], **params)[1])
    last = float(step(X=x, Y=y, **params)[0])
    assert last < first / 5
    pred, _ = predict(X=x, **params)
    assert pred.shape == (256, 1)
    np.testing.assert_allclose(np.mean((pred - y) ** 2), last, rtol=1e-10)
