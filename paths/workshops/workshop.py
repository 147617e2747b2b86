"""Workshop mode: a facilitator opens a workshop on a path; participants join with a short code,
leave notes on steps and stages and dot-vote; the notes stay with the path after closing.

Participants have no account: a random token kept by their browser identifies them, and only its
SHA-256 is stored. Every write is one short transaction on the store's engine (`Store.write()`:
on SQLite `BEGIN IMMEDIATE` with a busy timeout, so fifty participants posting at once queue up
for a few milliseconds each instead of failing). Rules that must hold under concurrency are
checked inside the write transaction: a closed workshop takes no notes or votes (on PostgreSQL
the workshop row is share-locked, so closing waits for notes in flight), and a participant never
spends more votes than the facilitator set (on PostgreSQL an advisory lock per participant
serialises their votes; SQLite has one writer at a time anyway). A join code is unique among the
open workshops by a partial unique index; a clash is retried with a new code.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.exc import IntegrityError

from paths.model.schema import ServicePath
from paths.model.text_rules import STORED
from paths.store.library import Store
from paths.store.tables import paths_table, versions_table
from paths.views.audience import AUDIENCES
from paths.workshops.notes import NotesAndVotes
from paths.workshops.rules import (
    DEFAULT_VOTES,
    MAX_VOTES,
    Workshop,
    WorkshopClosedError,
    WorkshopError,
    from_row,
    new_code,
    normalise_code,
    target_ids,
)
from paths.workshops.tables import workshops_table

# The statement of the hot paths (a note, a vote) that finds the open workshop, built once.
_OPEN_WORKSHOP = (
    select(workshops_table, paths_table.c.latest_version, paths_table.c.deleted)
    .join(paths_table, paths_table.c.id == workshops_table.c.path_id, isouter=True)
    .where(workshops_table.c.id == bindparam("workshop_id"))
)
_OPEN_WORKSHOP_SHARED = _OPEN_WORKSHOP.with_for_update(read=True, of=workshops_table)


# -- the store -------------------------------------------------------------------------------------


def _workshop(row: Any) -> Workshop:
    return from_row(Workshop, row)


class WorkshopStore(NotesAndVotes):
    """Workshops, notes and votes in the store's database (uses the `Store`'s engine and transactions)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._targets: dict[tuple[str, int, str], tuple[frozenset[str], frozenset[str]]] = {}
        self._targets_lock = threading.Lock()

    # -- workshops ---------------------------------------------------------------------------

    def open_workshop(
        self,
        path_id: str,
        opened_by: str,
        audience: str = "client",
        votes_per_participant: int = DEFAULT_VOTES,
        *,
        code_factory: Callable[[], str] = new_code,
    ) -> Workshop:
        """Open a workshop on the latest version of a path, with a join code no open workshop has."""
        if audience not in AUDIENCES:
            raise WorkshopError("workshop.error.audience")
        if not 0 <= int(votes_per_participant) <= MAX_VOTES:
            raise WorkshopError("workshop.error.votes_range", max=MAX_VOTES)
        version = self.store.latest_version(path_id)
        if version is None:
            raise WorkshopError("workshop.error.unknown_path", id=path_id)
        for _ in range(20):
            code = code_factory()
            try:
                with self.write() as connection:
                    new_id = connection.execute(
                        workshops_table.insert()
                        .values(
                            path_id=path_id,
                            path_version=version,
                            code=code,
                            audience=audience,
                            votes_per_participant=int(votes_per_participant),
                            opened_by=(opened_by or "").strip()[:200],
                            opened_at=datetime.now(UTC),
                            closed_at=None,
                        )
                        .returning(workshops_table.c.id)
                    ).scalar_one()
            except IntegrityError:
                continue  # the code is taken by an open workshop: draw another
            found = self.get(new_id)
            assert found is not None
            return found
        raise WorkshopError("workshop.error.no_code")

    def get(self, workshop_id: int) -> Workshop | None:
        with self.store.read() as connection:
            row = connection.execute(select(workshops_table).where(workshops_table.c.id == workshop_id)).first()
        return _workshop(row) if row else None

    def find_open(self, code: str | None) -> Workshop | None:
        """The open workshop with this join code (as typed), or None."""
        code = normalise_code(code)
        if code is None:
            return None
        query = select(workshops_table).where(workshops_table.c.code == code, workshops_table.c.closed_at.is_(None))
        with self.store.read() as connection:
            row = connection.execute(query).first()
        return _workshop(row) if row else None

    def find_latest(self, code: str | None) -> Workshop | None:
        """The newest workshop, open or closed, that had this join code (to tell a closed one from a typo)."""
        code = normalise_code(code)
        if code is None:
            return None
        query = (
            select(workshops_table)
            .where(workshops_table.c.code == code)
            .order_by(workshops_table.c.opened_at.desc(), workshops_table.c.id.desc())
            .limit(1)
        )
        with self.store.read() as connection:
            row = connection.execute(query).first()
        return _workshop(row) if row else None

    def list_workshops(self, path_id: str | None = None, *, open_only: bool = False) -> list[Workshop]:
        """Workshops, newest first; of one path, and only the open ones, when asked."""
        query = select(workshops_table).order_by(workshops_table.c.opened_at.desc(), workshops_table.c.id.desc())
        if path_id is not None:
            query = query.where(workshops_table.c.path_id == path_id)
        if open_only:
            query = query.where(workshops_table.c.closed_at.is_(None))
        with self.store.read() as connection:
            return [_workshop(row) for row in connection.execute(query)]

    def close(self, workshop_id: int) -> bool:
        """Close a workshop: its code stops working and it takes no more notes; the notes stay."""
        with self.write() as connection:
            result = connection.execute(
                workshops_table.update()
                .where(workshops_table.c.id == workshop_id, workshops_table.c.closed_at.is_(None))
                .values(closed_at=datetime.now(UTC))
            )
            return result.rowcount == 1

    def write(self, paths_change: bool = False) -> AbstractContextManager[Connection]:
        """A short write transaction through the store (the database's writers take turns in order);
        `paths_change=True` when it also saves a version of a path."""
        return self.store.write(paths_change=paths_change)

    def lock_open(self, connection: Connection, workshop_id: int) -> tuple[Workshop, int]:
        """Inside a write transaction: the open workshop (share-locked on PostgreSQL) and the version of
        its path that participants see; refuses an unknown or closed workshop."""
        query = _OPEN_WORKSHOP_SHARED if self.store.dialect == "postgresql" else _OPEN_WORKSHOP
        row = connection.execute(query, {"workshop_id": workshop_id}).first()
        if row is None:
            raise WorkshopError("workshop.error.unknown")
        if row.closed_at is not None:
            raise WorkshopClosedError()
        version = row.latest_version if row.latest_version is not None and not row.deleted else row.path_version
        return _workshop(row), version

    # -- what participants may write on ------------------------------------------------------

    def path_for(self, workshop: Workshop) -> tuple[ServicePath, int] | None:
        """The path participants see: its latest version (edits made during the workshop show up)."""
        version = self.store.latest_version(workshop.path_id) or workshop.path_version
        path = self.store.get_path(workshop.path_id, version)
        return (path, version) if path is not None else None

    def targets_for(
        self, connection: Connection, workshop: Workshop, version: int
    ) -> tuple[frozenset[str], frozenset[str]]:
        """The step and stage ids participants may write on (cached: a stored version never changes)."""
        key = (workshop.path_id, version, workshop.audience)
        with self._targets_lock:
            cached = self._targets.get(key)
        if cached is None:
            content = connection.execute(
                select(versions_table.c.content).where(
                    versions_table.c.path_id == workshop.path_id, versions_table.c.version == version
                )
            ).scalar_one_or_none()
            path = ServicePath.model_validate_json(content, context=STORED) if content else None
            cached = target_ids(path, workshop.audience) if path else (frozenset(), frozenset())
            with self._targets_lock:
                if len(self._targets) > 256:
                    self._targets.clear()
                self._targets[key] = cached
        return cached
