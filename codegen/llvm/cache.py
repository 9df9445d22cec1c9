"""On-disk cache of compiled machine code.

An entry is the object code of one optimized kernel module.  Its key hashes
everything the machine code depends on: the program text, dtype, broadcast
pattern, CPU name and features, llvmlite and LLVM versions, the math
implementation and :data:`FORMAT_VERSION` (bump it whenever the emitted IR
changes meaning).

Loading an entry runs its code, so the cache trusts only what this user
wrote, in a directory nobody else can write:

* directories are created 0700; a cache root that is not owned by the user
  or that group or others can write is refused with a warning (once per
  process), and a fresh private directory is used instead;
* an entry is opened with ``O_NOFOLLOW | O_NONBLOCK`` (a symlink is refused,
  a FIFO cannot block) and must be a regular file owned by the user that
  nobody else can write (checked with ``fstat`` on the open file);
* an entry is bound to its key: ``MAGIC`` (8 bytes), payload length (8 bytes,
  little endian), HMAC-SHA256 over (key, payload) with a per-user secret
  (32 bytes), payload.  The secret is a 0600 file ``secret`` in the cache
  root, created atomically on first use.  An entry copied onto another key,
  or written by anyone without the secret, fails the check.

A file whose magic, length or HMAC does not match is treated as absent (and
overwritten by the next store), so a truncated, corrupted or planted entry is
rebuilt, never loaded.  Writes go to a temporary file in the same directory
followed by ``os.replace``, so a reader never sees a half-written entry, even
with concurrent writers.
"""
from __future__ import annotations

import atexit
import hashlib
import hmac
import os
import secrets
import shutil
import stat
import struct
import tempfile
import threading
import warnings
from pathlib import Path
from typing import Iterable

__all__ = ["enabled", "cache_dir", "cache_key", "load", "store", "FORMAT_VERSION", "MAGIC"]

#: bump when the IR emitted for the same program, or the file layout, changes
FORMAT_VERSION = "symgrad-llvm-2"
MAGIC = b"SGLLVM02"
_HEADER = struct.Struct("<8sQ32s")
SECRET_NAME = "secret"
_SECRET_SIZE = 32

# open flags: never follow a planted symlink, never block on a planted FIFO
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW
_READ_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0)
# the checks need dir_fd and uids: on other systems the cache is off
_SUPPORTED = os.name == "posix" and os.open in os.supports_dir_fd

_lock = threading.Lock()
_replacement: dict[str, str] = {}   # refused cache root -> private directory used instead


def cache_dir() -> Path:
    """``$SYMGRAD_CACHE_DIR``, else ``$XDG_CACHE_HOME/symgrad``, else ``~/.cache/symgrad``.

    This is the configured location; :func:`load` and :func:`store` use a
    private directory instead when it is not safe (see the module docstring).
    """
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


# -- trust checks --------------------------------------------------------------------------
def _untrusted(st: os.stat_result, kind: str) -> str | None:
    """Why a file or directory of this stat may not be trusted, or None."""
    if kind == "dir" and not stat.S_ISDIR(st.st_mode):
        return "is not a directory"
    if kind != "dir" and not stat.S_ISREG(st.st_mode):
        return "is not a regular file"
    if st.st_uid != os.geteuid():
        return f"is owned by uid {st.st_uid}, not {os.geteuid()}"
    if st.st_mode & (0o077 if kind == "secret" else 0o022):
        return f"has mode {stat.S_IMODE(st.st_mode):04o}, which lets others " + \
            ("read or write it" if kind == "secret" else "write to it")
    return None


def _read_secret(root_fd: int) -> tuple[bytes | None, str | None]:
    """(secret, None), or (None, reason) when the secret file is not trustworthy."""
    try:
        fd = os.open(SECRET_NAME, _READ_FLAGS, dir_fd=root_fd)
    except FileNotFoundError:
        return _create_secret(root_fd)
    except OSError as e:   # ELOOP: a symlink
        return None, f"its {SECRET_NAME} file cannot be opened without following links " \
            f"({e.strerror})"
    try:
        why = _untrusted(os.fstat(fd), "secret")
        if why:
            return None, f"its {SECRET_NAME} file {why}"
        data = os.read(fd, _SECRET_SIZE + 1)
    finally:
        os.close(fd)
    if len(data) != _SECRET_SIZE:
        return None, f"its {SECRET_NAME} file has {len(data)} bytes, not {_SECRET_SIZE}"
    return data, None


def _create_secret(root_fd: int) -> tuple[bytes | None, str | None]:
    # written whole under a temporary name, then linked into place: link never
    # replaces, so of two racing processes one secret wins and both read it
    tmp = f".tmp-secret-{secrets.token_hex(8)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=root_fd)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(_SECRET_SIZE))
        try:
            os.link(tmp, SECRET_NAME, src_dir_fd=root_fd, dst_dir_fd=root_fd)
        except FileExistsError:
            pass
        except OSError:   # no hard links here: a racing process may overwrite ours, which
            os.rename(tmp, SECRET_NAME, src_dir_fd=root_fd, dst_dir_fd=root_fd)  # costs a rebuild
    finally:
        try:
            os.unlink(tmp, dir_fd=root_fd)
        except FileNotFoundError:   # renamed into place
            pass
    return _read_secret(root_fd)


def _open_root() -> tuple[int, bytes] | None:
    """A descriptor of the trusted cache root and its secret, or None if there is none."""
    configured = str(cache_dir())
    with _lock:
        path = _replacement.get(configured, configured)
        try:
            os.makedirs(path, mode=0o700, exist_ok=True)
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            return None   # a disk or a path that refuses: compile without the cache
        secret = None
        why = _untrusted(os.fstat(fd), "dir")
        why = why and f"the directory {why}"
        if why is None:
            try:
                secret, why = _read_secret(fd)
            except OSError:
                os.close(fd)
                return None
        if why is None:
            return fd, secret
        os.close(fd)
        if configured in _replacement:   # the private directory itself went bad
            return None
        private = tempfile.mkdtemp(prefix="symgrad-cache-")   # 0700, ours
        atexit.register(shutil.rmtree, private, ignore_errors=True)
        _replacement[configured] = private
    warnings.warn(f"symgrad: not using the cache directory {configured}: {why}; "
                  f"compiled code is cached in {private} for this process only",
                  RuntimeWarning, stacklevel=4)
    return _open_root()


def _open_subdir(parent: int, name: str, create: bool) -> int | None:
    if create:
        try:
            os.mkdir(name, 0o700, dir_fd=parent)
        except FileExistsError:
            pass
        except OSError:   # a full or read-only disk: no cache, and no descriptor leaks
            return None
    try:
        fd = os.open(name, _DIR_FLAGS, dir_fd=parent)
    except OSError:
        return None
    if _untrusted(os.fstat(fd), "dir"):
        os.close(fd)
        return None
    return fd


def _open_entry_dir(key: str, create: bool) -> tuple[int, bytes] | None:
    """The directory that holds ``key``'s entry (``llvm/<key[:2]>``), and the secret."""
    if not _SUPPORTED:
        return None
    got = _open_root()
    if got is None:
        return None
    fd, secret = got
    for name in ("llvm", key[:2]):
        sub = _open_subdir(fd, name, create)
        os.close(fd)
        if sub is None:
            return None
        fd = sub
    return fd, secret


def _mac(secret: bytes, key: str, payload: bytes) -> bytes:
    k = key.encode()
    return hmac.new(secret, struct.pack("<Q", len(k)) + k + payload, hashlib.sha256).digest()


# -- load and store ------------------------------------------------------------------------
def load(key: str) -> bytes | None:
    """The payload stored under ``key``, or None if absent, damaged or untrusted.

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
    got = _open_entry_dir(key, create=False)
    if got is None:
        return None
    dir_fd, secret = got
    try:
        fd = os.open(f"{key}.o", _READ_FLAGS, dir_fd=dir_fd)
    except OSError:
        return None
    finally:
        os.close(dir_fd)
    with os.fdopen(fd, "rb") as f:
        if _untrusted(os.fstat(fd), "file"):
            return None
        data = f.read()
    if len(data) < _HEADER.size:
        return None
    magic, length, mac = _HEADER.unpack_from(data)
    payload = data[_HEADER.size:]
    if magic != MAGIC or length != len(payload) \
            or not hmac.compare_digest(mac, _mac(secret, key, payload)):
        return None
    return payload


def store(key: str, payload: bytes) -> bool:
    """Write atomically; returns False (and leaves no temp file) if the disk refuses."""
    try:
        got = _open_entry_dir(key, create=True)
    except OSError:
        return False
    if got is None:
        return False
    dir_fd, secret = got
    tmp = f".tmp-{secrets.token_hex(8)}"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=dir_fd)
        with os.fdopen(fd, "wb") as f:
            f.write(_HEADER.pack(MAGIC, len(payload), _mac(secret, key, payload)))
            f.write(payload)
        # replaces whatever sits at the name (a planted symlink or FIFO), never its target
        os.replace(tmp, f"{key}.o", src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        return True
    except OSError:
        try:
            os.unlink(tmp, dir_fd=dir_fd)
        except OSError:
            pass
        return False
    finally:
        os.close(dir_fd)


def enabled() -> bool:
    """False when ``SYMGRAD_CACHE`` is ``0``, ``off``, ``no`` or empty: every compile then builds anew."""
    return os.environ.get("SYMGRAD_CACHE", "1") not in ("0", "", "off", "no")
