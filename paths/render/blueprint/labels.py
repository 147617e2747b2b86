"""The blueprint's texts: escaping for Plotly's pseudo-HTML, wrapping, each step's label and hover, the stage
titles of the top axis, the legend's names, and which marker a step gets.

Plotly renders a little HTML in labels and hovers, so every user text is escaped (`&`, `<`, `>`) and user
text never goes into a hovertemplate (where `%{...}` would be substituted)."""

from __future__ import annotations

import html
import textwrap

from paths.i18n.catalog import t
from paths.model.schema import ServicePath, Step, StepKind
from paths.render import palette
from paths.render.dot import wrap as dot_wrap
from paths.render.text_words import (
    LIGHT_BULB,
    NETWORK_ICON,
    actor_name,
    kind_words,
    lightbulb_words,
    local,
    network_words,
    step_text,
)

OTHER_STAGE = "__other__"
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
BASE_FONT = 18
LABEL_FONT = 14
STEP_FONT = LABEL_FONT - 1  # a step's label under or over its marker
CONDITION_FONT = LABEL_FONT - 2  # an arrow's condition
CONDITION_WIDTH, CONDITION_LINES = 14, 4
STEP_WIDTH, STEP_LINES = 15, 3

# category -> (marker symbol, fill, border, size)
MARKERS: dict[str, tuple[str, str, str, int]] = {
    "step": ("circle", palette.STEP_FILL, palette.STEP_BORDER, 30),
    "coordinator": ("star", palette.COORDINATOR_FILL, palette.COORDINATOR_BORDER, 40),
    "network_meeting": ("hexagon", palette.NETWORK_FILL, palette.NETWORK_BORDER, 36),
    "decision": ("diamond", palette.DECISION_FILL, palette.STEP_BORDER, 32),
    "end": ("square", palette.END_FILL, palette.END_BORDER, 28),
}


def esc(text: str) -> str:
    """User text made literal for Plotly's pseudo-HTML (it decodes only &amp; &lt; &gt; and numeric entities)."""
    return html.escape(text, quote=False)


def wrap(text: str, width: int, max_lines: int | None = None) -> str:
    """Escaped text broken into `<br>` lines of about `width` characters (and at most `max_lines`)."""
    lines = textwrap.wrap(" ".join(text.split()), width, break_long_words=False) or [""]
    lines = [line if len(line) <= 2 * width else line[: 2 * width - 1] + "…" for line in lines]
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width - 1, 1)].rstrip() + "…"
    return "<br>".join(esc(line) for line in lines)


def category(step: Step) -> str:
    """Which marker a step gets; the light bulb wins over the kind so its trace holds exactly those steps."""
    if step.coordinator:
        return "coordinator"
    if step.kind == StepKind.network_meeting:
        return "network_meeting"
    if step.kind == StepKind.decision:
        return "decision"
    if step.kind == StepKind.end:
        return "end"
    return "step"


def hover(step: Step, view: ServicePath, lang: str, audience: str, focus: str | None, focus_name: str) -> str:
    """A step's hover: title, stage, who, kind, the bulb and the meeting in words, channels, duration, its text."""
    stage = view.stage(step.stage)
    lines = [f"<b>{wrap(local(step.title, lang).text, 50)}</b>"]
    if stage:
        lines.append(f"{esc(t('text.label.stage', lang))}: {wrap(local(stage.title, lang).text, 50)}")
    names = [actor_name(view, actor, lang).text for actor in step.actors]
    who = ", ".join([t("text.responsible", lang, name=names[0]), *names[1:]]) if names else t("text.no_actor", lang)
    lines.append(f"{esc(t('text.label.who', lang))}: {wrap(who, 60)}")
    lines.append(f"{esc(t('text.label.kind', lang))}: {esc(kind_words(step.kind, lang))}")
    if step.coordinator:
        lines.append(f"{LIGHT_BULB} {esc(lightbulb_words(lang, audience))}")
    if step.kind == StepKind.network_meeting:
        lines.append(f"{NETWORK_ICON} {esc(network_words(lang, audience))}")
    if step.channels:
        channels = ", ".join(t(f"text.channel.{channel.value}", lang) for channel in step.channels)
        lines.append(f"{esc(t('text.label.channels', lang))}: {esc(channels)}")
    duration = local(step.duration, lang).text
    if duration:
        lines.append(f"{esc(t('text.label.duration', lang))}: {wrap(duration, 50)}")
    if focus and focus not in step.actors:
        lines.append(esc(t("blueprint.not_focus", lang, actor=focus_name)))
    body = step_text(step, lang, audience).text
    if body and body != local(step.title, lang).text:
        lines += ["", wrap(body, 60, max_lines=8)]
    return "<br>".join(lines)


def step_label(step: Step, lang: str) -> str:
    """The text beside a step's marker: 💡 or 👥 and the title in at most three short lines."""
    prefix = ""
    if step.coordinator:
        prefix = f"{LIGHT_BULB} "
    elif step.kind == StepKind.network_meeting:
        prefix = f"{NETWORK_ICON} "
    return esc(prefix) + wrap(local(step.title, lang).text, STEP_WIDTH, max_lines=STEP_LINES)


def stage_tick(i: int, key: str, title: str, width: int) -> str:
    """A stage title on the top axis, wrapped to its column (about eight characters a slot, the number
    included) and never rotated; a word longer than the column is split with a hyphen, so that two stage
    titles never run into each other ("2. Työkykykoordinaattoriasiantuntijaryhmä")."""
    numbered = key != OTHER_STAGE
    chars = max(10, 8 * width - 2)
    text = "<br>".join(esc(line) for line in dot_wrap(title, chars, 4, slack=0)) or esc(title)
    return f"<b>{i + 1}.</b> {text}" if numbered else text


def trace_name(name: str, lang: str, audience: str) -> str:
    """A marker kind's name in the legend."""
    if name == "coordinator":
        return f"{LIGHT_BULB} {lightbulb_words(lang, audience)}"
    if name == "network_meeting":
        return f"{NETWORK_ICON} {kind_words(StepKind.network_meeting, lang)}"
    if name == "step":
        return t("blueprint.trace.step", lang)
    return kind_words(StepKind(name), lang)


def condition_label(text: str) -> str:
    """An arrow's condition in short lines, as drawn on the arrow."""
    return wrap(text, CONDITION_WIDTH, max_lines=CONDITION_LINES)


def plain_lines(label: str) -> list[str]:
    """The lines of a wrapped label as a reader sees them (for measuring)."""
    return [html.unescape(line) for line in label.replace("<b>", "").replace("</b>", "").split("<br>")]
