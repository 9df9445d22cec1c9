"""Data for training: mini-batches, a validation split, digits and IDX files.

Nothing is downloaded: :func:`load_digits` reads the copy scikit-learn ships
(the ``examples`` extra), :func:`read_idx` reads MNIST-style IDX files the
user has.
"""
from __future__ import annotations

import gzip
import os
from typing import Iterator

import numpy as np

__all__ = ["minibatches", "validation_split", "load_digits", "read_idx"]


def minibatches(n: int, batch_size: int, rng: np.random.Generator | None = None) -> Iterator[np.ndarray]:
    """Index arrays covering ``range(n)`` in batches, shuffled when ``rng`` is given.

    >>> [b.tolist() for b in minibatches(5, 2)]
    [[0, 1], [2, 3], [4]]
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    order = rng.permutation(n) if rng is not None else np.arange(n)
    for i in range(0, n, batch_size):
        yield order[i:i + batch_size]


def validation_split(n: int, fraction: float, rng: np.random.Generator | None = None
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Indices ``(train, validation)``: the last ``fraction`` of the samples as Keras takes them,
    or a random ``fraction`` when ``rng`` is given.

    >>> tr, va = validation_split(10, 0.2)
    >>> tr.tolist(), va.tolist()
    ([0, 1, 2, 3, 4, 5, 6, 7], [8, 9])
    """
    if not isinstance(fraction, (int, float)) or not 0 < fraction < 1:
        raise ValueError(f"validation_split must be a fraction in (0, 1), not {fraction!r}")
    k = int(round(n * fraction))
    if k < 1 or k >= n:
        raise ValueError(f"validation_split={fraction} of {n} samples leaves {k} for validation "
                         f"and {n - k} for training; both need at least one")
    order = rng.permutation(n) if rng is not None else np.arange(n)
    return np.sort(order[:n - k]), np.sort(order[n - k:])


def load_digits(test_size: float = 0.2, random_state: int = 0, dtype: str = "float32"):
    """scikit-learn's bundled 8x8 digits, scaled to [0, 1], split stratified.

    Returns ``x_train, x_test, y_train, y_test`` (labels as integers).  Needs
    scikit-learn (``pip install 'symgrad[examples]'``); nothing is downloaded.

    >>> x_train, x_test, y_train, y_test = load_digits()
    >>> x_train.shape, x_test.shape, x_train.dtype, int(y_train.max())
    ((1437, 64), (360, 64), dtype('float32'), 9)
    """
    try:
        from sklearn.datasets import load_digits as sk_digits
        from sklearn.model_selection import train_test_split
    except ImportError:
        raise ImportError("load_digits needs scikit-learn: pip install 'symgrad[examples]'") from None
    x, y = sk_digits(return_X_y=True)
    x = (x / 16.0).astype(dtype)
    return train_test_split(x, y, test_size=test_size, stratify=y, random_state=random_state)


#: IDX type byte -> big-endian NumPy dtype
IDX_TYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """An IDX file (the format of the MNIST files) as a NumPy array; ``.gz`` files are unzipped.

    The header is two zero bytes, a type byte, the number of dimensions, then
    each dimension as a big-endian 32-bit integer; the data follows.  A file
    whose header or size does not agree raises ``ValueError`` naming the file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "labels.idx1-ubyte"
    >>> _ = p.write_bytes(bytes([0, 0, 0x08, 1, 0, 0, 0, 3, 7, 2, 1]))
    >>> read_idx(p)
    array([7, 2, 1], dtype=uint8)
    """
    path = os.fspath(path)
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            raw = f.read()
    except gzip.BadGzipFile as e:
        raise ValueError(f"{path}: not a gzip file ({e})") from None
    if len(raw) < 4:
        raise ValueError(f"{path}: {len(raw)} bytes is too short for an IDX header")
    if raw[0] != 0 or raw[1] != 0:
        raise ValueError(f"{path}: not an IDX file (it starts with {raw[:2].hex()}, not 0000)")
    kind, ndim = raw[2], raw[3]
    if kind not in IDX_TYPES:
        raise ValueError(f"{path}: unknown IDX data type 0x{kind:02x} (known: "
                         f"{', '.join(f'0x{k:02x}' for k in IDX_TYPES)})")
    if ndim == 0:
        raise ValueError(f"{path}: an IDX file with 0 dimensions")
    head = 4 + 4 * ndim
    if len(raw) < head:
        raise ValueError(f"{path}: the header declares {ndim} dimensions but the file ends after "
                         f"{len(raw)} bytes")
    shape = tuple(int(d) for d in np.frombuffer(raw, ">u4", ndim, 4))
    dt = np.dtype(IDX_TYPES[kind])
    want = int(np.prod(shape, dtype=np.int64)) * dt.itemsize
    if len(raw) - head != want:
        raise ValueError(f"{path}: shape {shape} of {dt.name} needs {want} bytes of data, the file "
                         f"has {len(raw) - head}")
    return np.frombuffer(raw, dt, offset=head).reshape(shape).astype(dt.newbyteorder("="))
