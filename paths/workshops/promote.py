"""A workshop note promoted by the facilitator to a pain point or an opportunity of its step.

The note's text becomes one more item of the step (in the workshop's language) in a new version of the
path, saved on top of the version it was read from (a save in between is refused, not overwritten), and
the note is marked as turned into an edit, so the workshop report counts it as accepted.
"""

from __future__ import annotations

from paths.editing.experience import add_item
from paths.i18n.catalog import t
from paths.store.library import Store
from paths.workshops.rules import Note, WorkshopError
from paths.workshops.workshop import WorkshopStore

PROMOTE_FIELDS: tuple[str, ...] = ("pain_points", "opportunities")


def promote_note(store: Store, note: Note, field: str, *, author: str, lang: str = "fi") -> int | None:
    """Add `note` to its step's `field` (pain_points | opportunities); the new version, or None when the
    step already had that text. Raises WorkshopError when the path or step is gone, EditError for a bad edit."""
    if field not in PROMOTE_FIELDS or not note.step_id:
        raise WorkshopError("workshop.error.path_gone")
    latest = store.latest_version(note.path_id)
    path = store.get_path(note.path_id, latest) if latest is not None else None
    if path is None or path.step(note.step_id) is None:
        raise WorkshopError("workshop.error.path_gone")
    promoted = add_item(path, note.step_id, field, note.text, lang)
    version = None
    if promoted != path:
        step = path.step(note.step_id)
        name = (step.title.get(lang) if step else "") or note.step_id
        summary = t(f"experience.promote.summary_{field}", lang, step=name)
        version = store.save_path(promoted, author, summary=summary, base_version=latest)
    WorkshopStore(store).mark_turned_into_edit(note.id)
    return version
