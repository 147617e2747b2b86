"""The workshop report read back (PDF with pypdf, XLSX with openpyxl), the promotion of a note to a pain point,
the portfolio and its XLSX, on a real SQLite store."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from paths.analytics.portfolio import filter_items, portfolio_items, portfolio_rows
from paths.analytics.xlsx import workbook
from paths.store.library import Store, get_store
from paths.workshops.promote import promote_note
from paths.workshops.report import build_report, report_html, report_pdf, report_xlsx
from paths.workshops.workshop import WorkshopStore
from tests.support.factories import branching_path

HOSTILE = "=HYPERLINK(\"x\") <b>lihava</b>"
A_TOKEN, B_TOKEN = "participant-a-0123456789", "participant-b-0123456789"


@pytest.fixture
def store(sqlite_url: str) -> Store:
    store = get_store(sqlite_url)
    store.save_path(branching_path(), "Fasilitaattori")
    return store


def workshop_with_notes(store: Store):
    """Two participants, four notes (one promoted, one declined, one open question), votes."""
    workshops = WorkshopStore(store)
    workshop = workshops.open_workshop("testipolku", "Fasilitaattori", audience="professional")
    pain = workshops.add_note(workshop.id, A_TOKEN, "problem", "Odotus on pitkä", step_id="tarve")
    idea = workshops.add_note(workshop.id, B_TOKEN, "idea", HOSTILE, step_id="kokous")
    question = workshops.add_note(workshop.id, B_TOKEN, "question", "Kuka soittaa?", stage_id="yhteys")
    declined = workshops.add_note(workshop.id, A_TOKEN, "praise", "Hyvä kokous", step_id="kokous")
    workshops.vote(workshop.id, A_TOKEN, note_id=idea.id)
    workshops.vote(workshop.id, B_TOKEN, note_id=idea.id)
    workshops.vote(workshop.id, B_TOKEN, step_id="tarve")
    workshops.set_done(declined.id)
    return workshops, workshop, pain, idea, question


def test_promotion_saves_a_new_version_and_marks_the_note(store: Store) -> None:
    workshops, workshop, pain, *_ = workshop_with_notes(store)
    version = promote_note(store, pain, "pain_points", author="Fasilitaattori", lang="fi")
    assert version == 2
    assert [p.fi for p in store.get_path("testipolku").step("tarve").pain_points] == ["Odotus on pitkä"]
    assert next(n for n in workshops.notes(workshop.id) if n.id == pain.id).turned_into_edit
    assert promote_note(store, pain, "pain_points", author="Fasilitaattori", lang="fi") is None  # no duplicate
    assert store.latest_version("testipolku") == 2


def test_report_pdf_is_tagged_in_the_workshops_language_and_says_everything(store: Store) -> None:
    workshops, workshop, pain, idea, _ = workshop_with_notes(store)
    promote_note(store, pain, "pain_points", author="Fasilitaattori", lang="en")
    workshops.close(workshop.id)
    report = build_report(workshops, workshops.get(workshop.id), "en")
    assert report.participants == 2 and len(report.notes) == 4
    assert [n.id for n in report.top_notes()] == [idea.id]
    html = report_html(report)
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">") and "<b>lihava</b>" not in html
    reader = PdfReader(io.BytesIO(report_pdf(report)))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/Lang"] == "en"
    assert catalog["/MarkInfo"]["/Marked"]
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for expected in ("Workshop report: Test path", "Participants 2", "Notes 4", "Notes by stage",
                     "Most-voted notes and suggestions", "Accepted (turned into an edit)", "Odotus on pitkä",
                     "Declined (dealt with, no edit)", "Hyvä kokous", "Open questions", "Kuka soittaa?",
                     "Pain points and opportunities collected", "The path's figures before and after",
                     "Pain points 0 1 +1"):
        assert expected in text, expected
    finnish = PdfReader(io.BytesIO(report_pdf(build_report(workshops, workshops.get(workshop.id), "fi"))))
    assert finnish.trailer["/Root"]["/Lang"] == "fi"


def test_report_xlsx_reads_back_with_formulas_kept_as_text(store: Store) -> None:
    workshops, workshop, *_ = workshop_with_notes(store)
    book = load_workbook(io.BytesIO(report_xlsx(build_report(workshops, workshop, "en"))))
    assert book.sheetnames[:3] == ["Summary", "Notes by stage", "Notes by step"]
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Participants"] == 2 and summary["Notes"] == 4 and summary["Open questions"] == 1
    top = book.worksheets[5]
    assert top.title == "Most-voted notes and suggestion"  # Excel allows 31 characters
    assert top.cell(row=2, column=4).value == HOSTILE and top.cell(row=2, column=4).data_type == "s"
    assert top.cell(row=2, column=3).value == 2  # votes stay numbers
    by_kind = {row[0]: row[1] for row in book["Notes by type"].iter_rows(min_row=2, values_only=True)}
    assert by_kind == {"Idea": 1, "Problem": 1, "Question": 1, "Praise": 1}


def test_portfolio_lists_filters_and_exports(store: Store) -> None:
    workshops, workshop, pain, idea, _ = workshop_with_notes(store)
    promote_note(store, pain, "pain_points", author="F", lang="fi")
    promote_note(store, idea, "opportunities", author="F", lang="fi")
    path = store.get_path("testipolku")
    items = portfolio_items([path], {"testipolku": workshops.step_votes(workshop.id)}, "fi")
    assert [(i.kind, i.step_id, i.votes) for i in items] == [("pain_point", "tarve", 1), ("opportunity", "kokous", 0)]
    assert [i.step_id for i in filter_items(items, stages=["Verkosto"])] == ["kokous"]
    assert [i.step_id for i in filter_items(items, actors=["Sote"], kinds=["pain_point"])] == ["tarve"]
    assert filter_items(items, paths=["muu"]) == []
    book = load_workbook(io.BytesIO(workbook([("Portfolio", portfolio_rows(items, "en"))])))
    sheet = book["Portfolio"]
    assert [c.value for c in sheet[1]] == ["Path", "Stage", "Step", "Actors", "Type", "Text", "Votes", "Backing",
                                           "Source"]
    assert sheet.cell(row=3, column=6).value == HOSTILE and sheet.cell(row=3, column=6).data_type == "s"
