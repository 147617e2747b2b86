"""The outline of a path's text version, and the wording the three formats share.

Everything the text versions say (plain text `paths.render.text`, Markdown `paths.render.text_markdown`,
HTML `paths.render.text_html`) is resolved here, to one language and one audience, so that the
formats never disagree: the stages in order, every step in reading order, who does it, the light
bulb and network meeting in words, channels, links, contacts and what comes next. Control
characters are dropped and placeholder contact details are never carried.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from paths.i18n.catalog import normalise_lang, t
from paths.model.graph import walk_order
from paths.model.schema import ServicePath, Step, StepKind
from paths.render.text_words import (
    LIGHT_BULB,
    NETWORK_ICON,
    STATUS_ICONS,
    STATUSES,
    Txt,
    _clean,
    actor_name,
    condition_phrase,
    describe,
    kind_words,
    lightbulb_words,
    local,
    network_words,
    proper_words,
    status_words,
    step_text,
)
from paths.views.audience import audience_view, renderer_audience

# --- The outline: everything the three formats say, resolved to one language -----------------


@dataclass
class ContactLine:
    label: Txt
    email: str = ""
    phone: str = ""
    placeholder: bool = False
    known: bool = True
    contact_id: str = ""


@dataclass
class NextLine:
    target_id: str
    heading: Txt
    condition: Txt | None
    back: bool
    phrase: str = ""  # the condition as it reads after "If"


@dataclass
class StepBlock:
    step: Step
    number: int
    title: Txt
    body: Txt
    who: list[tuple[Txt, bool]]
    kind: str
    coordinator: bool
    network: bool
    channels: list[str]
    duration: Txt
    links: list[tuple[Txt, str]]
    contacts: list[ContactLine]
    next: list[NextLine]
    status: str | None


@dataclass
class StageBlock:
    stage_id: str | None
    number: int | None
    title: Txt
    description: Txt
    steps: list[StepBlock] = field(default_factory=list)


@dataclass
class Outline:
    path: ServicePath
    lang: str
    audience: str
    title: Txt
    summary: Txt
    persona: Txt
    provenance: Txt
    notes: Txt
    description: str
    stages: list[StageBlock]


def contact_lines(path: ServicePath, step: Step, lang: str) -> list[ContactLine]:
    """The step's contacts; a placeholder keeps only its label, never its example values."""
    lines = []
    for contact_id in step.contacts:
        contact = path.contact(contact_id)
        if contact is None:
            lines.append(ContactLine(Txt(_clean(contact_id), lang), known=False, contact_id=contact_id))
        elif contact.placeholder:
            lines.append(ContactLine(local(contact.label, lang), placeholder=True, contact_id=contact_id))
        else:
            lines.append(
                ContactLine(
                    local(contact.label, lang) or Txt(contact_id, lang),
                    email=_clean(contact.email),
                    phone=_clean(contact.phone),
                    contact_id=contact_id,
                )
            )
    return lines


def _statuses(statuses: dict[str, str] | None, here: str | None) -> dict[str, str]:
    marks = {step_id: status for step_id, status in (statuses or {}).items() if status in STATUSES}
    if here:
        marks = {step_id: status for step_id, status in marks.items() if status != "here"}
        marks[here] = "here"
    return marks


def outline(
    path: ServicePath,
    lang: str = "fi",
    audience: str = "professional",
    *,
    statuses: dict[str, str] | None = None,
    here: str | None = None,
) -> Outline:
    """What the text version says, in reading order, for `audience` in `lang`."""
    lang = normalise_lang(lang)
    audience = renderer_audience(audience)
    view = audience_view(path, audience)
    walk = _Walk(view, lang)
    outgoing = _next_lines(view, walk, proper_words(path, lang))
    blocks: dict[str | None, StageBlock] = {}
    for i, stage in enumerate(view.stages):
        if stage.id not in blocks:
            blocks[stage.id] = StageBlock(stage.id, i + 1, local(stage.title, lang), local(stage.description, lang))
    step_marks = _statuses(statuses, here)
    for step_id in walk.order:
        step = view.step(step_id)
        assert step is not None
        block = blocks.get(step.stage)
        if block is None:
            other = StageBlock(None, None, Txt(t("text.other_steps", lang), lang), Txt("", lang))
            block = blocks.setdefault(None, other)
        block.steps.append(_step_block(view, step, walk, audience, outgoing.get(step.id, []), step_marks.get(step.id)))
    stages = [block for block in blocks.values() if block.stage_id is not None]
    if None in blocks:
        stages.append(blocks[None])
    return Outline(
        path=view,
        lang=lang,
        audience=audience,
        title=local(path.title, lang),
        summary=local(path.summary, lang),
        persona=local(path.persona, lang),
        provenance=local(path.provenance, lang),
        notes=local(path.notes, lang),
        description=describe(path, lang, audience),
        stages=stages,
    )


class _Walk:
    """The reading order of a view's steps: each step's number, title and numbered heading."""

    def __init__(self, view: ServicePath, lang: str) -> None:
        self.lang = lang
        self.order = walk_order(view)
        self.number = {step_id: i + 1 for i, step_id in enumerate(self.order)}
        self.titles: dict[str, Txt] = {}
        for step in view.steps:  # the first of duplicate ids, like `ServicePath.step`
            self.titles.setdefault(step.id, local(step.title, lang))

    def heading(self, step_id: str) -> Txt:
        title = self.titles[step_id]
        return Txt(t("text.step_heading", self.lang, number=self.number[step_id], title=title.text), title.lang)


def _next_lines(view: ServicePath, walk: _Walk, proper: set[str]) -> dict[str, list[NextLine]]:
    """For each step, where it leads: the next step's heading, the condition, and whether it goes back."""
    outgoing: dict[str, list[NextLine]] = {}
    for transition in view.transitions:
        if transition.source not in walk.number or transition.target not in walk.number:
            continue
        condition = local(transition.condition, walk.lang) or None
        back = walk.number[transition.target] <= walk.number[transition.source]
        phrase = condition_phrase(condition.text, proper) if condition else ""
        outgoing.setdefault(transition.source, []).append(
            NextLine(transition.target, walk.heading(transition.target), condition, back, phrase)
        )
    return outgoing


def _step_block(
    view: ServicePath, step: Step, walk: _Walk, audience: str, nexts: list[NextLine], status: str | None
) -> StepBlock:
    """One step as the text version says it."""
    lang = walk.lang
    body = step_text(step, lang, audience)
    if audience == "client" and body.text == walk.titles[step.id].text:
        body = Txt("", lang)
    return StepBlock(
        step=step,
        number=walk.number[step.id],
        title=walk.titles[step.id],
        body=body,
        who=[(actor_name(view, actor_id, lang), i == 0) for i, actor_id in enumerate(step.actors)],
        kind=kind_words(step.kind, lang),
        coordinator=step.coordinator,
        network=step.kind == StepKind.network_meeting,
        channels=[t(f"text.channel.{channel.value}", lang) for channel in step.channels],
        duration=local(step.duration, lang),
        links=[(local(link.label, lang) or Txt(_clean(link.url), lang), link.url) for link in step.links],
        contacts=contact_lines(view, step, lang),
        next=nexts,
        status=status,
    )


# --- The wording the three formats share --------------------------------------------------------


def _who_words(block: StepBlock, lang: str) -> str:
    if not block.who:
        return t("text.no_actor", lang)
    return ", ".join(t("text.responsible", lang, name=name.text) if first else name.text for name, first in block.who)


def _contact_words(contact: ContactLine, lang: str) -> str:
    if not contact.known:
        return t("text.contact.unknown", lang, id=contact.label.text)
    if contact.placeholder:
        return f"{contact.label.text}: {t('text.contact.placeholder', lang)}"
    details = []
    if contact.email:
        details.append(t("text.contact.email", lang, value=contact.email))
    if contact.phone:
        details.append(t("text.contact.phone", lang, value=contact.phone))
    return f"{contact.label.text}: {', '.join(details)}" if details else contact.label.text


def _next_words(line: NextLine, lang: str, target: str | None = None) -> str:
    target = target if target is not None else line.heading.text
    if line.back:
        target = t("text.next.back", lang, target=target)
    if line.condition:
        return t("text.next.if", lang, condition=line.phrase or line.condition.text, target=target)
    return t("text.next.plain", lang, target=target)


def _paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]


def _step_cues(block: StepBlock, lang: str, audience: str) -> list[tuple[str, str]]:
    """(icon, words) lines told before the step's text: status, light bulb, network meeting."""
    cues = []
    if block.status:
        cues.append((STATUS_ICONS[block.status], status_words(block.status, lang)))
    if block.coordinator:
        cues.append((LIGHT_BULB, lightbulb_words(lang, audience)))
    if block.network:
        cues.append((NETWORK_ICON, network_words(lang, audience)))
    return cues


def _fields(block: StepBlock, lang: str) -> list[tuple[str, str]]:
    """(label, value) pairs of the one-line fields, in the order all formats show them."""
    rows = [(t("text.label.who", lang), _who_words(block, lang)), (t("text.label.kind", lang), block.kind)]
    if block.channels:
        rows.append((t("text.label.channels", lang), ", ".join(block.channels)))
    if block.duration:
        rows.append((t("text.label.duration", lang), block.duration.text))
    return rows


def _step_lists(
    block: StepBlock, lang: str, link: Callable[[Txt, str], str], words: Callable[[str], str]
) -> list[tuple[str, list[str]]]:
    """(label, items) lists after the fields, in the order the plain and Markdown formats show them: links and
    contacts when there are any, what comes next always (the end named when nothing does). `link` writes one
    (label, URL) link and `words` makes a contact's or next step's words safe, each for its format."""
    lists = []
    if block.links:
        lists.append((t("text.label.links", lang), [link(label, url) for label, url in block.links]))
    if block.contacts:
        lists.append((t("text.label.contacts", lang), [words(_contact_words(c, lang)) for c in block.contacts]))
    upcoming = [words(_next_words(line, lang)) for line in block.next] or [t("text.next.end", lang)]
    lists.append((t("text.label.next", lang), upcoming))
    return lists
