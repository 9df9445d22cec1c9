"""The llvm disk cache loads only what this user wrote (issue 15, item 12).

Loading an entry runs its machine code, so each attack below plants a file or
loosens a directory and checks that the compiled function still computes the
right thing: ``x*y`` and its gradient, against the exact values.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import stat
import threading
import warnings

import pytest
import sympy as sp

import symgrad as sg

pytest.importorskip("llvmlite")

from symgrad.codegen.llvm import cache as llvm_cache  # noqa: E402

x, y = sp.symbols("x y")
OTHER_UID = 54321
needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                                reason="chown to another uid needs root")


def _run(expr):
    """Compile and call at (3, 2); returns (value, gradient, how the kernel was obtained)."""
    f = sg.compile(expr, wrt=[x, y], backend="llvm")
    v, (dx, dy) = f(x=3.0, y=2.0)
    (how,) = [how for _, how in f.kernel.timings.values()]
    return float(v), (float(dx), float(dy)), how


def _entries(root):
    return {p.stem: p for p in root.rglob("*.o")}


def _right(result):
    v, g, _ = result
    return v == 6.0 and g == (2.0, 3.0)   # x*y at (3, 2): exact in floating point


@pytest.fixture
def planted(tmp_path, monkeypatch):
    """A cache root with a valid entry of another program (``x*y + 100``) and
    the entry path of ``x*y``; the attacker's file goes to that path."""
    root = tmp_path / "cache"
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(root))
    monkeypatch.delenv("SYMGRAD_CACHE", raising=False)
    _run(x * y + 100)
    (other,) = _entries(root).values()
    assert _right(_run(x * y))
    (target,) = set(_entries(root).values()) - {other}
    return root, other, target


def test_entry_of_another_program_copied_onto_a_key_is_not_loaded(planted):
    root, other, target = planted
    target.write_bytes(other.read_bytes())
    assert llvm_cache.load(target.stem) is None
    result = _run(x * y)
    assert _right(result) and result[2] == "compiled"
    assert _run(x * y)[2] == "cached"   # rebuilt and rewritten under its own key


def _payload(path):
    return path.read_bytes()[llvm_cache._HEADER.size:]


@pytest.mark.parametrize("tag", ["sha256", "hmac with another secret"])
def test_entry_forged_without_the_secret_is_not_loaded(planted, tag):
    root, other, target = planted
    payload = _payload(other)
    if tag == "sha256":   # all that integrity needed before: anyone can compute it
        digest = hashlib.sha256(payload).digest()
    else:
        k = target.stem.encode()
        digest = hmac.new(os.urandom(32), len(k).to_bytes(8, "little") + k + payload,
                          hashlib.sha256).digest()
    target.write_bytes(llvm_cache._HEADER.pack(llvm_cache.MAGIC, len(payload), digest) + payload)
    result = _run(x * y)
    assert _right(result) and result[2] == "compiled"


def test_symlinked_entry_is_not_followed(planted):
    root, other, target = planted
    before = other.read_bytes()
    target.unlink()
    target.symlink_to(other)
    result = _run(x * y)
    assert _right(result) and result[2] == "compiled"
    assert not target.is_symlink() and other.read_bytes() == before   # replaced, target untouched


def test_fifo_entry_does_not_block(planted):
    root, other, target = planted
    target.unlink()
    os.mkfifo(target)
    out = []
    t = threading.Thread(target=lambda: out.append(_run(x * y)), daemon=True)
    t.start()
    t.join(timeout=120)
    if t.is_alive():   # release the blocked reader before failing
        os.close(os.open(target, os.O_WRONLY | os.O_NONBLOCK))
        t.join(timeout=10)
        pytest.fail("compilation blocked on a FIFO in the cache")
    assert _right(out[0]) and out[0][2] == "compiled"
    assert stat.S_ISREG(os.lstat(target).st_mode)


@needs_root
def test_entry_owned_by_another_user_is_not_loaded(planted):
    root, other, target = planted
    os.chown(target, OTHER_UID, -1)   # even a valid entry: its owner could rewrite it
    assert llvm_cache.load(target.stem) is None
    assert _run(x * y)[2] == "compiled"


def test_new_directories_and_files_are_private(tmp_path, monkeypatch):
    root = tmp_path / "fresh"
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(root))
    old = os.umask(0o002)   # a umask that would make directories group-writable
    try:
        _run(x * y)
    finally:
        os.umask(old)
    (entry,) = _entries(root).values()
    for d in (root, root / "llvm", entry.parent):
        assert stat.S_IMODE(os.stat(d).st_mode) == 0o700, d
    assert stat.S_IMODE(os.stat(entry).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(root / llvm_cache.SECRET_NAME).st_mode) == 0o600


def _loosen(root, how):
    if how == "group-writable":
        os.chmod(root, 0o775)
    elif how == "world-writable":
        os.chmod(root, 0o777)
    elif how == "owned by another uid":
        os.chown(root, OTHER_UID, -1)
    elif how == "secret readable by others":
        os.chmod(root / llvm_cache.SECRET_NAME, 0o644)
    elif how == "secret owned by another uid":
        os.chown(root / llvm_cache.SECRET_NAME, OTHER_UID, -1)
    elif how == "secret is a symlink":
        s = root / llvm_cache.SECRET_NAME
        (root / "elsewhere").write_bytes(s.read_bytes())
        s.unlink()
        s.symlink_to(root / "elsewhere")


@pytest.mark.parametrize("how, reason", [
    ("group-writable", "the directory has mode 0775, which lets others write to it"),
    ("world-writable", "the directory has mode 0777"),
    pytest.param("owned by another uid", f"the directory is owned by uid {OTHER_UID}",
                 marks=needs_root),
    ("secret readable by others", "its secret file has mode 0644, which lets others read"),
    pytest.param("secret owned by another uid", f"its secret file is owned by uid {OTHER_UID}",
                 marks=needs_root),
    ("secret is a symlink", "its secret file cannot be opened without following links"),
])
def test_unsafe_cache_root_is_refused_with_one_warning(planted, how, reason):
    root, other, target = planted
    target.write_bytes(other.read_bytes())   # what the others who could write there left
    _loosen(root, how)
    with pytest.warns(RuntimeWarning, match=re.escape(f"not using the cache directory {root}: {reason}")):
        result = _run(x * y)
    assert _right(result) and result[2] == "compiled"
    assert target.read_bytes() == other.read_bytes()   # nothing written into the refused root
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # warned once per process, not at every compile
        assert _run(x * y)[2] == "cached"   # in the private replacement


def test_refused_root_names_the_reason(tmp_path, monkeypatch):
    root = tmp_path / "shared"
    root.mkdir()
    os.chmod(root, 0o777)
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(root))
    with pytest.warns(RuntimeWarning, match=r"the directory has mode 0777, which lets others"):
        assert llvm_cache.load("ab" * 32) is None
    assert not any(root.iterdir())


def test_racing_first_users_agree_on_one_secret(tmp_path, monkeypatch):
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path / "race"))
    barrier = threading.Barrier(8)

    def first_use(i):
        barrier.wait()
        llvm_cache.store(f"{i:02x}" * 32, b"payload %d" % i)

    threads = [threading.Thread(target=first_use, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # every entry verifies against the one secret that won, and no temp file is left
    assert [llvm_cache.load(f"{i:02x}" * 32) for i in range(8)] == [b"payload %d" % i for i in range(8)]
    assert sorted(p.name for p in (tmp_path / "race").iterdir()) == ["llvm", "secret"]
