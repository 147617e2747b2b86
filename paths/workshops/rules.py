"""What a workshop is and what participants may send: the records, join codes, participant tokens
and the cleaning of their texts; pure, no database.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, TypeVar

from paths.i18n.catalog import UserError
from paths.model.schema import ServicePath
from paths.model.text_rules import TextRuleError, clean_text
from paths.views.audience import audience_view

KINDS: tuple[str, ...] = ("idea", "problem", "question", "praise")
KIND_ICONS = {"idea": "🌱", "problem": "⚠️", "question": "❓", "praise": "👏"}
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read off a wall without doubt
CODE_LENGTH = 6
MAX_NOTE_CHARS = 1000
MAX_NAME_CHARS = 60
MAX_VOTES = 20
DEFAULT_VOTES = 5
MAX_NOTES_PER_PARTICIPANT = 300


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

Record = TypeVar("Record")


def from_row(record: type[Record], row: Any, **converted: object) -> Record:
    """The dataclass `record` from a result row whose columns carry its field names, so that each store
    reads its rows one way; `converted` gives the fields whose stored value needs converting (SQLite
    keeps a boolean as an integer) or that the row may lack."""
    named = {item.name: getattr(row, item.name) for item in fields(record) if item.name not in converted}
    return record(**named, **converted)



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
