"""``nn.init_params`` and the size checks of the modules (issue 15, item 9).

Reference: torch.nn.Linear, whose default weight init is uniform in
+-1/sqrt(fan_in) and which refuses sizes that are not ints.
"""
import numpy as np
import pytest
import sympy as sp

from symgrad import nn, tensor

torch = pytest.importorskip("torch")


def _torch_bound(n_in: int, n_out: int) -> float:
    """The half-width of torch's default weight distribution, measured on a large draw."""
    torch.manual_seed(0)
    w = torch.nn.Linear(n_in, n_out).weight.detach().numpy()
    return float(np.abs(w).max())


@pytest.mark.parametrize("n_in", [1, 2, 7])
def test_dense_weight_is_drawn_by_role_not_shape(n_in):
    n_out = 2000   # enough draws that the sample maximum is within 0.5% of the bound
    p = nn.init_params(nn.Dense(n_in, n_out, name="a"), seed=1)
    W, b = p["Wa"], p["ba"]
    assert W.shape == (n_in, n_out) and b.shape == (1, n_out)
    assert np.all(b == 0)
    assert np.count_nonzero(W) == W.size, "a (1, n) weight was taken for a bias"
    bound = 1 / np.sqrt(n_in)
    assert np.abs(W).max() <= bound
    # same support as torch's default: both sample maxima come within 0.5% of the bound
    assert np.abs(W).max() == pytest.approx(_torch_bound(n_in, n_out), rel=5e-3)


def test_mlp_regression_first_layer_starts_nonzero():
    model = nn.Sequential(nn.Dense(1, 16, name="1"), nn.Tanh(), nn.Dense(16, 1, name="2"))
    p = nn.init_params(model, seed=0)
    assert np.all(p["W1"] != 0) and np.all(p["W2"] != 0)
    assert np.all(p["b1"] == 0) and np.all(p["b2"] == 0)


def test_a_list_carries_no_roles_so_every_entry_is_a_weight():
    W = sp.MatrixSymbol("W", 1, 50)
    assert np.all(nn.init_params([W])["W"] != 0)


@pytest.mark.parametrize("dtype", ["float32", np.float64])
def test_float_dtypes(dtype):
    p = nn.init_params(nn.Dense(3, 2, name="f"), dtype=dtype)
    assert all(v.dtype == np.dtype(dtype) for v in p.values())


@pytest.mark.parametrize("dtype", ["int32", "int64", np.int8, "bool", "complex128", "float16", "foo"])
def test_non_float_dtypes_are_refused(dtype):
    with pytest.raises(TypeError, match="dtype"):
        nn.init_params(nn.Dense(3, 2), dtype=dtype)


def test_symbolic_shape_is_refused_by_name():
    n = sp.Symbol("n", integer=True, positive=True)
    with pytest.raises(TypeError, match="Wsym"):
        nn.init_params([sp.MatrixSymbol("Wsym", n, 2)])


@pytest.mark.parametrize("bad", [3.5, 3.0, "3", True, False, None, sp.Rational(3, 2), np.float64(3)])
@pytest.mark.parametrize("which", ["n_in", "n_out"])
def test_dense_sizes_must_be_ints(bad, which):
    args = {"n_in": 3, "n_out": 4, which: bad}
    with pytest.raises(TypeError, match=which):
        nn.Dense(args["n_in"], args["n_out"])
    if isinstance(bad, (float, str)):   # torch agrees (it takes a bool as 0/1; we do not)
        with pytest.raises(TypeError):
            torch.nn.Linear(**{"in_features": 3, "out_features": 4,
                               {"n_in": "in_features", "n_out": "out_features"}[which]: bad})


@pytest.mark.parametrize("bad", [0, -1])
def test_dense_sizes_must_be_positive(bad):
    with pytest.raises(ValueError, match="n_out must be positive"):
        nn.Dense(3, bad)


def test_integer_like_sizes_are_accepted():
    d = nn.Dense(np.int64(3), sp.Integer(4))
    assert (d.n_in, d.n_out) == (3, 4) and type(d.n_in) is int
    assert d.W.shape == (3, 4)


def test_other_sizes_are_checked():
    with pytest.raises(TypeError, match="features"):
        nn.input("X", 2.5)
    with pytest.raises(ValueError, match="features"):
        nn.input("X", 0)
    with pytest.raises(TypeError, match="bias"):
        nn.Dense(3, 4, bias="no")
    with pytest.raises(TypeError, match="K"):
        tensor.OneHot(sp.MatrixSymbol("Y", 5, 1), 2.5)


def test_a_custom_module_without_roles_gets_weights_not_zeros():
    class Bilinear(nn.Module):
        def __init__(self):
            self.A = sp.MatrixSymbol("A", 1, 30)

        def parameters(self):
            return [self.A]

        def __call__(self, x):
            return x * self.A

    assert np.all(nn.init_params(Bilinear())["A"] != 0)
