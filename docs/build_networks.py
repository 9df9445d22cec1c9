"""Regenerate docs/networks.md: run every code block and paste its real output.

The page's code blocks run in one namespace, in order, as a reader would run
them; ``{{run:name}}`` in the template becomes the block's code followed by
what it printed, and ``{{math:name}}`` displays a block's LaTeX output.  Run after any change to the printers or the NumPy backend:

    .venv/bin/python docs/build_networks.py          # rewrite docs/networks.md
    .venv/bin/python docs/build_networks.py --check  # exit 1 if the page is stale
"""
from __future__ import annotations

import contextlib
import io
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

BLOCKS: dict[str, str] = {}

BLOCKS["declare"] = '''\
import sympy as sp
import symgrad as sg
from symgrad import nn, losses

X = nn.input("X", 3)            # a batch of inputs: (N, 3); N stays a symbol
T = nn.input("T", 1)            # targets: (N, 1)
hidden = nn.Dense(3, 4, name="1")
output = nn.Dense(4, 1, name="2")
model = nn.Sequential(hidden, nn.Tanh(), output)
L = losses.mse(model(X), T)

print(L)
print(model.parameters())
'''

BLOCKS["latex"] = '''\
print(sp.latex(L))
'''

BLOCKS["explain"] = '''\
print(sg.explain(L, model.parameters()))
'''

BLOCKS["program"] = '''\
g = sg.grad(L, model.parameters())
print(g.program)
'''

BLOCKS["source"] = '''\
step = sg.compile(L, wrt=model.parameters(), backend="numpy", dtype="float64")
print(step.source)
'''

BLOCKS["call"] = '''\
import numpy as np

rng = np.random.default_rng(0)
params = nn.init_params(model, seed=0)     # {"W1": (3, 4), "b1": (1, 4), "W2": (4, 1), "b2": (1, 1)}
x, t = rng.normal(size=(5, 3)), rng.normal(size=(5, 1))
loss, grads = step(X=x, T=t, **params)
print(float(loss))
print({name: g.shape for name, g in grads.items()})
print(grads["W2"].ravel())
'''

BLOCKS["errors"] = '''\
for bad in ({"X": x[:, :2], "T": t},          # 2 features instead of 3
            {"X": x, "T": t[:4]},             # 4 targets for 5 inputs
            {"X": x.astype(complex), "T": t}):
    try:
        step(**bad, **params)
    except (ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
try:
    hidden(nn.input("X", 5))
except ValueError as e:
    print(f"ValueError: {e}")
'''

BLOCKS["classify"] = '''\
X = nn.input("X", 64)
Y = nn.input("Y", 10)           # one-hot rows (an (N, 1) column of integer labels works too)
net = nn.Sequential(nn.Dense(64, 32, name="1"), nn.ReLU(), nn.Dense(32, 10, name="2"))
L = losses.softmax_cross_entropy(net(X), Y)
print(L)
print(sg.explain(L, net.parameters()))
'''

BLOCKS["classify_program"] = '''\
g = sg.grad(L, net.parameters())
print(g.program)
print(sum(node.op is sp.exp for node in g.program.nodes), "exp node")
'''

BLOCKS["train"] = '''\
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

x, y = load_digits(return_X_y=True)           # ships with scikit-learn
x = (x / 16.0).astype(np.float32)
x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)
onehot = np.eye(10, dtype=np.float32)

step = sg.compile(L, wrt=net.parameters(), backend="numpy", dtype="float32")
params = nn.init_params(net, seed=0, dtype="float32")
lr = 0.1
for epoch in range(1, 11):
    order = rng.permutation(len(x_tr))
    for i in range(0, len(order), 32):
        idx = order[i:i + 32]
        loss, grads = step(X=x_tr[idx], Y=onehot[y_tr[idx]], **params)
        for name, grad in grads.items():      # plain SGD; examples/ has Adam
            params[name] -= lr * grad
    h = np.maximum(x_te @ params["W1"] + params["b1"], 0)
    accuracy = np.mean((h @ params["W2"] + params["b2"]).argmax(axis=1) == y_te)
    if epoch % 2 == 0:
        print(f"epoch {epoch:2d}  last batch loss {float(loss):.4f}  test accuracy {accuracy:.3f}")
'''


def run_blocks() -> dict[str, str]:
    namespace: dict = {}
    outputs = {}
    for name, code in BLOCKS.items():
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(code, f"<docs/networks.md:{name}>", "exec"), namespace)
        outputs[name] = buf.getvalue()
    return outputs


def render(template: str, outputs: dict[str, str]) -> str:
    def block(m: re.Match) -> str:
        name = m.group(1)
        out = outputs[name].rstrip("\n")
        return f"```python\n{BLOCKS[name].rstrip()}\n```\n\nOutput:\n\n```text\n{out}\n```"
    def math(m: re.Match) -> str:        # a block's LaTeX output, displayed
        return "$$\n" + outputs[m.group(1)].strip() + "\n$$"
    template = re.sub(r"\{\{math:(\w+)\}\}", math, template)
    return re.sub(r"\{\{run:(\w+)\}\}", block, template)


def main(argv: list[str]) -> int:
    template = (HERE / "networks.md.in").read_text()
    page = render(template, run_blocks())
    target = HERE / "networks.md"
    if "--check" in argv:
        if not target.exists() or target.read_text() != page:
            print("docs/networks.md is stale: run .venv/bin/python docs/build_networks.py")
            return 1
        return 0
    target.write_text(page)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
