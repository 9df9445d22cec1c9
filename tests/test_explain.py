"""sg.explain: the delta recursion in the notes' notation, read off the compiler's program."""
from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp

import symgrad as sg
from symgrad import losses, nn

ACTIVATIONS = [
    (nn.Tanh(), "tanh(z_1)", "1 - a_1 ∘ a_1"),
    (nn.Sigmoid(), "sigmoid(z_1)", "a_1 ∘ (1 - a_1)"),
    (nn.ReLU(), "relu(z_1)", "[z_1 > 0]"),
    (nn.Softplus(), "softplus(z_1)", "sigmoid(z_1)"),
    (nn.ELU(), "elu(z_1, 1)", None),
    (nn.ELU(sp.Rational(1, 2)), "elu(z_1, 1/2)", None),
    (nn.LeakyReLU(sp.Rational(1, 5)), "leaky_relu(z_1, 1/5)", None),
    (nn.LeakyReLU(), "leaky_relu(z_1, 1/100)", None),
]


def _two_layer(act):
    X, Y = nn.input("X", 3), nn.input("Y", 2)
    model = nn.Sequential(nn.Dense(3, 4, name="1"), act, nn.Dense(4, 2, name="2"))
    return losses.softmax_cross_entropy(model(X), Y), model.parameters()


@pytest.mark.parametrize("act, definition, derivative", ACTIVATIONS, ids=[d for _, d, _ in ACTIVATIONS])
def test_every_activation_output_is_named_a_l(act, definition, derivative):
    ex = sg.explain(*_two_layer(act))
    text = str(ex)
    forward = {str(lhs): sg.inspect.notation.text(rhs) for lhs, rhs in ex.forward}
    assert forward["a_1"] == definition, text
    assert forward["z_2"] == "a_1 W2 + 1 b2", text
    assert "dL/dW2 = a_1^T delta_2" in text and "dL/db1 = 1^T delta_1" in text, text
    # the activation is written out once, in its own definition: never inline elsewhere
    fname = definition.split("(")[0]
    assert len(re.findall(re.escape(fname) + r"\(z_1", text)) == 1, text
    if derivative is not None:   # the notes' derivative, named, and the recursion uses it
        name = f"{fname}'(z_1)"
        assert f"  {name} = {derivative}\n" in text, text
        assert f"delta_1 = (delta_2 W2^T) ∘ {name}" in text, text


def test_the_named_derivative_is_the_derivative():
    """tanh'(z_1) as printed equals 1 - tanh(z)^2, checked by sympy.diff at a random z."""
    ex = sg.explain(*_two_layer(nn.Tanh()))
    rows = dict((str(lhs), rhs) for lhs, rhs in ex.deltas)
    formula = rows["tanh'(z_1)"]
    a1 = next(s for s in formula.atoms(sp.MatrixSymbol) if s.name == "a_1")
    z = np.random.default_rng(0).standard_normal((5, 4))
    value = np.array(sp.lambdify(a1, formula.subs(nn.BATCH, 5).as_explicit(), "numpy")(np.tanh(z)))
    t = sp.Symbol("t")
    reference = sp.lambdify(t, sp.diff(sp.tanh(t), t), "numpy")(z)
    assert np.allclose(value, reference)


def test_the_recursion_is_the_gradient():
    """Evaluating the printed rows reproduces the compiled gradient of W1."""
    X, Y = nn.input("X", 3), nn.input("Y", 2)
    model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Sigmoid(), nn.Dense(4, 2, name="2"))
    L, params = losses.mse(model(X), Y), model.parameters()
    ex = sg.explain(L, params)
    assert "sigmoid'(z_1) = a_1 ∘ (1 - a_1)" in str(ex)
    rng = np.random.default_rng(1)
    n = 5
    vals = {"X": rng.standard_normal((n, 3)), "Y": np.eye(2)[rng.integers(0, 2, n)],
            "W1": rng.standard_normal((3, 4)), "b1": rng.standard_normal((1, 4)),
            "W2": rng.standard_normal((4, 2)), "b2": rng.standard_normal((1, 2))}
    env = dict(vals)
    N = nn.BATCH
    for lhs, rhs in ex.forward + ex.deltas + ex.grads:
        expr = rhs.subs(N, n)
        syms = sorted(expr.atoms(sp.MatrixSymbol), key=lambda s: s.name)
        plain = [sp.MatrixSymbol(f"m{k}", *s.shape) for k, s in enumerate(syms)]   # "tanh'(z_1)" is no identifier
        expr = expr.xreplace(dict(zip(syms, plain)))
        # 1^T X as a product SymPy can write out entry by entry
        expr = expr.replace(lambda e: type(e).__name__ == "ReduceSum" and e.args[1] == 0,
                            lambda e: sp.OneMatrix(1, e.args[0].shape[0]) * e.args[0])
        if hasattr(expr, "as_explicit"):
            expr = expr.as_explicit()
        f = sp.lambdify(plain, expr, [{"sigmoid": lambda v: 1 / (1 + np.exp(-v))}, "numpy"])
        env[str(lhs)] = np.array(f(*[env[s.name] for s in syms]), dtype=float)
    fn = sg.compile(L, wrt=params)
    _, grads = fn(**vals)
    assert np.allclose(env["dL/dW1"], grads["W1"]) and np.allclose(env["dL/db2"], grads["b2"])


def test_gradient_of_a_network_displays_the_recursion():
    L, params = _two_layer(nn.Tanh())
    g = sg.grad(L, params)
    assert str(g) == str(sg.explain(L, params))
    assert r"\delta_{1} &= \left(\delta_{2} W_{2}^{T}\right) \circ \tanh'(z_{1})" in g._repr_latex_()
    html = g._repr_html_()
    assert "<b>forward</b>" in html and r"\frac{\partial L}{\partial W_{1}}" in html
    only = str(g.explain("W1"))
    assert "dL/dW1 = X^T delta_1" in only and "dL/dW2" not in only
    with pytest.raises(KeyError, match="W9"):
        g.explain("W9")


def test_a_scalar_expression_keeps_its_display():
    x, y, z = sp.symbols("x y z")
    g = sg.grad((x + y) * z, [x, y, z])
    assert str(g) == "d/dx = z\nd/dy = z\nd/dz = x + y"
    assert g._repr_html_() is None
    assert g._repr_latex_().startswith(r"$\begin{aligned}\frac{\partial f}{\partial x} &= z")
