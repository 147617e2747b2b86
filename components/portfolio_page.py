"""The portfolio page: pain points and opportunities across all paths, filterable by path, stage, actor and
type, with their workshop votes and backing, and the filtered list as XLSX (`paths.analytics.portfolio`)."""

from __future__ import annotations

import streamlit as st

from components.common import current_lang, load_path, store, tr
from components.experience_fields import XLSX_MIME
from paths.analytics.portfolio import PortfolioItem, filter_items, portfolio_items, portfolio_rows
from paths.analytics.xlsx import workbook
from paths.i18n.catalog import t
from paths.workshops.workshop import WorkshopStore

KINDS = ("pain_point", "opportunity")


def _step_votes(path_id: str) -> dict[str, int]:
    """Votes each step of the path got in all its workshops."""
    workshops = WorkshopStore(store())
    totals: dict[str, int] = {}
    for workshop in workshops.list_workshops(path_id):
        for step_id, count in workshops.step_votes(workshop.id).items():
            totals[step_id] = totals.get(step_id, 0) + count
    return totals


def _all_items(lang: str) -> list[PortfolioItem]:
    paths = []
    for summary in store().list_paths():
        loaded = load_path(summary.id, summary.version)
        if loaded:
            paths.append(loaded[0])
    votes = {path.id: _step_votes(path.id) for path in paths if any(s.pain_points or s.opportunities
                                                                     for s in path.steps)}
    return portfolio_items(paths, votes, lang)


def _filters(items: list[PortfolioItem], lang: str) -> list[PortfolioItem]:
    titles = {item.path_id: item.path_title for item in items}
    with st.container(horizontal=True, key="polku_portfolio_filters"):
        paths = st.multiselect(tr("portfolio.filter.path"), options=list(titles), format_func=titles.get,
                               key="_polku_portfolio_paths", width=320)
        stages = st.multiselect(tr("portfolio.filter.stage"), key="_polku_portfolio_stages", width=260,
                                options=sorted({item.stage_title for item in items}))
        actors = st.multiselect(tr("portfolio.filter.actor"), key="_polku_portfolio_actors", width=260,
                                options=sorted({name for item in items for name in item.actor_names}))
        kinds = st.pills(tr("portfolio.filter.kind"), options=list(KINDS), selection_mode="multi",
                         format_func=lambda kind: t(f"portfolio.kind.{kind}", lang), key="_polku_portfolio_kinds")
    return filter_items(items, paths=paths, stages=stages, actors=actors, kinds=kinds or ())


def portfolio_page() -> None:
    """The Portfolio page."""
    lang = current_lang()
    st.title(tr("portfolio.title"), anchor=False)
    st.write(tr("portfolio.intro"))
    items = _all_items(lang)
    if not items:
        st.info(tr("portfolio.empty"))
        return
    shown = _filters(items, lang)
    st.caption(tr("portfolio.shown", shown=len(shown), total=len(items)))
    rows = portfolio_rows(shown, lang)
    st.dataframe({header: [row[i] for row in rows[1:]] for i, header in enumerate(rows[0])}, hide_index=True,
                 key="_polku_portfolio_table")
    st.download_button(tr("portfolio.xlsx"), data=lambda: workbook([(tr("portfolio.title"), rows)]),
                       file_name=f"polku-portfolio-{lang}.xlsx", mime=XLSX_MIME, on_click="ignore", icon="⬇️",
                       key="_polku_portfolio_xlsx")
