"""The figures and the compare as text, JSON and CSV, in the user's language.

The same rows feed the CLI (`python -m paths stats`), the dashboard's table and the workshop report,
so a figure reads the same everywhere. CSV cells go through the spreadsheet's formula guard.
"""

from __future__ import annotations

import json

from paths.analytics.compare import Comparison
from paths.analytics.figures import FIGURE_NAMES, Figures
from paths.i18n.catalog import t
from paths.i18n.formatting import format_number, format_percent
from paths.model.labels import stage_name, step_name  # noqa: F401 - the report and the pages import them here
from paths.model.schema import ServicePath
from paths.render.experience import feeling_words
from paths.render.text_words import actor_name


def figure_label(name: str, lang: str) -> str:
    return t(f"analytics.figure.{name}", lang)


def figure_value(name: str, value: object, lang: str) -> str:
    """A figure as people read it: a share in per cent, a feeling with its words, nothing as a dash."""
    if value is None:
        return "–"
    if name == "handoff_support_share":
        return format_percent(float(value), lang)
    if name == "average_feeling":
        return f"{format_number(value, lang)} ({feeling_words(round(float(value)), lang)})"
    if isinstance(value, float):
        return format_number(round(value, 1), lang)
    return str(value)


def change_value(change: object, lang: str) -> str:
    if change is None:
        return ""
    if change == 0:
        return "±0"
    text = format_number(round(float(change), 3) if isinstance(change, float) else change, lang)
    return f"+{text}" if float(change) > 0 else text.replace("-", "−")


def figure_rows(found: Figures, lang: str) -> list[tuple[str, str, str]]:
    """(name, label, value) for each figure."""
    return [(name, figure_label(name, lang), figure_value(name, found.value(name), lang)) for name in FIGURE_NAMES]


def difference_lines(comparison: Comparison, lang: str) -> list[str]:
    """One sentence per difference, named in `lang`."""
    lines = []
    for change in comparison.steps:
        source = comparison.current if change.op == "removed" else comparison.target
        name = step_name(source, change.step_id, lang)
        fields = ", ".join(t(f"diff.field.{f}", lang) for f in change.fields)
        if change.op == "moved":
            line = t("analytics.diff.moved", lang, step=name,
                     old=stage_name(comparison.current, change.old_stage, lang),
                     new=stage_name(comparison.target, change.new_stage, lang))
            if fields:
                line += " " + t("analytics.diff.also_changed", lang, fields=fields)
        elif change.op == "changed":
            line = t("analytics.diff.changed", lang, step=name, fields=fields)
        else:
            line = t(f"analytics.diff.{change.op}", lang, step=name)
        lines.append(line)
    for handoff in comparison.handoffs:
        source = comparison.current if handoff.op == "removed" else comparison.target
        lines.append(t(
            f"analytics.diff.handoff_{handoff.op}", lang,
            source=step_name(source, handoff.source, lang), target=step_name(source, handoff.target, lang),
            from_actor=actor_name(source, handoff.from_actor, lang).text,
            to_actor=actor_name(source, handoff.to_actor, lang).text,
        ))
    return lines


def stats_text(found: Figures, path: ServicePath, lang: str, comparison: Comparison | None = None) -> str:
    """The figures (and, with `comparison`, the differences and both paths' figures) as plain text."""
    title = path.title.get(lang) or path.id
    out = [t("analytics.text.heading", lang, title=title, view=t(f"pathpage.audience.{found.view}", lang)), ""]
    if comparison is None:
        width = max(len(label) for _, label, _ in figure_rows(found, lang))
        out += [f"{label.ljust(width)}  {value}" for _, label, value in figure_rows(found, lang)]
        return "\n".join(out) + "\n"
    other = comparison.target.title.get(lang) or comparison.target.id
    out += [t("analytics.text.compared", lang, other=other), ""]
    differences = difference_lines(comparison, lang)
    out += [f"- {line}" for line in differences] or [t("analytics.diff.none", lang)]
    out += ["", "\t".join([t("analytics.col.figure", lang), title, other, t("analytics.col.change", lang)])]
    for name, before, after, change in comparison.figure_rows():
        out.append("\t".join([figure_label(name, lang), figure_value(name, before, lang),
                              figure_value(name, after, lang), change_value(change, lang)]))
    return "\n".join(out) + "\n"


def stats_json(found: Figures, comparison: Comparison | None = None, lang: str = "fi") -> str:
    data: dict = {"figures": found.as_dict()}
    if comparison is not None:
        data["compare"] = {
            "other": comparison.target.id,
            "other_figures": comparison.target_figures.as_dict() if comparison.target_figures else None,
            "steps": [change.__dict__ | {"fields": list(change.fields)} for change in comparison.steps],
            "handoffs": [change.__dict__ for change in comparison.handoffs],
            "differences": difference_lines(comparison, lang),
        }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def stats_csv(found: Figures, lang: str, comparison: Comparison | None = None) -> bytes:
    """`figure;label;value` (with a comparison: `figure;label;this;other;change`), UTF-8 with a BOM."""
    from paths.formats.spreadsheet import rows_to_csv

    if comparison is None:
        rows = [[t("analytics.col.key", lang), t("analytics.col.figure", lang), t("analytics.col.value", lang)]]
        rows += [[name, label, value] for name, label, value in figure_rows(found, lang)]
    else:
        rows = [[t("analytics.col.key", lang), t("analytics.col.figure", lang), comparison.current.id,
                 comparison.target.id, t("analytics.col.change", lang)]]
        rows += [[name, figure_label(name, lang), figure_value(name, before, lang), figure_value(name, after, lang),
                  change_value(change, lang)] for name, before, after, change in comparison.figure_rows()]
    return rows_to_csv(rows)
