"""The flow diagram as Graphviz DOT: each stage in a box, its steps as nodes, in the wide or portrait layout.

The layouts (`paths.render.layout`): *wide* puts the stages side by side as columns (wrapping into
bands below when there are many), *portrait* stacks them from top to bottom for phones and paper. The
marks (light bulb, network meeting, decisions, ends, statuses, the actor filter) come from
`paths.render.marks`, the same icons, words and colours as in every other picture.

Every text that comes from a path goes into an HTML-like label through `_esc`, which
escapes `& < > " '` and doubles backslashes (Graphviz expands `\\N`, `\\G`, `\\E`... even
inside HTML-like labels). Node, cluster and graph names are generated (`n0`, `cluster_s0`),
never taken from the file, and no URL, href or tooltip attribute is ever written, so a
`javascript:` text stays text. Colour is never the only signal: the light bulb, the network
meeting, the end, statuses and the actor filter each carry an icon and words as well. The one
`id` written on a step's node is generated too (`polku-n0`), so that a page can make the drawn
steps clickable (`paths.render.image.clickable_svg`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from paths.i18n.catalog import normalise_lang, t
from paths.model.schema import LocalText, ServicePath, Step, StepKind
from paths.render import marks, palette
from paths.render.layout import DEFAULT_LAYOUT, PORTRAIT, Rules, normalise_layout, rank_rules
from paths.render.marks import (  # noqa: F401 - the icons stay importable from here
    END_ICON,
    FOCUS_ICON,
    HANDOFF_ICON,
    NETWORK_ICON,
    OTHER_ICON,
    STATUS_BORDERS,
    STATUS_ICONS,
    STATUSES,
)
from paths.views.audience import audience_view, renderer_audience

FONT = "DejaVu Sans"
BULB = marks.LIGHT_BULB
NODE_ID_PREFIX = "polku-"

TITLE_WIDTH = 22  # characters a line, for box steps
DECISION_WIDTH = 18  # diamonds grow fast with wide text
LABEL_WIDTH = 22  # arrow labels and actor names
PORTRAIT_LABEL_WIDTH = 12
PORTRAIT_TITLE_WIDTH = 17  # two ways of a branch side by side fit a 390 px phone
# Point sizes. The page shows a drawing at one CSS pixel a point, so the smallest text is 12 px; on paper
# the portrait drawing is scaled to at least 8/12 (paths.personal.pdf).
SMALLEST_PT = 12
TITLE_PT = {"wide": 14, "portrait": 12}
STAGE_PT = {"wide": 16, "portrait": 13}
MAX_TITLE_LINES = 6
MAX_LABEL_LINES = 4
LONG_WORD_SLACK = 8  # a word up to width + 8 characters is not split
PORTRAIT_WORD_SLACK = 4

# Characters XML 1.0 forbids (the SVG would not parse) and lone surrogates (not UTF-8).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Handoff:
    """A transition where responsibility passes from one actor to another."""

    source: str
    target: str
    from_actor: str
    to_actor: str
    covered_by_coordinator: bool


def handoffs(path: ServicePath) -> list[Handoff]:
    """Transitions whose source and target steps have different responsible actors.

    A hand-off counts as covered by the coordinator when either of its two steps carries the
    light bulb: the coordinator is there when the client moves on. Steps without a responsible
    actor, and references to unknown steps, are left out (validation reports the latter).
    """
    steps: dict[str, Step] = {}
    for step in path.steps:
        steps.setdefault(step.id, step)
    found: list[Handoff] = []
    seen: set[tuple[str, str]] = set()
    for transition in path.transitions:
        source, target = steps.get(transition.source), steps.get(transition.target)
        if source is None or target is None or (source.id, target.id) in seen:
            continue
        seen.add((source.id, target.id))
        if source.responsible and target.responsible and source.responsible != target.responsible:
            found.append(
                Handoff(
                    source=source.id,
                    target=target.id,
                    from_actor=source.responsible,
                    to_actor=target.responsible,
                    covered_by_coordinator=source.coordinator or target.coordinator,
                )
            )
    return found


def _clean(text: str) -> str:
    """User text with characters that cannot appear in SVG removed and whitespace collapsed."""
    return " ".join(_FORBIDDEN.sub(" ", text).split())


def _esc(text: str) -> str:
    """Text for an HTML-like label: entities escaped, Graphviz backslash escapes neutralised."""
    return html.escape(text, quote=True).replace("\\", "\\\\")


def wrap(text: str, width: int, max_lines: int, slack: int = LONG_WORD_SLACK) -> list[str]:
    """Lines of about `width` characters, and text beyond `max_lines` ends in an ellipsis.

    A word up to `slack` characters longer than `width` stays whole; a longer one (a long Finnish
    compound) is split into pieces of `width` characters ending in a hyphen.
    """
    text = _clean(text)
    if len(text) <= width:
        return [text] if text else []
    words: list[str] = []
    for word in text.split(" "):
        while len(word) > width + slack:
            words.append(word[: width - 1] + "-")
            word = word[width - 1 :]
        if word:
            words.append(word)
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip("-") + "…"
    return lines


class _Html(str):
    """An HTML-like label built by `_html_label` from escaped text: written without quotes."""


def _attrs(**attrs: str | float | int) -> str:
    """DOT attributes from trusted values only (constants, colours, generated ids, HTML labels)."""
    parts = []
    for key, value in attrs.items():
        parts.append(f"{key}={value}" if isinstance(value, _Html) else f'{key}="{value}"')
    return "[" + ", ".join(parts) + "]"


def _text_lines(lines: list[str], size: int | None = None, bold: bool = False, colour: str | None = None) -> list[str]:
    out = []
    for line in lines:
        item = _esc(line)
        if bold:
            item = f"<b>{item}</b>"
        if size or colour:
            font_attrs = (f' point-size="{size}"' if size else "") + (f' color="{colour}"' if colour else "")
            item = f"<font{font_attrs}>{item}</font>"
        out.append(item)
    return out


def _html_label(lines: list[str]) -> _Html:
    return _Html("<" + "<br/>".join(lines) + ">")


@dataclass
class _Options:
    lang: str
    client: bool
    statuses: dict[str, str]
    actor_filter: str | None
    layout: str = DEFAULT_LAYOUT
    selected: str | None = None  # the step chosen on the page: drawn with a thick ink border
    step_ids: dict[str, str] = field(default_factory=dict)  # node name -> step id
    current_stage: str | None = None  # the stage an appointment is at: a thick ink frame and words

    @property
    def voice(self) -> str:
        return "client" if self.client else "professional"

    @property
    def portrait(self) -> bool:
        return self.layout == PORTRAIT

    @property
    def title_width(self) -> int:
        return PORTRAIT_TITLE_WIDTH if self.portrait else TITLE_WIDTH

    @property
    def slack(self) -> int:
        """How much longer than a line a word may be before it is split: little in narrow portrait boxes."""
        return PORTRAIT_WORD_SLACK if self.portrait else LONG_WORD_SLACK

    @property
    def small(self) -> int:
        """The point size of a step's second lines (actor, marks): the smallest text in the picture."""
        return SMALLEST_PT


@dataclass
class _Look:
    """How one step is drawn: colours, line and Graphviz style, and the SVG classes that tell it."""

    fill: str = palette.STEP_FILL
    border: str = palette.STEP_BORDER
    penwidth: float = 1.5
    style: list[str] = field(default_factory=lambda: ["filled"])
    classes: list[str] = field(default_factory=list)


def _node_lines(step: Step, actor_names: dict[str, str], opts: _Options, focus: bool) -> list[str]:
    """The lines of a step's label: status, title, responsible actor, then each mark with its words."""
    lang = opts.lang
    status = opts.statuses.get(step.id)
    lines: list[str] = []
    if status:
        lines += _text_lines([marks.STATUS_MARKS[status].label(lang)], size=opts.small + 1, bold=True)
    width = opts.title_width
    title = step.title.get(lang)
    if step.kind == StepKind.decision and opts.portrait:
        title = f"{marks.DECISION.icon} {title}"  # a box, not a diamond: the icon tells the decision
    elif step.kind == StepKind.decision:
        width = DECISION_WIDTH
    lines += _text_lines(wrap(title, width, MAX_TITLE_LINES, opts.slack), bold=True)
    if step.responsible:
        name = actor_names.get(step.responsible, step.responsible)
        lines += _text_lines(wrap(name, width, 3, opts.slack), size=opts.small)
    cues = []
    if step.coordinator:
        cues.append(marks.COORDINATOR.label(lang, opts.voice))
    if step.kind == StepKind.network_meeting:
        cues.append(marks.NETWORK.label(lang))
    if step.kind == StepKind.end:
        cues.append(marks.END.label(lang))
    if opts.actor_filter is not None:
        cues.append((marks.FOCUS if focus else marks.OTHER).label(lang))
    if opts.portrait:  # narrow boxes: the words of a mark wrap too
        cues = [line for cue in cues for line in wrap(cue, width + 4, 3)]
    return lines + _text_lines(cues, size=opts.small)


def _node_look(step: Step, opts: _Options, focus: bool, dimmed: bool) -> _Look:
    """Fill, border and line of a step: the kind's mark, then the light bulb, the status, the focus."""
    status = opts.statuses.get(step.id)
    kind_mark = {StepKind.decision: marks.DECISION, StepKind.end: marks.END, StepKind.network_meeting: marks.NETWORK}
    look = _Look()
    mark = kind_mark.get(step.kind)
    if mark is not None:
        look.fill = mark.fill
        if step.kind != StepKind.decision:
            look.border = mark.border
    if step.kind == StepKind.network_meeting:
        look.penwidth = 3.5
    if step.coordinator:
        look.fill = marks.COORDINATOR.fill
        if step.kind != StepKind.network_meeting:
            look.border, look.penwidth = marks.COORDINATOR.border, 2.5
    if status:
        look.border, look.penwidth = marks.STATUS_MARKS[status].border, max(look.penwidth, 3.0)
    if status == "here":
        look.fill, look.penwidth = marks.STATUS_MARKS["here"].fill, 5.0
    if focus:
        look.penwidth = max(look.penwidth, 4.0)
    if dimmed:
        look.fill, look.border, look.penwidth = palette.WHITE, palette.STEP_BORDER, 1.5
    if step.kind == StepKind.decision and opts.portrait:
        look.style.append("diagonals")
    elif step.kind not in (StepKind.decision, StepKind.end):
        look.style.append("rounded")
    if dimmed:
        look.style.append("dashed")
    look.classes = ["step", step.kind.value]
    flags = [("coordinator", step.coordinator), (f"status-{status}", bool(status)), ("focus", focus)]
    look.classes += [name for name, on in flags if on] + (["dimmed"] if dimmed else [])
    if step.id == opts.selected:
        look.classes.append("selected")
        look.border, look.penwidth = palette.INK, max(look.penwidth, 5.0)
    return look


def _step_node(node_id: str, step: Step, actor_names: dict[str, str], opts: _Options) -> str:
    status = opts.statuses.get(step.id)
    focus = opts.actor_filter is not None and opts.actor_filter in step.actors
    # "You are here" stays bright even when the actor filter dims the other steps.
    dimmed = status != "here" and ((opts.actor_filter is not None and not focus) or status == "not_for_me")
    look = _node_look(step, opts, focus, dimmed)
    attrs: dict[str, str | float | int] = {
        "label": _html_label(_node_lines(step, actor_names, opts, focus)),
        "shape": "diamond" if step.kind == StepKind.decision and not opts.portrait else "box",
        "style": ",".join(look.style),
        "fillcolor": look.fill,
        "color": look.border,
        "fontcolor": palette.MUTED_INK if dimmed else palette.INK,
        "penwidth": look.penwidth,
        "class": " ".join(look.classes),
        "id": NODE_ID_PREFIX + node_id,
    }
    if step.kind == StepKind.end:
        attrs["peripheries"] = 2
    if step.kind == StepKind.decision and not opts.portrait:
        attrs["margin"] = "0.02,0.02"
    return f"  {node_id} {_attrs(**attrs)};"


def _legend(opts: _Options) -> list[str]:
    lang = opts.lang
    rows = []
    for mark in marks.legend_marks(set(opts.statuses.values()), filtered=opts.actor_filter is not None):
        rows.append(
            f'<tr><td width="44" height="30" bgcolor="{mark.fill}" color="{mark.border}" border="2">'
            f'{_esc(mark.icon)}</td><td align="left">{_esc(mark.legend(lang, opts.voice))}</td></tr>'
        )
    table = '<table border="0" cellspacing="4" cellpadding="4">' + "".join(rows) + "</table>"
    return [
        "  subgraph cluster_legend {",
        f"    label={_html_label(_text_lines([t('render.legend.title', lang)], bold=True))};",
        f'    style="rounded"; color="{palette.STEP_BORDER}"; fontcolor="{palette.INK}";',
        f'    legend [shape=plaintext, class="legend", label=<{table}>];',
        "  }",
    ]


def _columns(view: ServicePath, steps: list[Step], lang: str) -> list[tuple[str, str, list[Step]]]:
    """Each stage's id, title and steps, in stage order; steps of an unknown stage in a last column (id "")."""
    stage_rank: dict[str, int] = {}
    for index, stage in enumerate(view.stages):
        stage_rank.setdefault(stage.id, index)  # a duplicated stage id: the first one counts
    unknown_rank = len(view.stages)
    by_stage: dict[int, list[Step]] = {}
    for step in steps:
        by_stage.setdefault(stage_rank.get(step.stage, unknown_rank), []).append(step)
    columns: list[tuple[str, str, list[Step]]] = []
    for index, stage in enumerate(view.stages):
        if stage_rank[stage.id] == index:  # a duplicated stage id draws once
            columns.append((stage.id, stage.title.get(lang) or stage.id, by_stage.get(index, [])))
    if unknown_rank in by_stage:
        columns.append(("", t("render.unknown_stage", lang), by_stage[unknown_rank]))
    return columns


def _graph_header(title: str, layout: str) -> list[str]:
    ranksep, rankdir = ("0.3", "TB") if layout == PORTRAIT else ("0.4", "LR")
    fontsize, pad = (16, "0.08") if layout == PORTRAIT else (20, "0.2")
    out = [
        "digraph polku {",
        f'  graph [rankdir="{rankdir}", newrank="true", fontname="{FONT}", fontsize="{fontsize}", '
        f'bgcolor="{palette.WHITE}", fontcolor="{palette.INK}", labelloc="t", labeljust="l", pad="{pad}", '
        f'nodesep="0.25", ranksep="{ranksep}"];',
        f'  node [fontname="{FONT}", fontsize="{TITLE_PT[layout]}", fontcolor="{palette.INK}", margin="0.1,0.05"];',
        f'  edge [fontname="{FONT}", fontsize="{SMALLEST_PT}", fontcolor="{palette.INK}", color="{palette.EDGE}", '
        f'penwidth="1.5", arrowsize="0.9"];',
    ]
    if title:
        width = 26 if layout == PORTRAIT else 48
        out.append(f"  label={_html_label(_text_lines(wrap(title, width, 3), bold=True))};")
    return out


def _stage_look(title: str, width: int, opts: _Options, *, current: bool) -> list[str]:
    """A stage cluster's label and frame; the current stage (the appointment's) says so in words too."""
    lines = wrap(title, width, 3)
    frame = f'color="{palette.STEP_BORDER}"; class="stage";'
    if current:
        lines = [f"{marks.SHOWN_ICON} {t('appointment.shown_now', opts.lang)}", *lines]
        frame = f'color="{palette.INK}"; penwidth="4"; class="stage current";'
    label = _text_lines(lines, size=STAGE_PT[opts.layout], bold=True)
    return [
        f"    label={_html_label(label)};",
        f'    style="filled,rounded"; fillcolor="{palette.STAGE_BACKGROUND}"; {frame}',
    ]


def _stage_clusters(
    columns: list[tuple[str, str, list[Step]]], node_of: dict[str, str], actor_names: dict[str, str], opts: _Options
) -> tuple[list[str], list[list[str]]]:
    """One cluster a stage with its steps (an empty stage says so); the node names of each column."""
    out: list[str] = []
    column_nodes: list[list[str]] = []
    stage_width = 30 if opts.portrait else 26
    for index, (stage_id, stage_title, members) in enumerate(columns):
        out.append(f"  subgraph cluster_s{index} {{")
        out += _stage_look(stage_title, stage_width, opts, current=stage_id == opts.current_stage)
        names = []
        for step in members:
            out.append("  " + _step_node(node_of[step.id], step, actor_names, opts))
            names.append(node_of[step.id])
        if not names:
            placeholder = f"e{index}"
            text = _text_lines([t("render.empty_stage", opts.lang)], colour=palette.MUTED_INK)
            out.append(f"    {placeholder} [shape=plaintext, label={_html_label(text)}];")
            names.append(placeholder)
        out.append("  }")
        column_nodes.append(names)
    return out, column_nodes


def _edge_lines(
    view: ServicePath, node_of: dict[str, str], opts: _Options, rules: Rules, edges: list[tuple[str, str, LocalText]]
) -> list[str]:
    """The arrows with their conditions; with an actor filter its hand-offs are thick and say so."""
    focus_handoffs = {}
    if opts.actor_filter is not None:
        focus_handoffs = {
            (h.source, h.target): h for h in handoffs(view) if opts.actor_filter in (h.from_actor, h.to_actor)
        }
    out = []
    for source_id, target_id, condition in edges:
        source, target = node_of[source_id], node_of[target_id]
        attrs: dict[str, str | float | int] = {}
        width = PORTRAIT_LABEL_WIDTH if opts.portrait else LABEL_WIDTH
        lines = _text_lines(wrap(condition.get(opts.lang), width, MAX_LABEL_LINES, opts.slack))
        handoff = focus_handoffs.get((source_id, target_id))
        if handoff:
            cue = "render.handoff_covered" if handoff.covered_by_coordinator else "render.handoff"
            lines += _text_lines([f"{marks.HANDOFF.icon} {t(cue, opts.lang)}"], size=SMALLEST_PT, bold=True)
            attrs.update(penwidth=3.5, color=palette.INK)
            attrs["class"] = "handoff"
        if lines:
            attrs["label"] = _html_label(lines)
        if (source, target) in rules.loose:
            attrs["constraint"] = "false"
        tail, head = source, target
        if (source, target) in rules.flipped:
            tail, head = target, source
            attrs["dir"] = "back"
        out.append(f"  {tail} -> {head}{' ' + _attrs(**attrs) if attrs else ''};")
    return out


def _drawn_edges(view: ServicePath, node_of: dict[str, str]) -> list[tuple[str, str, LocalText]]:
    edges: list[tuple[str, str, LocalText]] = []
    seen: set[tuple[str, str]] = set()
    for transition in view.transitions:
        key = (transition.source, transition.target)
        if key not in seen and transition.source in node_of and transition.target in node_of:
            seen.add(key)
            edges.append((transition.source, transition.target, transition.condition))
    return edges


def node_names(path: ServicePath, audience: str = "professional") -> dict[str, str]:
    """Which generated node name (`n0`, ...) draws which step id, for `audience`: what a click on a drawn
    step (its SVG `id` is `polku-` + the node name) means."""
    view = audience_view(path, renderer_audience(audience))
    names: dict[str, str] = {}
    for step in view.steps:
        if step.id not in names.values():
            names[f"n{len(names)}"] = step.id
    return names


def to_dot(
    path: ServicePath,
    lang: str = "fi",
    audience: str = "professional",
    *,
    here: str | None = None,
    statuses: dict[str, str] | None = None,
    actor_filter: str | None = None,
    legend: bool = True,
    layout: str = DEFAULT_LAYOUT,
    selected: str | None = None,
    band: int | None = None,
    current_stage: str | None = None,
) -> str:
    """The flow diagram of `path` as DOT, for the `dot` binary.

    `here` and `statuses` (step id -> done | here | next | not_for_me) mark a client's
    position; `actor_filter` (an actor id) emphasises that actor's steps, dims the others and
    marks the hand-offs that touch it; `layout` is wide or portrait (`paths.render.layout`);
    `selected` is the step chosen on the page, drawn with a thick border; `band` (wide) how many stages
    stand side by side before the next ones wrap below; `current_stage` (a stage id) is framed thick and
    says "shown now" (the appointment mode). Unknown statuses, stage and step ids are ignored.
    """
    lang = normalise_lang(lang)
    client = audience == "client"
    view = audience_view(path, "client" if client else "professional")
    actor_names = {actor.id: actor.name.get(lang) for actor in reversed(view.actors)}
    step_of = node_names(path, audience)
    node_of = {step_id: name for name, step_id in step_of.items()}
    first: dict[str, Step] = {}
    for step in view.steps:
        first.setdefault(step.id, step)  # a duplicated step id draws once, as its first definition
    steps = list(first.values())
    marked = {step: status for step, status in (statuses or {}).items() if status in STATUSES and step in node_of}
    if here in node_of:
        marked[here] = "here"
    layout = normalise_layout(layout)
    opts = _Options(lang, client, marked, actor_filter, layout, selected, step_of, current_stage=current_stage)

    out = _graph_header(view.title.get(lang), layout)
    clusters, column_nodes = _stage_clusters(_columns(view, steps, lang), node_of, actor_names, opts)
    out += clusters
    if legend:
        out += _legend(opts)
        column_nodes.append(["legend"])
    edges = _drawn_edges(view, node_of)
    rules = rank_rules(column_nodes, [(node_of[a], node_of[b]) for a, b, _ in edges], layout, band)
    out += rules.lines
    out += _edge_lines(view, node_of, opts, rules, edges)
    out.append("}")
    return "\n".join(out) + "\n"
