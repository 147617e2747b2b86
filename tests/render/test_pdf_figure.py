"""A Graphviz drawing put into a WeasyPrint PDF in place of a tagged placeholder figure (real `dot`, real PDFs)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
import weasyprint

from paths.formats.files import load_path_file
from paths.i18n.catalog import t
from paths.personal.model import PersonalFill, PersonalPath
from paths.personal.pdf import blank_worksheet, paper_figure, pdf_options, personal_diagram_dot, personal_pdf
from paths.render.image import render_dot
from paths.render.pdf_figure import PLACEHOLDER_SRC, FigureError, drawing_finisher

ROOT = Path(__file__).resolve().parents[2]
PT_PER_MM = 72 / 25.4
BOX_MM = (120.0, 70.0)
ALT = "Kaavio: alku johtaa loppuun"


WITH_PLACEHOLDER = (
    f"<h1>Otsikko</h1><p>Ennen kuvaa.</p>"
    f'<img src="{PLACEHOLDER_SRC}" alt="{ALT}" style="display:block;width:{BOX_MM[0]}mm;height:{BOX_MM[1]}mm">'
    f"<p>Kuvan jälkeen.</p>"
)


def document(body: str, drawn: bytes | None = None) -> bytes:
    """The body as a tagged PDF; with `drawn`, that drawing put in the placeholder's place."""
    html = f'<!DOCTYPE html><html lang="fi"><head><title>Testi</title></head><body>{body}</body></html>'
    finisher = drawing_finisher(lambda: drawn, BOX_MM) if drawn is not None else None
    return weasyprint.HTML(string=html).write_pdf(finisher=finisher, **pdf_options())


def drawing() -> bytes:
    return render_dot("digraph { rankdir=TB; alku -> loppu }", "pdf")


def word_boxes(pdf: bytes, tmp_path: Path) -> dict[str, tuple[float, float, float, float]]:
    """Word → (xMin, yMin, xMax, yMax) in points from the top left, as poppler's pdftotext sees the page."""
    source = tmp_path / "in.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-bbox", str(source), "-"], capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)</word>', out)
    return {word: tuple(float(v) for v in box) for *box, word in found}


def figures(reader: pypdf.PdfReader) -> list[pypdf.generic.DictionaryObject]:
    found = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, pypdf.generic.ArrayObject):
            for child in node:
                walk(child)
        elif isinstance(node, pypdf.generic.DictionaryObject):
            if node.get("/S") == "/Figure":
                found.append(node)
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


@needs_poppler
def test_the_drawing_takes_the_placeholders_place_upright_and_inside_its_box(tmp_path: Path) -> None:
    placed = document(WITH_PLACEHOLDER, drawing())
    words = word_boxes(placed, tmp_path)
    assert "alku" in words and "loppu" in words, words  # the drawing's text is real text
    assert words["alku"][1] < words["loppu"][1]  # upright: "alku" is drawn above "loppu"
    before, after = words["Ennen"], words["jälkeen."]
    for word in ("alku", "loppu"):
        x_min, y_min, x_max, y_max = words[word]
        assert before[3] < y_min and y_max < after[1]  # between the paragraphs around the figure
        # centred: the narrow drawing sits in the middle of the box, not at its left edge
        left = before[0]
        assert left + 0.3 * BOX_MM[0] * PT_PER_MM < x_min and x_max < left + 0.7 * BOX_MM[0] * PT_PER_MM


def test_the_drawing_is_tagged_as_the_figure_with_its_alt_text() -> None:
    reader = pypdf.PdfReader(io.BytesIO(document(WITH_PLACEHOLDER, drawing())))
    assert [figure.get("/Alt") for figure in figures(reader)] == [ALT]
    xobjects = reader.pages[0]["/Resources"]["/XObject"]
    kinds = sorted(xobjects[name].get_object()["/Subtype"] for name in xobjects)
    assert kinds == ["/Form"]  # the placeholder image is gone


def test_a_very_wide_drawing_keeps_its_proportions() -> None:
    """The form's matrix is written precisely enough that a wide diagram's tiny scale is not rounded off."""
    chain = " -> ".join(f"askel{i}" for i in range(60))
    wide = render_dot(f"digraph {{ rankdir=LR; {chain} }}", "pdf")
    reader = pypdf.PdfReader(io.BytesIO(document(WITH_PLACEHOLDER, wide)))
    xobjects = reader.pages[0]["/Resources"]["/XObject"]
    (form,) = (xobjects[name].get_object() for name in xobjects)
    a, _, _, d, _, _ = (float(v) for v in form["/Matrix"])
    # the drawing's width and height are scaled alike: a * box width == d * box height
    assert a * BOX_MM[0] == pytest.approx(d * BOX_MM[1], rel=1e-5)


def test_a_document_without_a_placeholder_or_a_drawing_that_is_not_a_pdf_is_refused() -> None:
    with pytest.raises(FigureError):
        document("<p>Ei kuvaa.</p>", drawing())
    with pytest.raises(FigureError):
        document(WITH_PLACEHOLDER, b"not a pdf")


def _personal() -> PersonalPath:
    path = load_path_file(ROOT / "data" / "pohjanmaa.yaml")
    return PersonalPath(id="0" * 32, owner="Testi", display_name="Ari", lang="fi", source_path_id=path.id,
                        source_version=1, source=path, fill=PersonalFill(), version=1)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_personal_pdfs_diagram_is_graphviz_text_in_its_slices() -> None:
    """The portrait drawing, cut into slices, on A4 portrait pages: its texts are real text, and the first
    figure (the one with the text alternative) has the first slice's box."""
    personal = _personal()
    pdf = personal_pdf(personal)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert all(page.mediabox.width < page.mediabox.height for page in reader.pages)
    assert "Kykyviisari" in " ".join(page.extract_text() for page in reader.pages)
    dot = personal_diagram_dot(personal)
    paper = paper_figure(render_dot(dot, "pdf"), render_dot(dot, "json"))
    assert len(paper.boxes) >= 2 and paper.columns == 2
    described = [figure for figure in figures(reader) if figure.get("/Alt")]
    assert len(described) == 1
    x1, y1, x2, y2 = (float(v) for v in described[0]["/A"]["/BBox"])
    px_per_pt = 96 / 72  # WeasyPrint's user space is in CSS pixels
    assert (x2 - x1, y2 - y1) == pytest.approx(tuple(v * px_per_pt for v in paper.boxes[0]), abs=0.5)


@pytest.mark.parametrize("dot", ["missing", "failing", "not a PDF"])
def test_without_a_working_dot_the_pdf_says_the_diagram_could_not_be_drawn(
    dot: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "dot"
    if dot == "failing":
        program.write_text("#!/bin/sh\necho broken >&2\nexit 1\n")
        program.chmod(0o755)
    elif dot == "not a PDF":  # runs and succeeds, but what it draws cannot be placed
        program.write_text("#!/bin/sh\ncat >/dev/null\necho '%PDF-1.4 nothing here'\n")
        program.chmod(0o755)
    monkeypatch.setenv("POLKU_DOT", str(program))
    missing = t("personal.pdf.diagram_missing", "fi")
    for pdf in (personal_pdf(_personal()), blank_worksheet(_personal().source, "fi", fillable=True)):
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        assert missing in " ".join(_text(pdf).split())
        assert figures(reader) == []  # no empty figure left behind
