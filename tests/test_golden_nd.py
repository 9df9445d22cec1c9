"""Golden files for an n-D program (issue 14, item 1): the NumPy source and the
LLVM IR (codegen/llvm/nd.py) of a conv2d + max-pool step built from windows,
so a change in emitted n-D code shows in review.  Refresh with
``SYMGRAD_UPDATE_GOLDEN=1`` (see ``tests/test_golden_tensor.py``).
"""
from __future__ import annotations

import numpy as np
import sympy as sp

from symgrad.autodiff.reverse import vjp
from symgrad.codegen.numpy import NumPyPrinter
from symgrad.codegen.tensor_call import TensorSignature
from symgrad.ir.graph import Graph
from symgrad.ir.program import build_program

from _nd import N, array
from test_golden_tensor import compare_or_update
from test_windows import conv2d


def conv_pool_program():
    """conv2d (2 filters of 1x3x3, padding 1) -> tanh -> 2x2 max-pool -> sum of squares."""
    G = Graph()
    x, w, b = array(G, "x", (N, 1, 4, 4)), array(G, "w", (2, 1, 3, 3)), array(G, "b", (2, 1, 1))
    y = G.apply(sp.tanh, conv2d(G, x, w, b, 1, 1))
    pooled = G.reduce_max(G.windows(y, (2, 2), (2, 2)), (-2, -1), keepdims=False)
    loss = G.reduce_sum(G.mul(pooled, pooled), None)
    dw, db = vjp(G, loss, [w, b])
    return build_program(G, [("value", loss), ("d_w", dw), ("d_b", db)], keep=[w, b])


def test_golden_numpy_source_of_a_conv_pool_step():
    program = conv_pool_program()
    source = NumPyPrinter(program, dims=TensorSignature(program).dims).source()
    compare_or_update("conv_pool_numpy.py.txt", source)


def test_golden_llvm_ir_of_a_conv_pool_step():
    from symgrad.codegen.llvm.nd import NDEmitter
    program = conv_pool_program()
    sig = TensorSignature(program)
    # 32-bit BLAS integers fixed here: the kernel itself picks them from the BLAS it finds
    text = str(NDEmitter(program, np.float64, sig.args, list(sig.dims), blas_int_bits=32).emit())
    compare_or_update("conv_pool_f64.ll", text)
