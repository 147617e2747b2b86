"""Printable PDFs of a personal path, and blank (or fillable) worksheets of any path.

HTML is built here and turned into PDF by WeasyPrint: A4, body text 14 pt, the palette's
high-contrast colours, DejaVu Sans (ä ö å and the status icons), real selectable text,
`<html lang>` from the client's language and a tagged PDF/UA-1 file. The diagram (with its
light bulbs and "I am here") is drawn by Graphviz as PDF (`dot -Tpdf`, while WeasyPrint lays out
the rest) and put in place of a placeholder figure with a text alternative (`paths.render.pdf_figure`);
the list below it says the same in words. Every user text is escaped.

The look (fonts, sizes, the stylesheet) is in `paths.personal.pdf_style`, the HTML of one sheet in
`paths.personal.pdf_sheet`; this module puts the diagram in and makes the PDF.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pydyf
import weasyprint

from paths.model.schema import ServicePath
from paths.personal.model import PersonalPath
from paths.personal.pdf_sheet import _Sheet
from paths.personal.pdf_style import COLUMN_GAP_PT, PAGE_WIDTH_PT, PAPER_SMALLEST_PT, SLICE_PT, PaperFigure
from paths.render.pdf_figure import FigureError, cut_slices, drawing_size, list_fields_once, place_slices

LOGGER = logging.getLogger(__name__)


def pdf_options(fillable: bool = False) -> dict[str, object]:
    """WeasyPrint's write_pdf options: tagged PDF/UA-1, and form fields for a fillable sheet."""
    options: dict[str, object] = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
    if fillable:
        options["pdf_forms"] = True
    return options


def render_html(document: str, fillable: bool = False, finisher: Callable[..., None] | None = None) -> bytes:
    """The PDF of an HTML document built by this module (`finisher`: WeasyPrint's hook before writing)."""
    return weasyprint.HTML(string=document).write_pdf(finisher=finisher, **pdf_options(fillable))


def _personal_sheet(personal: PersonalPath, drawn: bool | PaperFigure) -> _Sheet:
    sheet = _Sheet(personal.source, personal.lang, personal.fill, fillable=False)
    sheet.set_figure(drawn)
    return sheet


def personal_html(personal: PersonalPath, latest_version: int | None = None, drawn: bool | PaperFigure = True) -> str:
    """The HTML of a client's personal path PDF, in the client's language (`drawn`: the diagram's slices,
    True for one placeholder, False for a sentence saying that the diagram could not be drawn)."""
    sheet = _personal_sheet(personal, drawn)
    path_title = personal.source.title.get(sheet.lang)
    subtitle = [
        sheet.tr("pdf.made_from", title=path_title, version=personal.source_version),
        sheet.tr("pdf.saved_version", version=personal.version),
    ]
    notice = sheet.tr("newer_version") if personal.newer_version_exists(latest_version) else ""
    return sheet.document(sheet.tr("pdf.title", name=personal.display_name), subtitle, notice)


def worksheet_html(
    path: ServicePath, lang: str = "fi", fillable: bool = False, drawn: bool | PaperFigure = True
) -> str:
    """The HTML of a blank worksheet of `path`: the same layout, every field empty."""
    return _worksheet_document(_Sheet(path, lang, None, fillable=fillable), drawn)


def _worksheet_document(sheet: _Sheet, drawn: bool | PaperFigure) -> str:
    sheet.set_figure(drawn)
    title = sheet.tr("pdf.worksheet_title", title=sheet.path.title.get(sheet.lang))
    return sheet.document(title, [sheet.tr("pdf.worksheet_intro")])


def paper_figure(drawing: bytes, layout_json: bytes) -> PaperFigure:
    """How the portrait drawing goes on A4: scaled so that its smallest text is PAPER_SMALLEST_PT (or to
    the page's width, were it wider), cut between steps into slices, in two columns when two fit."""
    from paths.render.dot import SMALLEST_PT

    width, height = drawing_size(drawing)
    scale = min(PAPER_SMALLEST_PT / SMALLEST_PT, PAGE_WIDTH_PT / width)
    columns = 2 if 2 * width * scale + COLUMN_GAP_PT <= PAGE_WIDTH_PT else 1
    bb_height = float(json.loads(layout_json).get("bb", f"0,0,0,{height}").split(",")[3])
    slices = cut_slices(layout_json, height, bb_height, SLICE_PT / scale)
    return PaperFigure([(width * scale, (top - bottom) * scale) for bottom, top in slices], columns, slices)


def _finisher(drawing: bytes | None, figure: PaperFigure | None) -> Callable[[object, pydyf.PDF], None]:
    """WeasyPrint's last step: the drawing's slices in their placeholders, and the form's fields listed once."""

    def finish(_document: object, pdf: pydyf.PDF) -> None:
        if drawing is not None and figure is not None:
            try:
                place_slices(pdf, drawing, figure.slices)
            except FigureError:
                raise
            except Exception as exc:  # noqa: BLE001 - pypdf's errors on a malformed drawing are many kinds
                raise FigureError("the drawing could not be read") from exc
        list_fields_once(pdf)

    return finish


def _with_diagram(html_for: Callable[[bool | PaperFigure], str], dot_source: str, fillable: bool) -> bytes:
    """`dot` draws the diagram (PDF) and reports its layout (JSON) in two processes at once; the layout tells
    where to cut the drawing into slices, the HTML gets a placeholder of each slice's size, and WeasyPrint's
    finisher puts the slices in place. Without a working `dot` the page says so."""
    from paths.render.image import RenderError, dot_binary, render_dot

    if dot_binary() is None:
        return render_html(html_for(False), fillable, _finisher(None, None))
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            drawing_job = pool.submit(render_dot, dot_source, "pdf")
            layout_json = render_dot(dot_source, "json")
            drawing = drawing_job.result()
        figure = paper_figure(drawing, layout_json)
        return render_html(html_for(figure), fillable, _finisher(drawing, figure))
    except (RenderError, FigureError, ValueError) as exc:
        LOGGER.warning("the diagram was left out of a PDF: %s", exc.__cause__ or exc)
        return render_html(html_for(False), fillable, _finisher(None, None))


def personal_diagram_dot(personal: PersonalPath) -> str:
    """The DOT of the personal PDF's diagram: the client view with the client's statuses and "I am here"."""
    return _personal_sheet(personal, drawn=True).diagram_dot()


def personal_pdf(personal: PersonalPath, latest_version: int | None = None) -> bytes:
    """A4 PDF of the personal path: diagram, statuses, notes, goals, contacts, write-in lines."""
    dot_source = personal_diagram_dot(personal)
    return _with_diagram(lambda drawn: personal_html(personal, latest_version, drawn), dot_source, fillable=False)


def blank_worksheet(path: ServicePath, lang: str = "fi", fillable: bool = False) -> bytes:
    """A4 worksheet of any path for paper use; with `fillable` real PDF form fields to type into."""
    sheet = _Sheet(path, lang, None, fillable=fillable)
    return _with_diagram(lambda drawn: _worksheet_document(sheet, drawn), sheet.diagram_dot(), fillable)
