"""Issue 15, item 1: the PIN lockout holds under parallel guesses, on SQLite and PostgreSQL.

2 processes × 25 threads send wrong PINs at the same moment; only the free tries are checked, the
count in the database is exact, and the right PIN sent after them is refused (the link is locked)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from paths.personal.access import FREE_PIN_TRIES, hash_token
from paths.personal.store import PersonalStore
from paths.personal.tables import personal_links
from tests.support.factories import branching_path
from tests.support.processes import run_in_processes

PROCESSES = 2
GUESSES_PER_PROCESS = 25
RIGHT_PIN = "4812"


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
    batches = run_in_processes(_guesser, [(url, token, worker) for worker in range(PROCESSES)], __name__)
    return [status for batch in batches for status in batch]


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
