"""The service blueprint (Plotly): one horizontal lane per actor, the stages as columns.

This is how Finnish service blueprints are drawn: the client side on top, then the coordinator,
the professionals and the organisations. Each step is a marker in its responsible actor's lane
(steps without actors in an "unassigned" lane); the other actors of a step get small open
markers in their own lanes, joined by a dotted line, so a lane shows everything that actor takes
part in. Arrows are the transitions — an arrow between lanes is a hand-off — with the branch
conditions on them. The light bulb is a star marker, a palette colour *and* 💡 with words in the
label and the hover, so colour is never the only signal.

Plotly renders a little HTML in labels and hovers, so every user text is escaped (`&`, `<`, `>`)
and user text never goes into a hovertemplate (where `%{...}` would be substituted). Each step
marker's `customdata` is the step id, so a click (Streamlit `on_select`) can show `step_details`.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, field

import plotly.graph_objects as go

from paths.i18n.catalog import normalise_lang, t
from paths.model.graph import to_graph, walk_order
from paths.model.schema import ActorGroup, ServicePath, Step, StepKind
from paths.render import palette
from paths.render.dot import wrap as dot_wrap
from paths.render.experience import add_experience_line
from paths.render.text import (
    LIGHT_BULB,
    NETWORK_ICON,
    STATUS_ICONS,
    ContactLine,
    actor_name,
    kind_words,
    lightbulb_words,
    local,
    network_words,
    outline,
    safe_href,
    status_words,
    step_text,
    step_to_html,
)
from paths.views.audience import audience_view, renderer_audience

GROUP_ORDER = {group.value: i for i, group in enumerate(ActorGroup)}
UNASSIGNED = "__unassigned__"  # not a valid actor id, so it never collides with one
OTHER_STAGE = "__other__"

FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
BASE_FONT = 18
LABEL_FONT = 14
PX_PER_LANE = 150  # one full lane: a marker with three label lines above and below it
THIN_LANE = 0.45
MIN_STAGE_SLOTS = 2
DIMMED_OPACITY = 0.35

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


@dataclass
class Lane:
    key: str
    label: str
    group: str | None
    y: float = 0.0
    height: float = 1.0  # in lane units; lanes with only "takes part" markers are thinner (no labels)


@dataclass
class Column:
    key: str
    title: str
    start: float
    width: int


@dataclass
class Layout:
    """Where everything goes: lanes (centre `y`, reversed axis), stage columns (x) and each step's (x, y)."""

    view: ServicePath
    lanes: list[Lane]
    columns: list[Column]
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    label_positions: dict[str, str] = field(default_factory=dict)
    step_lane: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)

    def lane(self, key: str) -> Lane:
        return next(lane for lane in self.lanes if lane.key == key)

    @property
    def width(self) -> float:
        return sum(column.width for column in self.columns) or 1

    @property
    def height(self) -> float:
        return sum(lane.height for lane in self.lanes) or 1


def _step_lanes(step: Step, known: set[str]) -> list[str]:
    """The lanes a step touches, responsible first, each once."""
    keys = [actor for actor in dict.fromkeys(step.actors) if actor in known]
    return keys or [UNASSIGNED]


def layout(path: ServicePath, lang: str = "fi", audience: str = "professional") -> Layout:
    """Lanes, columns and positions for `audience`.

    Within a stage each step takes a slot to the right of its predecessors (two slots after a labelled
    branch, so the condition fits) and of anything else in the lanes it touches, so steps in one lane
    and stage never overlap and the x axis reads as time."""
    lang = normalise_lang(lang)
    audience = renderer_audience(audience)
    view = audience_view(path, audience)
    order = walk_order(view)
    steps = {step_id: view.step(step_id) for step_id in order}

    lanes = _lanes(view, lang, audience)
    lane_of = {lane.key: lane for lane in lanes}
    known = set(lane_of) - {UNASSIGNED}

    by_stage: dict[str, list[str]] = {stage.id: [] for stage in view.stages}
    for step_id in order:
        step = steps[step_id]
        by_stage.setdefault(step.stage if step.stage in by_stage else OTHER_STAGE, []).append(step_id)

    graph = to_graph(view)
    result = Layout(view, lanes, [], order=order)
    start = 0.0
    for key, step_ids in by_stage.items():
        next_free: dict[str, int] = {}
        slots: dict[str, int] = {}
        for step_id in step_ids:
            touched = _step_lanes(steps[step_id], known)
            after = [0]
            for p in graph.predecessors(step_id):
                labelled = bool(local(graph.edges[p, step_id]["condition"], lang))
                if p in slots:
                    after.append(slots[p] + (2 if labelled else 1))
                elif labelled and p in result.positions and start - result.positions[p][0] < 1:
                    after.append(1)  # room for the condition right after the stage boundary
            slot = max([next_free.get(lane, 0) for lane in touched] + after)
            slots[step_id] = slot
            for lane in touched:
                next_free[lane] = slot + 1
        used = max(slots.values(), default=0) + 1
        width = max(used, MIN_STAGE_SLOTS)
        offset = (width - used) / 2
        for step_id, slot in slots.items():
            lane = lane_of[_step_lanes(steps[step_id], known)[0]]
            result.positions[step_id] = (start + offset + slot + 0.5, lane.y)
            result.step_lane[step_id] = lane.key
        stage = view.stage(key)
        title = local(stage.title, lang).text if stage else t("text.other_steps", lang)
        result.columns.append(Column(key, title, start, width))
        start += width

    _place_labels(result)
    return result


def _lanes(view: ServicePath, lang: str, audience: str) -> list[Lane]:
    """One lane per actor (the client's view: only those with a step), by group then file order, with their
    heights and centres; an "unassigned" lane last when a step has no actor. Lanes with only "takes part"
    markers are thinner."""
    referenced = list(dict.fromkeys(actor for step in view.steps for actor in step.actors))
    if audience == "client":
        candidates = referenced
    else:
        candidates = list(dict.fromkeys([actor.id for actor in view.actors] + referenced))
    position = {actor_id: i for i, actor_id in enumerate(candidates)}

    def group_of(actor_id: str) -> str | None:
        actor = view.actor(actor_id)
        return actor.group.value if actor else None

    candidates.sort(key=lambda a: (GROUP_ORDER.get(group_of(a) or "", len(GROUP_ORDER)), position[a]))
    responsible = {step.actors[0] if step.actors else UNASSIGNED for step in view.steps}
    lanes = [Lane(a, actor_name(view, a, lang).text, group_of(a)) for a in candidates]
    if UNASSIGNED in responsible:
        lanes.append(Lane(UNASSIGNED, t("blueprint.unassigned", lang), None))
    y = 0.0
    for lane in lanes:
        lane.height = 1.0 if lane.key in responsible else THIN_LANE
        lane.y = y + lane.height / 2
        y += lane.height
    return lanes


def _place_labels(result: Layout) -> None:
    """Labels below the marker, alternating above it where the lane's previous step is close by."""
    by_lane: dict[float, list[str]] = {}
    for step_id, (_x, lane_y) in result.positions.items():
        by_lane.setdefault(lane_y, []).append(step_id)
    for step_ids in by_lane.values():
        previous: tuple[float, str] | None = None
        for step_id in sorted(step_ids, key=lambda s: result.positions[s][0]):
            x = result.positions[step_id][0]
            place = "bottom center"
            if previous and x - previous[0] < 1.6 and previous[1] == "bottom center":
                place = "top center"
            result.label_positions[step_id] = place
            previous = (x, place)


def _blocked(plan: Layout, source: str, target: str) -> bool:
    """Whether a straight arrow between two steps of one lane would run through another step (or is a loop)."""
    if source == target:
        return True
    (sx, sy), (tx, _ty) = plan.positions[source], plan.positions[target]
    low, high = sorted((sx, tx))
    return any(y == sy and low < x < high for x, y in plan.positions.values())


def _hover(step: Step, layout_: Layout, lang: str, audience: str, focus: str | None, focus_name: str) -> str:
    view = layout_.view
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


def _label(step: Step, lang: str) -> str:
    prefix = ""
    if step.coordinator:
        prefix = f"{LIGHT_BULB} "
    elif step.kind == StepKind.network_meeting:
        prefix = f"{NETWORK_ICON} "
    return esc(prefix) + wrap(local(step.title, lang).text, 15, max_lines=3)


def _stage_tick(i: int, column: Column) -> str:
    """A stage title on the top axis, wrapped to its column (about eight characters a slot, the number
    included) and never rotated; a word longer than the column is split with a hyphen, so that two stage
    titles never run into each other ("2. Työkykykoordinaattoriasiantuntijaryhmä")."""
    numbered = column.key != OTHER_STAGE
    width = max(10, 8 * column.width - 2)
    text = "<br>".join(esc(line) for line in dot_wrap(column.title, width, 4, slack=0)) or esc(column.title)
    return f"<b>{i + 1}.</b> {text}" if numbered else text


def _trace_name(name: str, lang: str, audience: str) -> str:
    if name == "coordinator":
        return f"{LIGHT_BULB} {lightbulb_words(lang, audience)}"
    if name == "network_meeting":
        return f"{NETWORK_ICON} {kind_words(StepKind.network_meeting, lang)}"
    if name == "step":
        return t("blueprint.trace.step", lang)
    return kind_words(StepKind(name), lang)


@dataclass
class _Drawing:
    """What every part of one blueprint figure needs: the layout, the language and audience, the focus."""

    plan: Layout
    lang: str
    audience: str
    focus: str | None
    focus_name: str

    @property
    def lane_keys(self) -> set[str]:
        return {lane.key for lane in self.plan.lanes}

    def involved(self, step: Step) -> bool:
        return self.focus is None or self.focus in step.actors


def blueprint_figure(
    path: ServicePath,
    lang: str = "fi",
    audience: str = "professional",
    actor_filter: str | None = None,
    here: str | None = None,
) -> go.Figure:
    """The service blueprint of `path` for `audience`.

    `actor_filter` highlights one actor (a network partner's view): that actor's lane is marked and
    the other steps are dimmed and smaller, with the reason in their hover. `here` rings the step
    where the client is now. Each step marker's `customdata` is its step id."""
    lang = normalise_lang(lang)
    audience = renderer_audience(audience)
    plan = layout(path, lang, audience)
    lane_keys = {lane.key for lane in plan.lanes}
    focus = actor_filter if actor_filter in lane_keys and actor_filter != UNASSIGNED else None
    focus_name = actor_name(plan.view, focus, lang).text if focus else ""
    if not plan.order:
        message = {"text": esc(t("blueprint.empty", lang)), "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper",
                   "showarrow": False, "font": {"size": BASE_FONT + 2, "color": palette.INK}}
        return _figure([], {"annotations": [message], "height": 300, "xaxis": {"visible": False},
                            "yaxis": {"visible": False}, "plot_bgcolor": palette.WHITE})
    d = _Drawing(plan, lang, audience, focus, focus_name)
    shapes = _lane_shapes(d)
    traces = [trace for trace in (_participant_trace(d, shapes),) if trace]
    traces += _step_traces(d)
    here_trace = _here_trace(d, here)
    if here_trace:
        traces.append(here_trace)
    annotations = _transition_annotations(d, shapes)
    figure_layout = _figure_layout(d, shapes, annotations)
    add_experience_line(traces, figure_layout, plan.view, plan.order, plan.positions, lang, esc)
    return _figure(traces, figure_layout)


def _lane_shapes(d: _Drawing) -> list[dict]:
    """The lanes' bands (the focus lane marked), lines between actor groups and between stages."""
    plan, focus = d.plan, d.focus
    shapes: list[dict] = []
    for i, lane in enumerate(plan.lanes):
        band = palette.FOCUS_FILL if lane.key == focus else palette.STAGE_BACKGROUND if i % 2 == 0 else palette.WHITE
        top = lane.y - lane.height / 2
        shapes.append({
            "type": "rect", "xref": "x", "yref": "y", "x0": 0, "x1": plan.width, "y0": top,
            "y1": top + lane.height, "fillcolor": band, "line": {"width": 0}, "layer": "below",
        })
        if i and lane.group != plan.lanes[i - 1].group:
            shapes.append({
                "type": "line", "xref": "x", "yref": "y", "x0": 0, "x1": plan.width, "y0": top, "y1": top,
                "line": {"color": palette.EDGE, "width": 2}, "layer": "below",
            })
    for column in plan.columns[1:]:
        shapes.append({
            "type": "line", "xref": "x", "yref": "y", "x0": column.start, "x1": column.start, "y0": 0,
            "y1": plan.height, "line": {"color": palette.EDGE, "width": 1, "dash": "dash"}, "layer": "below",
        })

    return shapes


def _participant_trace(d: _Drawing, shapes: list[dict]) -> dict | None:
    """Small open markers in the other actors' lanes, joined to the step by a dotted line (added to `shapes`)."""
    plan, view, lang, lane_keys, involved = d.plan, d.plan.view, d.lang, d.lane_keys, d.involved
    # Participants: small open markers in the other actors' lanes, joined to the step by a dotted line.
    participant: dict[str, list] = {"x": [], "y": [], "customdata": [], "hovertext": [], "color": [], "opacity": []}
    for step_id in plan.order:
        step = view.step(step_id)
        assert step is not None
        x, y = plan.positions[step_id]
        others = [actor for actor in dict.fromkeys(step.actors[1:]) if actor in lane_keys and actor != step.actors[0]]
        if not others:
            continue
        ys = [plan.lane(actor).y for actor in others]
        shapes.append({
            "type": "line", "xref": "x", "yref": "y", "x0": x, "x1": x, "y0": min([y, *ys]), "y1": max([y, *ys]),
            "line": {"color": palette.EDGE, "width": 1, "dash": "dot"}, "layer": "below",
        })
        title = local(step.title, lang).text
        for actor, lane_y in zip(others, ys, strict=True):
            group = plan.lane(actor).group
            participant["x"].append(x)
            participant["y"].append(lane_y)
            participant["customdata"].append(step_id)
            text = t("blueprint.takes_part", lang, actor=actor_name(view, actor, lang).text, step=title)
            participant["hovertext"].append(wrap(text, 60))
            participant["color"].append(palette.ACTOR_GROUP_COLOURS.get(group or "", palette.EDGE))
            participant["opacity"].append(1.0 if involved(step) else DIMMED_OPACITY)
    if not participant["x"]:
        return None
    return dict(
        type="scatter",
        x=participant["x"], y=participant["y"], customdata=participant["customdata"], mode="markers",
        name=t("blueprint.trace.participant", lang), legendgroup="participant", meta={"polku": "participant"},
        hovertext=participant["hovertext"], hoverinfo="text",
        marker={"symbol": "circle-open", "size": 16, "color": participant["color"],
                "opacity": participant["opacity"], "line": {"width": 3}},
    )


def _step_traces(d: _Drawing) -> list[dict]:
    """The steps, one trace per kind of marker."""
    plan, view, lang = d.plan, d.plan.view, d.lang
    audience, focus, focus_name, involved = d.audience, d.focus, d.focus_name, d.involved
    traces: list[dict] = []
    # Steps, one trace per kind of marker.
    for name, (symbol, fill, border, size) in MARKERS.items():
        members = [view.step(step_id) for step_id in plan.order]
        members = [step for step in members if step is not None and category(step) == name]
        if not members:
            continue
        lit = [involved(step) for step in members]
        traces.append(dict(
            type="scatter",
            x=[plan.positions[step.id][0] for step in members],
            y=[plan.positions[step.id][1] for step in members],
            customdata=[step.id for step in members],
            mode="markers+text",
            cliponaxis=False,
            name=_trace_name(name, lang, audience),
            legendgroup=name,
            meta={"polku": name},
            text=[_label(step, lang) for step in members],
            textposition=[plan.label_positions[step.id] for step in members],
            textfont={"size": LABEL_FONT - 1, "color": [palette.INK if on else palette.MUTED_INK for on in lit]},
            hovertext=[_hover(step, plan, lang, audience, focus, focus_name) for step in members],
            hoverinfo="text",
            marker={
                "symbol": symbol,
                "size": [size if on else round(size * 0.7) for on in lit],
                "color": fill,
                "opacity": [1.0 if on else DIMMED_OPACITY for on in lit],
                "line": {"color": border, "width": [4 if on and focus else 2.5 for on in lit]},
            },
        ))
    return traces


def _here_trace(d: _Drawing, here: str | None) -> dict | None:
    """A ring round the step where the client is now, with "📍 You are here"."""
    plan, lang = d.plan, d.lang
    traces: list[dict] = []
    if here and here in plan.positions:
        x, y = plan.positions[here]
        words = f"{STATUS_ICONS['here']} {status_words('here', lang)}"
        traces.append(dict(
            type="scatter",
            x=[x], y=[y], customdata=[here], mode="markers+text", name=words, legendgroup="here",
            meta={"polku": "here"}, text=[esc(words)], textposition="top center",
            textfont={"size": LABEL_FONT + 2, "color": palette.INK}, hovertext=[esc(words)], hoverinfo="text",
            marker={"symbol": "circle-open", "size": 54, "color": palette.HERE_BORDER, "line": {"width": 4}},
        ))
    return traces[0] if traces else None


def _transition_annotations(d: _Drawing, shapes: list[dict]) -> list[dict]:
    """The arrows (over the top of the lane when a straight one would cross a step) and their conditions."""
    plan, view, lang, focus, involved = d.plan, d.plan.view, d.lang, d.focus, d.involved
    annotations: list[dict] = []
    for transition in view.transitions:
        if transition.source not in plan.positions or transition.target not in plan.positions:
            continue
        (sx, sy), (tx, ty) = plan.positions[transition.source], plan.positions[transition.target]
        source, target = view.step(transition.source), view.step(transition.target)
        lit = focus is None or (source is not None and involved(source)) or (target is not None and involved(target))
        handoff = sy != ty
        opacity = 1 if lit else DIMMED_OPACITY
        width = 3 if handoff else 1.6
        label_x, label_y, label_anchor = (sx + tx) / 2, (sy + ty) / 2, "middle"
        if not handoff:
            label_y, label_anchor = sy - 0.08, "bottom"  # above the arrow, clear of the labels below the steps
        start_x, start_y, start_standoff = sx, sy, 18
        if not handoff and _blocked(plan, transition.source, transition.target):
            # Over the top of the lane, so the arrow does not run through the steps in between.
            lane = plan.lane(plan.step_lane[transition.source])
            lift = sy - lane.height * 0.4
            turn = tx + 0.35 if sx == tx else tx  # a step that leads back to itself: a small loop to the right
            shapes.append({
                "type": "path", "xref": "x", "yref": "y", "path": f"M {sx},{sy} L {sx},{lift} L {turn},{lift}",
                "line": {"color": palette.EDGE, "width": width}, "opacity": opacity,
            })
            start_x, start_y, start_standoff = turn, lift, 0
            label_x, label_y, label_anchor = (sx + turn) / 2, lift, "middle"
        annotations.append({
            "name": f"transition:{transition.source}->{transition.target}",
            "x": tx, "y": ty, "ax": start_x, "ay": start_y, "xref": "x", "yref": "y", "axref": "x", "ayref": "y",
            "text": "", "showarrow": True, "arrowhead": 3, "arrowsize": 1.1, "arrowwidth": width,
            "arrowcolor": palette.EDGE, "standoff": 20, "startstandoff": start_standoff, "opacity": opacity,
        })
        condition = local(transition.condition, lang).text
        if condition:
            annotations.append({
                "name": f"condition:{transition.source}->{transition.target}",
                "x": label_x, "y": label_y, "yanchor": label_anchor, "xref": "x", "yref": "y", "showarrow": False,
                "text": wrap(condition, 14, max_lines=4), "font": {"size": LABEL_FONT - 2, "color": palette.INK},
                "bgcolor": palette.WHITE, "bordercolor": palette.EDGE, "borderwidth": 1, "borderpad": 3,
                "opacity": 1 if lit else DIMMED_OPACITY, "hovertext": wrap(condition, 60),
            })
    return annotations


def _figure_layout(d: _Drawing, shapes: list[dict], annotations: list[dict]) -> dict:
    """Axes (stage titles on top, lanes on the left), legend, sizes and fonts."""
    plan, focus = d.plan, d.focus
    tick_lanes = []
    for lane in plan.lanes:
        label = wrap(lane.label, 22, max_lines=3)
        tick_lanes.append(f"<b>▶ {label}</b>" if lane.key == focus else label)
    figure_layout = dict(
        shapes=shapes,
        annotations=annotations,
        height=round(190 + PX_PER_LANE * plan.height),
        font={"family": FONT_FAMILY, "size": BASE_FONT, "color": palette.INK},
        plot_bgcolor=palette.WHITE,
        paper_bgcolor=palette.WHITE,
        margin={"l": 20, "r": 20, "t": 110, "b": 40},
        hovermode="closest",
        clickmode="event+select",
        hoverlabel={"font": {"size": BASE_FONT - 2, "family": FONT_FAMILY}, "bgcolor": palette.WHITE,
                    "bordercolor": palette.EDGE, "align": "left"},
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -0.02, "yanchor": "top",
                "font": {"size": BASE_FONT - 2}, "itemclick": False, "itemdoubleclick": False},
        xaxis={
            "side": "top", "range": [0, plan.width], "tickvals": [c.start + c.width / 2 for c in plan.columns],
            "ticktext": [_stage_tick(i, column) for i, column in enumerate(plan.columns)], "tickangle": 0,
            "tickfont": {"size": BASE_FONT}, "showgrid": False, "zeroline": False, "fixedrange": True,
            "automargin": True,
        },
        yaxis={
            "range": [plan.height, 0], "tickvals": [lane.y for lane in plan.lanes], "ticktext": tick_lanes,
            "tickfont": {"size": BASE_FONT - 2}, "showgrid": False, "zeroline": False, "fixedrange": True,
            "automargin": True,
        },
    )
    return figure_layout


def _figure(traces: list[dict], figure_layout: dict) -> go.Figure:
    """The figure from plain dicts in one go. Plotly's per-property validation is skipped because it costs
    more than everything else here together; tests/render/test_blueprint.py validates the same dicts fully."""
    return go.Figure(data=traces, layout=figure_layout, _validate=False)


def step_details(path: ServicePath, step_id: str, lang: str = "fi", audience: str = "professional") -> dict | None:
    """Everything the UI shows when a step is clicked, as plain (unescaped) text; None when `audience`
    does not see the step. Placeholder contacts carry only their label and the placeholder notice; `html`
    is the step's escaped block of the text version, ready to show as it is."""
    lang = normalise_lang(lang)
    audience = renderer_audience(audience)
    doc = outline(path, lang, audience)
    for stage in doc.stages:
        for block in stage.steps:
            if block.step.id != step_id:
                continue
            step = block.step
            actors = _detail_actors(doc.path, step, lang)
            return {
                "id": step.id,
                "number": block.number,
                "title": block.title.text,
                "stage": stage.title.text,
                "stage_number": stage.number,
                "actors": actors,
                "kind": step.kind.value,
                "kind_words": block.kind,
                "coordinator": step.coordinator,
                "lightbulb": f"{LIGHT_BULB} {lightbulb_words(lang, audience)}" if step.coordinator else "",
                "network_meeting": block.network,
                "network": f"{NETWORK_ICON} {network_words(lang, audience)}" if block.network else "",
                "text": step_text(step, lang, audience).text,
                "description": local(step.description, lang).text if audience == "professional" else "",
                "client_text": local(step.client_text, lang).text,
                "channels": block.channels,
                "duration": block.duration.text,
                "links": [
                    {"label": label.text, "url": url, "safe": safe_href(url) is not None} for label, url in block.links
                ],
                "contacts": [_detail_contact(contact, lang) for contact in block.contacts],
                "next": [
                    {
                        "step_id": line.target_id,
                        "title": line.heading.text,
                        "condition": line.condition.text if line.condition else "",
                    }
                    for line in block.next
                ],
                "html": step_to_html(path, step_id, lang, audience),
            }
    return None


def _detail_actors(path: ServicePath, step: Step, lang: str) -> list[dict]:
    """A step's actors for its details: id, name, group, and whether it is the responsible one (the first)."""
    actors = []
    for i, actor_id in enumerate(step.actors):
        actor = path.actor(actor_id)
        actors.append({
            "id": actor_id,
            "name": actor_name(path, actor_id, lang).text,
            "group": actor.group.value if actor else None,
            "responsible": i == 0,
        })
    return actors


def _detail_contact(contact: ContactLine, lang: str) -> dict:
    """A contact of a step's details; a placeholder contact carries only its label and the notice."""
    return {
        "label": contact.label.text,
        "email": contact.email,
        "phone": contact.phone,
        "placeholder": contact.placeholder,
        "known": contact.known,
        "text": t("text.contact.placeholder", lang) if contact.placeholder else "",
    }
