"""A workshop's notes for reading: grouped by stage and step for the wall, exported as CSV or XLSX.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import UTC
from typing import Any

from paths.formats.cells import cell_text, guard_cell  # the app's one rule for spreadsheet cells
from paths.i18n.catalog import t
from paths.model.graph import walk_order
from paths.model.schema import ServicePath
from paths.workshops.rules import Note, NoteGroup

EXPORT_COLUMNS: tuple[str, ...] = ("step", "stage", "type", "text", "votes", "name", "time")


def group_notes(notes: Iterable[Note], path: ServicePath, lang: str) -> list[NoteGroup]:
    """Notes grouped by stage and step in the path's reading order; notes on removed steps come last."""
    order = {step_id: index for index, step_id in enumerate(walk_order(path))}
    groups: dict[tuple[str, str], NoteGroup] = {}
    for note in notes:
        if note.step_id is not None:
            step = path.step(note.step_id)
            if step is None:
                key = ("other", note.step_id)
                groups.setdefault(key, NoteGroup("other", note.step_id, note.step_id, ""))
            else:
                stage = path.stage(step.stage)
                key = ("step", step.id)
                groups.setdefault(
                    key,
                    NoteGroup(
                        "step", step.id, step.title.get(lang) or step.id, stage.title.get(lang) if stage else step.stage
                    ),
                )
        else:
            stage_id = note.stage_id or ""
            stage = path.stage(stage_id)
            key = ("stage", stage_id) if stage else ("other", stage_id)
            title = (stage.title.get(lang) or stage_id) if stage else stage_id
            groups.setdefault(key, NoteGroup(key[0], stage_id, title, title if stage else ""))
        groups[key].notes.append(note)
    stage_order = path.stage_index()

    def sort_key(item: tuple[tuple[str, str], NoteGroup]) -> tuple[int, int, int]:
        (kind, target), _ = item
        if kind == "stage":
            return (0, stage_order.get(target, 0), -1)
        if kind == "step":
            step = path.step(target)
            return (0, stage_order.get(step.stage, len(stage_order)) if step else 0, order.get(target, len(order)))
        return (1, 0, 0)

    return [group for _, group in sorted(groups.items(), key=sort_key)]


def export_frame(notes: Iterable[Note], path: ServicePath | None, lang: str) -> Any:
    """The notes as a pandas DataFrame with translated headers: step, stage, type, text, votes, name, time."""
    import pandas as pd

    rows = []
    for note in notes:
        step = path.step(note.step_id) if path and note.step_id else None
        stage_id = step.stage if step else note.stage_id
        stage = path.stage(stage_id) if path and stage_id else None
        rows.append(
            [
                (step.title.get(lang) or step.id) if step else (note.step_id or ""),
                (stage.title.get(lang) or stage.id) if stage else (stage_id or ""),
                t(f"workshop.kind.{note.kind}", lang),
                note.text,
                note.votes,
                note.display_name or "",
                note.created_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
            ]
        )
    headers = [t(f"workshop.export.col.{column}", lang) for column in EXPORT_COLUMNS]
    return pd.DataFrame(rows, columns=headers)


def export_csv(notes: Iterable[Note], path: ServicePath | None, lang: str) -> bytes:
    """UTF-8 with a BOM and `;` like Excel in fi/sv locales; every text cell formula-guarded."""
    frame = export_frame(notes, path, lang)
    text_columns = [column for index, column in enumerate(frame.columns) if EXPORT_COLUMNS[index] != "votes"]
    for column in text_columns:
        frame[column] = frame[column].map(guard_cell)
    return ("\ufeff" + frame.to_csv(sep=";", index=False, lineterminator="\r\n")).encode("utf-8")


def export_xlsx(notes: Iterable[Note], path: ServicePath | None, lang: str, title: str = "") -> bytes:
    """One sheet; text cells are explicit strings (never formulas), votes are numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    frame = export_frame(notes, path, lang)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = cell_text(title or "Polku")[:31].translate({ord(c): " " for c in "[]:*?/\\"}) or "Polku"
    sheet.append(list(frame.columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in frame.itertuples(index=False):
        sheet.append([int(v) if EXPORT_COLUMNS[i] == "votes" else cell_text(str(v)) for i, v in enumerate(values)])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFG", (30, 24, 14, 60, 8, 20, 20), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
