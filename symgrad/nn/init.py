"""Initial values of a network's parameters."""
from __future__ import annotations

from typing import Iterable

import numpy as np
import sympy as sp

from .._checks import positive_int
from .modules import Module

__all__ = ["init_params", "fans", "glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
           "torch_default", "SCHEMES"]


def init_params(params: Module | Iterable[sp.MatrixSymbol], seed: int = 0,
                dtype: str = "float64", weights: str = "default") -> dict[str, np.ndarray]:
    """Initial values by name: weights uniform in +-1/sqrt(fan_in) (PyTorch's
    default for ``Linear``), biases zero.

    Parameters
    ----------
    params
        A :class:`Module`, whose layers declare their biases (``biases()``);
        every other parameter is drawn as a weight.  A list of matrix symbols
        carries no roles: every entry is then drawn as a weight.
    seed
        Seed of the NumPy generator.
    dtype
        ``"float64"`` or ``"float32"``, the dtypes symgrad compiles.
    weights
        How dense weights are drawn, one of :data:`SCHEMES`: ``"default"`` as
        above; ``"torch"`` as ``torch.nn.Linear`` (biases too uniform in
        +-1/sqrt(fan_in) of the weight before them); ``"glorot_uniform"``,
        ``"glorot_normal"``, ``"he_uniform"``, ``"he_normal"``.  Layers with
        initializers of their own (convolution kernels, batch norm) keep them.

    Raises
    ------
    TypeError
        For any other dtype (an integer weight would truncate to 0), or a
        parameter that is not a ``MatrixSymbol`` of integer shape.

    >>> from symgrad import nn
    >>> p = init_params(nn.Dense(3, 2, name="x"))
    >>> sorted((k, v.shape) for k, v in p.items())
    [('Wx', (3, 2)), ('bx', (1, 2))]
    >>> bool((init_params(nn.Dense(1, 4, name="y"))["Wy"] != 0).all())
    True
    >>> g = init_params(nn.Dense(300, 200, name="g"), weights="glorot_uniform")["Wg"]
    >>> bool(np.abs(g).max() <= np.sqrt(6 / 500))
    True
    """
    dtype = _float_dtype(dtype)
    if weights not in SCHEMES:
        raise ValueError(f"init_params: weights must be one of {sorted(SCHEMES)}, not {weights!r}")
    if isinstance(params, Module):
        # the role decides, not the shape: Dense(1, n) has a (1, n) weight
        biases = set(params.biases())
        custom = params.initializers()      # conv kernels, batch norm's gamma: as torch does
        params = params.parameters()
    else:
        params, biases, custom = list(params), set(), {}
    rng = np.random.default_rng(seed)
    out = {}
    fan_in = None   # of the last weight drawn: torch's bias bound
    for p in params:
        if p in custom:
            out[str(p.name)] = np.asarray(custom[p](rng, dtype), dtype=dtype)
            continue
        if not isinstance(p, sp.MatrixSymbol):
            raise TypeError(f"init_params: parameters must be MatrixSymbols, not "
                            f"{type(p).__name__} {p!r}")
        try:
            rows, cols = (positive_int(d, f"the shape of {p.name}", "init_params") for d in p.shape)
        except TypeError:
            raise TypeError(f"init_params: {p.name} has shape {p.shape}; only numeric "
                            f"shapes can be initialised") from None
        if p not in biases:
            out[p.name] = SCHEMES[weights](rng, (rows, cols), dtype)
            fan_in = rows   # W is (n_in, n_out): X W
        elif weights == "torch" and fan_in is not None:
            bound = 1.0 / np.sqrt(fan_in)
            out[p.name] = rng.uniform(-bound, bound, (rows, cols)).astype(dtype)
        else:
            out[p.name] = np.zeros((rows, cols), dtype=dtype)
    return out


def fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """``(fan_in, fan_out)`` of a weight: a dense ``(n_in, n_out)`` (symgrad's ``X W``), or a
    convolution kernel ``(out_ch, in_ch, *kernel)`` (torch's layout).

    >>> fans((64, 128)), fans((16, 8, 3, 3))
    ((64, 128), (72, 144))
    """
    shape = tuple(int(d) for d in shape)
    if len(shape) == 2:
        return shape[0], shape[1]
    if len(shape) < 2:
        raise ValueError(f"fans: a weight has at least 2 axes, not shape {shape}")
    field = int(np.prod(shape[2:]))
    return shape[1] * field, shape[0] * field


def glorot_uniform(rng: np.random.Generator, shape: tuple[int, ...], dtype: str = "float64",
                   gain: float = 1.0) -> np.ndarray:
    """Glorot/Xavier uniform: ``U(-a, a)``, ``a = gain * sqrt(6 / (fan_in + fan_out))``
    (``torch.nn.init.xavier_uniform_``).

    >>> w = glorot_uniform(np.random.default_rng(0), (2, 4))
    >>> w.shape, bool(np.abs(w).max() <= 1.0)
    ((2, 4), True)
    """
    fi, fo = fans(shape)
    a = gain * np.sqrt(6.0 / (fi + fo))
    return rng.uniform(-a, a, shape).astype(dtype)


def glorot_normal(rng: np.random.Generator, shape: tuple[int, ...], dtype: str = "float64",
                  gain: float = 1.0) -> np.ndarray:
    """Glorot/Xavier normal: ``N(0, std^2)``, ``std = gain * sqrt(2 / (fan_in + fan_out))``
    (``torch.nn.init.xavier_normal_``).

    >>> glorot_normal(np.random.default_rng(0), (3, 3), "float32").dtype
    dtype('float32')
    """
    fi, fo = fans(shape)
    return (gain * np.sqrt(2.0 / (fi + fo)) * rng.standard_normal(shape)).astype(dtype)


def he_uniform(rng: np.random.Generator, shape: tuple[int, ...], dtype: str = "float64",
               gain: float = np.sqrt(2.0)) -> np.ndarray:
    """He/Kaiming uniform for ReLU: ``U(-b, b)``, ``b = gain * sqrt(3 / fan_in)``
    (``torch.nn.init.kaiming_uniform_(nonlinearity="relu")``, gain sqrt(2)).

    >>> bool(np.abs(he_uniform(np.random.default_rng(0), (6, 5))).max() <= 1.0)
    True
    """
    fi, _ = fans(shape)
    b = gain * np.sqrt(3.0 / fi)
    return rng.uniform(-b, b, shape).astype(dtype)


def he_normal(rng: np.random.Generator, shape: tuple[int, ...], dtype: str = "float64",
              gain: float = np.sqrt(2.0)) -> np.ndarray:
    """He/Kaiming normal for ReLU: ``N(0, (gain / sqrt(fan_in))^2)``
    (``torch.nn.init.kaiming_normal_(nonlinearity="relu")``).

    >>> he_normal(np.random.default_rng(0), (4, 2)).shape
    (4, 2)
    """
    fi, _ = fans(shape)
    return (gain / np.sqrt(fi) * rng.standard_normal(shape)).astype(dtype)


def torch_default(rng: np.random.Generator, shape: tuple[int, ...], dtype: str = "float64") -> np.ndarray:
    """torch's default for ``Linear`` and ``Conv2d`` weights: ``U(-1/sqrt(fan_in), 1/sqrt(fan_in))``
    (``kaiming_uniform_(a=sqrt(5))``).

    >>> bool(np.abs(torch_default(np.random.default_rng(0), (4, 3))).max() <= 0.5)
    True
    """
    fi, _ = fans(shape)
    b = 1.0 / np.sqrt(fi)
    return rng.uniform(-b, b, shape).astype(dtype)


#: weight schemes of :func:`init_params` by name
SCHEMES = {"default": torch_default, "torch": torch_default, "glorot_uniform": glorot_uniform,
           "glorot_normal": glorot_normal, "he_uniform": he_uniform, "he_normal": he_normal}


def _float_dtype(dtype) -> np.dtype:
    try:
        dt = np.dtype(dtype)
    except TypeError:
        raise TypeError(f"init_params: dtype must be 'float64' or 'float32', not {dtype!r}") from None
    if dt not in (np.dtype(np.float64), np.dtype(np.float32)):
        raise TypeError(f"init_params: dtype must be 'float64' or 'float32' (the dtypes "
                        f"symgrad compiles), not {dt.name}")
    return dt
