"""fit with batch norm and dropout: running statistics updated by the fused step, masks drawn
per batch from the trainer's seeded generator, inference mode for evaluation and prediction.

Reference: torch with the same initial values and the same masks (drawn
again here from a generator of the same seed), BatchNorm1d in training mode
for the steps and in eval mode for the predictions.
"""
from __future__ import annotations

import numpy as np
import pytest
import torch

from symgrad import nn, train


def model():
    return nn.Sequential(nn.Dense(6, 8, name="1"), nn.BatchNorm1d(8, name="n"), nn.ReLU(),
                         nn.Dropout(0.25, name="d"), nn.Dense(8, 3, name="2"))


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_batch_norm_and_dropout_follow_torch_through_fit(backend):
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(40, 6)), rng.integers(0, 3, 40)
    net = model()
    trainer = train.Trainer(net, optimizer=train.SGD(lr=0.1, momentum=0.5), backend=backend,
                            dtype="float64", seed=3)
    trainer.build(6)
    init = {k: v.copy() for k, v in trainer.step.buffers.items()}
    history = trainer.fit(x, y, epochs=1, batch_size=10, shuffle=False)

    t = {k: torch.tensor(v, requires_grad=k in trainer.parameters) for k, v in init.items()}
    bn = torch.nn.BatchNorm1d(8, eps=1e-5, momentum=0.1).double()
    with torch.no_grad():
        bn.weight.copy_(t["gamman"].reshape(-1))
        bn.bias.copy_(t["betan"].reshape(-1))
    params = [t["W1"], t["b1"], bn.weight, bn.bias, t["W2"], t["b2"]]
    opt = torch.optim.SGD(params, lr=0.1, momentum=0.5)
    masks = np.random.default_rng(3)       # the trainer's generator: no shuffling drew from it
    losses = []
    for i in range(0, 40, 10):
        m = nn.draw_masks(net.train(), 10, masks, "float64")["maskd"]
        h = torch.relu(bn(torch.tensor(x[i:i + 10]) @ t["W1"] + t["b1"])) * torch.tensor(m)
        loss = torch.nn.functional.cross_entropy(h @ t["W2"] + t["b2"], torch.tensor(y[i:i + 10]))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert history["loss"][0] == pytest.approx(np.mean(losses), rel=1e-12)
    got = trainer.step.buffers
    for k, want in {"W1": t["W1"], "W2": t["W2"], "b2": t["b2"], "gamman": bn.weight, "betan": bn.bias,
                    "running_meann": bn.running_mean, "running_varn": bn.running_var}.items():
        np.testing.assert_allclose(got[k].ravel(), want.detach().numpy().ravel(), rtol=1e-10, atol=1e-13,
                                   err_msg=k)
    bn.eval()
    with torch.no_grad():   # inference: running statistics, no dropout
        logits = (torch.relu(bn(torch.tensor(x) @ t["W1"] + t["b1"])) @ t["W2"] + t["b2"]).numpy()
    np.testing.assert_allclose(trainer.predict_proba(x), torch.softmax(torch.tensor(logits), 1).numpy(),
                               rtol=1e-10)
    np.testing.assert_array_equal(trainer.predict(x), logits.argmax(1))
    assert "maskd" not in trainer._predict.args and "running_meann" in trainer._predict.args
