"""The text version of a path as plain text.

This is the accessible alternative to the pictures — the one a screen reader reads — so it says
in words everything the diagrams say with shapes and colours: the stages in order, every step in
reading order (`paths.model.graph.walk_order`), who does it, the light bulb 💡 *and* what it means, the
network meeting, channels, links, contacts and what comes next with the branch conditions. All
three formats come from one outline (`paths.render.text_outline`, with the wording they share), so
they never disagree: plain text here, Markdown in `paths.render.text_markdown`, HTML in
`paths.render.text_html`. `describe`, the diagrams' short text alternative (one paragraph), and the
words every format shares are in `paths.render.text_words`.

User text is never trusted: HTML is escaped with `html.escape`, links get an href only for
http, https and mailto (`paths.render.escape.safe_href`), Markdown goes through the one Markdown
escape (`paths.render.escape.md_escape`), control characters are dropped,
and placeholder contact details are never shown — only the catalog's "placeholder" text.
"""

from __future__ import annotations

from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.render.experience import experience_rows
from paths.render.text_outline import Txt, _fields, _paragraphs, _step_cues, _step_lists, outline

# --- Plain text -----------------------------------------------------------------------------


def _plain_link(label: Txt, url: str) -> str:
    return f"{label.text}: {url}"


def to_text(
    path: ServicePath,
    lang: str = "fi",
    audience: str = "professional",
    *,
    statuses: dict[str, str] | None = None,
    here: str | None = None,
) -> str:
    """The path as plain text: an indented outline, stage by stage and step by step."""
    doc = outline(path, lang, audience, statuses=statuses, here=here)
    lang = doc.lang
    out = [doc.title.text, "=" * max(len(doc.title.text), 3), t(f"text.view.{doc.audience}", lang), ""]
    out += [*_paragraphs(doc.summary.text)]
    if doc.audience == "professional" and doc.persona:
        out.append(f"{t('text.label.persona', lang)}: {' '.join(doc.persona.text.split())}")
    out += ["", doc.description, "", t(f"text.legend.{doc.audience}", lang)]
    if not doc.stages:
        out += ["", t("text.empty_path", lang)]
    for stage in doc.stages:
        heading = (
            t("text.stage_heading", lang, number=stage.number, title=stage.title.text)
            if stage.number
            else stage.title.text
        )
        out += ["", heading, "-" * len(heading)]
        out += _paragraphs(stage.description.text)
        if not stage.steps:
            out.append(t("text.empty_stage", lang))
        for block in stage.steps:
            out += ["", "  " + t("text.step_heading", lang, number=block.number, title=block.title.text)]
            out += [f"    {icon} {words}" for icon, words in _step_cues(block, lang, doc.audience)]
            out += [f"    {paragraph}" for paragraph in _paragraphs(block.body.text)]
            fields = _fields(block, lang) + experience_rows(block.step, lang, doc.audience)
            out += [f"    {label}: {value}" for label, value in fields]
            for label, items in _step_lists(block, lang, link=_plain_link, words=str):
                out.append(f"    {label}:")
                out += [f"      - {item}" for item in items]
    if doc.audience == "professional" and (doc.provenance or doc.notes):
        out.append("")
        if doc.provenance:
            out.append(f"{t('text.label.provenance', lang)}: {' '.join(doc.provenance.text.split())}")
        if doc.notes:
            out += [f"{t('text.label.notes', lang)}:", *_paragraphs(doc.notes.text)]
    return "\n".join(out).strip() + "\n"

