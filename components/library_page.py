"""The library: every stored path as a card, with a search over the current language's texts."""

from __future__ import annotations

import streamlit as st

from components.analytics_panel import persona_card
from components.common import current_lang, load_path, md_escape, page_link, status_words, store, tr
from components.templating import stylesheet
from paths.store.records import PathSummary

SEARCH_KEY = "library_search"
# A card's link names the whole path (a link's purpose is clear out of context): let it wrap.
# A card's title is a level-2 heading under the page's h1 (no skipped level), sized like a subheader.
CARD_CSS = stylesheet("library.css")
CARD_WIDTH = 340  # two cards side by side on a tablet (768 px), three or more on a projector


def _search_text(summary: PathSummary, lang: str) -> str:
    """Title, persona and summary in the current language, lower-cased for matching."""
    loaded = load_path(summary.id, summary.version)
    path_summary = loaded[0].summary.get(lang) if loaded else ""
    return " ".join((summary.id, summary.title.get(lang), summary.persona.get(lang), path_summary)).casefold()


def matches(summary: PathSummary, query: str, lang: str) -> bool:
    """Every word of the query occurs somewhere in the card's texts."""
    words = query.casefold().split()
    if not words:
        return True
    haystack = _search_text(summary, lang)
    return all(word in haystack for word in words)


def _card(summary: PathSummary, lang: str) -> None:
    loaded = load_path(summary.id, summary.version)
    title = summary.title.get(lang) or summary.id
    with st.container(border=True, width=CARD_WIDTH, key=f"card_{summary.id}"):
        st.header(md_escape(title), anchor=False)
        persona = summary.persona.get(lang)
        if persona:
            st.markdown(tr("library.persona", persona=md_escape(persona)))
        if loaded and loaded[0].summary:
            st.caption(md_escape(loaded[0].summary.get(lang)))
        if loaded:
            persona_card(loaded[0], lang, compact=True)
        facts = [
            tr("library.counts", stages=summary.n_stages, steps=summary.n_steps),
            tr("library.bulbs", count=summary.n_coordinator),
            f"{status_words(summary.status)} · {tr('library.version', version=summary.version)}",
        ]
        st.markdown("  \n".join(facts))
        page_link("path", tr("library.open", title=md_escape(title)), icon="➡️", path=summary.id)


def render() -> None:
    """The Library page."""
    lang = current_lang()
    st.title(tr("library.title"), anchor=False)
    st.write(tr("library.intro"))
    query = st.text_input(
        tr("library.search_label"), placeholder=tr("library.search_placeholder"), key=SEARCH_KEY, max_chars=200
    )
    summaries = store().list_paths()
    if not summaries:
        st.info(tr("library.empty"))
        return
    shown = [summary for summary in summaries if matches(summary, query, lang)]
    st.caption(tr("library.shown", shown=len(shown), total=len(summaries)))
    if not shown:
        st.info(tr("library.no_match"))
        return
    with st.container(horizontal=True, gap="medium", key="library_cards"):
        for summary in shown:
            _card(summary, lang)
