"""Shape rules of the IR: a shape is a tuple of ints and SymPy symbols (``()`` for scalars)."""
from __future__ import annotations

from typing import Any, Iterable

__all__ = ["Shape", "broadcast_shapes", "dims"]

Shape = tuple


def broadcast_shapes(shapes: Iterable[Shape], culprit: Any = None) -> Shape:
    """Elementwise result shape, NumPy rules: scalars and length-1 axes broadcast."""
    out: Shape = ()
    for s in shapes:
        if s == () or s == out:
            continue
        if out == ():
            out = s
            continue
        if len(s) != len(out):
            raise ValueError(f"shapes {out} and {s} do not broadcast in {culprit}")
        merged = []
        for a, b in zip(out, s):
            if a == b or b == 1:
                merged.append(a)
            elif a == 1:
                merged.append(b)
            else:
                raise ValueError(f"shapes {out} and {s} do not broadcast in {culprit}")
        out = tuple(merged)
    return out


def dims(shape) -> Shape:
    """A SymPy shape with integer entries as Python ints (symbols stay symbols)."""
    return tuple(int(d) if isinstance(d, int) or getattr(d, "is_Integer", False) else d
                 for d in shape)
