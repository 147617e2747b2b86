"""A path as Mermaid text: a flowchart (stages as subgraphs, the marks as classes and icons) and a
user journey (stages as sections, the actors of each step, the experience score when the path has
one), each with `accTitle` and `accDescr` so the rendered SVG has its accessible name and text.

User text never reaches Mermaid's syntax: every character outside letters, digits and spaces is
written as Mermaid's `#<code>;` entity inside a quoted label (the journey's grammar has no quoting:
there the characters it reserves, `:`, `;` and `#`, become look-alike punctuation), and node ids
are generated, never taken from the path.
"""

from __future__ import annotations

from paths.i18n.catalog import normalise_lang, t
from paths.model.graph import walk_order
from paths.model.schema import ServicePath, Step, StepKind
from paths.render import palette
from paths.render.dot import BULB, END_ICON, NETWORK_ICON
from paths.render.text_words import describe, lightbulb_words
from paths.views.audience import audience_view

NEUTRAL_SCORE = 3
# The journey grammar ends a task at `:` and a statement at `;` or `#`: the look-alikes keep the words.
_JOURNEY_SWAPS = str.maketrans({":": "꞉", ";": "⁏", "#": "♯", "\n": " ", "\r": " ", "%": "％", "<": "‹", ">": "›"})
_ACC_SWAPS = str.maketrans({"\n": " ", "\r": " ", "{": "(", "}": ")", "%": "％", "<": "‹", ">": "›"})


def label(text: str) -> str:
    """A quoted flowchart label: letters, digits and spaces as they are, everything else an entity."""
    out = []
    for char in " ".join(text.split()):
        out.append(char if char.isalnum() or char == " " else f"#{ord(char)};")
    return '"' + "".join(out) + '"'


def _plain(text: str, swaps: dict[int, str]) -> str:
    cleaned = "".join(char for char in text.translate(swaps) if char.isprintable())
    return " ".join(cleaned.split())


def _header(path: ServicePath, lang: str, audience: str) -> list[str]:
    title = _plain(path.title.get(lang) or path.id, _ACC_SWAPS)
    return [f"    accTitle: {title}", f"    accDescr: {_plain(describe(path, lang, audience), _ACC_SWAPS)}"]


def _node_text(step: Step, lang: str, audience: str) -> str:
    words = step.title.get(lang) or step.id
    if step.coordinator:
        words = f"{BULB} {words} ({lightbulb_words(lang, audience)})"
    if step.kind == StepKind.network_meeting:
        words = f"{NETWORK_ICON} {words}"
    if step.kind == StepKind.end:
        words = f"{END_ICON} {words}"
    return words


def to_mermaid_flowchart(path: ServicePath, lang: str = "fi", audience: str = "professional") -> str:
    """`flowchart LR` with one subgraph per stage; a decision is a rhombus; classes for the marks."""
    lang = normalise_lang(lang)
    view = audience_view(path, audience)
    ids = {step_id: f"s{index}" for index, step_id in enumerate(walk_order(view))}
    for step in view.steps:
        ids.setdefault(step.id, f"s{len(ids)}")
    lines = ["flowchart LR", *_header(view, lang, audience)]
    for number, stage in enumerate(view.stages):
        steps = view.steps_in_stage(stage.id)
        if not steps:
            continue
        lines.append(f"    subgraph g{number}[{label(stage.title.get(lang) or stage.id)}]")
        for step in sorted(steps, key=lambda s: int(ids[s.id][1:])):
            text = label(_node_text(step, lang, audience))
            shape = f"{{{text}}}" if step.kind == StepKind.decision else f"[{text}]"
            classes = [name for name, on in (("coordinator", step.coordinator),
                                             ("network", step.kind == StepKind.network_meeting),
                                             ("finish", step.kind == StepKind.end)) if on]
            lines.append(f"        {ids[step.id]}{shape}" + (f":::{classes[0]}" if classes else ""))
        lines.append("    end")
    for transition in view.transitions:
        if transition.source not in ids or transition.target not in ids:
            continue
        condition = transition.condition.get(lang)
        arrow = f" -->|{label(condition)}| " if condition else " --> "
        lines.append(f"    {ids[transition.source]}{arrow}{ids[transition.target]}")
    lines += [
        f"    classDef coordinator fill:{palette.COORDINATOR_FILL},stroke:{palette.COORDINATOR_BORDER},"
        "stroke-width:3px",
        f"    classDef network fill:{palette.NETWORK_FILL},stroke:{palette.NETWORK_BORDER},stroke-width:3px",
        f"    classDef finish fill:{palette.END_FILL},stroke:{palette.END_BORDER}",
    ]
    return "\n".join(lines) + "\n"


def _score(step: Step) -> int:
    """Mermaid's score (1–5) from how the step feels to the client (−2 … +2); unscored: the neutral 3."""
    return NEUTRAL_SCORE if step.feeling is None else NEUTRAL_SCORE + int(step.feeling)


def to_mermaid_journey(path: ServicePath, lang: str = "fi", audience: str = "client") -> str:
    """`journey`: a section per stage, a task per step with its score and its actors."""
    lang = normalise_lang(lang)
    view = audience_view(path, audience)
    order = {step_id: index for index, step_id in enumerate(walk_order(view))}
    lines = ["journey", *_header(view, lang, audience),
             f"    title {_plain(view.title.get(lang) or view.id, _JOURNEY_SWAPS)}"]
    for stage in view.stages:
        steps = sorted(view.steps_in_stage(stage.id), key=lambda s: order.get(s.id, len(order)))
        if not steps:
            continue
        lines.append(f"    section {_plain(stage.title.get(lang) or stage.id, _JOURNEY_SWAPS)}")
        for step in steps:
            actors = [_plain((view.actor(a).name.get(lang) if view.actor(a) else a), _JOURNEY_SWAPS).replace(",", " ")
                      for a in step.actors]
            actors = [a for a in actors if a] or [t("formats.mermaid.no_actor", lang)]
            task = _plain(_node_text(step, lang, audience), _JOURNEY_SWAPS) or step.id
            lines.append(f"      {task}: {_score(step)}: {', '.join(actors)}")
    return "\n".join(lines) + "\n"
