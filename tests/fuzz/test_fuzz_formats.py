"""Property-based tests of the BPMN and spreadsheet readers (issue 15's fuzzing suite, for formats).

Every generated file must end one of two ways: a path that every export can write and that every
re-readable export reads back, or one clear sentence (a `PathFileError`, with no traceback text)
and nothing stored. Each case is bounded in time by Hypothesis' deadline (a hang fails the test);
speed itself is measured in bench/. At least 500 cases per reader run by default; `POLKU_FUZZ_SCALE`
multiplies them for a nightly-size run.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import quoteattr

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from paths.cli.editing import export_bytes
from paths.formats.bpmn import read_bpmn
from paths.formats.files import PathFileError, load_path_bytes
from paths.formats.spreadsheet import path_from_spreadsheet
from paths.model.schema import ServicePath
from paths.store.library import Store
from tests.fuzz.scale import SCALE

MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL"


def fuzz_settings(examples: int) -> settings:
    """The suite's profile (tests/fuzz/conftest.py) with this reader's share of the cases."""
    return settings(settings.get_profile("polku-fuzz"), max_examples=examples * SCALE)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'polku.db'}")


COUNTER = iter(range(10**9))


def reread(fmt: str, data: bytes, path: ServicePath) -> ServicePath | None:
    """The export read back by its own reader (Mermaid has none: it is only written)."""
    if fmt in ("yaml", "json"):
        return load_path_bytes(data, f"x.{fmt}")
    if fmt in ("csv", "xlsx", "ods"):
        return path_from_spreadsheet(data, f"x.{fmt}", path_id=path.id)
    if fmt == "bpmn":
        return read_bpmn(data, "x.bpmn").path
    return None


def check_outcome(store: Store, read) -> None:  # noqa: ANN001 - a function () -> ServicePath
    """Either a path every export writes and reads back (and the store keeps), or one sentence and nothing stored."""
    path_id = f"fuzz-{next(COUNTER)}"
    try:
        path = read(path_id)
    except PathFileError as exc:
        event(f"refused: {exc.key}")
        for lang in ("fi", "sv", "en"):
            message = exc.message(lang)
            assert message and "\n" not in message and "Traceback" not in message
        assert store.latest_version(path_id) is None
        return
    for fmt in ("yaml", "json", "csv", "xlsx", "ods", "bpmn", "mermaid-flowchart", "mermaid-journey"):
        data = export_bytes(path, fmt, "fi")
        assert data
        back = reread(fmt, data, path)
        if back is not None:
            assert {s.id for s in back.steps} == {s.id for s in path.steps} or fmt in ("csv", "xlsx", "ods"), fmt
            assert len(back.steps) == len(path.steps), fmt
    event("accepted")
    store.save_path(path.model_copy(update={"id": path_id}), "fuzz", "")
    assert store.latest_version(path_id) == 1


# -- text that has broken things before ------------------------------------------------------

NASTY = st.sampled_from([
    "=1+1", "+cmd", "-2", "@SUM(A1)", "\t=x", "\r=x", "'=x", "<script>alert(1)</script>", "javascript:alert(1)",
    "![i](https://example.invalid/p.png)", "[a](http://x)", "\\N", "\"quoted\"", "a;b", "a:b", "a:b;c:d", "💡",
    "\u202eRTL", "zero\u200bwidth", "\x0bvt", "nul\x00", "\x01ctl", "&amp;", "]]>", "%%{init}%%", "#35;",
    "click s0 call x", "end", "subgraph", "x" * 300, "ääkköset ÅÄÖ", " ", "",
])
TEXT = st.one_of(NASTY, st.text(max_size=40), st.text(alphabet="ab;:=\n\t\"'", max_size=12))
# Mostly no leading `=`: a CSV cell that starts with one is a formula and rightly refused, which would
# otherwise be most of what the readers are shown.
CELL = st.one_of(TEXT.map(lambda v: v.lstrip("=")), TEXT.map(lambda v: v.lstrip("=")), TEXT)

# -- spreadsheets ----------------------------------------------------------------------------

HEADER_WORDS = st.sampled_from([
    "vaihe", "askel", "seuraava", "kuvaus", "toimijat", "tyyppi", "koordinaattori", "tunniste", "asiakasteksti",
    "fas", "steg", "nästa", "stage", "step", "next", "id", "Palveluvaihe", "Tehtävä", "Jatko", "Kuka vastaa",
    "💡", "Huomioita", "", "Next-Step!", "VAIHE",
])


OPTIONAL = ["kuvaus", "asiakasteksti", "toimijat", "tyyppi", "koordinaattori", "tunniste", "Huomioita", "💡"]
FLAGS = st.sampled_from(["kyllä", "ei", "x", "", "💡", "maybe"])
KINDS = st.sampled_from(["tapaaminen", "päätös", "verkostokokous", "", "action", "nonsense"])


@st.composite
def well_formed_sheets(draw) -> list[list[str]]:  # noqa: ANN001 - Hypothesis' draw
    """Mostly valid sheets, so that the accepted branch (every export written and read back) is taken often."""
    header = ["vaihe", "askel", "seuraava", *draw(st.lists(st.sampled_from(OPTIONAL), unique=True, max_size=4))]
    count = draw(st.integers(1, 7))
    names = draw(st.lists(st.one_of(st.sampled_from(["Alku", "Kaksi", "x;y", "a:b", "=kaava", "Sama"]),
                                    CELL.map(lambda v: v.strip() or "Nimi")), min_size=count, max_size=count))
    rows = [header]
    for index, name in enumerate(names):
        cells = {"vaihe": draw(st.sampled_from(["V1", "V2", "", "V;3"])) if index else "V1", "askel": name,
                 "seuraava": "; ".join(f"{draw(CELL)}: {n}" if draw(st.booleans()) else n
                                       for n in draw(st.lists(st.sampled_from(names), max_size=2, unique=True))),
                 "kuvaus": draw(CELL), "asiakasteksti": draw(CELL), "toimijat": draw(st.sampled_from(
                     ["asiakas", "Kela; asiakas", "", "a;b;a", draw(CELL)])),
                 "tyyppi": draw(KINDS), "koordinaattori": draw(FLAGS), "💡": draw(FLAGS),
                 "tunniste": draw(st.sampled_from(["", f"s{index}", "bad id", "s0"])), "Huomioita": draw(CELL)}
        rows.append([cells[column] for column in header])
    return rows


@st.composite
def wild_sheets(draw) -> list[list[str]]:  # noqa: ANN001 - Hypothesis' draw
    header = draw(st.lists(HEADER_WORDS, min_size=1, max_size=10))
    rows = [header]
    for _ in range(draw(st.integers(0, 8))):
        rows.append([draw(TEXT) for _ in range(draw(st.integers(0, len(header) + 2)))])
    return rows


def sheets():  # noqa: ANN201 - a Hypothesis strategy
    return st.one_of(well_formed_sheets(), well_formed_sheets(), well_formed_sheets(), wild_sheets())


def to_csv_bytes(rows: list[list[str]], delimiter: str) -> bytes:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for row in rows:
        writer.writerow([cell.replace("\x00", "") for cell in row])
    return buffer.getvalue().encode("utf-8", "surrogatepass")


def to_raw_xlsx(rows: list[list[str]]) -> bytes:
    """An XLSX written without Polku's cleaning: cells openpyxl refuses are left out."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value and not ILLEGAL_CHARACTERS_RE.search(value) and "\ud800" > value[:1]:
                sheet.cell(row=r, column=c, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@fuzz_settings(250)
@given(rows=sheets(), delimiter=st.sampled_from([";", ",", "\t"]))
def test_fuzz_csv_reader(store: Store, rows: list[list[str]], delimiter: str) -> None:
    data = to_csv_bytes(rows, delimiter)
    check_outcome(store, lambda path_id: path_from_spreadsheet(data, "fuzz.csv", path_id=path_id))


@fuzz_settings(150)
@given(rows=sheets())
def test_fuzz_xlsx_reader(store: Store, rows: list[list[str]]) -> None:
    try:
        data = to_raw_xlsx(rows)
    except ValueError:
        return  # openpyxl itself refuses to write this sheet: there is no file to read
    check_outcome(store, lambda path_id: path_from_spreadsheet(data, "fuzz.xlsx", path_id=path_id))


@fuzz_settings(100)
@given(rows=sheets(), cut=st.integers(0, 4000), flip=st.integers(0, 255))
def test_fuzz_ods_reader(store: Store, rows: list[list[str]], cut: int, flip: int) -> None:
    from paths.formats.ods import write_ods

    data = bytearray(write_ods(rows))
    if cut and cut < len(data):
        data[cut] ^= flip  # a damaged archive or content
    check_outcome(store, lambda path_id: path_from_spreadsheet(bytes(data), "fuzz.ods", path_id=path_id))


@fuzz_settings(50)
@given(data=st.binary(max_size=3000), name=st.sampled_from(["x.csv", "x.xlsx", "x.ods", "x.txt", "x"]))
def test_fuzz_sheet_reader_raw_bytes(store: Store, data: bytes, name: str) -> None:
    check_outcome(store, lambda path_id: path_from_spreadsheet(data, name, path_id=path_id))


# -- BPMN ------------------------------------------------------------------------------------

NODE_TAGS = st.sampled_from([
    "task", "userTask", "sendTask", "receiveTask", "manualTask", "subProcess", "callActivity", "exclusiveGateway",
    "inclusiveGateway", "parallelGateway", "eventBasedGateway", "startEvent", "endEvent", "intermediateCatchEvent",
    "boundaryEvent", "dataObjectReference",
])


XML_TEXT = st.one_of(TEXT.map(lambda v: "".join(c for c in v if c >= " " or c in "\t\n")), TEXT, TEXT)


@st.composite
def bpmn_documents(draw) -> bytes:  # noqa: ANN001 - Hypothesis' draw
    count = draw(st.integers(0, 12))
    ids = [f"n{i}" for i in range(count)]
    parts = []
    for node_id in ids:
        tag = draw(NODE_TAGS)
        name = draw(XML_TEXT).replace("\x00", "")
        extra = ""
        if tag == "boundaryEvent":
            extra = f' attachedToRef="{draw(st.sampled_from([*ids, "ghost"]))}"'
        inner = "<timerEventDefinition/>" if tag == "intermediateCatchEvent" and draw(st.booleans()) else ""
        parts.append(f"<{tag} id={quoteattr(node_id)} name={quoteattr(name)}{extra}>{inner}</{tag}>")
    refs = [*ids, "ghost"] if draw(st.integers(0, 9)) == 0 else ids
    for index in range(draw(st.integers(0, 2 * count + 1)) if ids else 0):
        source, target = draw(st.sampled_from(refs)), draw(st.sampled_from(refs))
        label = draw(XML_TEXT).replace("\x00", "")
        parts.append(f'<sequenceFlow id="f{index}" sourceRef="{source}" targetRef="{target}" name={quoteattr(label)}/>')
    lanes = ""
    if ids and draw(st.booleans()):
        members = "".join(f"<flowNodeRef>{i}</flowNodeRef>" for i in draw(st.lists(st.sampled_from(refs))))
        lane_name = quoteattr(draw(XML_TEXT).replace(chr(0), ""))
        lanes = f'<laneSet id="ls"><lane id="l1" name={lane_name}>{members}</lane></laneSet>'
    groups = ""
    if draw(st.booleans()):
        groups = '<group id="g1" categoryValueRef="cv1"/>'
    diagram = ""
    if ids and draw(st.booleans()):
        xs = [draw(st.integers(-50, 3000)) for _ in ids]
        shapes = "".join(f'<bpmndi:BPMNShape id="{i}_di" bpmnElement="{i}"><dc:Bounds x="{x}" '
                         f'y="0" width="100" height="80"/></bpmndi:BPMNShape>' for i, x in zip(ids, xs, strict=True))
        diagram = (f'<bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="p">{shapes}'
                   "</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>")
    category = '<category id="c"><categoryValue id="cv1" value="Vaihe"/></category>' if groups else ""
    text = (f'<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="{MODEL}" '
            'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
            f'id="defs" targetNamespace="urn:x">{category}<process id="p">{lanes}{"".join(parts)}{groups}</process>'
            f"{diagram}</definitions>")
    return text.encode("utf-8", "surrogatepass")


@fuzz_settings(350)
@given(document=bpmn_documents())
def test_fuzz_bpmn_reader_structured(store: Store, document: bytes) -> None:
    check_outcome(store, lambda path_id: read_bpmn(document, "fuzz.bpmn", path_id=path_id).path)


def fixture_bytes() -> list[bytes]:
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "formats" / "fixtures" / "bpmn"
    return [file.read_bytes() for file in sorted(folder.glob("*.bpmn"))]


FIXTURES = fixture_bytes()


@fuzz_settings(150)
@given(which=st.integers(0, len(FIXTURES) - 1), cut=st.integers(0, 20_000), flip=st.integers(1, 255),
       truncate=st.booleans())
def test_fuzz_bpmn_reader_mutated_fixtures(store: Store, which: int, cut: int, flip: int, truncate: bool) -> None:
    data = bytearray(FIXTURES[which])
    position = cut % len(data)
    if truncate:
        del data[position:]
    else:
        data[position] ^= flip
    check_outcome(store, lambda path_id: read_bpmn(bytes(data), "fuzz.bpmn", path_id=path_id).path)
