"""Workload T4: training to 97% test accuracy on scikit-learn's digits, and per-step overhead.

As docs/benchmarks.md ("Workload definitions") defines it: inputs scaled
by 1/16, stratified 80/20 split (random_state=0), MLP 64-128-128-10 with ReLU,
softmax cross-entropy, Adam lr 1e-3, batch 32, float32; the clock runs from
the first step until the epoch whose test accuracy reaches 97% (checked after
every epoch), data loading excluded.  In one process: symgrad's fused step
(forward, backward and Adam's update in one compiled call, in place) on the
numpy and llvm backends, driven by a plain loop and by ``Trainer.fit``
(compile time reported separately: it is paid once), PyTorch eager and
scikit-learn's MLPClassifier, each written as its users would.

Then the per-step overhead: one call of the fused step on a batch of 1
(best of repeated timings, interleaved) against torch's zero_grad, forward,
backward and Adam step on the same batch.

    python benchmarks/t4_digits.py [--write]
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from pathlib import Path

from _doc import replace_section  # benchmarks/_doc.py: this script's section of docs/benchmarks.md

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from symgrad import losses, nn, train  # noqa: E402  (after the sys.path line, to run from a checkout)

TARGET, MAX_EPOCHS, BATCH, LR = 0.97, 200, 32, 1e-3


def data():
    x, y = load_digits(return_X_y=True)
    x = (x / 16.0).astype(np.float32)
    return train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)


def mlp():
    return nn.Sequential(nn.Dense(64, 128, name="1"), nn.ReLU(), nn.Dense(128, 128, name="2"),
                         nn.ReLU(), nn.Dense(128, 10, name="3"))


def symgrad_step(backend: str):
    X, Y = nn.input("X", 64), nn.input("Y", 1)
    model = mlp()
    t0 = time.perf_counter()
    step = train.TrainStep(losses.softmax_cross_entropy(model(X), Y), model, train.Adam(lr=LR),
                           backend=backend, dtype="float32", seed=0)
    return step, time.perf_counter() - t0


def run_symgrad(backend: str, xtr, xte, ytr, yte):
    """The fused step in a loop of the user's: the same loop as torch's below."""
    step, compile_s = symgrad_step(backend)
    trainer = train.Trainer(mlp(), backend=backend, input_shape=64)   # its compiled prediction
    compile_s += trainer.compile_seconds
    trainer.step.buffers = step.buffers
    rng = np.random.default_rng(0)
    labels = ytr.reshape(-1, 1).astype(np.float32)
    t0 = time.perf_counter()
    for epoch in range(1, MAX_EPOCHS + 1):
        for idx in train.minibatches(len(xtr), BATCH, rng):
            step(X=xtr[idx], Y=labels[idx])
        acc = float(np.mean(trainer.predict(xte) == yte))
        if acc >= TARGET:
            break
    return time.perf_counter() - t0, epoch, acc, compile_s


def run_fit(backend: str, xtr, xte, ytr, yte):
    """Trainer.fit with the test set as validation data and a callback that stops at 97%
    (fit also measures the training accuracy every epoch)."""
    trainer = train.Trainer(mlp(), optimizer=train.Adam(lr=LR), backend=backend, seed=0, input_shape=64)
    t0 = time.perf_counter()
    h = trainer.fit(xtr, ytr, epochs=MAX_EPOCHS, batch_size=BATCH, validation_data=(xte, yte),
                    callbacks=[train.StopAtTarget(TARGET)], progress=False)
    return time.perf_counter() - t0, len(h), h["val_accuracy"][-1], trainer.compile_seconds


def torch_model(threads: int | None = None):
    import torch
    torch.manual_seed(0)
    torch.set_num_threads(threads or os.cpu_count())
    net = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 128),
                              torch.nn.ReLU(), torch.nn.Linear(128, 10))
    return net, torch.optim.Adam(net.parameters(), lr=LR)


def run_torch(xtr, xte, ytr, yte, threads: int | None = None):
    import torch
    net, opt = torch_model(threads)
    tX, ty, tXe = torch.tensor(xtr), torch.tensor(ytr), torch.tensor(xte)
    g = torch.Generator().manual_seed(0)
    t0 = time.perf_counter()
    for epoch in range(1, MAX_EPOCHS + 1):
        perm = torch.randperm(len(tX), generator=g)
        for i in range(0, len(tX), BATCH):
            idx = perm[i:i + BATCH]
            opt.zero_grad()
            torch.nn.functional.cross_entropy(net(tX[idx]), ty[idx]).backward()
            opt.step()
        with torch.no_grad():
            acc = float((net(tXe).argmax(1).numpy() == yte).mean())
        if acc >= TARGET:
            break
    return time.perf_counter() - t0, epoch, acc, None


def run_sklearn(xtr, xte, ytr, yte):
    import warnings

    from sklearn.neural_network import MLPClassifier
    warnings.filterwarnings("ignore")
    clf = MLPClassifier(hidden_layer_sizes=(128, 128), activation="relu", solver="adam",
                        learning_rate_init=LR, batch_size=BATCH, random_state=0, max_iter=1,
                        warm_start=True)
    t0 = time.perf_counter()
    for epoch in range(1, MAX_EPOCHS + 1):
        clf.fit(xtr, ytr)
        acc = float(clf.score(xte, yte))
        if acc >= TARGET:
            break
    return time.perf_counter() - t0, epoch, acc, None


def epoch_rounds(xtr, ytr, rounds: int = 5) -> dict[str, float]:
    """Seconds per training epoch: best of ``rounds``, one epoch of each system in turn, so that
    a change in the machine's load hits every system alike (the runs to 97% above are one after
    another)."""
    import warnings

    import torch
    from sklearn.neural_network import MLPClassifier
    warnings.filterwarnings("ignore")
    labels = ytr.reshape(-1, 1).astype(np.float32)
    rng = np.random.default_rng(0)

    def symgrad_epoch(step):
        for idx in train.minibatches(len(xtr), BATCH, rng):
            step(X=xtr[idx], Y=labels[idx])

    def torch_epoch(net, opt, threads):
        torch.set_num_threads(threads)
        tX, ty = torch.tensor(xtr), torch.tensor(ytr)
        perm = torch.randperm(len(tX))
        for i in range(0, len(tX), BATCH):
            idx = perm[i:i + BATCH]
            opt.zero_grad()
            torch.nn.functional.cross_entropy(net(tX[idx]), ty[idx]).backward()
            opt.step()
    clf = MLPClassifier(hidden_layer_sizes=(128, 128), activation="relu", solver="adam",
                        learning_rate_init=LR, batch_size=BATCH, random_state=0, max_iter=1, warm_start=True)
    steps = {b: symgrad_step(b)[0] for b in ("numpy", "llvm")}
    (n2, o2), (n1, o1) = torch_model(), torch_model(1)
    epochs = {"symgrad numpy, fused step": lambda: symgrad_epoch(steps["numpy"]),
              "symgrad llvm, fused step": lambda: symgrad_epoch(steps["llvm"]),
              "PyTorch eager": lambda: torch_epoch(n2, o2, os.cpu_count()),
              "PyTorch eager, 1 thread": lambda: torch_epoch(n1, o1, 1),
              "scikit-learn MLPClassifier": lambda: clf.fit(xtr, ytr)}
    best = {name: float("inf") for name in epochs}
    for _ in range(rounds):
        for name, f in epochs.items():
            t0 = time.perf_counter()
            f()
            best[name] = min(best[name], time.perf_counter() - t0)
    torch.set_num_threads(os.cpu_count())
    return best


def step_overhead(xtr, ytr, rounds: int = 7, calls: int = 300) -> dict[str, float]:
    """Microseconds per training step on a batch of 1: best of ``rounds``, the systems interleaved."""
    import torch
    x1, y1 = xtr[:1].copy(), ytr[:1].reshape(1, 1).astype(np.float32)
    steps = {f"symgrad {b}": symgrad_step(b)[0] for b in ("numpy", "llvm")}
    net, opt = torch_model()
    tx, ty = torch.tensor(x1), torch.tensor(ytr[:1])

    def torch_step(net=net, opt=opt):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(net(tx), ty).backward()
        opt.step()
    net1, opt1 = torch_model(1)
    # (setup outside the clock, the call): torch's thread count is set before its rounds
    calls_of = {name: (lambda: None, lambda s=s: s(X=x1, Y=y1)) for name, s in steps.items()}
    calls_of["PyTorch eager"] = (lambda: torch.set_num_threads(os.cpu_count()), torch_step)
    calls_of["PyTorch eager, 1 thread"] = (lambda: torch.set_num_threads(1),
                                           lambda: torch_step(net1, opt1))
    best = {name: float("inf") for name in calls_of}
    for setup, f in calls_of.values():
        setup()
        for _ in range(20):
            f()
    for _ in range(rounds):
        for name, (setup, f) in calls_of.items():
            setup()
            t0 = time.perf_counter()
            for _ in range(calls):
                f()
            best[name] = min(best[name], (time.perf_counter() - t0) / calls * 1e6)
    torch.set_num_threads(os.cpu_count())
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the table into docs/benchmarks.md")
    a = ap.parse_args()
    xtr, xte, ytr, yte = data()
    runs = {"symgrad numpy, fused step": lambda: run_symgrad("numpy", xtr, xte, ytr, yte),
            "symgrad llvm, fused step": lambda: run_symgrad("llvm", xtr, xte, ytr, yte),
            "symgrad llvm, Trainer.fit": lambda: run_fit("llvm", xtr, xte, ytr, yte),
            "PyTorch eager": lambda: run_torch(xtr, xte, ytr, yte),
            "PyTorch eager, 1 thread": lambda: run_torch(xtr, xte, ytr, yte, threads=1),
            "scikit-learn MLPClassifier": lambda: run_sklearn(xtr, xte, ytr, yte)}
    load = os.getloadavg()[0]
    res = {name: run() for name, run in runs.items()}
    import torch
    torch.set_num_threads(os.cpu_count())
    per_epoch = {name: s / ep for name, (s, ep, _, _) in res.items()}
    t2, t1 = res["PyTorch eager"][0], res["PyTorch eager, 1 thread"][0]
    rows = ["| system | seconds to 97% | epochs | test accuracy | s/epoch | time vs PyTorch eager "
            "(2 threads / 1 thread) | s/epoch vs PyTorch eager (2 threads / 1 thread) | compile (once) |",
            "|---|---|---|---|---|---|---|---|"]
    for name, (s, ep, acc, comp) in res.items():
        e = per_epoch[name]
        rows.append(f"| {name} | {s:.2f} | {ep} | {acc:.4f} | {e * 1e3:.1f} ms | {s / t2:.2f}x / {s / t1:.2f}x | "
                    f"{e / per_epoch['PyTorch eager']:.2f}x / {e / per_epoch['PyTorch eager, 1 thread']:.2f}x | "
                    + (f"{comp:.2f} s |" if comp is not None else "|"))
    interleaved = epoch_rounds(xtr, ytr)
    rows3 = ["| system | s/epoch, best of 5 interleaved | vs PyTorch eager (2 threads / 1 thread) |",
             "|---|---|---|"]
    for name, e in interleaved.items():
        rows3.append(f"| {name} | {e * 1e3:.1f} ms | {e / interleaved['PyTorch eager']:.2f}x / "
                     f"{e / interleaved['PyTorch eager, 1 thread']:.2f}x |")
    over = step_overhead(xtr, ytr)
    rows2 = ["| system | µs per step, batch of 1 | vs PyTorch eager (2 threads / 1 thread) |", "|---|---|---|"]
    for name, us in over.items():
        rows2.append(f"| {name} | {us:.0f} | {us / over['PyTorch eager']:.2f}x / "
                     f"{us / over['PyTorch eager, 1 thread']:.2f}x |")
    table = "\n".join(rows) + "\n\nOne epoch of each system in turn, five rounds (the load hits all " \
        "alike):\n\n" + "\n".join(rows3) + "\n\nPer-step overhead (one training step on a batch of 1, " \
        "best of 7 rounds of 300 calls, systems interleaved):\n\n" + "\n".join(rows2)
    print(table)
    print(f"load average at the start: {load:.2f}")
    if a.write:
        date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        text = (f"## T4: training to 97% test accuracy on digits\n\n"
                f"Measured {date} on {platform.machine()} ({os.cpu_count()} cores, load average "
                f"{load:.1f} at the start: other processes shared the cores), Python "
                f"{platform.python_version()}, NumPy {np.__version__}; all systems in one "
                "process, one run each, float32, the clock excludes data loading and symgrad's "
                "compile (shown separately; the llvm backend's machine code may come from its disk "
                "cache).\nCommand: `.venv/bin/python benchmarks/t4_digits.py --write`.\n\n"
                "symgrad's rows run one compiled call per mini-batch that computes the loss, the "
                "gradients and Adam's update and writes the new parameters and moments in place "
                "(`train.TrainStep`; `Trainer.fit` adds the training and test accuracy per epoch).\n\n"
                + table + "\n\n"
                "Epoch counts differ because each system initialises and shuffles with its own "
                "random streams; s/epoch compares the cost of one pass over the data.  On a loaded "
                "machine the multi-threaded rows (PyTorch with 2 threads, and NumPy's OpenBLAS under "
                "the numpy backend) lose most: their threads spin against the other processes; the "
                "1-thread PyTorch row is the steadier reference then.\n")
        print(f"wrote {replace_section('T4', text)}")


if __name__ == "__main__":
    main()
