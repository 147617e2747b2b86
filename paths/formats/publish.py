"""A path as a self-contained static page a county can put on its website or in an iframe.

One HTML file: the flow diagram as inline SVG (from the real `dot`), its short description, the
text version (`paths.render.text_html.to_html`, escaped, placeholder contacts shown as placeholders),
`lang` attributes, print styles, no JavaScript and no external request (a Content-Security-Policy
in the page forbids any). The markup and the styles are files (`templates/publish.*`).
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path
from string import Template

from paths.i18n.catalog import UserError, normalise_lang, t
from paths.model.schema import ServicePath
from paths.render import palette
from paths.render.image import render_path
from paths.render.text_html import to_html
from paths.render.text_words import describe
from paths.views.audience import audience_view

TEMPLATES = Path(__file__).with_name("templates")
VIEWS: tuple[str, ...] = ("client", "professional")
_SVG_START = re.compile(r"<svg\b")
_SIZE = re.compile(r'\s(width|height)="[^"]*"')


class PublishError(UserError):
    key_prefix = "formats.publish.error."


@cache
def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


def _style() -> str:
    return _template("publish.css").substitute(
        ink=palette.INK, muted=palette.MUTED_INK, link=palette.NETWORK_BORDER, coordinator=palette.COORDINATOR_BORDER,
    )


def inline_svg(svg: bytes, caption_id: str) -> str:
    """`dot`'s SVG without its XML prolog and DTD, scaled by its viewBox, named by the caption."""
    text = svg.decode("utf-8")
    match = _SVG_START.search(text)
    if match is None:
        raise PublishError("no_picture")
    text = text[match.start():]
    head, _, rest = text.partition(">")
    head = _SIZE.sub("", head)
    return f'{head} role="img" aria-labelledby="{caption_id}" width="100%">{rest}'


def publish_page(path: ServicePath, view: str = "client", lang: str = "fi", *, version: int | None = None) -> str:
    """The page as HTML text; `view` is `client` or `professional`."""
    if view not in VIEWS:
        raise PublishError("view", view=str(view)[:20])
    lang = normalise_lang(lang)
    shown = audience_view(path, view)
    title = shown.title.get(lang) or shown.id
    description = describe(path, lang, view)
    svg = inline_svg(render_path(path, "svg", lang, view), "picture-caption")
    footer = t("formats.publish.footer", lang, version=version) if version else t("formats.publish.footer_draft", lang)
    e = html.escape
    return _template("publish.html").substitute(
        lang=lang, title=e(title), title_html=e(title), description=e(description), description_html=e(description),
        style=_style(), skip_words=e(t("formats.publish.skip", lang)),
        view_words=e(t(f"formats.publish.view.{view}", lang)),
        picture_words=e(t("formats.publish.picture", lang)), picture_caption=e(description), svg=svg,
        text_words=e(t("formats.publish.text_heading", lang)), text_html=to_html(path, lang, view),
        footer_html=e(footer),
    )


def page_filename(path: ServicePath, view: str, lang: str) -> str:
    return f"{path.id}-{view}-{normalise_lang(lang)}.html"
