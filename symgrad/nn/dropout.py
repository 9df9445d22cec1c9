"""Dropout (Srivastava et al., JMLR 2014), as ``torch.nn.Dropout``, with the mask as an input.

In training mode the layer multiplies its input entrywise by a mask
``mask<name>`` of the input's shape, an input of the compiled step with role
``"mask"`` (:meth:`Dropout.roles`): a gradient is then deterministic given
the mask.  :meth:`Dropout.draw_mask` (or :func:`draw_masks` for a whole model)
draws masks from a seeded generator as torch does: each entry kept with
probability ``1 - p`` and scaled by ``1 / (1 - p)``, so the expected output
is the input.  In inference mode (``eval()``) the layer is the identity.

Examples
--------
>>> import numpy as np, symgrad as sg
>>> from symgrad import nn
>>> X = nn.input("X", 4)
>>> model = nn.Sequential(nn.Dense(4, 3), nn.Dropout(0.5))
>>> print(model(X))
HadamardProduct(X*W0 + 1*b0, mask1)
>>> model.roles()
{mask1: 'mask'}
>>> masks = draw_masks(model, batch=2, rng=np.random.default_rng(0))
>>> masks["mask1"]
array([[0., 2., 2.],
       [2., 0., 0.]])
>>> print(model.eval()(X))
X*W0 + 1*b0
"""
from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr
from sympy.tensor.array.expressions import ArraySymbol

from .._checks import sympy_arg
from ..frontend.arrays import shape_of
from .layer import NamedLayer
from .modules import Module

__all__ = ["Dropout", "draw_masks"]


class Dropout(NamedLayer):
    """Zero each entry with probability ``p`` in training; the mask is an input.

    Parameters
    ----------
    p : float
        The probability of dropping an entry, in ``[0, 1)``.
    name : str, optional
        Names the mask ``mask<name>``; without it, the place in a Sequential.

    Examples
    --------
    >>> from symgrad import nn
    >>> d = Dropout(0.25, name="1")
    >>> print(d(nn.input("X", (2, 3, 3))), d.mask.shape)
    X*mask1 (N, 2, 3, 3)
    """

    def __init__(self, p: float = 0.5, name: str | None = None):
        p = sympy_arg(p, "p", "Dropout")
        if not (p.is_real and 0 <= p < 1):
            raise ValueError(f"Dropout: p must be in [0, 1), got {p}")
        self.p = float(p)
        self.name = None if name is None else str(name)
        self._shape: tuple | None = None

    @property
    def mask(self) -> sp.MatrixSymbol | ArraySymbol:
        """The mask symbol, of the input's shape; known once the layer has been called."""
        if self._shape is None:
            raise ValueError(f"{self!r} has not been called yet, so its mask has no shape")
        label = f"mask{self._label()}"
        if len(self._shape) == 2:
            return sp.MatrixSymbol(label, *self._shape)
        return ArraySymbol(label, self._shape)

    def roles(self) -> dict:
        """``{mask: "mask"}`` in training mode once called, else ``{}``."""
        return {self.mask: "mask"} if self.training and self._shape is not None else {}

    def draw_mask(self, batch: int, rng: np.random.Generator | int | None = None,
                  dtype: str = "float64") -> np.ndarray:
        """A mask for a batch of ``batch`` rows: ``1/(1-p)`` with probability ``1 - p``, else 0."""
        if self._shape is None:
            raise ValueError(f"{self!r} has not been called yet, so its mask has no shape")
        rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        shape = tuple(int(batch) if not isinstance(d, int) else d for d in self._shape)
        keep = rng.random(shape) < 1.0 - self.p
        return (keep / (1.0 - self.p)).astype(dtype)

    def __call__(self, x: sp.Basic) -> sp.Basic:
        if not self.training:
            return x
        self._check_placed()
        shape = shape_of(x)
        if len(shape) < 2:
            raise ValueError(f"{self!r} expects a batch, (N, F) or (N, C, H, W), got an input "
                             f"of shape {shape}")
        self._shape = shape
        if isinstance(x, MatrixExpr):
            return sp.HadamardProduct(x, self.mask)
        return x * self.mask

    def __repr__(self) -> str:
        return f"Dropout({self.p}{self._name_arg()})"


def draw_masks(model: Module, batch: int, rng: np.random.Generator | int | None = None,
               dtype: str = "float64") -> dict[str, np.ndarray]:
    """Fresh masks, by name, for every dropout layer of ``model`` in training mode.

    One generator draws them in the order of the layers, so a seed gives the
    same masks every time.
    """
    rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    layers = model._layers() if hasattr(model, "_layers") else [model]
    return {str(m.mask.name): m.draw_mask(batch, rng, dtype) for m in layers
            if isinstance(m, Dropout) and m.training and m._shape is not None}
