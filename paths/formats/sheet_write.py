"""A path to sheet rows and to CSV, XLSX and ODS bytes (the reader is `paths.formats.spreadsheet`).

Every cell goes through `paths.formats.cells`: CSV cells formula-guarded, and in every format the
characters no sheet can hold replaced, so any stored text can be exported.
"""

from __future__ import annotations

import csv
import io

from paths.editing.experience import EXPERIENCE_COLUMNS, experience_cells
from paths.formats.cells import cell_text, sheet_cell
from paths.formats.files import DATA_DIR, load_path_file
from paths.formats.headers import COLUMNS, HEADERS
from paths.formats.sheet_read import column_letter
from paths.formats.sheet_words import YES_NO, _norm, kind_word
from paths.i18n.catalog import normalise_lang
from paths.model.graph import walk_order
from paths.model.schema import ServicePath, Transition
from paths.render.experience import has_experience

TEMPLATE_FILE = DATA_DIR / "templates" / "example.yaml"
TEMPLATE_COLUMNS: tuple[str, ...] = COLUMNS[:-1]


def to_rows(path: ServicePath, lang: str = "fi", *, with_ids: bool = True) -> list[list[str]]:
    """The header row and one row per step (in reading order), texts in `lang`."""
    lang = normalise_lang(lang)
    columns = COLUMNS if with_ids else TEMPLATE_COLUMNS
    if with_ids and any(has_experience(step) for step in path.steps):
        columns = (*COLUMNS[:-1], *EXPERIENCE_COLUMNS, COLUMNS[-1])
    names = {}
    title_count: dict[str, int] = {}
    for step in path.steps:
        title_count[_norm(step.title.get(lang))] = title_count.get(_norm(step.title.get(lang)), 0) + 1
    all_ids = {_norm(step.id) for step in path.steps}
    for step in path.steps:
        title = step.title.get(lang)
        key = _norm(title)
        usable = (
            key and title_count[key] == 1 and ";" not in title and ":" not in title
            and (key not in all_ids or key == _norm(step.id))
        )
        names[step.id] = title if usable or not with_ids else step.id
    yes, no = YES_NO[lang]
    outgoing: dict[str, list[Transition]] = {}
    for transition in path.transitions:
        outgoing.setdefault(transition.source, []).append(transition)
    rows = [[HEADERS[lang][column] for column in columns]]
    for step_id in walk_order(path):
        step = path.step(step_id)
        stage = path.stage(step.stage)
        nexts = []
        for transition in outgoing.get(step.id, []):
            target = names.get(transition.target, transition.target)
            label = transition.condition.get(lang).replace(";", ",")
            nexts.append(f"{label}: {target}" if label else target)
        actor_names = []
        for actor_id in step.actors:
            actor = path.actor(actor_id)
            actor_names.append((actor.name.get(lang) if actor else "") or actor_id)
        values = {
            "stage": stage.title.get(lang) if stage and stage.title else step.stage,
            "step": step.title.get(lang) or step.id,
            "description": step.description.get(lang),
            "client_text": step.client_text.get(lang),
            "actors": "; ".join(name.replace(";", ",") for name in actor_names),
            "kind": kind_word(step.kind, lang),
            "coordinator": yes if step.coordinator else no,
            "next": "; ".join(nexts),
            "id": step.id,
        } | experience_cells(step, lang)
        rows.append([values[column] for column in columns])
    return rows


def rows_to_csv(rows: list[list[str]]) -> bytes:
    """UTF-8 with a BOM (so Excel reads ä and ö), `;`-separated like Excel in fi/sv locales."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([sheet_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def rows_to_xlsx(rows: list[list[str]], sheet_title: str = "Polku") -> bytes:
    """One sheet; every cell an explicit string so that nothing is ever stored as a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = cell_text(sheet_title or "Polku")[:31].translate({ord(c): " " for c in "[]:*?/\\"}) or "Polku"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = cell_text(value)
            cell.data_type = "s"
            if r == 1:
                cell.font = Font(bold=True)
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = {0: 24, 1: 30, 2: 40, 3: 40, 4: 28, 5: 16, 6: 14, 7: 40, 8: 24}
    for c in range(len(rows[0]) if rows else 0):
        sheet.column_dimensions[column_letter(c)].width = widths.get(c, 20)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rows_to_ods(rows: list[list[str]], sheet_title: str = "Polku") -> bytes:
    from paths.formats.ods import write_ods

    return write_ods(rows, cell_text(sheet_title or "Polku")[:31] or "Polku")


def to_csv(path: ServicePath, lang: str = "fi") -> bytes:
    return rows_to_csv(to_rows(path, lang))


def to_xlsx(path: ServicePath, lang: str = "fi") -> bytes:
    return rows_to_xlsx(to_rows(path, lang), path.title.get(lang))


def to_ods(path: ServicePath, lang: str = "fi") -> bytes:
    return rows_to_ods(to_rows(path, lang), path.title.get(lang))


def template_path() -> ServicePath:
    """The template's fictional example (`data/templates/example.yaml`): a branch, light bulbs, an end."""
    return load_path_file(TEMPLATE_FILE)


def template_csv(lang: str = "fi") -> bytes:
    return rows_to_csv(to_rows(template_path(), lang, with_ids=False))


def template_xlsx(lang: str = "fi") -> bytes:
    lang = normalise_lang(lang)
    example = template_path()
    return rows_to_xlsx(to_rows(example, lang, with_ids=False), example.title.get(lang))


def template_ods(lang: str = "fi") -> bytes:
    lang = normalise_lang(lang)
    example = template_path()
    return rows_to_ods(to_rows(example, lang, with_ids=False), example.title.get(lang))
