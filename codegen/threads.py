"""How many threads a call of compiled code runs on.

``SYMGRAD_NUM_THREADS=n`` caps every thread team symgrad starts: the llvm
backend's scalar chunks, its tensor kernels' row chunks and the BLAS those
call (MKL, NumPy's OpenBLAS).  Unset, the cap is the number of cores this
process may run on.  A value that is not a positive integer raises
:class:`ValueError` naming the variable when the next program is compiled
(:func:`codegen.backend` calls :func:`requested_threads`).

Under the cap, a call runs on one thread unless both hold:

* its work (:func:`team_size`'s ``work``: GEMM multiply-adds plus elements
  of the other nodes) is at least :data:`PARALLEL_WORK`;
* a core is idle: the tasks of other processes that the kernel counts as
  runnable (``/proc/loadavg``, re-read at most every :data:`LOAD_PERIOD`
  seconds) leave one free.

A team member waiting for a core holds up the whole call at its next
barrier: with two busy processes on two cores, training T4 on two threads
took 12x as long as without them (8.4 s against 0.71 s), on one thread 1.2x.

Example
-------
>>> import os
>>> saved = os.environ.get(ENV)
>>> os.environ[ENV] = "1"
>>> requested_threads(), team_size(10**9)
(1, 1)
>>> os.environ[ENV] = "lots"
>>> requested_threads()
Traceback (most recent call last):
...
ValueError: SYMGRAD_NUM_THREADS='lots': expected a positive integer (the most threads symgrad may use)
>>> _ = os.environ.pop(ENV) if saved is None else os.environ.update({ENV: saved})
"""
from __future__ import annotations

import os
import time

__all__ = ["ENV", "requested_threads", "max_threads", "team_size", "PARALLEL_WORK", "LOAD_PERIOD"]

ENV = "SYMGRAD_NUM_THREADS"
#: work (multiply-adds and elements) below which a call runs on one thread.  MKL on this
#: 2-core EPYC, one GEMM, 1 thread against 2: 32x128x128 (0.5M) 70 against 101 us,
#: 128x256x256 (8.4M) 563 against 1219 us, on a machine shared with other jobs; T4's step
#: (2.3M) stays below, T3's (62M, where two threads won: docs/benchmarks.md) above
PARALLEL_WORK = 1 << 23
#: seconds between two reads of /proc/loadavg
LOAD_PERIOD = 0.05

_parsed: tuple[str | None, int | None] = (None, None)
_load = [0.0, 0]   # time of the last read, runnable tasks then


def requested_threads() -> int | None:
    """``SYMGRAD_NUM_THREADS`` as a positive integer, None when unset or empty."""
    global _parsed
    raw = os.environ.get(ENV)
    if raw == _parsed[0]:
        return _parsed[1]
    value = None
    if raw is not None and raw.strip():
        try:
            value = int(raw.strip())
        except ValueError:
            value = 0
        if value < 1:
            raise ValueError(f"{ENV}={raw!r}: expected a positive integer (the most threads symgrad may use)")
    _parsed = (raw, value)
    return value


def cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def max_threads() -> int:
    """The cap: ``SYMGRAD_NUM_THREADS``, else :func:`cores`."""
    return requested_threads() or cores()


def team_size(work: int) -> int:
    """Threads for a call doing ``work`` multiply-adds and element operations (see the module docstring)."""
    cap = max_threads()
    if cap == 1 or work < PARALLEL_WORK:
        return 1
    return max(1, min(cap, cores() - _other_runnable()))


def _other_runnable() -> int:
    """Runnable tasks of other processes, from ``/proc/loadavg`` (0 where it does not exist).

    This process's own running threads are not counted: BLAS workers still
    spinning after the last call would otherwise read as load, and a quiet
    machine would alternate between one thread and two."""
    now = time.monotonic()
    if now - _load[0] >= LOAD_PERIOD:
        try:
            with open("/proc/loadavg", "rb") as f:
                running = int(f.read().split()[3].split(b"/")[0])
        except (OSError, ValueError, IndexError):
            running = 0
        _load[:] = [now, max(0, running - _own_running())]
    return _load[1]


def _own_running() -> int:
    """Threads of this process in state R (at least 1: the caller)."""
    n = 0
    try:
        tids = os.listdir("/proc/self/task")
    except OSError:
        return 1
    for tid in tids:
        try:
            with open(f"/proc/self/task/{tid}/stat", "rb") as f:
                stat = f.read()
        except OSError:   # the thread ended meanwhile
            continue
        end = stat.rfind(b")")   # the command name in parentheses may contain anything
        n += stat[end + 2:end + 3] == b"R"
    return max(1, n)
