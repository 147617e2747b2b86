"""The new-path dialog's file import, beyond YAML: spreadsheets (CSV, XLSX, ODS) with a column-
mapping step when a header is unknown, and BPMN 2.0 with the report of what was not mapped.

Hooked into the editor's new-path panel with a few lines: `UPLOAD_TYPES` for its uploader,
`mapping_step(upload, lang)` right after the uploader, `read_upload(...)` when Create is pressed,
and `report_flash(...)` to show the BPMN report with the result. A mapping chosen for a sheet is
remembered (this session) for the next sheet with the same header row.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd
import streamlit as st

from components.common import md_escape, tr
from paths.formats.bpmn import read_bpmn
from paths.formats.files import PathFileError
from paths.formats.sheet_mapping import SheetPreview, column_choices, column_words, preview_sheet
from paths.formats.spreadsheet import path_from_spreadsheet
from paths.i18n.catalog import t
from paths.model.schema import ServicePath

UPLOAD_TYPES = ["csv", "xlsx", "ods", "bpmn"]
MAPPINGS = "_polku_sheet_mappings"  # shape of a header row → {column index: chosen column}
REPORT = "_polku_import_report"


def _is_bpmn(name: str) -> bool:
    return name.lower().endswith((".bpmn", ".bpmn2", ".xml"))


def _choice_key(preview: SheetPreview, index: int) -> str:
    digest = hashlib.sha256("\x1f".join(preview.shape).encode()).hexdigest()[:12]
    return f"_polku_map_{digest}_{index}"


def _remember(preview: SheetPreview) -> None:
    chosen = {i: st.session_state.get(_choice_key(preview, i)) for i in preview.unknown}
    st.session_state.setdefault(MAPPINGS, {})[preview.shape] = chosen


def mapping_step(upload: Any, lang: str) -> None:
    """For a sheet with unknown headers: a list per unknown column and the first rows; for BPMN,
    nothing yet (the report comes with the result)."""
    if upload is None:
        st.caption(tr("formats.upload.kinds"))
        return
    if _is_bpmn(upload.name):
        return
    try:
        preview = preview_sheet(upload.getvalue(), upload.name)
    except PathFileError as exc:
        st.error(exc.message(lang), icon="⛔")
        return
    if not preview.unknown:
        return
    remembered = st.session_state.get(MAPPINGS, {}).get(preview.shape, {})
    with st.container(border=True, key="_polku_mapping_step"):
        st.markdown(f"**{tr('formats.mapping.heading')}**")
        st.caption(tr("formats.mapping.hint") + (" " + tr("formats.mapping.remembered") if remembered else ""))
        options = column_choices(lang)
        for index in preview.unknown:
            default = remembered.get(index) or "-"
            st.selectbox(
                tr("formats.mapping.column", header=preview.header[index].strip()), options=options,
                index=options.index(default) if default in options else 0,
                format_func=lambda c: tr("formats.mapping.skip") if c == "-" else column_words(c, lang),
                key=_choice_key(preview, index), on_change=_remember, args=(preview,),
            )
        _remember(preview)
        st.caption(tr("formats.mapping.preview", count=len(preview.rows)))
        frame = pd.DataFrame(preview.rows, columns=[h.strip() or f"({i + 1})" for i, h in enumerate(preview.header)])
        st.dataframe(frame, hide_index=True, key="_polku_mapping_preview")


def read_upload(upload: Any, path_id: str, title: str, lang: str) -> ServicePath:
    """The uploaded file as a new path (a `PathFileError` sentence when it cannot be)."""
    data, name = upload.getvalue(), upload.name
    st.session_state.pop(REPORT, None)
    if _is_bpmn(name):
        result = read_bpmn(data, name, path_id=path_id, lang=lang)
        lines = result.report(lang)
        st.session_state[REPORT] = (t("formats.bpmn.report_heading", lang, count=len(lines)), lines) if lines \
            else (t("formats.bpmn.report_none", lang), [])
        path = result.path
        return path.model_copy(update={"title": path.title.model_copy(update={lang: title})}) if title else path
    preview = preview_sheet(data, name)
    chosen = st.session_state.get(MAPPINGS, {}).get(preview.shape, {})
    mapping = preview.mapping_from({i: c for i, c in chosen.items() if c}) if preview.unknown else None
    return path_from_spreadsheet(data, name, path_id=path_id, title=title, mapping=mapping)


def report_flash(flash: list[tuple[str, str]]) -> None:
    """Put the BPMN report into the editor's messages for the path just created (shown with it)."""
    report = st.session_state.pop(REPORT, None)
    if report:
        heading, lines = report
        # Names from the file are user text: escaped, as the editor shows its messages as Markdown.
        flash.append(("info", "\n".join([md_escape(heading), *(f"- {md_escape(line)}" for line in lines)])))
