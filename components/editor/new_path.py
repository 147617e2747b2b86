"""A new path: blank, a copy of another, or from a spreadsheet; or open an existing one.

`new_path_dialog(lang)` is the dialog. The ways to make a path are listed in `CREATE_MODES` and each
has a `_fields_*` (what the dialog asks) and a `_make_*` (the path it makes, or an error sentence): a
new way (e.g. an import) is one entry in `MODE_FIELDS` and `MODE_MAKERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from components import import_mapping
from components.common import store, tr
from components.editor.state import PATH_PARAM, XLSX_MIME, sessions, start_new
from paths.formats.files import MAX_FILE_BYTES, PathFileError
from paths.formats.spreadsheet import template_csv, template_xlsx
from paths.i18n.catalog import t
from paths.model.ids import is_path_id, slugify
from paths.model.schema import ServicePath, Stage, Status


def _open_chosen() -> None:
    chosen = st.session_state.get("_polku_ed_open")
    st.session_state["_polku_ed_open"] = None
    if chosen:
        st.query_params[PATH_PARAM] = chosen


def _fields_blank(lang: str, titles: dict[str, str]) -> Any:
    return None


def _fields_copy(lang: str, titles: dict[str, str]) -> Any:
    return st.selectbox(tr("editor.new.copy_of"), options=list(titles), format_func=titles.get, index=None,
                        key="_polku_ed_copy_of")


def _fields_sheet(lang: str, titles: dict[str, str]) -> Any:
    st.caption(tr("editor.new.sheet_hint"))
    with st.container(horizontal=True):
        st.download_button(tr("editor.new.template_csv"), data=template_csv(lang), file_name=f"polku-{lang}.csv",
                           mime="text/csv", on_click="ignore", icon="⬇️", key="_polku_ed_tpl_csv")
        st.download_button(tr("editor.new.template_xlsx"), data=template_xlsx(lang),
                           file_name=f"polku-{lang}.xlsx", mime=XLSX_MIME, on_click="ignore", icon="⬇️",
                           key="_polku_ed_tpl_xlsx")
    upload = st.file_uploader(tr("editor.transfer.upload"), type=import_mapping.UPLOAD_TYPES,
                              key="_polku_ed_new_upload", max_upload_size=max(1, MAX_FILE_BYTES // (1024 * 1024)))
    import_mapping.mapping_step(upload, lang)
    return upload


def _make_blank(path_id: str, title: str, lang: str, given: Any) -> ServicePath | str:
    first = Stage(id="stage-1", title={lang: tr("editor.new.first_stage")})
    return ServicePath(id=path_id, title={lang: title}, source_language=lang, stages=[first])


def _make_copy(path_id: str, title: str, lang: str, given: Any) -> ServicePath | str:
    original = store().get_path(given) if given else None
    if original is None:
        return tr("editor.new.need_source")
    return original.model_copy(update={
        "id": path_id, "status": Status.draft, "title": original.title.model_copy(update={lang: title}),
    })


def _make_sheet(path_id: str, title: str, lang: str, given: Any) -> ServicePath | str:
    if given is None:
        return tr("editor.new.need_file")
    try:
        return import_mapping.read_upload(given, path_id, title, lang)
    except PathFileError as exc:
        return exc.message(lang)


CREATE_MODES: tuple[str, ...] = ("blank", "copy", "sheet")
MODE_FIELDS: dict[str, Callable[[str, dict[str, str]], Any]] = {
    "blank": _fields_blank, "copy": _fields_copy, "sheet": _fields_sheet,
}
MODE_MAKERS: dict[str, Callable[[str, str, str, Any], ServicePath | str]] = {
    "blank": _make_blank, "copy": _make_copy, "sheet": _make_sheet,
}


def _id_problem(title: str, path_id: str) -> str | None:
    if not title:
        return tr("editor.new.need_title")
    if not is_path_id(path_id):
        return tr("editor.new.bad_id", id=path_id)
    if store().latest_version(path_id) is not None or path_id in sessions():
        return tr("editor.save.id_taken", id=path_id)
    return None


def new_path_dialog(lang: str) -> None:
    """Open an existing path, or make a new one in one of the `CREATE_MODES`."""
    st.header(tr("editor.new.heading"), anchor=False)
    titles = {s.id: s.title.get(lang) or s.id for s in store().list_paths()}
    st.selectbox(tr("editor.new.open_existing"), options=list(titles), format_func=titles.get, index=None,
                 key="_polku_ed_open", on_change=_open_chosen)
    st.subheader(tr("editor.new.create"), anchor=False)
    mode = st.radio(tr("editor.new.how"), options=CREATE_MODES, format_func=lambda m: t(f"editor.new.mode.{m}", lang),
                    key="_polku_ed_new_mode", horizontal=True)
    title = st.text_input(tr("editor.new.title"), key="_polku_ed_new_title", max_chars=300)
    path_id = st.text_input(tr("editor.new.id"), key="_polku_ed_new_id", max_chars=64,
                            placeholder=slugify(title, "") if title else "", help=tr("editor.new.id_help"))
    path_id = (path_id or slugify(title, "")).strip()
    given = MODE_FIELDS[mode](lang, titles)
    if not st.button(tr("editor.new.go"), type="primary", icon="✨", key="_polku_ed_create"):
        return
    problem = _id_problem(title.strip(), path_id)
    made = MODE_MAKERS[mode](path_id, title.strip(), lang, given) if problem is None else problem
    if isinstance(made, str):
        st.error(made, icon="⛔")
        return
    start_new(made)
    import_mapping.report_flash(sessions()[made.id].flash)
    st.rerun()
