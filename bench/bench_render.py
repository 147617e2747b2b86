"""Benchmark: validation, DOT generation and SVG rendering of synthetic paths.

Prints, for paths of 20, 200 and 2,000 steps: validation time, DOT generation time, our SVG
render (`render_path(..., "svg")`: DOT generation plus the `dot` subprocess), the raw
`dot -Tsvg` run on the very same DOT, and the ratio ours/raw (wall clock, and CPU time of
this process plus the `dot` child, which other load on the machine disturbs much less).
Medians over a few repeats; ours and raw runs alternate so that load hits both alike.

Targets: at 200 steps ours <= 1.15 x raw; validating 2,000 steps < 50 ms.

    python bench/bench_render.py [--sizes 20,200,2000] [--repeats 7] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import synthetic_path  # noqa: E402
from paths.model.validation import validate  # noqa: E402
from paths.render.dot import to_dot  # noqa: E402
from paths.render.image import render_path  # noqa: E402

RATIO_TARGET = 1.15
RATIO_SIZE = 200
VALIDATE_TARGET_MS = 50.0
VALIDATE_SIZE = 2000


def timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def median_ms(func: Callable[[], object], repeats: int) -> float:
    return statistics.median(timed(func) for _ in range(repeats)) * 1000


def median_cpu_ms(func: Callable[[], object], repeats: int) -> float:
    """CPU time of this process: what the code costs when other work shares the machine."""
    runs = []
    for _ in range(repeats):
        start = time.process_time()
        func()
        runs.append(time.process_time() - start)
    return statistics.median(runs) * 1000


def raw_dot(dot_file: Path) -> bytes:
    return subprocess.run(["dot", "-Tsvg", str(dot_file)], capture_output=True, check=True).stdout


def measure(n_steps: int, repeats: int, tmp: Path) -> dict[str, float]:
    """One size: medians in milliseconds."""
    path = synthetic_path(n_steps)
    validate(path)  # warm the catalog and imports
    to_dot(path)
    render_repeats = repeats if n_steps <= 500 else max(1, repeats // 3)
    result = {
        "steps": n_steps,
        "validate_ms": median_ms(lambda: validate(path), max(repeats, 7)),
        "validate_cpu_ms": median_cpu_ms(lambda: validate(path), max(repeats, 7)),
        "dot_gen_ms": median_ms(lambda: to_dot(path), max(repeats, 5)),
    }
    dot_file = tmp / f"synthetic-{n_steps}.dot"
    dot_file.write_text(to_dot(path), encoding="utf-8")
    ours, raw, ours_cpu, raw_cpu = [], [], [], []
    for _ in range(render_repeats):
        ours.append(timed(lambda: render_path(path, "svg")))
        ours_cpu.append(cpu_with_children(lambda: render_path(path, "svg")))
        raw.append(timed(lambda: raw_dot(dot_file)))
        raw_cpu.append(cpu_with_children(lambda: raw_dot(dot_file)))
    result["ours_ms"] = statistics.median(ours) * 1000
    result["raw_ms"] = statistics.median(raw) * 1000
    result["ratio"] = result["ours_ms"] / result["raw_ms"]
    result["cpu_ratio"] = statistics.median(ours_cpu) / statistics.median(raw_cpu)
    result["render_repeats"] = render_repeats
    return result


def cpu_with_children(func: Callable[[], object]) -> float:
    """CPU seconds of this process and its finished children (the `dot` run) for one call."""

    def now() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime

    start = now()
    func()
    return now() - start


def profile_validation(n_steps: int, lines: int = 15) -> str:
    path = synthetic_path(n_steps)
    validate(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        validate(path)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(lines)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20,200,2000", help="comma-separated step counts")
    parser.add_argument("--repeats", type=int, default=7, help="repeats per measurement (medians)")
    parser.add_argument("--profile", action="store_true", help="profile validation of the largest size")
    args = parser.parse_args(argv)
    if shutil.which("dot") is None:
        print("Graphviz dot is not installed: cannot benchmark rendering.")
        return 2
    sizes = [int(size) for size in args.sizes.split(",")]

    print("Flow diagram benchmark (medians; ours = render_path to SVG, raw = dot -Tsvg on the same DOT)")
    print(f"Load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        f"{'steps':>6} {'validate ms':>12} {'(cpu ms)':>9} {'DOT gen ms':>11} {'ours SVG ms':>12} "
        f"{'raw dot ms':>11} {'ours/raw':>9} {'(cpu)':>6}"
    )
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            row = measure(size, args.repeats, Path(tmp))
            results.append(row)
            print(
                f"{row['steps']:>6} {row['validate_ms']:>12.1f} {row['validate_cpu_ms']:>9.1f} "
                f"{row['dot_gen_ms']:>11.1f} {row['ours_ms']:>12.1f} {row['raw_ms']:>11.1f} "
                f"{row['ratio']:>9.3f} {row['cpu_ratio']:>6.3f}"
                + (f"   ({row['render_repeats']} render run(s))" if row["render_repeats"] != args.repeats else ""),
                flush=True,
            )

    print(f"Load average at end: {os.getloadavg()[0]:.1f} (timings on a busy machine are noisy)")
    by_size = {row["steps"]: row for row in results}
    if RATIO_SIZE in by_size:
        ratio, cpu_ratio = by_size[RATIO_SIZE]["ratio"], by_size[RATIO_SIZE]["cpu_ratio"]
        ok = ratio <= RATIO_TARGET
        print(
            f"Target: at {RATIO_SIZE} steps ours/raw <= {RATIO_TARGET}: wall {ratio:.3f} {'OK' if ok else 'MISSED'}"
            f" (cpu {cpu_ratio:.3f} {'OK' if cpu_ratio <= RATIO_TARGET else 'MISSED'})"
        )
    if VALIDATE_SIZE in by_size:
        ms = by_size[VALIDATE_SIZE]["validate_ms"]
        ok = ms < VALIDATE_TARGET_MS
        verdict = "OK" if ok else "MISSED"
        cpu = by_size[VALIDATE_SIZE]["validate_cpu_ms"]
        print(
            f"Target: validating {VALIDATE_SIZE} steps < {VALIDATE_TARGET_MS:.0f} ms: {ms:.1f} ms "
            f"(cpu {cpu:.1f} ms) {verdict}"
        )
        if args.profile or not ok:
            print(f"\nWhere validation of {VALIDATE_SIZE} steps spends its time (5 runs, by own time):")
            print(profile_validation(VALIDATE_SIZE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
