"""How a step feels to the client, in words, icons and position: one vocabulary for every renderer.

The experience score runs from −2 (very hard) to +2 (very good). Every place that shows it says the
words too (WCAG 1.4.1: never colour or position alone): the blueprint's experience line (a band under
the stage titles, the words as its axis and beside each point), the flow diagram on request (the
words appended to each step's title) and the text version (label and words).
"""

from __future__ import annotations

from collections.abc import Callable

from paths.i18n.catalog import t
from paths.model.schema import FEELING_MAX, FEELING_MIN, DurationRange, DurationUnit, Evidence, ServicePath, Step
from paths.render import palette

FEELINGS: tuple[int, ...] = tuple(range(FEELING_MIN, FEELING_MAX + 1))
FEELING_ICONS: dict[int, str] = {-2: "😣", -1: "🙁", 0: "😐", 1: "🙂", 2: "😄"}
# Palette colours with 3:1 on white (non-text contrast, WCAG 1.4.11); the words carry the meaning.
FEELING_COLOURS: dict[int, str] = {
    -2: palette.HERE_BORDER, -1: palette.COORDINATOR_BORDER, 0: palette.EDGE, 1: palette.NETWORK_BORDER,
    2: palette.END_BORDER,
}
EXPERIENCE_BAND = 0.16  # share of the blueprint's height the experience line takes
LINE_COLOUR = palette.EDGE


def feeling_key(score: int) -> str:
    """The catalog key of a score's words (keys cannot hold a minus sign readably)."""
    return f"experience.feeling.{('m' if score < 0 else 'p') + str(abs(score)) if score else '0'}"


def feeling_words(score: int, lang: str) -> str:
    """`very hard` … `very good` in `lang`."""
    return t(feeling_key(score), lang)


def feeling_label(score: int, lang: str, icon: bool = True) -> str:
    """Icon, signed score and words: `🙁 −1 hard` (without the icon where no emoji font is sure: PDFs)."""
    sign = "+" if score > 0 else "−" if score < 0 else "±"
    words = f"{sign}{abs(score)} {feeling_words(score, lang)}"
    return f"{FEELING_ICONS[score]} {words}" if icon else words


def evidence_words(level: Evidence | str, lang: str) -> str:
    return t(f"experience.evidence.{Evidence(level).value}", lang)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def duration_range_words(duration: DurationRange, lang: str) -> str:
    """`2–4 weeks` / `3 days` in `lang`."""
    unit = t(f"experience.unit.{DurationUnit(duration.unit).value}", lang)
    if duration.shortest == duration.longest:
        return f"{_number(duration.shortest)} {unit}"
    return f"{_number(duration.shortest)}–{_number(duration.longest)} {unit}"


def has_experience(step: Step) -> bool:
    return bool(
        step.feeling is not None or step.pain_points or step.opportunities or step.evidence or step.duration_range
    )


def experience_rows(step: Step, lang: str, audience: str = "professional") -> list[tuple[str, str]]:
    """(label, words) lines for the text version: feeling, pain points, opportunities, backing, duration.

    Only the professional view tells them: the client's walk (and so a personal path) stays as it was."""
    rows: list[tuple[str, str]] = []
    if audience != "professional":
        return rows
    if step.feeling is not None:
        rows.append((t("experience.label.feeling", lang), feeling_label(step.feeling, lang)))
    if step.pain_points:
        rows.append((t("experience.label.pain_points", lang), "; ".join(p.get(lang) for p in step.pain_points)))
    if step.opportunities:
        rows.append((t("experience.label.opportunities", lang), "; ".join(o.get(lang) for o in step.opportunities)))
    if step.evidence:
        backing = evidence_words(step.evidence, lang)
        source = step.evidence_source.get(lang)
        rows.append((t("experience.label.evidence", lang), f"{backing} ({source})" if source else backing))
    if step.duration_range:
        rows.append((t("experience.label.duration_range", lang), duration_range_words(step.duration_range, lang)))
    return rows


def with_experience_labels(path: ServicePath, lang: str) -> ServicePath:
    """`path` with each scored step's title followed by its feeling in words (the flow diagram on request).

    The diagram's own escaping and wrapping apply to the longer title, so no renderer changes."""
    steps = []
    for step in path.steps:
        if step.feeling is None:
            steps.append(step)
            continue
        title = step.title.get(lang)
        labelled = step.title.model_copy(update={lang: f"{title} · {feeling_label(step.feeling, lang)}"})
        steps.append(step.model_copy(update={"title": labelled}))
    return path.model_copy(update={"steps": steps})


def experience_points(path: ServicePath, order: list[str], positions: dict[str, tuple[float, float]]) -> list[Step]:
    """The scored steps that have a place in the drawing, left to right."""
    scored = [path.step(step_id) for step_id in order]
    scored = [step for step in scored if step is not None and step.feeling is not None and step.id in positions]
    return sorted(scored, key=lambda step: positions[step.id][0])


def _hover(step: Step, lang: str) -> str:
    return t("experience.line.hover", lang, step=step.title.get(lang), feeling=feeling_label(step.feeling or 0, lang))


def add_experience_line(
    traces: list[dict], figure_layout: dict, path: ServicePath, order: list[str],
    positions: dict[str, tuple[float, float]], lang: str, escape: Callable[[str], str],
) -> None:
    """Put the experience line in a band under the stage titles of a blueprint (in place).

    The lanes keep the lower part of the figure; the band has its own y axis whose ticks are the five
    words, and every point says its words beside it. Nothing changes for a path without scores.
    `escape` is the blueprint's rule for user text in Plotly's pseudo-HTML."""
    points = experience_points(path, order, positions)
    if not points:
        return
    figure_layout["yaxis"]["domain"] = [0, 1 - EXPERIENCE_BAND - 0.02]
    figure_layout["xaxis"].update({"anchor": "free", "position": 1})
    figure_layout["height"] = round(figure_layout["height"] / (1 - EXPERIENCE_BAND))
    figure_layout["yaxis2"] = {
        "domain": [1 - EXPERIENCE_BAND, 1], "range": [FEELING_MIN - 0.6, FEELING_MAX + 0.6],
        "tickvals": list(FEELINGS), "ticktext": [feeling_label(score, lang) for score in FEELINGS],
        "tickfont": {"size": 11}, "showgrid": True, "gridcolor": palette.STEP_FILL, "zeroline": False,
        "fixedrange": True, "automargin": True, "title": {"text": t("experience.line.title", lang)},
    }
    traces.append(dict(
        type="scatter", xaxis="x", yaxis="y2", mode="lines+markers+text", cliponaxis=False,
        x=[positions[step.id][0] for step in points], y=[step.feeling for step in points],
        customdata=[step.id for step in points], meta={"polku": "experience"},
        name=t("experience.line.title", lang), legendgroup="experience",
        text=[feeling_words(step.feeling, lang) for step in points], textposition="top center",
        textfont={"size": 11, "color": [FEELING_COLOURS[step.feeling] for step in points]},
        hovertext=[escape(_hover(step, lang)) for step in points],
        hoverinfo="text", line={"color": LINE_COLOUR, "width": 2, "shape": "linear"},
        marker={"size": 12, "color": [FEELING_COLOURS[step.feeling] for step in points],
                "line": {"color": palette.WHITE, "width": 1}},
    ))
