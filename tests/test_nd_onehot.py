"""Integer class labels in n-D programs (a CNN trained on labels): one-hot rows on both
backends against torch's cross_entropy, and bad labels refused before the kernel runs."""
from __future__ import annotations

import numpy as np
import pytest

import symgrad as sg
from symgrad import losses, nn

from _cnn import check_step

torch = pytest.importorskip("torch")
F = torch.nn.functional
BACKENDS = ["numpy", "llvm"]


def small_cnn():
    return nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.Tanh(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Dense(18, 4))


@pytest.fixture(scope="module", params=BACKENDS)
def step(request):
    X, Y = nn.input("X", (1, 4, 6)), nn.input("Y", 1)      # labels (N, 1)
    model = small_cnn()
    L = losses.softmax_cross_entropy(model(X), Y)
    return sg.compile(L, wrt=model.parameters(), backend=request.param), model


def test_labels_train_a_cnn_as_torch(step):
    fn, model = step
    rng = np.random.default_rng(5)
    arrays = {"X": rng.normal(size=(5, 1, 4, 6)), "Y": rng.integers(0, 4, (5, 1)).astype(float),
              **nn.init_params(model, seed=3)}

    def torch_loss(X, Y, K0, b0, W4, b4):
        h = F.max_pool2d(torch.tanh(F.conv2d(X, K0, b0.reshape(-1), padding=1)), 2)
        return F.cross_entropy(h.flatten(1) @ W4 + b4, Y.reshape(-1).long())

    check_step(fn, arrays, torch_loss, [str(p.name) for p in model.parameters()])


@pytest.mark.parametrize("bad", [4.0, -1.0, 1.5, np.nan])
def test_a_bad_label_is_refused_naming_the_argument(step, bad):
    fn, model = step
    y = np.zeros((3, 1))
    y[1, 0] = bad
    with pytest.raises(ValueError, match=r"argument 'Y': class labels must be integers in 0\.\.3, got"):
        fn(X=np.zeros((3, 1, 4, 6)), Y=y, **nn.init_params(model))
