"""symgrad grad ... --dot FILE / --png FILE: the notes' circuit from the shell."""
from __future__ import annotations

import pytest

from symgrad.cli import main
from symgrad.inspect.picture import dot_available


def test_dot_file_has_the_values_and_gradients(tmp_path, capsys):
    out = tmp_path / "circuit.dot"
    assert main(["grad", "(x + y)*z", "--at", "x=-2,y=5,z=-4", "--dot", str(out)]) == 0
    dot = out.read_text()
    assert dot.startswith("digraph")
    for value, grad in [("-2", "-4"), ("5", "-4"), ("-4", "3"), ("3", "-4"), ("-12", "1")]:
        assert f">{value}</font><br/><font color=\"#cf222e\">{grad}</font>" in dot, (value, grad)
    assert "f = -12" in capsys.readouterr().out   # the usual output is still printed


def test_dot_without_a_point_draws_the_graph_alone(tmp_path):
    out = tmp_path / "g"
    assert main(["grad", "sigmoid(w*x + b)", "--dot", str(out)]) == 0
    dot = (tmp_path / "g.dot").read_text()
    assert "σ" in dot and "<font" not in dot


def test_a_point_missing_a_symbol_is_refused(tmp_path, capsys):
    assert main(["grad", "(x + y)*z", "--at", "x=1,y=2", "--dot", str(tmp_path / "a.dot")]) == 2
    assert "no value for z" in capsys.readouterr().err


@pytest.mark.skipif(not dot_available(), reason="Graphviz's dot program is not installed: apt-get install graphviz")
def test_png_file(tmp_path):
    out = tmp_path / "circuit.png"
    assert main(["grad", "(x + y)*z", "--at", "x=-2,y=5,z=-4", "--png", str(out)]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
