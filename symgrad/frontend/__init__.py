"""The front end: SymPy expression DAG -> graph (``lower``), graph -> SymPy
(``to_sympy``, for reading formulas), and the whitelist parser of the CLI."""
from . import lower_matrix  # noqa: F401  (registers the lowerings of SymPy's matrix classes)
