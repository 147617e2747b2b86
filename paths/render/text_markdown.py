"""The Markdown text version of a path (`##` stages, `###` steps), from the shared outline
(`paths.render.text_outline`); every user text through the one Markdown escape.
"""

from __future__ import annotations

from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.render.escape import md_escape, md_link
from paths.render.experience import experience_rows
from paths.render.text_outline import Txt, _fields, _paragraphs, _step_cues, _step_lists, outline


def _md_link(label: Txt, url: str) -> str:
    return md_link(label.text, url)


def to_markdown(
    path: ServicePath,
    lang: str = "fi",
    audience: str = "professional",
    *,
    statuses: dict[str, str] | None = None,
    here: str | None = None,
    title: bool = True,
) -> str:
    """The path as Markdown: `##` stage headings, `###` step headings, each step's fields as a list.

    `title=False` leaves out the `#` path title for a page that already shows it."""
    doc = outline(path, lang, audience, statuses=statuses, here=here)
    lang = doc.lang
    out: list[str] = []
    if title:
        out += [f"# {md_escape(doc.title.text)}", ""]
    out += [f"_{t(f'text.view.{doc.audience}', lang)}_", ""]
    out += [line for paragraph in _paragraphs(doc.summary.text) for line in (md_escape(paragraph), "")]
    if doc.audience == "professional" and doc.persona:
        out += [f"**{t('text.label.persona', lang)}:** {md_escape(doc.persona.text)}", ""]
    out += [md_escape(doc.description), "", md_escape(t(f"text.legend.{doc.audience}", lang)), ""]
    if not doc.stages:
        out += [t("text.empty_path", lang), ""]
    for stage in doc.stages:
        heading = (
            t("text.stage_heading", lang, number=stage.number, title=md_escape(stage.title.text))
            if stage.number
            else md_escape(stage.title.text)
        )
        out += [f"## {heading}", ""]
        out += [line for paragraph in _paragraphs(stage.description.text) for line in (md_escape(paragraph), "")]
        if not stage.steps:
            out += [t("text.empty_stage", lang), ""]
        for block in stage.steps:
            out += [f"### {t('text.step_heading', lang, number=block.number, title=md_escape(block.title.text))}", ""]
            for icon, words in _step_cues(block, lang, doc.audience):
                out += [f"{icon} **{words}**", ""]
            out += [line for paragraph in _paragraphs(block.body.text) for line in (md_escape(paragraph), "")]
            fields = _fields(block, lang) + experience_rows(block.step, lang, doc.audience)
            items = [f"- **{label}:** {md_escape(value)}" for label, value in fields]
            for label, lines in _step_lists(block, lang, link=_md_link, words=md_escape):
                items.append(f"- **{label}:**")
                items += [f"  - {line}" for line in lines]
            out += [*items, ""]
    if doc.audience == "professional" and (doc.provenance or doc.notes):
        if doc.provenance:
            out += [f"**{t('text.label.provenance', lang)}:** {md_escape(doc.provenance.text)}", ""]
        if doc.notes:
            out += [f"**{t('text.label.notes', lang)}:**", ""]
            out += [line for paragraph in _paragraphs(doc.notes.text) for line in (md_escape(paragraph), "")]
    return "\n".join(out).strip() + "\n"
