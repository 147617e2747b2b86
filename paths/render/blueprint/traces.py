"""The blueprint's Plotly traces: the steps (one trace per kind of marker, each marker's `customdata` its step
id, so a click can show `step_details`), the other actors' small open markers, and "you are here".

The light bulb is a star marker, a palette colour *and* 💡 with words in the label and the hover, so colour
is never the only signal."""

from __future__ import annotations

from dataclasses import dataclass

from paths.i18n.catalog import t
from paths.model.schema import Step
from paths.render import palette
from paths.render.blueprint.geometry import Layout
from paths.render.blueprint.labels import (
    LABEL_FONT,
    MARKERS,
    STEP_FONT,
    category,
    esc,
    hover,
    step_label,
    trace_name,
    wrap,
)
from paths.render.blueprint.placement import Point, around, takes_part
from paths.render.text_words import STATUS_ICONS, actor_name, local, status_words

DIMMED_OPACITY = 0.35


@dataclass
class Drawing:
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


def line_shapes(d: Drawing, a: Point, b: Point, line: dict) -> list[dict]:
    """A line under the drawing (between lanes or stages, to a step's other actors) as the shapes of its pieces,
    with a gap at each step label and condition it would run through (labels sitting on the lane lines were
    hard to read)."""
    return [
        {
            "type": "line",
            "xref": "x",
            "yref": "y",
            "x0": x0,
            "y0": y0,
            "x1": x1,
            "y1": y1,
            "line": line,
            "layer": "below",
        }
        for (x0, y0), (x1, y1) in around(a, b, d.plan.text_boxes)
    ]


def participant_trace(d: Drawing, shapes: list[dict]) -> dict | None:
    """Small open markers in the other actors' lanes, joined to the step by a dotted line (added to `shapes`)."""
    plan, view, lang, involved = d.plan, d.plan.view, d.lang, d.involved
    participant: dict[str, list] = {"x": [], "y": [], "customdata": [], "hovertext": [], "color": [], "opacity": []}
    for step_id in plan.order:
        step = view.step(step_id)
        assert step is not None
        x, y = plan.positions[step_id]
        others = takes_part(plan, step_id)
        if not others:
            continue
        ys = [plan.lane(actor).y for actor in others]
        dotted = {"color": palette.EDGE, "width": 1, "dash": "dot"}
        shapes += line_shapes(d, (x, min([y, *ys])), (x, max([y, *ys])), dotted)
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
        x=participant["x"],
        y=participant["y"],
        customdata=participant["customdata"],
        mode="markers",
        name=t("blueprint.trace.participant", lang),
        legendgroup="participant",
        meta={"polku": "participant"},
        hovertext=participant["hovertext"],
        hoverinfo="text",
        marker={
            "symbol": "circle-open",
            "size": 16,
            "color": participant["color"],
            "opacity": participant["opacity"],
            "line": {"width": 3},
        },
    )


def step_traces(d: Drawing) -> list[dict]:
    """The steps, one trace per kind of marker."""
    plan, view, lang = d.plan, d.plan.view, d.lang
    audience, focus, focus_name, involved = d.audience, d.focus, d.focus_name, d.involved
    traces: list[dict] = []
    for name, (symbol, fill, border, size) in MARKERS.items():
        members = [view.step(step_id) for step_id in plan.order]
        members = [step for step in members if step is not None and category(step) == name]
        if not members:
            continue
        lit = [involved(step) for step in members]
        traces.append(
            dict(
                type="scatter",
                x=[plan.positions[step.id][0] for step in members],
                y=[plan.positions[step.id][1] for step in members],
                customdata=[step.id for step in members],
                mode="markers+text",
                cliponaxis=False,
                name=trace_name(name, lang, audience),
                legendgroup=name,
                meta={"polku": name},
                text=[step_label(step, lang) for step in members],
                textposition=[plan.label_positions[step.id] for step in members],
                textfont={"size": STEP_FONT, "color": [palette.INK if on else palette.MUTED_INK for on in lit]},
                hovertext=[hover(step, view, lang, audience, focus, focus_name) for step in members],
                hoverinfo="text",
                marker={
                    "symbol": symbol,
                    "size": [size if on else round(size * 0.7) for on in lit],
                    "color": fill,
                    "opacity": [1.0 if on else DIMMED_OPACITY for on in lit],
                    "line": {"color": border, "width": [4 if on and focus else 2.5 for on in lit]},
                },
            )
        )
    return traces


def here_trace(d: Drawing, here: str | None) -> dict | None:
    """A ring round the step where the client is now, with "📍 You are here"."""
    plan, lang = d.plan, d.lang
    traces: list[dict] = []
    if here and here in plan.positions:
        x, y = plan.positions[here]
        words = f"{STATUS_ICONS['here']} {status_words('here', lang)}"
        traces.append(
            dict(
                type="scatter",
                x=[x],
                y=[y],
                customdata=[here],
                mode="markers+text",
                name=words,
                legendgroup="here",
                meta={"polku": "here"},
                text=[esc(words)],
                textposition="top center",
                textfont={"size": LABEL_FONT + 2, "color": palette.INK},
                hovertext=[esc(words)],
                hoverinfo="text",
                marker={"symbol": "circle-open", "size": 54, "color": palette.HERE_BORDER, "line": {"width": 4}},
            )
        )
    return traces[0] if traces else None
