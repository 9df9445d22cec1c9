"""Golden files for a tensor program (issue 14, item 6): the NumPy source and
the LLVM IR of one training step of a small MLP, so that a change in emitted
code shows in review.  Refresh after a deliberate change with

    SYMGRAD_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden_tensor.py

and read the diff of ``tests/golden/`` before committing it.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

import symgrad as sg
from symgrad import losses, nn

GOLDEN = Path(__file__).parent / "golden"


def mlp_step_program():
    """Dense(3, 4) -> tanh -> Dense(4, 2) -> softmax cross-entropy, with the logits as an aux output."""
    X, Y = nn.input("X", 3), nn.input("Y", 2)
    model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
    Z = model(X)
    return losses.softmax_cross_entropy(Z, Y), model.parameters(), {"logits": Z}


def compare_or_update(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("SYMGRAD_UPDATE_GOLDEN") == "1":
        path.write_text(text)
    assert path.exists(), f"{path} missing: run with SYMGRAD_UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(), (
        f"emitted code differs from {path}; review the change, then refresh it with "
        "SYMGRAD_UPDATE_GOLDEN=1")


def test_golden_numpy_source_of_an_mlp_step():
    L, params, aux = mlp_step_program()
    compare_or_update("mlp_step_numpy.py.txt", sg.compile(L, wrt=params, aux=aux).source)


def test_golden_llvm_ir_of_an_mlp_step():
    from symgrad.codegen.llvm.mathlib import default_math
    from symgrad.codegen.llvm.tensor import Layout, emit_tensor_module
    L, params, aux = mlp_step_program()
    program = sg.compile(L, wrt=params, aux=aux).program
    # 32-bit BLAS integers fixed here: the kernel itself picks them from the BLAS it finds
    text = str(emit_tensor_module(program, np.float64, Layout(program), default_math(), 32))
    compare_or_update("mlp_step_f64.ll", text)


def test_generated_source_returns_outputs_by_name():
    L, params, aux = mlp_step_program()
    source = sg.compile(L, wrt=params, aux=aux).source
    assert source.rstrip().splitlines()[-1] == \
        "    return value, d_W1, d_b1, d_W2, d_b2, logits"


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_output_names_never_collide_with_symbols(backend):
    """Symbols named like outputs (``value``, ``d_x``), temporaries or helpers keep
    their own values: the outputs take other identifiers."""
    value, d_x, x, t0, sigmoid_ = sp.symbols("value d_x x t0 sigmoid")
    f = value * x ** 2 + d_x * sg.sigmoid(x) + t0 + sigmoid_
    fn = sg.compile(f, wrt=[x], backend=backend, aux={"t0": x + 1, "np": 2 * x})
    if backend == "numpy":
        assert "    return value_, d_x_, t0__, np_" in fn.source
    args = dict(value=3.0, d_x=0.5, x=0.7, t0=-1.0, sigmoid=2.0)
    out = fn(**args)
    s = 1 / (1 + np.exp(-0.7))
    np.testing.assert_allclose(out.value, 3.0 * 0.49 + 0.5 * s - 1.0 + 2.0, rtol=1e-14)
    np.testing.assert_allclose(out.grads["x"], 3.0 * 1.4 + 0.5 * s * (1 - s), rtol=1e-14)
    assert float(out.aux["t0"]) == 1.7 and float(out.aux["np"]) == 1.4


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_tensor_output_names_never_collide_with_constants_or_dimensions(backend):
    """An aux output named like the source's constant matrix (``C``) or a dimension (``N``)."""
    X = nn.input("X", 2)
    w = sp.Symbol("w")
    fn = sg.compile(sg.tensor.Sum(X) * w, wrt=[w], backend=backend,
                    aux={"C": sp.Matrix([[1.0, 2.0]]) * X.T, "N": sg.tensor.Sum(X)})
    if backend == "numpy":
        assert fn.source.rstrip().endswith("return value, d_w, C_, N_")
    xs = np.arange(6.0).reshape(3, 2)
    out = fn(w=2.0, X=xs)
    np.testing.assert_array_equal(out.aux["C"], [[1.0, 2.0]] @ xs.T)
    assert float(out.aux["N"]) == xs.sum() and float(out.value) == 2 * xs.sum()
