"""The editor page: rework a path in a workshop — stages, steps, transitions, actors — and save versions.

The edit lives in the session (`paths.editing.session.EditSession`, see `components.editor.state`):
every change goes through a pure function in `paths.editing.edits` and is kept at once, so the
diagram and the validation list follow each change. Saving names the version the edit started from;
when someone else saved in between, the two edits are merged, and only a field changed on both sides
shows the conflict screen.
"""

from __future__ import annotations

import streamlit as st

from components.auth import require_facilitator
from components.common import current_lang, md_escape, page_link, store, tr
from components.editor.canvas import canvas_section
from components.editor.conflicts import conflict_panel, problems, save_bar
from components.editor.new_path import new_path_dialog
from components.editor.profile import profile_section
from components.editor.stages_actors import actors_section, contacts_section, path_section, stages_section
from components.editor.state import PATH_PARAM, SECTION_KEY, STEP_PICK, clear_form_keys, open_edit
from components.editor.step_form import step_section
from components.editor.table import table_section, transfer_section
from components.flow_diagram import picture_or_text
from components.templating import stylesheet
from paths.editing.session import EditSession
from paths.i18n.catalog import t
from paths.render.dot import to_dot
from paths.render.image import page_drawing
from paths.render.text_html import to_html

SECTIONS = ("step", "canvas", "table", "stages", "actors", "contacts", "path", "profile", "transfer")
SECTION_VIEWS = {
    "step": step_section,
    "canvas": canvas_section,
    "table": table_section,
    "stages": stages_section,
    "actors": actors_section,
    "contacts": contacts_section,
    "path": path_section,
    "profile": profile_section,
    "transfer": transfer_section,
}
EDITOR_CSS = stylesheet("editor.css")


def _diagram(edit: EditSession, lang: str) -> None:
    path = edit.path
    st.subheader(tr("editor.diagram"), anchor=False)
    if not path.steps:
        st.caption(tr("editor.diagram_empty"))
        return
    with st.container(key="polku_ed_diagram"):
        picture_or_text(
            lambda: edit.derive("svg", lang, lambda p: page_drawing(to_dot(p, lang, "professional", legend=True))),
            lambda: edit.derive("text", lang, lambda p: to_html(p, lang, "professional")),
            lang=lang, label=tr("editor.diagram_alt", title=path.title.get(lang) or path.id), key="_polku_ed_picture",
            fit=False,
        )


def _header(edit: EditSession, lang: str) -> None:
    """The title, the links, the flashed messages, the conflict screen and the merge notes."""
    path = edit.path
    st.title(tr("editor.title", name=md_escape(path.title.get(lang) or path.id)), anchor=False)
    with st.container(horizontal=True):
        page_link("path", tr("editor.to_path"), icon="🗺️", path=path.id)
        page_link("history", tr("editor.to_history"), icon="🕘", path=path.id)
        page_link("edit", tr("editor.to_new"), icon="✨")
    with st.container(key="polku_ed_messages"):  # one slot: what is below keeps its place (no remounts)
        _messages(edit, lang)


def _messages(edit: EditSession, lang: str) -> None:
    for kind, text in edit.flash:
        getattr(st, kind)(text)
    edit.flash.clear()
    if edit.conflict_version is not None:
        conflict_panel(edit, lang)
    if edit.merge_notes:
        notes = [f"- {md_escape(note)}" for note in edit.merge_notes]
        st.warning("\n".join([f"**{tr('editor.conflict.notes')}**", "", *notes]), icon="🔁")
    latest = store().latest_version(edit.path_id)
    moved_on = latest is not None and edit.base_version is not None and latest != edit.base_version
    if moved_on and not edit.conflict_version:
        st.info(tr("editor.newer_exists", version=latest), icon="ℹ️")


def _open_or_explain(path_id: str, lang: str) -> EditSession | None:
    edit = open_edit(path_id)
    if edit is None:
        st.error(tr("editor.unknown_path", id=md_escape(path_id)), icon="⛔")
        st.query_params.pop(PATH_PARAM, None)
        new_path_dialog(lang)
        return None
    wanted_step = st.query_params.pop("step", None)  # "turn into an edit" on the workshop wall links here
    if wanted_step and edit.path.step(wanted_step):
        st.session_state[STEP_PICK] = wanted_step
        st.session_state[SECTION_KEY] = "step"
        clear_form_keys()
    return edit


def editor_page() -> None:
    author = require_facilitator()
    lang = current_lang()
    path_id = st.query_params.get(PATH_PARAM)
    if not path_id:
        new_path_dialog(lang)
        return
    edit = _open_or_explain(path_id, lang)
    if edit is None:
        return
    _header(edit, lang)
    save_bar(edit, author, lang)
    problems(edit, lang)
    section = st.segmented_control(
        tr("editor.section"), options=list(SECTIONS), format_func=lambda s: t(f"editor.section.{s}", lang),
        key=SECTION_KEY, default="step", required=True,
    ) or "step"
    SECTION_VIEWS[section](edit, lang)
    _diagram(edit, lang)
