"""Helpers for the CNN tests: torch references in float64, compiled once per configuration."""
from __future__ import annotations

import numpy as np

import symgrad as sg

#: rtol of the float64 comparisons: the issue's bar; sums of at most a few hundred
#: terms in float64 stay near 1e-14 relative to the largest entry
RTOL64 = 1e-10


def torch_value_and_grads(loss_fn, arrays: dict[str, np.ndarray], wrt: list[str]):
    """``loss_fn(**tensors)`` and its gradients by torch autograd, in float64."""
    import torch
    ts = {k: torch.tensor(np.asarray(v, dtype=np.float64), requires_grad=k in wrt)
          for k, v in arrays.items()}
    out = loss_fn(**ts)
    out.backward()
    return out.item(), {w: ts[w].grad.numpy() for w in wrt}


def assert_close(got, want, rtol: float = RTOL64, what: str = "") -> None:
    """Equal to ``rtol`` relative to the largest entry of ``want``, same shape."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    assert got.shape == want.shape, f"{what}: shape {got.shape} != {want.shape}"
    scale = max(np.abs(want).max(initial=0.0), 1e-300)
    err = np.abs(got - want).max(initial=0.0)
    assert err <= rtol * scale, f"{what}: max error {err:.3g} against max |want| {scale:.3g}"


def check_step(fn, arrays, loss_fn, wrt, rtol=RTOL64):
    """Run the compiled ``fn`` and compare the value and every gradient with torch."""
    value, grads = fn(**arrays)
    want, want_grads = torch_value_and_grads(loss_fn, arrays, wrt)
    assert_close(value, want, rtol, "value")
    for w in wrt:
        assert_close(np.reshape(grads[w], want_grads[w].shape), want_grads[w], rtol, f"d_{w}")


def compile_loss(L, wrt, backend, dtype="float64", **kw):
    return sg.compile(L, wrt=wrt, backend=backend, dtype=dtype, **kw)
