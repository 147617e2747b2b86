"""The workshop report, at any time and when the workshop closes: a tagged PDF (PDF/UA-1, in the workshop's
language, `<html lang>`) and an XLSX with the same content.

What it says: how many took part; the notes by stage, by step and by type; the most-voted notes and steps;
what was accepted (turned into an edit, a promoted pain point or opportunity included) and declined
(marked done without an edit); the open questions (questions not yet done); the pain points and
opportunities the path gained since the workshop's version; and the path's figures before (the version the
workshop was opened on) and after (the latest version), with the change.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from paths.analytics.figures import FIGURE_NAMES, Figures, figures
from paths.analytics.output import change_value, figure_label, figure_value, stage_name, step_name
from paths.analytics.xlsx import workbook
from paths.i18n.catalog import normalise_lang, t
from paths.i18n.formatting import format_datetime
from paths.model.schema import ServicePath
from paths.views.audience import renderer_audience
from paths.workshops.rules import KINDS, Note, Workshop
from paths.workshops.workshop import WorkshopStore

TEMPLATES = Path(__file__).with_name("templates")
TOP_NOTES = 10


@dataclass
class WorkshopReport:
    workshop: Workshop
    lang: str
    before: ServicePath | None
    after: ServicePath | None
    participants: int
    notes: list[Note]
    step_votes: dict[str, int]
    figures_before: Figures | None = None
    figures_after: Figures | None = None
    collected: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, step id, text)

    @property
    def path(self) -> ServicePath | None:
        return self.after or self.before

    def top_notes(self) -> list[Note]:
        return sorted((n for n in self.notes if n.votes), key=lambda n: (-n.votes, n.created_at))[:TOP_NOTES]

    def accepted(self) -> list[Note]:
        return [note for note in self.notes if note.turned_into_edit]

    def declined(self) -> list[Note]:
        return [note for note in self.notes if note.done and not note.turned_into_edit]

    def open_questions(self) -> list[Note]:
        return [note for note in self.notes if note.kind == "question" and not note.done]

    def by_kind(self) -> list[tuple[str, int]]:
        counts = Counter(note.kind for note in self.notes)
        return [(kind, counts[kind]) for kind in KINDS if counts[kind]]

    def by_stage(self) -> list[tuple[str, int]]:
        """Notes per stage: a step's note counts for the step's stage."""
        path = self.path
        counts: Counter[str] = Counter()
        for note in self.notes:
            step = path.step(note.step_id) if path and note.step_id else None
            stage = step.stage if step else note.stage_id
            if stage:
                counts[stage] += 1
        return counts.most_common()

    def by_step(self) -> list[tuple[str, int]]:
        return Counter(note.step_id for note in self.notes if note.step_id).most_common()


def _collected(before: ServicePath | None, after: ServicePath | None, lang: str) -> list[tuple[str, str, str]]:
    """Pain points and opportunities the latest version has and the workshop's version had not."""
    if after is None:
        return []
    found = []
    for step in after.steps:
        old = before.step(step.id) if before else None
        for kind, field_name in (("pain_point", "pain_points"), ("opportunity", "opportunities")):
            had = {item.get(lang) for item in getattr(old, field_name)} if old else set()
            texts = [item.get(lang) for item in getattr(step, field_name)]
            found += [(kind, step.id, text) for text in texts if text not in had]
    return found


def build_report(workshops: WorkshopStore, workshop: Workshop, lang: str = "fi") -> WorkshopReport:
    """Everything the report says, read from the store now (so it can be made while the workshop runs)."""
    lang = normalise_lang(lang)
    store = workshops.store
    before = store.get_path(workshop.path_id, workshop.path_version)
    after = store.get_path(workshop.path_id) or before
    view = renderer_audience(workshop.audience)
    return WorkshopReport(
        workshop=workshop, lang=lang, before=before, after=after,
        participants=workshops.participants(workshop.id), notes=workshops.notes(workshop.id),
        step_votes=workshops.step_votes(workshop.id),
        figures_before=figures(before, view) if before else None,
        figures_after=figures(after, view) if after else None,
        collected=_collected(before, after, lang),
    )


def _title(report: WorkshopReport) -> str:
    path = report.path
    title = (path.title.get(report.lang) if path else "") or report.workshop.path_id
    return t("report.title", report.lang, title=title)


def figure_table(report: WorkshopReport) -> list[tuple[str, str, str, str]]:
    lang, rows = report.lang, []
    for name in FIGURE_NAMES:
        before = report.figures_before.value(name) if report.figures_before else None
        after = report.figures_after.value(name) if report.figures_after else None
        change = after - before if isinstance(before, int | float) and isinstance(after, int | float) else None
        rows.append((figure_label(name, lang), figure_value(name, before, lang), figure_value(name, after, lang),
                     change_value(change, lang)))
    return rows


def _where(report: WorkshopReport, note: Note) -> str:
    path = report.path
    if path is not None and note.step_id:
        return step_name(path, note.step_id, report.lang)
    if path is not None and note.stage_id:
        return stage_name(path, note.stage_id, report.lang)
    return t("report.whole_path", report.lang)


def _note_items(report: WorkshopReport, notes: list[Note]) -> list[dict[str, str]]:
    return [{"kind": t(f"workshop.kind.{note.kind}", report.lang), "where": _where(report, note),
             "votes": t("report.votes", report.lang, count=note.votes), "count": note.votes, "text": note.text}
            for note in notes]


def _sections(report: WorkshopReport) -> tuple[list[dict], list[dict]]:
    """The count tables and the note lists, in the order both formats show them."""
    lang, path = report.lang, report.path

    def name(step_id: str) -> str:
        return step_name(path, step_id, lang) if path else step_id

    counts = [
        {"heading": t("report.by_stage", lang), "headers": [t("report.col.stage", lang), t("report.col.notes", lang)],
         "rows": [(stage_name(path, s, lang) if path else s, n) for s, n in report.by_stage()]},
        {"heading": t("report.by_step", lang), "headers": [t("report.col.step", lang), t("report.col.notes", lang)],
         "rows": [(name(s), n) for s, n in report.by_step()]},
        {"heading": t("report.by_kind", lang), "headers": [t("report.col.type", lang), t("report.col.notes", lang)],
         "rows": [(t(f"workshop.kind.{k}", lang), n) for k, n in report.by_kind()]},
        {"heading": t("report.step_votes", lang), "headers": [t("report.col.step", lang), t("report.col.votes", lang)],
         "rows": [(name(s), n) for s, n in sorted(report.step_votes.items(), key=lambda item: -item[1])]},
    ]
    notes = [
        {"heading": t("report.top_notes", lang), "notes": _note_items(report, report.top_notes())},
        {"heading": t("report.accepted", lang), "notes": _note_items(report, report.accepted())},
        {"heading": t("report.declined", lang), "notes": _note_items(report, report.declined())},
        {"heading": t("report.open_questions", lang), "notes": _note_items(report, report.open_questions())},
    ]
    return counts, notes


def _summary(report: WorkshopReport) -> list[tuple[str, object]]:
    lang = report.lang
    return [
        (t("report.participants", lang), report.participants),
        (t("report.notes_total", lang), len(report.notes)),
        (t("report.votes_total", lang), sum(report.step_votes.values()) + sum(n.votes for n in report.notes)),
        (t("report.accepted", lang), len(report.accepted())),
        (t("report.declined", lang), len(report.declined())),
        (t("report.open_questions", lang), len(report.open_questions())),
    ]


def _facts(report: WorkshopReport) -> str:
    workshop, lang = report.workshop, report.lang
    state = (t("report.closed", lang, time=format_datetime(workshop.closed_at, lang)) if workshop.closed_at
             else t("report.open", lang))
    return t("report.facts", lang, opened=format_datetime(workshop.opened_at, lang), by=workshop.opened_by,
             version=workshop.path_version, latest_state=state)


def report_html(report: WorkshopReport) -> str:
    """The report as one HTML document in the workshop's language (every value escaped by the template)."""
    lang = report.lang
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    counts, notes = _sections(report)
    labels = {name: t(f"report.label.{name}", lang) for name in (
        "summary", "what", "count", "none", "collected", "type", "step", "text", "figures", "figure", "before",
        "after", "change")}
    path = report.path
    collected = [(t(f"portfolio.kind.{kind}", lang), step_name(path, step_id, lang) if path else step_id, text)
                 for kind, step_id, text in report.collected]
    return environment.get_template("report.html").render(
        lang=lang, title=_title(report), facts=_facts(report), css=(TEMPLATES / "report.css").read_text("utf-8"),
        labels=labels, summary=_summary(report), count_sections=counts, note_sections=notes, collected=collected,
        figures=figure_table(report),
    )


def report_pdf(report: WorkshopReport) -> bytes:
    """A tagged PDF/UA-1 document (the personal path's PDF options, so both are made the same way)."""
    import weasyprint

    from paths.personal.pdf import pdf_options

    return weasyprint.HTML(string=report_html(report)).write_pdf(**pdf_options())


def report_xlsx(report: WorkshopReport) -> bytes:
    """The same content as sheets: summary, the counts, the note lists, what was collected, the figures."""
    lang = report.lang
    counts, notes = _sections(report)
    sheets: list[tuple[str, list[list[object]]]] = [
        (t("report.label.summary", lang), [[t("report.label.what", lang), t("report.label.count", lang)],
                                           *[list(row) for row in _summary(report)]]),
    ]
    sheets += [(section["heading"], [section["headers"], *[list(row) for row in section["rows"]]])
               for section in counts]
    note_header = [t("report.col.type", lang), t("report.col.step", lang), t("report.col.votes", lang),
                   t("report.label.text", lang)]
    sheets += [(section["heading"], [note_header, *[[n["kind"], n["where"], n["count"], n["text"]]
                                                    for n in section["notes"]]]) for section in notes]
    path = report.path
    sheets.append((t("report.label.collected", lang), [
        [t("report.label.type", lang), t("report.label.step", lang), t("report.label.text", lang)],
        *[[t(f"portfolio.kind.{kind}", lang), step_name(path, step_id, lang) if path else step_id, text]
          for kind, step_id, text in report.collected]]))
    sheets.append((t("report.label.figures", lang), [
        [t("report.label.figure", lang), t("report.label.before", lang), t("report.label.after", lang),
         t("report.label.change", lang)], *[list(row) for row in figure_table(report)]]))
    return workbook(sheets)
