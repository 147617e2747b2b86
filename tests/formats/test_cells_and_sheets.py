"""The one cell rule for every sheet writer, header synonyms and mapping, ODS, and the hardening
items of issue 15 that live in the spreadsheet reader (wide CSV header, sparse XLSX, two steps with
the same title, the formula guard, control characters in exports)."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from paths.formats.cells import FORMULA_STARTS, cell_text, guard_formula, sheet_cell, unguard
from paths.formats.headers import header_key, match_headers, shape_key
from paths.formats.ods import write_ods
from paths.formats.sheet_read import MAX_COLUMNS, SpreadsheetError, read_cells
from paths.formats.spreadsheet import (
    SpreadsheetMappingNeeded,
    path_from_spreadsheet,
    template_ods,
    to_csv,
    to_ods,
    to_rows,
    to_xlsx,
)
from paths.model.schema import LocalText, StepKind
from paths.workshops import rules, wall
from tests.support.factories import branching_path

HANG_BOUND_S = 20  # generous: a hang is a failure, speed is measured in bench/


def summary(path):  # noqa: ANN001, ANN201 - test helper
    steps = {s.id: (path.stage(s.stage).title.fi, s.title.get("fi"), s.kind, s.coordinator, tuple(s.actors))
             for s in path.steps}
    return steps, {(t.source, t.target, t.condition.get("fi")) for t in path.transitions}


def with_text(path, step_id: str, **texts: str):  # noqa: ANN001, ANN201 - test helper
    return path.model_copy(update={"steps": [
        s.model_copy(update={k: LocalText.model_construct(fi=v) for k, v in texts.items()}) if s.id == step_id else s
        for s in path.steps
    ]})


# -- the one formula guard ---------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_one_guard_covers_every_formula_start(start: str) -> None:
    assert guard_formula(start + "1+1") == "'" + start + "1+1"
    assert unguard(guard_formula(start + "1+1")) == start + "1+1"
    assert guard_formula("ok " + start) == "ok " + start


@pytest.mark.parametrize("text", ["'=x", "''=x", "'", "'ok", "'-'", "=1+1", "plain", ""])
def test_the_guard_is_undone_exactly_whatever_the_text_starts_with(text: str) -> None:
    """Found by the fuzzer: a title `'=x` came back as `=x` (its own apostrophe was taken for the guard)."""
    assert unguard(guard_formula(text)) == text
    assert not guard_formula(text).startswith(FORMULA_STARTS)


def test_workshop_export_uses_the_same_guard() -> None:
    assert wall.guard_cell is sheet_cell
    assert wall.guard_cell("\tx") == "'\tx" and wall.guard_cell("\rx") == "'\rx"
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}


def test_csv_export_guards_tab_and_carriage_return_too() -> None:
    # Texts are stripped when stored; the guard must hold for what a writer is given all the same.
    rows = [["vaihe", "askel", "seuraava"], ["\t=cmd", "\r@x", ""]]
    from paths.formats.spreadsheet import rows_to_csv

    text = rows_to_csv(rows).decode("utf-8-sig")
    assert "'\t=cmd" in text and "'\r@x" in text


# -- control characters: every export writes every storable text --------------------------------


# What a text stored before the text rule (paths/model/text_rules.py) may still hold: the writers take it.
NASTY = "Rivi\x0byksi\x00kaksi\x01\x1f loppu"


def test_cell_text_drops_what_no_sheet_can_hold() -> None:
    assert cell_text(NASTY) == "Rivi\nyksikaksi loppu"
    assert cell_text("a\ud800b") == "ab"
    assert cell_text("tab\tand\nnewline") == "tab\tand\nnewline"


def test_xlsx_csv_and_ods_exports_accept_control_characters() -> None:
    path = with_text(branching_path(), "tarve", description=NASTY)
    path = path.model_copy(update={"title": LocalText.model_construct(fi="Otsikko\x0bkaksi\x01")})
    assert "\x0b" in path.step("tarve").description.fi  # as an old stored version could hold it
    workbook = load_workbook(io.BytesIO(to_xlsx(path, "fi")))
    values = [c.value for row in workbook.active.iter_rows() for c in row]
    assert "Rivi\nyksikaksi loppu" in values
    back = path_from_spreadsheet(to_csv(path, "fi"), "p.csv")
    assert back.step("tarve").description.fi == "Rivi\nyksikaksi loppu"
    ods_back = path_from_spreadsheet(to_ods(path, "fi"), "p.ods")
    assert ods_back.step("tarve").description.fi == "Rivi\nyksikaksi loppu"


def test_workshop_xlsx_export_accepts_a_vertical_tab() -> None:
    from datetime import UTC, datetime

    note = rules.Note(id=1, workshop_id=1, path_id="p", step_id=None, stage_id=None, kind="idea",
                         text="a\x0bb\x00c", display_name=None, created_at=datetime.now(UTC), done=False,
                         turned_into_edit=False)
    data = wall.export_xlsx([note], None, "fi", title="Työpaja\x0bkaksi")
    assert "\x0b" not in wall.export_csv([note], None, "fi").decode("utf-8-sig")
    cells = [c.value for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row]
    assert "a\nbc" in cells


# -- header synonyms and mapping ---------------------------------------------------------------


def test_header_key_ignores_case_accents_spaces_and_punctuation() -> None:
    assert header_key("  Seuraava-ASKEL! ") == header_key("seuraava_askel") == "seuraava askel"
    assert header_key("Nästa") == header_key("nasta")


@pytest.mark.parametrize(("header", "lang"), [
    (["Palveluvaihe", "Tehtävä", "Jatko", "Vastuutaho", "Lisätiedot"], "fi"),
    (["Skede", "Aktivitet", "Följande", "Ansvarig", "Förklaring"], "sv"),
    (["Phase", "Task", "Then", "Responsible", "Details"], "en"),
])
def test_everyday_words_match_in_each_language(header: list[str], lang: str) -> None:
    match = match_headers(header)
    assert match.columns == {"stage": 0, "step": 1, "next": 2, "actors": 3, "description": 4}
    assert match.lang == lang and not match.unknown


def test_an_unknown_header_asks_for_a_mapping_and_a_mapping_reads_it() -> None:
    data = "Vaihe;Askel;Seuraava;Huomioita\r\nA;Yksi;Kaksi;tärkeä\r\nA;Kaksi;;\r\n".encode()
    with pytest.raises(SpreadsheetMappingNeeded) as info:
        path_from_spreadsheet(data, "p.csv")
    assert info.value.unknown == [3] and info.value.header[3] == "Huomioita"
    assert "--map" in info.value.message("en")
    path = path_from_spreadsheet(data, "p.csv", mapping={"Huomioita": "description"})
    assert path.step("yksi").description.fi == "tärkeä"
    skipped = path_from_spreadsheet(data, "p.csv", mapping={"huomioita": "-"})
    assert not skipped.step("yksi").description


def test_shape_key_is_the_same_for_the_same_headers_written_differently() -> None:
    assert shape_key(["Vaihe", "ASKEL", "Huomioita"]) == shape_key(["vaihe", "askel", "huomioita!"])
    assert shape_key(["Vaihe", "Askel"]) != shape_key(["Askel", "Vaihe"])


# -- ODS -------------------------------------------------------------------------------------


def test_ods_round_trip_keeps_the_path() -> None:
    path = branching_path()
    back = path_from_spreadsheet(to_ods(path, "fi"), "p.ods")
    assert summary(back) == summary(path)


def test_ods_template_reads_back() -> None:
    path = path_from_spreadsheet(template_ods("sv"), "mall.ods")
    assert path.source_language == "sv" and path.steps


def test_ods_formula_is_refused_naming_the_row() -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        '<table:table table:name="x"><table:table-row>'
        + "".join(f'<table:table-cell office:value-type="string"><text:p>{h}</text:p></table:table-cell>'
                  for h in ("vaihe", "askel", "seuraava"))
        + '</table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>A</text:p>'
        '</table:table-cell><table:table-cell table:formula="of:=1+1" office:value-type="float" office:value="2">'
        "<text:p>2</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    with pytest.raises(SpreadsheetError) as info:
        path_from_spreadsheet(buffer.getvalue(), "f.ods")
    assert info.value.key == "formula" and info.value.params["row"] == 2


def test_ods_with_a_million_repeated_empty_rows_is_read_quickly() -> None:
    data = write_ods([["vaihe", "askel", "seuraava"], ["A", "Yksi", ""]])
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        content = source.read("content.xml").decode()
    filler = '<table:table-row table:number-rows-repeated="1048570"><table:table-cell ' \
             'table:number-columns-repeated="16384"/></table:table-row>'
    content = content.replace("</table:table>", filler + "</table:table>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    started = time.monotonic()
    path = path_from_spreadsheet(buffer.getvalue(), "big.ods")
    assert time.monotonic() - started < HANG_BOUND_S
    assert [s.title.fi for s in path.steps] == ["Yksi"]


def test_a_broken_ods_is_one_sentence() -> None:
    with pytest.raises(SpreadsheetError) as info:
        read_cells(b"PK\x03\x04 broken", "x.ods")
    assert info.value.key == "bad_ods"


# -- issue 15 item 3: a wide CSV header --------------------------------------------------------


def test_a_wide_csv_header_with_empty_lines_is_linear() -> None:
    data = ("vaihe;askel;seuraava" + ";" * 100_000 + "\n" + "\n" * 100_000 + "A;Yksi;\n").encode()
    started = time.monotonic()
    with pytest.raises(SpreadsheetError) as info:
        path_from_spreadsheet(data, "wide.csv")
    assert time.monotonic() - started < HANG_BOUND_S
    assert info.value.key in ("empty_row", "too_many_rows")


def test_a_wide_csv_header_without_gaps_is_read() -> None:
    data = ("vaihe;askel;seuraava" + ";" * 20_000 + "\nA;Yksi;\n").encode()
    assert path_from_spreadsheet(data, "wide.csv").step("yksi") is not None


def test_data_past_the_header_is_an_unnamed_column() -> None:
    data = ("vaihe;askel;seuraava\nA;Yksi;" + ";" * 5000 + "x\n").encode()
    with pytest.raises(SpreadsheetError) as info:
        path_from_spreadsheet(data, "p.csv")
    assert info.value.key == "unnamed_column"


def test_a_header_wider_than_the_limit_is_refused() -> None:
    header = ";".join(["vaihe", "askel", "seuraava"] + [f"x{i}" for i in range(MAX_COLUMNS)])
    with pytest.raises(SpreadsheetError) as info:
        path_from_spreadsheet((header + "\nA;B;\n").encode(), "p.csv")
    assert info.value.key == "too_many_columns"


# -- issue 15 item 4: a sparse XLSX ------------------------------------------------------------


def sparse_xlsx(*cells: tuple[str, str]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["vaihe", "askel", "seuraava"])
    sheet.append(["A", "Yksi", ""])
    for ref, value in cells:
        sheet[ref] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_sparse_xlsx_is_refused_before_it_is_padded() -> None:
    data = sparse_xlsx(("XFD3", "x"), ("A20006", "y"))
    assert len(data) < 10_000
    started = time.monotonic()
    with pytest.raises(SpreadsheetError) as info:
        path_from_spreadsheet(data, "sparse.xlsx")
    assert time.monotonic() - started < HANG_BOUND_S
    assert info.value.key == "too_many_columns"


def test_a_far_away_row_is_an_empty_row_error_not_a_hang() -> None:
    started = time.monotonic()
    with pytest.raises(SpreadsheetError) as info:
        path_from_spreadsheet(sparse_xlsx(("A15000", "y")), "sparse.xlsx")
    assert time.monotonic() - started < HANG_BOUND_S
    assert info.value.key in ("empty_row", "too_many_rows")


def test_an_xlsx_with_cells_only_in_a_few_columns_reads_as_before() -> None:
    path = path_from_spreadsheet(sparse_xlsx(("C2", "")), "ok.xlsx")
    assert [s.title.fi for s in path.steps] == ["Yksi"]


# -- issue 15 item 7: two steps with the same title --------------------------------------------


def test_two_steps_with_the_same_title_round_trip_through_csv_by_id() -> None:
    path = branching_path()
    twin = path.steps[1].model_copy(update={"title": path.steps[0].title})
    path = path.model_copy(update={"steps": [path.steps[0], twin, *path.steps[2:]]})
    for export, name in ((to_csv, "p.csv"), (to_xlsx, "p.xlsx"), (to_ods, "p.ods")):
        back = path_from_spreadsheet(export(path, "fi"), name)
        assert summary(back) == summary(path), name


def test_same_title_without_ids_is_still_refused() -> None:
    data = b"vaihe;askel;seuraava\r\nA;Sama;\r\nA;Sama;\r\n"
    with pytest.raises(SpreadsheetError) as info:
        path_from_spreadsheet(data, "p.csv")
    assert info.value.key == "duplicate_step"


def test_a_name_two_steps_share_cannot_be_a_next_step() -> None:
    data = b"vaihe;askel;seuraava;id\r\nA;Sama;;a\r\nA;Sama;;b\r\nA;Muu;Sama;c\r\n"
    with pytest.raises(SpreadsheetError) as info:
        path_from_spreadsheet(data, "p.csv")
    assert info.value.key == "ambiguous_next" and info.value.params["row"] == 4


def test_to_rows_refers_to_twins_by_id() -> None:
    path = branching_path()
    twin = path.steps[1].model_copy(update={"title": path.steps[0].title})
    rows = to_rows(path.model_copy(update={"steps": [path.steps[0], twin, *path.steps[2:]]}), "fi")
    assert all(path.steps[0].title.fi not in row[7].split("; ") for row in rows[1:])
    assert StepKind.action  # the kind words stay importable


def test_a_cell_is_read_through_the_text_rule_before_it_is_looked_at() -> None:
    """Found by the fuzzer: a step named only by a control character was imported, then its CSV
    export (which drops the character) could not be read back. Now the import says so at once."""
    sheet = b"vaihe;askel;seuraava\r\nV1;\x1b;\r\nV1;Toinen\x07 askel;\r\n"
    with pytest.raises(SpreadsheetError) as caught:
        path_from_spreadsheet(sheet, "x.csv")
    assert caught.value.key == "no_step_name"
    path = path_from_spreadsheet(b"vaihe;askel;seuraava\r\nV1;Toinen\x07 askel;\r\n", "x.csv")
    assert path.steps[0].title.fi == "Toinen askel"
