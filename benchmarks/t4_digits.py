"""Workload T4: training to 97% test accuracy on scikit-learn's digits.

As docs/benchmarks.md ("Workload definitions") defines it: inputs scaled
by 1/16, stratified 80/20 split (random_state=0), MLP 64-128-128-10 with ReLU,
softmax cross-entropy, Adam lr 1e-3, batch 32, float32; the clock runs from
the first step until the epoch whose test accuracy reaches 97% (checked after
every epoch), data loading excluded.  In one process: symgrad (numpy and
llvm backends; compile time reported separately, it is paid once), PyTorch
eager and scikit-learn's MLPClassifier, each written as its users would.

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
import symgrad as sg  # noqa: E402  (after the sys.path line, to run from a checkout)
from symgrad import losses, nn, train  # noqa: E402

TARGET, MAX_EPOCHS, BATCH, LR = 0.97, 200, 32, 1e-3


def data():
    x, y = load_digits(return_X_y=True)
    x = (x / 16.0).astype(np.float32)
    return train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)


def run_symgrad(backend: str, xtr, xte, ytr, yte):
    X, Y = nn.input("X", 64), nn.input("Y", 1)
    model = nn.Sequential(nn.Dense(64, 128, name="1"), nn.ReLU(), nn.Dense(128, 128, name="2"),
                          nn.ReLU(), nn.Dense(128, 10, name="3"))
    t0 = time.perf_counter()
    step = sg.compile(losses.softmax_cross_entropy(model(X), Y), wrt=model.parameters(),
                      backend=backend, dtype="float32")
    logits = sg.compile(model(X), backend=backend, dtype="float32")
    compile_s = time.perf_counter() - t0
    params = nn.init_params(model, seed=0, dtype="float32")
    opt = train.Adam(params, lr=LR)
    rng = np.random.default_rng(0)
    labels = ytr.reshape(-1, 1).astype(np.float32)
    t0 = time.perf_counter()
    for epoch in range(1, MAX_EPOCHS + 1):
        for idx in train.minibatches(len(xtr), BATCH, rng):
            opt.step(step(X=xtr[idx], Y=labels[idx], **params)[1])
        acc = float(np.mean(logits(X=xte, **params)[0].argmax(1) == yte))
        if acc >= TARGET:
            break
    return time.perf_counter() - t0, epoch, acc, compile_s


def run_torch(xtr, xte, ytr, yte):
    import torch
    torch.manual_seed(0)
    torch.set_num_threads(os.cpu_count())
    net = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 128),
                              torch.nn.ReLU(), torch.nn.Linear(128, 10))
    opt = torch.optim.Adam(net.parameters(), lr=LR)
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the table into docs/benchmarks.md")
    a = ap.parse_args()
    xtr, xte, ytr, yte = data()
    runs = {"symgrad numpy": lambda: run_symgrad("numpy", xtr, xte, ytr, yte),
            "symgrad llvm": lambda: run_symgrad("llvm", xtr, xte, ytr, yte),
            "PyTorch eager": lambda: run_torch(xtr, xte, ytr, yte),
            "scikit-learn MLPClassifier": lambda: run_sklearn(xtr, xte, ytr, yte)}
    res = {name: run() for name, run in runs.items()}
    torch_s = res["PyTorch eager"][0]
    rows = ["| system | seconds to 97% | epochs | test accuracy | s/epoch | vs PyTorch eager | compile (once) |",
            "|---|---|---|---|---|---|---|"]
    for name, (s, ep, acc, comp) in res.items():
        rows.append(f"| {name} | {s:.2f} | {ep} | {acc:.4f} | {s / ep * 1e3:.0f} ms | {s / torch_s:.2f}x | "
                    + (f"{comp * 1e3:.0f} ms |" if comp is not None else "|"))
    table = "\n".join(rows)
    print(table)
    if a.write:
        date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        text = (f"## T4: training to 97% test accuracy on digits\n\n"
                f"Measured {date} on {platform.machine()} ({os.cpu_count()} cores), "
                f"Python {platform.python_version()}, NumPy {np.__version__}; all systems in one "
                "process, one run each, float32, the clock excludes data loading and symgrad's "
                "compile (shown separately).\nCommand: `.venv/bin/python benchmarks/t4_digits.py "
                "--write`.\n\n" + table + "\n\n"
                "Epoch counts differ because each system initialises and shuffles with its own "
                "random streams; s/epoch compares the cost of one pass over the data.\n")
        print(f"wrote {replace_section('T4', text)}")


if __name__ == "__main__":
    main()
