"""Mini-batches, and a fused training step with a value-only compile of the model output.

The optimizers against torch.optim: tests/test_optim_torch.py."""
import numpy as np
import pytest

import symgrad as sg
from symgrad import losses, nn, train


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
    fused = train.TrainStep(losses.mse(model(X), Y), model, train.Adam(lr=1e-2), seed=0)
    params = fused.parameters
    first = float(step(X=x, Y=y, **params)[0])
    for _ in range(300):
        for idx in train.minibatches(len(x), 64, rng):
            fused(X=x[idx], Y=y[idx])
    last = float(step(X=x, Y=y, **params)[0])
    assert last < first / 5
    pred, _ = predict(X=x, **params)
    assert pred.shape == (256, 1)
    np.testing.assert_allclose(np.mean((pred - y) ** 2), last, rtol=1e-10)
