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
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

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
from paths.render import palette
from paths.render.experience import feeling_label
from paths.render.pdf_figure import PLACEHOLDER_SRC, FigureError, drawing_finisher

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
# The diagram's box on its landscape A4 page (297 x 210 mm, 12 mm margins), under its heading.
DIAGRAM_BOX_MM = (273.0, 150.0)
EMPTY_BOX = "☐"
CHOSEN_BOX = "☒"

CSS = f"""
@page {{ size: A4; margin: 16mm 15mm 18mm 15mm;
  @bottom-center {{ content: counter(page) " / " counter(pages); font-size: 14pt; color: {palette.MUTED_INK}; }} }}
@page diagram {{ size: A4 landscape; margin: 12mm; }}
html {{ font-family: {FONT_STACK}; font-size: 14pt; line-height: 1.45; color: {palette.INK};
  background: {palette.WHITE}; }}
body {{ margin: 0; }}
h1 {{ font-size: 24pt; margin: 0 0 4pt 0; line-height: 1.2; }}
h2 {{ font-size: 19pt; margin: 18pt 0 6pt 0; border-bottom: 2pt solid {palette.INK}; break-after: avoid; }}
h3 {{ font-size: 17pt; margin: 14pt 0 4pt 0; break-after: avoid; }}
h4 {{ font-size: 15pt; margin: 0 0 4pt 0; break-after: avoid; }}
p {{ margin: 0 0 6pt 0; }}
.user {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
.muted {{ color: {palette.MUTED_INK}; }}
.notice {{ border: 2pt solid {palette.HERE_BORDER}; padding: 6pt 8pt; margin: 8pt 0; }}
.here-box {{ background: {palette.HERE_FILL}; border: 3pt solid {palette.HERE_BORDER}; padding: 8pt 10pt;
  margin: 8pt 0; }}
section.diagram {{ page: diagram; break-before: page; break-after: page; }}
section.diagram img {{ display: block; width: {DIAGRAM_BOX_MM[0]}mm; height: {DIAGRAM_BOX_MM[1]}mm; }}
.legend {{ font-size: 14pt; }}
.step {{ border: 1.5pt solid {palette.STEP_BORDER}; padding: 8pt 10pt; margin: 0 0 10pt 0; break-inside: avoid; }}
.step.here {{ background: {palette.HERE_FILL}; border: 3pt solid {palette.HERE_BORDER}; }}
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


class _Sheet:
    """Builds one document: a personal path (with `fill`) or a blank/fillable worksheet."""

    def __init__(
        self, path: ServicePath, lang: str, fill: PersonalFill | None, fillable: bool, drawn: bool = True
    ) -> None:
        self.path = path
        self.drawn = drawn  # False: `dot` cannot draw the diagram; the page says so instead
        self.view = client_view(path)
        self.steps = client_steps(path)
        self.lang = normalise_lang(lang)
        self.fill = fill
        self.fillable = fillable and fill is None

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

    def choices(self, name: str, options: Iterable[tuple[str, str]], chosen: str | None, legend: str) -> str:
        """A set of options: the chosen one marked ☒ and in words; radio buttons when fillable."""
        items = []
        for value, words in options:
            if self.fillable:
                items.append(
                    f'<span><input type="radio" name="{name}" value="{_e(value)}" id="{name}-{_e(value)}">'
                    f'<label for="{name}-{_e(value)}">{_e(words)}</label></span>'
                )
            else:
                box = CHOSEN_BOX if value == chosen else EMPTY_BOX
                items.append(f"<span>{box} {_e(words)}</span>")
        return f'<p class="choices"><span class="label">{_e(legend)}</span> {"".join(items)}</p>'

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
        """The client diagram in DOT, with the client's statuses and "I am here"."""
        from paths.render.dot import to_dot

        statuses = self.fill.statuses() if self.fill else {}
        here = self.fill.here() if self.fill else None
        return to_dot(self.view, self.lang, "client", here=here, statuses=statuses)

    def diagram_section(self) -> str:
        here = self.fill.here() if self.fill else None
        title = self.path.title.get(self.lang)
        parts = [f'<section class="diagram"><h2>{_e(self.tr("pdf.diagram_heading"))}</h2>']
        if not self.drawn:
            parts.append(f"<p>{_e(self.tr('pdf.diagram_missing'))}</p>")
        else:
            alt = self.tr("pdf.diagram_alt", title=title, steps=len(self.steps),
                          bulbs=sum(1 for s in self.steps if s.coordinator))
            if here and self.view.step(here):
                alt += " " + self.tr("pdf.diagram_alt_here", step=self.view.step(here).title.get(self.lang))
            parts.append(f'<img src="{PLACEHOLDER_SRC}" alt="{_e(alt)}">')
        parts.append(
            f'<p class="legend">{BULB} {_e(self.tr("bulb_meaning"))} · '
            f'{_e(self.status_words("here"))} · {_e(self.tr("pdf.legend_list"))}</p></section>'
        )
        return "".join(parts)

    def step_block(self, index: int, step: Step) -> str:
        entry = self.fill.entry(step.id) if self.fill else None
        status = entry.status.value if entry and entry.status else None
        name = f"step{index}"
        cls = "step here" if status == "here" else "step"
        parts = [f'<div class="{cls}"><h4 dir="auto">{BULB + " " if step.coordinator else ""}'
                 f'{_e(step.title.get(self.lang))}</h4>']
        text = step.client_text.get(self.lang)
        if text:
            parts.append(_user(text))
        if step.coordinator:
            parts.append(f'<p class="bulb">{BULB} {_e(self.tr("bulb_meaning"))}</p>')
        for link in step.links:
            parts.append(
                f'<p>{_e(self.tr("pdf.link"))} <a href="{_e(link.url)}">{_e(link.label.get(self.lang))}</a> '
                f'<span class="muted">({_e(link.url)})</span></p>'
            )
        if status:
            parts.append(f'<p class="status">{_e(self.tr("field.status"))}: {_e(self.status_words(status))}</p>')
        else:
            parts.append(self.choices(
                f"{name}_status", [(s, self.status_words(s)) for s in STATUSES], None, self.tr("field.status") + ":"
            ))
        date_text = format_date(entry.date, self.lang) if entry and entry.date else ""
        parts.append(self.field(f"{name}_date", self.tr("field.date"), date_text))
        parts.append(self.field(f"{name}_note", self.tr("field.note"), entry.note if entry else "", lines=3))
        parts.append(self.field(f"{name}_met", self.tr("field.met"), entry.met if entry else ""))
        if entry and entry.feeling is not None:
            felt = feeling_label(entry.feeling, self.lang, icon=False)
            parts.append(f'<p class="status">{_e(self.tr("field.feeling"))}: {_e(felt)}</p>')
        parts.append("</div>")
        return "".join(parts)

    def steps_section(self) -> str:
        parts = [f"<h2>{_e(self.tr('pdf.steps_heading'))}</h2>"]
        current_stage = None
        for index, step in enumerate(self.steps):
            if step.stage != current_stage:
                current_stage = step.stage
                stage = self.view.stage(step.stage)
                parts.append(f'<h3 dir="auto">{_e(stage.title.get(self.lang) if stage else step.stage)}</h3>')
            parts.append(self.step_block(index, step))
        return "".join(parts)

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
            parts.append(f'<p dir="auto"><strong>{_e(step.title.get(self.lang) if step else decision)}</strong></p>')
            if chosen and not self.fillable:
                words = next((w for v, w in options if v == chosen), chosen)
                parts.append(f'<p class="status" dir="auto">{CHOSEN_BOX} {_e(words)}</p>')
            else:
                parts.append(self.choices(f"branch{index}", options, None, self.tr("pdf.branch_question")))
        return "".join(parts)

    def goals_section(self) -> str:
        goals = self.fill.goals if self.fill else ""
        return f"<h2>{_e(self.tr('field.goals'))}</h2>" + (
            _user(goals) if goals else self.write_in("goals", self.tr("field.goals"), lines=4)
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
            self.diagram_section(),
            self.steps_section(),
            self.branch_section(),
            self.contacts_section(),
            self.appointment_section(),
        ]
        inner = "".join(body)
        if self.fillable:
            inner = f"<form>{inner}</form>"
        return (
            f'<!DOCTYPE html><html lang="{self.lang}"><head><meta charset="utf-8">'
            f"<title>{_e(title)}</title><style>{CSS}</style></head><body>{inner}</body></html>"
        )


def _personal_sheet(personal: PersonalPath, drawn: bool) -> _Sheet:
    return _Sheet(personal.source, personal.lang, personal.fill, fillable=False, drawn=drawn)


def personal_html(personal: PersonalPath, latest_version: int | None = None, drawn: bool = True) -> str:
    """The HTML of a client's personal path PDF, in the client's language (`drawn`: with the diagram's
    placeholder figure, else a sentence saying that the diagram could not be drawn)."""
    sheet = _personal_sheet(personal, drawn)
    path_title = personal.source.title.get(sheet.lang)
    subtitle = [
        sheet.tr("pdf.made_from", title=path_title, version=personal.source_version),
        sheet.tr("pdf.saved_version", version=personal.version),
    ]
    notice = sheet.tr("newer_version") if personal.newer_version_exists(latest_version) else ""
    return sheet.document(sheet.tr("pdf.title", name=personal.display_name), subtitle, notice)


def worksheet_html(path: ServicePath, lang: str = "fi", fillable: bool = False, drawn: bool = True) -> str:
    """The HTML of a blank worksheet of `path`: the same layout, every field empty."""
    return _worksheet_document(_Sheet(path, lang, None, fillable=fillable), drawn)


def _worksheet_document(sheet: _Sheet, drawn: bool) -> str:
    sheet.drawn = drawn
    title = sheet.tr("pdf.worksheet_title", title=sheet.path.title.get(sheet.lang))
    return sheet.document(title, [sheet.tr("pdf.worksheet_intro")])


class _NoDrawing(Exception):
    """`dot` could not draw the diagram, or its drawing could not be placed: start over without it."""


def _with_diagram(html_for: Callable[[bool], str], dot_source: str, fillable: bool) -> bytes:
    """`dot` draws the diagram in a second process while WeasyPrint lays out the document; WeasyPrint's
    finisher then puts the drawing in the placeholder's place. Without a working `dot` the page says so."""
    from paths.render.image import RenderError, dot_binary, render_dot

    if dot_binary() is None:
        return render_html(html_for(False), fillable)
    with ThreadPoolExecutor(max_workers=1) as pool:
        drawing = pool.submit(render_dot, dot_source, "pdf")

        def drawn() -> bytes:
            try:
                return drawing.result()
            except RenderError as exc:
                raise _NoDrawing from exc

        try:
            return render_html(html_for(True), fillable, drawing_finisher(drawn, DIAGRAM_BOX_MM))
        except (_NoDrawing, FigureError) as exc:
            LOGGER.warning("the diagram was left out of a PDF: %s", exc.__cause__ or exc)
            return render_html(html_for(False), fillable)


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
