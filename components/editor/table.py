"""The table of all steps, and the spreadsheet/YAML transfer section.
"""

from __future__ import annotations

import streamlit as st

from components.common import tr
from components.editor.state import XLSX_MIME, actor_label, apply_edit, stage_label
from paths.editing import edits as editing
from paths.editing.common import EditError
from paths.editing.session import EditSession
from paths.formats.files import MAX_FILE_BYTES, PathFileError, dump_yaml
from paths.formats.spreadsheet import path_from_spreadsheet, to_csv, to_ods, to_xlsx
from paths.i18n.catalog import t
from paths.model.diff import diff_paths
from paths.model.schema import Audience, Channel, ServicePath, StepKind

ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"


def _column_config(path: ServicePath, lang: str) -> dict:
    """The table's columns: their titles, choices and limits."""
    stages = [s.id for s in path.stages]
    actors = [a.id for a in path.actors]
    return {
        "id": st.column_config.TextColumn(tr("editor.field.id"), disabled=True, help=tr("editor.table.id_help")),
        "stage": st.column_config.SelectboxColumn(
            tr("editor.field.stage"), options=stages, required=True, format_func=lambda s: stage_label(path, s, lang)
        ),
        "title": st.column_config.TextColumn(tr("editor.field.title"), required=True, max_chars=300),
        "description": st.column_config.TextColumn(tr("editor.field.description"), max_chars=5000),
        "client_text": st.column_config.TextColumn(tr("editor.field.client_text"), max_chars=5000),
        "actors": st.column_config.MultiselectColumn(
            tr("editor.field.actors"), options=actors, format_func=lambda a: actor_label(path, a, lang),
            help=tr("editor.field.actors_help"),
        ),
        "kind": st.column_config.SelectboxColumn(
            tr("editor.field.kind"), options=[k.value for k in StepKind], required=True,
            format_func=lambda k: t(f"editing.kind.{k}", lang), default=StepKind.action.value,
        ),
        "coordinator": st.column_config.CheckboxColumn(tr("editor.table.coordinator"), default=False),
        "audience": st.column_config.SelectboxColumn(
            tr("editor.field.audience"), options=[a.value for a in Audience], required=True,
            format_func=lambda a: t(f"editing.audience.{a}", lang), default=Audience.everyone.value,
        ),
        "channels": st.column_config.MultiselectColumn(
            tr("editor.field.channels"), options=[c.value for c in Channel],
            format_func=lambda c: t(f"editing.channel.{c}", lang),
        ),
        "next": st.column_config.TextColumn(tr("editor.table.next"), help=tr("editor.table.next_help")),
    }


def table_section(edit: EditSession, lang: str) -> None:
    """Every step as one row; an edited table becomes one edit (`editing.apply_step_table`)."""
    path = edit.path
    st.caption(tr("editor.table.hint"))
    table_key = f"_polku_ed_table_{edit.path_id}_{edit.rev}_{lang}"
    edited = st.data_editor(
        editing.step_table(path, lang),
        key=table_key,
        num_rows="dynamic",
        hide_index=True,
        column_config=_column_config(path, lang),
        width="stretch",
    )
    state = st.session_state.get(table_key) or {}
    if not (state.get("edited_rows") or state.get("added_rows") or state.get("deleted_rows")):
        return
    try:
        new = editing.apply_step_table(path, edited, lang)
    except EditError as exc:
        st.error(exc.message(lang), icon="⛔")
        return
    if new != path and apply_edit(edit, lambda _old: new):
        st.rerun()


def transfer_section(edit: EditSession, lang: str) -> None:
    path = edit.path
    st.caption(tr("editor.transfer.hint"))
    with st.container(horizontal=True):
        # Each file is made only when its button is pressed (a rerun builds none of them).
        st.download_button(tr("editor.transfer.csv"), data=lambda: to_csv(path, lang),
                           file_name=f"{path.id}-{lang}.csv", mime="text/csv", on_click="ignore", icon="⬇️",
                           key="_polku_ed_dl_csv")
        st.download_button(tr("editor.transfer.xlsx"), data=lambda: to_xlsx(path, lang),
                           file_name=f"{path.id}-{lang}.xlsx", mime=XLSX_MIME, on_click="ignore", icon="⬇️",
                           key="_polku_ed_dl_xlsx")
        st.download_button(tr("editor.transfer.ods"), data=lambda: to_ods(path, lang),
                           file_name=f"{path.id}-{lang}.ods", mime=ODS_MIME, on_click="ignore", icon="⬇️",
                           key="_polku_ed_dl_ods")
        st.download_button(tr("editor.transfer.yaml"), data=lambda: dump_yaml(path), file_name=f"{path.id}.yaml",
                           mime="application/yaml", on_click="ignore", icon="⬇️", key="_polku_ed_dl_yaml")
    st.markdown(f"**{tr('editor.transfer.import_heading')}**")
    st.caption(tr("editor.transfer.import_hint"))
    upload = st.file_uploader(tr("editor.transfer.upload"), type=["csv", "xlsx", "ods"],
                              key=f"_polku_ed_upload_{edit.rev}",
                              max_upload_size=max(1, MAX_FILE_BYTES // (1024 * 1024)))
    if upload is not None and st.button(tr("editor.transfer.apply"), key="_polku_ed_upload_apply", icon="📥"):
        try:
            new = path_from_spreadsheet(upload.getvalue(), upload.name, base=path)
        except PathFileError as exc:
            st.error(exc.message(lang), icon="⛔")
            return
        summary = diff_paths(path, new).summary(lang)
        if apply_edit(edit, lambda _old: new):
            edit.say("success", tr("editor.transfer.applied", summary=summary))
            st.rerun()
