"""Second order: every derivative rule differentiates its own output ops.

``sg.hessian`` runs the reverse sweep over the first sweep's adjoints, so each
op a rule emits (gates, ``sign``, ``polygamma``, reciprocals of the forward
value) must have a rule of its own.  Each spec of ``test_rules.py`` is checked
against ``sympy.hessian`` of its elementary form at 30 digits.
"""
from __future__ import annotations

import pytest
import sympy as sp
from _reference import elementary, value_at
from test_rules import SPECS, points

import symgrad as sg

#: SymPy leaves the derivative of floor and ceiling unevaluated (it is 0 where it exists)
SKIP = {"floor", "ceiling"}


@pytest.mark.parametrize("spec", [s for s in SPECS if s.name not in SKIP], ids=lambda s: s.name)
def test_hessian_of_every_rule(spec):
    H = sg.hessian(spec.expr, spec.wrt)
    ref = sp.hessian(elementary(spec.expr), spec.wrt)
    for p in points(spec, 3):
        for i in range(len(spec.wrt)):
            for j in range(len(spec.wrt)):
                want = value_at(ref[i, j], p)
                got = value_at(elementary(H[i, j]), p)    # Cbrt prints, but does not evaluate
                assert abs(got - want) <= 1e-12 * max(1.0, abs(want)), (spec.name, i, j, p, got, want)
