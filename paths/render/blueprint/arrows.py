"""The blueprint's arrows (Plotly annotations): one per transition, over the top of the lane when a straight one
would run through the steps between, with its condition where `placement` found room for it."""

from __future__ import annotations

from paths.render import palette
from paths.render.blueprint.labels import CONDITION_FONT, condition_label, wrap
from paths.render.blueprint.placement import Route, way
from paths.render.blueprint.traces import DIMMED_OPACITY, Drawing
from paths.render.text_words import local


def transition_annotations(d: Drawing, shapes: list[dict]) -> list[dict]:
    """The arrows and their conditions; a way over the steps is a path added to `shapes`."""
    plan, view, lang = d.plan, d.plan.view, d.lang
    annotations: list[dict] = []
    for transition in view.transitions:
        key = (transition.source, transition.target)
        route = plan.routes.get(key)
        if route is None:
            continue
        source, target = view.step(transition.source), view.step(transition.target)
        lit = d.focus is None or any(step is not None and d.involved(step) for step in (source, target))
        opacity = 1 if lit else DIMMED_OPACITY
        annotations.append(_arrow(d, key, route, opacity, shapes))
        condition = local(transition.condition, lang).text
        if condition and route.label:
            annotations.append(
                {
                    "name": f"condition:{transition.source}->{transition.target}",
                    "x": route.label[0],
                    "y": route.label[1],
                    "yanchor": "middle",
                    "xref": "x",
                    "yref": "y",
                    "showarrow": False,
                    "text": condition_label(condition),
                    "font": {"size": CONDITION_FONT, "color": palette.INK},
                    "bgcolor": palette.WHITE,
                    "bordercolor": palette.EDGE,
                    "borderwidth": 1,
                    "borderpad": 3,
                    "opacity": opacity,
                    "hovertext": wrap(condition, 60),
                }
            )
    return annotations


def _arrow(d: Drawing, key: tuple[str, str], route: Route, opacity: float, shapes: list[dict]) -> dict:
    """One arrow: straight, or up from its source, along the lifted way and down to its target."""
    points = way(d.plan, key, route.lift)
    (sx, sy), (tx, ty) = points[0], points[-1]
    width = 3 if sy != ty else 1.6  # a hand-off between lanes is thick
    start_x, start_y, start_standoff = sx, sy, 18
    if route.lift is not None:
        shapes.append(
            {
                "type": "path",
                "xref": "x",
                "yref": "y",
                "name": f"way:{key[0]}->{key[1]}",
                "path": "M " + " L ".join(f"{x},{y}" for x, y in points[:3]),
                "line": {"color": palette.EDGE, "width": width},
                "opacity": opacity,
            }
        )
        (start_x, start_y), start_standoff = points[2], 0
    return {
        "name": f"transition:{key[0]}->{key[1]}",
        "x": tx,
        "y": ty,
        "ax": start_x,
        "ay": start_y,
        "xref": "x",
        "yref": "y",
        "axref": "x",
        "ayref": "y",
        "text": "",
        "showarrow": True,
        "arrowhead": 3,
        "arrowsize": 1.1,
        "arrowwidth": width,
        "arrowcolor": palette.EDGE,
        "standoff": 20,
        "startstandoff": start_standoff,
        "opacity": opacity,
    }
