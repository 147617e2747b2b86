"""`python -m paths backup DIR` and `restore DIR` on SQLite (while the app writes) and PostgreSQL.

The restore test compares every version of every path and every personal path (all its versions,
links and shares) with what was stored when the backup was taken, after changing and erasing things
in between. On PostgreSQL both stores share one database, so each dump must hold its own tables only.
"""

from __future__ import annotations

import json
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from paths.model.schema import LocalText
from paths.personal.model import PersonalFill, StepEntry, StepStatus
from paths.personal.store import PersonalStore
from paths.store.library import Store
from paths.workshops.rules import new_participant_token
from paths.workshops.workshop import WorkshopStore
from tests.deploy.support import pg_database, run_paths
from tests.support.factories import branching_path


@pytest.fixture(params=["sqlite", "postgresql"])
def urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    """The two stores' URLs: two SQLite files, or one fresh PostgreSQL database shared by both."""
    if request.param == "sqlite":
        yield {
            "POLKU_DATABASE_URL": f"sqlite:///{tmp_path / 'db' / 'polku.db'}",
            "POLKU_PERSONAL_DATABASE_URL": f"sqlite:///{tmp_path / 'db' / 'polku-personal.db'}",
        }
        return
    postgres_url = request.getfixturevalue("postgres_url")
    with pg_database(postgres_url, "backup") as url:
        yield {"POLKU_DATABASE_URL": url, "POLKU_PERSONAL_DATABASE_URL": url}


def _fill(note: str, goals: str) -> PersonalFill:
    entry = StepEntry(status=StepStatus.done, note=note, met="Koordinaattori")
    return PersonalFill(entries={"tarve": entry}, goals=goals)


def _populate(library: Store, personal: PersonalStore) -> list[str]:
    """Three versions of the test path, the built-in paths, and two personal paths with fills."""
    library.ensure_seeded()
    path = branching_path()
    base = library.save_path(path, "Testaaja")
    for n in range(2):
        edited = path.model_copy(update={"summary": LocalText(fi=f"Muokattu {n}")})
        base = library.save_path(edited, "Toinen", f"muutos {n}", base_version=base)
    made = []
    for name, goal in (("Testi Asiakas", "Päästä kuntoutukseen"), ("Toinen Testi", "Työkokeilu syksyllä")):
        personal_path, _ = personal.create(path, base, owner="Olli Ohjaaja", display_name=name, lang="fi", pin="2468")
        personal.save_fill(personal_path.id, _fill("Ensimmäinen tapaaminen", goal), "Asiakas")
        personal.save_fill(personal_path.id, _fill("Toinen tapaaminen", goal + "!"), "Asiakas")
        personal.share(personal_path.id, "Kaisa Kollega")
        made.append(personal_path.id)
    return made


def _snapshot(library: Store, personal: PersonalStore, personal_ids: list[str]) -> dict:
    """Every version of every path and everything stored of every personal path."""
    paths = {}
    for summary in library.list_paths():
        paths[summary.id] = {
            info.version: (info.author, info.summary, library.get_path(summary.id, info.version).model_dump_json())
            for info in library.history(summary.id)
        }
    people = {}
    for personal_id in personal_ids:
        exported = personal.export(personal_id)
        if exported is not None:
            exported.pop("exported_at")
        people[personal_id] = exported
    return {"paths": paths, "personal": people}


def _open(urls: dict[str, str]) -> tuple[Store, PersonalStore]:
    return Store(urls["POLKU_DATABASE_URL"]), PersonalStore(urls["POLKU_PERSONAL_DATABASE_URL"])


def test_restore_brings_back_every_path_version_and_personal_path(urls: dict[str, str], tmp_path: Path) -> None:
    library, personal = _open(urls)
    personal_ids = _populate(library, personal)
    before = _snapshot(library, personal, personal_ids)
    assert len(before["paths"]["testipolku"]) == 3 and all(before["personal"].values())

    # The app keeps writing (workshop notes) while the backup runs: the online backup does not block it.
    workshops = WorkshopStore(library)
    workshop = workshops.open_workshop("testipolku", "Testaaja", audience="professional")
    stop = threading.Event()
    written: list[int] = []

    def keep_writing() -> None:
        while not stop.is_set() and len(written) < 500:
            workshops.add_note(workshop.id, new_participant_token(), "idea", f"huomio {len(written)}", step_id="tarve")
            written.append(1)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        result = run_paths("backup", str(tmp_path / "backup"), env=urls)
    finally:
        stop.set()
        writer.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert "backed up" in result.stdout and written
    backup_dir = tmp_path / "backup"
    assert stat.S_IMODE(backup_dir.stat().st_mode) == 0o700
    for file in backup_dir.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    assert set(manifest["stores"]) == {"library", "personal"}

    # Afterwards: a new version, a changed fill, an erased personal path.
    library.save_path(branching_path(), "Myöhempi", base_version=3)
    personal.save_fill(personal_ids[0], _fill("Kolmas", "Muuttunut"), "Asiakas")
    assert personal.erase(personal_ids[1])
    assert _snapshot(library, personal, personal_ids) != before
    library.close()

    again = run_paths("backup", str(backup_dir), env=urls)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "already exists" in again.stderr

    restored = run_paths("restore", str(backup_dir), "--yes", env=urls)
    assert restored.returncode == 0, restored.stderr
    library, personal = _open(urls)
    try:
        assert _snapshot(library, personal, personal_ids) == before
        assert run_paths("ready", env=urls).returncode == 0
    finally:
        library.close()


def test_a_changed_backup_file_is_refused_and_nothing_is_restored(urls: dict[str, str], tmp_path: Path) -> None:
    library, personal = _open(urls)
    personal_ids = _populate(library, personal)
    assert run_paths("backup", str(tmp_path / "backup"), env=urls).returncode == 0
    library.save_path(branching_path(), "Myöhempi", base_version=3)
    after = _snapshot(library, personal, personal_ids)
    library.close()
    damaged = next(file for file in (tmp_path / "backup").iterdir() if file.name.startswith("personal."))
    damaged.write_bytes(damaged.read_bytes()[:-10])

    result = run_paths("restore", str(tmp_path / "backup"), "--yes", env=urls)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"The backup file {damaged.name} is missing or has changed (its checksum does not match); nothing was restored."
    )
    library, personal = _open(urls)
    try:
        assert _snapshot(library, personal, personal_ids) == after
    finally:
        library.close()
    assert run_paths("restore", str(tmp_path / "backup"), env=urls, stdin="").returncode == 2
