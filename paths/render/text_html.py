"""The HTML text version of a path: semantic and escaped, from the shared outline
(`paths.render.text_outline`).

User text is escaped with `paths.render.escape.html_escape`; links get an href only for http, https and mailto
(`paths.render.escape.safe_href`); a text in another language than the page is marked with its
`lang` (WCAG 3.1.2); placeholder contacts show only the catalog's "placeholder" words.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from paths.i18n.catalog import t
from paths.model.contact_rules import is_email
from paths.model.schema import ServicePath
from paths.render import palette
from paths.render.escape import html_escape as _e
from paths.render.escape import safe_href
from paths.render.experience import experience_rows
from paths.render.text_outline import (
    ContactLine,
    NextLine,
    Outline,
    StepBlock,
    _next_words,
    _paragraphs,
    _step_cues,
    outline,
)
from paths.render.text_words import LIGHT_BULB, NETWORK_ICON, Txt


def _h(txt: Txt, lang: str) -> str:
    """Escaped user text, marked with its own language when it is a fallback (WCAG 3.1.2)."""
    if txt.text and txt.lang != lang:
        return f'<span lang="{_e(txt.lang)}">{_e(txt.text)}</span>'
    return _e(txt.text)


def anchor_id(path_id: str, kind: str, item_id: str) -> str:
    """The HTML id of a stage or step in the text version (ids are limited to safe characters)."""
    return re.sub(r"[^A-Za-z0-9_.-]", "-", f"polku-{path_id}-{kind}-{item_id}")


_LIST = ' style="list-style:none;padding-left:0"'
STANDALONE_STYLE = (
    f"body{{font:1.125rem/1.5 system-ui,sans-serif;color:{palette.INK};max-width:48rem;margin:2rem auto;"
    f"padding:0 1rem}}dt{{font-weight:600}}a{{color:{palette.NETWORK_BORDER}}}"
    f".polku-coordinator{{border-left:.4rem solid {palette.COORDINATOR_BORDER};padding-left:.8rem}}"
    f".polku-network-meeting{{border-left:.4rem solid {palette.NETWORK_BORDER};padding-left:.8rem}}"
)


def _html_heading(key: str, number: int, txt: Txt, lang: str) -> str:
    marker = "\x00"
    return _e(t(key, lang, number=number, title=marker)).replace(_e(marker), _h(txt, lang))


def _html_link(label: Txt, url: str, lang: str) -> str:
    href = safe_href(url)
    if href is None:
        return f"{_h(label, lang)}: {_e(url)}"
    new_tab = "" if href.lower().startswith("mailto:") else f" <small>({_e(t('text.link.new_tab', lang))})</small>"
    target = "" if href.lower().startswith("mailto:") else ' target="_blank"'
    return f'<a href="{_e(href)}" rel="noopener noreferrer"{target}>{_h(label, lang)}{new_tab}</a>'


def _html_contact(contact: ContactLine, lang: str) -> str:
    if not contact.known:
        return _e(t("text.contact.unknown", lang, id=contact.label.text))
    if contact.placeholder:
        words = _e(t("text.contact.placeholder", lang))
        return f'{_h(contact.label, lang)}: <em class="polku-placeholder">{words}</em>'
    details = []
    if contact.email:
        value = _e(contact.email)
        if is_email(contact.email):
            value = f'<a href="mailto:{_e(quote(contact.email, safe="@.+-_"))}" rel="noopener">{value}</a>'
        details.append(_e(t("text.contact.email", lang, value="\x00")).replace("\x00", value))
    if contact.phone:
        details.append(_e(t("text.contact.phone", lang, value=contact.phone)))
    return f"{_h(contact.label, lang)}: {', '.join(details)}" if details else _h(contact.label, lang)


def _html_who(block: StepBlock, lang: str) -> str:
    if not block.who:
        return _e(t("text.no_actor", lang))
    parts = []
    for name, first in block.who:
        if first:
            parts.append(_e(t("text.responsible", lang, name="\x00")).replace("\x00", _h(name, lang)))
        else:
            parts.append(_h(name, lang))
    return ", ".join(parts)


def _html_next(line: NextLine, lang: str, path_id: str) -> str:
    link = f'<a href="#{anchor_id(path_id, "step", line.target_id)}">{_h(line.heading, lang)}</a>'
    words = _e(_next_words(line, lang, target="\x00")).replace("\x00", link)
    if line.condition and line.condition.lang != lang:
        words = words.replace(_e(line.phrase), _h(Txt(line.phrase, line.condition.lang), lang), 1)
    return words


def _html_step(block: StepBlock, doc: Outline) -> str:
    lang = doc.lang
    classes = ["polku-step"]
    if block.coordinator:
        classes.append("polku-coordinator")
    if block.network:
        classes.append("polku-network-meeting")
    if block.status:
        classes.append(f"polku-status-{block.status}")
    current = ' aria-current="step"' if block.status == "here" else ""
    out = [f'<li class="{" ".join(classes)}" id="{anchor_id(doc.path.id, "step", block.step.id)}"{current}>']
    out.append(f"<h3>{_html_heading('text.step_heading', block.number, block.title, lang)}</h3>")
    for icon, words in _step_cues(block, lang, doc.audience):
        hidden = "" if icon in (LIGHT_BULB, NETWORK_ICON) else ' aria-hidden="true"'
        out.append(f'<p class="polku-cue"><span{hidden}>{icon}</span> <strong>{_e(words)}</strong></p>')
    for paragraph in _paragraphs(block.body.text):
        out.append(f"<p>{_h(Txt(paragraph, block.body.lang), lang)}</p>")
    out.append("<dl>")
    out.append(f"<dt>{_e(t('text.label.who', lang))}</dt><dd>{_html_who(block, lang)}</dd>")
    out.append(f"<dt>{_e(t('text.label.kind', lang))}</dt><dd>{_e(block.kind)}</dd>")
    if block.channels:
        out.append(f"<dt>{_e(t('text.label.channels', lang))}</dt><dd>{_e(', '.join(block.channels))}</dd>")
    if block.duration:
        out.append(f"<dt>{_e(t('text.label.duration', lang))}</dt><dd>{_h(block.duration, lang)}</dd>")
    experience = experience_rows(block.step, lang, doc.audience)
    out += [f"<dt>{_e(label)}</dt><dd>{_e(words)}</dd>" for label, words in experience]
    if block.links:
        items = "".join(f"<li>{_html_link(label, url, lang)}</li>" for label, url in block.links)
        out.append(f"<dt>{_e(t('text.label.links', lang))}</dt><dd><ul>{items}</ul></dd>")
    if block.contacts:
        items = "".join(f"<li>{_html_contact(contact, lang)}</li>" for contact in block.contacts)
        out.append(f"<dt>{_e(t('text.label.contacts', lang))}</dt><dd><ul>{items}</ul></dd>")
    if block.next:
        items = "".join(f"<li>{_html_next(line, lang, doc.path.id)}</li>" for line in block.next)
    else:
        items = f"<li>{_e(t('text.next.end', lang))}</li>"
    out.append(f'<dt>{_e(t("text.label.next", lang))}</dt><dd><ul class="polku-next">{items}</ul></dd>')
    out.append("</dl>")
    out.append("</li>")
    return "\n".join(out)


def to_html(
    path: ServicePath,
    lang: str = "fi",
    audience: str = "professional",
    *,
    statuses: dict[str, str] | None = None,
    here: str | None = None,
    standalone: bool = False,
) -> str:
    """The path as semantic, escaped HTML: stages as `<h2>`, steps as `<h3>` in ordered lists.

    A fragment (a `<section>`) for embedding in a page that has its own `<h1>`; with `standalone`, a
    whole document with the path title as `<h1>`, for download."""
    doc = outline(path, lang, audience, statuses=statuses, here=here)
    lang = doc.lang
    out = [f'<section class="polku-text" lang="{lang}" aria-label="{_e(doc.title.text)}">']
    out.append(f'<p class="polku-view"><em>{_e(t(f"text.view.{doc.audience}", lang))}</em></p>')
    out += [f"<p>{_h(Txt(p, doc.summary.lang), lang)}</p>" for p in _paragraphs(doc.summary.text)]
    if doc.audience == "professional" and doc.persona:
        out.append(f"<p><strong>{_e(t('text.label.persona', lang))}:</strong> {_h(doc.persona, lang)}</p>")
    out.append(f'<p class="polku-description">{_e(doc.description)}</p>')
    out.append(f'<p class="polku-legend">{_e(t(f"text.legend.{doc.audience}", lang))}</p>')
    if not doc.stages:
        out.append(f"<p>{_e(t('text.empty_path', lang))}</p>")
    else:
        out.append(f'<ol class="polku-stages"{_LIST}>')
        for stage in doc.stages:
            stage_id = anchor_id(doc.path.id, "stage", stage.stage_id or "other")
            heading = (
                _html_heading("text.stage_heading", stage.number, stage.title, lang)
                if stage.number
                else _h(stage.title, lang)
            )
            out.append(f'<li class="polku-stage" id="{stage_id}">')
            out.append(f"<h2>{heading}</h2>")
            out += [f"<p>{_h(Txt(p, stage.description.lang), lang)}</p>" for p in _paragraphs(stage.description.text)]
            if stage.steps:
                out.append(f'<ol class="polku-steps" start="{stage.steps[0].number}"{_LIST}>')
                out += [_html_step(block, doc) for block in stage.steps]
                out.append("</ol>")
            else:
                out.append(f"<p>{_e(t('text.empty_stage', lang))}</p>")
            out.append("</li>")
        out.append("</ol>")
    if doc.audience == "professional" and doc.provenance:
        out.append(f"<p><strong>{_e(t('text.label.provenance', lang))}:</strong> {_h(doc.provenance, lang)}</p>")
    if doc.audience == "professional" and doc.notes:
        out.append(f"<p><strong>{_e(t('text.label.notes', lang))}:</strong></p>")
        out += [f"<p>{_h(Txt(p, doc.notes.lang), lang)}</p>" for p in _paragraphs(doc.notes.text)]
    out.append("</section>")
    fragment = "\n".join(out) + "\n"
    if not standalone:
        return fragment
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(doc.title.text)}</title>\n"
        f"<style>{STANDALONE_STYLE}</style>\n"
        f"</head>\n<body>\n<main>\n<h1>{_h(doc.title, lang)}</h1>\n{fragment}</main>\n</body>\n</html>\n"
    )


def step_to_html(
    path: ServicePath, step_id: str, lang: str = "fi", audience: str = "professional", *, here: str | None = None
) -> str:
    """One step's block of the text version (for the details shown when a step is clicked); empty when the
    audience does not see the step."""
    doc = outline(path, lang, audience, here=here)
    for stage in doc.stages:
        for block in stage.steps:
            if block.step.id == step_id:
                return f'<ul class="polku-step-details"{_LIST}>\n{_html_step(block, doc)}\n</ul>\n'
    return ""
