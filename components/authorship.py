"""The name saved with each version: shared by the editor and the history page (and workshop accepts)."""

from __future__ import annotations

import streamlit as st

from components.auth import auth_mode

AUTHOR_KEY = "_polku_ed_author"


def author_name(default: str) -> str:
    """The signed-in facilitator's name, or (in demo mode) the name typed in the editor's save bar."""
    if auth_mode() != "demo":
        return default
    typed = (st.session_state.get(AUTHOR_KEY) or "").strip()
    return typed or default
