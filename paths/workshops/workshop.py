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

import hashlib
import io
import secrets
import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    bindparam,
    delete,
    distinct,
    func,
    select,
    union,
)
from sqlalchemy import text as sql_text
from sqlalchemy.exc import IntegrityError

from paths.db.types import UTCDateTime
from paths.formats.cells import cell_text, guard_cell  # the app's one rule for spreadsheet cells
from paths.i18n.catalog import UserError, t
from paths.model.graph import walk_order
from paths.model.schema import ServicePath
from paths.model.text_rules import STORED, TextRuleError, clean_text
from paths.store.library import Store, metadata, paths_table, versions_table
from paths.views.audience import AUDIENCES, audience_view

KINDS: tuple[str, ...] = ("idea", "problem", "question", "praise")
KIND_ICONS = {"idea": "🌱", "problem": "⚠️", "question": "❓", "praise": "👏"}
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read off a wall without doubt
CODE_LENGTH = 6
MAX_NOTE_CHARS = 1000
MAX_NAME_CHARS = 60
MAX_VOTES = 20
DEFAULT_VOTES = 5
MAX_NOTES_PER_PARTICIPANT = 300
EXPORT_COLUMNS: tuple[str, ...] = ("step", "stage", "type", "text", "votes", "name", "time")


workshops_table = Table(
    "workshops",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path_id", String(64), ForeignKey("paths.id"), nullable=False, index=True),
    Column("path_version", Integer, nullable=False),
    Column("code", String(12), nullable=False),
    Column("audience", String(16), nullable=False),
    Column("votes_per_participant", Integer, nullable=False),
    Column("opened_by", String(200), nullable=False),
    Column("opened_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime, nullable=True),
    # A join code is unique among the open workshops only; a closed workshop frees its code.
    Index(
        "uq_workshops_open_code",
        "code",
        unique=True,
        sqlite_where=sql_text("closed_at IS NULL"),
        postgresql_where=sql_text("closed_at IS NULL"),
    ),
)

notes_table = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id"), nullable=False),
    Column("path_id", String(64), nullable=False, index=True),
    Column("step_id", String(80), nullable=True),
    Column("stage_id", String(80), nullable=True),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("display_name", String(60), nullable=True),
    Column("participant_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("done", Boolean, nullable=False, default=False),
    Column("turned_into_edit", Boolean, nullable=False, default=False),
    Index("ix_notes_workshop_participant", "workshop_id", "participant_hash"),
)

votes_table = Table(
    "votes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id"), nullable=False),
    Column("note_id", Integer, ForeignKey("notes.id"), nullable=True),
    Column("step_id", String(80), nullable=True),
    Column("participant_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("(note_id IS NULL) <> (step_id IS NULL)", name="ck_votes_one_target"),
    Index("ix_votes_workshop_participant", "workshop_id", "participant_hash"),
    Index("ix_votes_note", "note_id"),
)

# Participants' suggested changes (paths.workshops.suggestions); `change` is the change as JSON.
suggestions_table = Table(
    "suggestions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id"), nullable=False),
    Column("path_id", String(64), nullable=False, index=True),
    Column("kind", String(24), nullable=False),
    Column("target_kind", String(8), nullable=False),
    Column("target_id", String(80), nullable=False),
    Column("change", Text, nullable=False),
    Column("base_version", Integer, nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("display_name", String(60), nullable=True),
    Column("participant_hash", String(64), nullable=False),
    Column("status", String(12), nullable=False),
    Column("reason", Text, nullable=True),
    Column("decided_by", String(200), nullable=True),
    Column("decided_at", UTCDateTime, nullable=True),
    Column("accepted_version", Integer, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_suggestions_workshop_participant", "workshop_id", "participant_hash"),
)

suggestion_votes_table = Table(
    "suggestion_votes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id"), nullable=False),
    Column("suggestion_id", Integer, ForeignKey("suggestions.id"), nullable=False),
    Column("participant_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_suggestion_votes_workshop_participant", "workshop_id", "participant_hash"),
    Index("ix_suggestion_votes_suggestion", "suggestion_id"),
)


# The statements of the hot paths (a note, a vote), built once: only their parameters change.
_OPEN_WORKSHOP = (
    select(workshops_table, paths_table.c.latest_version, paths_table.c.deleted)
    .join(paths_table, paths_table.c.id == workshops_table.c.path_id, isouter=True)
    .where(workshops_table.c.id == bindparam("workshop_id"))
)
_OPEN_WORKSHOP_SHARED = _OPEN_WORKSHOP.with_for_update(read=True, of=workshops_table)
def count_of_participant(table: Table) -> Any:
    """How many rows of `table` one participant wrote in one workshop (parameters `workshop_id`, `who`)."""
    return (
        select(func.count())
        .select_from(table)
        .where(table.c.workshop_id == bindparam("workshop_id"), table.c.participant_hash == bindparam("who"))
    )


_COUNT_NOTES = count_of_participant(notes_table)
_INSERT_NOTE = notes_table.insert().returning(notes_table.c.id)
_COUNT_VOTES = count_of_participant(votes_table)
_COUNT_SUGGESTION_VOTES = count_of_participant(suggestion_votes_table)
_NOTE_IN_WORKSHOP = select(notes_table.c.id).where(
    notes_table.c.id == bindparam("note_id"), notes_table.c.workshop_id == bindparam("workshop_id")
)
_INSERT_VOTE = votes_table.insert()


class WorkshopError(UserError):
    """A workshop problem a user can act on; `message(lang)` is one sentence from the catalog."""


class WorkshopClosedError(WorkshopError):
    def __init__(self) -> None:
        super().__init__("workshop.error.closed")


class VoteLimitError(WorkshopError):
    def __init__(self, limit: int) -> None:
        super().__init__("workshop.error.vote_limit", limit=limit)
        self.limit = limit


@dataclass(frozen=True)
class Workshop:
    id: int
    path_id: str
    path_version: int
    code: str
    audience: str
    votes_per_participant: int
    opened_by: str
    opened_at: datetime
    closed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class Note:
    id: int
    workshop_id: int
    path_id: str
    step_id: str | None
    stage_id: str | None
    kind: str
    text: str
    display_name: str | None
    created_at: datetime
    done: bool
    turned_into_edit: bool
    votes: int = 0


@dataclass
class NoteGroup:
    """The notes on one step or one stage, for the wall; `kind` is "stage", "step" or "other"."""

    kind: str
    target_id: str
    title: str
    stage_title: str
    notes: list[Note] = field(default_factory=list)


# -- small pure helpers ----------------------------------------------------------------------------


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str | None) -> str | None:
    """A join code as typed (any case, spaces or dashes) made canonical; None when it cannot be one."""
    if not raw:
        return None
    code = "".join(raw.split()).replace("-", "").upper()
    if len(code) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
        return None
    return code


def participant_hash(token: str) -> str:
    """What is stored of a participant's browser token: its SHA-256, never the token itself."""
    token = (token or "").strip()
    if not 16 <= len(token) <= 128:
        raise WorkshopError("workshop.error.participant")
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_participant_token() -> str:
    return secrets.token_urlsafe(24)


def clean_participant_text(text: str, limit: int, *, single_line: bool) -> str:
    """`text` through the one text rule (paths/model/text_rules.py), stripped; a NUL is refused.

    Cut at `limit + 1` characters so that the caller can still tell that the text was too long.
    """
    try:
        cleaned = clean_text(text or "", single_line=single_line)
    except TextRuleError as exc:
        raise WorkshopError(exc.key_prefix + exc.key) from None
    return cleaned.strip()[: limit + 1]


def clean_note_text(text: str) -> str:
    cleaned = clean_participant_text(text, MAX_NOTE_CHARS, single_line=False)
    if not cleaned:
        raise WorkshopError("workshop.error.empty_note")
    if len(cleaned) > MAX_NOTE_CHARS:
        raise WorkshopError("workshop.error.long_note", max=MAX_NOTE_CHARS)
    return cleaned


def clean_display_name(name: str | None) -> str | None:
    cleaned = clean_participant_text(name or "", MAX_NAME_CHARS, single_line=True)
    if len(cleaned) > MAX_NAME_CHARS:
        raise WorkshopError("workshop.error.long_name", max=MAX_NAME_CHARS)
    return cleaned or None


def target_ids(path: ServicePath, audience: str) -> tuple[frozenset[str], frozenset[str]]:
    """The step ids and stage ids a participant of this audience sees (and may write notes on)."""
    view = audience_view(path, audience)
    return frozenset(step.id for step in view.steps), frozenset(stage.id for stage in view.stages)


def group_notes(notes: Iterable[Note], path: ServicePath, lang: str) -> list[NoteGroup]:
    """Notes grouped by stage and step in the path's reading order; notes on removed steps come last."""
    order = {step_id: index for index, step_id in enumerate(walk_order(path))}
    groups: dict[tuple[str, str], NoteGroup] = {}
    for note in notes:
        if note.step_id is not None:
            step = path.step(note.step_id)
            if step is None:
                key = ("other", note.step_id)
                groups.setdefault(key, NoteGroup("other", note.step_id, note.step_id, ""))
            else:
                stage = path.stage(step.stage)
                key = ("step", step.id)
                groups.setdefault(
                    key,
                    NoteGroup(
                        "step", step.id, step.title.get(lang) or step.id, stage.title.get(lang) if stage else step.stage
                    ),
                )
        else:
            stage_id = note.stage_id or ""
            stage = path.stage(stage_id)
            key = ("stage", stage_id) if stage else ("other", stage_id)
            title = (stage.title.get(lang) or stage_id) if stage else stage_id
            groups.setdefault(key, NoteGroup(key[0], stage_id, title, title if stage else ""))
        groups[key].notes.append(note)
    stage_order = path.stage_index()

    def sort_key(item: tuple[tuple[str, str], NoteGroup]) -> tuple[int, int, int]:
        (kind, target), _ = item
        if kind == "stage":
            return (0, stage_order.get(target, 0), -1)
        if kind == "step":
            step = path.step(target)
            return (0, stage_order.get(step.stage, len(stage_order)) if step else 0, order.get(target, len(order)))
        return (1, 0, 0)

    return [group for _, group in sorted(groups.items(), key=sort_key)]


def export_frame(notes: Iterable[Note], path: ServicePath | None, lang: str) -> Any:
    """The notes as a pandas DataFrame with translated headers: step, stage, type, text, votes, name, time."""
    import pandas as pd

    rows = []
    for note in notes:
        step = path.step(note.step_id) if path and note.step_id else None
        stage_id = step.stage if step else note.stage_id
        stage = path.stage(stage_id) if path and stage_id else None
        rows.append(
            [
                (step.title.get(lang) or step.id) if step else (note.step_id or ""),
                (stage.title.get(lang) or stage.id) if stage else (stage_id or ""),
                t(f"workshop.kind.{note.kind}", lang),
                note.text,
                note.votes,
                note.display_name or "",
                note.created_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
            ]
        )
    headers = [t(f"workshop.export.col.{column}", lang) for column in EXPORT_COLUMNS]
    return pd.DataFrame(rows, columns=headers)


def export_csv(notes: Iterable[Note], path: ServicePath | None, lang: str) -> bytes:
    """UTF-8 with a BOM and `;` like Excel in fi/sv locales; every text cell formula-guarded."""
    frame = export_frame(notes, path, lang)
    text_columns = [column for index, column in enumerate(frame.columns) if EXPORT_COLUMNS[index] != "votes"]
    for column in text_columns:
        frame[column] = frame[column].map(guard_cell)
    return ("\ufeff" + frame.to_csv(sep=";", index=False, lineterminator="\r\n")).encode("utf-8")


def export_xlsx(notes: Iterable[Note], path: ServicePath | None, lang: str, title: str = "") -> bytes:
    """One sheet; text cells are explicit strings (never formulas), votes are numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    frame = export_frame(notes, path, lang)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = cell_text(title or "Polku")[:31].translate({ord(c): " " for c in "[]:*?/\\"}) or "Polku"
    sheet.append(list(frame.columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in frame.itertuples(index=False):
        sheet.append([int(v) if EXPORT_COLUMNS[i] == "votes" else cell_text(str(v)) for i, v in enumerate(values)])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFG", (30, 24, 14, 60, 8, 20, 20), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# -- the store -------------------------------------------------------------------------------------


def _workshop(row: Any) -> Workshop:
    return Workshop(
        id=row.id,
        path_id=row.path_id,
        path_version=row.path_version,
        code=row.code,
        audience=row.audience,
        votes_per_participant=row.votes_per_participant,
        opened_by=row.opened_by,
        opened_at=row.opened_at,
        closed_at=row.closed_at,
    )


def _note(row: Any) -> Note:
    return Note(
        id=row.id,
        workshop_id=row.workshop_id,
        path_id=row.path_id,
        step_id=row.step_id,
        stage_id=row.stage_id,
        kind=row.kind,
        text=row.text,
        display_name=row.display_name,
        created_at=row.created_at,
        done=bool(row.done),
        turned_into_edit=bool(row.turned_into_edit),
        votes=int(getattr(row, "votes", 0) or 0),
    )


def votes_used(connection: Connection, workshop_id: int, who: str) -> int:
    """The votes a participant has spent, on notes and steps and on suggestions: one budget for all."""
    params = {"workshop_id": workshop_id, "who": who}
    return connection.execute(_COUNT_VOTES, params).scalar_one() + connection.execute(
        _COUNT_SUGGESTION_VOTES, params
    ).scalar_one()


def lock_participant(connection: Connection, dialect: str, workshop_id: int, who: str) -> None:
    """On PostgreSQL, serialise one participant's votes (SQLite has one writer at a time anyway)."""
    if dialect == "postgresql":
        lock = sql_text("SELECT pg_advisory_xact_lock(:a, :b)")
        connection.execute(lock, {"a": workshop_id, "b": _signed_int32(who)})


def _signed_int32(digest: str) -> int:
    return int.from_bytes(bytes.fromhex(digest[:8]), "big", signed=True)


class WorkshopStore:
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

    # -- notes -------------------------------------------------------------------------------

    def add_note(
        self,
        workshop_id: int,
        participant_token: str,
        kind: str,
        text: str,
        *,
        step_id: str | None = None,
        stage_id: str | None = None,
        display_name: str | None = None,
    ) -> Note:
        """Store one participant's note on a step or a stage of an open workshop."""
        who = participant_hash(participant_token)
        if kind not in KINDS:
            raise WorkshopError("workshop.error.kind")
        if (step_id is None) == (stage_id is None):
            raise WorkshopError("workshop.error.target")
        cleaned = clean_note_text(text)
        name = clean_display_name(display_name)
        now = datetime.now(UTC)
        with self.write() as connection:
            workshop, version = self.lock_open(connection, workshop_id)
            steps, stages = self.targets_for(connection, workshop, version)
            if (step_id is not None and step_id not in steps) or (stage_id is not None and stage_id not in stages):
                raise WorkshopError("workshop.error.target")
            written = connection.execute(_COUNT_NOTES, {"workshop_id": workshop_id, "who": who}).scalar_one()
            if written >= MAX_NOTES_PER_PARTICIPANT:
                raise WorkshopError("workshop.error.too_many_notes", max=MAX_NOTES_PER_PARTICIPANT)
            values = {
                "workshop_id": workshop_id,
                "path_id": workshop.path_id,
                "step_id": step_id,
                "stage_id": stage_id,
                "kind": kind,
                "text": cleaned,
                "display_name": name,
                "participant_hash": who,
                "created_at": now,
                "done": False,
                "turned_into_edit": False,
            }
            note_id = connection.execute(_INSERT_NOTE, values).scalar_one()
        return Note(id=note_id, **{k: v for k, v in values.items() if k != "participant_hash"})

    def _notes_query(self) -> Any:
        votes = (
            select(func.count()).select_from(votes_table).where(votes_table.c.note_id == notes_table.c.id)
        ).scalar_subquery()
        return select(*notes_table.c, votes.label("votes")).order_by(notes_table.c.created_at, notes_table.c.id)

    def notes(self, workshop_id: int) -> list[Note]:
        """A workshop's notes, oldest first, each with its vote count."""
        with self.store.read() as connection:
            rows = connection.execute(self._notes_query().where(notes_table.c.workshop_id == workshop_id))
            return [_note(row) for row in rows]

    def path_notes(self, path_id: str) -> list[Note]:
        """Every note ever left on a path, in all its workshops (closing a workshop keeps them)."""
        with self.store.read() as connection:
            rows = connection.execute(self._notes_query().where(notes_table.c.path_id == path_id))
            return [_note(row) for row in rows]

    def count_notes(self, workshop_id: int) -> int:
        with self.store.read() as connection:
            return connection.execute(
                select(func.count()).select_from(notes_table).where(notes_table.c.workshop_id == workshop_id)
            ).scalar_one()

    def participants(self, workshop_id: int) -> int:
        """How many different participants have written or voted."""
        who = union(
            select(notes_table.c.participant_hash.label("who")).where(notes_table.c.workshop_id == workshop_id),
            select(votes_table.c.participant_hash.label("who")).where(votes_table.c.workshop_id == workshop_id),
        ).subquery()
        with self.store.read() as connection:
            return connection.execute(select(func.count(distinct(who.c.who)))).scalar_one()

    def set_done(self, note_id: int, done: bool = True) -> bool:
        with self.write() as connection:
            return connection.execute(
                notes_table.update().where(notes_table.c.id == note_id).values(done=done)
            ).rowcount == 1

    def mark_turned_into_edit(self, note_id: int) -> bool:
        with self.write() as connection:
            return connection.execute(
                notes_table.update().where(notes_table.c.id == note_id).values(turned_into_edit=True)
            ).rowcount == 1

    # -- votes -------------------------------------------------------------------------------

    def vote(
        self, workshop_id: int, participant_token: str, *, note_id: int | None = None, step_id: str | None = None
    ) -> int:
        """Spend one of the participant's votes on a note or a step; returns the votes left.

        The limit is checked and the vote stored in one transaction, so parallel clicks cannot overspend.
        """
        who = participant_hash(participant_token)
        if (note_id is None) == (step_id is None):
            raise WorkshopError("workshop.error.vote_target")
        with self.write() as connection:
            lock_participant(connection, self.store.dialect, workshop_id, who)
            workshop, version = self.lock_open(connection, workshop_id)
            if step_id is not None and step_id not in self.targets_for(connection, workshop, version)[0]:
                raise WorkshopError("workshop.error.vote_target")
            if note_id is not None:
                found = connection.execute(_NOTE_IN_WORKSHOP, {"note_id": note_id, "workshop_id": workshop_id}).first()
                if found is None:
                    raise WorkshopError("workshop.error.vote_target")
            used = votes_used(connection, workshop_id, who)
            limit = workshop.votes_per_participant
            if used >= limit:
                raise VoteLimitError(limit)
            connection.execute(
                _INSERT_VOTE,
                {
                    "workshop_id": workshop_id,
                    "note_id": note_id,
                    "step_id": step_id,
                    "participant_hash": who,
                    "created_at": datetime.now(UTC),
                },
            )
            return limit - used - 1

    def unvote(
        self, workshop_id: int, participant_token: str, *, note_id: int | None = None, step_id: str | None = None
    ) -> bool:
        """Take back one of the participant's votes on a note or a step (while the workshop is open)."""
        who = participant_hash(participant_token)
        target = votes_table.c.note_id == note_id if note_id is not None else votes_table.c.step_id == step_id
        with self.write() as connection:
            self.lock_open(connection, workshop_id)
            vote_id = connection.execute(
                select(votes_table.c.id)
                .where(votes_table.c.workshop_id == workshop_id, votes_table.c.participant_hash == who, target)
                .order_by(votes_table.c.id.desc())
                .limit(1)
            ).scalar_one_or_none()
            if vote_id is None:
                return False
            connection.execute(delete(votes_table).where(votes_table.c.id == vote_id))
            return True

    def my_votes(self, workshop_id: int, participant_token: str) -> dict[tuple[str, str], int]:
        """The participant's votes: {("note", "12"): 2, ("step", "s3"): 1, ("suggestion", "4"): 1}."""
        who = participant_hash(participant_token)
        query = (
            select(votes_table.c.note_id, votes_table.c.step_id, func.count().label("n"))
            .where(votes_table.c.workshop_id == workshop_id, votes_table.c.participant_hash == who)
            .group_by(votes_table.c.note_id, votes_table.c.step_id)
        )
        on_suggestions = (
            select(suggestion_votes_table.c.suggestion_id, func.count().label("n"))
            .where(
                suggestion_votes_table.c.workshop_id == workshop_id,
                suggestion_votes_table.c.participant_hash == who,
            )
            .group_by(suggestion_votes_table.c.suggestion_id)
        )
        with self.store.read() as connection:
            found = {
                ("note", str(row.note_id)) if row.note_id is not None else ("step", row.step_id): row.n
                for row in connection.execute(query)
            }
            found.update({("suggestion", str(row.suggestion_id)): row.n for row in connection.execute(on_suggestions)})
            return found

    def step_votes(self, workshop_id: int) -> dict[str, int]:
        """Votes on each step (votes on notes are counted on the notes)."""
        query = (
            select(votes_table.c.step_id, func.count().label("n"))
            .where(votes_table.c.workshop_id == workshop_id, votes_table.c.step_id.is_not(None))
            .group_by(votes_table.c.step_id)
        )
        with self.store.read() as connection:
            return {row.step_id: row.n for row in connection.execute(query)}

    def count_votes(self, workshop_id: int) -> int:
        with self.store.read() as connection:
            return connection.execute(
                select(func.count()).select_from(votes_table).where(votes_table.c.workshop_id == workshop_id)
            ).scalar_one()
