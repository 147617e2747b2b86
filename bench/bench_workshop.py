"""Benchmark of workshop mode: 50 participants posting 20 notes each, all at the same moment.

Every participant is a thread with its own participant token, sharing one `Store` (as the
sessions of one Streamlit server do); they start together on a barrier and post their notes
back to back. Prints the throughput, the p50/p95/max latency of one note (`add_note`: checks,
one write transaction) and checks that every note was stored. Then the same for votes, and
the time to read the whole wall (`notes()` with vote counts), which the wall does every 3 s.
SQLite always; PostgreSQL with `--postgres URL` or POLKU_TEST_POSTGRES_URL.
Target on SQLite: p95 per note under 100 ms.

Run: `python bench/bench_workshop.py [--participants 50] [--notes 20] [--postgres URL]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_store import for_each_store  # noqa: E402
from bench.synthetic import synthetic_path  # noqa: E402
from paths.store.library import Store  # noqa: E402
from paths.workshops.workshop import WorkshopStore, new_participant_token  # noqa: E402

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


def run(store: Store, label: str, participants: int, notes: int, check_target: bool) -> bool:
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--notes", type=int, default=20)
    parser.add_argument("--postgres", default=os.environ.get("POLKU_TEST_POSTGRES_URL"), metavar="URL")
    args = parser.parse_args()

    for_each_store(args.postgres, lambda store, label, sqlite: run(
        store, label, args.participants, args.notes, check_target=sqlite))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
