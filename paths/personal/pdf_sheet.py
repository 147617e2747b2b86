"""The HTML of one personal path or worksheet on paper (`_Sheet`): the diagram's place, the steps' table
with statuses and write-in lines, notes, goals and contacts, every user text escaped.
"""

from __future__ import annotations

from collections.abc import Iterable

from paths.i18n.catalog import normalise_lang, t
from paths.i18n.formatting import format_date
from paths.model.schema import ServicePath, Step
from paths.personal.model import STATUS_ICONS, STATUSES, PersonalFill, branch_choices, client_steps, client_view
from paths.personal.pdf_style import (
    BULB,
    CHOSEN_BOX,
    CSS,
    EMPTY_BOX,
    LONGEST_IN_CELL,
    PAGE_WIDTH_PT,
    PaperFigure,
    _as_text,
    _e,
    _user,
)
from paths.render import marks
from paths.render.experience import feeling_label
from paths.render.pdf_figure import placeholder_src


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
            state = self.choices(f"{name}_status", [(s, self.status_words(s)) for s in STATUSES], None, "")
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
