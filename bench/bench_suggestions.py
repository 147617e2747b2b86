"""Benchmark of suggested changes: 30 participants each sending 5 suggestions within one minute, measured in Chromium.

A real `streamlit run` serves the app on a store (SQLite, then PostgreSQL with `--postgres URL` or
POLKU_BENCH_POSTGRES_URL / POLKU_TEST_POSTGRES_URL). Chromium shows the facilitator's wall (desktop)
and one participant's screen (a phone). The participants are threads calling the suggestion store,
as the server's sessions do, spread evenly over `--seconds`; meanwhile the bench accepts one open
suggestion every few seconds. Printed:

- the wall's refresh: how long each rerun of the wall's live fragment takes in Chromium (the app's
  script state from "running" to "notRunning", observed in the page), p50/p95/max (target p95 < 1 s);
- accept → visible: from accepting a suggestion to its new step being in the participant's picture,
  p50/p95/max (target p95 < 3 s);
- the suggestion store's own latency per `suggest()` (reference: the same process, the same run).

Run: `python bench/bench_suggestions.py [--participants 30] [--each 5] [--seconds 60] [--postgres URL]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.bench_store import postgres_schema  # noqa: E402
from bench.synthetic import synthetic_path  # noqa: E402
from paths.i18n.catalog import UserError  # noqa: E402
from paths.store.library import Store  # noqa: E402
from paths.workshops.changes import Change  # noqa: E402
from paths.workshops.rules import new_participant_token  # noqa: E402
from paths.workshops.suggestions import SuggestionStore  # noqa: E402
from paths.workshops.workshop import WorkshopStore  # noqa: E402
from tests.support.browser import launch_chromium, streamlit_server, wait_idle  # noqa: E402
from tests.workshops.test_browser_suggestions import PICTURE_HAS  # noqa: E402 - reads the picture's text

WALL_P95_TARGET_S = 1.0
VISIBLE_P95_TARGET_S = 3.0
ACCEPT_EVERY_S = 5.0
# Records each run of the app's script in the page: the time from "running" to "notRunning".
RUN_TIMER = """() => {
  window.__runs = []; let began = null;
  const app = document.querySelector("[data-testid='stApp']");
  new MutationObserver(() => {
    const state = app.getAttribute('data-test-script-state');
    if (state === 'running' && began === null) began = performance.now();
    if (state === 'notRunning' && began !== null) { window.__runs.push(performance.now() - began); began = null; }
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""



def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]  # never beyond the largest sample


def figures(label: str, values: list[float], unit: str, target: float | None = None) -> str:
    if not values:
        return f"  {label}: no samples"
    line = (f"  {label}: n={len(values)} p50={statistics.median(values):.2f} {unit} "
            f"p95={percentile(values, 95):.2f} {unit} max={max(values):.2f} {unit}")
    if target is not None:
        line += f" (target p95 < {target:g} {unit}: {'met' if percentile(values, 95) < target else 'NOT met'})"
    return line


def prepare(url: str) -> tuple[int, str, list[str]]:
    """The path and an open workshop in the store, before the server starts: (workshop id, code, step ids)."""
    store = Store(url)
    try:
        store.ensure_seeded()
        path = synthetic_path(40).model_copy(update={"id": "bench-suggest"})
        store.save_path(path, "Bench")
        workshop = WorkshopStore(store).open_workshop(path.id, "Bench", "professional", 5)
        return workshop.id, workshop.code, [step.id for step in path.steps]
    finally:
        store.close()


def participants(url: str, workshop_id: int, steps: list[str], count: int, each: int, seconds: float,
                 done: threading.Event) -> tuple[list[float], list[str]]:
    """`count` participants sending `each` suggestions, evenly spread over `seconds`; latencies (ms), errors."""
    store = Store(url)
    suggestions = SuggestionStore(WorkshopStore(store))
    latencies: list[float] = []
    errors: list[str] = []
    total = count * each
    start = time.monotonic()

    def participant(i: int) -> None:
        token = new_participant_token()
        for k in range(each):
            number = k * count + i
            delay = start + seconds * number / total - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            change = Change(kind="add_after", target_kind="step", target=steps[number % len(steps)],
                            title=f"Ehdotus {number}")
            began = time.perf_counter()
            try:
                suggestions.suggest(workshop_id, token, change, display_name=f"Osallistuja {i}")
            except UserError as exc:
                errors.append(exc.message("en"))
            latencies.append((time.perf_counter() - began) * 1000)

    threads = [threading.Thread(target=participant, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    store.close()
    return latencies, errors


def accept_one(suggestions: SuggestionStore, workshop_id: int) -> str | None:
    """Accept the oldest open suggestion that still applies; the title of its new step."""
    for suggestion in suggestions.suggestions(workshop_id):
        if not suggestion.is_open:
            continue
        try:
            suggestions.accept(suggestion.id, "Bench", "fi")
        except UserError:
            continue
        return suggestion.change.title
    return None


def run(url: str, label: str, args: argparse.Namespace) -> None:
    workshop_id, code, steps = prepare(url)
    with tempfile.TemporaryDirectory() as tmp, streamlit_server(
        Path(tmp), env={"POLKU_AUTH": "", "POLKU_DATABASE_URL": url}
    ) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        wall = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
        phone = browser.new_context(viewport={"width": 412, "height": 915}, is_mobile=True).new_page()
        wall.goto(f"{server}/workshop?workshop={workshop_id}")
        phone.goto(f"{server}/?join={code}")
        for page in (wall, phone):
            wait_idle(page, 120_000)
        phone.locator(".st-key-polku_sg_picture img").wait_for(timeout=120_000)
        wall.evaluate(RUN_TIMER)
        wall.wait_for_timeout(args.idle * 1000)  # the reference: the wall refreshing with nobody writing
        idle_runs = [ms / 1000 for ms in wall.evaluate("() => window.__runs.splice(0)")]
        store = Store(url)
        suggestions = SuggestionStore(WorkshopStore(store))
        done = threading.Event()
        result: dict[str, tuple[list[float], list[str]]] = {}
        crowd = threading.Thread(target=lambda: result.setdefault("crowd", participants(
            url, workshop_id, steps, args.participants, args.each, args.seconds, done)))
        started = time.monotonic()
        crowd.start()
        visible: list[float] = []
        while not done.is_set() or not visible:
            phone.wait_for_timeout(ACCEPT_EVERY_S * 1000)
            began = time.monotonic()
            title = accept_one(suggestions, workshop_id)
            if title is None:
                if done.is_set():
                    break
                continue
            phone.wait_for_function(PICTURE_HAS, arg=title, timeout=30_000, polling=50)
            visible.append(time.monotonic() - began)
        crowd.join()
        elapsed = time.monotonic() - started
        runs = [ms / 1000 for ms in wall.evaluate("() => window.__runs")]
        store.close()
        browser.close()
    latencies, errors = result["crowd"]
    print(f"{label}: {args.participants} participants × {args.each} suggestions in {elapsed:.0f} s"
          f" ({len(latencies) - len(errors)} stored, {len(errors)} refused: {sorted(set(errors))[:3]})")
    print(figures("wall refresh in Chromium, nobody writing (reference)", idle_runs, "s"))
    print(figures("wall refresh in Chromium, during the crowd", runs, "s", WALL_P95_TARGET_S))
    if idle_runs and runs:
        print(f"  ratio of p95s, crowd / reference: {percentile(runs, 95) / percentile(idle_runs, 95):.1f}×")
    print(figures("accept → visible on the participant's screen", visible, "s", VISIBLE_P95_TARGET_S))
    print(figures("suggest() in the store (reference)", latencies, "ms"))


@contextmanager
def sqlite_url() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as tmp:
        yield f"sqlite:///{Path(tmp) / 'bench.db'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--each", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of the idle wall, the reference")
    parser.add_argument("--postgres", metavar="URL", default=os.environ.get("POLKU_BENCH_POSTGRES_URL")
                        or os.environ.get("POLKU_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    with sqlite_url() as url:
        run(url, "SQLite (WAL)", args)
    if args.postgres:
        with postgres_schema(args.postgres) as url:
            run(url, "PostgreSQL", args)
    else:
        print("PostgreSQL: skipped (give --postgres URL or set POLKU_BENCH_POSTGRES_URL)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
