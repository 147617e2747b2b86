"""The personal path PDF and the worksheets, read back with pypdf: text, language, tags, form fields."""

from __future__ import annotations

import datetime as dt
import io
import logging
import math

import pypdf
import pytest

from paths.personal.model import PersonalContact, PersonalFill, PersonalPath, StepEntry, client_steps
from paths.personal.pdf import blank_worksheet, personal_html, personal_pdf, worksheet_html
from paths.render import palette
from tests.support.factories import branching_path
from tests.support.pdf_forms import filled_fields

NOTE = "Haluan kysyä kuntoutuksesta – äiti, öljy, Åbo"
GOAL = "Päästä työkokeiluun syksyllä, jaksaa arjessa"
HOSTILE = "<script>alert('x')</script> & <b>lihava</b>"
RTL = "שלום עולם"
LONG_WORD = "Loppusana"

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf chatters about WeasyPrint's radio groups


def personal(fill: PersonalFill, lang: str = "fi", name: str = "Ari") -> PersonalPath:
    path = branching_path()
    return PersonalPath(
        id="b" * 32, owner="Olli", display_name=name, lang=lang, source_path_id=path.id, source_version=2,
        source=path, fill=fill, version=4,
    )


FILLED = PersonalFill(
    entries={
        "tarve": StepEntry(status="done", date=dt.date(2025, 3, 4), note=NOTE, met="Terveydenhoitaja Åsa"),
        "yhteydenotto": StepEntry(status="here", note=HOSTILE),
        "kokous": StepEntry(status="next", note=f"{RTL} 🎉"),
        "seuranta": StepEntry(note="pitkä " * 1500 + LONG_WORD),
    },
    goals=GOAL,
    contacts=[PersonalContact(name="Liisa Ö.", role="asiakasvastaava", phone="040 000 0000")],
    next_appointment="ti 12.3. klo 10",
    branches={"yhteydenotto": "kokous"},
)


def read(data: bytes) -> pypdf.PdfReader:
    assert data.startswith(b"%PDF")
    return pypdf.PdfReader(io.BytesIO(data))


def text_of(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def filled_pdf() -> pypdf.PdfReader:
    return read(personal_pdf(personal(FILLED), latest_version=3))


@pytest.fixture(scope="module")
def worksheet_sv() -> pypdf.PdfReader:
    return read(blank_worksheet(branching_path(), "sv"))


@pytest.fixture(scope="module")
def fillable() -> pypdf.PdfReader:
    return read(blank_worksheet(branching_path(), "en", fillable=True))


def test_notes_goals_and_contacts_are_real_text_with_nordic_letters(filled_pdf: pypdf.PdfReader) -> None:
    text = flat(text_of(filled_pdf))
    for expected in (NOTE, GOAL, "Terveydenhoitaja Åsa", "Liisa Ö.", "asiakasvastaava", "ti 12.3. klo 10"):
        assert expected in text
    assert "4.3.2025" in text  # the date in the Finnish format
    assert "Minun polkuni: Ari" in text


def test_language_tag_and_structure_tree(filled_pdf: pypdf.PdfReader, worksheet_sv: pypdf.PdfReader) -> None:
    root = filled_pdf.trailer["/Root"]
    assert root["/Lang"] == "fi"
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert worksheet_sv.trailer["/Root"]["/Lang"] == "sv"
    assert "/StructTreeRoot" in worksheet_sv.trailer["/Root"]
    assert "pdfuaid" in filled_pdf.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")


def test_a4_pages_large_type_and_dejavu(filled_pdf: pypdf.PdfReader) -> None:
    first = filled_pdf.pages[0]
    assert (round(float(first.mediabox.width)), round(float(first.mediabox.height))) == (595, 842)
    sizes: list[float] = []
    fonts: set[str] = set()
    fonts_in_order: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
        if text.strip() and font is not None:
            sizes.append(size * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]))
            fonts.add(str(font.get("/BaseFont")))
            fonts_in_order.append(str(font.get("/BaseFont")))

    for page in filled_pdf.pages:
        assert page.mediabox.width < page.mediabox.height  # every page portrait, the diagram's too
        page.extract_text(visitor_text=visit)
    # The page's own text (WeasyPrint's fonts; the diagram's text is in tests/render/test_paper_diagram.py):
    # 14 pt, the steps table 11 pt.
    body = [size for size, font in zip(sizes, fonts_in_order, strict=True) if "DejaVu-Sans" in font]
    assert body and min(body) >= 10.9 and max(body) >= 13.9
    assert any("DejaVu-Sans" in font for font in fonts)


def test_statuses_are_icon_and_words_and_here_is_marked(filled_pdf: pypdf.PdfReader) -> None:
    text = flat(text_of(filled_pdf))
    assert "Tilanne: ✓ Tehty" in text
    assert "Tilanne: 📍 Olen tässä" in text
    assert "Tilanne: ➜ Seuraavaksi" in text
    assert "Missä olen nyt 📍 Olen tässä Yhteydenotto" in text
    assert "☐ ✓ Tehty" in text  # a step with no status yet gets the choices to tick
    assert "☒ Tarvitaan useita palveluita" in text  # the chosen branch
    assert "Polusta on tämän jälkeen tehty uudempi versio" in text


def test_the_diagram_has_bulbs_and_i_am_here(filled_pdf: pypdf.PdfReader) -> None:
    text = flat(text_of(filled_pdf))
    diagram = text[text.index("Polkuni kuvana") : text.index("Askeleet")]  # the drawing and its legend
    assert "Polkuni kuvana" in diagram
    assert "💡" in diagram and "📍" in diagram
    assert "Verkostokokous" in diagram  # step titles drawn as real text in the picture
    html = personal_html(personal(FILLED))
    assert 'alt="Polku Testipolku kuvana: 6 askelta, joista 3 on koordinaattorin askelia' in html


def test_the_light_bulb_meaning_is_told_at_each_coordinator_step(filled_pdf: pypdf.PdfReader) -> None:
    text = flat(text_of(filled_pdf))
    bulbs = sum(1 for step in client_steps(branching_path()) if step.coordinator)
    # once per coordinator step in the list, plus the legend under the diagram (and in the diagram's legend)
    assert text.count("💡 Koordinaattori auttaa sinua tässä.") >= bulbs + 1


def test_hostile_rtl_and_long_text_is_shown_as_text(filled_pdf: pypdf.PdfReader) -> None:
    text = flat(text_of(filled_pdf))
    # Never interpreted as markup (the steps table's narrow column may break it over lines).
    assert HOSTILE.replace(" ", "") in text.replace(" ", "")
    assert "שלום" in text or "םולש" in text  # extraction order of right-to-left text varies
    assert LONG_WORD in text  # a very long note flows over pages and is complete
    html = personal_html(personal(FILLED))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_hostile_display_name_is_escaped() -> None:
    reader = read(personal_pdf(personal(PersonalFill(), name='<img src=x onerror="1">Ari')))
    assert '<img src=x onerror="1">Ari' in flat(text_of(reader))


def test_hostile_text_in_every_written_place_is_escaped_in_the_html() -> None:
    fill = PersonalFill(
        entries={"tarve": StepEntry(status="done", note=HOSTILE, met=HOSTILE)},
        goals=HOSTILE, next_appointment=HOSTILE, contacts=[PersonalContact(name=HOSTILE, role=HOSTILE, email=HOSTILE)],
    )
    html = personal_html(personal(fill, name=HOSTILE))
    assert "<script>" not in html and "<b>" not in html
    assert html.count("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;lihava&lt;/b&gt;") >= 8


def test_the_stylesheet_is_written_with_the_palettes_colours() -> None:
    html = worksheet_html(branching_path(), "fi")
    style = html[html.index("<style>"):html.index("</style>")]
    assert f"border: 3pt solid {palette.HERE_BORDER}" in style and f"color: {palette.MUTED_INK}" in style
    assert '"DejaVu Sans", "Symbola", sans-serif' in style  # the font stack is not escaped as HTML
    assert "{{" not in style and "var(" not in style and "&#34;" not in style


def test_swedish_client_gets_swedish_pdf() -> None:
    reader = read(personal_pdf(personal(PersonalFill(goals="Få ett arbete"), lang="sv")))
    text = flat(text_of(reader))
    assert reader.trailer["/Root"]["/Lang"] == "sv"
    assert "Min servicestig: Ari" in text and "Mina mål Få ett arbete" in text
    assert "Samordnaren hjälper dig här." in text


def test_blank_worksheet_has_write_in_places_and_no_fields(worksheet_sv: pypdf.PdfReader) -> None:
    text = flat(text_of(worksheet_sv))
    assert "Min servicestig: Teststig" in text
    assert "☐ ✓ Klart ☐ 📍 Här är jag ☐ ➜ Nästa ☐ – Gäller inte mig" in text
    assert "Läge: ✓" not in text  # nothing filled in
    assert "/AcroForm" not in worksheet_sv.trailer["/Root"]
    html = worksheet_html(branching_path(), "sv")
    assert html.count('class="line"') >= 4 * len(client_steps(branching_path()))  # date, whom I met, two for notes


def test_fillable_worksheet_has_form_fields(fillable: pypdf.PdfReader) -> None:
    assert "/AcroForm" in fillable.trailer["/Root"]
    fields = fillable.get_fields()
    steps = client_steps(branching_path())
    for index in range(len(steps)):
        for part in ("date", "note", "met"):
            assert fields[f"step{index}_{part}"]["/FT"] == "/Tx"
        assert fields[f"step{index}_status"]["/FT"] == "/Btn"
    for name in ("goals", "next_appointment", "here", "contact0_0", "contact2_2", "branch0"):
        assert name in fields
    assert fillable.trailer["/Root"]["/Lang"] == "en"
    assert "My path: Test path" in flat(text_of(fillable))


def test_fillable_radio_groups_and_buttons_have_their_own_names(fillable: pypdf.PdfReader) -> None:
    """A group is named by its step (WeasyPrint named it by its first button), each button by its whole
    label (WeasyPrint took the label's first line); pdf.js reads the button's own (test_browser_pdfjs.py)."""
    fields = fillable.get_fields()
    steps = client_steps(branching_path())
    for index, step in enumerate(steps):
        group = fields[f"step{index}_status"]
        assert group["/TU"] == f"Status: {step.title.get('en')}"
        buttons = [kid.get_object() for kid in group.indirect_reference.get_object()["/Kids"]]
        assert [str(b["/TU"]).replace("\ufe0e", "") for b in buttons] == [
            "✓ Done", "📍 I am here", "➜ Next", "– Not for me"]
        assert all("/T" not in button for button in buttons)  # a button is no field of its own name
    assert fields["branch0"]["/TU"].startswith("Which way applies to me: ")


def test_fillable_fields_can_be_filled_in_and_read_back(fillable: pypdf.PdfReader) -> None:
    fields = filled_fields(fillable, {"goals": "Oma tavoite åäö", "step0_note": "Kysymys"})
    assert fields["goals"]["/V"] == "Oma tavoite åäö"
    assert fields["step0_note"]["/V"] == "Kysymys"


def _embedded_fonts(reader: pypdf.PdfReader) -> set[str]:
    """BaseFont names of the fonts the pages use directly (not those inside the diagram's drawing)."""
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font")
        for font in (fonts.get_object().values() if fonts is not None else ()):
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_our_icons_are_monochrome_text_and_a_clients_own_emoji_stay_colour(
    worksheet_sv: pypdf.PdfReader, filled_pdf: pypdf.PdfReader
) -> None:
    """The light bulb and "I am here" come from Symbola as text (a colour emoji font costs WeasyPrint a
    bitmap per icon and a rebuild of the whole font per PDF); emoji a client types keep their colour."""
    fonts = _embedded_fonts(worksheet_sv)
    assert any("Symbola" in name for name in fonts), f"install fonts-symbola (fonts used: {sorted(fonts)})"
    assert not any("Color-Emoji" in name for name in fonts)
    text = flat(text_of(worksheet_sv))
    assert "💡" in text and "📍" in text
    assert any("Color-Emoji" in name for name in _embedded_fonts(filled_pdf))  # the client's 🎉
