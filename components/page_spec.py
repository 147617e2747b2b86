"""The description of one page for app.py's navigation.

Defined here rather than in app.py: app.py runs again on every rerun, and making a dataclass
costs almost a millisecond each time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class PageSpec:
    """One page: its render function, the catalog key of its title, its URL path and icon.

    `css` is the page's own stylesheet (a <style> element); the frame sends it with the sidebar's
    other markup, so a rerun draws one element less.
    """

    render: object
    title_key: str
    url_path: str
    icon: str
    visibility: Literal["visible", "hidden"] = "visible"
    css: str = ""
