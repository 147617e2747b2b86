"""The path page's downloads in the interchange formats: BPMN 2.0, Mermaid (flowchart and journey),
ODS, and the self-contained page to publish. Called with one line from the path page's download
section; every file is made only when its button is pressed."""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from components.common import tr
from paths.formats.bpmn import to_bpmn
from paths.formats.mermaid import to_mermaid_flowchart, to_mermaid_journey
from paths.formats.publish import page_filename, publish_page
from paths.formats.spreadsheet import to_ods
from paths.model.schema import ServicePath
from paths.views.audience import renderer_audience

MIME = {
    "bpmn": "application/xml",
    "mermaid_flowchart": "text/plain",
    "mermaid_journey": "text/plain",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "publish": "text/html",
}


def _publish(path: ServicePath, audience: str, lang: str, version: int | None) -> bytes:
    return publish_page(path, renderer_audience(audience), lang, version=version).encode()


def format_downloads(section: Any, path: ServicePath, lang: str, audience: str, *, has_dot: bool,
                     version: int | None = None) -> None:
    """The buttons, in `section` (the path page's open download expander)."""
    view = renderer_audience(audience)
    files = [
        ("bpmn", f"{path.id}-{lang}.bpmn", partial(to_bpmn, path, lang)),
        ("mermaid_flowchart", f"{path.id}-{audience}-{lang}-flowchart.mmd",
         lambda: to_mermaid_flowchart(path, lang, audience).encode("utf-8")),
        ("mermaid_journey", f"{path.id}-{audience}-{lang}-journey.mmd",
         lambda: to_mermaid_journey(path, lang, audience).encode("utf-8")),
        ("ods", f"{path.id}-{lang}.ods", partial(to_ods, path, lang)),
    ]
    if has_dot:
        files.append(("publish", page_filename(path, view, lang), partial(_publish, path, audience, lang, version)))
    with section, st.container(horizontal=True, key="_polku_downloads_formats"):
        for fmt, file_name, make in files:
            st.download_button(tr(f"formats.download.{fmt}"), data=make, file_name=file_name, mime=MIME[fmt],
                               on_click="ignore", icon="⬇️", key=f"_polku_download_fmt_{fmt}")
