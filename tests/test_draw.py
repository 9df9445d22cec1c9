"""sg.draw: DOT text always (labels checked here), PNG when Graphviz's dot is installed."""
from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp

import symgrad as sg
from symgrad import losses, nn
from symgrad.inspect.picture import GRAD_COLOR, VALUE_COLOR, Drawing, GraphvizMissing, dot_available

needs_dot = pytest.mark.skipif(not dot_available(), reason="Graphviz's dot program (or the graphviz "
                               "package) is not installed: apt-get install graphviz; pip install graphviz")

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _wires(dot: str) -> dict[tuple[str, str], tuple[str, str]]:
    """(source label, target id) -> (value, gradient) read off the edge labels."""
    labels = dict(re.findall(r"^\s*(\w+) \[label=<([^>]*)>", dot, re.M))
    out = {}
    pattern = (r"^\s*(\w+) -> (\w+) \[label=<<font color=\"%s\">([^<]*)</font><br/>"
               r"<font color=\"%s\">([^<]*)</font>>\]" % (VALUE_COLOR, GRAD_COLOR))
    for a, b, v, g in re.findall(pattern, dot, re.M):
        out[(labels.get(a, a), b)] = (v, g)
    return out


def test_the_notes_circuit_has_their_values_and_gradients():
    """The notes' circuit: f = (x + y) z at x = -2, y = 5, z = -4 gives q = 3, f = -12 and
    gradients df/dx = df/dy = -4, df/dz = 3, df/dq = -4."""
    x, y, z = sp.symbols("x y z")
    d = sg.draw((x + y) * z, at={x: -2, y: 5, z: -4})
    wires = _wires(d.dot)
    by_source = {src: vg for (src, _), vg in wires.items()}
    assert by_source["x"] == ("-2", "-4")
    assert by_source["y"] == ("5", "-4")
    assert by_source["z"] == ("-4", "3")
    assert by_source["+"] == ("3", "-4")        # q = x + y
    assert by_source["×"] == ("-12", "1")       # f
    # the references: sympy.diff at the point
    f = (x + y) * z
    point = {x: -2, y: 5, z: -4}
    assert [int(sp.diff(f, s).subs(point)) for s in (x, y, z)] == [-4, -4, 3]


def test_the_sigmoid_neuron_values_match_finite_differences():
    """The notes' sigmoid neuron: every wire's red number is df/d(wire), checked by perturbing the input."""
    w0, x0, w1, x1, w2 = sp.symbols("w0 x0 w1 x1 w2")
    f = sg.sigmoid(w0 * x0 + w1 * x1 + w2)
    at = {w0: 2.0, x0: -1.0, w1: -3.0, x1: -2.0, w2: -3.0}
    wires = _wires(sg.draw(f, at=at).dot)
    by_source = {src: vg for (src, _), vg in wires.items()}
    assert by_source["w0 x0".split()[0]][0] == "2"
    val = float(f.subs(at))
    for s in at:
        h = 1e-6
        fd = (float(f.subs({**at, s: at[s] + h})) - float(f.subs({**at, s: at[s] - h}))) / (2 * h)
        assert abs(float(by_source[str(s)][1]) - fd) < 1e-3, (s, by_source[str(s)], fd)
    assert abs(float(by_source["σ"][0]) - val) < 1e-3   # 0.73 in the notes' figure


def _mlp(sizes, act=nn.Tanh):
    X, Y = nn.input("X", sizes[0]), nn.input("Y", sizes[-1])
    mods = []
    for k, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), 1):
        mods.append(nn.Dense(a, b, name=str(k)))
        if k < len(sizes) - 1:
            mods.append(act())
    model = nn.Sequential(*mods)
    return losses.softmax_cross_entropy(model(X), Y), model.parameters()


def test_a_program_draws_each_shared_node_once_named_as_its_listing():
    x, y, z = sp.symbols("x y z")
    g = sg.grad(sg.sigmoid(x * y) * z, [x, y, z])
    dot = sg.draw(g).dot
    listing = [line.split(" = ")[0] for line in str(g.program).splitlines() if " = " in line]
    for name in listing:
        assert len(re.findall(r"<b>%s</b> = " % name, dot)) == 1, name
    # the sigmoid is computed once and read by the value and every gradient
    sig = next(line.split(" = ")[0] for line in str(g.program).splitlines() if "sigmoid(" in line)
    node = re.search(r"(\w+) \[label=<<b>%s</b>" % sig, dot).group(1)
    assert len(re.findall(r"^\s*%s -> " % node, dot, re.M)) >= 3


def test_a_program_at_a_point_shows_the_compiled_numbers():
    L, params = _mlp([3, 4, 2])
    g = sg.grad(L, params)
    rng = np.random.default_rng(0)
    at = {"X": rng.standard_normal((5, 3)), "Y": np.eye(2)[[0, 1, 1, 0, 1]],
          "W1": rng.standard_normal((3, 4)), "b1": rng.standard_normal((1, 4)),
          "W2": rng.standard_normal((4, 2)), "b2": rng.standard_normal((1, 2))}
    dot = sg.draw(g, at=at, level="ops").dot
    value, _ = sg.compile(L, wrt=params)(**at)
    assert f">{float(value):.4g}</font>" in dot
    layers = sg.draw(g, at=at).dot        # a layer picture: the value crossing each arrow
    assert "<b>layer 2</b>" in layers and re.search(r"label=<N×4<br/><font color=\"%s\">5×4 \[" % VALUE_COLOR, layers)


def test_a_network_draws_layer_by_layer_and_expands_one():
    L, params = _mlp([4, 8, 8, 3])
    d = sg.draw(sg.grad(L, params))
    assert d.dot.count("<b>layer ") == 3 and "softmax cross-entropy" in d.dot
    assert "z_2 = a_1 W2 + b2" in d.dot and "a_2 = tanh(z_2)" in d.dot
    assert "W1 4×8, b1 1×8" in d.dot and "label=<N×8>" in d.dot
    assert "MatMul" not in d.dot.split("softmax")[0]          # no operations, only layers
    opened = sg.draw(sg.grad(L, params), expand=2).dot
    assert "cluster_2" in opened and "MatMul(" in opened and opened.count("<b>layer ") == 2
    with pytest.raises(ValueError, match="expand=7"):
        sg.draw(L, expand=7)


def test_ten_layers_fit_on_one_screen():
    """Ten layer boxes top to bottom, one line each (the PNG is measured in docs/inspect.md)."""
    L, params = _mlp([8] * 11)
    d = sg.draw(L)
    assert d.nodes <= 14 and "rankdir=TB" in d.dot and d.dot.count("<b>layer ") == 10


def test_bad_input_names_the_culprit():
    x = sp.Symbol("x")
    with pytest.raises(TypeError, match="not int"):
        sg.draw(3)
    with pytest.raises(ValueError, match="level"):
        sg.draw(x * x, level="bits")
    with pytest.raises(ValueError, match=r"no value for \['y'\]"):
        sg.draw(sg.grad(x * sp.Symbol("y"), [x]), at={x: 1.0})
    with pytest.raises(ValueError, match="as 'f.jpg'"):
        Drawing("digraph {}", 0).save("f.jpg")


def test_without_graphviz_rendering_says_how_to_install(monkeypatch):
    graphviz = pytest.importorskip("graphviz", reason="the graphviz package (symgrad[draw]) is not installed")

    def missing(*args, **kwargs):
        raise graphviz.ExecutableNotFound(["dot"])
    monkeypatch.setattr(graphviz.Source, "pipe", missing)
    d = Drawing("digraph { a -> b }", 2)
    with pytest.raises(GraphvizMissing, match="apt-get install graphviz"):
        d.png()
    assert d._repr_svg_() is None and str(d) == "digraph { a -> b }"


@needs_dot
def test_png_of_the_circuit_and_of_a_two_layer_network(tmp_path):
    x, y, z = sp.symbols("x y z")
    png = sg.draw((x + y) * z, at={x: -2, y: 5, z: -4}).save(tmp_path / "circuit.png")
    assert png.read_bytes().startswith(PNG_MAGIC)
    L, params = _mlp([3, 4, 2])
    net = sg.draw(sg.grad(L, params)).save(tmp_path / "net.png")
    assert net.read_bytes().startswith(PNG_MAGIC)
    svg = sg.draw(L)._repr_svg_()
    assert svg.lstrip().startswith("<?xml") and "layer 1" in svg
