"""What the personal store hands out: a personal path's summary, a version's entry, the result of
opening a link, and the conflict of a save based on a stale version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from paths.personal.model import PersonalPath


class PersonalConflictError(Exception):
    """The personal path was saved by someone else since it was opened."""


@dataclass(frozen=True)
class PersonalSummary:
    id: str
    display_name: str
    owner: str
    lang: str
    source_path_id: str
    source_version: int
    version: int
    created_at: datetime
    updated_at: datetime
    last_opened_at: datetime | None
    has_link: bool
    has_pin: bool


@dataclass(frozen=True)
class VersionInfo:
    version: int
    author: str
    created_at: datetime


LinkStatus = Literal["ok", "not_found", "pin_required", "pin_wrong", "locked"]


@dataclass(frozen=True)
class LinkResult:
    """What opening a personal link gave. Only `ok` carries the personal path."""

    status: LinkStatus
    personal: PersonalPath | None = None
    retry_after: float = 0.0
    lang: str | None = None  # the client's language, for the PIN prompt of a valid link

    @property
    def ok(self) -> bool:
        return self.status == "ok"
