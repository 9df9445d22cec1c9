"""T4 under load: training the digits MLP while two busy processes hold the cores.

Each system of benchmarks/t4_digits.py that threads (symgrad's llvm backend,
PyTorch eager) trains to 97% in a fresh subprocess, first on a quiet machine,
then with two processes spinning in ``while`` loops, in alternating order over
``--rounds`` rounds.  A system's slowdown is its median loaded s/epoch over
its median quiet s/epoch; the table compares the slowdowns within this one
run.  The busy processes stop themselves after ``BUSY_LIMIT`` seconds and are
killed when the script ends, whatever happens.

    python benchmarks/t4_under_load.py [--rounds 3] [--write]
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _doc import replace_section  # benchmarks/_doc.py: this script's section of docs/benchmarks.md

HERE = Path(__file__).resolve().parent
SYSTEMS = ("symgrad llvm", "PyTorch eager")
BUSY = 2
BUSY_LIMIT = 900    # seconds: a busy process outlives a crashed parent by at most this
NOTE = ("  \"Quiet\" means no busy processes of ours; other jobs may share the machine throughout, "
        "which slows PyTorch's two-thread steps even then.  Before symgrad chose threads per call "
        "(commit 2f1a0f7), two busy processes made its T4 run 12x slower (8.43 s against 0.71 s).")
SPIN = "import time\nend = time.monotonic() + {limit}\nwhile time.monotonic() < end:\n    pass\n"


def child(system: str) -> None:
    """Train once and print ``{"s": seconds, "epochs": n}`` (runs in the subprocess)."""
    sys.path.insert(0, str(HERE))
    import t4_digits
    xtr, xte, ytr, yte = t4_digits.data()
    if system == "symgrad llvm":
        s, epochs, _, _ = t4_digits.run_symgrad("llvm", xtr, xte, ytr, yte)
    else:
        s, epochs, _, _ = t4_digits.run_torch(xtr, xte, ytr, yte)
    print(json.dumps({"s": s, "epochs": epochs}))


def train(system: str) -> float:
    """Seconds per epoch of one training run in a fresh process."""
    out = subprocess.run([sys.executable, __file__, "--child", system], capture_output=True, text=True,
                         check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    return got["s"] / got["epochs"]


def measure(rounds: int) -> dict[str, dict[int, list[float]]]:
    """``system -> busy processes -> s/epoch of each round``."""
    times = {s: {0: [], BUSY: []} for s in SYSTEMS}
    for r in range(rounds):
        for load in ((0, BUSY) if r % 2 == 0 else (BUSY, 0)):
            busy = [subprocess.Popen([sys.executable, "-c", SPIN.format(limit=BUSY_LIMIT)]) for _ in range(load)]
            try:
                time.sleep(0.5 if busy else 0)   # let them reach their loop
                for system in (SYSTEMS if r % 2 == 0 else SYSTEMS[::-1]):
                    times[system][load].append(train(system))
                    print(f"round {r + 1}, {load} busy: {system} {times[system][load][-1] * 1e3:.0f} ms/epoch",
                          flush=True)
            finally:
                for p in busy:
                    p.kill()
                    p.wait()
    return times


def table(times: dict[str, dict[int, list[float]]]) -> tuple[str, dict[str, float]]:
    slow = {s: statistics.median(t[BUSY]) / statistics.median(t[0]) for s, t in times.items()}
    rows = [f"| system | quiet ms/epoch | {BUSY} busy ms/epoch | slowdown | vs PyTorch's slowdown |",
            "|---|---|---|---|---|"]
    for s, t in times.items():
        rows.append(f"| {s} | {statistics.median(t[0]) * 1e3:.0f} | {statistics.median(t[BUSY]) * 1e3:.0f} | "
                    f"{slow[s]:.2f}x | {slow[s] / slow['PyTorch eager']:.2f} |")
    return "\n".join(rows), slow


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--write", action="store_true", help="write the table into docs/benchmarks.md")
    ap.add_argument("--child", choices=SYSTEMS, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        return child(a.child)
    text, slow = table(measure(a.rounds))
    print(text)
    verdict = "no more" if slow["symgrad llvm"] <= slow["PyTorch eager"] else "MORE"
    print(f"symgrad llvm slows down {verdict} than PyTorch eager under load")
    if a.write:
        import numpy as np
        date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        section = (f"## Load: T4 with {BUSY} busy processes\n\n"
                   f"Measured {date} on {platform.machine()} ({os.cpu_count()} cores, shared with other jobs), "
                   f"Python {platform.python_version()}, NumPy {np.__version__}; T4 as above, each run in a "
                   f"fresh process, {a.rounds} rounds alternating quiet and loaded, medians.  Load: {BUSY} "
                   "processes spinning in `while` loops.  Command: "
                   "`.venv/bin/python benchmarks/t4_under_load.py --write`.\n\n" + text + "\n\n"
                   "Slowdown is loaded over quiet s/epoch; the last column divides it by PyTorch's, "
                   "so below 1 means symgrad degrades less.  symgrad's llvm backend gives a call "
                   "threads only when its work pays for them and a core is idle (`codegen/threads.py`)."
                   + NOTE + "\n")
        print(f"wrote {replace_section('Load', section)}")


if __name__ == "__main__":
    main()
