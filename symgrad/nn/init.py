"""Initial values of a network's parameters."""
from __future__ import annotations

from typing import Iterable

import numpy as np
import sympy as sp

from .._checks import positive_int
from .modules import Module

__all__ = ["init_params"]


def init_params(params: Module | Iterable[sp.MatrixSymbol], seed: int = 0,
                dtype: str = "float64") -> dict[str, np.ndarray]:
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
    """
    dtype = _float_dtype(dtype)
    if isinstance(params, Module):
        # the role decides, not the shape: Dense(1, n) has a (1, n) weight
        biases = set(params.biases())
        custom = params.initializers()      # conv kernels, batch norm's gamma: as torch does
        params = params.parameters()
    else:
        params, biases, custom = list(params), set(), {}
    rng = np.random.default_rng(seed)
    out = {}
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
            bound = 1.0 / np.sqrt(rows)   # fan_in: W is (n_in, n_out), X W
            out[p.name] = rng.uniform(-bound, bound, (rows, cols)).astype(dtype)
        else:
            out[p.name] = np.zeros((rows, cols), dtype=dtype)
    return out


def _float_dtype(dtype) -> np.dtype:
    try:
        dt = np.dtype(dtype)
    except TypeError:
        raise TypeError(f"init_params: dtype must be 'float64' or 'float32', not {dtype!r}") from None
    if dt not in (np.dtype(np.float64), np.dtype(np.float32)):
        raise TypeError(f"init_params: dtype must be 'float64' or 'float32' (the dtypes "
                        f"symgrad compiles), not {dt.name}")
    return dt
