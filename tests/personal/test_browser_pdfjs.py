"""The PDFs read back by pdf.js (npm `pdfjs-dist`) in real Chromium, as a browser's PDF viewer reads them.

tests/personal/test_personal_pdf.py reads the same files with pypdf; here pdf.js must find the same:
the fillable worksheet of the built-in Pohjanmaa path (every form field by name and type, each name
once, radio groups with their export values, rectangles on the page, accessible names, a value typed
in through pdf.js and saved) and a client's personal PDF (titles, Finnish letters, hostile text as
text). Both: as many pages as pypdf counts, tagged, language `fi`, the text of every step on its page.
pdf.js comes from node_modules through a loopback server (tests/support/pdfjs.py): no other request.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import logging
import re

import pypdf
import pytest

from paths.formats.files import builtin_paths
from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.personal.model import (
    STATUS_ICONS,
    STATUSES,
    PersonalFill,
    PersonalPath,
    StepEntry,
    branch_choices,
    client_steps,
)
from paths.personal.pdf import blank_worksheet, personal_pdf
from tests.support.pdfjs import PDFJS, open_reader, pdfjs_server, read_pdf

pytestmark = pytest.mark.browser
logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf chatters about WeasyPrint's radio groups

POHJANMAA = next(path for path in builtin_paths() if path.id == "pohjanmaa")
HOSTILE_TITLE = '<script>alert(1)</script> & "q"'
NOTE = "Kävin työkokeilussa – öljyä ja äänekästä, Åbo"
TEXT_FIELDS_ONE_LINE = ["here", "next_appointment"] + [f"contact{row}_{col}" for row in range(3) for col in range(3)]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def reader(chromium):
    """A page with pdf.js loaded; every request it makes is recorded."""
    if not (PDFJS / "build" / "pdf.mjs").is_file():
        pytest.fail("node_modules/pdfjs-dist is missing: run `npm ci` in the repository root")
    with pdfjs_server() as base_url:
        context = chromium.new_context()
        page = context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        open_reader(page, base_url)
        page.base_url = base_url
        yield page
        context.close()


@pytest.fixture(scope="module")
def worksheet(reader) -> tuple[bytes, pypdf.PdfReader, dict]:  # noqa: ANN001
    data = blank_worksheet(POHJANMAA, "fi", fillable=True)
    return data, pypdf.PdfReader(io.BytesIO(data)), read_pdf(reader, data)


def _hostile_pohjanmaa() -> ServicePath:
    """Pohjanmaa with its second client step titled with markup and quotes."""
    target = client_steps(POHJANMAA)[1].id
    steps = [step.model_copy(update={"title": step.title.model_copy(update={"fi": HOSTILE_TITLE})})
             if step.id == target else step for step in POHJANMAA.steps]
    return POHJANMAA.model_copy(update={"steps": steps})


@pytest.fixture(scope="module")
def personal(reader) -> tuple[PersonalPath, pypdf.PdfReader, dict]:  # noqa: ANN001
    path = _hostile_pohjanmaa()
    steps = client_steps(path)
    fill = PersonalFill(entries={
        steps[0].id: StepEntry(status="done", date=dt.date(2025, 3, 4), note=NOTE),
        steps[1].id: StepEntry(status="here"),
    })
    client = PersonalPath(id="c" * 32, owner="Olli", display_name="Äijä Öhman", lang="fi", source_path_id=path.id,
                          source_version=1, source=path, fill=fill, version=2)
    data = personal_pdf(client)
    return client, pypdf.PdfReader(io.BytesIO(data)), read_pdf(reader, data)


def widgets(read: dict) -> list[tuple[int, dict]]:
    """(page index, annotation) of every form widget pdf.js finds on the pages."""
    return [(index, a) for index, page in enumerate(read["pages"]) for a in page["annotations"]
            if a["subtype"] == "Widget"]


def expected_fields(path: ServicePath) -> dict[str, str]:
    """Field name -> pdf.js's type, for the fillable worksheet of `path`."""
    fields = {name: "text" for name in ["goals", *TEXT_FIELDS_ONE_LINE]}
    for index in range(len(client_steps(path))):
        fields |= {f"step{index}_date": "text", f"step{index}_met": "text", f"step{index}_note": "text",
                   f"step{index}_status": "radiobutton"}
    fields |= {f"branch{index}": "radiobutton" for index in range(len(branch_choices(path)))}
    return fields


# ------------------------------------------------------------------ the fillable worksheet


def test_pdfjs_reads_the_worksheet_as_tagged_finnish_with_pypdfs_page_count(worksheet, reader) -> None:  # noqa: ANN001
    _data, pypdf_reader, read = worksheet
    assert read["numPages"] == len(pypdf_reader.pages) > 1
    assert read["markInfo"]["Marked"] is True
    assert read["language"] == "fi"
    assert read["isAcroFormPresent"] is True
    assert all(page["structRoot"] == "Root" for page in read["pages"])  # every page's structure tree found
    assert all(url.startswith(reader.base_url + "/") for url in reader.requests)


def test_every_form_field_is_there_with_its_type_and_no_other(worksheet) -> None:  # noqa: ANN001
    fields = worksheet[2]["fields"]
    expected = expected_fields(POHJANMAA)
    assert set(fields) == set(expected)
    for name, kind in expected.items():
        types = {entry["type"] for entry in fields[name] if entry["type"]}  # the group's own entry has none
        assert types == {kind}, name
    multiline = {name for name, entries in fields.items() if any(e.get("multiline") for e in entries)}
    assert multiline == {"goals"} | {f"step{i}_note" for i in range(len(client_steps(POHJANMAA)))}


def test_each_name_is_one_field_and_radio_groups_have_their_export_values(worksheet) -> None:  # noqa: ANN001
    _data, pypdf_reader, read = worksheet
    fields = read["fields"]
    options = {name: len(STATUSES) for name in fields if name.endswith("_status")}
    options |= {f"branch{i}": len(ways) for i, ways in enumerate(branch_choices(POHJANMAA).values())}
    opt = {name: [str(o) for o in field.get("/Opt", [])] for name, field in pypdf_reader.get_fields().items()}
    for name, entries in fields.items():
        shown = [entry for entry in entries if entry["type"]]
        if name not in options:
            assert len(shown) == 1, name
            continue
        # pdf.js names each button by its on-state, the index into the group's /Opt (PDF 32000 12.7.4.2.4).
        assert [entry["exportValues"] for entry in shown] == [str(i) for i in range(options[name])], name
        assert len(opt[name]) == options[name], name
        if name.endswith("_status"):
            assert opt[name] == list(STATUSES)
    ids = [annotation["id"] for _page, annotation in widgets(read)]
    assert len(ids) == len(set(ids)) == sum(len([e for e in v if e["type"]]) for v in fields.values())


def test_every_field_lies_on_its_page(worksheet) -> None:  # noqa: ANN001
    read = worksheet[2]
    on_page = {}
    for index, annotation in widgets(read):
        left, bottom, right, top = annotation["rect"]
        _x0, _y0, width, height = read["pages"][index]["view"]
        assert 0 <= left < right <= width and 0 <= bottom < top <= height, annotation
        on_page[annotation["id"]] = index
    for name, entries in read["fields"].items():
        for entry in entries:
            if entry["type"]:
                assert on_page[entry["id"]] == entry["page"], name


def test_each_step_title_is_on_the_page_of_its_fields_in_finnish(worksheet) -> None:  # noqa: ANN001
    read = worksheet[2]
    texts = [squeeze(page["text"]) for page in read["pages"]]
    assert squeeze("Minun polkuni: " + POHJANMAA.title.fi) in texts[0]
    status_page = {entry["name"]: entry["page"] for entries in read["fields"].values() for entry in entries
                   if entry["type"] == "radiobutton"}
    for index, step in enumerate(client_steps(POHJANMAA)):
        assert squeeze(step.title.fi) in texts[status_page[f"step{index}_status"]], step.title.fi
    joined = "".join(texts)
    assert "ä" in joined and "ö" in joined and "Työkyvyn" in joined


def test_every_field_has_its_accessible_name(worksheet) -> None:  # noqa: ANN001
    """pdf.js takes a widget's name (`alternativeText`, shown as the field's title) from the widget itself:
    each radio button has its own label, and pypdf sees each group named by its step or question."""
    _data, pypdf_reader, read = worksheet
    steps = client_steps(POHJANMAA)
    words = [squeeze(f"{STATUS_ICONS[s]} {t(f'personal.status.{s}', 'fi')}") for s in STATUSES]
    names: dict[str, list[str]] = {}
    for _page, annotation in widgets(read):
        names.setdefault(annotation["fieldName"], []).append(squeeze(annotation["alternativeText"]))
    assert all(all(name) for name in names.values()), names
    assert names["goals"] == ["Tavoitteeni"]
    assert names["step0_note"] == [squeeze(t("personal.field.note", "fi"))]
    for index in range(len(steps)):
        assert [name.replace("\ufe0e", "") for name in names[f"step{index}_status"]] == words
    groups = pypdf_reader.get_fields()
    for index, step in enumerate(steps):
        assert groups[f"step{index}_status"]["/TU"] == f"Tilanne: {step.title.fi}"
    decision = next(iter(branch_choices(POHJANMAA)))
    assert groups["branch0"]["/TU"] == f"Kumpi tie koskee minua: {POHJANMAA.step(decision).title.fi}"


def test_a_value_typed_in_through_pdfjs_is_saved_and_read_back(worksheet, reader) -> None:  # noqa: ANN001
    """pdf.js's own form filling: the value goes into its annotation storage, `saveDocument` writes it, and
    both pdf.js and pypdf read it from the saved file."""
    goals = worksheet[2]["fields"]["goals"][0]["id"]
    again = reader.evaluate("([id, value]) => window.fillAndReread(id, value)", [goals, "Oma tavoite åäö"])
    assert again["fields"]["goals"][0]["value"] == "Oma tavoite åäö"
    assert again["fields"]["step0_note"][0]["value"] == ""
    saved = pypdf.PdfReader(io.BytesIO(base64.b64decode(again["saved"])))
    assert saved.get_fields()["goals"]["/V"] == "Oma tavoite åäö"


# ------------------------------------------------------------------ the client's personal PDF


def test_pdfjs_reads_the_personal_pdf_titles_finnish_and_hostile_text(personal) -> None:  # noqa: ANN001
    client, pypdf_reader, read = personal
    assert read["numPages"] == len(pypdf_reader.pages)
    assert read["markInfo"]["Marked"] is True and read["language"] == "fi"
    assert read["fields"] is None and read["isAcroFormPresent"] is False and widgets(read) == []
    pages = [page["text"] for page in read["pages"]]
    text = squeeze("".join(pages))
    assert squeeze("Minun polkuni: Äijä Öhman") in squeeze(pages[0])
    assert squeeze(POHJANMAA.title.fi) in squeeze(pages[0])
    for step in client_steps(client.source):
        assert squeeze(step.title.fi) in text, step.title.fi
    assert squeeze(HOSTILE_TITLE) in text  # markup and quotes come through as the very characters
    assert squeeze(NOTE) in text and "4.3.2025" in text
