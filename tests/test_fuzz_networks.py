"""Differential fuzzing of random networks: both backends, float64 and float32, against torch autograd.

Networks come from tests/_fuzz_net_gen.py (dense, residual and shared-weight
layers, every activation, convolution, max and average pooling, 2-D and 1-D
batch norm, dropout, every loss, an L2 penalty, batch sizes from 1), built
independently in symgrad and in torch.  For each: the loss and every
gradient from ``backend="numpy"`` and ``backend="llvm"`` against torch in
float64, and for networks without kinks a central difference of the loss
(numpy backend, float64) along a random direction.

Tolerance, per array, relative to its largest entry ``s`` (as in
tests/test_nn_torch.py): every entry is a chain of at most ``depth + 3``
dot products or reductions, each of at most ``n`` terms (``longest_sum``),
so its rounding error is at most about ``(depth + 3) * n * u`` times the
magnitudes it is made of; we allow ``4 (depth + 3) n u s`` with ``u`` the
unit roundoff of the dtype, and ``s`` is at least ``G``, the network's
largest gradient entry: a rounding error scales with the terms a sum adds,
not with the sum, and every gradient is made of the same deltas; an array
that cancels (the bias of a convolution before a batch norm is exactly 0,
a batch norm's scale before another norm nearly so) carries rounding noise
of their size.  A wrong gradient is still caught at ``rel * G``
(about 1e-13 G in float64).  float32 runs see the float32-rounded inputs,
and torch computes from those same values in float64.  The central
difference with step h = 1e-6 errs by about h**2 |L'''| + u |L| / h: it is
allowed 1e-6 (|L| + |dL . v|).

``SYMGRAD_NET_FUZZ_EXAMPLES`` sets the number of networks (``make fuzz``).
"""
from __future__ import annotations

import os

import numpy as np
import pytest
from _fuzz_report import KEEP_GOING, FuzzReport
from _fuzz_net_gen import KINKED, arrays, build_symgrad, longest_sum, specs, torch_loss
from hypothesis import HealthCheck, Phase, given, settings

import symgrad as sg

torch = pytest.importorskip("torch")

NETWORKS = int(os.environ.get("SYMGRAD_NET_FUZZ_EXAMPLES", "4"))
REPORT = FuzzReport("networks")
STATS, FAILURES, _count, _progress = REPORT.stats, REPORT.failures, REPORT.count, REPORT.progress
UNIT = {"float64": 2.0 ** -53, "float32": 2.0 ** -24}


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    REPORT.write(networks=NETWORKS)


def _torch(spec, data, wrt):
    t = {k: torch.tensor(np.asarray(v, dtype=np.float64), requires_grad=k in wrt) for k, v in data.items()}
    loss = torch_loss(spec, t)
    loss.backward()
    return loss.item(), {w: t[w].grad.numpy() for w in wrt}


def _depth(spec) -> int:
    return len(spec["layers"]) if spec["kind"] == "mlp" else 4


def check_network(spec) -> list[str]:
    L, params, dropouts = build_symgrad(spec)
    wrt = [str(p.name) for p in params]
    base = arrays(spec, params, dropouts)
    failures = []
    kinked = (spec["kind"] == "mlp" and any(layer[2] in KINKED for layer in spec["layers"])) or \
        (spec["kind"] == "cnn" and (spec["act"] in KINKED or spec["pool"] == "max")) or spec["loss"] == "bce"
    for dtype, u in UNIT.items():
        data = {k: v.astype(dtype) for k, v in base.items()}
        want, want_grads = _torch(spec, data, wrt)
        rel = 4 * (_depth(spec) + 3) * longest_sum(spec) * u
        for backend in ("numpy", "llvm"):
            try:
                fn = sg.compile(L, wrt=params, backend=backend, dtype=dtype)
            except NotImplementedError as e:
                # a refusal by name (e.g. one-hot rows of computed labels in n-D): counted, not compared
                assert "use backend='numpy'" in str(e), e
                _count(f"refused by {backend}: {str(e).split(':')[0]}")
                continue
            value, grads = fn(**data)
            _count(f"networks {backend} {dtype}")
            pairs = [("loss", value, want)] + [(f"d_{w}", grads[w], want_grads[w]) for w in wrt]
            G = max(float(np.abs(want_grads[w]).max(initial=0.0)) for w in wrt)
            for what, got, ref in pairs:
                got = np.reshape(np.asarray(got, dtype=np.float64), np.shape(ref))
                # rounding errors scale with the terms summed, not with the sum: an array that
                # cancels (a bias before a batch norm, a scale before another norm) carries noise
                # of the deltas' size, which the network's largest gradient entry G measures
                s = max(float(np.abs(ref).max(initial=0.0)), G)
                err = float(np.abs(got - ref).max(initial=0.0)) if np.all(np.isfinite(got)) else np.inf
                _count("arrays compared")
                if not err <= rel * s:
                    failures.append(f"{backend} {dtype} {what}: error {err:.3g} > {rel:.2g} x {s:.3g} in {spec}")
            if backend == "numpy" and dtype == "float64" and not kinked:
                failures += _finite_difference(spec, fn, data, grads, wrt, value)
    return failures


def _finite_difference(spec, fn, data, grads, wrt, value) -> list[str]:
    rng = np.random.default_rng(spec["seed"] + 1)
    v = {w: rng.normal(size=np.shape(data[w])) for w in wrt}
    h = 1e-6
    up = fn(**{**data, **{w: data[w] + h * v[w] for w in wrt}})[0]
    dn = fn(**{**data, **{w: data[w] - h * v[w] for w in wrt}})[0]
    fd = (float(up) - float(dn)) / (2 * h)
    dot = sum(float(np.sum(np.reshape(grads[w], np.shape(v[w])) * v[w])) for w in wrt)
    _count("finite differences")
    if abs(fd - dot) <= 1e-6 * (abs(float(value)) + abs(dot)):
        return []
    return [f"finite difference {fd!r} != gradient . v {dot!r} in {spec}"]


@settings(max_examples=NETWORKS, deadline=None, derandomize=True, database=None,
          phases=(Phase.explicit, Phase.generate), suppress_health_check=list(HealthCheck))
@given(spec=specs())
def test_random_networks_match_torch(spec):
    try:
        failures = check_network(spec)
    except Exception as e:
        if not KEEP_GOING:
            raise
        failures = [f"{type(e).__name__}: {e} in {spec}"]
    _count(f"{spec['kind']} networks")
    if KEEP_GOING:
        FAILURES.extend(failures)
        _progress()
    else:
        assert not failures, "\n".join(failures[:10])


@pytest.mark.parametrize("spec", [
    # batch 1, a residual edge, a shared layer, every loss family once
    {"kind": "mlp", "n_in": 3, "layers": [("dense", 3, "tanh", 3), ("residual", 3, "softplus"),
                                          ("shared", 3, "sigmoid", 0)],
     "n_out": 2, "loss": "softmax_labels", "l2": True, "N": 1, "seed": 1},
    {"kind": "cnn", "N": 3, "image": (2, 6, 5), "conv": (3, 3, 1, 1, False), "bn2d": True, "act": "elu",
     "pool": "avg", "features": 3 * 3 * 2, "bn1d": True, "dropout": True, "n_out": 3, "loss": "bce_logits",
     "l2": False, "seed": 2},
], ids=["mlp-batch1-residual-shared", "cnn-bn-dropout-avgpool"])
def test_fixed_networks_match_torch(spec):
    failures = check_network(spec)
    assert not failures, "\n".join(failures)


def test_no_mismatch_was_collected():
    if not KEEP_GOING:
        pytest.skip("the bounded profile fails at the first mismatch; this collects the long profile's")
    assert not FAILURES, f"{len(FAILURES)} mismatches:\n" + "\n".join(FAILURES[:30])
