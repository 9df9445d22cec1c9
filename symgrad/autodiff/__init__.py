"""Reverse mode: the vector-Jacobian rule table and the reverse sweep over the graph."""
from . import array_rules, rules  # noqa: F401  (fill the rule table)
