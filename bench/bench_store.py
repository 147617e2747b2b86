"""Benchmark of the store: saving a version of a 200-step path and loading the latest version.

Prints, for SQLite (always) and PostgreSQL whenever one is reachable (`--postgres URL`, else
POLKU_BENCH_POSTGRES_URL, else POLKU_TEST_POSTGRES_URL, else the local server at 127.0.0.1:5432):
- save: a new version of a 200-step path with one step changed, summary computed from the diff;
- save with a given summary (no diff);
- load latest: `get_path(id)`;
- history and the library listing (`list_paths` over 20 paths).
Figures are the minimum, median and p95 of N runs (`--repeat`, default 40) after a warm-up.
Targets on SQLite: save under 50 ms, load under 20 ms.

Run: `python bench/bench_store.py [--repeat N] [--steps N] [--postgres URL]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, make_url, text  # noqa: E402

from bench.synthetic import synthetic_path  # noqa: E402
from paths.model.schema import LocalText, ServicePath  # noqa: E402
from paths.store.library import Store  # noqa: E402

SAVE_TARGET_MS = 50
LOAD_TARGET_MS = 20
LOCAL_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _reachable(url: str) -> bool:
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "not reachable" for a benchmark
        return False
    finally:
        engine.dispose()


def reachable_postgres(given: str | None = None) -> str | None:
    """The first PostgreSQL that answers: the given URL, POLKU_BENCH_POSTGRES_URL,
    POLKU_TEST_POSTGRES_URL, then the machine's own server; None when none does."""
    candidates = (given, os.environ.get("POLKU_BENCH_POSTGRES_URL"), os.environ.get("POLKU_TEST_POSTGRES_URL"),
                  LOCAL_POSTGRES)
    return next((url for url in candidates if url and _reachable(url)), None)


def measure(func: Callable[[int], object], repeat: int) -> list[float]:
    """Wall times of `func(i)` in milliseconds, after one warm-up call."""
    func(-1)
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        func(i)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[18] if len(times) >= 2 else times[0]


def line(label: str, times: list[float], target: float | None = None) -> str:
    median = statistics.median(times)
    verdict = "" if target is None else (f"  target < {target} ms: " + ("met" if median < target else "MISSED"))
    return f"  {label:<30} min {min(times):7.2f}  median {median:7.2f}  p95 {p95(times):7.2f} ms{verdict}"


def edited(path: ServicePath, i: int) -> ServicePath:
    """The path with one step's title changed: a realistic small edit."""
    steps = list(path.steps)
    k = i % len(steps)
    steps[k] = steps[k].model_copy(update={"title": LocalText(fi=f"Muokattu askel {i}", sv=f"Ändrat steg {i}")})
    return path.model_copy(update={"steps": steps})


def run(store: Store, label: str, steps: int, repeat: int, check_targets: bool) -> None:
    path = synthetic_path(steps)
    store.save_path(path, "Bench")
    for n in range(19):
        store.save_path(synthetic_path(20, seed=n).model_copy(update={"id": f"bench-{n}"}), "Bench")

    def save(i: int) -> None:
        store.save_path(edited(path, i), "Bench", base_version=store.latest_version(path.id))

    def save_given(i: int) -> None:
        store.save_path(edited(path, i + 10_000), "Bench", "Bench edit", base_version=store.latest_version(path.id))

    def load(_: int) -> None:
        assert store.get_path(path.id) is not None

    print(f"{label}: a {steps}-step path, {repeat} runs")
    print(line("save (summary from the diff)", measure(save, repeat), SAVE_TARGET_MS if check_targets else None))
    print(line("save (summary given)", measure(save_given, repeat), SAVE_TARGET_MS if check_targets else None))
    print(line("load latest", measure(load, repeat), LOAD_TARGET_MS if check_targets else None))
    print(line("history", measure(lambda _: store.history(path.id), repeat)))
    print(line("list_paths (20 paths)", measure(lambda _: store.list_paths(), repeat)))


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """A throw-away schema in the given database, reached through `search_path`."""
    schema = f"polku_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def for_each_store(postgres_url: str | None, bench: Callable[[Store, str, bool], None]) -> None:
    """Run `bench(store, label, is_sqlite)` on a fresh SQLite file, then on PostgreSQL when one is reachable."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        bench(store, "SQLite (WAL)", True)
        store.close()
    postgres_url = reachable_postgres(postgres_url)
    if postgres_url:
        print(f"PostgreSQL at {make_url(postgres_url).render_as_string(hide_password=True)}")
        with postgres_schema(postgres_url) as url:
            store = Store(url)
            bench(store, "PostgreSQL", False)
            store.close()
    else:
        print("PostgreSQL: none reachable (give --postgres URL or set POLKU_BENCH_POSTGRES_URL)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--postgres", default=None, metavar="URL")
    args = parser.parse_args()

    for_each_store(args.postgres, lambda store, label, sqlite: run(
        store, label, args.steps, args.repeat, check_targets=sqlite))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
