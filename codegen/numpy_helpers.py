"""Source of the functions NumPy lacks, emitted at the top of generated NumPy code.

:data:`HELPERS` maps a helper's name (an op's ``OpDef.numpy`` spelling, or a
name a ``_print_<Name>`` method uses) to its definition.  The printer emits
each helper a program uses once, before the function; the activations use
stable formulations (one exp each) that the LLVM backend mirrors.
"""
from __future__ import annotations

__all__ = ["HELPERS"]


def _scipy(name: str, scipy_name: str) -> str:
    """A helper that is scipy.special's function; scipy is optional, so say what needs it."""
    alias = "" if name == scipy_name else f" as {name}"
    return (f"try:\n    from scipy.special import {scipy_name}{alias}\n"
            f"except ImportError:\n    raise ImportError('the numpy backend computes {name} with "
            f"scipy.special.{scipy_name}, and scipy is not installed') from None")


#: helper name -> its definition (stable formulations; one exp each)
HELPERS = {
    "sigmoid": '''def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1, e) / (1 + e)''',
    "relu": '''def relu(x):
    return np.maximum(x, 0)''',
    "softplus": '''def softplus(x):
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))''',
    "leaky_relu": '''def leaky_relu(x, alpha):
    return np.where(x > 0, x, alpha*x)''',
    "onehot": '''def onehot(labels, k, name):
    ok = (labels == np.floor(labels)) & (labels >= 0) & (labels < k)
    if not ok.all():
        raise ValueError(f"argument {name!r}: class labels must be integers in 0..{k - 1}, "
                         f"got {labels[~ok][0]}")
    return (labels == np.arange(k)).astype(labels.dtype)''',
    "fold_windows": '''def fold_windows(g, kernel, stride, spatial):
    # the adjoint of strided windows (col2im): each kernel offset adds its slice back
    k = len(kernel)
    n = g.ndim - 2*k
    lead, out_sizes = g.shape[:n], g.shape[n:n + k]
    if all(s >= w for w, s in zip(kernel, stride)):
        # windows that do not overlap: the slices are disjoint, added in place
        out = np.zeros(lead + tuple(spatial), dtype=g.dtype)
        for offset in np.ndindex(*kernel):
            index = tuple(slice(o, o + s*(m - 1) + 1, s) for o, s, m in zip(offset, stride, out_sizes))
            out[(Ellipsis,) + index] += g[(Ellipsis,) + offset]
        return out
    # overlapping windows: accumulate with the last leading axis (the channels) innermost,
    # so each of the kernel's slice-adds runs over rows of channels and g (a GEMM's output
    # in (N, OH, OW, C, KH, KW) order) is read in place, not copied
    m = max(n - 1, 0)
    gv = g.transpose(tuple(range(m)) + tuple(range(n, n + k)) + tuple(range(m, n)) + tuple(range(n + k, n + 2*k)))
    out = np.zeros(lead[:m] + tuple(spatial) + lead[m:], dtype=g.dtype)
    for offset in np.ndindex(*kernel):
        index = tuple(slice(o, o + s*(w - 1) + 1, s) for o, s, w in zip(offset, stride, out_sizes))
        out[(slice(None),)*m + index] += gv[(Ellipsis,) + offset]
    back = tuple(range(m)) + tuple(range(m + k, n + k)) + tuple(range(m, m + k))
    return np.ascontiguousarray(out.transpose(back))''',
    "elu": '''def elu(x, alpha):
    return np.where(x > 0, x, alpha*np.expm1(np.minimum(x, 0)))''',
    "sec": '''def sec(x):
    return 1/np.cos(x)''',
    "csc": '''def csc(x):
    return 1/np.sin(x)''',
    "cot": '''def cot(x):
    return 1/np.tan(x)''',
    "sech": '''def sech(x):
    return 1/np.cosh(x)''',
    "csch": '''def csch(x):
    return 1/np.sinh(x)''',
    "coth": '''def coth(x):
    return 1/np.tanh(x)''',
    # NumPy has no error or gamma functions; scipy.special has them (real inputs:
    # loggamma is NaN below 0, where SymPy's is complex)
    "erf": _scipy("erf", "erf"),
    "erfc": _scipy("erfc", "erfc"),
    "tgamma": _scipy("tgamma", "gamma"),
    "loggamma": _scipy("loggamma", "loggamma"),
    "polygamma": _scipy("polygamma", "polygamma"),
}
