"""Reading what symgrad derived: formulas, the delta recursion, pictures.

- :class:`Gradient` (what :func:`symgrad.grad` returns): the formulas, the
  program, and for a network the delta recursion in matrix notation;
- :func:`explain`: backpropagation as the notes write it;
- :func:`draw`: the expression, gradient or program as a graph, with forward
  values and gradients at a point, or a network layer by layer.
"""
from .gradient import Gradient
from .recursion import Explanation
from .explain import explain

__all__ = ["Gradient", "Explanation", "explain"]
from .draw import draw
from .picture import Drawing, GraphvizMissing

__all__ += ["draw", "Drawing", "GraphvizMissing"]
