"""Parameters and optimizer state to and from ``.npz`` files, without pickle.

Every array is stored under its buffer's name (``W1``, ``m_W1``, ...) plus
the step count ``t``; loading reads with ``allow_pickle=False`` and checks
names, shapes and dtypes before it writes anything.
"""
from __future__ import annotations

import os
from typing import Any

import numpy as np

__all__ = ["save", "load"]


def save(path: str | os.PathLike, target: Any) -> str:
    """Write ``target.state_dict()`` (a :class:`~symgrad.train.TrainStep` or
    :class:`~symgrad.train.Trainer`), or a dict of arrays, to ``path`` (``.npz``).

    >>> import tempfile, os, numpy as np
    >>> p = save(os.path.join(tempfile.mkdtemp(), "w.npz"), {"W": np.eye(2), "t": np.array(3)})
    >>> sorted(load(p))
    ['W', 't']
    """
    values = target.state_dict() if hasattr(target, "state_dict") else dict(target)
    for k, v in values.items():
        a = np.asarray(v)
        if a.dtype.kind not in "biuf":
            raise TypeError(f"save: {k!r} has dtype {a.dtype}; only numbers are saved (no pickle)")
    path = os.fspath(path)
    np.savez(path, **values)
    return path if path.endswith(".npz") else path + ".npz"


def load(path: str | os.PathLike, into: Any = None) -> dict[str, np.ndarray]:
    """Read an ``.npz`` written by :func:`save`; with ``into``, also load it there
    (``into.load_state_dict``, which checks every entry before writing).

    Raises ``ValueError`` for a file that is not an ``.npz`` of plain arrays.
    """
    path = os.fspath(path)
    try:
        with open(path, "rb") as f:
            magic = f.read(4)
    except OSError as e:
        raise ValueError(f"load: {path} is not a readable .npz file ({e})") from None
    if magic != b"PK\x03\x04":   # np.load would take any other file for a pickle or .npy
        raise ValueError(f"load: {path} is not a readable .npz file (no zip header)")
    try:
        with np.load(path, allow_pickle=False) as f:
            values = {k: f[k] for k in f.files}
    except ValueError as e:   # object arrays need pickle: refused
        raise ValueError(f"load: {path} holds something other than plain arrays ({e})") from None
    except (OSError, EOFError) as e:
        raise ValueError(f"load: {path} is not a readable .npz file ({e})") from None
    if into is not None:
        into.load_state_dict(values)
    return values
