"""Benchmark of workshop mode: 50 participants posting 20 notes each, all at the same moment.

Every participant is a thread with its own participant token, sharing one `Store` (as the
sessions of one Streamlit server do); they start together on a barrier and post their notes
back to back. Prints the throughput, the p50/p95/max latency of one note (`add_note`: checks,
one write transaction) and checks that every note was stored. Then the same for votes, and
the time to read the whole wall (`notes()` with vote counts), which the wall does every 3 s.
SQLite always; PostgreSQL whenever one is reachable (see bench_store.reachable_postgres).
Target on SQLite: p95 per note under 100 ms.

Then, with PostgreSQL, nginx and Chromium at hand, the same workshop end to end on two servers:
two `streamlit run` servers on one PostgreSQL database behind nginx (sticky cookie), participants in
Chromium pinned half to each server, each posting notes through the real join page; prints notes per
second through nginx (every note counted in the database) beside the in-process figure of this run.

Run: `python bench/bench_workshop.py [--participants 50] [--notes 20] [--postgres URL]
[--browser-participants 6] [--browser-notes 5] [--no-servers]`.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_store import for_each_store, reachable_postgres  # noqa: E402
from bench.synthetic import synthetic_path  # noqa: E402
from paths.store.library import Store  # noqa: E402
from paths.workshops.rules import new_participant_token  # noqa: E402
from paths.workshops.workshop import WorkshopStore  # noqa: E402
from tests.support.browser import CHROMIUM  # noqa: E402

NOTE_P95_TARGET_MS = 100
KINDS = ("idea", "problem", "question", "praise")


def percentile(times: list[float], q: int) -> float:
    return statistics.quantiles(times, n=100)[q - 1] if len(times) >= 2 else times[0]


def _crowd(participants: int, work) -> tuple[list[float], float]:  # noqa: ANN001 - work(i, token) -> latencies
    """Run `work` for every participant at once; per-call latencies (ms) and the wall time (s)."""
    barrier = threading.Barrier(participants + 1)

    def participant(i: int) -> list[float]:
        token = new_participant_token()
        barrier.wait(timeout=120)
        return work(i, token)

    with ThreadPoolExecutor(participants) as pool:
        futures = [pool.submit(participant, i) for i in range(participants)]
        barrier.wait(timeout=120)
        start = time.perf_counter()
        latencies = [ms for future in futures for ms in future.result()]
        wall = time.perf_counter() - start
    return latencies, wall


def run(store: Store, label: str, participants: int, notes: int, check_target: bool, figures: dict) -> bool:
    path = synthetic_path(60)
    store.save_path(path, "Bench")
    workshops = WorkshopStore(store)
    workshop = workshops.open_workshop(path.id, "Bench", audience="professional", votes_per_participant=notes)
    steps = [step.id for step in path.steps]
    workshops.add_note(workshop.id, new_participant_token(), "idea", "warm-up", step_id=steps[0])

    def post(i: int, token: str) -> list[float]:
        times = []
        for n in range(notes):
            start = time.perf_counter()
            workshops.add_note(
                workshop.id, token, KINDS[n % 4], f"Osallistuja {i}: huomio {n} – odotusaika on pitkä",
                step_id=steps[(i * notes + n) % len(steps)], display_name=f"Osallistuja {i}" if n % 3 == 0 else None,
            )
            times.append((time.perf_counter() - start) * 1000)
        return times

    latencies, wall = _crowd(participants, post)
    stored = workshops.count_notes(workshop.id) - 1
    expected = participants * notes
    p95 = percentile(latencies, 95)
    verdict = f"  target p95 < {NOTE_P95_TARGET_MS} ms: " + ("met" if p95 < NOTE_P95_TARGET_MS else "MISSED")
    print(f"{label}: {participants} participants x {notes} notes at the same moment")
    print(f"  notes stored                   {stored} of {expected}" + ("" if stored == expected else "  LOST NOTES"))
    print(f"  throughput                     {expected / wall:8.1f} notes/s  ({wall:.2f} s in all)")
    figures[label] = expected / wall
    print(
        f"  latency per note               p50 {percentile(latencies, 50):7.2f}  p95 {p95:7.2f}"
        f"  max {max(latencies):7.2f} ms" + (verdict if check_target else "")
    )

    all_notes = workshops.notes(workshop.id)

    def vote(i: int, token: str) -> list[float]:
        times = []
        for n in range(notes):
            start = time.perf_counter()
            workshops.vote(workshop.id, token, note_id=all_notes[(i * 7 + n) % len(all_notes)].id)
            times.append((time.perf_counter() - start) * 1000)
        return times

    vote_latencies, vote_wall = _crowd(participants, vote)
    print(
        f"  votes ({participants} x {notes})              p50 {percentile(vote_latencies, 50):7.2f}"
        f"  p95 {percentile(vote_latencies, 95):7.2f} ms  ({expected / vote_wall:.1f} votes/s)"
    )
    reads = []
    for _ in range(20):
        start = time.perf_counter()
        workshops.notes(workshop.id)
        reads.append((time.perf_counter() - start) * 1000)
    print(f"  read the wall ({stored + 1} notes)      median {statistics.median(reads):7.2f} ms")
    return stored == expected and (not check_target or p95 < NOTE_P95_TARGET_MS)


def _wait_for_count(workshops: WorkshopStore, workshop_id: int, count: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while workshops.count_notes(workshop_id) < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"only {workshops.count_notes(workshop_id)} of {count} notes arrived")
        time.sleep(0.05)


def run_two_servers(postgres_url: str, participants: int, notes: int, reference: float | None) -> None:
    """Notes per second through nginx to two servers on one PostgreSQL, posted from Chromium."""
    from playwright.sync_api import sync_playwright

    from tests.deploy.cluster import STICKY_COOKIE, submit_note, two_servers
    from tests.deploy.support import pg_database
    from tests.support.browser import launch_chromium, wait_idle
    from tests.support.factories import branching_path

    with pg_database(postgres_url, "bench") as url, tempfile.TemporaryDirectory() as tmp:
        store = Store(url)
        store.ensure_seeded()
        store.save_path(branching_path(), "Bench")
        workshops = WorkshopStore(store)
        workshop = workshops.open_workshop("testipolku", "Bench", audience="professional")
        with two_servers(url, Path(tmp)) as cluster, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            pages = []
            for i in range(participants):
                context = browser.new_context(viewport={"width": 412, "height": 900}, locale="fi-FI")
                key = cluster.key_for(cluster.servers[i % 2])
                context.add_cookies([{"name": STICKY_COOKIE, "value": key, "url": cluster.url}])
                page = context.new_page()
                page.goto(f"{cluster.url}/?join={workshop.code}")
                wait_idle(page, 60_000)
                pages.append(page)
            start = time.perf_counter()
            for n in range(notes):
                for i, page in enumerate(pages):
                    submit_note(page, f"Osallistuja {i}: huomio {n}")
                _wait_for_count(workshops, workshop.id, (n + 1) * participants)
            wall = time.perf_counter() - start
            browser.close()
        stored = workshops.count_notes(workshop.id)
        store.close()
    rate = participants * notes / wall
    print(f"Two servers behind nginx (PostgreSQL): {participants} participants in Chromium x {notes} notes")
    print(f"  notes stored                   {stored} of {participants * notes}")
    print(f"  throughput through nginx       {rate:8.1f} notes/s  ({wall:.2f} s in all)")
    if reference:
        print(f"  in-process PostgreSQL figure   {reference:8.1f} notes/s  (ratio {rate / reference:.3f}: the browser,"
              " Streamlit's rerun and the proxy per note)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--notes", type=int, default=20)
    parser.add_argument("--postgres", default=None, metavar="URL")
    parser.add_argument("--browser-participants", type=int, default=6)
    parser.add_argument("--browser-notes", type=int, default=5)
    parser.add_argument("--no-servers", action="store_true", help="skip the two-server run through nginx")
    args = parser.parse_args()

    figures: dict[str, float] = {}
    for_each_store(args.postgres, lambda store, label, sqlite: run(
        store, label, args.participants, args.notes, check_target=sqlite, figures=figures))
    postgres_url = reachable_postgres(args.postgres)
    chromium_there = CHROMIUM is None or Path(CHROMIUM).exists()  # None: Playwright's own build
    missing = [name for name, there in (("PostgreSQL", postgres_url), ("nginx", shutil.which("nginx") or
               Path("/usr/sbin/nginx").exists()), ("Chromium", chromium_there)) if not there]
    if args.no_servers:
        print("Two servers behind nginx: skipped (--no-servers)")
    elif missing:
        print(f"Two servers behind nginx: skipped ({', '.join(missing)} not available)")
    else:
        run_two_servers(postgres_url, args.browser_participants, args.browser_notes, figures.get("PostgreSQL"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
