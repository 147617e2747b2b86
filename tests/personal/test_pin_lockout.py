"""Issue 15, item 1: the PIN lockout holds under parallel guesses, on SQLite and PostgreSQL.

2 processes × 25 threads send wrong PINs at the same moment; only the free tries are checked, the
count in the database is exact, and the right PIN sent after them is refused (the link is locked)."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from paths.personal.store import ALL_TABLES, FREE_PIN_TRIES, PersonalStore, hash_token, personal_links
from tests.support.factories import branching_path

PROCESSES = 2
GUESSES_PER_PROCESS = 25
RIGHT_PIN = "4812"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'personal.db'}"
    pg_url = request.getfixturevalue("postgres_url")
    PersonalStore(pg_url)  # migrate, then start from empty tables
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        for table in ALL_TABLES:
            conn.execute(table.delete())
    engine.dispose()
    return pg_url


def _guesser(url: str, token: str, worker: int, barrier, queue) -> None:  # noqa: ANN001 - multiprocessing proxies
    """One process: its threads all wait at the barrier, then guess a wrong PIN each."""
    store = PersonalStore(url)
    wrong = [f"{worker}{guess:03d}9" for guess in range(GUESSES_PER_PROCESS)]
    barrier.wait(timeout=120)
    with ThreadPoolExecutor(GUESSES_PER_PROCESS) as pool:
        statuses = list(pool.map(lambda pin: store.open_link(token, pin).status, wrong))
    store.engine.dispose()
    queue.put(statuses)


def _guess_in_parallel(url: str, token: str) -> list[str]:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    barrier = context.Barrier(PROCESSES)
    queue = context.Queue()
    processes = [context.Process(target=_guesser, args=(url, token, w, barrier, queue)) for w in range(PROCESSES)]
    for process in processes:
        process.start()
    try:
        results = [status for _ in processes for status in queue.get(timeout=240)]
    finally:
        for process in processes:
            process.join(timeout=60)
            if process.is_alive():
                process.kill()
    assert all(process.exitcode == 0 for process in processes)
    return results


def test_parallel_wrong_pins_lock_the_link_and_the_right_pin_is_then_refused(url: str) -> None:
    store = PersonalStore(url)
    personal, token = store.create(branching_path(), 1, owner="Fasilitaattori", display_name="Testi", lang="fi",
                                   pin=RIGHT_PIN)
    statuses = _guess_in_parallel(url, token)
    assert len(statuses) == PROCESSES * GUESSES_PER_PROCESS
    assert "ok" not in statuses
    # Each guess waited for the one before it: only the free tries (and the one that locked) were checked.
    assert statuses.count("pin_wrong") == FREE_PIN_TRIES
    assert statuses.count("locked") == PROCESSES * GUESSES_PER_PROCESS - FREE_PIN_TRIES
    with store.engine.connect() as conn:
        failed, locked_until = conn.execute(
            select(personal_links.c.failed_pins, personal_links.c.locked_until)
            .where(personal_links.c.token_hash == hash_token(token))
        ).one()
    assert failed == FREE_PIN_TRIES and locked_until is not None
    right = store.open_link(token, RIGHT_PIN)
    assert right.status == "locked" and right.personal is None and right.retry_after > 0
    store.engine.dispose()
