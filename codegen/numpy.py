"""NumPy backend: a program becomes readable, vectorized Python source.

The printer dispatches on the node's op: the many plain function calls come
from the :data:`FUNCTIONS` table, a few ops have a ``_print_<Name>`` method.
Activations that NumPy lacks are emitted as small, numerically stable helper
functions at the top of the source, only those the program uses.

Example
-------
>>> import sympy as sp, symgrad as sg
>>> x, y, z = sp.symbols("x y z")
>>> fn = sg.compile((x + y) * z, wrt=[x, y, z], backend="numpy")
>>> print(fn.source)  # doctest: +NORMALIZE_WHITESPACE
import numpy as np
<BLANKLINE>
def value_and_grad(x, y, z):
    t0 = x + y
    t1 = z*t0
    value = t1
    d_x = z
    d_y = z
    d_z = t0
    return value, d_x, d_y, d_z
"""
from __future__ import annotations

import builtins
import linecache
import math
from typing import Any, Sequence

import numpy as np
import sympy as sp

from symgrad.ir.blocks import block_comments
from symgrad.ir.graph import BOOLEAN_OPS, COMPARISONS
from symgrad.ir.ops import REGISTRY
from symgrad.ir.program import Program, fresh, identifiers

from .callable import CompiledFunction, as_dtype
from .numpy_helpers import HELPERS
from .numpy_nd import ArrayPrinting

__all__ = ["build", "NumPyPrinter", "FUNCTIONS", "HELPERS"]

#: op -> NumPy callable name: the ``numpy`` spelling of every declared op (symgrad.ir.ops)
FUNCTIONS = {op: d.numpy for op, d in REGISTRY.items() if d.numpy}


#: ops in FUNCTIONS that are NumPy ufuncs, so they can write into a buffer (``out=``)
UFUNCS = {op: name for op, name in FUNCTIONS.items()
          if isinstance(getattr(np, name[3:], None) if name.startswith("np.") else None, np.ufunc)}

#: array ops whose NumPy result is a view of their argument (declared ``view``)
VIEWS = frozenset(op for op, d in REGISTRY.items() if d.view)

#: names the generated source uses itself; a symbol with one of them is renamed
RESERVED = frozenset(dir(builtins)) | {"np", "value_and_grad"} | set(HELPERS)


class NumPyPrinter(ArrayPrinting):
    """Prints one program as a Python function ``value_and_grad``."""

    def __init__(self, program: Program, name: str = "value_and_grad",
                 dims: dict[str, tuple[str, int]] | None = None, dtype: str = "float64"):
        self.program = program
        # constant matrices are made in the program's dtype: a float64 constant (the
        # max-pool rank mask) would promote every float32 array it meets to float64
        self.dtype = np.dtype(dtype).name
        self.name = name
        self.helpers: list[str] = []
        # dimension symbols (the batch size N) are read off argument shapes
        self.dims = dims or {}

    def source(self) -> str:
        p = self.program
        inline = self._inlined()
        # symbols live in a namespace of their own: each gets an identifier that
        # no other symbol, temporary, helper or builtin has (see `identifiers`)
        ids = identifiers(sorted({n for n, _ in p.inputs} | set(self.dims)),
                          RESERVED | {self.name})
        self.ids = ids
        taken = set(ids.values()) | RESERVED
        names = [""] * len(p.nodes)
        for n, i in p.inputs:
            # a dimension used as a number (1/N in a mean) is a scalar of the
            # arrays' dtype, so an empty batch gives nan as NumPy's mean does
            names[i] = fresh(ids[n] + "_value", taken) if n in self.dims else ids[n]
            taken.add(names[i])
        self.symbol_of = {i: n for n, i in p.inputs}
        constants: list[str] = []
        listing = p.names()   # temporaries keep their names from print(program)
        for i, node in enumerate(p.nodes):
            if not node.args:
                if isinstance(node.attr, sp.MatrixBase):   # a constant matrix: built once, read-only
                    names[i] = fresh("C", taken)
                    taken.add(names[i])
                    constants += [f"{names[i]} = {self.expr(node, [])}",
                                  f"{names[i]}.flags.writeable = False"]
                elif not names[i]:
                    names[i] = self._constant(node.attr)
            elif i in inline:
                operand = node.args[0]
                if node.op is sp.Mul:   # the factor that is not the constant -1 (may be pi)
                    operand = node.args[1] if self._is_minus_one(node.args[0]) else node.args[0]
                names[i] = inline[i] + names[operand]
            else:
                names[i] = listing[i]
        self.names = names
        reusable = self._reusable(inline)
        body = [f"    {ids[d]} = {ids[arg]}.shape[{axis}]" for d, (arg, axis) in self.dims.items()]
        body += [f"    {names[i]} = {ids[self.dims[n][0]]}.dtype.type({ids[n]})"
                 for n, i in p.inputs if n in self.dims]
        printed = [i for i, node in enumerate(p.nodes) if node.args and i not in inline]
        comments = block_comments(p, printed)
        for i in printed:
            node = p.nodes[i]
            if i in comments:   # which layer or derivative rule the next lines come from
                body.append(f"    # {comments[i]}")
            args = [names[a] for a in node.args]
            code = self._in_place(node, args, reusable.get(i))
            body.append(f"    {names[i]} = {code or self.expr(node, args)}")
        body += self._named_return(taken | set(names))
        params = ", ".join(names[i] for n, i in p.inputs if n not in self.dims)
        head = ["import numpy as np", ""]
        for h in self.helpers:
            head += [HELPERS[h], ""]
        head += constants + ([""] if constants else [])
        return "\n".join(head + [f"def {self.name}({params}):"] + body) + "\n"

    def _named_return(self, taken: set[str]) -> list[str]:
        """``value = t8``, ``d_w = t14``, ..., then ``return value, d_w, ...``: the
        outputs by name, as identifiers no symbol, temporary or helper has."""
        p = self.program
        out_ids = identifiers([n for n, _ in p.outputs], taken)
        lines = [f"    {out_ids[n]} = {self.names[i]}" for n, i in p.outputs]
        ret = ", ".join(out_ids[n] for n, _ in p.outputs) + ("," if len(p.outputs) == 1 else "")
        return lines + [f"    return {ret}"]

    def _reusable(self, inline: dict[int, str]) -> dict[int, int]:
        """For each entrywise matrix op, a temporary whose buffer it may
        overwrite: one of its operands, of the same shape, that nothing reads
        afterwards, that is not returned, and that owns its memory (not a
        transpose or broadcast view, not an argument)."""
        p = self.program
        last = [-1] * len(p.nodes)
        for i, node in enumerate(p.nodes):
            for a in node.args:
                last[a] = i
        for _, i in p.outputs:
            last[i] = len(p.nodes)
        # the args of an inlined node are read where the inlined node is used
        for i in inline:
            for a in p.nodes[i].args:
                last[a] = max(last[a], last[i])
        # a view keeps its source's buffer alive for as long as the view is read
        for i in range(len(p.nodes) - 1, -1, -1):
            if p.nodes[i].op in VIEWS:
                src = p.nodes[i].args[0]
                last[src] = max(last[src], last[i])
        out = {}
        for i, node in enumerate(p.nodes):
            if not node.shape or i in inline or not node.args:
                continue
            operands = [a for a in node.args if a not in inline] + \
                [b for a in node.args if a in inline for b in p.nodes[a].args]
            for a in operands:
                src = p.nodes[a]
                if (src.args and a not in inline and src.shape == node.shape and last[a] == i
                        and src.op not in VIEWS and src.op not in BOOLEAN_OPS):
                    out[i] = a
                    break
        return out

    def _in_place(self, node, args: list[str], target: int | None) -> str | None:
        """``np.<ufunc>(..., out=buffer)`` when a dead operand's buffer can take the result."""
        if target is None:
            return None
        out = self.names[target]
        if node.op is sp.Add and len(args) == 2:
            a, b = args
            if not a.startswith("-") and not b.startswith("-"):
                return f"np.add({a}, {b}, out={out})"
            if a.startswith("-") != b.startswith("-"):
                pos, neg = (b, a[1:]) if a.startswith("-") else (a, b[1:])
                return f"np.subtract({pos}, {neg}, out={out})"
        if node.op is sp.Mul and len(args) == 2 and "-1" not in args:
            a, b = args
            if not a.startswith("1/") and not b.startswith("1/"):
                return f"np.multiply({a}, {b}, out={out})"
            if a.startswith("1/") != b.startswith("1/"):
                num, den = (b, a[2:]) if a.startswith("1/") else (a, b[2:])
                return f"np.divide({num}, {den}, out={out})"
        if node.op in UFUNCS and node.op not in BOOLEAN_OPS:
            return f"{UFUNCS[node.op]}({', '.join(args)}, out={out})"
        return None

    def _inlined(self) -> dict[int, str]:
        """Negations used only in sums and reciprocals used only in products
        are printed inside their users, as ``a - b`` and ``a/b``."""
        p = self.program
        users: list[list[int]] = [[] for _ in p.nodes]
        for i, node in enumerate(p.nodes):
            for a in node.args:
                users[a].append(i)
        for _, i in p.outputs:
            users[i].append(-1)
        inline = {}
        for i, node in enumerate(p.nodes):
            if not users[i] or -1 in users[i]:
                continue
            user_ops = {p.nodes[u].op for u in users[i]}
            if (node.op is sp.Mul and len(node.args) == 2 and user_ops == {sp.Add}
                    and any(self._is_minus_one(a) for a in node.args)):
                inline[i] = "-"
            elif node.op is sp.Pow and user_ops == {sp.Mul} and self._is_minus_one(node.args[1]):
                inline[i] = "1/"
        return inline

    def _is_minus_one(self, i: int) -> bool:
        node = self.program.nodes[i]
        return node.op is sp.Number and node.attr == -1

    @staticmethod
    def _constant(c: sp.Basic) -> str:
        """A Python literal with the value the llvm backend gives the constant."""
        if c is sp.true or c is sp.false:
            return str(bool(c))
        if c.is_Integer and abs(int(c)) <= 2**53:   # exact as a double; prints as it reads
            return str(int(c))
        try:
            # SymPy rounds like a double and overflows to inf (10**400); a Python
            # int literal would instead raise OverflowError against an array
            v = float(c)
        except TypeError:
            raise ValueError(f"the constant {c} is not a real number") from None
        if math.isnan(v):
            return "np.nan"
        if math.isinf(v):
            return "np.inf" if v > 0 else "-np.inf"
        return repr(v)

    def _rows(self, M: sp.MatrixBase) -> str:
        return "[" + ", ".join("[" + ", ".join(self._constant(e) for e in M.row(r)) + "]"
                               for r in range(M.rows)) + "]"

    def expr(self, node, args: Sequence[str]) -> str:
        op = node.op
        method = getattr(self, f"_print_{op.__name__}", None)
        if method is not None:
            return method(node, args)
        if op in COMPARISONS:
            return f"({args[0]} {COMPARISONS[op]} {args[1]})"
        fn = FUNCTIONS.get(op)
        if fn is None:
            raise NotImplementedError(f"the numpy backend cannot print {op.__name__}")
        if fn in HELPERS:
            self._helper(fn)
        return f"{fn}({', '.join(args)})"

    def _print_Add(self, node, args):
        if len(args) > 64:
            # a + b + ... of thousands of terms nests too deep for Python's compiler
            return "sum((" + ", ".join(a if not a.startswith("-") else f"({a})" for a in args) + "))"
        plus = [a for a in args if not a.startswith("-")]
        minus = [a[1:] for a in args if a.startswith("-")]
        out = " + ".join(plus) if plus else "-" + minus.pop(0)
        for a in minus:
            out += f" - {a}"
        return out

    def _print_Mul(self, node, args):
        sign = ""
        if "-1" in args:
            sign, args = "-", [a for a in args if a != "-1"]
        numer = [a for a in args if not a.startswith("1/")]
        denom = [a[2:] for a in args if a.startswith("1/")]
        out = "*".join(numer) or "1"
        for d in denom:
            out += "/" + d
        return sign + out

    def _print_Pow(self, node, args):
        base, e = args
        c = self.program.nodes[node.args[1]]
        if c.op is sp.Number:
            v = c.attr
            if v == -1:
                return f"1/{base}"
            if v == sp.S.Half:
                return f"np.sqrt({base})"
            if v == -sp.S.Half:
                return f"1/np.sqrt({base})"
        if base.startswith("-"):   # a negative constant: -2**y is -(2**y) in Python
            base = f"({base})"
        return f"{base}**{e}" if not e.startswith("-") else f"{base}**({e})"

    def _print_Piecewise(self, node, args):
        pairs = list(zip(args[0::2], args[1::2]))
        expr, cond = pairs[-1]
        out = expr if cond == "True" else f"np.where({cond}, {expr}, np.nan)"
        for expr, cond in reversed(pairs[:-1]):
            out = f"np.where({cond}, {expr}, {out})"
        return out


def compile_source(source: str, name: str, tag: str) -> Any:
    """Execute generated source; keep it in linecache for readable tracebacks."""
    filename = f"<symgrad-numpy-{tag}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace: dict[str, Any] = {}
    exec(compile(source, filename, "exec"), namespace)
    function = namespace[name]

    def kernel(*args: Any) -> Any:
        # IEEE arithmetic without warnings, as the llvm backend (and torch) compute:
        # np.where evaluates both branches, and the sqrt(-1) or log(0) of the branch
        # it discards must not warn about a result nobody sees
        with np.errstate(all="ignore"):
            return function(*args)
    kernel.__wrapped__ = function
    return kernel


def _call_scalar(fn: CompiledFunction, arrays: list[np.ndarray]) -> list[Any]:
    """Elementwise programs: every output has the broadcast shape of the inputs."""
    try:
        shape = np.broadcast_shapes(*(a.shape for a in arrays))
    except ValueError:
        detail = ", ".join(f"{n}: {a.shape}" for n, a in zip(fn.args, arrays))
        raise ValueError(f"arguments do not broadcast together ({detail})") from None
    outs = fn.kernel(*arrays)
    result = []
    for o in outs:
        with np.errstate(over="ignore"):     # a float64 helper's 1e39 is inf in float32, quietly as llvm
            o = np.asarray(o, dtype=fn.dtype)
        if o.shape != shape:
            o = np.broadcast_to(o, shape).copy()
        elif o.ndim and any(np.may_share_memory(o, a) for a in (*arrays, *result)):
            # d(x*y)/dy is x itself, and d/dx = d/dy = z twice: a caller updating a gradient
            # in place would write into its own input or into another gradient
            o = o.copy()
        result.append(o[()] if o.ndim == 0 else o)
    return result


def build(program: Program, dtype: Any = "float64", wrt: Sequence[str] = ()) -> CompiledFunction:
    """Compile ``program`` to a NumPy function wrapped in a :class:`CompiledFunction`."""
    dt = as_dtype(dtype)
    if any(n.shape for n in program.nodes):
        from .tensor_call import TensorSignature
        sig = TensorSignature(program)
        source = NumPyPrinter(program, dims=sig.dims, dtype=dt.name).source()
        kernel = compile_source(source, "value_and_grad", program.fingerprint()[:12])
        return CompiledFunction(program, kernel, source, dt, wrt, "numpy", sig.call,
                                args=sig.args)
    source = NumPyPrinter(program).source()
    kernel = compile_source(source, "value_and_grad", program.fingerprint()[:12])
    return CompiledFunction(program, kernel, source, dt, wrt, "numpy", _call_scalar)
