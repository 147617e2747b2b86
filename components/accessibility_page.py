"""The accessibility statement, as the Act on the Provision of Digital Services (306/2019) expects.

The organisation that deploys Polku fills in its own details through the environment
(POLKU_A11Y_ORGANISATION, POLKU_A11Y_FEEDBACK, POLKU_A11Y_AUTHORITY); until then the statement
shows clearly marked placeholders, never invented contact details.
"""

from __future__ import annotations

import os
from datetime import date

import streamlit as st

from components.common import current_lang, md_escape, tr
from paths.i18n.formatting import format_date

# When the statement was last reviewed against the app (update with every review).
STATEMENT_DATE = date(2026, 11, 23)
DONE_KEYS = ("text_version", "colour", "keyboard", "languages", "testing")
ISSUE_KEYS = ("lang", "widgets", "blueprint", "flow", "shortcuts")


def _setting(name: str, placeholder_key: str) -> str:
    """The organisation's own value from the environment, else the marked placeholder text."""
    value = os.environ.get(name, "").strip()
    return value if value else tr(placeholder_key)


def accessibility_page() -> None:
    """The Accessibility statement page."""
    lang = current_lang()
    st.title(tr("a11y.title"), anchor=False)
    organisation = _setting("POLKU_A11Y_ORGANISATION", "a11y.placeholder_organisation")
    st.write(md_escape(tr("a11y.intro", organisation=organisation)))

    st.header(tr("a11y.status_title"), anchor=False)
    st.write(tr("a11y.status"))

    st.header(tr("a11y.issues_title"), anchor=False)
    st.write(tr("a11y.issues_intro"))
    st.markdown("\n".join(f"- {md_escape(tr(f'a11y.issue.{key}'))}" for key in ISSUE_KEYS))

    st.header(tr("a11y.done_title"), anchor=False)
    st.markdown("\n".join(f"- {md_escape(tr(f'a11y.done.{key}'))}" for key in DONE_KEYS))

    st.header(tr("a11y.method_title"), anchor=False)
    st.write(tr("a11y.method", date=format_date(STATEMENT_DATE, lang, "long")))

    st.header(tr("a11y.feedback_title"), anchor=False)
    st.write(tr("a11y.feedback"))
    channel = _setting("POLKU_A11Y_FEEDBACK", "a11y.placeholder_feedback")
    st.write(md_escape(tr("a11y.feedback_channel", channel=channel)))

    st.header(tr("a11y.enforcement_title"), anchor=False)
    st.write(tr("a11y.enforcement"))
    authority = _setting("POLKU_A11Y_AUTHORITY", "a11y.placeholder_authority")
    st.write(md_escape(tr("a11y.authority", authority=authority)))
    st.caption(tr("a11y.authority_note"))
