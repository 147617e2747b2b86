"""Printable PDFs of a personal path, and blank (or fillable) worksheets of any path.

HTML is built from the Jinja templates in `paths/personal/templates` (`sheet.html`, its pieces in
`macros.html`, the stylesheet `pdf.css` with the palette's colours written in), autoescaped,
and turned into PDF by WeasyPrint: A4, body text 14 pt, the palette's high-contrast colours, DejaVu Sans
(ä ö å and the status icons), real selectable text, `<html lang>` from the client's language and a tagged
PDF/UA-1 file. This module only gathers what the page says. The diagram (with its light bulbs and "I am
here") is drawn by Graphviz as PDF (`dot -Tpdf`, while WeasyPrint lays out the rest) and put in place of a
placeholder figure with a text alternative (`paths.render.pdf_figure`); the list below it says the same in
words. Every user text is escaped by the templates.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pydyf
import weasyprint
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from paths.i18n.catalog import normalise_lang, t
from paths.i18n.formatting import format_date
from paths.model.schema import ServicePath, Step
from paths.personal.model import (
    STATUS_ICONS,
    STATUSES,
    PersonalFill,
    PersonalPath,
    branch_choices,
    client_steps,
    client_view,
)
from paths.render import marks, palette
from paths.render.experience import feeling_label
from paths.render.pdf_figure import (
    FigureError,
    cut_slices,
    drawing_size,
    list_fields_once,
    place_slices,
    placeholder_src,
)

LOGGER = logging.getLogger(__name__)
TEMPLATES = Path(__file__).with_name("templates")
# HTML autoescaped; the stylesheet (pdf.css, included by sheet.html) not, as CSS holds no user text.
_ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(enabled_extensions=("html",), disabled_extensions=("css",), default=True),
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=StrictUndefined,
)
# Our own emoji icons ask for text presentation (U+FE0E), so that Symbola draws them (pdf.css says why).
TEXT_PRESENTATION = "\ufe0e"


def _as_text(icon: str) -> str:
    """Our icon asking for text presentation when it is an emoji (📍), not a plain symbol such as ✓."""
    return icon + TEXT_PRESENTATION if any(ord(char) > 0xFFFF for char in icon) else icon


BULB = _as_text("💡")
# The diagram on paper: the portrait layout, its smallest text (12 pt in the drawing) at PAPER_SMALLEST_PT,
# cut between steps into slices of at most SLICE_PT high that flow in two columns when two fit side by side.
PAGE_WIDTH_PT = 595.28 - 2 * 14 * 72 / 25.4  # A4 less the 14 mm side margins
PAPER_SMALLEST_PT = 8.5
SLICE_PT = 180.0
COLUMN_GAP_PT = 14.0
LONGEST_IN_CELL = 400  # characters of a note or step text in a table row (a row never splits over pages)
# The box a one-piece drawing was fitted into before (kept for bench/bench_personal.py's figures).
DIAGRAM_BOX_MM = (182.0, 250.0)
EMPTY_BOX = "☐"
CHOSEN_BOX = "☒"


def pdf_options(fillable: bool = False) -> dict[str, object]:
    """WeasyPrint's write_pdf options: tagged PDF/UA-1, and form fields for a fillable sheet."""
    options: dict[str, object] = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
    if fillable:
        options["pdf_forms"] = True
    return options


def render_html(document: str, fillable: bool = False, finisher: Callable[..., None] | None = None) -> bytes:
    """The PDF of an HTML document built by this module (`finisher`: WeasyPrint's hook before writing)."""
    return weasyprint.HTML(string=document).write_pdf(finisher=finisher, **pdf_options(fillable))


@dataclass
class RadioNames:
    """The accessible names of one radio group of the fillable sheet: the group's, and each button's in order."""

    title: str
    buttons: list[str]


@dataclass
class PaperFigure:
    """The diagram on paper: each slice's box (width, height in pt, in order), how many columns they flow in,
    and each slice's (bottom, top) in the drawing's own points."""

    boxes: list[tuple[float, float]]
    columns: int
    slices: list[tuple[float, float]] = field(default_factory=list)


class _Sheet:
    """Gathers what one document says, for sheet.html: a personal path (with `fill`) or a blank/fillable
    worksheet. Plain text only; the template marks it up and escapes it."""

    def __init__(
        self, path: ServicePath, lang: str, fill: PersonalFill | None, fillable: bool, drawn: bool | PaperFigure = True
    ) -> None:
        self.path = path
        self.figure: PaperFigure | None = None
        self.set_figure(drawn)
        self.long_texts: list[tuple[str, str]] = []  # (step title, text) too long for the steps table
        self.view = client_view(path)
        self.steps = client_steps(path)
        self.lang = normalise_lang(lang)
        self.fill = fill
        self.fillable = fillable and fill is None
        self.radio_groups: dict[str, RadioNames] = {}  # the fillable sheet's radio groups by field name

    def set_figure(self, drawn: bool | PaperFigure) -> None:
        """The diagram's slices on paper (True: one placeholder); False: `dot` cannot draw it and the page
        says so instead."""
        if isinstance(drawn, PaperFigure):
            self.figure = drawn
        else:
            self.figure = PaperFigure([(PAGE_WIDTH_PT, PAGE_WIDTH_PT)], 1, [(0.0, 1.0)]) if drawn else None

    def tr(self, key: str, **params: object) -> str:
        return t(f"personal.{key}", self.lang, **params)

    # -------------------------------------------------------------- pieces

    def choices(self, name: str, options: Iterable[tuple[str, str]], legend: str, title: str) -> dict[str, object]:
        """A set of options to tick (☐ on paper), for macros.html `choices`; radio buttons when fillable,
        their group named by `title`."""
        options = list(options)
        if self.fillable:
            self.radio_groups[name] = RadioNames(title, [words for _value, words in options])
        return {"name": name, "legend": legend,
                "options": [{"value": value, "words": words, "box": EMPTY_BOX} for value, words in options]}

    def status_words(self, status: str) -> str:
        return f"{_as_text(STATUS_ICONS[status])} {self.tr(f'status.{status}')}"

    # -------------------------------------------------------------- sections

    def here_section(self) -> dict[str, str]:
        here = self.fill.here() if self.fill else None
        step = self.view.step(here) if here else None
        section = {"heading": self.tr("pdf.here_heading"), "write": self.tr("pdf.here_write"), "step": ""}
        if step is not None:
            stage = self.view.stage(step.stage)
            stage_title = stage.title.get(self.lang) if stage else ""
            section.update(status=self.status_words("here"), step=step.title.get(self.lang),
                           stage=self.tr("pdf.stage_label", stage=stage_title))
        return section

    def diagram_dot(self) -> str:
        """The client diagram in DOT (portrait layout, for paper), with the client's statuses and "I am here"."""
        from paths.render.dot import to_dot

        statuses = self.fill.statuses() if self.fill else {}
        here = self.fill.here() if self.fill else None
        return to_dot(self.view, self.lang, "client", here=here, statuses=statuses, legend=False, layout="portrait")

    def diagram_alt(self) -> str:
        here = self.fill.here() if self.fill else None
        alt = self.tr("pdf.diagram_alt", title=self.path.title.get(self.lang), steps=len(self.steps),
                      bulbs=sum(1 for s in self.steps if s.coordinator))
        if here and self.view.step(here):
            alt += " " + self.tr("pdf.diagram_alt_here", step=self.view.step(here).title.get(self.lang))
        return alt

    def diagram_section(self) -> dict[str, object]:
        """The diagram as its slices (one image with the text alternative, the rest marked as its parts),
        or a sentence when it could not be drawn; then the legend in words."""
        here = marks.STATUS_MARKS["here"]
        section: dict[str, object] = {
            "heading": self.tr("pdf.diagram_heading"), "missing": "", "images": [], "two": False,
            "legend": f"{BULB} {self.tr('bulb_meaning')} · {_as_text(here.icon)} "
                      f"{here.words(self.lang, 'personal')} · {self.tr('pdf.legend_list')}",
        }
        if self.figure is None:
            section["missing"] = self.tr("pdf.diagram_missing")
            return section
        section["two"] = self.figure.columns == 2
        section["images"] = [
            {"src": placeholder_src(index), "alt": self.diagram_alt() if index == 0 else "",
             "width": f"{width:.2f}", "height": f"{height:.2f}"}
            for index, (width, height) in enumerate(self.figure.boxes)
        ]
        return section

    def step_row(self, index: int, step: Step) -> dict[str, object]:
        """One step as a table row: what it is, its status (or the choices to tick), and places to write."""
        entry = self.fill.entry(step.id) if self.fill else None
        status = entry.status.value if entry and entry.status else None
        name = f"step{index}"
        text = step.client_text.get(self.lang)
        row: dict[str, object] = {
            "stage": None, "here": status == "here",
            "title": (BULB + " " if step.coordinator else "") + step.title.get(self.lang),
            "text": self.in_cell(step, text) if text else "",
            "bulb": f"{BULB} {self.tr('bulb_meaning')}" if step.coordinator else "",
            "links": [{"lead": self.tr("pdf.link"), "url": link.url, "label": link.label.get(self.lang)}
                      for link in step.links],
            "status": f"{self.tr('field.status')}: {self.status_words(status)}" if status else "",
            "choices": None if status else self.choices(
                f"{name}_status", [(s, self.status_words(s)) for s in STATUSES], "",
                f"{self.tr('field.status')}: {step.title.get(self.lang)}"),
            "feeling": "",
        }
        if entry and entry.feeling is not None:
            row["feeling"] = f"{self.tr('field.feeling')}: {feeling_label(entry.feeling, self.lang, icon=False)}"
        date_text = format_date(entry.date, self.lang) if entry and entry.date else ""
        written = self.in_cell(step, entry.note) if entry and entry.note else ""
        row["date"] = {"name": f"{name}_date", "label": self.tr("field.date"), "value": date_text}
        row["met"] = {"name": f"{name}_met", "label": self.tr("field.met"), "value": entry.met if entry else ""}
        row["note"] = {"name": f"{name}_note", "label": self.tr("field.note"), "value": written}
        return row

    def in_cell(self, step: Step, text: str) -> str:
        """`text` as it fits a table row: a row cannot continue on the next page, so a long text shows its
        beginning here and the whole of it under "Long texts" after the table."""
        if len(text) <= LONGEST_IN_CELL:
            return text
        self.long_texts.append((step.title.get(self.lang), text))
        return text[: LONGEST_IN_CELL - 40].rstrip() + "… " + t("diagrams.pdf.continues", self.lang)

    def steps_section(self) -> dict[str, object]:
        """The steps table's rows, a stage's heading row before its first step."""
        heads = [self.tr("pdf.steps_heading"), self.tr("field.status"), self.tr("field.date"),
                 t("diagrams.pdf.col_note", self.lang)]
        rows: list[dict[str, object]] = []
        current_stage = None
        for index, step in enumerate(self.steps):
            if step.stage != current_stage:
                current_stage = step.stage
                stage = self.view.stage(step.stage)
                rows.append({"stage": stage.title.get(self.lang) if stage else step.stage})
            rows.append(self.step_row(index, step))
        return {"heading": self.tr("pdf.steps_heading"), "heads": heads, "rows": rows}

    def branch_section(self) -> dict[str, object]:
        decisions = []
        for index, (decision, ways) in enumerate(branch_choices(self.path).items()):
            step = self.view.step(decision)
            chosen = self.fill.branches.get(decision) if self.fill else None
            options = []
            for target, condition in ways:
                target_step = self.view.step(target)
                words = condition.get(self.lang) or (target_step.title.get(self.lang) if target_step else target)
                options.append((target, words))
            decision_title = step.title.get(self.lang) if step else decision
            item: dict[str, object] = {"title": decision_title, "chosen": "", "choices": None}
            if chosen and not self.fillable:
                item["chosen"] = f"{CHOSEN_BOX} {next((w for v, w in options if v == chosen), chosen)}"
            else:
                title = f"{self.tr('pdf.branch_heading')}: {decision_title}"
                item["choices"] = self.choices(f"branch{index}", options, self.tr("pdf.branch_question"), title)
            decisions.append(item)
        return {"heading": self.tr("pdf.branch_heading"), "decisions": decisions}

    def contacts_section(self) -> dict[str, object]:
        """The client's contacts, then empty rows to write more in (three when there are none)."""
        contacts = [c for c in (self.fill.contacts if self.fill else []) if not c.is_empty()]
        rows = [[c.name, c.role, " · ".join(x for x in (c.phone, c.email) if x)] for c in contacts]
        heads = [self.tr("field.contact_name"), self.tr("field.contact_role"), self.tr("pdf.contact_reach")]
        return {"heading": self.tr("pdf.contacts_heading"), "heads": heads, "rows": rows,
                "blank_rows": 1 if contacts else 3}

    def written(self, name: str, value: str, lines: int = 1) -> dict[str, object]:
        """A section that is the client's own text or, when empty, a place to write it (named `name`)."""
        return {"name": name, "label": self.tr(f"field.{name}"), "value": value, "lines": lines}

    def document(self, title: str, subtitle_lines: list[str], notice: str = "") -> str:
        self.long_texts = []  # the steps table gathers them again
        return _ENVIRONMENT.get_template("sheet.html").render(
            lang=self.lang, title=title, subtitle_lines=subtitle_lines, notice=notice, fillable=self.fillable,
            colour=palette.colours(), column_gap_pt=f"{COLUMN_GAP_PT:g}",
            here=self.here_section(),
            goals=self.written("goals", self.fill.goals if self.fill else "", lines=3),
            appointment=self.written("next_appointment", self.fill.next_appointment if self.fill else ""),
            contacts=self.contacts_section(), diagram=self.diagram_section(), steps=self.steps_section(),
            long_texts={"heading": t("diagrams.pdf.long_texts", self.lang), "texts": self.long_texts},
            branches=self.branch_section(),
        )


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


def _name_radio_groups(pdf: pydyf.PDF, groups: dict[str, RadioNames]) -> None:
    """Each radio group's and button's accessible name (/TU) from `groups`: WeasyPrint names a group by
    its first button's label, so a reader announced every step's status group as "✓ Done", and a button
    by the first line of its label only ("– Ei koske" of "– Ei koske minua")."""
    by_reference = {item.reference: item for item in pdf.objects if isinstance(item, pydyf.Dictionary)}
    for item in list(by_reference.values()):
        names = groups.get(item["T"].string) if "Kids" in item and isinstance(item.get("T"), pydyf.String) else None
        if names is None:
            continue
        item["TU"] = pydyf.String(names.title)
        for kid, words in zip(item["Kids"], names.buttons, strict=False):
            if kid in by_reference:
                by_reference[kid]["TU"] = pydyf.String(words)


def _finisher(
    drawing: bytes | None, figure: PaperFigure | None, radio_groups: dict[str, RadioNames] | None = None
) -> Callable[[object, pydyf.PDF], None]:
    """WeasyPrint's last step: the drawing's slices in their placeholders, the form's fields listed once, its
    radio groups and buttons named by `radio_groups`."""

    def finish(_document: object, pdf: pydyf.PDF) -> None:
        if drawing is not None and figure is not None:
            try:
                place_slices(pdf, drawing, figure.slices)
            except FigureError:
                raise
            except Exception as exc:  # noqa: BLE001 - pypdf's errors on a malformed drawing are many kinds
                raise FigureError("the drawing could not be read") from exc
        list_fields_once(pdf)
        _name_radio_groups(pdf, radio_groups or {})

    return finish


def _with_diagram(
    html_for: Callable[[bool | PaperFigure], str],
    dot_source: str,
    fillable: bool,
    radio_groups: dict[str, RadioNames] | None = None,
) -> bytes:
    """`dot` draws the diagram (PDF) and reports its layout (JSON) in two processes at once; the layout tells
    where to cut the drawing into slices, the HTML gets a placeholder of each slice's size, and WeasyPrint's
    finisher puts the slices in place (and names the radio groups by `radio_groups`, which `html_for` fills).
    Without a working `dot` the page says so."""
    from paths.render.image import RenderError, dot_binary, render_dot

    if dot_binary() is None:
        return render_html(html_for(False), fillable, _finisher(None, None, radio_groups))
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            drawing_job = pool.submit(render_dot, dot_source, "pdf")
            layout_json = render_dot(dot_source, "json")
            drawing = drawing_job.result()
        figure = paper_figure(drawing, layout_json)
        return render_html(html_for(figure), fillable, _finisher(drawing, figure, radio_groups))
    except (RenderError, FigureError, ValueError) as exc:
        LOGGER.warning("the diagram was left out of a PDF: %s", exc.__cause__ or exc)
        return render_html(html_for(False), fillable, _finisher(None, None, radio_groups))


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
    return _with_diagram(
        lambda drawn: _worksheet_document(sheet, drawn), sheet.diagram_dot(), fillable, sheet.radio_groups
    )
