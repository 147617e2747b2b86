"""The path page's experience pieces: the persona profile, the flow diagram's "show the experience" option,
and the figures dashboard (metrics, two charts and the full table, for the view being looked at).

The path page calls each with one line. Figures and charts are cached per (store, path, version, view),
like the diagrams, and the dashboard is drawn only while its section is open.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from components import diagrams
from components.common import page_link, tr
from components.memo import memo
from components.templating import render, stylesheet
from paths.analytics.figures import Figures, figures
from paths.analytics.output import figure_label, figure_rows, figure_value, stage_name, stats_csv, stats_json
from paths.i18n.catalog import t
from paths.model.schema import PERSONA_FIELDS, ServicePath
from paths.render import palette
from paths.render.experience import FEELING_COLOURS, FEELINGS, feeling_label

DASHBOARD_OPEN = "_polku_dashboard_open"
FLOW_EXPERIENCE = "_polku_flow_experience"
METRICS: tuple[str, ...] = ("client_steps", "contacts", "handoffs", "handoff_support_share", "actors_met", "loops")
CHART_FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 14, "color": palette.INK}


CARD_FIELDS: tuple[str, ...] = ("situation", "quote")


def persona_html(
    path: ServicePath, lang: str, fields: tuple[str, ...] = PERSONA_FIELDS[1:], level: int = 2, folded: bool = False
) -> str:
    """The persona profile as escaped HTML (empty when the path has none); assumed fields say so. `folded`
    shows only its heading until it is opened (on the path page, so the picture starts high on the screen)."""
    profile = path.persona_profile
    if profile is None:
        return ""
    items = []
    for name in fields:
        text = getattr(profile, name).get(lang)
        if text:
            items.append({"label": t(f"experience.persona.{name}", lang), "text": text,
                          "assumed": name in profile.assumed, "quote": name == "quote"})
    name_text = profile.name.get(lang)
    return stylesheet("experience.css") + render(
        "persona_card.html", lang=lang, heading=t("experience.persona.heading", lang), items=items, level=level,
        folded=folded,
        name={"text": name_text, "assumed": "name" in profile.assumed} if name_text else None,
        assumed_word=t("experience.persona.assumed", lang),
    )


def persona_card(path: ServicePath, lang: str, compact: bool = False) -> None:
    """The persona profile on the path page (folded), or (`compact`) its name, situation and quote on a library
    card."""
    # Under the path page's h1 the profile is an h2; on a library card, under the card's h2, an h3.
    fields = CARD_FIELDS if compact else PERSONA_FIELDS[1:]
    markup = persona_html(path, lang, fields, level=3 if compact else 2, folded=not compact)
    if markup:
        st.html(markup)


def has_experience(path: ServicePath) -> bool:
    """Whether any step is scored (only then is the experience offered)."""
    return any(step.feeling is not None for step in path.steps)


def show_experience(path: ServicePath, lang: str) -> bool:
    """The "show the experience" toggle, offered when a step is scored: with it on, each scored step's
    title in the flow diagram carries its feeling in words."""
    if not has_experience(path):
        return False
    return st.toggle(t("experience.flow.toggle", lang), key=FLOW_EXPERIENCE, help=t("experience.flow.help", lang))


@memo(256)
def view_figures(key: diagrams.Key, view: str, _path: ServicePath) -> Figures:
    return figures(_path, view)


def _stage_chart(found: Figures, path: ServicePath, lang: str) -> go.Figure:
    """Steps, client steps and hand-offs per stage, as grouped bars with their numbers written on them."""
    names = [stage_name(path, row.stage_id, lang) for row in found.stages]
    bars = []
    for field, colour, pattern in (("steps", palette.NETWORK_BORDER, ""), ("client_steps", palette.END_BORDER, "/"),
                                   ("handoffs", palette.COORDINATOR_BORDER, "x")):
        values = [getattr(row, field) for row in found.stages]
        bars.append(go.Bar(name=figure_label(field, lang), x=names, y=values, text=values, textposition="outside",
                           marker={"color": colour, "pattern": {"shape": pattern}}))
    figure = go.Figure(bars)
    figure.update_layout(
        barmode="group", height=360, font=CHART_FONT, margin={"t": 30, "b": 10, "l": 10, "r": 10},
        legend={"orientation": "h", "y": -0.25}, paper_bgcolor=palette.WHITE, plot_bgcolor=palette.WHITE,
        yaxis={"title": {"text": t("experience.dashboard.count", lang)}, "gridcolor": palette.STEP_FILL},
    )
    return figure


def _feeling_chart(found: Figures, path: ServicePath, lang: str) -> go.Figure | None:
    """The average experience per stage, on an axis whose ticks are the words."""
    rows = [row for row in found.stages if row.average_feeling is not None]
    if not rows:
        return None
    values = [row.average_feeling for row in rows]
    figure = go.Figure(go.Scatter(
        x=[stage_name(path, row.stage_id, lang) for row in rows], y=values, mode="lines+markers+text",
        text=[feeling_label(round(value), lang) for value in values], textposition="top center",
        marker={"size": 14, "color": [FEELING_COLOURS[round(value)] for value in values]},
        line={"color": palette.EDGE}, name=t("experience.line.title", lang),
    ))
    figure.update_layout(height=320, font=CHART_FONT, margin={"t": 30, "b": 10, "l": 10, "r": 10},
                         paper_bgcolor=palette.WHITE, plot_bgcolor=palette.WHITE, yaxis={
                             "range": [-2.6, 2.6], "tickvals": list(FEELINGS), "gridcolor": palette.STEP_FILL,
                             "ticktext": [feeling_label(score, lang) for score in FEELINGS]})
    return figure


def dashboard(path: ServicePath, key: diagrams.Key, lang: str, audience: str) -> None:
    """The figures of the path in the view being looked at: drawn only while the section is open."""
    section = st.expander(t("experience.dashboard.title", lang), icon="📊", key=DASHBOARD_OPEN, on_change="rerun")
    if not section.open:
        return
    found = view_figures(key, audience, path)
    with section:
        st.caption(t("experience.dashboard.intro", lang, view=t(f"pathpage.audience.{audience}", lang)))
        with st.container(horizontal=True, key="polku_dashboard_metrics"):
            for name in METRICS:
                st.metric(figure_label(name, lang), figure_value(name, found.value(name), lang), border=True,
                          help=t(f"experience.dashboard.help.{name}", lang), width=220)
        st.plotly_chart(_stage_chart(found, path, lang), theme=None, key="_polku_dashboard_stages",
                        alt=t("experience.dashboard.stages_alt", lang))
        feeling = _feeling_chart(found, path, lang)
        if feeling is not None:
            st.plotly_chart(feeling, theme=None, key="_polku_dashboard_feeling",
                            alt=t("experience.dashboard.feeling_alt", lang))
        st.table({t("analytics.col.figure", lang): [label for _, label, _ in figure_rows(found, lang)],
                  t("analytics.col.value", lang): [value for _, _, value in figure_rows(found, lang)]})
        with st.container(horizontal=True):
            st.download_button(t("experience.dashboard.csv", lang), data=lambda: stats_csv(found, lang),
                               file_name=f"{path.id}-{audience}-figures.csv", mime="text/csv", on_click="ignore",
                               icon="⬇️", key="_polku_dashboard_csv")
            st.download_button(t("experience.dashboard.json", lang), data=lambda: stats_json(found, lang=lang),
                               file_name=f"{path.id}-{audience}-figures.json", mime="application/json",
                               on_click="ignore", icon="⬇️", key="_polku_dashboard_json")
        if path.current_of:  # this is the as-is of that path
            current, target = path.id, path.current_of
        elif path.target_of:  # this is the to-be of that path
            current, target = path.target_of, path.id
        else:
            return
        page_link("compare", tr("experience.dashboard.compare", other=path.current_of or path.target_of), icon="⚖️",
                  path=current, other=target)
