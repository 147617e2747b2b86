"""Printable PDFs of a personal path, and blank (or fillable) worksheets of any path.

HTML is built here and turned into PDF by WeasyPrint: A4, body text 14 pt, the palette's
high-contrast colours, DejaVu Sans (ä ö å and the status icons), real selectable text,
`<html lang>` from the client's language and a tagged PDF/UA-1 file. The diagram (with its
light bulbs and "I am here") is drawn by Graphviz as PDF (`dot -Tpdf`, while WeasyPrint lays out
the rest) and put in place of a placeholder figure with a text alternative (`paths.render.pdf_figure`);
the list below it says the same in words. Every user text is escaped.
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pydyf
import weasyprint

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
# Our own icons (the light bulb, "I am here") ask for text presentation (U+FE0E) and come from
# Symbola, a monochrome outline font, when it is installed: a colour emoji font costs WeasyPrint a
# bitmap per icon and a rebuild of the whole emoji font for every PDF. Without Symbola (or for emoji
# a client types) fontconfig's colour emoji font draws them. DejaVu Sans comes first, so digits and
# letters never come from a symbol font.
FONT_STACK = '"DejaVu Sans", "Symbola", sans-serif'
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

CSS = f"""
@page {{ size: A4; margin: 14mm 14mm 16mm 14mm;
  @bottom-center {{ content: counter(page) " / " counter(pages); font-size: 12pt; color: {palette.MUTED_INK}; }} }}
html {{ font-family: {FONT_STACK}; font-size: 14pt; line-height: 1.45; color: {palette.INK};
  background: {palette.WHITE}; }}
body {{ margin: 0; }}
h1 {{ font-size: 24pt; margin: 0 0 4pt 0; line-height: 1.2; }}
h2 {{ font-size: 19pt; margin: 12pt 0 5pt 0; border-bottom: 2pt solid {palette.INK}; break-after: avoid; }}
h3 {{ font-size: 17pt; margin: 14pt 0 4pt 0; break-after: avoid; }}
h4 {{ font-size: 15pt; margin: 0 0 4pt 0; break-after: avoid; }}
p {{ margin: 0 0 6pt 0; }}
.user {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
.muted {{ color: {palette.MUTED_INK}; }}
.notice {{ border: 2pt solid {palette.HERE_BORDER}; padding: 6pt 8pt; margin: 8pt 0; }}
.here-box {{ background: {palette.HERE_FILL}; border: 3pt solid {palette.HERE_BORDER}; padding: 8pt 10pt;
  margin: 8pt 0; }}
.slices {{ margin: 0 0 6pt 0; }}
.slices.two {{ columns: 2; column-gap: {COLUMN_GAP_PT}pt; column-rule: 1pt solid {palette.STEP_BORDER}; }}
.slices img {{ display: block; margin: 0 auto; break-inside: avoid; }}
.legend {{ font-size: 12pt; }}
table.steps {{ font-size: 11pt; line-height: 1.25; }}
table.steps td, table.steps th {{ padding: 3pt 5pt; }}
table.steps tr {{ break-inside: avoid; }}
table.steps th.stage {{ background: {palette.STAGE_BACKGROUND}; font-size: 13pt; }}
table.steps col.what {{ width: 42%; }} table.steps col.status {{ width: 23%; }}
table.steps col.when {{ width: 11%; }}
table.steps .user {{ overflow-wrap: break-word; }}
table.steps thead th {{ font-size: 11pt; }}
table.steps tr.here td {{ background: {palette.HERE_FILL}; border: 3pt solid {palette.HERE_BORDER}; }}
table.steps .line {{ height: 16pt; }}
table.steps p {{ margin: 0 0 2pt 0; }}
table.steps .choices {{ margin: 0; }}
table.steps .choices span {{ display: block; margin: 0; white-space: normal; }}
table.steps input[type=text] {{ height: 16pt; font-size: 12pt; }}
table.steps textarea {{ height: 34pt; font-size: 12pt; }}
.bulb {{ background: {palette.COORDINATOR_FILL}; border-left: 4pt solid {palette.COORDINATOR_BORDER};
  padding: 2pt 6pt; }}
.status {{ font-weight: bold; }}
.choices span {{ margin-right: 14pt; white-space: nowrap; }}
.field {{ margin: 4pt 0 0 0; }}
.label {{ font-weight: bold; }}
.line {{ border-bottom: 1pt solid {palette.INK}; height: 22pt; }}
.box {{ border: 1pt solid {palette.INK}; min-height: 22pt; padding: 2pt 4pt; }}
input[type=text], textarea {{ font-family: {FONT_STACK}; font-size: 14pt; border: 1pt solid {palette.INK};
  width: 100%; box-sizing: border-box; }}
input[type=text] {{ height: 22pt; }}
textarea {{ height: 60pt; }}
input[type=radio] {{ display: inline-block; width: 14pt; height: 14pt; margin: 0 5pt 0 0; vertical-align: middle; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1pt solid {palette.INK}; padding: 4pt 6pt; text-align: left; vertical-align: top; height: 22pt; }}
a {{ color: {palette.NETWORK_BORDER}; }}
"""


def pdf_options(fillable: bool = False) -> dict[str, object]:
    """WeasyPrint's write_pdf options: tagged PDF/UA-1, and form fields for a fillable sheet."""
    options: dict[str, object] = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
    if fillable:
        options["pdf_forms"] = True
    return options


def render_html(document: str, fillable: bool = False, finisher: Callable[..., None] | None = None) -> bytes:
    """The PDF of an HTML document built by this module (`finisher`: WeasyPrint's hook before writing)."""
    return weasyprint.HTML(string=document).write_pdf(finisher=finisher, **pdf_options(fillable))


def _e(text: str) -> str:
    return html.escape(text or "", quote=True)


def _user(text: str, tag: str = "p", cls: str = "user") -> str:
    """Client text, escaped, direction from its own content (right-to-left stays readable)."""
    return f'<{tag} class="{cls}" dir="auto">{_e(text)}</{tag}>'


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
    """Builds one document: a personal path (with `fill`) or a blank/fillable worksheet."""

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

    def write_in(self, name: str, label: str, lines: int = 1) -> str:
        """An empty place to write: lines on paper, a real form field in the fillable sheet."""
        if self.fillable:
            if lines > 1:
                return f'<textarea name="{name}" id="{name}" title="{_e(label)}"></textarea>'
            return f'<input type="text" name="{name}" id="{name}" title="{_e(label)}">'
        return '<div class="line"></div>' * lines

    def field(self, name: str, label: str, value: str, lines: int = 1) -> str:
        label_html = (
            f'<label class="label" for="{name}">{_e(label)}</label>'
            if self.fillable
            else f'<span class="label">{_e(label)}</span>'
        )
        body = _user(value, "div") if value else self.write_in(name, label, lines)
        return f'<div class="field">{label_html}{body}</div>'

    def choices(
        self, name: str, options: Iterable[tuple[str, str]], chosen: str | None, legend: str, title: str
    ) -> str:
        """A set of options: the chosen one marked ☒ and in words; radio buttons when fillable, their group
        named by `title`."""
        options = list(options)
        items = []
        if self.fillable:
            self.radio_groups[name] = RadioNames(title, [words for _value, words in options])
        for value, words in options:
            if self.fillable:
                items.append(
                    f'<span><input type="radio" name="{name}" value="{_e(value)}" id="{name}-{_e(value)}">'
                    f'<label for="{name}-{_e(value)}">{_e(words)}</label></span>'
                )
            else:
                box = CHOSEN_BOX if value == chosen else EMPTY_BOX
                items.append(f"<span>{box} {_e(words)}</span>")
        label = f'<span class="label">{_e(legend)}</span> ' if legend else ""
        return f'<p class="choices">{label}{"".join(items)}</p>'

    def status_words(self, status: str) -> str:
        return f"{_as_text(STATUS_ICONS[status])} {self.tr(f'status.{status}')}"

    # -------------------------------------------------------------- sections

    def header(self, title: str, subtitle_lines: list[str]) -> str:
        parts = [f'<h1 dir="auto">{_e(title)}</h1>']
        parts += [f'<p class="muted" dir="auto">{_e(line)}</p>' for line in subtitle_lines]
        return "".join(parts)

    def here_section(self) -> str:
        here = self.fill.here() if self.fill else None
        step = self.view.step(here) if here else None
        heading = f"<h2>{_e(self.tr('pdf.here_heading'))}</h2>"
        if step is None:
            return heading + self.field("here", self.tr("pdf.here_write"), "")
        stage = self.view.stage(step.stage)
        stage_title = stage.title.get(self.lang) if stage else ""
        return heading + (
            f'<div class="here-box"><p class="status">{_e(self.status_words("here"))}</p>'
            f'<p dir="auto"><strong>{_e(step.title.get(self.lang))}</strong></p>'
            f'<p class="muted" dir="auto">{_e(self.tr("pdf.stage_label", stage=stage_title))}</p></div>'
        )

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

    def diagram_section(self) -> str:
        """The diagram as its slices (one image with the text alternative, the rest marked as its parts),
        or a sentence when it could not be drawn; then the legend in words."""
        parts = [f'<section class="diagram"><h2>{_e(self.tr("pdf.diagram_heading"))}</h2>']
        if self.figure is None:
            parts.append(f"<p>{_e(self.tr('pdf.diagram_missing'))}</p>")
        else:
            images = []
            for index, (width, height) in enumerate(self.figure.boxes):
                alt = self.diagram_alt() if index == 0 else ""
                images.append(f'<img src="{placeholder_src(index)}" alt="{_e(alt)}" '
                              f'style="width: {width:.2f}pt; height: {height:.2f}pt">')
            parts.append(f'<div class="slices{" two" if self.figure.columns == 2 else ""}">{"".join(images)}</div>')
        here = marks.STATUS_MARKS["here"]
        parts.append(
            f'<p class="legend">{BULB} {_e(self.tr("bulb_meaning"))} · {_e(_as_text(here.icon))} '
            f'{_e(here.words(self.lang, "personal"))} · {_e(self.tr("pdf.legend_list"))}</p></section>'
        )
        return "".join(parts)

    def step_row(self, index: int, step: Step) -> str:
        """One step as a table row: what it is, its status (or the choices to tick), and places to write."""
        entry = self.fill.entry(step.id) if self.fill else None
        status = entry.status.value if entry and entry.status else None
        name = f"step{index}"
        what = [f'<p dir="auto"><strong>{BULB + " " if step.coordinator else ""}{_e(step.title.get(self.lang))}'
                "</strong></p>"]
        text = step.client_text.get(self.lang)
        if text:
            what.append(_user(self.in_cell(step, text)))
        if step.coordinator:
            what.append(f'<p class="bulb">{BULB} {_e(self.tr("bulb_meaning"))}</p>')
        for link in step.links:
            what.append(
                f'<p>{_e(self.tr("pdf.link"))} <a href="{_e(link.url)}">{_e(link.label.get(self.lang))}</a> '
                f'<span class="muted">({_e(link.url)})</span></p>'
            )
        if status:
            state = f'<p class="status">{_e(self.tr("field.status"))}: {_e(self.status_words(status))}</p>'
        else:
            title = f"{self.tr('field.status')}: {step.title.get(self.lang)}"
            state = self.choices(f"{name}_status", [(s, self.status_words(s)) for s in STATUSES], None, "", title)
        date_text = format_date(entry.date, self.lang) if entry and entry.date else ""
        if entry and entry.feeling is not None:
            felt = feeling_label(entry.feeling, self.lang, icon=False)
            state += f'<p class="status">{_e(self.tr("field.feeling"))}: {_e(felt)}</p>'
        when = self.cell_field(f"{name}_date", self.tr("field.date"), date_text, labelled=False)
        written = self.in_cell(step, entry.note) if entry and entry.note else ""
        note = (self.cell_field(f"{name}_met", self.tr("field.met"), entry.met if entry else "")
                + self.cell_field(f"{name}_note", self.tr("field.note"), written, lines=2))
        cls = ' class="here"' if status == "here" else ""
        return f'<tr{cls}><td>{"".join(what)}</td><td>{state}</td><td>{when}</td><td>{note}</td></tr>'

    def in_cell(self, step: Step, text: str) -> str:
        """`text` as it fits a table row: a row cannot continue on the next page, so a long text shows its
        beginning here and the whole of it under "Long texts" after the table."""
        if len(text) <= LONGEST_IN_CELL:
            return text
        self.long_texts.append((step.title.get(self.lang), text))
        return text[: LONGEST_IN_CELL - 40].rstrip() + "… " + t("diagrams.pdf.continues", self.lang)

    def long_texts_section(self) -> str:
        if not self.long_texts:
            return ""
        parts = [f"<h3>{_e(t('diagrams.pdf.long_texts', self.lang))}</h3>"]
        for title, text in self.long_texts:
            parts.append(f'<h4 dir="auto">{_e(title)}</h4>{_user(text)}')
        return "".join(parts)

    def cell_field(self, name: str, label: str, value: str, lines: int = 1, labelled: bool = True) -> str:
        """A place to write in the steps table: the column's heading names it (and the field's title in
        the fillable sheet); a value already written is shown with its label (`labelled`) when its column
        holds two."""
        if value:
            shown = f'<span class="label">{_e(label)}</span>' if labelled else ""
            return f'<div class="field">{shown}{_user(value, "div")}</div>'
        return self.write_in(name, label, lines)

    def steps_section(self) -> str:
        heads = [self.tr("pdf.steps_heading"), self.tr("field.status"), self.tr("field.date"),
                 t("diagrams.pdf.col_note", self.lang)]
        rows = []
        current_stage = None
        for index, step in enumerate(self.steps):
            if step.stage != current_stage:
                current_stage = step.stage
                stage = self.view.stage(step.stage)
                title = stage.title.get(self.lang) if stage else step.stage
                rows.append(f'<tr><th class="stage" colspan="4" scope="colgroup" dir="auto">{_e(title)}</th></tr>')
            rows.append(self.step_row(index, step))
        header = "".join(f'<th scope="col">{_e(head)}</th>' for head in heads)
        return (f"<h2>{_e(self.tr('pdf.steps_heading'))}</h2>"
                '<table class="steps"><colgroup><col class="what"><col class="status"><col class="when"><col>'
                "</colgroup>"
                f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
                + self.long_texts_section())

    def branch_section(self) -> str:
        choices = branch_choices(self.path)
        if not choices:
            return ""
        parts = [f"<h2>{_e(self.tr('pdf.branch_heading'))}</h2>"]
        for index, (decision, ways) in enumerate(choices.items()):
            step = self.view.step(decision)
            chosen = self.fill.branches.get(decision) if self.fill else None
            options = []
            for target, condition in ways:
                target_step = self.view.step(target)
                words = condition.get(self.lang) or (target_step.title.get(self.lang) if target_step else target)
                options.append((target, words))
            decision_title = step.title.get(self.lang) if step else decision
            parts.append(f'<p dir="auto"><strong>{_e(decision_title)}</strong></p>')
            if chosen and not self.fillable:
                words = next((w for v, w in options if v == chosen), chosen)
                parts.append(f'<p class="status" dir="auto">{CHOSEN_BOX} {_e(words)}</p>')
            else:
                title = f"{self.tr('pdf.branch_heading')}: {decision_title}"
                parts.append(self.choices(f"branch{index}", options, None, self.tr("pdf.branch_question"), title))
        return "".join(parts)

    def goals_section(self) -> str:
        goals = self.fill.goals if self.fill else ""
        return f"<h2>{_e(self.tr('field.goals'))}</h2>" + (
            _user(goals) if goals else self.write_in("goals", self.tr("field.goals"), lines=3)
        )

    def contacts_section(self) -> str:
        contacts = [c for c in (self.fill.contacts if self.fill else []) if not c.is_empty()]
        heads = [self.tr("field.contact_name"), self.tr("field.contact_role"), self.tr("pdf.contact_reach")]
        rows = []
        for contact in contacts:
            reach = " · ".join(x for x in (contact.phone, contact.email) if x)
            rows.append("<tr>" + "".join(
                f'<td class="user" dir="auto">{_e(value)}</td>' for value in (contact.name, contact.role, reach)
            ) + "</tr>")
        for index in range(3 if not contacts else 1):
            cells = []
            for column, head in enumerate(heads):
                name = f"contact{index}_{column}"
                if self.fillable:
                    cells.append(f'<td><input type="text" name="{name}" id="{name}" title="{_e(head)}"></td>')
                else:
                    cells.append("<td></td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        header = "<tr>" + "".join(f'<th scope="col">{_e(h)}</th>' for h in heads) + "</tr>"
        return (f"<h2>{_e(self.tr('pdf.contacts_heading'))}</h2>"
                f"<table><thead>{header}</thead><tbody>{''.join(rows)}</tbody></table>")

    def appointment_section(self) -> str:
        value = self.fill.next_appointment if self.fill else ""
        return f"<h2>{_e(self.tr('field.next_appointment'))}</h2>" + (
            _user(value) if value else self.write_in("next_appointment", self.tr("field.next_appointment"))
        )

    def document(self, title: str, subtitle_lines: list[str], notice: str = "") -> str:
        body = [
            self.header(title, subtitle_lines),
            f'<p class="notice">{_e(notice)}</p>' if notice else "",
            self.here_section(),
            self.goals_section(),
            self.appointment_section(),
            self.contacts_section(),
            self.diagram_section(),
            self.steps_section(),
            self.branch_section(),
        ]
        inner = "".join(body)
        if self.fillable:
            inner = f"<form>{inner}</form>"
        return (
            f'<!DOCTYPE html><html lang="{self.lang}"><head><meta charset="utf-8">'
            f"<title>{_e(title)}</title><style>{CSS}</style></head><body>{inner}</body></html>"
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
