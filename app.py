"""Polku, the service-path studio: the Streamlit entry point and router.

Every page is one line in PAGES. The language comes from the URL (`?lang=fi|sv|en`); a link
like `/?path=ari` opens the path page, so shared links work from the site's root too.
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components import library_page, path_page
from components.accessibility_page import accessibility_page
from components.appointment_page import appointment_page
from components.auth import auth_banner, participant_only
from components.common import language_selector, register_pages, store, sync_lang, tr
from components.editor_page import editor_page
from components.history_page import history_page
from components.page_spec import PageSpec
from components.personal_page import client_page, professional_page
from components.views_page import views_page
from components.workshop_page import join_page, workshop_facilitator_page

PAGES: list[PageSpec] = [
    PageSpec(library_page.render, "nav.library", "library", "📚"),
    PageSpec(path_page.render, "nav.path", "path", "🗺️"),
    PageSpec(appointment_page, "nav.appointment", "appointment", "🖥️"),
    PageSpec(views_page, "nav.views", "views", "👁️"),
    PageSpec(editor_page, "editor.nav", "edit", "✏️"),
    PageSpec(history_page, "history_page.nav", "history", "🕘"),
    PageSpec(accessibility_page, "nav.accessibility", "accessibility", "♿"),
    PageSpec(professional_page, "personal.nav", "personal", "🧭"),
    PageSpec(client_page, "personal.nav_client", "my-path", "🙂", "hidden"),
    PageSpec(workshop_facilitator_page, "nav.workshop", "workshop", "🗒️"),
    PageSpec(join_page, "nav.join", "join", "🙋"),
]
DEFAULT_PAGE = "library"
# Query parameters that open a page from any URL (e.g. `/?path=ari` opens the path page).
ROUTED_PARAMS = {"path": "path", "token": "my-path", "join": "join", "workshop": "workshop"}
# A participant's join code opens the join page and nothing else (components/auth.py).
PARTICIPANT_PAGE = "join"


def main() -> None:
    lang = sync_lang()
    st.set_page_config(page_title=tr("app.page_title"), page_icon="💡", layout="wide")
    pages = {
        spec.url_path: st.Page(
            spec.render,  # type: ignore[arg-type]
            title=tr(spec.title_key),
            url_path=spec.url_path,
            icon=spec.icon,
            default=spec.url_path == DEFAULT_PAGE,
            visibility=spec.visibility,
        )
        for spec in PAGES
    }
    try:
        if participant_only():
            pages = {PARTICIPANT_PAGE: pages[PARTICIPANT_PAGE]}
    except SQLAlchemyError:
        pass  # reported below, when the store is opened
    register_pages(pages)
    current = st.navigation(list(pages.values()))
    if current is pages.get(DEFAULT_PAGE):
        for param, url_path in ROUTED_PARAMS.items():
            if st.query_params.get(param):
                st.switch_page(pages[url_path], query_params=st.query_params.to_dict())

    language_selector()
    st.sidebar.markdown(tr("app.tagline"))  # not caption: its faded grey on the sidebar is 4.4:1
    # Screen readers read the page in its language (WCAG 3.1.1); Streamlit cannot set <html lang> itself.
    st.sidebar.html(f"<script>document.documentElement.lang = {lang!r};</script>", unsafe_allow_javascript=True)
    try:
        store()
    except SQLAlchemyError:
        st.error(tr("app.store_unavailable"))
        st.stop()
    auth_banner()
    current.run()


main()
