"""Fused optimizers and schedules against torch.optim: 20 steps in float64, both backends.

Each step is one compiled call that updates the parameters and the moments
in place (TrainStep); torch runs the same loss on the same batches with
torch.optim and torch.optim.lr_scheduler stepped after every update.
"""
from __future__ import annotations

import numpy as np
import pytest
import torch

from symgrad import losses, nn, train

BACKENDS = ["numpy", "llvm"]
STEPS = 20

OPTIMIZERS = {   # ours, torch's, the torch state of each of our slots
    "sgd": (lambda s: train.SGD(lr=0.1, schedule=s), lambda p: torch.optim.SGD(p, lr=0.1), {}),
    "momentum": (lambda s: train.SGD(lr=0.1, momentum=0.9, schedule=s),
                 lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9), {"momentum": "momentum_buffer"}),
    "nesterov": (lambda s: train.SGD(lr=0.05, momentum=0.8, nesterov=True, weight_decay=1e-2, schedule=s),
                 lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.8, nesterov=True, weight_decay=1e-2),
                 {"momentum": "momentum_buffer"}),
    "sgd_decay": (lambda s: train.SGD(lr=0.1, weight_decay=0.05, schedule=s),
                  lambda p: torch.optim.SGD(p, lr=0.1, weight_decay=0.05), {}),
    "adam": (lambda s: train.Adam(lr=1e-2, schedule=s), lambda p: torch.optim.Adam(p, lr=1e-2),
             {"m": "exp_avg", "v": "exp_avg_sq"}),
    "adam_l2": (lambda s: train.Adam(lr=2e-2, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1, schedule=s),
                lambda p: torch.optim.Adam(p, lr=2e-2, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1),
                {"m": "exp_avg", "v": "exp_avg_sq"}),
    "adamw": (lambda s: train.AdamW(lr=1e-2, weight_decay=0.1, schedule=s),
              lambda p: torch.optim.AdamW(p, lr=1e-2, weight_decay=0.1), {"m": "exp_avg", "v": "exp_avg_sq"}),
}

SCHEDULES = {   # ours, torch's
    "constant": (None, None),
    "step": (train.StepLR(5, gamma=0.5), lambda o: torch.optim.lr_scheduler.StepLR(o, 5, gamma=0.5)),
    "cosine": (train.CosineLR(STEPS, min_lr=1e-3),
               lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=STEPS, eta_min=1e-3)),
    "warmup": (train.LinearWarmup(6, start_factor=0.25),
               lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=0.25, total_iters=6)),
}

# every optimizer, and each schedule with one of them (the schedule only changes an input)
CASES = [(o, "constant") for o in OPTIMIZERS] + [("momentum", "step"), ("adam", "cosine"), ("adamw", "warmup")]


def model():
    return nn.Sequential(nn.Dense(3, 5, name="1"), nn.Tanh(), nn.Dense(5, 4, name="2"))


def torch_loss(t, x, y):
    h = torch.tanh(x @ t["W1"] + t["b1"])
    return torch.nn.functional.cross_entropy(h @ t["W2"] + t["b2"], y)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("opt_name, sched_name", CASES)
def test_fused_step_follows_torch_optim(opt_name, sched_name, backend):
    ours, theirs, slot_map = OPTIMIZERS[opt_name]
    schedule, torch_schedule = SCHEDULES[sched_name]
    net = model()
    X, Y = nn.input("X", 3), nn.input("Y", 1)
    rng = np.random.default_rng(7)
    init = {k: v + rng.normal(scale=0.1, size=v.shape) for k, v in nn.init_params(net, seed=3).items()}
    step = train.TrainStep(losses.softmax_cross_entropy(net(X), Y), net, ours(schedule), init=init,
                           backend=backend, dtype="float64")
    tp = {k: torch.tensor(v, requires_grad=True) for k, v in init.items()}
    topt = theirs(list(tp.values()))
    tsched = torch_schedule(topt) if torch_schedule else None
    for _ in range(STEPS):
        x, y = rng.normal(size=(8, 3)), rng.integers(0, 4, 8)
        value = float(step(X=x, Y=y.reshape(-1, 1).astype(float)).value)
        topt.zero_grad()
        loss = torch_loss(tp, torch.tensor(x), torch.tensor(y))
        loss.backward()
        topt.step()
        if tsched:
            tsched.step()
        assert value == pytest.approx(loss.item(), rel=1e-12)
    assert step.t == STEPS
    for k, t in tp.items():
        np.testing.assert_allclose(step.buffers[k], t.detach().numpy(), rtol=1e-10, atol=1e-13, err_msg=k)
        for slot, torch_name in slot_map.items():
            np.testing.assert_allclose(step.buffers[f"{slot}_{k}"], topt.state[t][torch_name].numpy(),
                                       rtol=1e-10, atol=1e-13, err_msg=f"{slot}_{k}")


def test_the_learning_rate_is_an_input_so_a_schedule_compiles_once():
    net = model()
    X, Y = nn.input("X", 3), nn.input("Y", 1)
    step = train.TrainStep(losses.softmax_cross_entropy(net(X), Y), net,
                           train.SGD(lr=0.5, schedule=train.StepLR(1, gamma=0.0)))
    assert {p.name: p.role for p in step.fn.inputs}["opt_lr"] == "mask"
    fn = step.fn
    x, y = np.ones((2, 3)), np.zeros((2, 1))
    step(X=x, Y=y)
    before = {k: v.copy() for k, v in step.buffers.items()}
    step(X=x, Y=y)                    # learning rate 0 from the second step on: nothing moves
    assert step.fn is fn
    for k, v in step.buffers.items():
        np.testing.assert_array_equal(v, before[k])


@pytest.mark.parametrize("make, match", [
    (lambda: train.SGD(lr=0), "lr must be a finite number in \\(0"),
    (lambda: train.SGD(lr=float("nan")), "lr"),
    (lambda: train.SGD(momentum=1.5), "momentum"),
    (lambda: train.Adam(betas=(0.9, 1.0)), "betas must be below 1"),
    (lambda: train.Adam(betas=0.9), "betas must be a pair"),
    (lambda: train.AdamW(eps=0), "eps"),
    (lambda: train.StepLR(0), "step_size"),
    (lambda: train.CosineLR(10, min_lr=-1), "min_lr"),
    (lambda: train.LinearWarmup(3, start_factor=2), "start_factor"),
])
def test_bad_hyperparameters_are_refused_by_name(make, match):
    with pytest.raises(ValueError, match=match):
        make()


def test_a_schedule_must_be_a_schedule_and_names_must_not_clash():
    with pytest.raises(TypeError, match="schedule must be"):
        train.Adam(schedule=lambda t, lr: lr)
    net = model()
    X, Y = nn.input("X", 3), nn.input("Y", 1)
    import sympy as sp
    m_W1 = sp.MatrixSymbol("m_W1", 3, 5)
    loss = losses.softmax_cross_entropy(net(X + sp.OneMatrix(nn.BATCH, 1) * sp.OneMatrix(1, 5) * m_W1.T), Y)
    with pytest.raises(ValueError, match="'m' buffer of W1 would be named 'm_W1'"):
        train.TrainStep(loss, net, train.Adam())
