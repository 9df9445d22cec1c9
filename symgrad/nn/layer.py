"""What the layers of :mod:`symgrad.nn` share: a name, or a place in a container.

A layer's parameters are symbols known by name, so two layers must never
end up with the same names.  :class:`NamedLayer` names a layer's symbols
after its ``name`` or, without one, after its place in a
:class:`~symgrad.nn.modules.Sequential` (``K0``, ``b0`` for the first
layer), as :class:`~symgrad.nn.modules.Dense` does.

>>> from symgrad import nn
>>> nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.BatchNorm2d(2)).parameters()
[K0, b0, gamma2, beta2]
"""
from __future__ import annotations

from .modules import Module

__all__ = ["NamedLayer"]


class NamedLayer(Module):
    """A module whose symbols are named ``<prefix><label>``."""

    name: str | None = None

    def _label(self) -> str:
        return self.name if self.name is not None else self._place()

    def _name_arg(self) -> str:
        """``, name='...'`` for a repr; nothing for a layer with neither a name nor a place."""
        return "" if self.name is None and self._parent is None else f", name={self._label()!r}"

    def _check_placed(self) -> None:
        """Refuse to build an expression when nothing tells this layer's symbols apart."""
        if self.name is None and self._parent is None:
            raise ValueError(f"{self!r} has no name and is in no Sequential, so nothing tells "
                             f"its symbols from another layer's: give it a name (name='1') "
                             f"or put it in a Sequential")
