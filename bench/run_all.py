"""Run every benchmark (`bench/bench_*.py`) in turn, each in its own process with this Python.

Each script's output is printed as it comes; a summary of which ran and how long follows. The exit
status is non-zero when any script failed, so `make bench` fails too. Figures are only printed by
the scripts, never judged here.

    python bench/run_all.py [--dir bench] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"


def scripts(directory: Path, only: list[str] | None = None) -> list[Path]:
    """The benchmark scripts in name order; `only` keeps those whose name contains one of its words."""
    found = sorted(directory.glob("bench_*.py"))
    if only:
        found = [script for script in found if any(word in script.stem for word in only)]
    return found


def run(script: Path) -> tuple[int, float]:
    """Run one script with its output going straight to ours; its exit status and wall time."""
    start = time.perf_counter()
    try:
        result = subprocess.run([sys.executable, str(script)], cwd=ROOT, check=False)
        code = result.returncode
    except OSError as exc:
        print(f"could not start {script.name}: {exc}", flush=True)
        code = 127
    return code, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=BENCH_DIR, help="where the bench_*.py scripts are")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only scripts whose name contains NAME")
    args = parser.parse_args(argv)
    found = scripts(args.dir, args.only)
    if not found:
        print(f"no bench_*.py scripts in {args.dir}", flush=True)
        return 1
    results: list[tuple[str, int, float]] = []
    for script in found:
        print(f"\n=== {script.name} ===", flush=True)
        code, seconds = run(script)
        results.append((script.name, code, seconds))
    print("\n=== summary ===")
    for name, code, seconds in results:
        verdict = "ok" if code == 0 else f"FAILED (exit {code})"
        print(f"  {name:28s} {seconds:7.1f} s  {verdict}")
    failed = [name for name, code, _ in results if code != 0]
    if failed:
        print(f"{len(failed)} of {len(results)} benchmarks failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
