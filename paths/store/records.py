"""What the store hands out and raises: a path's library card, a version's history entry, and the
`StoreError` family (one sentence through the catalog each).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from paths.i18n.catalog import UserError
from paths.model.schema import LocalText


class StoreError(UserError):
    """A store problem a user can act on. `message(lang)` is one sentence."""

    key_prefix = "store.error."


class StaleVersionError(StoreError):
    """A save based on `base_version` while the path is already at `latest_version`."""

    def __init__(self, path_id: str, base_version: int | None, latest_version: int | None) -> None:
        super().__init__("stale", id=path_id, base=base_version, latest=latest_version or "–")
        self.path_id = path_id
        self.base_version = base_version
        self.latest_version = latest_version


class UnknownPathError(StoreError):
    """The path (or the asked version of it) is not in the store."""

    def __init__(self, path_id: str, version: int | None = None) -> None:
        super().__init__("unknown_path", id=path_id if version is None else f"{path_id} v{version}")
        self.path_id = path_id
        self.version = version


@dataclass(frozen=True)
class PathSummary:
    """One line of the library: what a card shows, without loading the whole path."""

    id: str
    title: LocalText
    persona: LocalText
    status: str
    version: int
    n_stages: int
    n_steps: int
    n_coordinator: int
    updated_at: datetime


@dataclass(frozen=True)
class VersionInfo:
    """One saved version: who, when, what changed (`summary` in the language asked for)."""

    version: int
    author: str
    created_at: datetime
    summary: str
    restored_from: int | None = None
