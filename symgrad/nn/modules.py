"""Declaring networks, in the spirit of ``torch.nn``.

Modules build SymPy matrix expressions: calling one on an input expression
returns the output expression, and ``parameters()`` lists its
``MatrixSymbol`` parameters.  Nothing here differentiates or computes; the
model and its loss are ordinary SymPy expressions that :func:`symgrad.grad`
and :func:`symgrad.compile` take like any other.

Example
-------
>>> import sympy as sp, symgrad as sg
>>> from symgrad import nn
>>> X = nn.input("X", 3)
>>> model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
>>> print(model(X))
tanh.(X*W1 + 1*b1)*W2 + 1*b2
>>> model.parameters()
[W1, b1, W2, b2]

Free composition works for graphs that are not chains, e.g. a residual block:

>>> block = nn.Dense(4, 4, name="r")
>>> h = nn.Tanh()(nn.Dense(3, 4, name="in")(X))
>>> print(h + block(h))
tanh.(X*Win + 1*bin) + tanh.(X*Win + 1*bin)*Wr + 1*br
"""
from __future__ import annotations


import numpy as np
import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr
from sympy.tensor.array.expressions import ArraySymbol

from .._checks import positive_int, sympy_arg
from ..ir.functions import elu, leaky_relu, relu, sigmoid, softplus
from ..tensor import Elementwise
from ..tensor import Softmax as _Softmax

__all__ = ["BATCH", "input", "Module", "Dense", "Sigmoid", "Tanh", "ReLU", "LeakyReLU",
           "ELU", "Softplus", "Identity", "Softmax", "Sequential"]

#: The default batch-size symbol; its value is read off the inputs at call time.
BATCH = sp.Symbol("N", integer=True, positive=True)


def input(name: str, features: int | tuple[int, ...], batch: sp.Expr = BATCH
          ) -> sp.MatrixSymbol | ArraySymbol:
    """A batch of inputs: a ``(batch, features)`` matrix symbol, or, for a tuple of
    sizes such as an image's ``(C, H, W)``, a ``(batch, C, H, W)`` array symbol.

    >>> input("X", 3).shape
    (N, 3)
    >>> input("X", (1, 8, 8)).shape
    (N, 1, 8, 8)
    >>> type(input("X", (3,))).__name__
    'MatrixSymbol'
    """
    if not isinstance(name, str):
        raise TypeError(f"input: name must be a str, not {type(name).__name__} {name!r}")
    batch = sympy_arg(batch, "batch", "input")
    if isinstance(features, (tuple, list)):
        if not features:
            raise ValueError("input: give at least one feature size, got ()")
        sizes = tuple(positive_int(f, f"features[{k}]", "input") for k, f in enumerate(features))
        if len(sizes) > 1:
            return ArraySymbol(name, (batch, *sizes))
        features = sizes[0]     # (F,): rows of features, the matrix that dense layers take
    else:
        features = positive_int(features, "features", "input")
    return sp.MatrixSymbol(name, batch, features)


class Module:
    """Base class: subclasses implement ``__call__`` and may hold parameters.

    A module knows its place in the model: the container that first holds it
    (``_parent``) and its key there (``_key``), so a layer without a name is
    named after its position, as torch names ``0.weight``: see :class:`Sequential`.
    """

    _parent: "Module | None" = None
    _key: str | None = None

    def _place(self) -> str:
        """The path of keys from the outermost container, dot-separated ("" for a root)."""
        keys, m = [], self
        while m._parent is not None:
            keys.append(m._key)
            m = m._parent
        return ".".join(reversed(keys))

    def parameters(self) -> list[sp.MatrixSymbol]:
        return []

    def weights(self) -> list[sp.MatrixSymbol]:
        """Parameters that are not biases (what an L2 penalty usually covers)."""
        return []

    def biases(self) -> list[sp.MatrixSymbol]:
        """Parameters declared as biases (:func:`init_params` starts them at zero)."""
        return []

    def __call__(self, x: sp.MatrixExpr) -> sp.MatrixExpr:
        raise NotImplementedError

    # -- state, masks and modes (batch norm, dropout: symgrad.nn.norm, symgrad.nn.dropout) --
    training: bool = True

    def train(self, mode: bool = True) -> "Module":
        """Training mode (batch statistics, dropout masks) or, with False, inference; as torch."""
        self.training = bool(mode)
        return self

    def eval(self) -> "Module":
        """Inference mode: ``train(False)``."""
        return self.train(False)

    def state(self) -> dict:
        """Carried inputs and the expressions of their next values, for ``sg.compile(state=...)``
        (running statistics in training mode); known once the module has been called."""
        return {}

    def roles(self) -> dict:
        """Inputs that are neither data nor parameters, for ``sg.compile(roles=...)``."""
        return {}

    def initial_state(self, dtype: str = "float64") -> dict[str, np.ndarray]:
        """The first values of the carried inputs of :meth:`state`, by name."""
        return {}

    def initializers(self) -> dict:
        """Parameters initialised other than by :func:`init_params`' default, each with a
        function ``(rng, dtype) -> array`` (drawn in parameter order)."""
        return {}


class Dense(Module):
    """Affine layer ``X W + 1 b`` with ``W`` of shape ``(n_in, n_out)``, ``b`` of ``(1, n_out)``.

    Parameters are named ``W<name>`` and ``b<name>``.  Without a ``name``,
    the layer is named after its place in the model (``W0``, ``b0`` as the
    first layer of a :class:`Sequential`, ``W1.0`` inside a nested one), so
    building the same model twice gives the same names.  A layer in no
    container has parameters ``W`` and ``b`` but refuses to be called without
    a name: two such layers would silently share them.

    Examples
    --------
    >>> Dense(3, 2, name="1").parameters()
    [W1, b1]
    >>> Dense(3, 2).parameters()
    [W, b]
    """

    def __init__(self, n_in: int, n_out: int, bias: bool = True, name: str | None = None):
        # as torch.nn.Linear: sizes are ints (not 3.5, "3" or True), checked before use
        self.n_in = positive_int(n_in, "n_in", "Dense")
        self.n_out = positive_int(n_out, "n_out", "Dense")
        if not isinstance(bias, (bool, np.bool_)):
            raise TypeError(f"Dense: bias must be a bool, not {type(bias).__name__} {bias!r}")
        self.name = None if name is None else str(name)
        self.bias = bool(bias)

    def _label(self) -> str:
        return self.name if self.name is not None else self._place()

    @property
    def W(self) -> sp.MatrixSymbol:
        """The weight, ``(n_in, n_out)``."""
        return sp.MatrixSymbol(f"W{self._label()}", self.n_in, self.n_out)

    @property
    def b(self) -> sp.MatrixSymbol | None:
        """The bias, ``(1, n_out)``, or None without one."""
        return sp.MatrixSymbol(f"b{self._label()}", 1, self.n_out) if self.bias else None

    def parameters(self) -> list[sp.MatrixSymbol]:
        return [self.W] + ([self.b] if self.bias else [])

    def weights(self) -> list[sp.MatrixSymbol]:
        return [self.W]

    def biases(self) -> list[sp.MatrixSymbol]:
        return [self.b] if self.bias else []

    def __call__(self, x: sp.MatrixExpr) -> sp.MatrixExpr:
        if self.name is None and self._parent is None:
            # its parameters would be W and b, the names of every other such layer: two of
            # them would silently share weights (parameters are symbols, known by name)
            raise ValueError(f"Dense({self.n_in}, {self.n_out}) has no name and is in no Sequential, "
                             f"so nothing tells its parameters from another layer's: give it a "
                             f"name (Dense({self.n_in}, {self.n_out}, name='1')) or put it in a Sequential")
        if x.shape[1] != self.n_in:
            raise ValueError(f"{self!r} expects {self.n_in} input features, got an "
                             f"input of shape {x.shape}")
        out = x * self.W
        if self.bias:
            out = out + sp.OneMatrix(x.shape[0], 1) * self.b
        return out

    def __repr__(self) -> str:
        return f"Dense({self.n_in}, {self.n_out}, name={self._label()!r})"


class _Activation(Module):
    function: type = None

    def params(self) -> tuple:
        return ()

    def __call__(self, x: sp.MatrixExpr) -> sp.MatrixExpr:
        if isinstance(x, MatrixExpr):
            return Elementwise(self.function, x, *self.params())
        return self.function(x, *self.params())     # an n-D array: entrywise as it is

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(map(str, self.params()))})"


class Sigmoid(_Activation):
    function = sigmoid


class Tanh(_Activation):
    function = sp.tanh


class ReLU(_Activation):
    function = relu


class Softplus(_Activation):
    function = softplus


class LeakyReLU(_Activation):
    function = leaky_relu

    def __init__(self, alpha: float = 0.01):
        # exact and readable (0.01 -> 1/100); checked first, nsimplify would eval a string
        self.alpha = sp.nsimplify(sympy_arg(alpha, "alpha", "LeakyReLU"))

    def params(self) -> tuple:
        return (self.alpha,)


class ELU(_Activation):
    function = elu

    def __init__(self, alpha: float = 1.0):
        self.alpha = sp.nsimplify(sympy_arg(alpha, "alpha", "ELU"))

    def params(self) -> tuple:
        return (self.alpha,)


class Identity(Module):
    def __call__(self, x):
        return x


class Softmax(Module):
    """Row-wise softmax (for predictions; losses take logits)."""

    def __call__(self, x):
        return _Softmax(x)


class Sequential(Module):
    """Modules applied one after another.

    A layer given without a name is named after its index, as torch names
    ``0.weight``: ``W0``/``b0`` for the first module, ``W1.0`` for the first
    module of a ``Sequential`` that is itself the second, whatever else the
    process has built.  A layer takes its place in the first container that
    holds it (a layer shared by two keeps its first name); build expressions
    from the finished model.

    Raises
    ------
    ValueError
        When two different layers would have a parameter of the same name.

    Examples
    --------
    >>> model = Sequential(Dense(3, 4), Tanh(), Sequential(Dense(4, 4), ReLU()), Dense(4, 2))
    >>> model.parameters()
    [W0, b0, W2.0, b2.0, W3, b3]
    >>> Sequential(Dense(3, 4, name="1"), Tanh(), Dense(4, 2)).parameters()
    [W1, b1, W2, b2]
    """

    def __init__(self, *modules: Module):
        for m in modules:
            if not isinstance(m, Module):
                raise TypeError(f"Sequential takes modules, got {m!r}")
        self.modules = list(modules)
        for k, m in enumerate(self.modules):
            if m._parent is None and m is not self:
                m._parent, m._key = self, str(k)
        self._check_names()

    def _layers(self) -> list[Module]:
        """Every module below this one that is not a Sequential, each once."""
        out, stack, seen = [], list(reversed(self.modules)), set()
        while stack:
            m = stack.pop()
            if id(m) in seen:
                continue
            seen.add(id(m))
            if isinstance(m, Sequential):
                stack.extend(reversed(m.modules))
            else:
                out.append(m)
        return out

    def _check_names(self) -> None:
        owner: dict[str, Module] = {}
        for m in self._layers():
            for p in m.parameters():
                if p.name in owner:
                    raise ValueError(f"Sequential: {owner[p.name]!r} and {m!r} both have a "
                                     f"parameter named {p.name}; name one of them")
                owner[p.name] = m

    def parameters(self) -> list[sp.MatrixSymbol]:
        return [p for m in self.modules for p in m.parameters()]

    def weights(self) -> list[sp.MatrixSymbol]:
        return [p for m in self.modules for p in m.weights()]

    def biases(self) -> list[sp.MatrixSymbol]:
        return [p for m in self.modules for p in m.biases()]

    def train(self, mode: bool = True) -> "Sequential":
        self.training = bool(mode)
        for m in self._layers():
            m.train(mode)
        return self

    def state(self) -> dict:
        return {k: v for m in self._layers() for k, v in m.state().items()}

    def roles(self) -> dict:
        return {k: v for m in self._layers() for k, v in m.roles().items()}

    def initial_state(self, dtype: str = "float64") -> dict[str, np.ndarray]:
        return {k: v for m in self._layers() for k, v in m.initial_state(dtype).items()}

    def initializers(self) -> dict:
        return {k: v for m in self._layers() for k, v in m.initializers().items()}

    def __call__(self, x):
        for m in self.modules:
            x = m(x)
        return x

    def __getitem__(self, i):
        return self.modules[i]

    def __repr__(self) -> str:
        return "Sequential(" + ", ".join(map(repr, self.modules)) + ")"
