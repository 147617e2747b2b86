"""The editor's "example client and comparison" section: the persona profile and the current/target link.

Every widget writes through one pure edit of `paths.editing.profile` via `apply_edit`, so the change is
on the undo stack and is saved with the path like any other edit; the widgets' keys start with the
editor's form prefix, so an undo or a merge shows the path's values again. Nothing is decided here.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.common import md_escape, store, tr
from components.editor.state import FORM_PREFIX, apply_edit, text_of
from paths.editing import profile as profile_edits
from paths.editing.session import EditSession
from paths.i18n.catalog import t
from paths.model.schema import PERSONA_FIELDS, PersonaProfile

NEITHER = ""
ROLE_KEY = f"{FORM_PREFIX}link_role"
OTHER_KEY = f"{FORM_PREFIX}link_other"


def _field_key(name: str, lang: str) -> str:
    return f"{FORM_PREFIX}persona_{name}_{lang}"


def _assumed_key(name: str) -> str:
    return f"{FORM_PREFIX}persona_assumed_{name}"


def _on_change(edit: EditSession, fn: Callable, read: Callable[[], tuple]) -> None:
    """A widget changed: one edit with its value. A widget cleared by an undo in the same rerun is no change."""
    try:
        values = read()
    except KeyError:
        return
    apply_edit(edit, fn, *values)


def _persona_fields(edit: EditSession, profile: PersonaProfile, lang: str) -> None:
    state = st.session_state
    for name in PERSONA_FIELDS:
        widget = st.text_input if name == "name" else st.text_area
        key = _field_key(name, lang)
        widget(tr(f"experience.persona.{name}"), value=text_of(getattr(profile, name), lang), key=key,
               max_chars=profile_edits.MAX_PERSONA_CHARS, on_change=_on_change,
               args=(edit, profile_edits.set_persona_text, lambda name=name, key=key: (name, state[key] or "", lang)))
        flag = _assumed_key(name)
        st.checkbox(tr("experience.profile.assumed_of", field=tr(f"experience.persona.{name}")),
                    value=name in profile.assumed, key=flag, on_change=_on_change,
                    args=(edit, profile_edits.mark_assumed, lambda name=name, flag=flag: (name, bool(state[flag]))))


def persona_form(edit: EditSession, lang: str) -> None:
    """Name, situation, needs, goals and quote in the current language, each with its "assumed" mark."""
    st.subheader(tr("experience.persona.heading"), anchor=False)
    st.caption(tr("experience.profile.hint"))
    profile = edit.path.persona_profile
    if profile is None:
        st.info(tr("experience.profile.none"))
        st.button(tr("experience.profile.add"), icon="➕", key="_polku_ed_persona_add",
                  on_click=apply_edit, args=(edit, profile_edits.add_persona))
        return
    with st.container(key="polku_ed_persona"):
        _persona_fields(edit, profile, lang)
    st.button(tr("experience.profile.remove"), icon="🗑️", key="_polku_ed_persona_remove",
              on_click=apply_edit, args=(edit, profile_edits.remove_persona))


def _link(edit: EditSession, library: set[str]) -> None:
    role = st.session_state.get(ROLE_KEY) or None
    other = st.session_state.get(OTHER_KEY) or None
    apply_edit(edit, profile_edits.link_state, role, other, library)


def link_form(edit: EditSession, lang: str) -> None:
    """This path as the current or target state of another library path, or neither."""
    st.subheader(tr("experience.link.heading"), anchor=False)
    st.caption(tr("experience.link.hint"))
    role, other = profile_edits.state_link_of(edit.path)
    if role is not None:
        st.markdown(tr(f"experience.link.now_{role}", other=md_escape(other or "")))
    summaries = {summary.id: summary for summary in store().list_paths()}
    choices = [path_id for path_id in summaries if path_id != edit.path_id]
    if other and other not in choices:
        choices.append(other)  # a linked path deleted since: shown, and marking it again is refused
    roles = [NEITHER, *profile_edits.STATE_ROLES]
    st.radio(tr("experience.link.role"), options=roles, index=roles.index(role or NEITHER), key=ROLE_KEY,
             format_func=lambda value: t(f"experience.link.role.{value or 'none'}", lang), horizontal=True)

    def label(path_id: str) -> str:
        summary = summaries.get(path_id)
        title = summary.title.get(lang) if summary is not None else ""
        return f"{title} ({path_id})" if title else path_id

    st.selectbox(tr("experience.link.other"), options=choices, index=choices.index(other) if other else None,
                 format_func=label, placeholder=tr("experience.link.pick"), key=OTHER_KEY)
    st.button(tr("experience.link.apply"), icon="⚖️", key="_polku_ed_link_apply", on_click=_link,
              args=(edit, set(summaries)))


def profile_section(edit: EditSession, lang: str) -> None:
    persona_form(edit, lang)
    st.divider()
    link_form(edit, lang)
