"""The store on a real SQLite file and a real PostgreSQL: migrations, versions, conflicts, concurrency."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text

from paths.formats.files import builtin_paths
from paths.model.schema import LocalText, ServicePath
from paths.store.library import ENV_URL, ROOT, Store, get_store, resolve_url
from paths.store.records import StaleVersionError, UnknownPathError
from paths.store.tables import alembic_config, versions_table
from tests.support.factories import branching_path
from tests.support.processes import run_in_processes


def renamed(path: ServicePath, title: str, **changes: object) -> ServicePath:
    return path.model_copy(update={"title": LocalText(fi=title), **changes})


# -- schema and migrations ---------------------------------------------------------------


def test_migrations_create_the_schema_and_are_idempotent_on_restart(db_url: str) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    first = Store(db_url)
    tables = set(inspect(first.engine).get_table_names())
    assert {"paths", "path_versions", "alembic_version"} <= tables
    assert first.schema_revision() == head
    first.save_path(branching_path(), "Testi")
    first.close()

    again = Store(db_url)
    assert again.schema_revision() == head
    assert again.latest_version("testipolku") == 1
    with again.read() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    again.close()


def test_migration_chain_has_a_single_head() -> None:
    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    with store.read() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    store.close()


def test_url_comes_from_argument_then_environment_then_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_URL, "sqlite:////tmp/from-env.db")
    assert resolve_url("sqlite:////tmp/given.db") == "sqlite:////tmp/given.db"
    assert resolve_url() == "sqlite:////tmp/from-env.db"
    monkeypatch.delenv(ENV_URL)
    assert resolve_url() == f"sqlite:///{ROOT / 'var' / 'polku.db'}"


def test_get_store_is_shared_per_url(sqlite_url: str, tmp_path) -> None:
    assert get_store(sqlite_url) is get_store(sqlite_url)
    assert get_store(f"sqlite:///{tmp_path / 'other.db'}") is not get_store(sqlite_url)


# -- seeding -----------------------------------------------------------------------------


def test_seeding_fills_an_empty_store_once(store: Store) -> None:
    builtin = builtin_paths()
    assert builtin, "data/ has no built-in paths"
    assert store.ensure_seeded() == len(builtin)
    assert [s.id for s in store.list_paths()] == [p.id for p in builtin]
    assert store.ensure_seeded() == 0
    for path in builtin:
        assert store.latest_version(path.id) == 1
        assert store.get_path(path.id) == path
        assert store.history(path.id, "en")[0].summary == "Built-in path, stored on the first start."

    store.delete_path(builtin[0].id)
    assert store.ensure_seeded() == 0
    assert store.latest_version(builtin[0].id) is None


def test_seeding_leaves_a_store_with_paths_alone(store: Store) -> None:
    store.save_path(branching_path(), "Testi")
    assert store.ensure_seeded() == 0
    assert [s.id for s in store.list_paths()] == ["testipolku"]


# -- saving and loading ------------------------------------------------------------------


def test_round_trip_keeps_every_field(store: Store) -> None:
    path = branching_path(
        summary={"fi": "Lainausmerkit \" ja <tagit> & 'heittomerkit'", "sv": "Å ä ö", "en": "💡 bulb"},
        status="published",
    )
    assert store.save_path(path, "Testi Fasilitaattori") == 1
    assert store.get_path("testipolku") == path
    assert store.get_path("testipolku", 1) == path
    assert store.latest_version("testipolku") == 1
    assert store.get_path("ei-ole") is None
    assert store.get_path("testipolku", 2) is None
    assert store.latest_version("ei-ole") is None
    with store.read() as connection:
        content = connection.execute(select(versions_table.c.content)).scalar_one()
    assert json.loads(content)["schema_version"] == 1

    [card] = store.list_paths()
    assert card.id == "testipolku"
    assert card.title == path.title
    assert card.persona.fi == "Testi Asiakas"
    assert card.status == "published"
    assert card.version == 1
    assert (card.n_stages, card.n_steps, card.n_coordinator) == (4, 7, 3)
    assert card.updated_at.tzinfo is not None


def test_versions_are_immutable(store: Store) -> None:
    first = branching_path()
    store.save_path(first, "A")
    with store.read() as connection:
        stored_v1 = connection.execute(select(versions_table).where(versions_table.c.version == 1)).one()

    second = renamed(first, "Toinen otsikko", steps=first.steps[:-1])
    assert store.save_path(second, "B", base_version=1) == 2
    assert store.get_path("testipolku", 1) == first
    assert store.get_path("testipolku") == second
    with store.read() as connection:
        assert connection.execute(select(versions_table).where(versions_table.c.version == 1)).one() == stored_v1
    assert store.list_paths()[0].title.fi == "Toinen otsikko"


def test_a_stale_save_raises_and_stores_nothing(store: Store) -> None:
    path = branching_path()
    store.save_path(path, "A")
    store.save_path(renamed(path, "B:n versio"), "B", base_version=1)

    with pytest.raises(StaleVersionError) as caught:
        store.save_path(renamed(path, "C:n versio"), "C", base_version=1)
    error = caught.value
    assert (error.path_id, error.base_version, error.latest_version) == ("testipolku", 1, 2)
    for lang in ("fi", "sv", "en"):
        message = error.message(lang)
        assert "testipolku" in message and "1" in message and "2" in message
    assert store.latest_version("testipolku") == 2
    assert store.get_path("testipolku").title.fi == "B:n versio"
    assert len(store.history("testipolku")) == 2


def test_a_base_version_for_a_path_that_does_not_exist_is_stale(store: Store) -> None:
    with pytest.raises(StaleVersionError) as caught:
        store.save_path(branching_path(), "A", base_version=3)
    assert caught.value.latest_version is None
    assert store.list_paths() == []


def test_saving_without_a_base_appends_on_top(store: Store) -> None:
    path = branching_path()
    assert store.save_path(path, "A") == 1
    assert store.save_path(renamed(path, "Tuotu"), "Tuonti") == 2
    assert store.get_path("testipolku").title.fi == "Tuotu"


def test_a_summary_prepared_against_an_older_version_is_recomputed(store: Store) -> None:
    """The summary computed before the lock is used only if no one saved in between."""
    path = branching_path()
    store.save_path(path, "A")
    store.save_path(renamed(path, "B"), "B", "B:n muutos")
    prepared = (1, LocalText(fi="vanhentunut").model_dump_json())
    with store.write() as connection:
        store.save_in(connection, renamed(path, "B"), "C", "", None, path.model_dump_json(), prepared=prepared)
    latest = store.history("testipolku", "fi")[0].summary
    assert latest != "vanhentunut"
    assert "ei muutoksia" in latest.lower()


def test_history_lists_who_when_and_what_changed(store: Store) -> None:
    path = branching_path()
    store.save_path(path, "  Anna  ")
    fewer = path.model_copy(update={"steps": [s for s in path.steps if s.id != "seuranta"]})
    store.save_path(fewer, "Bertil", base_version=1)
    store.save_path(renamed(fewer, "Uusi nimi"), "Cecilia", summary="Otsikko selkeämmäksi", base_version=2)

    history = store.history("testipolku", "en")
    assert [v.version for v in history] == [3, 2, 1]
    assert [v.author for v in history] == ["Cecilia", "Bertil", "Anna"]
    assert history[0].summary == "Otsikko selkeämmäksi"
    assert "removed" in history[1].summary and "1" in history[1].summary
    assert history[2].summary == "First version."
    assert history[0].created_at >= history[1].created_at >= history[2].created_at
    assert all(v.created_at.tzinfo is not None for v in history)
    assert store.history("testipolku", "fi")[2].summary == "Ensimmäinen versio."
    assert store.history("ei-ole") == []


def test_restore_makes_a_new_version_from_an_old_one(store: Store) -> None:
    path = branching_path()
    store.save_path(path, "A")
    store.save_path(renamed(path, "Muutettu"), "B", base_version=1)

    assert store.restore("testipolku", 1, "C") == 3
    assert store.get_path("testipolku") == path
    assert store.get_path("testipolku", 2).title.fi == "Muutettu"
    latest = store.history("testipolku", "en")[0]
    assert (latest.version, latest.author, latest.restored_from) == (3, "C", 1)
    assert latest.summary == "Restored from version 1."
    assert "versiosta 1" in store.history("testipolku", "fi")[0].summary
    with pytest.raises(UnknownPathError):
        store.restore("testipolku", 9, "C")


def test_deleting_hides_a_path_but_keeps_its_versions(store: Store) -> None:
    path = branching_path()
    store.save_path(path, "A")
    assert store.delete_path("testipolku") is True
    assert store.delete_path("testipolku") is False
    assert store.list_paths() == []
    assert store.get_path("testipolku") is None
    assert store.get_path("testipolku", 1) == path
    assert len(store.history("testipolku")) == 1
    assert store.save_path(path, "B") == 2
    assert [s.id for s in store.list_paths()] == ["testipolku"]


# -- concurrency -------------------------------------------------------------------------

ROUNDS = 3


def _contender_title(worker: int, round_: int) -> str:
    return f"worker {worker} round {round_}"


def _check_rounds(store: Store, outcomes: list[tuple[int, int, str]], workers: int) -> None:
    """Exactly one winner per base version, and each stored version is its winner's content."""
    for round_ in range(ROUNDS):
        results = [(worker, result) for r, worker, result in outcomes if r == round_]
        assert len(results) == workers
        winners = [worker for worker, result in results if result == "ok"]
        assert len(winners) == 1, results
        assert all(result == "stale" for worker, result in results if worker != winners[0]), results
        version = round_ + 2
        assert store.get_path("testipolku", version).title.fi == _contender_title(winners[0], round_)
        info = next(v for v in store.history("testipolku") if v.version == version)
        assert info.author == f"worker {winners[0]}"
    assert store.latest_version("testipolku") == ROUNDS + 1


def _save_on_base(store: Store, worker: int, round_: int) -> str:
    path = renamed(branching_path(), _contender_title(worker, round_))
    try:
        store.save_path(path, f"worker {worker}", base_version=round_ + 1)
    except StaleVersionError as exc:
        assert exc.latest_version == round_ + 2
        return "stale"
    return "ok"


def test_threads_saving_on_the_same_base_one_wins_per_base(store: Store) -> None:
    workers = 6
    store.save_path(branching_path(), "start")
    barrier = threading.Barrier(workers)

    def contend(worker: int) -> list[tuple[int, int, str]]:
        out = []
        for round_ in range(ROUNDS):
            barrier.wait(timeout=60)
            out.append((round_, worker, _save_on_base(store, worker, round_)))
            barrier.wait(timeout=60)
        return out

    with ThreadPoolExecutor(workers) as pool:
        outcomes = [item for result in pool.map(contend, range(workers)) for item in result]
    _check_rounds(store, outcomes, workers)


def _process_worker(url: str, worker: int, barrier, queue) -> None:  # noqa: ANN001 - multiprocessing proxies
    store = Store(url)
    try:
        for round_ in range(ROUNDS):
            barrier.wait(timeout=120)
            queue.put((round_, worker, _save_on_base(store, worker, round_)))
            barrier.wait(timeout=120)
    finally:
        store.close()


def _process_appender(url: str, worker: int, barrier, queue) -> None:  # noqa: ANN001 - multiprocessing proxies
    store = Store(url)
    try:
        barrier.wait(timeout=120)
        queue.put(store.save_path(renamed(branching_path(), f"append {worker}"), f"worker {worker}"))
    finally:
        store.close()


def _run_processes(target, url: str, workers: int, expected: int) -> list:  # noqa: ANN001
    """Start `workers` fresh processes (no inherited connections) and collect the `expected` results they report."""
    return run_in_processes(target, [(url, worker) for worker in range(workers)], __name__, expected)


def test_processes_saving_on_the_same_base_one_wins_per_base(store: Store) -> None:
    workers = 4
    store.save_path(branching_path(), "start")
    outcomes = _run_processes(_process_worker, store.url, workers, workers * ROUNDS)
    _check_rounds(store, outcomes, workers)


def test_processes_creating_the_same_new_path_lose_no_version(db_url: str) -> None:
    """Appends without a base (imports) from several processes on a fresh database: all kept."""
    workers = 4
    versions = _run_processes(_process_appender, db_url, workers, workers)
    store = Store(db_url)
    assert sorted(versions) == list(range(1, workers + 1))
    history = store.history("testipolku")
    assert sorted(v.author for v in history) == [f"worker {w}" for w in range(workers)]
    assert {store.get_path("testipolku", v).title.fi for v in versions} == {f"append {w}" for w in range(workers)}
    store.close()


def test_a_recent_latest_version_is_kept_for_max_age_and_any_save_in_this_process_forgets_it(store: Store) -> None:
    """The path page's rerun may reuse a version number for a moment; a save made here shows at once,
    one made by another process within `max_age`, and a read without `max_age` always asks the database."""
    store.save_path(branching_path(), "start")
    assert store.latest_version("testipolku", max_age=600) == 1
    other = Store(store.url)  # another Store on the same database in this process (e.g. the CLI's)
    other.save_path(renamed(branching_path(), "toinen"), "other")
    other.close()
    assert store.latest_version("testipolku", max_age=600) == 2

    _run_processes(_process_appender, store.url, 1, 1)  # a save by another process
    assert store.latest_version("testipolku", max_age=600) == 2  # kept: read less than max_age ago
    with store.write(paths_change=False):  # a workshop note or an account: no path changed
        pass
    assert store.latest_version("testipolku", max_age=600) == 2
    assert store.latest_version("testipolku") == 3
    assert store.latest_version("testipolku", max_age=600) == 3  # the fresh read is the one kept now

    _run_processes(_process_appender, store.url, 1, 1)
    time.sleep(0.05)
    assert store.latest_version("testipolku", max_age=0.01) == 4  # older than max_age: asked again
    assert store.latest_version("testipolku", max_age=600) == 4
    assert store.delete_path("testipolku")
    assert store.latest_version("testipolku", max_age=600) is None  # deleting is a write too


def test_in_memory_databases_do_not_share_recent_version_numbers() -> None:
    first, second = Store("sqlite://"), Store("sqlite://")
    first.save_path(branching_path(), "start")
    assert first.latest_version("testipolku", max_age=600) == 1
    assert second.latest_version("testipolku", max_age=600) is None  # another database, though the same URL
