"""Benchmark: the path analytics and the compare of two 2,000-step paths, next to validating the same paths.

Prints medians (wall clock and CPU time of this process) for: validating path A; the figures of A; validating
A and B; comparing A with B (the differences and both paths' figures). B is A with steps removed, added,
moved and changed, so the compare has real work. Ratios are to validation measured in the same run.

Target: figures ≤ 2 × validation of the path; compare ≤ 2 × validation of both paths.

    python bench/bench_analytics.py [--steps 2000] [--repeats 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import synthetic_path  # noqa: E402
from paths.analytics.compare import compare  # noqa: E402
from paths.analytics.figures import figures  # noqa: E402
from paths.editing import edits  # noqa: E402
from paths.editing import experience as ex  # noqa: E402
from paths.model.schema import ServicePath  # noqa: E402
from paths.model.validation import validate  # noqa: E402

TARGET_RATIO = 2.0


def interleaved(funcs: dict[str, Callable[[], object]], repeats: int, clock: Callable[[], float]) -> dict[str, float]:
    """Median milliseconds of each function; the functions take turns, so that load on the machine hits all."""
    runs: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(repeats):
        for name, func in funcs.items():
            start = clock()
            func()
            runs[name].append(clock() - start)
    return {name: statistics.median(times) * 1000 for name, times in runs.items()}


def target_of(path: ServicePath) -> ServicePath:
    """A target state: every 50th step removed (bridged), every 40th retitled and scored, every 70th moved
    to the next stage, ten steps added; a separate copy, like a path read from the store."""
    target = path
    stages = [stage.id for stage in path.stages]
    for i, step in enumerate(path.steps):
        if i % 50 == 25 and step.kind.value not in ("end", "decision"):
            target = edits.remove_step(target, step.id, bridge=True)
        elif i % 40 == 10:
            target = edits.update_step(target, step.id, "fi", title=f"{step.title.fi} (uusi)")
            target = ex.set_feeling(target, step.id, (i % 5) - 2)
        elif i % 70 == 35:
            later = stages[(stages.index(step.stage) + 1) % len(stages)]
            target = edits.update_step(target, step.id, "fi", stage=later)
    for n in range(10):
        target = edits.add_step(target, stages[n % len(stages)], f"Lisätty {n}", "fi", step_id=f"added-{n}")
    # As loaded from the store: no object shared with A, so every step is really compared.
    return ServicePath.model_validate_json(target.model_dump_json())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    current = synthetic_path(args.steps)
    target = target_of(current)
    print(f"Paths: A {len(current.steps)} steps, B {len(target.steps)} steps; medians of {args.repeats} runs")
    funcs = {
        "validate_one": lambda: validate(current),
        "figures_one": lambda: figures(current),
        "validate_both": lambda: (validate(current), validate(target)),
        "compared": lambda: compare(current, target),
    }
    for name, clock in (("wall", time.perf_counter), ("cpu", time.process_time)):
        found = interleaved(funcs, args.repeats, clock)
        validate_one, figures_one = found["validate_one"], found["figures_one"]
        validate_both, compared = found["validate_both"], found["compared"]
        print(f"[{name}] validate A {validate_one:8.1f} ms   figures A {figures_one:8.1f} ms   "
              f"ratio {figures_one / validate_one:4.2f} (target ≤ {TARGET_RATIO})")
        print(f"[{name}] validate A+B {validate_both:6.1f} ms   compare A↔B {compared:6.1f} ms   "
              f"ratio {compared / validate_both:4.2f} (target ≤ {TARGET_RATIO})")


if __name__ == "__main__":
    main()
