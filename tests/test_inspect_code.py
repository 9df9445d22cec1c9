"""The generated NumPy code reads like the program listing and can be stepped through."""
from __future__ import annotations

import linecache
import re
import sys

import numpy as np

import symgrad as sg
from symgrad import losses, nn


def _step():
    X, Y = nn.input("X", 6), nn.input("Y", 3)
    model = nn.Sequential(nn.Dense(6, 5, name="1"), nn.Tanh(), nn.Dense(5, 5, name="2"), nn.Tanh(),
                          nn.Dense(5, 3, name="3"))
    L = losses.softmax_cross_entropy(model(X), Y)
    return L, model.parameters()


def test_temporaries_are_named_as_in_the_listing_and_outputs_by_name():
    L, params = _step()
    g = sg.grad(L, params)
    fn = sg.compile(L, wrt=params)
    listing = dict(re.findall(r"^(t\d+) = (.*?)(?:  #.*)?$", str(g.program), re.M))
    assigned = re.findall(r"^    (t\d+) = (.*)$", fn.source, re.M)
    assert len(assigned) > 30
    for name, code in assigned:
        assert name in listing, name
        # the same operation on the same temporaries (a negation or reciprocal printed
        # inside its one user reads one listing line deeper: t5 - t9 for t5 + t10, t10 = -t9)
        direct = set(re.findall(r"\bt\d+\b", listing[name]))
        deeper = direct | {b for a in direct if a in listing for b in re.findall(r"\bt\d+\b", listing[a])}
        assert set(re.findall(r"\bt\d+\b", code)) - {name} <= deeper, (name, code, listing[name])
    ret = fn.source.rstrip().splitlines()[-1]
    assert ret == "    return value, d_W1, d_b1, d_W2, d_b2, d_W3, d_b3"


def test_a_comment_before_each_block_names_its_layer_or_rule():
    L, params = _step()
    comments = re.findall(r"^    # (.*)$", sg.compile(L, wrt=params).source, re.M)
    assert comments == [
        "layer 1: z_1 = X W1 + b1; a_1 = tanh(z_1)",
        "layer 2: z_2 = a_1 W2 + b2; a_2 = tanh(z_2)",
        "layer 3: z_3 = a_2 W3 + b3",
        "loss",
        "backward of the loss (rules of Mul, exp, log)",
        "backward of layer 3 (rules of Add, MatMul)",
        "backward of layer 2 (rules of Add, MatMul, tanh)",
        "backward of layer 1 (rules of Add, MatMul, tanh)",
    ]


def test_the_source_can_be_stepped_through_line_by_line():
    """What a debugger does: line events land on lines of fn.source, whose locals are the temporaries."""
    L, params = _step()
    fn = sg.compile(L, wrt=params)
    rng = np.random.default_rng(0)
    args = {"X": rng.standard_normal((4, 6)), "Y": np.eye(3)[[0, 1, 2, 1]],
            **{str(p): rng.standard_normal(tuple(int(d) for d in p.shape)) for p in params}}
    lines, seen = [], {}
    source_lines = fn.source.splitlines()

    def tracer(frame, event, arg):
        if frame.f_code.co_filename.startswith("<symgrad-numpy"):
            if event == "line":
                lines.append(linecache.getline(frame.f_code.co_filename, frame.f_lineno).rstrip("\n"))
                seen.update({k: v for k, v in frame.f_locals.items() if re.fullmatch(r"t\d+", k)})
            return tracer
        return None
    sys.settrace(tracer)
    try:
        value, grads = fn(**args)
    finally:
        sys.settrace(None)
    assert len(lines) > 30 and all(line in source_lines for line in lines)
    assert "t3" in seen and seen["t3"].shape == (4, 5)   # a_1, visible by its listing name
