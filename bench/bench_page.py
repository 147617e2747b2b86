"""Rerun time of the path page (AppTest) for a 200-step path with warm caches, beside an empty script.

Run: `python bench/bench_page.py [--steps 200] [--runs 30]`. Target: the path page's rerun costs
at most 3 x the rerun of an empty Streamlit script. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 3.0


def _rerun_times(at, runs: int) -> list[float]:  # noqa: ANN001 - AppTest
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        if at.exception:
            raise SystemExit(f"the page raised: {at.exception[0].value}")
    return times


def bench(steps: int, runs: int) -> dict[str, float]:
    """Median rerun times in milliseconds: the path page and an empty script."""
    from streamlit.testing.v1 import AppTest

    from bench.synthetic import synthetic_path
    from paths.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'polku.db'}"
        os.environ["POLKU_DATABASE_URL"] = url
        os.environ["POLKU_PERSONAL_DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'personal.db'}"
        store = Store(url)
        store.ensure_seeded()
        path = synthetic_path(steps)
        store.save_path(path, author="bench")
        store.close()

        page = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        page.query_params["path"] = path.id
        page.run()  # cold: fills the caches
        if page.exception:
            raise SystemExit(f"the page raised: {page.exception[0].value}")
        _rerun_times(page, 3)  # warm-up
        page_times = _rerun_times(page, runs)

        empty = AppTest.from_string("import streamlit as st\n", default_timeout=60)
        empty.run()
        _rerun_times(empty, 3)
        empty_times = _rerun_times(empty, runs)

    page_ms = statistics.median(page_times) * 1000
    empty_ms = statistics.median(empty_times) * 1000
    return {"page_ms": page_ms, "empty_ms": empty_ms, "ratio": page_ms / empty_ms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    result = bench(args.steps, args.runs)
    verdict = "ok" if result["ratio"] <= TARGET_RATIO else "OVER TARGET"
    print(f"Path page rerun (AppTest, {args.steps} steps, warm caches, median of {args.runs})")
    print(f"  path page rerun      {result['page_ms']:8.1f} ms")
    print(f"  empty script rerun   {result['empty_ms']:8.1f} ms")
    print(f"  ratio page/empty     {result['ratio']:8.2f} x   (target <= {TARGET_RATIO:.0f} x: {verdict})")


if __name__ == "__main__":
    main()
