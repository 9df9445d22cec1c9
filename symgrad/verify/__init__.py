"""Is a gradient right?  Hand-derived formulas, hand-written backprop, compiled steps.

* :func:`check` (:mod:`.symbolic`): a hand-derived gradient, as SymPy
  expressions, against the one symgrad derives: symbolic, exact or 50-digit.
  Matrix and n-D parameters (:mod:`.arrays`) are evaluated at small sizes
  by the exact / mpmath graph evaluator of :mod:`.evaluate`; the verdict is a
  :class:`~.result.CheckResult`.
* :func:`gradcheck` (:mod:`.numeric`): the notes' "gradient check" of a
  compiled callable by central finite differences.
* :func:`check_numpy` (:mod:`.backprop`): a hand-written NumPy backward pass
  against the derived gradient, on random inputs.
"""
from .backprop import BackpropCheckResult, check_numpy
from .numeric import GradCheckResult, gradcheck
from .symbolic import CheckResult, check

__all__ = ["BackpropCheckResult", "CheckResult", "GradCheckResult", "check", "check_numpy",
           "gradcheck"]
