"""The path page's downloads (pictures by `dot`, the text version, the path file and the interchange
formats) and its print view (everything on paper, nothing to click)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from components import diagrams
from components.common import (
    md_escape,
    tr,
)
from components.downloads_formats import format_downloads
from components.handoff_list import handoff_html
from components.templating import render
from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.render.image import RenderError

DOWNLOAD_MIME = {
    "svg": "image/svg+xml",
    "png": "image/png",
    "pdf": "application/pdf",
    "yaml": "application/yaml",
    "json": "application/json",
    "md": "text/markdown",
}


DOWNLOADS_OPEN = "_polku_downloads_open"


def downloads(path: ServicePath, key: diagrams.Key, lang: str, audience: str, actor: str | None) -> None:
    """Drawn only while the section is open; every file is made only when its button is pressed."""
    section = st.expander(tr("pathpage.downloads"), icon="⬇️", key=DOWNLOADS_OPEN, on_change="rerun")
    if not section.open:
        return
    section.caption(tr("pathpage.downloads_hint"))
    stem = f"{path.id}-{audience}-{lang}" + (f"-{actor}" if actor else "")
    files: list[tuple[str, str, Callable[[], str | bytes]]] = []
    has_dot = diagrams.dot_available()
    if has_dot:
        for fmt in ("svg", "png", "pdf"):
            files.append((fmt, f"{stem}.{fmt}", partial(_image_or_empty, path, key, fmt, lang, audience, actor)))
    files += [
        ("md", f"{stem}.md", partial(diagrams.text_markdown, key, lang, audience, actor, path)),
        ("yaml", f"{path.id}.yaml", partial(diagrams.as_yaml, key, path)),
        ("json", f"{path.id}.json", partial(diagrams.as_json, key, path)),
    ]
    with section, st.container(horizontal=True, key="_polku_downloads"):
        for fmt, file_name, make in files:
            st.download_button(
                tr(f"pathpage.download.{fmt}"),
                data=make,
                file_name=file_name,
                mime=DOWNLOAD_MIME[fmt],
                on_click="ignore",
                icon="⬇️",
                key=f"_polku_download_{fmt}",
            )
    format_downloads(section, path, lang, audience, has_dot=has_dot)
    if not has_dot:
        section.info(tr("pathpage.no_dot"))


def _image_or_empty(
    path: ServicePath, key: diagrams.Key, fmt: str, lang: str, audience: str, actor: str | None
) -> bytes:
    try:
        return diagrams.image(key, fmt, lang, audience, actor, path)
    except RenderError:
        return b""


def print_view(path: ServicePath, key: diagrams.Key, lang: str) -> None:
    """Everything on one page, nothing to click: the drawn diagram with its legend, the hand-offs and
    the text version. The picture comes from the `dot` binary (an image prints as it is shown)."""
    audience = "print"
    title = path.title.get(lang) or path.id
    st.html(render("hint.html", css_class="polku-screen-only", text=f"🖨️ {t('pathview.print_hint', lang)}"))
    st.header(t("pathview.print_flow", lang), anchor=False)
    svg, failure = None, None
    try:
        svg = diagrams.image(key, "svg", lang, audience, None, path, "portrait")  # paper is portrait
    except RenderError as error:
        failure = error
    alt = t("pathview.print_flow_alt", lang, title=title)
    if svg:
        st.image(svg.decode("utf-8"), alt=alt, width="stretch")
    elif failure is not None:  # the text version follows below anyway: only say why there is no picture
        st.caption(md_escape(f"{failure.message(lang)} {t('diagrams.text_instead', lang)}"))
    st.caption(md_escape(diagrams.description(key, lang, audience, None, path)))
    st.html(handoff_html(key, lang, audience, None, path))
    st.header(t("pathview.print_text", lang), anchor=False)
    st.html(diagrams.text_html(key, lang, audience, None, path))
