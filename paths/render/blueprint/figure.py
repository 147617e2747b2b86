"""The service blueprint (Plotly): one horizontal lane per actor, the stages as columns — the figure put
together from its parts (`geometry`, `placement`, `traces`, `arrows`), with its lanes' bands and axes."""

from __future__ import annotations

import plotly.graph_objects as go

from paths.i18n.catalog import normalise_lang, t
from paths.model.schema import ServicePath
from paths.render import palette
from paths.render.blueprint.arrows import transition_annotations
from paths.render.blueprint.geometry import UNASSIGNED, layout
from paths.render.blueprint.labels import BASE_FONT, FONT_FAMILY, esc, stage_tick, wrap
from paths.render.blueprint.traces import Drawing, here_trace, line_shapes, participant_trace, step_traces
from paths.render.experience import add_experience_line
from paths.render.text_words import actor_name
from paths.views.audience import renderer_audience

PX_PER_LANE = 150  # one full lane: a marker with three label lines above and below it


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
        message = {
            "text": esc(t("blueprint.empty", lang)),
            "x": 0.5,
            "y": 0.5,
            "xref": "paper",
            "yref": "paper",
            "showarrow": False,
            "font": {"size": BASE_FONT + 2, "color": palette.INK},
        }
        return _figure(
            [],
            {
                "annotations": [message],
                "height": 300,
                "xaxis": {"visible": False},
                "yaxis": {"visible": False},
                "plot_bgcolor": palette.WHITE,
            },
        )
    d = Drawing(plan, lang, audience, focus, focus_name)
    shapes = _lane_shapes(d)
    traces = [trace for trace in (participant_trace(d, shapes),) if trace]
    traces += step_traces(d)
    ringed = here_trace(d, here)
    if ringed:
        traces.append(ringed)
    annotations = transition_annotations(d, shapes)
    figure_layout = _figure_layout(d, shapes, annotations)
    add_experience_line(traces, figure_layout, plan.view, plan.order, plan.positions, lang, esc)
    return _figure(traces, figure_layout)


def _lane_shapes(d: Drawing) -> list[dict]:
    """The lanes' bands (the focus lane marked), lines between actor groups and between stages."""
    plan, focus = d.plan, d.focus
    shapes: list[dict] = []
    for i, lane in enumerate(plan.lanes):
        band = palette.FOCUS_FILL if lane.key == focus else palette.STAGE_BACKGROUND if i % 2 == 0 else palette.WHITE
        top = lane.y - lane.height / 2
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "y",
                "x0": 0,
                "x1": plan.width,
                "y0": top,
                "y1": top + lane.height,
                "fillcolor": band,
                "line": {"width": 0},
                "layer": "below",
            }
        )
        if i and lane.group != plan.lanes[i - 1].group:
            shapes += line_shapes(d, (0, top), (plan.width, top), {"color": palette.EDGE, "width": 2})
    for column in plan.columns[1:]:
        dashed = {"color": palette.EDGE, "width": 1, "dash": "dash"}
        shapes += line_shapes(d, (column.start, 0), (column.start, plan.height), dashed)
    return shapes


def _figure_layout(d: Drawing, shapes: list[dict], annotations: list[dict]) -> dict:
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
        hoverlabel={
            "font": {"size": BASE_FONT - 2, "family": FONT_FAMILY},
            "bgcolor": palette.WHITE,
            "bordercolor": palette.EDGE,
            "align": "left",
        },
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -0.02,
            "yanchor": "top",
            "font": {"size": BASE_FONT - 2},
            "itemclick": False,
            "itemdoubleclick": False,
        },
        xaxis={
            "side": "top",
            "range": list(plan.x_range),
            "tickvals": [c.start + c.width / 2 for c in plan.columns],
            "ticktext": [stage_tick(i, c.key, c.title, c.width) for i, c in enumerate(plan.columns)],
            "tickangle": 0,
            "tickfont": {"size": BASE_FONT},
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "automargin": True,
        },
        yaxis={
            "range": [plan.height, 0],
            "tickvals": [lane.y for lane in plan.lanes],
            "ticktext": tick_lanes,
            "tickfont": {"size": BASE_FONT - 2},
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "automargin": True,
        },
    )
    return figure_layout


def _figure(traces: list[dict], figure_layout: dict) -> go.Figure:
    """The figure from plain dicts in one go. Plotly's per-property validation is skipped because it costs
    more than everything else here together; tests/render/test_blueprint.py validates the same dicts fully."""
    return go.Figure(data=traces, layout=figure_layout, _validate=False)
