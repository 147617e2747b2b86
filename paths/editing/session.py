"""The editor's session state machine: one path being edited, its undo stack, saving, stale saves.

Plain Python (no Streamlit) so every transition is unit-tested; the editor page keeps one
`EditSession` per path in the browser session and calls these methods from its widgets' callbacks.

States and transitions:

- *clean* (path == base) → `apply(edit)` → *dirty*; `undo()` steps back; `discard()` returns to base.
- `save(store, ...)`: on success → *clean* at the new version. When someone else saved in between, my
  edit is merged three ways onto theirs (`merge.rebase` on the session's base version): with no field
  changed on both sides the merged path is saved at once (both changes kept, no conflict screen);
  otherwise → *conflict* (`conflict_version` set, nothing saved).
- *conflict* → `rebase_onto(theirs)` (re-apply my edit, my value kept where both changed, notes listed)
  or `take_theirs(theirs)` (drop mine, kept on the undo stack) → *dirty*/*clean* again.
- `follow(latest, path)`: the store moved on while this session was clean (another facilitator
  saved): the session follows; when dirty, their change is merged in if it touches other fields.
  The undo stack follows too (`undo_onto`), so undo keeps working after the page redraws.
- `undo_save(store)`: the last save replaced version N; restore N as a new version unless
  someone saved since.

Messages for the page are kept in `flash` as (kind, sentence) in the language given to each call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from paths.editing.merge import Conflict, rebase
from paths.i18n.catalog import t
from paths.model.diff import diff_paths
from paths.model.schema import ServicePath, Status
from paths.model.validation import validate
from paths.store.records import StaleVersionError

UNDO_LIMIT = 50
T = TypeVar("T")


class PathStore(Protocol):
    """What a session needs of the store (`paths.store.library.Store` is one)."""

    def latest_version(self, path_id: str, max_age: float = 0.0) -> int | None: ...
    def get_path(self, path_id: str, version: int | None = None) -> ServicePath | None: ...
    def save_path(self, path: ServicePath, author: str, summary: str = "", base_version: int | None = None) -> int: ...
    def restore(self, path_id: str, version: int, author: str) -> int: ...


@dataclass
class EditSession:
    """One path being edited in one browser session."""

    path_id: str
    base_version: int | None  # the stored version the edit started from; None for a new path
    base: ServicePath | None
    path: ServicePath
    undo_stack: list[ServicePath] = field(default_factory=list)
    rev: int = 0  # grows with every change of `path`: widgets keyed on it show the new path
    conflict_version: int | None = None  # their newer version, after a refused save
    merge_notes: list[str] = field(default_factory=list)
    saved_version: int | None = None  # the last version this session saved ...
    saved_over: int | None = None  # ... and the version that save replaced (for "undo last save")
    flash: list[tuple[str, str]] = field(default_factory=list)
    derived: dict[tuple[str, str], tuple[ServicePath, Any]] = field(default_factory=dict)

    @property
    def dirty(self) -> bool:
        return self.base is None or self.path != self.base

    def derive(self, what: str, lang: str, make: Callable[[ServicePath], T]) -> T:
        """`make(self.path)` once per state of the edit and language: a rerun that leaves the path as it
        was (picking a step, opening a section) reuses the problems, the blueprint and the diagram.
        Every edit makes a new path object (the editing functions are pure), so identity tells."""
        kept = self.derived.get((what, lang))
        if kept is not None and kept[0] is self.path:
            return kept[1]
        value = make(self.path)
        self.derived[(what, lang)] = (self.path, value)
        return value

    def say(self, kind: str, text: str) -> None:
        self.flash.append((kind, text))

    # -- edits and undo ------------------------------------------------------------------------

    def _replace(self, new: ServicePath, *, keep_undo: bool = True) -> None:
        if keep_undo:
            self.undo_stack.append(self.path)
            del self.undo_stack[:-UNDO_LIMIT]
        self.path = new
        self.rev += 1

    def apply(self, fn: Callable[..., ServicePath], *args: Any, **kwargs: Any) -> bool:
        """Run one pure edit on the path; raises `EditError` (nothing changes). True when the path changed."""
        new = fn(self.path, *args, **kwargs)
        if new == self.path:
            return False
        self._replace(new)
        return True

    def undo(self) -> bool:
        if not self.undo_stack:
            return False
        self.path = self.undo_stack.pop()
        self.rev += 1
        return True

    def discard(self) -> bool:
        """Back to the version the edit started from (the discarded edit stays undoable)."""
        if self.base is None or self.path == self.base:
            return False
        self._replace(self.base)
        self.merge_notes = []
        return True

    # -- saving --------------------------------------------------------------------------------

    def _saved(self, path: ServicePath, version: int) -> None:
        self.saved_over, self.saved_version = self.base_version, version
        self.base = path
        self.base_version = version
        self.undo_stack = []
        self.merge_notes = []
        self.conflict_version = None
        self._replace(path, keep_undo=False)

    def save(self, store: PathStore, author: str, summary: str, publish: bool, lang: str) -> int | None:
        """Save the edit as a new version (published or draft); the version number, or None when not saved.

        A stale save is merged onto the newer version when the two edits touch different fields."""
        path = self.path.model_copy(update={"status": Status.published if publish else Status.draft})
        if publish and validate(path, lang):
            self.say("error", t("editor.save.publish_blocked", lang))
            return None
        if self.base is not None and path == self.base:
            self.say("info", t("editor.save.nothing", lang))
            return None
        if self.base_version is None and store.latest_version(path.id) is not None:
            self.say("error", t("editor.save.id_taken", lang, id=path.id))
            return None
        try:
            version = store.save_path(path, author, summary, base_version=self.base_version)
        except StaleVersionError as exc:
            return self._save_merged(store, path, author, summary, exc.latest_version, lang)
        self._saved(path, version)
        self.say("success", t("editor.save.saved", lang, version=version))
        return version

    def _save_merged(
        self, store: PathStore, mine: ServicePath, author: str, summary: str, latest: int | None, lang: str
    ) -> int | None:
        """Their save came first: when my edit and theirs change different fields, save both; else conflict."""
        theirs = store.get_path(self.path_id, latest) if latest is not None else None
        if theirs is None or self.base is None:
            self.conflict_version = latest
            return None
        merged, conflicts = rebase(self.base, mine, theirs)
        if conflicts:
            self.conflict_version = latest
            return None
        try:
            version = store.save_path(merged, author, summary, base_version=latest)
        except StaleVersionError as exc:
            self.conflict_version = exc.latest_version
            return None
        self._saved(merged, version)
        self.say("success", t("editor.save.merged", lang, version=version, theirs=latest))
        return version

    def undo_save(self, store: PathStore, author: str, lang: str) -> int | None:
        """Restore the version the last save replaced, as a new version — unless someone saved since."""
        latest = store.latest_version(self.path_id)
        if self.saved_version is None or self.saved_over is None or latest != self.saved_version:
            self.say("error", t("editor.save.undo_save_stale", lang))
            return None
        restored_from = self.saved_over
        version = store.restore(self.path_id, restored_from, author)
        path = store.get_path(self.path_id, version)
        assert path is not None
        self._saved(path, version)
        self.saved_version = self.saved_over = None
        self.say("success", t("editor.save.undone", lang, version=version, old=restored_from))
        return version

    # -- someone else saved ---------------------------------------------------------------------

    def rebase_onto(self, theirs: ServicePath, latest: int, lang: str) -> list[Conflict]:
        """Re-apply my edit (base → mine) on top of their version; both-changed fields keep mine, listed."""
        if self.base is None:
            return []
        merged, conflicts = rebase(self.base, self.path, theirs)
        self._replace(merged)
        self.base, self.base_version = theirs, latest
        self.conflict_version = None
        self.merge_notes = [conflict.message(merged, lang) for conflict in conflicts]
        self.say("success", t("editor.conflict.rebased", lang, version=latest))
        return conflicts

    def take_theirs(self, theirs: ServicePath, latest: int) -> None:
        """Drop my edit for their version (my edit stays on the undo stack)."""
        self._replace(theirs)
        self.base, self.base_version = theirs, latest
        self.conflict_version = None
        self.merge_notes = []

    def undo_onto(self, theirs: ServicePath) -> list[ServicePath]:
        """The undo stack moved onto their version: each earlier state with their change merged in, so
        an undo takes back my edits and keeps theirs. From the newest back, it stops at the first state
        whose change clashes with theirs (undoing to it would silently drop their change)."""
        if self.base is None:
            return []
        kept: list[ServicePath] = []
        for earlier in reversed(self.undo_stack):
            merged, conflicts = rebase(self.base, earlier, theirs)
            if conflicts:
                break
            kept.append(merged)
        return kept[::-1]

    def follow(self, theirs: ServicePath, latest: int) -> bool:
        """The store moved on (another facilitator saved): show their version in this session.

        Clean: take it. Dirty: merge it under my edit when no field was changed on both sides (my
        unsaved edit stays unsaved); with a clash do nothing here, saving will show the conflict. Either
        way the undo stack follows (`undo_onto`): an undo still takes back my last edit, not theirs.
        True when the session now stands on `latest`."""
        if latest == self.base_version or self.conflict_version is not None:
            return False
        if not self.dirty:
            merged: ServicePath = theirs
        elif self.base is None:
            return False
        else:
            merged, conflicts = rebase(self.base, self.path, theirs)
            if conflicts:
                return False
        self.undo_stack = self.undo_onto(theirs)
        self.base, self.base_version = theirs, latest
        self._replace(merged, keep_undo=False)
        return True

    def summary_of_changes(self, lang: str) -> str:
        return diff_paths(self.base, self.path).summary(lang) if self.base is not None else ""


def open_session(store: PathStore, path_id: str, current: EditSession | None) -> EditSession | None:
    """The session's edit of `path_id`: `current`, kept while it has unsaved changes or a conflict or
    the store has not moved on; else a fresh one from the latest version (None for an unknown path).
    A fresh one keeps the messages and the "undo last save" of the one it replaces."""
    latest = store.latest_version(path_id)
    if current is not None and (
        current.dirty or current.conflict_version or latest is None or latest == current.base_version
    ):
        return current
    if latest is None:
        return None
    path = store.get_path(path_id, latest)
    if path is None:
        return None
    fresh = EditSession(path_id, latest, path, path)
    if current is not None:
        fresh.saved_version, fresh.saved_over, fresh.flash = current.saved_version, current.saved_over, current.flash
        fresh.rev = current.rev + 1
        fresh.undo_stack = current.undo_onto(path)
    return fresh
