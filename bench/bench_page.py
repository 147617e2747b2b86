"""Rerun time of the path page (AppTest) for a 200-step path with warm caches, beside an empty script.

Run: `python bench/bench_page.py [--steps 200] [--runs 40]`. Target: the path page's rerun costs at
most 3 x the rerun of an empty Streamlit script. The runs are interleaved (empty, frame, page,
empty, ...) so that load from other processes hits all three alike. "App frame" is the same app
with an unknown path id: navigation, language switch, sign-in checks and one sentence, no path,
so the difference page − frame is what drawing the path costs. Figures are printed, never asserted.
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


def _timed_run(at) -> float:  # noqa: ANN001 - AppTest
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise SystemExit(f"the script raised: {at.exception[0].value}")
    return elapsed


def bench(steps: int, runs: int) -> dict[str, list[float]]:
    """Rerun times in seconds for the empty script, the app frame and the path page."""
    from streamlit.testing.v1 import AppTest

    from bench.synthetic import synthetic_path
    from paths.store.library import Store

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'polku.db'}"
        os.environ["POLKU_DATABASE_URL"] = url
        os.environ["POLKU_PERSONAL_DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'personal.db'}"
        store = Store(url)
        store.ensure_seeded()
        path = synthetic_path(steps)
        store.save_path(path, author="bench")
        store.close()

        scripts = {
            "empty": AppTest.from_string("import streamlit as st\n", default_timeout=60),
            "frame": AppTest.from_file(str(ROOT / "app.py"), default_timeout=120),
            "page": AppTest.from_file(str(ROOT / "app.py"), default_timeout=120),
        }
        scripts["frame"].query_params["path"] = "no-such-path"
        scripts["page"].query_params["path"] = path.id
        for at in scripts.values():
            for _ in range(4):  # the first run fills the caches; then warm up
                _timed_run(at)
        times: dict[str, list[float]] = {name: [] for name in scripts}
        for _ in range(runs):
            for name, at in scripts.items():
                times[name].append(_timed_run(at))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--runs", type=int, default=80)
    args = parser.parse_args()
    times = bench(args.steps, args.runs)
    median = {name: statistics.median(values) * 1000 for name, values in times.items()}
    fastest = {name: min(values) * 1000 for name, values in times.items()}
    ratio = median["page"] / median["empty"]
    verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(f"Path page rerun (AppTest, {args.steps} steps, warm caches, {args.runs} interleaved runs)")
    print(f"  {'':28s} {'median':>9s} {'fastest':>9s}")
    print(f"  {'empty script rerun':28s} {median['empty']:7.1f}ms {fastest['empty']:7.1f}ms")
    print(f"  {'app frame (unknown path)':28s} {median['frame']:7.1f}ms {fastest['frame']:7.1f}ms")
    print(f"  {'path page rerun':28s} {median['page']:7.1f}ms {fastest['page']:7.1f}ms")
    print(f"  drawing the path (page - frame): {median['page'] - median['frame']:.1f} ms")
    print(f"  ratio page/empty {ratio:.2f} x (target <= {TARGET_RATIO:.0f} x: {verdict}); "
          f"fastest runs {fastest['page'] / fastest['empty']:.2f} x")


if __name__ == "__main__":
    main()
