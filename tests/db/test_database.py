"""The one database layer: shared engines per URL, the write policy, the writers' queue."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from paths.db.database import Database, FifoLock, database
from paths.db.types import as_utc, utc_now
from paths.personal.store import PersonalStore
from paths.store.library import Store
from paths.workshops.workshop import WorkshopStore


def test_sqlite_writers_of_one_process_take_turns_in_arrival_order() -> None:
    lock, order = FifoLock(), []
    lock.__enter__()

    def writer(i: int) -> None:
        with lock:
            order.append(i)

    threads = []
    for i in range(8):
        thread = threading.Thread(target=writer, args=(i,))
        thread.start()
        threads.append(thread)
        deadline = time.monotonic() + 10
        while len(lock._waiters) < i + 1 and time.monotonic() < deadline:
            time.sleep(0.001)
    lock.__exit__(None, None, None)
    for thread in threads:
        thread.join(timeout=10)
    assert order == list(range(8))


def test_the_writers_queue_lets_its_holder_enter_again() -> None:
    lock, entered = FifoLock(), []
    with lock, lock:
        entered.append("inner")
    other = threading.Thread(target=lambda: lock.__enter__() or entered.append("other") or lock.__exit__())
    other.start()
    other.join(timeout=5)
    assert entered == ["inner", "other"]


def _pragma(db: Database, name: str) -> object:
    with db.read() as connection:
        return connection.execute(text(f"PRAGMA {name}")).scalar_one()


def test_every_store_on_one_url_shares_one_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'polku.db'}"
    library = Store(url)
    assert database(url) is library.db
    assert WorkshopStore(library).store.db is library.db
    assert Store(url).db is library.db


def test_in_memory_databases_are_never_shared() -> None:
    assert database("sqlite://") is not database("sqlite://")


def test_the_library_writes_ahead_and_personal_data_is_overwritten_when_erased(tmp_path: Path) -> None:
    library = Store(f"sqlite:///{tmp_path / 'library.db'}")
    personal = PersonalStore(f"sqlite:///{tmp_path / 'personal.db'}")
    assert _pragma(library.db, "journal_mode") == "wal"
    assert _pragma(personal.db, "journal_mode") == "delete"
    assert _pragma(personal.db, "secure_delete") == 1
    assert _pragma(personal.db, "foreign_keys") == 1


def test_a_write_holds_sqlite_s_write_lock_from_its_first_statement(tmp_path: Path) -> None:
    db = database(f"sqlite:///{tmp_path / 'lock.db'}")
    with db.write() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
    with db.write() as connection:
        other = db.engine.raw_connection()
        other.driver_connection.execute("PRAGMA busy_timeout = 0")
        with pytest.raises(Exception, match="locked"):
            other.driver_connection.execute("BEGIN IMMEDIATE")
        other.close()
        connection.execute(text("INSERT INTO t VALUES (1)"))


def test_timestamps_are_aware_utc() -> None:
    assert utc_now().utcoffset().total_seconds() == 0
    naive = utc_now().replace(tzinfo=None)
    assert as_utc(naive).tzinfo is not None and as_utc(naive).replace(tzinfo=None) == naive
