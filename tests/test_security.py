"""Text never reaches ``eval``: every public constructor refuses strings (issue 15, item 11).

SymPy's non-strict ``sympify`` and ``nsimplify`` evaluate a string as Python,
so each entry point here is fed a payload that would create a file, and must
raise a TypeError that names the parameter without creating it.
"""
import sympy as sp
import pytest

import symgrad as sg
from symgrad import losses, nn, tensor

x = sp.Symbol("x")
X = sp.MatrixSymbol("X", 3, 2)

# (label, call taking the payload, the parameter the message must name)
ENTRY_POINTS = [
    ("nn.LeakyReLU", lambda s: nn.LeakyReLU(s), "alpha"),
    ("nn.ELU", lambda s: nn.ELU(s), "alpha"),
    ("losses.l2_penalty", lambda s: losses.l2_penalty(nn.Dense(2, 2), s), "lam"),
    ("tensor.Sum", lambda s: tensor.Sum(s), "X"),
    ("tensor.LogSumExp", lambda s: tensor.LogSumExp(s), "Z"),
    ("tensor.Softmax", lambda s: tensor.Softmax(s), "Z"),
    ("tensor.LogSoftmax", lambda s: tensor.LogSoftmax(s), "Z"),
    ("tensor.BroadcastTo X", lambda s: tensor.BroadcastTo(s, 2, 2), "X"),
    ("tensor.BroadcastTo m", lambda s: tensor.BroadcastTo(X, s, 2), "m"),
    ("tensor.Elementwise expr", lambda s: tensor.Elementwise(sp.tanh, s), "expr"),
    ("tensor.Elementwise param of leaky_relu",
     lambda s: tensor.Elementwise(sg.leaky_relu, X, s), "params[0]"),
    # sp.exp takes one argument, but SymPy sympifies before it counts them
    ("tensor.Elementwise param of exp", lambda s: tensor.Elementwise(sp.exp, X, s), "params[0]"),
    ("tensor.OneHot", lambda s: tensor.OneHot(s, 3), "labels"),
    ("sg.leaky_relu alpha", lambda s: sg.leaky_relu(x, s), "alpha"),
    ("sg.leaky_relu z", lambda s: sg.leaky_relu(s), "z"),
    ("sg.elu alpha", lambda s: sg.elu(x, s), "alpha"),
    ("sg.sigmoid", lambda s: sg.sigmoid(s), "z"),
    ("sg.relu", lambda s: sg.relu(s), "z"),
    ("sg.softplus", lambda s: sg.softplus(s), "z"),
    ("sg.sigmoid extra argument", lambda s: sg.sigmoid(x, s), "args[1]"),
    ("nn.input batch", lambda s: nn.input("X", 3, s), "batch"),
    ("sg.grad", lambda s: sg.grad(s, [x]), "SymPy expression"),
    ("sg.compile", lambda s: sg.compile(s, [x]), "SymPy expression"),
]


@pytest.mark.parametrize("call, name", [e[1:] for e in ENTRY_POINTS],
                         ids=[e[0] for e in ENTRY_POINTS])
def test_string_payload_is_refused_and_never_runs(tmp_path, call, name):
    marker = tmp_path / "ran"
    payload = f"__import__('pathlib').Path({str(marker)!r}).touch() or 0.1"
    with pytest.raises(TypeError, match=name.replace("[", r"\[").replace("]", r"\]")):
        call(payload)
    assert not marker.exists(), "the string was evaluated"


@pytest.mark.parametrize("value", ["0.1", b"0.1", True, None])
def test_leaky_relu_alpha_must_be_a_number(value):
    with pytest.raises(TypeError, match="alpha"):
        nn.LeakyReLU(value)


def test_numbers_and_sympy_objects_still_work():
    a = sp.Symbol("a")
    assert nn.LeakyReLU(0.1).alpha == sp.Rational(1, 10)    # floats stay exact and readable
    assert nn.ELU(1.0).alpha == 1
    assert nn.LeakyReLU(a).alpha == a
    assert sg.leaky_relu(x, 0.2).args[1] == sp.Float(0.2)
    assert sg.leaky_relu(x).args[1] == sp.Rational(1, 100)
    assert sg.sigmoid(0) == sp.S.Half
    assert losses.l2_penalty([X], 0.5) == sp.Float(0.5) * tensor.Sum(sp.HadamardProduct(X, X))
    assert str(nn.LeakyReLU(0.2)(X)) == "leaky_relu.(X, 1/5)"
    # SymPy rebuilding the node from its own args must keep working
    e = sg.leaky_relu(x, sp.Rational(1, 5))
    assert e.func(*e.args) == e and e.subs(x, 2) == 2
    assert sp.diff(sg.elu(x, 2), x).subs(x, -1) == 2 * sp.exp(-1)


@pytest.mark.parametrize("call", [
    lambda text: __import__("symgrad.frontend.lower", fromlist=["lower"]).lower([text]),
    lambda text: __import__("symgrad.ir.graph", fromlist=["Graph"]).Graph().const(text),
], ids=["lower", "Graph.const"])
def test_internal_entry_points_refuse_text(call, tmp_path):
    marker = tmp_path / "ran"
    with pytest.raises(TypeError, match="text is never evaluated"):
        call(f"__import__('pathlib').Path({str(marker)!r}).touch() or 1")
    assert not marker.exists()
