"""Fuzzing the text fields of the writers that run external programs or build files: SVG (XML, from
the real `dot`), the PDF worksheet and the personal PDF (WeasyPrint), the workshop notes' CSV and
XLSX, the path's XLSX."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from hypothesis import event, given, settings
from openpyxl import load_workbook
from pydantic import ValidationError
from pypdf import PdfReader

from paths.formats.cells import FORMULA_STARTS, unguard
from paths.formats.spreadsheet import to_xlsx
from paths.model.schema import ServicePath
from paths.personal.model import PersonalDataError, PersonalFill, StepEntry
from paths.personal.pdf import blank_worksheet, personal_pdf
from paths.personal.store import PersonalStore
from paths.render.image import render_path
from paths.workshops.rules import Note, WorkshopError, clean_note_text
from paths.workshops.wall import export_csv, export_xlsx
from tests.fuzz.scale import READER_EXAMPLES, SLOW_WRITER_EXAMPLES
from tests.fuzz.strategies import hostile_text, path_data, storable_text

pytestmark = pytest.mark.timeout(900)
SVG = "{http://www.w3.org/2000/svg}"


def _valid_path(data: dict) -> ServicePath | None:
    try:
        return ServicePath.model_validate(data)
    except ValueError:
        return None


@settings(max_examples=SLOW_WRITER_EXAMPLES)
@given(data=path_data(storable_text))
def test_svg_is_well_formed_xml_without_script_or_handlers(data: dict) -> None:
    path = _valid_path(data)
    if path is None:
        return
    for audience in ("professional", "client"):
        root = ET.fromstring(render_path(path, "svg", "fi", audience))  # noqa: S314 - our own dot's output
        for element in root.iter():
            assert element.tag not in (f"{SVG}script", f"{SVG}foreignObject"), element.tag
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), name
                if name.endswith("href"):
                    assert value.startswith(("https://", "http://", "mailto:", "#")), value


@settings(max_examples=max(5, SLOW_WRITER_EXAMPLES // 2))
@given(data=path_data(storable_text))
def test_pdf_worksheet_has_no_script_and_reads_back(data: dict) -> None:
    path = _valid_path(data)
    if path is None:
        return
    pdf = blank_worksheet(path, "fi", fillable=True)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    assert b"/JavaScript" not in pdf and b"/JS " not in pdf and b"/Launch" not in pdf
    assert all(isinstance(page.extract_text(), str) for page in reader.pages)


def _note(text: str, name: str | None) -> Note:
    return Note(id=1, workshop_id=1, path_id="fuzz", step_id=None, stage_id=None, kind="idea", text=text,
                display_name=name, created_at=datetime(2026, 1, 1, tzinfo=UTC), done=False, turned_into_edit=False)


@settings(max_examples=max(100, READER_EXAMPLES // 5))
@given(text=hostile_text, name=hostile_text)
def test_workshop_notes_export_to_csv_and_xlsx_that_read_back(text: str, name: str) -> None:
    try:
        note = _note(clean_note_text(text), clean_note_text(name) if name.strip() else None)
    except WorkshopError as exc:
        assert exc.message("fi") and "\n" not in exc.message("fi")
        return
    rows = list(csv.reader(io.StringIO(export_csv([note], None, "fi").decode("utf-8-sig")), delimiter=";"))
    cell = rows[1][3]
    assert not cell.startswith(FORMULA_STARTS) and unguard(cell) == note.text
    sheet = load_workbook(io.BytesIO(export_xlsx([note], None, "fi", title=note.display_name or ""))).active
    assert sheet.cell(2, 4).value == note.text and sheet.cell(2, 4).data_type == "s"


@settings(max_examples=max(100, READER_EXAMPLES // 5))
@given(data=path_data(storable_text))
def test_path_xlsx_export_holds_no_formula(data: dict) -> None:
    path = _valid_path(data)
    if path is None:
        return
    sheet = load_workbook(io.BytesIO(to_xlsx(path, "fi"))).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value


@pytest.fixture(scope="module")
def personal_store(tmp_path_factory: pytest.TempPathFactory) -> PersonalStore:
    return PersonalStore(f"sqlite:///{tmp_path_factory.mktemp('fuzz-personal') / 'personal.db'}")


@settings(max_examples=max(5, SLOW_WRITER_EXAMPLES // 2))
@given(data=path_data(storable_text), note=hostile_text, goals=hostile_text, name=hostile_text)
def test_personal_pdf_of_hostile_texts_reads_back(personal_store: PersonalStore, data: dict, note: str, goals: str,
                                                  name: str) -> None:
    """The client's own texts and the path's: stored (or one sentence), then the personal PDF is made."""
    path = _valid_path(data)
    if path is None:
        return
    try:
        personal, _ = personal_store.create(path, 1, owner="Fasilitaattori", display_name=name or "x", lang="fi")
        fill = PersonalFill(goals=goals, entries={path.steps[0].id: StepEntry(note=note)})
        personal_store.save_fill(personal.id, fill, "client")
    except (PersonalDataError, ValidationError) as exc:
        assert str(exc)
        return
    pdf = personal_pdf(personal_store.get(personal.id), 1)
    assert b"/JavaScript" not in pdf and PdfReader(io.BytesIO(pdf)).pages
    event("personal PDF made")
