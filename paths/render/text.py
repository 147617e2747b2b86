"""The text version of a path: plain text, Markdown and HTML.

This is the accessible alternative to the pictures — the one a screen reader reads — so it says
in words everything the diagrams say with shapes and colours: the stages in order, every step in
reading order (`paths.model.graph.walk_order`), who does it, the light bulb 💡 *and* what it means, the
network meeting, channels, links, contacts and what comes next with the branch conditions. All
three formats come from one outline, so they never disagree. `describe` is the diagrams' short
text alternative (one paragraph).

User text is never trusted: HTML is escaped with `html.escape`, links get an href only for
http, https and mailto (`paths.render.escape.safe_href`), Markdown goes through the one Markdown
escape (`paths.render.escape.md_escape`), control characters are dropped,
and placeholder contact details are never shown — only the catalog's "placeholder" text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from paths.i18n.catalog import normalise_lang, t
from paths.model.contact_rules import is_email
from paths.model.graph import end_steps, start_steps, to_graph, walk_order
from paths.model.schema import LANGS, LocalText, ServicePath, Step, StepKind
from paths.render import marks, palette
from paths.render.escape import md_escape, md_link, safe_href
from paths.render.experience import experience_rows
from paths.views.audience import audience_view, renderer_audience

# The marks' icons, written once in paths/render/marks.py (the same in every picture).
LIGHT_BULB = marks.LIGHT_BULB
NETWORK_ICON = marks.NETWORK_ICON
STATUS_ICONS = marks.STATUS_ICONS
STATUSES = marks.STATUSES
MAX_LISTED = 3

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# --- The outline: everything the three formats say, resolved to one language -----------------


@dataclass(frozen=True)
class Txt:
    """A user text and the language it really is in (a missing translation falls back to Finnish)."""

    text: str
    lang: str

    def __bool__(self) -> bool:
        return bool(self.text)


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


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def local(text: LocalText, lang: str) -> Txt:
    """`text` in `lang`, falling back like `LocalText.get`, remembering which language it is in."""
    own = text.get(lang, fallback=False)
    if own:
        return Txt(_clean(own), lang)
    for other in LANGS:
        value = getattr(text, other)
        if value:
            return Txt(_clean(value), other)
    return Txt("", lang)


def step_text(step: Step, lang: str, audience: str) -> Txt:
    """The step's main text: plain-language client text (else the title) for clients, the description for
    professionals."""
    if renderer_audience(audience) == "client":
        return local(step.client_text, lang) or local(step.title, lang)
    return local(step.description, lang)


def actor_name(path: ServicePath, actor_id: str, lang: str) -> Txt:
    """An actor's name; an actor the path does not define is named by its id."""
    actor = path.actor(actor_id)
    return local(actor.name, lang) if actor and actor.name else Txt(_clean(actor_id), lang)


def lightbulb_words(lang: str, audience: str) -> str:
    """The words that always stand beside the light bulb 💡."""
    return t(f"text.lightbulb.{renderer_audience(audience)}", lang)


def network_words(lang: str, audience: str) -> str:
    return t(f"text.network.{renderer_audience(audience)}", lang)


def kind_words(kind: StepKind, lang: str) -> str:
    return t(f"text.kind.{kind.value}", lang)


def status_words(status: str, lang: str) -> str:
    return t(f"text.status.{status}", lang)


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


def proper_words(path: ServicePath, lang: str) -> set[str]:
    """Words that keep their capital letter: organisations' names (Kela) and the persona's name (Ari)."""
    names = [local(actor.name, lang).text for actor in path.actors if actor.group.value == "organisation"]
    names.append(local(path.persona, lang).text)
    return {name.split()[0].strip(",.:;()") for name in names if name.split()}


def condition_phrase(text: str, proper: set[str] = frozenset()) -> str:
    """A branch condition to follow "If": an ordinary capitalised first word is lower-cased so that
    "If the client needs several services" reads as one sentence; acronyms and names are kept."""
    words = text.split(maxsplit=1)
    word = words[0].strip(",.:;()") if words else ""
    if len(word) > 1 and word[0].isupper() and word[1:].isalpha() and word[1:].islower() and word not in proper:
        return text[0].lower() + text[1:]
    return text


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


# --- The short description (the diagrams' text alternative) ------------------------------------


def _count(key: str, n: int, lang: str) -> str:
    return t(f"{key}.{'one' if n == 1 else 'other'}", lang, n=n)


def _plural_sentence(key: str, n: int, lang: str, **params: object) -> str:
    variant = "zero" if n == 0 else "one" if n == 1 else "other"
    return t(f"{key}.{variant}", lang, n=n, **params)


def _quoted(text: str, lang: str) -> str:
    return t("text.quote", lang, text=text)


def _join_or(items: list[str], lang: str) -> str:
    if len(items) > MAX_LISTED:
        items = [*items[:MAX_LISTED], t("text.more", lang, n=len(items) - MAX_LISTED)]
        return ", ".join(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('text.or', lang)} {items[-1]}"


def describe(path: ServicePath, lang: str = "fi", audience: str = "professional") -> str:
    """One paragraph describing the diagram: counts of stages, steps and light-bulb steps, where it
    starts and ends, where it branches. The short text alternative of every picture of the path."""
    lang = normalise_lang(lang)
    audience = renderer_audience(audience)
    view = audience_view(path, audience)
    title = _quoted(local(path.title, lang).text, lang)
    if not view.steps:
        return t("text.describe.empty", lang, title=title)
    graph = to_graph(view)
    order = walk_order(view)
    rank = {step_id: i for i, step_id in enumerate(order)}

    def name(step_id: str) -> str:
        step = view.step(step_id)
        return _quoted(local(step.title, lang).text if step else step_id, lang)

    sentences = [
        t(
            "text.describe.intro",
            lang,
            title=title,
            stages=_count("text.count.stages", len(view.stages), lang),
            steps=_count("text.count.steps", len(order), lang),
        ),
        _plural_sentence("text.describe.lightbulbs", sum(view.step(s).coordinator for s in order), lang),
    ]
    network = sum(view.step(s).kind == StepKind.network_meeting for s in order)
    if network:
        sentences.append(_count("text.describe.network", network, lang))
    starts = sorted(start_steps(graph), key=rank.__getitem__)
    ends = sorted(end_steps(graph), key=rank.__getitem__)
    start = (
        t("text.describe.start", lang, steps=_join_or([name(s) for s in starts], lang))
        if starts
        else t("text.describe.no_start", lang)
    )
    end = (
        t("text.describe.end", lang, steps=_join_or([name(s) for s in ends], lang))
        if ends
        else t("text.describe.no_end", lang)
    )
    sentences.append(f"{start} {end}")
    branches = []
    for node in sorted(graph.nodes, key=rank.__getitem__):
        if graph.out_degree(node) < 2:
            continue
        options = []
        for target in sorted(graph.successors(node), key=rank.__getitem__):
            condition = local(graph.edges[node, target]["condition"], lang).text
            options.append(condition or name(target))
        branches.append(t("text.describe.branch", lang, step=name(node), options=" / ".join(options)))
    listed = branches[:MAX_LISTED]
    if len(branches) > MAX_LISTED:
        listed.append(t("text.more", lang, n=len(branches) - MAX_LISTED))
    sentences.append(_plural_sentence("text.describe.branches", len(branches), lang, branches="; ".join(listed)))
    return " ".join(sentences)


# --- Plain text -----------------------------------------------------------------------------


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


def to_text(
    path: ServicePath,
    lang: str = "fi",
    audience: str = "professional",
    *,
    statuses: dict[str, str] | None = None,
    here: str | None = None,
) -> str:
    """The path as plain text: an indented outline, stage by stage and step by step."""
    doc = outline(path, lang, audience, statuses=statuses, here=here)
    lang = doc.lang
    out = [doc.title.text, "=" * max(len(doc.title.text), 3), t(f"text.view.{doc.audience}", lang), ""]
    out += [*_paragraphs(doc.summary.text)]
    if doc.audience == "professional" and doc.persona:
        out.append(f"{t('text.label.persona', lang)}: {' '.join(doc.persona.text.split())}")
    out += ["", doc.description, "", t(f"text.legend.{doc.audience}", lang)]
    if not doc.stages:
        out += ["", t("text.empty_path", lang)]
    for stage in doc.stages:
        heading = (
            t("text.stage_heading", lang, number=stage.number, title=stage.title.text)
            if stage.number
            else stage.title.text
        )
        out += ["", heading, "-" * len(heading)]
        out += _paragraphs(stage.description.text)
        if not stage.steps:
            out.append(t("text.empty_stage", lang))
        for block in stage.steps:
            out += ["", "  " + t("text.step_heading", lang, number=block.number, title=block.title.text)]
            out += [f"    {icon} {words}" for icon, words in _step_cues(block, lang, doc.audience)]
            out += [f"    {paragraph}" for paragraph in _paragraphs(block.body.text)]
            fields = _fields(block, lang) + experience_rows(block.step, lang, doc.audience)
            out += [f"    {label}: {value}" for label, value in fields]
            if block.links:
                out.append(f"    {t('text.label.links', lang)}:")
                out += [f"      - {label.text}: {url}" for label, url in block.links]
            if block.contacts:
                out.append(f"    {t('text.label.contacts', lang)}:")
                out += [f"      - {_contact_words(contact, lang)}" for contact in block.contacts]
            out.append(f"    {t('text.label.next', lang)}:")
            if block.next:
                out += [f"      - {_next_words(line, lang)}" for line in block.next]
            else:
                out.append(f"      - {t('text.next.end', lang)}")
    if doc.audience == "professional" and (doc.provenance or doc.notes):
        out.append("")
        if doc.provenance:
            out.append(f"{t('text.label.provenance', lang)}: {' '.join(doc.provenance.text.split())}")
        if doc.notes:
            out += [f"{t('text.label.notes', lang)}:", *_paragraphs(doc.notes.text)]
    return "\n".join(out).strip() + "\n"


# --- Markdown -------------------------------------------------------------------------------


def to_markdown(
    path: ServicePath,
    lang: str = "fi",
    audience: str = "professional",
    *,
    statuses: dict[str, str] | None = None,
    here: str | None = None,
    title: bool = True,
) -> str:
    """The path as Markdown: `##` stage headings, `###` step headings, each step's fields as a list.

    `title=False` leaves out the `#` path title for a page that already shows it."""
    doc = outline(path, lang, audience, statuses=statuses, here=here)
    lang = doc.lang
    out: list[str] = []
    if title:
        out += [f"# {md_escape(doc.title.text)}", ""]
    out += [f"_{t(f'text.view.{doc.audience}', lang)}_", ""]
    out += [line for paragraph in _paragraphs(doc.summary.text) for line in (md_escape(paragraph), "")]
    if doc.audience == "professional" and doc.persona:
        out += [f"**{t('text.label.persona', lang)}:** {md_escape(doc.persona.text)}", ""]
    out += [md_escape(doc.description), "", md_escape(t(f"text.legend.{doc.audience}", lang)), ""]
    if not doc.stages:
        out += [t("text.empty_path", lang), ""]
    for stage in doc.stages:
        heading = (
            t("text.stage_heading", lang, number=stage.number, title=md_escape(stage.title.text))
            if stage.number
            else md_escape(stage.title.text)
        )
        out += [f"## {heading}", ""]
        out += [line for paragraph in _paragraphs(stage.description.text) for line in (md_escape(paragraph), "")]
        if not stage.steps:
            out += [t("text.empty_stage", lang), ""]
        for block in stage.steps:
            out += [f"### {t('text.step_heading', lang, number=block.number, title=md_escape(block.title.text))}", ""]
            for icon, words in _step_cues(block, lang, doc.audience):
                out += [f"{icon} **{words}**", ""]
            out += [line for paragraph in _paragraphs(block.body.text) for line in (md_escape(paragraph), "")]
            fields = _fields(block, lang) + experience_rows(block.step, lang, doc.audience)
            items = [f"- **{label}:** {md_escape(value)}" for label, value in fields]
            if block.links:
                items.append(f"- **{t('text.label.links', lang)}:**")
                items += [f"  - {md_link(label.text, url)}" for label, url in block.links]
            if block.contacts:
                items.append(f"- **{t('text.label.contacts', lang)}:**")
                items += [f"  - {md_escape(_contact_words(contact, lang))}" for contact in block.contacts]
            items.append(f"- **{t('text.label.next', lang)}:**")
            if block.next:
                items += [f"  - {md_escape(_next_words(line, lang))}" for line in block.next]
            else:
                items.append(f"  - {t('text.next.end', lang)}")
            out += [*items, ""]
    if doc.audience == "professional" and (doc.provenance or doc.notes):
        if doc.provenance:
            out += [f"**{t('text.label.provenance', lang)}:** {md_escape(doc.provenance.text)}", ""]
        if doc.notes:
            out += [f"**{t('text.label.notes', lang)}:**", ""]
            out += [line for paragraph in _paragraphs(doc.notes.text) for line in (md_escape(paragraph), "")]
    return "\n".join(out).strip() + "\n"


# --- HTML -----------------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _h(txt: Txt, lang: str) -> str:
    """Escaped user text, marked with its own language when it is a fallback (WCAG 3.1.2)."""
    if txt.text and txt.lang != lang:
        return f'<span lang="{_e(txt.lang)}">{_e(txt.text)}</span>'
    return _e(txt.text)


def anchor_id(path_id: str, kind: str, item_id: str) -> str:
    """The HTML id of a stage or step in the text version (ids are limited to safe characters)."""
    return re.sub(r"[^A-Za-z0-9_.-]", "-", f"polku-{path_id}-{kind}-{item_id}")


_LIST = ' style="list-style:none;padding-left:0"'
STANDALONE_STYLE = (
    f"body{{font:1.125rem/1.5 system-ui,sans-serif;color:{palette.INK};max-width:48rem;margin:2rem auto;"
    f"padding:0 1rem}}dt{{font-weight:600}}a{{color:{palette.NETWORK_BORDER}}}"
    f".polku-coordinator{{border-left:.4rem solid {palette.COORDINATOR_BORDER};padding-left:.8rem}}"
    f".polku-network-meeting{{border-left:.4rem solid {palette.NETWORK_BORDER};padding-left:.8rem}}"
)


def _html_heading(key: str, number: int, txt: Txt, lang: str) -> str:
    marker = "\x00"
    return _e(t(key, lang, number=number, title=marker)).replace(_e(marker), _h(txt, lang))


def _html_link(label: Txt, url: str, lang: str) -> str:
    href = safe_href(url)
    if href is None:
        return f"{_h(label, lang)}: {_e(url)}"
    new_tab = "" if href.lower().startswith("mailto:") else f" <small>({_e(t('text.link.new_tab', lang))})</small>"
    target = "" if href.lower().startswith("mailto:") else ' target="_blank"'
    return f'<a href="{_e(href)}" rel="noopener noreferrer"{target}>{_h(label, lang)}{new_tab}</a>'


def _html_contact(contact: ContactLine, lang: str) -> str:
    if not contact.known:
        return _e(t("text.contact.unknown", lang, id=contact.label.text))
    if contact.placeholder:
        words = _e(t("text.contact.placeholder", lang))
        return f'{_h(contact.label, lang)}: <em class="polku-placeholder">{words}</em>'
    details = []
    if contact.email:
        value = _e(contact.email)
        if is_email(contact.email):
            value = f'<a href="mailto:{_e(quote(contact.email, safe="@.+-_"))}" rel="noopener">{value}</a>'
        details.append(_e(t("text.contact.email", lang, value="\x00")).replace("\x00", value))
    if contact.phone:
        details.append(_e(t("text.contact.phone", lang, value=contact.phone)))
    return f"{_h(contact.label, lang)}: {', '.join(details)}" if details else _h(contact.label, lang)


def _html_who(block: StepBlock, lang: str) -> str:
    if not block.who:
        return _e(t("text.no_actor", lang))
    parts = []
    for name, first in block.who:
        if first:
            parts.append(_e(t("text.responsible", lang, name="\x00")).replace("\x00", _h(name, lang)))
        else:
            parts.append(_h(name, lang))
    return ", ".join(parts)


def _html_next(line: NextLine, lang: str, path_id: str) -> str:
    link = f'<a href="#{anchor_id(path_id, "step", line.target_id)}">{_h(line.heading, lang)}</a>'
    words = _e(_next_words(line, lang, target="\x00")).replace("\x00", link)
    if line.condition and line.condition.lang != lang:
        words = words.replace(_e(line.phrase), _h(Txt(line.phrase, line.condition.lang), lang), 1)
    return words


def _html_step(block: StepBlock, doc: Outline) -> str:
    lang = doc.lang
    classes = ["polku-step"]
    if block.coordinator:
        classes.append("polku-coordinator")
    if block.network:
        classes.append("polku-network-meeting")
    if block.status:
        classes.append(f"polku-status-{block.status}")
    current = ' aria-current="step"' if block.status == "here" else ""
    out = [f'<li class="{" ".join(classes)}" id="{anchor_id(doc.path.id, "step", block.step.id)}"{current}>']
    out.append(f"<h3>{_html_heading('text.step_heading', block.number, block.title, lang)}</h3>")
    for icon, words in _step_cues(block, lang, doc.audience):
        hidden = "" if icon in (LIGHT_BULB, NETWORK_ICON) else ' aria-hidden="true"'
        out.append(f'<p class="polku-cue"><span{hidden}>{icon}</span> <strong>{_e(words)}</strong></p>')
    for paragraph in _paragraphs(block.body.text):
        out.append(f"<p>{_h(Txt(paragraph, block.body.lang), lang)}</p>")
    out.append("<dl>")
    out.append(f"<dt>{_e(t('text.label.who', lang))}</dt><dd>{_html_who(block, lang)}</dd>")
    out.append(f"<dt>{_e(t('text.label.kind', lang))}</dt><dd>{_e(block.kind)}</dd>")
    if block.channels:
        out.append(f"<dt>{_e(t('text.label.channels', lang))}</dt><dd>{_e(', '.join(block.channels))}</dd>")
    if block.duration:
        out.append(f"<dt>{_e(t('text.label.duration', lang))}</dt><dd>{_h(block.duration, lang)}</dd>")
    experience = experience_rows(block.step, lang, doc.audience)
    out += [f"<dt>{_e(label)}</dt><dd>{_e(words)}</dd>" for label, words in experience]
    if block.links:
        items = "".join(f"<li>{_html_link(label, url, lang)}</li>" for label, url in block.links)
        out.append(f"<dt>{_e(t('text.label.links', lang))}</dt><dd><ul>{items}</ul></dd>")
    if block.contacts:
        items = "".join(f"<li>{_html_contact(contact, lang)}</li>" for contact in block.contacts)
        out.append(f"<dt>{_e(t('text.label.contacts', lang))}</dt><dd><ul>{items}</ul></dd>")
    if block.next:
        items = "".join(f"<li>{_html_next(line, lang, doc.path.id)}</li>" for line in block.next)
    else:
        items = f"<li>{_e(t('text.next.end', lang))}</li>"
    out.append(f'<dt>{_e(t("text.label.next", lang))}</dt><dd><ul class="polku-next">{items}</ul></dd>')
    out.append("</dl>")
    out.append("</li>")
    return "\n".join(out)


def to_html(
    path: ServicePath,
    lang: str = "fi",
    audience: str = "professional",
    *,
    statuses: dict[str, str] | None = None,
    here: str | None = None,
    standalone: bool = False,
) -> str:
    """The path as semantic, escaped HTML: stages as `<h2>`, steps as `<h3>` in ordered lists.

    A fragment (a `<section>`) for embedding in a page that has its own `<h1>`; with `standalone`, a
    whole document with the path title as `<h1>`, for download."""
    doc = outline(path, lang, audience, statuses=statuses, here=here)
    lang = doc.lang
    out = [f'<section class="polku-text" lang="{lang}" aria-label="{_e(doc.title.text)}">']
    out.append(f'<p class="polku-view"><em>{_e(t(f"text.view.{doc.audience}", lang))}</em></p>')
    out += [f"<p>{_h(Txt(p, doc.summary.lang), lang)}</p>" for p in _paragraphs(doc.summary.text)]
    if doc.audience == "professional" and doc.persona:
        out.append(f"<p><strong>{_e(t('text.label.persona', lang))}:</strong> {_h(doc.persona, lang)}</p>")
    out.append(f'<p class="polku-description">{_e(doc.description)}</p>')
    out.append(f'<p class="polku-legend">{_e(t(f"text.legend.{doc.audience}", lang))}</p>')
    if not doc.stages:
        out.append(f"<p>{_e(t('text.empty_path', lang))}</p>")
    else:
        out.append(f'<ol class="polku-stages"{_LIST}>')
        for stage in doc.stages:
            stage_id = anchor_id(doc.path.id, "stage", stage.stage_id or "other")
            heading = (
                _html_heading("text.stage_heading", stage.number, stage.title, lang)
                if stage.number
                else _h(stage.title, lang)
            )
            out.append(f'<li class="polku-stage" id="{stage_id}">')
            out.append(f"<h2>{heading}</h2>")
            out += [f"<p>{_h(Txt(p, stage.description.lang), lang)}</p>" for p in _paragraphs(stage.description.text)]
            if stage.steps:
                out.append(f'<ol class="polku-steps" start="{stage.steps[0].number}"{_LIST}>')
                out += [_html_step(block, doc) for block in stage.steps]
                out.append("</ol>")
            else:
                out.append(f"<p>{_e(t('text.empty_stage', lang))}</p>")
            out.append("</li>")
        out.append("</ol>")
    if doc.audience == "professional" and doc.provenance:
        out.append(f"<p><strong>{_e(t('text.label.provenance', lang))}:</strong> {_h(doc.provenance, lang)}</p>")
    if doc.audience == "professional" and doc.notes:
        out.append(f"<p><strong>{_e(t('text.label.notes', lang))}:</strong></p>")
        out += [f"<p>{_h(Txt(p, doc.notes.lang), lang)}</p>" for p in _paragraphs(doc.notes.text)]
    out.append("</section>")
    fragment = "\n".join(out) + "\n"
    if not standalone:
        return fragment
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(doc.title.text)}</title>\n"
        f"<style>{STANDALONE_STYLE}</style>\n"
        f"</head>\n<body>\n<main>\n<h1>{_h(doc.title, lang)}</h1>\n{fragment}</main>\n</body>\n</html>\n"
    )


def step_to_html(
    path: ServicePath, step_id: str, lang: str = "fi", audience: str = "professional", *, here: str | None = None
) -> str:
    """One step's block of the text version (for the details shown when a step is clicked); empty when the
    audience does not see the step."""
    doc = outline(path, lang, audience, here=here)
    for stage in doc.stages:
        for block in stage.steps:
            if block.step.id == step_id:
                return f'<ul class="polku-step-details"{_LIST}>\n{_html_step(block, doc)}\n</ul>\n'
    return ""
