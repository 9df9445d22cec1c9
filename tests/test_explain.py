"""sg.explain names every activation's output a_l, whatever its parameters."""
from __future__ import annotations

import re

import pytest
import sympy as sp

import symgrad as sg
from symgrad import losses, nn

ACTIVATIONS = [
    (nn.Tanh(), "tanh.(z_1)"),
    (nn.Sigmoid(), "sigmoid.(z_1)"),
    (nn.ReLU(), "relu.(z_1)"),
    (nn.Softplus(), "softplus.(z_1)"),
    (nn.ELU(), "elu.(z_1, 1)"),
    (nn.ELU(sp.Rational(1, 2)), "elu.(z_1, 1/2)"),
    (nn.LeakyReLU(sp.Rational(1, 5)), "leaky_relu.(z_1, 1/5)"),
    (nn.LeakyReLU(), "leaky_relu.(z_1, 1/100)"),
]


@pytest.mark.parametrize("act, definition", ACTIVATIONS, ids=[d for _, d in ACTIVATIONS])
def test_every_activation_output_is_named_a_l(act, definition):
    X, Y = nn.input("X", 3), nn.input("Y", 2)
    model = nn.Sequential(nn.Dense(3, 4, name="1"), act, nn.Dense(4, 2, name="2"))
    ex = sg.explain(losses.softmax_cross_entropy(model(X), Y), model.parameters())
    text = str(ex)
    forward = dict((str(lhs), str(rhs)) for lhs, rhs in ex.forward)
    assert "a_1" in forward, text
    assert forward["a_1"] == definition, text
    assert forward["z_2"] == "a_1*W2 + 1*b2", text
    assert "dL/dW2 = a_1.T*delta_2" in text, text
    # the activation is written out once, in its own definition: never inline elsewhere
    fname = forward["a_1"].split(".(")[0]
    assert len(re.findall(re.escape(fname) + r"\.\(", text)) == 1, text
