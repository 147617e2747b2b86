"""The diagram on paper (issue 10) and the PDFs' hygiene (issue 15, items 11 and 12), read back from the files.

- The Pohjanmaa personal PDF takes at most 4 pages (it took 9 before the portrait layout: measured with the
  same fill on this branch's base, 449e783), every text in it — the diagram's too — at least 8 pt.
- Neither `qpdf --check`, pdftoppm nor the `worksheet` command prints a warning (pypdf's "Multiple
  definitions in dictionary" about cairo's repeated XObject keys was printed three times per command).
- The fillable worksheet lists each field once in its form (WeasyPrint listed each radio group five
  times), and a filled value reads back.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pypdf
import pytest

from paths.formats.files import load_path_file
from paths.personal.model import PersonalFill, PersonalPath, StepEntry, client_steps
from paths.personal.pdf import blank_worksheet, personal_pdf
from tests.support.pdf_forms import filled_fields

ROOT = Path(__file__).resolve().parents[2]
POHJANMAA = load_path_file(ROOT / "data" / "pohjanmaa.yaml")
PAGES_BEFORE = 9
poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
# DejaVu Sans: poppler's word box is the font's ascent + descent, 1.164 em.
EM_TO_BOX = 1.164


@pytest.fixture(scope="module")
def pohjanmaa_pdf() -> bytes:
    steps = client_steps(POHJANMAA)
    fill = PersonalFill(entries={steps[0].id: StepEntry(status="done"), steps[2].id: StepEntry(status="here")})
    personal = PersonalPath(
        id="c" * 32, owner="Olli", display_name="Testi", lang="fi", source_path_id=POHJANMAA.id,
        source_version=1, source=POHJANMAA, fill=fill, version=1,
    )
    return personal_pdf(personal)


@pytest.fixture(scope="module")
def fillable() -> bytes:
    return blank_worksheet(POHJANMAA, "fi", fillable=True)


def test_pohjanmaa_personal_pdf_has_at_most_half_the_pages(pohjanmaa_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(pohjanmaa_pdf))
    assert len(reader.pages) <= PAGES_BEFORE // 2
    text = " ".join(page.extract_text() for page in reader.pages)
    for step in client_steps(POHJANMAA):  # every step in the diagram and in the table: twice at least
        first_word = re.split(r"[\s-]", step.title.fi)[0][:10]
        assert text.count(first_word) >= 2, step.title.fi


@poppler
def test_every_text_is_at_least_8_pt(pohjanmaa_pdf: bytes, tmp_path: Path) -> None:
    source = tmp_path / "pohjanmaa.pdf"
    source.write_bytes(pohjanmaa_pdf)
    out = subprocess.run(["pdftotext", "-bbox", str(source), "-"], capture_output=True, text=True, check=True).stdout
    boxes = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', out)
    heights = {word: float(bottom) - float(top) for top, bottom, word in boxes}
    assert len(heights) > 100
    smallest = min(heights, key=heights.__getitem__)
    assert heights[smallest] >= 8 * EM_TO_BOX - 0.05, (smallest, heights[smallest])
    # The smallest are the diagram's (about 8.5 pt; the page's own text is 11 pt and more).
    assert heights[smallest] < 10 * EM_TO_BOX


@pytest.mark.skipif(shutil.which("qpdf") is None or shutil.which("pdftoppm") is None, reason="needs qpdf, poppler")
@pytest.mark.parametrize("kind", ["personal", "fillable"])
def test_qpdf_and_pdftoppm_print_no_warning(kind: str, pohjanmaa_pdf: bytes, fillable: bytes, tmp_path: Path) -> None:
    source = tmp_path / f"{kind}.pdf"
    source.write_bytes(pohjanmaa_pdf if kind == "personal" else fillable)
    check = subprocess.run(["qpdf", "--check", str(source)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "WARNING" not in (check.stdout + check.stderr).upper()
    drawn = subprocess.run(["pdftoppm", "-r", "30", "-png", str(source), str(tmp_path / "page")],
                           capture_output=True, text=True, check=False)
    assert drawn.returncode == 0 and drawn.stderr == ""


def test_the_worksheet_command_prints_no_warning(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "paths", "worksheet", str(ROOT / "data" / "pohjanmaa.yaml"), "--fillable",
         "-o", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Multiple definitions" not in result.stderr and "already parsed" not in result.stderr
    assert "WARNING" not in result.stderr.upper(), result.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_every_form_field_is_listed_once_and_reads_back_filled(fillable: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(fillable))
    listed = [field.get_object()["/T"] for field in reader.trailer["/Root"]["/AcroForm"]["/Fields"]]
    assert listed and Counter(listed).most_common(1)[0][1] == 1
    steps = client_steps(POHJANMAA)
    radio_groups = [name for name in listed if name.endswith("_status")]
    assert len(radio_groups) == len(steps)
    for name in radio_groups:  # each group keeps its four buttons as kids
        group = next(field.get_object() for field in reader.trailer["/Root"]["/AcroForm"]["/Fields"]
                     if field.get_object()["/T"] == name)
        assert len(group["/Kids"]) == 4
    fields = filled_fields(reader, {"step0_note": "Kysyn kuntoutuksesta", "goals": "Työkokeilu"})
    assert fields["step0_note"]["/V"] == "Kysyn kuntoutuksesta"
    assert fields["goals"]["/V"] == "Työkokeilu"
    assert len(fields) == len(listed)  # the reader's model holds each field once
