"""Class labels of softmax cross-entropy: both backends refuse the same bad labels, alike.

The reference is the rule itself: a label is an integer in ``0..K-1``; the
error names the argument and the first label that breaks it.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import symgrad as sg
from symgrad import losses, nn

BACKENDS = ["numpy", "llvm"]
K = 4
X, Y = nn.input("X", 3), nn.input("Y", 1)
NET = nn.Dense(3, K, name="1")


def _step(backend: str, dtype: str = "float64", labels=Y):
    return sg.compile(losses.softmax_cross_entropy(NET(X), labels), wrt=NET.parameters(),
                      backend=backend, dtype=dtype)


def _args(labels, dtype="float64"):
    rng = np.random.default_rng(0)
    n = len(labels)
    return dict(X=rng.normal(size=(n, 3)).astype(dtype), Y=np.asarray(labels, dtype).reshape(n, 1),
                W1=rng.normal(size=(3, K)).astype(dtype), b1=np.zeros(K, dtype))


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("bad", [4.0, -1.0, 2.5, np.nan, 1e9, np.inf, -0.5])
def test_bad_labels_raise_on_both_backends(backend, dtype, bad):
    step = _step(backend, dtype)
    labels = [0.0, 3.0, bad, 1.0, 7.0]
    want = f"argument 'Y': class labels must be integers in 0..{K - 1}, got {np.asarray(bad, dtype)}"
    with pytest.raises(ValueError) as info:
        step(**_args(labels, dtype))
    assert str(info.value) == want


@pytest.mark.parametrize("backend", BACKENDS)
def test_good_labels_after_a_bad_call(backend):
    step = _step(backend)
    with pytest.raises(ValueError, match="class labels"):
        step(**_args([0, 4, 1]))
    value, grads = step(**_args([0, 3, 1]))
    ref_value, ref_grads = _step("numpy")(**_args([0, 3, 1]))
    np.testing.assert_allclose(value, ref_value, rtol=1e-12)
    np.testing.assert_allclose(grads["W1"], ref_grads["W1"], rtol=1e-12)


@pytest.mark.parametrize("where", [0, 20_000, 39_999])
def test_bad_label_in_a_large_batch_on_the_llvm_backend(where):
    # 40,000 rows: the loop nests run in row chunks (on threads where OpenMP is loaded)
    labels = np.arange(40_000) % K
    labels = labels.astype(float)
    labels[where] = K
    with pytest.raises(ValueError, match=rf"class labels must be integers in 0\.\.{K - 1}, got 4\.0"):
        _step("llvm")(**_args(labels))


def test_computed_labels_are_checked_on_the_llvm_backend():
    step = _step("llvm", labels=sp.HadamardProduct(Y, Y))   # labels y*y
    with pytest.raises(ValueError, match=r"class labels must be integers in 0\.\.3, got 2\.25"):
        step(**_args([0.0, 1.0, 1.5]))
