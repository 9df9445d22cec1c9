"""nn.MaxPool2d and nn.AvgPool2d against torch autograd in float64, both backends:
windows that overlap and that do not, kernel 1, non-square images and windows,
and ties, which max-pooling sends where torch's max_pool2d sends them (the
whole adjoint of a window to its first maximum in row-major order).
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from sympy.tensor.array.expressions import ArraySymbol

import symgrad as sg
from symgrad import nn
from symgrad.frontend.arrays import shape_of
from symgrad.tensor import Sum

from _cnn import check_step

torch = pytest.importorskip("torch")
F = torch.nn.functional
BACKENDS = ["numpy", "llvm"]
#: (kernel, stride): non-overlapping, overlapping, kernel 1 with a stride, non-square
POOLS = [(2, None), (3, 1), (3, 2), (1, 2), ((2, 3), (1, 2))]


def _pooled_loss(pool_cls, x):
    """``sum_i sum(pool_i(x) * T_i)`` over :data:`POOLS`, and the targets' shapes."""
    terms, shapes = [], []
    for i, (k, s) in enumerate(POOLS):
        y = pool_cls(k, s)(x)
        shapes.append(shape_of(y))
        terms.append(Sum(y * ArraySymbol(f"T{i}", shape_of(y))))
    return sp.Add(*terms), shapes


def _torch_pooled(f, x, a):
    return sum((f(x, k, s) * a[f"T{i}"]).sum() for i, (k, s) in enumerate(POOLS))


def _arrays(rng, x, shapes, n):
    out = {"X": x}
    out.update({f"T{i}": rng.normal(size=(n,) + tuple(s[1:])) for i, s in enumerate(shapes)})
    return out


@pytest.fixture(scope="module", params=BACKENDS)
def max_step(request):
    X = nn.input("X", (2, 7, 6))
    L, shapes = _pooled_loss(nn.MaxPool2d, X)
    return sg.compile(L, wrt=[X], backend=request.param), shapes


@pytest.mark.parametrize("n", [3, 1])
def test_max_pool_matches_torch(max_step, n):
    fn, shapes = max_step
    rng = np.random.default_rng(20 + n)
    arrays = _arrays(rng, rng.normal(size=(n, 2, 7, 6)), shapes, n)
    check_step(fn, arrays, lambda X, **a: _torch_pooled(F.max_pool2d, X, a), ["X"])


def test_max_pool_ties_go_where_torch_sends_them(max_step):
    """Entries from {0, 1, 2} and a block of zeros (as after a ReLU): most windows tie."""
    fn, shapes = max_step
    rng = np.random.default_rng(5)
    x = rng.integers(0, 3, size=(2, 2, 7, 6)).astype(float)
    x[:, :, :4, :4] = 0.0
    arrays = _arrays(rng, x, shapes, 2)
    check_step(fn, arrays, lambda X, **a: _torch_pooled(F.max_pool2d, X, a), ["X"])
    # and the sharing rule would differ here: the test can fail
    share = torch.tensor(x, requires_grad=True)
    t0 = torch.tensor(arrays["T0"])
    (share.unfold(2, 2, 2).unfold(3, 2, 2).amax((-2, -1)) * t0).sum().backward()
    first = torch.tensor(x, requires_grad=True)
    (F.max_pool2d(first, 2) * t0).sum().backward()
    assert not np.allclose(share.grad.numpy(), first.grad.numpy())


@pytest.mark.parametrize("backend", BACKENDS)
def test_avg_pool_matches_torch(backend):
    X = nn.input("X", (2, 7, 6))
    L, shapes = _pooled_loss(nn.AvgPool2d, X)
    fn = sg.compile(L, wrt=[X], backend=backend)
    rng = np.random.default_rng(9)
    for n in (2, 1):
        arrays = _arrays(rng, rng.normal(size=(n, 2, 7, 6)), shapes, n)
        check_step(fn, arrays, lambda X, **a: _torch_pooled(F.avg_pool2d, X, a), ["X"])


def test_pool_prints_and_checks_its_window():
    X = nn.input("X", (3, 5, 4))
    assert str(nn.MaxPool2d(2)(X)) == "max_pool2d(X, 2)"
    assert str(nn.AvgPool2d((2, 3), stride=1)(X)) == "avg_pool2d(X, (2, 3), stride=1)"
    with pytest.raises(ValueError, match=r"MaxPool2d\(5\): the window 5x5 is larger than the "
                                         r"image 5x4 of the input of shape \(N, 3, 5, 4\)"):
        nn.MaxPool2d(5)(X)
    with pytest.raises(ValueError, match=r"AvgPool2d: stride must be at least 1"):
        nn.AvgPool2d(2, stride=0)
    with pytest.raises(TypeError, match=r"MaxPool2d: kernel_size must be an int .* float 2.5"):
        nn.MaxPool2d(2.5)
    with pytest.raises(ValueError, match=r"4-D \(N, C, H, W\) input, got shape \(N, 3\)"):
        nn.MaxPool2d(2)(nn.input("Z", 3))


def test_shape_of_a_reduction_over_negative_axes():
    """A hand-written pooling (ReduceMax over Windows, axes counted from the end)."""
    from symgrad.ir.movement import ReduceMax, Windows
    X = nn.input("X", (2, 6, 4))
    assert shape_of(ReduceMax(Windows(X, ((2, 2), (2, 2))), ((-2, -1), False))) == (nn.BATCH, 2, 3, 2)
    assert shape_of(ReduceMax(X, ((1,), True))) == (nn.BATCH, 1, 6, 4)


def test_a_float32_max_pool_stays_float32_on_numpy():
    # the first-maximum mask reads a constant matrix: made in float64, it promoted every
    # array of the pooling's backward pass to float64 (a slower step, same values)
    X = nn.input("X", (2, 4, 4))
    fn = sg.compile(Sum(nn.MaxPool2d(2)(X)), backend="numpy", dtype="float32")
    assert "dtype=np.float64" not in fn.source and "dtype=np.float32" in fn.source
    trace = []

    def local_dtypes(frame, event, arg):
        if event == "return" and frame.f_code.co_name == "value_and_grad":
            trace.extend(v.dtype for v in frame.f_locals.values() if isinstance(v, np.ndarray))
        return local_dtypes

    import sys
    sys.settrace(local_dtypes)
    try:
        fn(X=np.random.default_rng(0).normal(size=(3, 2, 4, 4)).astype(np.float32))
    finally:
        sys.settrace(None)
    assert {d for d in trace if d.kind == "f"} == {np.dtype(np.float32)}
