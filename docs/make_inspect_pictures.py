"""Make the pictures of docs/inspect.md: DOT text and PNG in docs/pictures/.

    .venv/bin/python docs/make_inspect_pictures.py          # rewrite the pictures
    .venv/bin/python docs/make_inspect_pictures.py --check  # exit 1 if a .dot is stale

The DOT text is what sg.draw writes, byte for byte, so tests/test_inspect_docs.py
compares it with the committed files; the PNGs are rendered from it by
Graphviz's dot (the script says so and skips them when dot is missing).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import symgrad as sg  # noqa: E402
from symgrad import losses, nn  # noqa: E402

OUT = HERE / "pictures"


def _mlp(sizes, act=nn.Tanh):
    X, Y = nn.input("X", sizes[0]), nn.input("Y", sizes[-1])
    mods = []
    for k, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), 1):
        mods.append(nn.Dense(a, b, name=str(k)))
        if k < len(sizes) - 1:
            mods.append(act())
    model = nn.Sequential(*mods)
    return losses.softmax_cross_entropy(model(X), Y), model.parameters()


def pictures() -> dict[str, sg.inspect.Drawing]:
    """name -> drawing, as docs/inspect.md shows them."""
    x, y, z = sp.symbols("x y z")
    w0, x0, w1, x1, w2 = sp.symbols("w0 x0 w1 x1 w2")
    neuron = sg.sigmoid(w0 * x0 + w1 * x1 + w2)
    L, params = _mlp([3, 4, 2])
    rng = np.random.default_rng(0)
    at = {"X": rng.standard_normal((5, 3)).round(1), "Y": np.eye(2)[[0, 1, 1, 0, 1]],
          "W1": rng.standard_normal((3, 4)).round(1), "b1": np.zeros((1, 4)),
          "W2": rng.standard_normal((4, 2)).round(1), "b2": np.zeros((1, 2))}
    L10, _ = _mlp([64] + [32] * 9 + [10])
    X, Y = nn.input("X", (1, 8, 8)), nn.input("Y", 10)
    cnn = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Flatten(), nn.Dense(128, 10))
    return {
        "circuit": sg.draw((x + y) * z, at={x: -2, y: 5, z: -4}),
        "neuron": sg.draw(neuron, at={w0: 2, x0: -1, w1: -3, x1: -2, w2: -3}),
        "neuron_program": sg.draw(sg.grad(neuron, [w0, w1, w2])),
        "mlp_layers": sg.draw(sg.grad(L, params)),
        "mlp_expand": sg.draw(sg.grad(L, params), expand=1),
        "mlp_program": sg.draw(sg.grad(L, params), at=at, level="ops"),
        "mlp10_layers": sg.draw(L10),
        "cnn_stages": sg.draw(losses.softmax_cross_entropy(cnn(X), Y)),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a committed .dot differs")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    stale = []
    have_dot = sg.inspect.picture.dot_available()
    for name, d in pictures().items():
        path = OUT / f"{name}.dot"
        if args.check:
            if not path.exists() or path.read_text() != d.dot:
                stale.append(name)
            continue
        d.save(path)
        if have_dot:
            d.save(OUT / f"{name}.png")
    if args.check:
        print("stale:", ", ".join(stale) if stale else "none")
        return 1 if stale else 0
    if not have_dot:
        print("Graphviz's dot is not installed: wrote the .dot files only", file=sys.stderr)
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
