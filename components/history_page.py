"""The version history of a path: who saved what and when, the difference between any two
versions (field by field), and restoring an old version as a new one — nothing is ever lost."""

from __future__ import annotations

import streamlit as st

from components.auth import require_facilitator
from components.authorship import author_name
from components.common import current_lang, md_escape, page_link, store, tr
from paths.i18n.catalog import t
from paths.model.diff import diff_paths

PATH_PARAM = "path"
_FROM = "_polku_hist_from"
_TO = "_polku_hist_to"
_RESTORE = "_polku_hist_restore"
_DONE = "_polku_hist_done"


def _choose_path(lang: str) -> None:
    titles = {s.id: s.title.get(lang) or s.id for s in store().list_paths()}

    def chosen() -> None:
        value = st.session_state.get("_polku_hist_pick")
        st.session_state["_polku_hist_pick"] = None
        if value:
            st.query_params[PATH_PARAM] = value

    st.selectbox(tr("history_page.choose"), options=list(titles), format_func=titles.get, index=None,
                 key="_polku_hist_pick", on_change=chosen)


def _restore(path_id: str, author: str) -> None:
    version = st.session_state.get(_RESTORE)
    if version is None:
        return
    new = store().restore(path_id, int(version), author)
    st.session_state[_DONE] = (int(version), new)
    st.session_state.pop(_FROM, None)
    st.session_state.pop(_TO, None)


def _versions_table(versions: list) -> None:
    rows = [
        {
            tr("history_page.col.version"): info.version,
            tr("history_page.col.time"): info.created_at.strftime("%Y-%m-%d %H:%M UTC"),
            tr("history_page.col.author"): info.author,
            tr("history_page.col.summary"): info.summary,
        }
        for info in versions
    ]
    st.subheader(tr("history_page.versions", count=len(versions)), anchor=False)
    st.dataframe(rows, hide_index=True, width="stretch", key="_polku_hist_table")


def _compare(path_id: str, numbers: list[int], lang: str) -> None:
    """Any two versions side by side, field by field."""
    st.subheader(tr("history_page.compare"), anchor=False)
    if len(numbers) < 2:
        st.caption(tr("history_page.only_one"))
        return
    if st.session_state.get(_FROM) not in numbers:
        st.session_state[_FROM] = numbers[1]
    if st.session_state.get(_TO) not in numbers:
        st.session_state[_TO] = numbers[0]
    cols = st.columns(2)
    cols[0].selectbox(tr("history_page.from"), options=numbers, key=_FROM,
                      format_func=lambda v: t("history_page.version", lang, version=v))
    cols[1].selectbox(tr("history_page.to"), options=numbers, key=_TO,
                      format_func=lambda v: t("history_page.version", lang, version=v))
    old = store().get_path(path_id, st.session_state[_FROM])
    new = store().get_path(path_id, st.session_state[_TO])
    if old is not None and new is not None:
        diff = diff_paths(old, new)
        st.markdown(tr("history_page.summary", old=st.session_state[_FROM], new=st.session_state[_TO],
                       summary=md_escape(diff.summary(lang))))
        if diff:
            st.dataframe(diff.rows(lang), hide_index=True, width="stretch", key="_polku_hist_diff")


def _restore_panel(path_id: str, numbers: list[int], author: str, lang: str) -> None:
    st.subheader(tr("history_page.restore_heading"), anchor=False)
    older = numbers[1:]
    if not older:
        st.caption(tr("history_page.only_one"))
        return
    st.caption(tr("history_page.restore_hint"))
    cols = st.columns([3, 2], vertical_alignment="bottom")
    cols[0].selectbox(tr("history_page.restore_which"), options=older, index=None, key=_RESTORE,
                      format_func=lambda v: t("history_page.version", lang, version=v))
    cols[1].button(tr("history_page.restore"), icon="⏪", key="_polku_hist_restore_go",
                   disabled=st.session_state.get(_RESTORE) is None,
                   on_click=_restore, args=(path_id, author_name(author)))


def history_page() -> None:
    author = require_facilitator()
    lang = current_lang()
    path_id = st.query_params.get(PATH_PARAM)
    if not path_id:
        st.title(tr("history_page.heading"), anchor=False)
        _choose_path(lang)
        return
    versions = store().history(path_id, lang)
    if not versions:
        st.error(tr("history_page.unknown", id=md_escape(path_id)), icon="⛔")
        _choose_path(lang)
        return
    latest = store().get_path(path_id)
    title = (latest.title.get(lang) if latest else "") or path_id
    st.title(tr("history_page.title", name=md_escape(title)), anchor=False)
    with st.container(horizontal=True):
        page_link("edit", tr("history_page.to_editor"), icon="✏️", path=path_id)
        page_link("path", tr("editor.to_path"), icon="🗺️", path=path_id)
    done = st.session_state.pop(_DONE, None)
    if done:
        st.success(tr("history_page.restored", old=done[0], version=done[1]), icon="✅")
    _versions_table(versions)
    numbers = [info.version for info in versions]
    _compare(path_id, numbers, lang)
    _restore_panel(path_id, numbers, author, lang)
