"""Random networks for the differential fuzzer (tests/test_fuzz_networks.py).

A network is a spec: a list of layer tuples that :func:`build_symgrad` turns
into symgrad modules and :func:`torch_loss` into the same computation in
torch, so neither is derived from the other.

* ``mlp``: 1-8 layers of ``("dense", width, act)``, ``("residual", act)``
  (``h + act(h W + b)``) or ``("shared", j, act)`` (layer ``j``'s weights
  again), then a dense head and a loss; an optional L2 penalty.
* ``cnn``: conv (kernel 1-3, stride 1-2, padding 0-1, with or without bias),
  optional 2-D batch norm, an activation, optional max or average pooling,
  flatten, optional 1-D batch norm and dropout, a dense head, a loss.

Batch sizes from 1 (no 1-D batch norm at 1: its variance is 0, torch refuses).
"""
from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from symgrad import losses, nn

ACTS = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "identity"]
LOSSES = ["mse", "bce", "bce_logits", "softmax_ce", "softmax_labels"]
#: activations and losses whose derivative has a kink (no finite-difference check there)
KINKED = {"relu", "leaky_relu", "elu"}


def make_act(name: str):
    return {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU, "leaky_relu": lambda: nn.LeakyReLU(0.1),
            "elu": lambda: nn.ELU(0.7), "softplus": nn.Softplus, "identity": nn.Identity}[name]()


@st.composite
def mlp_specs(draw):
    n_in = draw(st.integers(1, 5))
    width, layers, square = n_in, [], []
    for i in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["dense", "dense", "residual", "shared"]))
        act = draw(st.sampled_from(ACTS))
        if kind == "shared" and not [j for j in square if layers[j][1] == width]:
            kind = "residual"
        if kind == "dense":
            new = draw(st.integers(1, 6))
            layers.append(("dense", new, act, width))
            if new == width:
                square.append(i)
            width = new
        elif kind == "residual":
            layers.append(("residual", width, act))
        else:
            j = draw(st.sampled_from([j for j in square if layers[j][1] == width]))
            layers.append(("shared", width, act, j))
    loss = draw(st.sampled_from(LOSSES))
    return {"kind": "mlp", "n_in": n_in, "layers": layers, "n_out": _n_out(draw, loss),
            "loss": loss, "l2": draw(st.booleans()),
            "N": draw(st.sampled_from([1, 2, 3, 5, 8])), "seed": draw(st.integers(0, 2 ** 31))}


@st.composite
def cnn_specs(draw):
    N = draw(st.sampled_from([1, 2, 3, 5]))
    c_in, H, W = draw(st.integers(1, 2)), draw(st.integers(4, 7)), draw(st.integers(4, 7))
    k, s, p = draw(st.integers(1, 3)), draw(st.integers(1, 2)), draw(st.integers(0, 1))
    oh, ow = (H + 2 * p - k) // s + 1, (W + 2 * p - k) // s + 1
    c_out = draw(st.integers(1, 3))
    pool = draw(st.sampled_from([None, "max", "avg"])) if min(oh, ow) >= 2 else None
    loss = draw(st.sampled_from(LOSSES))
    if pool:
        oh, ow = oh // 2, ow // 2
    return {"kind": "cnn", "N": N, "image": (c_in, H, W), "conv": (c_out, k, s, p, draw(st.booleans())),
            "bn2d": draw(st.booleans()), "act": draw(st.sampled_from(ACTS)), "pool": pool,
            "features": c_out * oh * ow, "bn1d": N > 1 and draw(st.booleans()),
            "dropout": draw(st.booleans()), "n_out": _n_out(draw, loss),
            "loss": loss, "l2": False, "seed": draw(st.integers(0, 2 ** 31))}


def specs():
    return st.one_of(mlp_specs(), cnn_specs())


def _n_out(draw, loss: str) -> int:
    # softmax over one class is degenerate, and a (N, 1) target is then read as
    # probabilities, not labels (losses.softmax_cross_entropy): at least two classes
    return draw(st.integers(2 if loss.startswith("softmax") else 1, 4))


def _loss(name: str, Z, Y):
    if name == "mse":
        return losses.mse(Z, Y)
    if name == "bce":
        return losses.binary_cross_entropy(nn.Sigmoid()(Z), Y)
    if name == "bce_logits":
        return losses.binary_cross_entropy_with_logits(Z, Y)
    return losses.softmax_cross_entropy(Z, Y)


def build_symgrad(spec):
    """(loss, parameters, dropout layers): the network as symgrad modules, every layer named."""
    if spec["kind"] == "mlp":
        X = nn.input("X", spec["n_in"])
        h, dense, params = X, {}, []
        for i, layer in enumerate(spec["layers"]):
            if layer[0] == "dense":
                dense[i] = nn.Dense(layer[3], layer[1], name=str(i))
                params += dense[i].parameters()
                h = make_act(layer[2])(dense[i](h))
            elif layer[0] == "residual":
                dense[i] = nn.Dense(layer[1], layer[1], name=str(i))
                params += dense[i].parameters()
                h = h + make_act(layer[2])(dense[i](h))
            else:
                h = make_act(layer[2])(dense[layer[3]](h))
        head = nn.Dense(int(h.shape[1]), spec["n_out"], name="out")
        params += head.parameters()
        Z, dropouts = head(h), []
    else:
        X = nn.input("X", spec["image"])
        c_out, k, s, p, bias = spec["conv"]
        conv = nn.Conv2d(spec["image"][0], c_out, k, stride=s, padding=p, bias=bias, name="c")
        h, params = conv(X), conv.parameters()
        if spec["bn2d"]:
            bn = nn.BatchNorm2d(c_out, name="n2")
            h, params = bn(h), params + bn.parameters()
        h = make_act(spec["act"])(h)
        if spec["pool"]:
            h = (nn.MaxPool2d if spec["pool"] == "max" else nn.AvgPool2d)(2)(h)
        h = nn.Flatten()(h)
        if spec["bn1d"]:
            bn = nn.BatchNorm1d(spec["features"], name="n1")
            h, params = bn(h), params + bn.parameters()
        dropouts = []
        if spec["dropout"]:
            d = nn.Dropout(0.3, name="d")
            h = d(h)
            dropouts.append(d)
        head = nn.Dense(spec["features"], spec["n_out"], name="out")
        Z, params = head(h), params + head.parameters()
    target = 1 if spec["loss"] == "softmax_labels" else spec["n_out"]
    L = _loss(spec["loss"], Z, nn.input("Y", target))
    if spec["l2"]:
        L = L + losses.l2_penalty([q for q in params if str(q).startswith("W")], sp.Rational(1, 100))
    return L, params, dropouts


def arrays(spec, params, dropouts) -> dict[str, np.ndarray]:
    """Inputs, targets, parameters (N(0, 1/fan_in), batch-norm scales near 1) and dropout masks."""
    rng = np.random.default_rng(spec["seed"])
    N = spec["N"]
    shape = (N, spec["n_in"]) if spec["kind"] == "mlp" else (N, *spec["image"])
    out = {"X": rng.normal(size=shape) * 1.5}
    n_out = spec["n_out"]
    out["Y"] = {"mse": lambda: rng.normal(size=(N, n_out)), "bce": lambda: rng.uniform(size=(N, n_out)),
                "bce_logits": lambda: rng.uniform(size=(N, n_out)),
                "softmax_ce": lambda: np.eye(n_out)[rng.integers(0, n_out, N)],
                "softmax_labels": lambda: rng.integers(0, n_out, (N, 1)).astype(np.float64)}[spec["loss"]]()
    for q in params:
        shp = tuple(int(d) for d in q.shape)
        name = str(q.name)
        if name.startswith("gamma"):
            out[name] = 1 + 0.2 * rng.normal(size=shp)
        elif name.startswith("beta") or name.startswith("b"):
            out[name] = 0.3 * rng.normal(size=shp)
        else:
            fan_in = int(np.prod(shp[1:])) if len(shp) == 4 else shp[0]
            out[name] = rng.normal(size=shp) / np.sqrt(fan_in)
    for d in dropouts:
        out[str(d.mask.name)] = d.draw_mask(N, rng)
    return out


def torch_loss(spec, t):
    """The same network in torch, on a dict of float64 tensors ``t``."""
    import torch
    F = torch.nn.functional
    acts = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
            "leaky_relu": lambda z: F.leaky_relu(z, 0.1), "elu": lambda z: F.elu(z, 0.7),
            "softplus": F.softplus, "identity": lambda z: z}
    h = t["X"]
    if spec["kind"] == "mlp":
        for i, layer in enumerate(spec["layers"]):
            j = layer[3] if layer[0] == "shared" else i
            z = acts[layer[2]](h @ t[f"W{j}"] + t[f"b{j}"])
            h = h + z if layer[0] == "residual" else z
    else:
        c_out, k, s, p, bias = spec["conv"]
        h = F.conv2d(h, t["Kc"], t["bc"].reshape(-1) if bias else None, stride=s, padding=p)
        if spec["bn2d"]:
            h = F.batch_norm(h, None, None, t["gamman2"].reshape(-1), t["betan2"].reshape(-1),
                             training=True, eps=1e-5)
        h = acts[spec["act"]](h)
        if spec["pool"]:
            h = (F.max_pool2d if spec["pool"] == "max" else F.avg_pool2d)(h, 2)
        h = h.flatten(1)
        if spec["bn1d"]:
            h = F.batch_norm(h, None, None, t["gamman1"].reshape(-1), t["betan1"].reshape(-1),
                             training=True, eps=1e-5)
        if spec["dropout"]:
            h = h * t["maskd"]
    Z, Y = h @ t["Wout"] + t["bout"], t["Y"]
    loss = {"mse": lambda: F.mse_loss(Z, Y),
            "bce": lambda: F.binary_cross_entropy(torch.sigmoid(Z), Y),
            "bce_logits": lambda: F.binary_cross_entropy_with_logits(Z, Y),
            "softmax_ce": lambda: F.cross_entropy(Z, Y.argmax(1)),
            "softmax_labels": lambda: F.cross_entropy(Z, Y[:, 0].long())}[spec["loss"]]()
    if spec["l2"]:
        loss = loss + sum((v * v).sum() for k, v in t.items() if k.startswith("W")) / 100
    return loss


def longest_sum(spec) -> int:
    """The most terms in one dot product or reduction of the network (for the tolerance)."""
    N = spec["N"]
    if spec["kind"] == "mlp":
        widths = [spec["n_in"]] + [layer[1] for layer in spec["layers"]]
        return max(max(widths), N) * max(2, spec["n_out"]) * 2
    c_in, H, W = spec["image"]
    k = spec["conv"][1]
    return max(c_in * k * k, N * H * W, spec["features"], N * spec["n_out"]) * 2
