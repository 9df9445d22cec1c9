"""On-disk cache of compiled machine code.

An entry is the object code of one optimized kernel module.  Its key hashes
everything the machine code depends on: the program text, dtype, broadcast
pattern, CPU name and features, llvmlite and LLVM versions, the math
implementation and :data:`FORMAT_VERSION` (bump it whenever the emitted IR
changes meaning).

File layout: ``MAGIC`` (8 bytes), payload length (8 bytes, little endian),
sha256 of the payload (32 bytes), payload.  A file whose magic, length or
checksum does not match is treated as absent (and overwritten by the next
store), so a truncated or corrupted entry is rebuilt, never loaded.  Writes
go to a temporary file in the same directory followed by ``os.replace``, so
a reader never sees a half-written entry, even with concurrent writers.
"""
from __future__ import annotations

import hashlib
import os
import struct
import tempfile
from pathlib import Path
from typing import Iterable

__all__ = ["cache_dir", "cache_key", "load", "store", "FORMAT_VERSION", "MAGIC"]

#: bump when the IR emitted for the same program changes
FORMAT_VERSION = "symgrad-llvm-1"
MAGIC = b"SGLLVM01"
_HEADER = struct.Struct("<8sQ32s")


def cache_dir() -> Path:
    """``$SYMGRAD_CACHE_DIR``, else ``$XDG_CACHE_HOME/symgrad``, else ``~/.cache/symgrad``."""
    explicit = os.environ.get("SYMGRAD_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "symgrad"


def cache_key(parts: Iterable[str]) -> str:
    """sha256 over the parts, each length-prefixed so that no two lists collide.

    >>> cache_key(["ab", "c"]) == cache_key(["a", "bc"])
    False
    >>> len(cache_key(["program", "float64"]))
    64
    """
    h = hashlib.sha256(FORMAT_VERSION.encode())
    for p in parts:
        b = str(p).encode()
        h.update(struct.pack("<Q", len(b)))
        h.update(b)
    return h.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / "llvm" / key[:2] / f"{key}.o"


def load(key: str) -> bytes | None:
    """The payload stored under ``key``, or None if absent or damaged.

    >>> import os, tempfile
    >>> saved = os.environ.get("SYMGRAD_CACHE_DIR")
    >>> os.environ["SYMGRAD_CACHE_DIR"] = tempfile.mkdtemp()
    >>> store("ab" * 32, b"object code")
    True
    >>> load("ab" * 32), load("cd" * 32)
    (b'object code', None)
    >>> if saved is None: del os.environ["SYMGRAD_CACHE_DIR"]
    ... else: os.environ["SYMGRAD_CACHE_DIR"] = saved
    """
    try:
        data = _path(key).read_bytes()
    except OSError:
        return None
    if len(data) < _HEADER.size:
        return None
    magic, length, digest = _HEADER.unpack_from(data)
    payload = data[_HEADER.size:]
    if magic != MAGIC or length != len(payload) or hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def store(key: str, payload: bytes) -> bool:
    """Write atomically; returns False (and leaves no temp file) if the disk refuses."""
    path = _path(key)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(_HEADER.pack(MAGIC, len(payload), hashlib.sha256(payload).digest()))
            f.write(payload)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
