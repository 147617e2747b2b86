"""Spreadsheet import and export: the format, round trips, and every kind of bad input."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from paths.formats.spreadsheet import (
    MAX_ROWS,
    SpreadsheetError,
    guess_group,
    parse_flag,
    path_from_spreadsheet,
    template_csv,
    template_path,
    template_xlsx,
    to_csv,
    to_rows,
    to_xlsx,
)
from paths.model.schema import ActorGroup, Channel, LocalText, StepKind
from paths.model.validation import validate
from tests.support.factories import branching_path

HEADER_FI = "vaihe;askel;kuvaus;asiakasteksti;toimijat;tyyppi;koordinaattori;seuraava"


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def error_of(data: bytes, filename: str = "polku.csv", **kwargs: object) -> SpreadsheetError:
    with pytest.raises(SpreadsheetError) as info:
        path_from_spreadsheet(data, filename, **kwargs)
    return info.value


def summary(path):  # noqa: ANN001, ANN201 - test helper
    """What a round trip must keep: steps (stage title, kind, light bulb, actors), transitions."""
    steps = {
        s.id: (path.stage(s.stage).title.get("fi"), s.title.get("fi"), s.kind, s.coordinator, tuple(s.actors))
        for s in path.steps
    }
    transitions = {(t.source, t.target, t.condition.get("fi")) for t in path.transitions}
    return steps, transitions


# --- the template ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_template_imports_as_a_valid_path_in_each_language(lang: str, kind: str) -> None:
    data = template_csv(lang) if kind == "csv" else template_xlsx(lang)
    path = path_from_spreadsheet(data, f"template.{kind}")
    example = template_path()
    assert path.source_language == lang
    assert [s.title.get(lang) for s in path.steps] == [s.title.get(lang) for s in example.steps]
    assert [s.kind for s in path.steps] == [s.kind for s in example.steps]
    assert [s.coordinator for s in path.steps] == [True if s.coordinator else False for s in example.steps]
    assert sum(s.coordinator for s in path.steps) == 2
    labels = sorted(t.condition.get(lang) for t in path.transitions if t.condition)
    assert labels == sorted(t.condition.get(lang) for t in example.transitions if t.condition)
    assert validate(path, lang) == []


def test_template_csv_is_utf8_with_bom_and_semicolons() -> None:
    data = template_csv("fi")
    assert data.startswith(b"\xef\xbb\xbf")
    header = data.decode("utf-8-sig").splitlines()[0]
    assert header == HEADER_FI
    assert "Työkykykoordinaattori" in data.decode("utf-8-sig")


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_round_trip_keeps_steps_transitions_and_light_bulbs(kind: str) -> None:
    path = branching_path()
    data = to_csv(path, "fi") if kind == "csv" else to_xlsx(path, "fi")
    again = path_from_spreadsheet(data, f"testipolku.{kind}", path_id="testipolku")
    assert summary(again) == summary(path)
    assert [s.title.get("fi") for s in again.stages] == [s.title.get("fi") for s in path.stages]
    assert {s.id for s in again.steps if s.coordinator} == {"yhteydenotto", "konsultaatio", "kokous"}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_round_trip_onto_the_same_path_changes_nothing(lang: str, kind: str) -> None:
    path = branching_path()
    data = to_csv(path, lang) if kind == "csv" else to_xlsx(path, lang)
    assert path_from_spreadsheet(data, f"x.{kind}", base=path) == path


def test_import_onto_a_path_keeps_what_the_sheet_cannot_hold() -> None:
    path = branching_path()
    path = path.model_copy(update={"steps": [
        s.model_copy(update={"channels": [Channel.phone], "duration": LocalText(fi="2 viikkoa")})
        if s.id == "tarve" else s
        for s in path.steps
    ]})
    text = to_csv(path, "fi").decode("utf-8-sig").replace("Tarve tunnistetaan", "Tarve huomataan")
    again = path_from_spreadsheet(text.encode("utf-8"), "x.csv", base=path)
    step = again.step("tarve")
    assert step.title.fi == "Tarve huomataan"
    assert step.channels == ["phone"]
    assert step.duration.fi == "2 viikkoa"
    assert again.stages == path.stages


def test_export_in_swedish_uses_swedish_headers_kinds_and_yes_no() -> None:
    rows = to_rows(branching_path(), "sv")
    assert rows[0][:8] == ["fas", "steg", "beskrivning", "klienttext", "aktörer", "typ", "samordnare", "nästa"]
    by_id = {row[-1]: row for row in rows[1:]}
    assert by_id["yhteydenotto"][5] == "beslut"
    assert by_id["yhteydenotto"][6] == "ja"
    assert by_id["tarve"][6] == "nej"
    assert "Flera tjänster behövs: Verkostokokous" in by_id["yhteydenotto"][7]


# --- the format -----------------------------------------------------------------------------


def test_swedish_and_english_headers_set_the_text_language() -> None:
    sv = csv_bytes("fas,steg,nästa,samordnare,typ", "Början,Kontakt,Slut,ja,kontakt", "Början,Slut,,nej,avslut")
    path = path_from_spreadsheet(sv, "stig.csv")
    assert path.source_language == "sv"
    assert path.step("kontakt").title.sv == "Kontakt"
    assert path.step("kontakt").coordinator is True
    assert path.step("kontakt").kind == StepKind.contact
    assert path.step("slut").kind == StepKind.end
    en = csv_bytes("Stage;Step;Next;Kind", "Start;Contact;End;network meeting", "Start;End;;self-assessment")
    path = path_from_spreadsheet(en, "path.csv")
    assert path.source_language == "en"
    assert path.step("contact").kind == StepKind.network_meeting
    assert path.step("end").kind == StepKind.self_assessment


def test_empty_stage_cell_continues_the_stage_above_and_stages_keep_first_appearance_order() -> None:
    data = csv_bytes(
        "vaihe;askel;seuraava",
        "Toinen;A;B",
        ";B;C",
        "Ensimmäinen;C;D",
        "Toinen;D;",
    )
    path = path_from_spreadsheet(data, "p.csv")
    assert [s.title.fi for s in path.stages] == ["Toinen", "Ensimmäinen"]
    assert path.step("b").stage == path.stages[0].id
    assert path.step("d").stage == path.stages[0].id


def test_next_accepts_names_ids_and_condition_labels() -> None:
    data = csv_bytes(
        "vaihe;askel;seuraava;tunniste",
        'V;Arvio;"useita palveluja: Kokous; yksi riittää: loppu";arvio',
        "V;Kokous;Loppu;",
        "V;Loppu;;loppu",
    )
    path = path_from_spreadsheet(data, "p.csv")
    conditions = {(t.source, t.target): t.condition.fi for t in path.transitions}
    assert conditions == {("arvio", "kokous"): "useita palveluja", ("arvio", "loppu"): "yksi riittää",
                          ("kokous", "loppu"): ""}


def test_a_loop_back_to_an_earlier_step_is_allowed() -> None:
    data = csv_bytes("vaihe;askel;seuraava", "V;S;A", "V;A;B", 'V;B;"palaa alkuun: A; C"', "V;C;")
    path = path_from_spreadsheet(data, "p.csv")
    assert ("b", "a") in {(t.source, t.target) for t in path.transitions}
    assert validate(path) == []


def test_actors_are_created_from_names_with_a_guessed_group() -> None:
    data = csv_bytes("vaihe;askel;seuraava;toimijat", 'V;A;;"Asiakas; Työkykykoordinaattori; Kela; Psykologi"')
    path = path_from_spreadsheet(data, "p.csv")
    step = path.steps[0]
    groups = {path.actor(a).name.fi: path.actor(a).group for a in step.actors}
    assert step.actors[0] == "asiakas"
    assert groups == {
        "Asiakas": ActorGroup.client_side,
        "Työkykykoordinaattori": ActorGroup.coordinator,
        "Kela": ActorGroup.organisation,
        "Psykologi": ActorGroup.professional,
    }
    assert guess_group("Client coordinator") == ActorGroup.coordinator
    assert guess_group("närstående") == ActorGroup.client_side


@pytest.mark.parametrize("value", ["yes", "Kyllä", "ja", "1", "true", "💡", "💡\ufe0f", "X"])
def test_light_bulb_yes_values(value: str) -> None:
    assert parse_flag(value) is True


@pytest.mark.parametrize("value", ["no", "ei", "Nej", "0", "false", "", "  "])
def test_light_bulb_no_values(value: str) -> None:
    assert parse_flag(value) is False


def test_ids_are_slugs_and_unique() -> None:
    data = csv_bytes("vaihe;askel;seuraava", "Vaihe 1;Äitiys-neuvola!;", "Vaihe 1;Äitiys neuvola?;", "Vaihe 1;***;")
    path = path_from_spreadsheet(data, "p.csv")
    assert [s.id for s in path.steps] == ["aitiys-neuvola", "aitiys-neuvola-2", "step"]
    assert path.id == "p"


def test_comma_separated_csv_with_quoted_semicolons() -> None:
    data = csv_bytes('stage,step,next,actors', 'S,A,"B; C","Client; Coordinator"', "S,B,,", "S,C,,")
    path = path_from_spreadsheet(data, "p.csv")
    assert {(t.source, t.target) for t in path.transitions} == {("a", "b"), ("a", "c")}
    assert len(path.steps[0].actors) == 2


def test_hostile_text_is_kept_as_literal_text() -> None:
    hostile = ['<script>alert(1)</script>', 'javascript:alert(1)', '"; DROP TABLE paths; --', r'\N \l {x}', "../../etc"]
    lines = ["vaihe;askel;kuvaus;seuraava"]
    for i, text in enumerate(hostile):
        lines.append(f'V;"Askel {i} {text.replace(chr(34), chr(34) * 2)}";"{text.replace(chr(34), chr(34) * 2)}";')
    path = path_from_spreadsheet(csv_bytes(*lines), "p.csv")
    assert [s.description.fi for s in path.steps] == hostile
    assert all(s.id.replace("-", "").isalnum() for s in path.steps)


def test_csv_cells_that_the_export_guarded_come_back_unguarded() -> None:
    data = csv_bytes("vaihe;askel;kuvaus;seuraava", "V;A;'=1+1;", "V;B;'-lista;", "V;C;+358 tekstinä;")
    path = path_from_spreadsheet(data, "p.csv")
    assert [s.description.fi for s in path.steps] == ["=1+1", "-lista", "+358 tekstinä"]


def test_export_guards_formula_like_cells() -> None:
    path = branching_path()
    path = path.model_copy(update={"steps": [
        s.model_copy(update={"description": LocalText(fi="=HYPERLINK(\"http://x\")")}) if s.id == "tarve" else s
        for s in path.steps
    ]})
    text = to_csv(path, "fi").decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    workbook = load_workbook(io.BytesIO(to_xlsx(path, "fi")), data_only=False)
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    assert "=HYPERLINK(\"http://x\")" in [cell.value for cell in cells]
    assert path_from_spreadsheet(to_xlsx(path, "fi"), "x.xlsx", base=path) == path


def test_xlsx_text_cell_that_looks_like_a_formula_is_text() -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["vaihe", "askel", "kuvaus", "seuraava", "koordinaattori"])
    sheet.append(["V", "A", None, None, 1])
    sheet["C2"].value = "=tämä on tekstiä"
    sheet["C2"].data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = path_from_spreadsheet(buffer.getvalue(), "p.xlsx")
    assert path.steps[0].description.fi == "=tämä on tekstiä"
    assert path.steps[0].coordinator is True


def test_cp1252_csv_from_excel_is_read() -> None:
    data = csv_bytes(
        "vaihe;askel;kuvaus;seuraava",
        "Tarpeen tunnistaminen;Yhteydenotto;Asiakas ottaa yhteyttä; Hyvinvointialue",
        "Tarpeen tunnistaminen;Hyvinvointialue;Päätös – €;",
        encoding="cp1252",
    )
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    path = path_from_spreadsheet(data, "excel.csv")
    assert path.steps[0].description.fi == "Asiakas ottaa yhteyttä"
    assert path.stages[0].title.fi == "Tarpeen tunnistaminen"
    assert path.steps[1].description.fi == "Päätös – €"


def test_utf16_csv_with_bom_is_read() -> None:
    data = "vaihe\taskel\tseuraava\r\nVäli\tÄänestys\t\r\n".encode("utf-16")
    path = path_from_spreadsheet(data, "unicode.csv")
    assert path.steps[0].title.fi == "Äänestys"


# --- bad input: one sentence naming the row, nothing half-built ---------------------------------


def test_missing_columns_are_named() -> None:
    err = error_of(csv_bytes("vaihe;kuvaus", "V;x"))
    assert err.key == "missing_columns"
    assert "askel" in err.message("fi") and "seuraava" in err.message("fi")
    assert err.message("en").startswith("The spreadsheet polku.csv is missing columns")


def test_unknown_column_is_reported_with_the_accepted_ones() -> None:
    err = error_of(csv_bytes("vaihe;askel;seuraava;koordinaatori", "V;A;;x"))
    assert err.key == "needs_mapping"
    assert "--map" in err.message("fi")
    assert "koordinaatori" in err.message("fi") and "koordinaattori" in err.message("fi")


def test_duplicate_column() -> None:
    err = error_of(csv_bytes("vaihe;askel;seuraava;step", "V;A;;B"))
    assert err.key == "duplicate_column"


def test_unknown_next_step_names_the_row() -> None:
    err = error_of(csv_bytes(HEADER_FI, "V;A;;;;;;B", "V;B;;;;;;Olematon"))
    assert err.key == "unknown_next"
    assert err.params["row"] == 3
    assert "3" in err.message("sv") and "Olematon" in err.message("sv")


def test_duplicate_step_names_name_both_rows() -> None:
    err = error_of(csv_bytes("vaihe;askel;seuraava", "V;Kokous;", "V;Muu;", "V; kokous ;"))
    assert err.key == "duplicate_step"
    assert (err.params["row"], err.params["first"]) == (4, 2)


def test_row_without_a_step_name() -> None:
    err = error_of(csv_bytes(HEADER_FI, "V;A;;;;;;", "V;;kuvaus ilman askelta;;;;;"))
    assert err.key == "no_step_name"
    assert err.params["row"] == 3
    assert "rivillä 3" in err.message("fi")


def test_empty_row_between_steps_is_an_error_but_trailing_empty_rows_are_ignored() -> None:
    err = error_of(csv_bytes("vaihe;askel;seuraava", "V;A;", ";;", "V;B;"))
    assert err.key == "empty_row"
    assert err.params["row"] == 3
    path = path_from_spreadsheet(csv_bytes("vaihe;askel;seuraava", "V;A;", ";;", "", ";;"), "p.csv")
    assert len(path.steps) == 1


def test_first_row_without_a_stage() -> None:
    err = error_of(csv_bytes("vaihe;askel;seuraava", ";A;"))
    assert err.key == "no_stage"


def test_header_only() -> None:
    assert error_of(csv_bytes("vaihe;askel;seuraava")).key == "no_rows"


@pytest.mark.parametrize("data", [b"", b"   \r\n  "])
def test_empty_file(data: bytes) -> None:
    assert error_of(data).key == "empty"


def test_ten_thousand_rows_are_refused() -> None:
    lines = ["vaihe;askel;seuraava"] + [f"V;Askel {i};" for i in range(10_000)]
    err = error_of(csv_bytes(*lines))
    assert err.key == "too_many_rows"
    assert err.params["limit"] == MAX_ROWS
    assert "2000" in err.message("en")


def test_ten_thousand_rows_in_xlsx_are_refused() -> None:
    rows = [["vaihe", "askel", "seuraava"]] + [["V", f"Askel {i}", None] for i in range(10_000)]
    assert error_of(xlsx_bytes(rows), "iso.xlsx").key == "too_many_rows"


def test_exactly_the_limit_is_accepted() -> None:
    lines = ["vaihe;askel;seuraava"] + [f"V;Askel {i};" for i in range(MAX_ROWS)]
    assert len(path_from_spreadsheet(csv_bytes(*lines), "p.csv").steps) == MAX_ROWS


def test_xlsx_formula_is_refused_naming_row_and_column() -> None:
    err = error_of(xlsx_bytes([["vaihe", "askel", "seuraava"], ["V", "A", None], ["V", "=A2&\"x\"", None]]), "f.xlsx")
    assert err.key == "formula"
    assert err.params == {"name": "f.xlsx", "row": 3, "column": "askel"}
    assert "rivillä 3" in err.message("fi")


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://evil")', "=1+1", '=cmd|"/c calc"!A1'])
def test_csv_formula_is_refused(cell: str) -> None:
    err = error_of(csv_bytes("vaihe;askel;kuvaus;seuraava", "V;A;ok;", f'V;B;"{cell.replace(chr(34), chr(34) * 2)}";'))
    assert err.key == "formula"
    assert err.params["row"] == 3
    assert err.params["column"] == "kuvaus"


def test_bytes_that_are_neither_utf8_nor_cp1252() -> None:
    data = b"vaihe;askel;seuraava\r\nV;\x81\x8d\x8f;\r\n"
    err = error_of(data)
    assert err.key == "encoding"
    assert "UTF-8" in err.message("fi")


def test_bad_kind_and_bad_flag_name_the_row() -> None:
    err = error_of(csv_bytes("vaihe;askel;seuraava;tyyppi", "V;A;;kahvihetki"))
    assert (err.key, err.params["row"], err.params["value"]) == ("bad_kind", 2, "kahvihetki")
    err = error_of(csv_bytes("vaihe;askel;seuraava;koordinaattori", "V;A;;ehkä"))
    assert (err.key, err.params["row"]) == ("bad_flag", 2)


def test_unnamed_column_with_values() -> None:
    err = error_of(csv_bytes("vaihe;askel;seuraava;", "V;A;;jotain"))
    assert err.key == "unnamed_column"
    assert err.params["column"] == "D"


def test_bad_id_column_values() -> None:
    assert error_of(csv_bytes("vaihe;askel;seuraava;tunniste", "V;A;;ä ö")).key == "bad_id"
    err = error_of(csv_bytes("vaihe;askel;seuraava;tunniste", "V;A;;x", "V;B;;x"))
    assert (err.key, err.params["row"]) == ("duplicate_id", 3)


def test_not_a_workbook() -> None:
    assert error_of(b"PK\x03\x04 not really a zip", "p.xlsx").key == "bad_xlsx"
    assert error_of(b"\xd0\xcf\x11\xe0 old excel", "p.xls").key == "unsupported_format"


def test_file_over_the_size_limit() -> None:
    data = b"vaihe;askel;seuraava\r\n" + b"V;A;" + b"x" * (3 * 1024 * 1024)
    assert error_of(data).key == "too_large"


def test_xlsx_that_unpacks_to_something_huge_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes([["vaihe", "askel", "seuraava"]]))) as source, zipfile.ZipFile(
        buffer, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/padding.bin", b"\0" * (70 * 1024 * 1024))
    assert len(buffer.getvalue()) < 2 * 1024 * 1024
    err = error_of(buffer.getvalue(), "bomb.xlsx")
    assert err.key == "too_large_unpacked"
    assert "64" in err.message("en")


def test_bad_path_id() -> None:
    assert error_of(csv_bytes("vaihe;askel;seuraava", "V;A;"), path_id="Ei Kelpaa").key == "bad_path_id"


def test_every_error_message_is_one_sentence_in_each_language() -> None:
    err = error_of(csv_bytes(HEADER_FI, "V;A;;;;;;B", "V;B;;;;;;Olematon"))
    messages = {lang: err.message(lang) for lang in ("fi", "sv", "en")}
    assert len(set(messages.values())) == 3
    for text in messages.values():
        assert "\n" not in text and text.endswith(".") and "{" not in text
