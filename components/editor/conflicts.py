"""Saving, the stale-save conflict screen, undo, and the validation problems of the edit.

Each button calls one transition of `paths.editing.session.EditSession`; this module only draws.
"""

from __future__ import annotations

import streamlit as st

from components.auth import auth_mode
from components.authorship import author_name
from components.common import current_lang, md_escape, store, tr
from components.editor.state import AUTHOR_KEY, SUMMARY_KEY, discard, transition, undo
from paths.editing.session import EditSession
from paths.model.diff import diff_paths
from paths.model.validation import validate


def _save(edit: EditSession, author: str, publish: bool) -> None:
    summary = (st.session_state.get(SUMMARY_KEY) or "").strip()
    version = transition(edit, lambda: edit.save(store(), author, summary, publish, current_lang()))
    if version is not None:
        st.session_state[SUMMARY_KEY] = ""


def _undo_save(edit: EditSession, author: str) -> None:
    transition(edit, lambda: edit.undo_save(store(), author, current_lang()))


def _theirs(edit: EditSession) -> tuple[int, object] | None:
    latest = store().latest_version(edit.path_id)
    theirs = store().get_path(edit.path_id, latest) if latest is not None else None
    return (latest, theirs) if theirs is not None else None


def _rebase(edit: EditSession) -> None:
    found = _theirs(edit)
    if found is not None:
        transition(edit, lambda: edit.rebase_onto(found[1], found[0], current_lang()))


def _take_theirs(edit: EditSession) -> None:
    found = _theirs(edit)
    if found is not None:
        transition(edit, lambda: edit.take_theirs(found[1], found[0]))


def conflict_panel(edit: EditSession, lang: str) -> None:
    """Someone saved a change to a field I changed too: what they changed, what I changed, and the choice."""
    found = _theirs(edit)
    if found is None or edit.base is None:
        edit.conflict_version = None
        return
    latest, theirs = found
    info = next((v for v in store().history(edit.path_id, lang) if v.version == latest), None)
    with st.container(border=True, key="polku_ed_conflict"):
        st.error(
            tr("editor.conflict.message", version=latest, base=edit.base_version,
               author=md_escape(info.author if info else "?")),
            icon="⚠️",
        )
        changes = diff_paths(edit.base, theirs)
        st.markdown(f"**{tr('editor.conflict.their_changes', summary=md_escape(changes.summary(lang)))}**")
        if changes:
            st.dataframe(changes.rows(lang), hide_index=True, width="stretch")
        mine = diff_paths(edit.base, edit.path)
        st.markdown(tr("editor.conflict.my_changes", summary=md_escape(mine.summary(lang))))
        with st.container(horizontal=True):
            st.button(tr("editor.conflict.rebase"), type="primary", icon="🔁", key="_polku_ed_rebase",
                      on_click=_rebase, args=(edit,))
            st.button(tr("editor.conflict.discard"), icon="↩️", key="_polku_ed_take_theirs",
                      on_click=_take_theirs, args=(edit,))


def _save_buttons(edit: EditSession, author: str) -> None:
    with st.container(horizontal=True):
        st.button(tr("editor.save.draft"), type="primary", icon="💾", key="_polku_ed_save",
                  on_click=_save, args=(edit, author, False))
        st.button(tr("editor.save.publish"), icon="📢", key="_polku_ed_publish",
                  on_click=_save, args=(edit, author, True))
        st.button(tr("editor.save.undo", count=len(edit.undo_stack)), icon=":material/undo:", key="_polku_ed_undo",
                  disabled=not edit.undo_stack, on_click=undo, args=(edit,))
        st.button(tr("editor.save.discard"), icon="🧹", key="_polku_ed_discard",
                  disabled=not edit.dirty or edit.base is None, on_click=discard, args=(edit,))
        if edit.saved_version is not None and edit.saved_over is not None:
            st.button(tr("editor.save.undo_save", version=edit.saved_version), icon="⏪",
                      key="_polku_ed_undo_save", on_click=_undo_save, args=(edit, author))


def save_bar(edit: EditSession, default_author: str, lang: str) -> None:
    with st.container(border=True, key="polku_ed_save_bar"):
        cols = st.columns([2, 3])
        if auth_mode() == "demo":
            cols[0].text_input(tr("editor.save.author"), key=AUTHOR_KEY, max_chars=200,
                               placeholder=default_author, help=tr("editor.save.author_help"))
        else:
            cols[0].markdown(tr("editor.save.signed_author", name=md_escape(default_author)))
        cols[1].text_input(tr("editor.save.summary"), key=SUMMARY_KEY, max_chars=500,
                           placeholder=tr("editor.save.summary_placeholder"))
        _save_buttons(edit, author_name(default_author))
        if edit.base_version is None:
            st.caption(tr("editor.save.state_new"))
        elif edit.dirty:
            st.caption(tr("editor.save.state_dirty", version=edit.base_version,
                          summary=edit.summary_of_changes(lang)))
        else:
            st.caption(tr("editor.save.state_clean", version=edit.base_version))


def problems(edit: EditSession, lang: str) -> None:
    found = edit.derive("problems", lang, lambda path: validate(path, lang))
    if not found:
        st.success(tr("editor.problems.none"), icon="✅")
        return
    lines = [f"**{tr('editor.problems.title', count=len(found))}**", ""]
    lines += [f"- {md_escape(problem.message)}" for problem in found]
    st.warning("\n".join(lines), icon="⚠️")
