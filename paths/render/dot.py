"""The flow diagram as Graphviz DOT: stages as left-to-right columns, steps as nodes.

Every text that comes from a path goes into an HTML-like label through `_esc`, which
escapes `& < > " '` and doubles backslashes (Graphviz expands `\\N`, `\\G`, `\\E`... even
inside HTML-like labels). Node, cluster and graph names are generated (`n0`, `cluster_s0`),
never taken from the file, and no URL, href or tooltip attribute is ever written, so a
`javascript:` text stays text. Colour is never the only signal: the light bulb, the network
meeting, the end, statuses and the actor filter each carry an icon and words as well.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from paths.i18n.catalog import normalise_lang, t
from paths.model.schema import LocalText, ServicePath, Step, StepKind
from paths.render import palette
from paths.views.audience import audience_view

FONT = "DejaVu Sans"
BULB = "💡"
NETWORK_ICON = "👥"
END_ICON = "🏁"
FOCUS_ICON = "★"
OTHER_ICON = "○"
HANDOFF_ICON = "⇄"
STATUS_ICONS = {"done": "✓", "here": "📍", "next": "➜", "not_for_me": "–"}
STATUSES: tuple[str, ...] = ("done", "here", "next", "not_for_me")
STATUS_BORDERS = {
    "done": palette.DONE_BORDER,
    "here": palette.HERE_BORDER,
    "next": palette.NEXT_BORDER,
    "not_for_me": palette.STEP_BORDER,
}

TITLE_WIDTH = 24  # characters a line, for box steps
DECISION_WIDTH = 18  # diamonds grow fast with wide text
LABEL_WIDTH = 22  # arrow labels and actor names
MAX_TITLE_LINES = 6
MAX_LABEL_LINES = 4
LONG_WORD_SLACK = 8  # a word up to width + 8 characters is not split

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


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Lines of about `width` characters, and text beyond `max_lines` ends in an ellipsis.

    A word a little longer than `width` stays whole; a longer one (a long Finnish compound)
    is split into pieces of `width` characters ending in a hyphen.
    """
    text = _clean(text)
    if len(text) <= width:
        return [text] if text else []
    words: list[str] = []
    for word in text.split(" "):
        while len(word) > width + LONG_WORD_SLACK:
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


def _step_node(node_id: str, step: Step, actor_names: dict[str, str], opts: _Options) -> str:
    lang = opts.lang
    status = opts.statuses.get(step.id)
    focus = opts.actor_filter is not None and opts.actor_filter in step.actors
    # "You are here" stays bright even when the actor filter dims the other steps.
    dimmed = status != "here" and ((opts.actor_filter is not None and not focus) or status == "not_for_me")
    decision = step.kind == StepKind.decision
    network = step.kind == StepKind.network_meeting
    end = step.kind == StepKind.end
    ink = palette.MUTED_INK if dimmed else palette.INK

    lines: list[str] = []
    if status:
        lines += _text_lines([f"{STATUS_ICONS[status]} {t(f'render.status.{status}', lang)}"], size=13, bold=True)
    width = DECISION_WIDTH if decision else TITLE_WIDTH
    lines += _text_lines(wrap(step.title.get(lang), width, MAX_TITLE_LINES), bold=True)
    if step.responsible:
        name = actor_names.get(step.responsible, step.responsible)
        lines += _text_lines(wrap(name, width, 3), size=12)
    if step.coordinator:
        cue = t("render.coordinator_client" if opts.client else "render.coordinator", lang)
        lines += _text_lines([f"{BULB} {cue}"], size=12)
    if network:
        lines += _text_lines([f"{NETWORK_ICON} {t('render.network_meeting', lang)}"], size=12)
    if end:
        lines += _text_lines([f"{END_ICON} {t('render.end', lang)}"], size=12)
    if opts.actor_filter is not None:
        icon, key = (FOCUS_ICON, "render.filter.focus") if focus else (OTHER_ICON, "render.filter.other")
        lines += _text_lines([f"{icon} {t(key, lang)}"], size=12)

    fill = palette.STEP_FILL
    border = palette.STEP_BORDER
    penwidth = 1.5
    if decision:
        fill = palette.DECISION_FILL
    if end:
        fill, border = palette.END_FILL, palette.END_BORDER
    if network:
        fill, border, penwidth = palette.NETWORK_FILL, palette.NETWORK_BORDER, 3.5
    if step.coordinator:
        fill = palette.COORDINATOR_FILL
        if not network:
            border = palette.COORDINATOR_BORDER
            penwidth = 2.5
    if status:
        border = STATUS_BORDERS[status]
        penwidth = max(penwidth, 3.0)
    if status == "here":
        fill, penwidth = palette.HERE_FILL, 5.0
    if focus:
        penwidth = max(penwidth, 4.0)
    if dimmed:
        fill, border, penwidth = palette.WHITE, palette.STEP_BORDER, 1.5

    style = ["filled"]
    if not decision and not end:
        style.append("rounded")
    if dimmed:
        style.append("dashed")
    classes = ["step", step.kind.value]
    if step.coordinator:
        classes.append("coordinator")
    if status:
        classes.append(f"status-{status}")
    if focus:
        classes.append("focus")
    if dimmed:
        classes.append("dimmed")
    attrs: dict[str, str | float | int] = {
        "label": _html_label(lines),
        "shape": "diamond" if decision else "box",
        "style": ",".join(style),
        "fillcolor": fill,
        "color": border,
        "fontcolor": ink,
        "penwidth": penwidth,
        "class": " ".join(classes),
    }
    if end:
        attrs["peripheries"] = 2
    if decision:
        attrs["margin"] = "0.02,0.02"
    return f"  {node_id} {_attrs(**attrs)};"


def _legend(opts: _Options) -> list[str]:
    lang = opts.lang

    def row(icon: str, text_key: str, fill: str, border: str) -> str:
        return (
            f'<tr><td width="44" height="30" bgcolor="{fill}" color="{border}" border="2">{_esc(icon)}</td>'
            f'<td align="left">{_esc(t(text_key, lang))}</td></tr>'
        )

    rows = [
        row("", "render.legend.step", palette.STEP_FILL, palette.STEP_BORDER),
        row(
            BULB,
            "render.legend.coordinator_client" if opts.client else "render.legend.coordinator",
            palette.COORDINATOR_FILL,
            palette.COORDINATOR_BORDER,
        ),
        row(NETWORK_ICON, "render.legend.network_meeting", palette.NETWORK_FILL, palette.NETWORK_BORDER),
        row("◆", "render.legend.decision", palette.DECISION_FILL, palette.STEP_BORDER),
        row(END_ICON, "render.legend.end", palette.END_FILL, palette.END_BORDER),
    ]
    used = set(opts.statuses.values())
    for status in STATUSES:
        if status in used:
            fill = palette.HERE_FILL if status == "here" else palette.WHITE
            rows.append(row(STATUS_ICONS[status], f"render.legend.status.{status}", fill, STATUS_BORDERS[status]))
    if opts.actor_filter is not None:
        rows.append(row(FOCUS_ICON, "render.legend.focus", palette.STEP_FILL, palette.INK))
        rows.append(row(OTHER_ICON, "render.legend.other", palette.WHITE, palette.STEP_BORDER))
        rows.append(row(HANDOFF_ICON, "render.legend.handoff", palette.WHITE, palette.INK))
    table = '<table border="0" cellspacing="4" cellpadding="4">' + "".join(rows) + "</table>"
    return [
        "  subgraph cluster_legend {",
        f"    label={_html_label(_text_lines([t('render.legend.title', lang)], bold=True))};",
        f'    style="rounded"; color="{palette.STEP_BORDER}"; fontcolor="{palette.INK}";',
        f'    legend [shape=plaintext, class="legend", label=<{table}>];',
        "  }",
    ]


def _reading_order(
    column_nodes: list[list[str]], column_of: dict[str, int], edges: list[tuple[str, str]]
) -> dict[str, tuple[int, int, int]]:
    """The reading order of `paths.model.graph.walk_order` (stage, then breadth-first depth from the
    starts, then file order), computed on the drawn nodes without building a networkx graph."""
    successors: dict[str, list[str]] = {}
    has_in: set[str] = set()
    for source, target in edges:
        successors.setdefault(source, []).append(target)
        has_in.add(target)
    nodes = [name for names in column_nodes for name in names]
    frontier = [name for name in nodes if name not in has_in] or nodes[:1]
    depth = dict.fromkeys(frontier, 0)
    while frontier:
        following = []
        for node in frontier:
            for nxt in successors.get(node, []):
                if nxt not in depth:
                    depth[nxt] = depth[node] + 1
                    following.append(nxt)
        frontier = following
    unseen = len(nodes) + 1
    return {name: (column_of[name], depth.get(name, unseen), i) for i, name in enumerate(nodes)}


def _column_order(
    column_nodes: list[list[str]],
    column_of: dict[str, int],
    order: dict[str, tuple[int, int, int]],
    edges: list[tuple[str, str]],
    out: list[str],
) -> set[tuple[str, str]]:
    """Keep the stage columns in order, left to right; return the edges that must not rank.

    Edges that go back in reading order (`order`: to an earlier column, or a loop inside a
    column) do not take part in ranking (`constraint=false`). What remains is acyclic, so every
    node of a column reaches a column sink and is reached from a column source. An invisible
    gate after each column, fed by its sinks and feeding the next column's sources, then puts
    every node of a column before every node of the next one.
    """
    loose = {
        (source, target)
        for source, target in edges
        if column_of[target] < column_of[source]
        or (column_of[target] == column_of[source] and order[target] <= order[source])
    }
    succ: dict[str, list[str]] = {}
    pred: dict[str, list[str]] = {}
    ranked_out: set[str] = set()  # nodes with any edge that takes part in ranking
    for source, target in edges:
        if (source, target) in loose:
            continue
        ranked_out.add(source)
        if column_of[source] == column_of[target]:
            succ.setdefault(source, []).append(target)
            pred.setdefault(target, []).append(source)
    # A leaf (no ranked way out at all) sits right after its latest predecessor. When every
    # predecessor has another successor that reaches the gate, the leaf is already before the
    # gate; linking it too would only stretch a long invisible edge across the column (a side
    # end in the middle of a long stage), which is what makes dot slow on big paths.
    gated: set[str] = set()
    safe: set[str] = set()  # nodes with a ranked path to a gated node: before the gate

    def gate(name: str) -> None:
        gated.add(name)
        frontier = [name]
        safe.add(name)
        while frontier:
            for before in pred.get(frontier.pop(), []):
                if before not in safe:
                    safe.add(before)
                    frontier.append(before)

    for names in column_nodes:
        for name in names:
            if name not in succ and name in ranked_out:
                gate(name)
    # Leaves from the last in reading order back, so that a gated leaf makes its ancestors safe.
    leaves = [name for names in column_nodes for name in names if name not in ranked_out]
    for name in sorted(leaves, key=order.__getitem__, reverse=True):
        before = pred.get(name, [])
        if not before or not all(any(o in safe for o in succ[p] if o != name) for p in before):
            gate(name)
    for index in range(len(column_nodes) - 1):
        gate_name = f"g{index}"
        out.append(f'  {gate_name} [shape=point, style=invis, width="0", height="0", label=""];')
        for name in column_nodes[index]:
            if name in gated:
                out.append(f"  {name} -> {gate_name} [style=invis];")
        for name in column_nodes[index + 1]:
            if name not in pred:
                out.append(f"  {gate_name} -> {name} [style=invis];")
    return loose


def to_dot(
    path: ServicePath,
    lang: str = "fi",
    audience: str = "professional",
    *,
    here: str | None = None,
    statuses: dict[str, str] | None = None,
    actor_filter: str | None = None,
    legend: bool = True,
) -> str:
    """The flow diagram of `path` as DOT, for `st.graphviz_chart` or the `dot` binary.

    `here` and `statuses` (step id -> done | here | next | not_for_me) mark a client's
    position; `actor_filter` (an actor id) emphasises that actor's steps, dims the others and
    marks the hand-offs that touch it. Unknown statuses and step ids are ignored.
    """
    lang = normalise_lang(lang)
    client = audience == "client"
    view = audience_view(path, "client" if client else "professional")
    actor_names = {actor.id: actor.name.get(lang) for actor in reversed(view.actors)}
    node_of: dict[str, str] = {}
    steps: list[Step] = []
    for step in view.steps:
        if step.id not in node_of:
            node_of[step.id] = f"n{len(node_of)}"
            steps.append(step)
    marks = {step: status for step, status in (statuses or {}).items() if status in STATUSES and step in node_of}
    if here in node_of:
        marks[here] = "here"
    opts = _Options(lang=lang, client=client, statuses=marks, actor_filter=actor_filter)

    stage_rank: dict[str, int] = {}
    for index, stage in enumerate(view.stages):
        stage_rank.setdefault(stage.id, index)  # a duplicated stage id: the first one counts
    unknown_rank = len(view.stages)
    columns: list[tuple[str, list[Step]]] = []
    by_stage: dict[int, list[Step]] = {}
    for step in steps:
        by_stage.setdefault(stage_rank.get(step.stage, unknown_rank), []).append(step)
    for index, stage in enumerate(view.stages):
        if stage_rank[stage.id] == index:  # a duplicated stage id draws once
            columns.append((stage.title.get(lang) or stage.id, by_stage.get(index, [])))
    if unknown_rank in by_stage:
        columns.append((t("render.unknown_stage", lang), by_stage[unknown_rank]))

    out = [
        "digraph polku {",
        f'  graph [rankdir="LR", newrank="true", fontname="{FONT}", fontsize="20", bgcolor="{palette.WHITE}", '
        f'fontcolor="{palette.INK}", labelloc="t", labeljust="l", pad="0.3", nodesep="0.3", ranksep="0.45"];',
        f'  node [fontname="{FONT}", fontsize="14", fontcolor="{palette.INK}", margin="0.15,0.08"];',
        f'  edge [fontname="{FONT}", fontsize="12", fontcolor="{palette.INK}", color="{palette.EDGE}", '
        f'penwidth="1.5", arrowsize="0.9"];',
    ]
    title = view.title.get(lang)
    if title:
        out.append(f"  label={_html_label(_text_lines(wrap(title, 60, 2), bold=True))};")

    column_nodes: list[list[str]] = []
    for index, (stage_title, members) in enumerate(columns):
        out.append(f"  subgraph cluster_s{index} {{")
        out.append(f"    label={_html_label(_text_lines(wrap(stage_title, 28, 3), size=16, bold=True))};")
        out.append(
            f'    style="filled,rounded"; fillcolor="{palette.STAGE_BACKGROUND}"; color="{palette.STEP_BORDER}"; '
            f'class="stage";'
        )
        names = []
        for step in members:
            out.append("  " + _step_node(node_of[step.id], step, actor_names, opts))
            names.append(node_of[step.id])
        if not names:
            placeholder = f"e{index}"
            text = _text_lines([t("render.empty_stage", lang)], colour=palette.MUTED_INK)
            out.append(f"    {placeholder} [shape=plaintext, label={_html_label(text)}];")
            names.append(placeholder)
        out.append("  }")
        column_nodes.append(names)
    if legend:
        out += _legend(opts)
        column_nodes.append(["legend"])

    column_of = {name: i for i, names in enumerate(column_nodes) for name in names}
    edges: list[tuple[str, str, LocalText]] = []
    seen: set[tuple[str, str]] = set()
    for transition in view.transitions:
        key = (transition.source, transition.target)
        if key not in seen and transition.source in node_of and transition.target in node_of:
            seen.add(key)
            edges.append((transition.source, transition.target, transition.condition))
    node_edges = [(node_of[a], node_of[b]) for a, b, _ in edges]
    loose = _column_order(column_nodes, column_of, _reading_order(column_nodes, column_of, node_edges), node_edges, out)

    focus_handoffs = {}
    if actor_filter is not None:
        focus_handoffs = {(h.source, h.target): h for h in handoffs(view) if actor_filter in (h.from_actor, h.to_actor)}
    for source_id, target_id, condition in edges:
        source, target = node_of[source_id], node_of[target_id]
        attrs: dict[str, str | float | int] = {}
        lines = _text_lines(wrap(condition.get(lang), LABEL_WIDTH, MAX_LABEL_LINES))
        handoff = focus_handoffs.get((source_id, target_id))
        if handoff:
            cue = "render.handoff_covered" if handoff.covered_by_coordinator else "render.handoff"
            lines += _text_lines([f"{HANDOFF_ICON} {t(cue, lang)}"], size=12, bold=True)
            attrs.update(penwidth=3.5, color=palette.INK)
            attrs["class"] = "handoff"
        if lines:
            attrs["label"] = _html_label(lines)
        if (source, target) in loose:
            attrs["constraint"] = "false"
        out.append(f"  {source} -> {target}{' ' + _attrs(**attrs) if attrs else ''};")
    out.append("}")
    return "\n".join(out) + "\n"
