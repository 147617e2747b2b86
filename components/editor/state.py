"""The editor's link between Streamlit and its state machine (`paths.editing.session.EditSession`).

One `EditSession` per path lives in the browser session. Widgets whose value mirrors the path use
keys starting with `_ed_`; whenever the session's path changes those keys are cleared so the
widgets show the new path (after an undo or a merge, too). Every widget callback goes through
`apply_edit` (one pure edit from `paths.editing.edits`, its error sentence flashed) or one of the
session's transitions wrapped here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from components.authorship import AUTHOR_KEY  # noqa: F401 - the save bar types the author into it
from components.common import current_lang, store, tr
from paths.editing.common import EditError
from paths.editing.session import EditSession, open_session
from paths.i18n.catalog import t
from paths.model.labels import stage_name
from paths.model.schema import ServicePath

PATH_PARAM = "path"
EDITS_KEY = "_polku_edits"
STEP_PICK = "_polku_ed_step"
SECTION_KEY = "_polku_ed_section"
SUMMARY_KEY = "_polku_ed_summary"
BLUEPRINT_KEY = "_polku_ed_blueprint"
FORM_PREFIX = "_ed_"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sessions() -> dict[str, EditSession]:
    return st.session_state.setdefault(EDITS_KEY, {})


def clear_form_keys() -> None:
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(FORM_PREFIX)]:
        del st.session_state[key]


def open_edit(path_id: str) -> EditSession | None:
    """This browser session's edit of `path_id` (a fresh one when it has none or the store moved on)."""
    current = sessions().get(path_id)
    found = open_session(store(), path_id, current)
    if found is not None and found is not current:
        sessions()[path_id] = found
        clear_form_keys()
    return found


def start_new(path: ServicePath) -> None:
    """A new path, not yet saved: the editor opens it."""
    sessions()[path.id] = EditSession(path.id, None, None, path)
    st.session_state.pop(STEP_PICK, None)
    clear_form_keys()
    st.query_params[PATH_PARAM] = path.id


def transition(edit: EditSession, change: Callable[[], object]) -> object:
    """Run one of the session's transitions; when it changed the path, the widgets show the new one."""
    rev = edit.rev
    result = change()
    if edit.rev != rev:
        clear_form_keys()
    return result


def apply_edit(edit: EditSession, fn: Callable[..., ServicePath], *args: Any, **kwargs: Any) -> bool:
    """One edit: kept on the undo stack, or its error sentence flashed. True unless it was refused."""
    try:
        transition(edit, lambda: edit.apply(fn, *args, **kwargs))
    except EditError as exc:
        edit.say("error", exc.message(current_lang()))
        clear_form_keys()
        return False
    clear_form_keys()
    return True


def undo(edit: EditSession) -> None:
    transition(edit, edit.undo)


def discard(edit: EditSession) -> None:
    transition(edit, edit.discard)


# -- labels ------------------------------------------------------------------------------------


def text_of(local: Any, lang: str) -> str:
    return local.get(lang, fallback=False) if local is not None else ""


def step_label(path: ServicePath, step_id: str, lang: str) -> str:
    step = path.step(step_id)
    if step is None:
        return step_id
    bulb = "💡 " if step.coordinator else ""
    return f"{bulb}{step.title.get(lang) or step.id}"


stage_label = stage_name


def actor_label(path: ServicePath, actor_id: str, lang: str) -> str:
    actor = path.actor(actor_id)
    return (actor.name.get(lang) if actor else "") or actor_id


def contact_label(path: ServicePath, contact_id: str, lang: str) -> str:
    contact = path.contact(contact_id)
    if contact is None:
        return contact_id
    label = contact.label.get(lang) or contact.id
    return f"{label} ({tr('editor.field.placeholder')})" if contact.placeholder else label


def missing_translations(edit: EditSession, step_id: str) -> list[str]:
    step = edit.path.step(step_id)
    parts = []
    for name in ("title", "description", "client_text"):
        missing = getattr(step, name).missing()
        if missing:
            parts.append(f"{t(f'diff.field.{name}', current_lang())}: {', '.join(missing)}")
    return parts
