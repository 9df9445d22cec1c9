"""Run every workload benchmark and write its table into docs/benchmarks.md (`make bench`).

Each script runs in its own process, one after the other (they time peers that
use both cores, so they must not overlap).  Extra arguments go to every script
that takes them, e.g. ``python benchmarks/run_all.py`` or, to print without
writing, ``python benchmarks/run_all.py --no-write``.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["t1_scalar.py", "t2_derive.py", "t3_mlp_step.py", "t4_digits.py", "t4_under_load.py", "t5_cnn_step.py",
           "hvp.py", "llvm_math_bench.py", "scale.py"]


def main() -> int:
    write = "--no-write" not in sys.argv[1:]
    failed = []
    for script in SCRIPTS:
        cmd = [sys.executable, str(HERE / script)] + (["--write"] if write else [])
        print(f"== {' '.join(cmd[1:])}", flush=True)
        t = time.perf_counter()
        if subprocess.run(cmd).returncode != 0:
            failed.append(script)
        print(f"== {script}: {time.perf_counter() - t:.0f} s\n", flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
