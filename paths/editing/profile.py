"""Edits of the path's persona profile and of its current/target link, as the editor's forms make them.

Pure functions like `paths.editing.edits`: each returns a new `ServicePath` (the same object when nothing
changes) and raises `EditError` (one sentence) for an edit that cannot be made. The texts are written
through `paths.editing.experience.set_persona` and the link through `set_state_link`, so each rule
lives once; what is added here is one field at a time, the "assumed" mark, adding and removing the
profile, and checking the other path against the library.
"""

from __future__ import annotations

from collections.abc import Collection

from paths.editing.edits import EditError
from paths.editing.experience import set_persona, set_state_link
from paths.model.schema import PERSONA_FIELDS, PersonaProfile, ServicePath

MAX_PERSONA_CHARS = 2000
STATE_ROLES: tuple[str, ...] = ("current", "target")


def add_persona(path: ServicePath) -> ServicePath:
    """An empty persona profile to fill in; a path that has one keeps it."""
    if path.persona_profile is not None:
        return path
    return path.model_copy(update={"persona_profile": PersonaProfile()})


def remove_persona(path: ServicePath) -> ServicePath:
    """The path without its persona profile (an undo brings it back)."""
    if path.persona_profile is None:
        return path
    return path.model_copy(update={"persona_profile": None})


def _need_field(name: str) -> None:
    if name not in PERSONA_FIELDS:
        raise EditError("bad_persona_field", field=name)


def set_persona_text(path: ServicePath, name: str, text: str, lang: str = "fi") -> ServicePath:
    """One field of the persona profile (name, situation, needs, goals or quote) in `lang`.

    A path without a profile gets one; the field's other languages stay."""
    _need_field(name)
    if len(text) > MAX_PERSONA_CHARS:
        raise EditError("persona_too_long", limit=MAX_PERSONA_CHARS)
    profile = path.persona_profile
    if profile is not None and getattr(profile, name).get(lang, fallback=False) == text.strip():
        return path
    return set_persona(path, lang, **{name: text})


def mark_assumed(path: ServicePath, name: str, assumed: bool) -> ServicePath:
    """Mark one persona field as assumed (no source backs it) or take the mark away."""
    _need_field(name)
    profile = path.persona_profile or PersonaProfile()
    marks = set(profile.assumed)
    marks = marks | {name} if assumed else marks - {name}
    if path.persona_profile is not None and marks == set(profile.assumed):
        return path
    return set_persona(path, assumed=sorted(marks))


def state_link_of(path: ServicePath) -> tuple[str | None, str | None]:
    """(role, other path id) of the path's link: ("current", id), ("target", id) or (None, None)."""
    if path.current_of:
        return "current", path.current_of
    if path.target_of:
        return "target", path.target_of
    return None, None


def link_state(path: ServicePath, role: str | None, other_id: str | None, library: Collection[str]) -> ServicePath:
    """Mark the path as the current or target state of `other_id` (a path in `library`), or neither.

    The other path must be another path that exists; otherwise one sentence and nothing changes."""
    if role is not None and not other_id:
        raise EditError("no_state_link_other")
    if role is not None and other_id != path.id and other_id not in library:
        raise EditError("unknown_state_link", id=other_id)
    linked = set_state_link(path, role, other_id if role is not None else None)
    return path if linked == path else linked
