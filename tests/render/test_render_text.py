"""The text version (plain, Markdown, HTML) and the short description: structure, audiences, escaping."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from paths.formats.files import DATA_DIR, builtin_paths
from paths.i18n.catalog import t
from paths.model.graph import walk_order
from paths.model.schema import LANGS, LocalText, ServicePath
from paths.render.escape import md_escape
from paths.render.text import to_text
from paths.render.text_html import step_to_html, to_html
from paths.render.text_markdown import to_markdown
from paths.render.text_words import condition_phrase, describe
from paths.views.audience import audience_view
from tests.support.factories import (
    HOSTILE,
    PLACEHOLDER_EMAIL,
    PLACEHOLDER_PHONE,
    REAL_EMAIL,
    hostile_path,
    sample_path,
    unfinished_path,
)


class Outline(HTMLParser):
    """Collects what a screen reader would navigate by: headings, step items, links, tags, text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.hrefs: list[str] = []
        self.steps: list[dict] = []  # per <li class="polku-step ...">: id, classes, text, attrs
        self.text: list[str] = []
        self._heading: str | None = None
        self._heading_text: list[str] = []
        self._depth = 0
        self._step_depth: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        attributes = dict(attrs)
        if tag in ("li", "ol", "ul"):
            self._depth += 1
        if tag == "li" and "polku-step" in (attributes.get("class") or "").split():
            self._step_depth = self._depth
            self.steps.append({"id": attributes.get("id"), "class": attributes.get("class"), "attrs": attributes,
                               "text": []})
        if tag in ("h1", "h2", "h3"):
            self._heading, self._heading_text = tag, []
        if tag == "a":
            self.hrefs.append(attributes.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3") and self._heading == tag:
            self.headings.append((tag, "".join(self._heading_text)))
            self._heading = None
        if tag in ("li", "ol", "ul"):
            if tag == "li" and self._step_depth == self._depth:
                self._step_depth = None
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading:
            self._heading_text.append(data)
        if self._step_depth is not None:
            self.steps[-1]["text"].append(data)


def parse(html_text: str) -> Outline:
    parser = Outline()
    parser.feed(html_text)
    parser.close()
    return parser


def text_blocks(text: str, lang: str) -> dict[str, str]:
    """Plain text split into step blocks keyed by their heading line."""
    word = t("text.step_heading", lang, number=0, title="").split(" ")[0]
    blocks: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        if line.startswith(f"  {word} "):
            current = line.strip()
            blocks[current] = ""
        elif line and not line.startswith(" "):
            current = None
        elif current:
            blocks[current] += line + "\n"
    return blocks


def expected_headings(path: ServicePath, lang: str, audience: str) -> list[str]:
    view = audience_view(path, audience)
    return [
        t("text.step_heading", lang, number=i + 1, title=view.step(step_id).title.get(lang))
        for i, step_id in enumerate(walk_order(view))
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("audience", ["professional", "client"])
def test_html_has_stage_and_step_headings_in_reading_order(lang: str, audience: str) -> None:
    path = sample_path()
    doc = parse(to_html(path, lang, audience))
    stages = [heading for tag, heading in doc.headings if tag == "h2"]
    assert stages == [
        t("text.stage_heading", lang, number=i + 1, title=stage.title.get(lang)) for i, stage in enumerate(path.stages)
    ]
    steps = [heading for tag, heading in doc.headings if tag == "h3"]
    assert steps == expected_headings(path, lang, audience)
    assert "h1" not in doc.tags and "script" not in doc.tags


def test_standalone_html_is_a_document_with_the_title_as_h1() -> None:
    html_text = to_html(sample_path(), "sv", standalone=True)
    doc = parse(html_text)
    assert html_text.startswith("<!DOCTYPE html>") and '<html lang="sv">' in html_text
    assert doc.headings[0] == ("h1", "Teststig")
    assert [tag for tag, _ in doc.headings].count("h2") == 3


@pytest.mark.parametrize("audience", ["professional", "client"])
def test_every_visible_step_once_in_text_and_markdown(audience: str) -> None:
    path = sample_path()
    headings = expected_headings(path, "fi", audience)
    text = to_text(path, "fi", audience)
    assert list(text_blocks(text, "fi")) == headings
    markdown = to_markdown(path, "fi", audience)
    assert [line[4:] for line in markdown.splitlines() if line.startswith("### ")] == headings
    assert [line[3:] for line in markdown.splitlines() if line.startswith("## ")] == [
        "Vaihe 1: Alku", "Vaihe 2: Arvio", "Vaihe 3: Verkosto"
    ]
    for heading in headings:
        assert text.count(heading) >= 1


@pytest.mark.parametrize("audience", ["professional", "client"])
@pytest.mark.parametrize("lang", LANGS)
def test_light_bulb_words_on_exactly_the_coordinator_steps(audience: str, lang: str) -> None:
    path = sample_path()
    words = t(f"text.lightbulb.{audience}", lang)
    coordinator = {step.id for step in path.steps if step.coordinator}
    doc = parse(to_html(path, lang, audience))
    marked = {item["id"].rsplit("-step-", 1)[1] for item in doc.steps if f"💡 {words}" in "".join(item["text"])}
    assert marked == coordinator
    assert all(("polku-coordinator" in item["class"]) == (item["id"].endswith(tuple(coordinator)))
               for item in doc.steps)

    titles = {t("text.step_heading", lang, number=0, title=step.title.get(lang)).split(": ", 1)[1]: step
              for step in path.steps}
    for heading, block in text_blocks(to_text(path, lang, audience), lang).items():
        step = titles[heading.split(": ", 1)[1]]
        assert (f"💡 {words}" in block) == step.coordinator, heading


def test_client_and_professional_light_bulb_words_differ() -> None:
    client = to_text(sample_path(), "en", "client")
    professional = to_text(sample_path(), "en", "professional")
    assert "💡 The work-ability coordinator helps here" in client
    assert "Coordinator step" not in client
    assert "💡 Coordinator step" in professional


def test_network_meeting_is_called_out_in_words() -> None:
    doc = parse(to_html(sample_path(), "en"))
    meeting = next(item for item in doc.steps if item["id"].endswith("-meeting"))
    assert "👥 Multi-professional network meeting" in "".join(meeting["text"])
    assert sum("Multi-professional network meeting" in "".join(item["text"]) for item in doc.steps) == 1


def test_branch_conditions_and_loops_are_written_out() -> None:
    text = to_text(sample_path(), "en")
    assert "If one consultation is enough → Step 5: Consultation" in text
    assert "If the client needs several services → Step 7: Network meeting" in text
    assert "If the network is still needed → Step 7: Network meeting (back to an earlier step)" in text
    assert "If Kela decides on the support → Step 9: The client relationship ends" in text
    assert text.count("The path ends here.") == 2
    fi = to_text(sample_path(), "fi")
    assert "Jos yksi konsultaatio riittää → Askel 5: Konsultaatio" in fi
    doc = parse(to_html(sample_path(), "en"))
    assert "#polku-sample-step-consult" in doc.hrefs


def test_condition_phrase_keeps_names_and_acronyms() -> None:
    assert condition_phrase("One consultation is enough") == "one consultation is enough"
    assert condition_phrase("TE services decide") == "TE services decide"
    assert condition_phrase("Kela decides", {"Kela"}) == "Kela decides"
    assert condition_phrase("") == ""


def _unescaped(text: str) -> str:
    """Markdown's backslash escapes taken away: the words a reader sees."""
    return re.sub(r"\\(.)", r"\1", text)


def test_client_view_hides_professional_steps_and_uses_plain_language() -> None:
    path = sample_path()
    for render in (to_text, to_markdown, to_html):
        client = _unescaped(render(path, "en", "client"))
        professional = _unescaped(render(path, "en", "professional"))
        assert "Contacting the coordinator" not in client
        assert "Contacting the coordinator" in professional
        assert "You tell us about your situation." in client
        assert "The worker records the need." not in client
        assert "The worker records the need." in professional
        assert "You tell us about your situation." not in professional
    client = to_text(path, "en", "client")
    assert "If one consultation is enough → Step 4: Consultation" in client
    assert "→ Step 3: Is a consultation enough?" in client


def test_placeholder_contacts_are_never_shown_as_real() -> None:
    path = sample_path()
    notice = t("text.contact.placeholder", "en")
    for render in (to_text, to_markdown, to_html):
        for lang in LANGS:
            for audience in ("professional", "client"):
                out = render(path, lang, audience)
                assert PLACEHOLDER_EMAIL not in out and PLACEHOLDER_PHONE not in out
    html_text = to_html(path, "en")
    doc = parse(html_text)
    assert f"mailto:{REAL_EMAIL}" in doc.hrefs
    assert not any(href.startswith(("mailto:koordinaattori", "tel:")) for href in doc.hrefs)
    assert f"Coordinator (example): {notice}" in "".join(doc.text)
    assert f"Coordinator (example): {notice}" in to_text(path, "en")


def test_links_are_http_only_with_noopener() -> None:
    html_text = to_html(sample_path(), "en")
    assert re.search(r'<a href="https://example.org/y100.pdf" rel="noopener noreferrer" target="_blank">Form Y 100',
                     html_text)
    assert "[Form Y 100](https://example.org/y100.pdf)" in to_markdown(sample_path(), "en")


def test_hostile_text_comes_out_as_literal_text_in_html() -> None:
    path = hostile_path()
    for audience in ("professional", "client"):
        html_text = to_html(path, "en", audience, standalone=True)
        doc = parse(html_text)
        assert "script" not in doc.tags and "img" not in doc.tags and "b" not in doc.tags
        assert set(doc.tags) <= {"html", "head", "meta", "title", "style", "body", "main", "section", "p", "em",
                                 "strong", "ol", "ul", "li", "h1", "h2", "h3", "dl", "dt", "dd", "a", "span", "small"}
        for href in doc.hrefs:
            assert href.startswith(("https://", "http://", "mailto:", "#")), href
            assert "<" not in href and '"' not in href
        text = "".join(doc.text)
        assert HOSTILE in text  # the very same characters, as text
        assert "javascript:alert(1)" in text  # the smuggled link is shown, not linked
        assert "[click](javascript:alert(1))" in text
    assert not any("javascript" in href for href in parse(to_html(path, "en")).hrefs)


def test_hostile_text_in_markdown_is_escaped() -> None:
    markdown = to_markdown(hostile_path(), "en")
    assert "<script>" not in markdown
    assert "\\<script\\>" in markdown
    assert not re.search(r"(?<!\\)\]\(javascript:", markdown)  # no unescaped link to javascript:
    assert "\\[click\\]\\(javascript\\:alert\\(1\\)\\)" in markdown
    assert md_escape("- item") == "\\- item" and md_escape("1. one") == "1\\. one"
    assert md_escape("$x$ & <b>") == "\\$x\\$ \\& \\<b\\>"


def test_control_characters_are_dropped_from_plain_text() -> None:
    path = sample_path()
    step = path.steps[0].model_copy(update={"title": LocalText(fi="Alku\x1b[31m\x07 punainen")})
    path = path.model_copy(update={"steps": [step, *path.steps[1:]]})
    text = to_text(path, "fi")
    assert "\x1b" not in text and "\x07" not in text and "Alku[31m punainen" in text


def test_statuses_and_here_are_told_by_icon_and_words() -> None:
    path = sample_path()
    html_text = to_html(path, "fi", "client", statuses={"start": "done", "consent": "next", "nope": "bogus"},
                        here="decide")
    doc = parse(html_text)
    by_id = {item["id"].rsplit("-step-", 1)[1]: "".join(item["text"]) for item in doc.steps}
    assert "✓ Tehty" in by_id["start"]
    assert "➜ Seuraavaksi" in by_id["consent"]
    assert "📍 Olet tässä" in by_id["decide"]
    assert sum("Olet tässä" in text for text in by_id.values()) == 1
    current = [item["id"] for item in doc.steps if item["attrs"].get("aria-current") == "step"]
    assert current == ["polku-sample-step-decide"]
    text = to_text(path, "en", statuses={"finish": "not_for_me"})
    assert "– Not for me" in text_blocks(text, "en")["Step 9: The client relationship ends"]


def test_missing_translation_falls_back_to_finnish_marked_with_its_language() -> None:
    html_text = to_html(sample_path(), "sv")
    assert '<span lang="fi">Konsultation</span>' not in html_text
    assert 'Steg 5: <span lang="fi">Konsultaatio</span>' in html_text
    assert "Steg 5: Konsultaatio" in to_text(sample_path(), "sv")


def test_describe_counts_starts_ends_and_branches() -> None:
    path = sample_path()
    text = describe(path, "en", "professional")
    assert text.startswith("The path “Test path” has 3 stages and 9 steps.")
    assert "3 steps are work-ability coordinator steps (💡)." in text
    assert "The path has one network meeting." in text
    assert "It starts at “The need is noticed” and ends at “Solved” or “The client relationship ends”." in text
    assert "branches at 2 points: after “Is a consultation enough?” (One consultation is enough / " in text
    assert "after “Follow-up” (The network is still needed / Kela decides on the support)" in text
    client = describe(path, "en", "client")
    assert "has 3 stages and 8 steps." in client
    assert describe(path, "fi").startswith("Polussa ”Testipolku” on 3 vaihetta ja 9 askelta.")
    assert "Stigen har ett nätverksmöte." in describe(path, "sv")


def test_describe_and_render_an_empty_or_single_step_path() -> None:
    empty = ServicePath(id="empty", title={"fi": "Tyhjä", "en": "Empty"})
    assert describe(empty, "en") == "The path “Empty” has no steps yet."
    assert "The path has no steps yet." in to_text(empty, "en")
    assert parse(to_html(empty, "en")).headings == []
    single = ServicePath.model_validate({
        "id": "one", "title": "Yksi", "stages": [{"id": "s", "title": "Vaihe"}],
        "steps": [{"id": "only", "stage": "s", "title": "Ainoa", "coordinator": True}],
    })
    assert describe(single, "en") == (
        "The path “Yksi” has 1 stage and 1 step. One step is a work-ability coordinator step (💡). "
        "It starts at “Ainoa” and ends at “Ainoa”. The path does not branch."
    )
    assert "toimijaa ei ole nimetty" in to_text(single, "fi")


def test_describe_lists_only_a_few_starts_then_counts_the_rest() -> None:
    path = ServicePath.model_validate({
        "id": "many", "title": "Monta", "stages": [{"id": "s", "title": "Vaihe"}],
        "steps": [{"id": f"s{i}", "stage": "s", "title": f"Askel {i}"} for i in range(6)],
    })
    assert "It starts at “Askel 0”, “Askel 1”, “Askel 2”, and 3 more and ends at" in describe(path, "en")


def test_an_unfinished_draft_still_reads_as_text() -> None:
    path = unfinished_path()
    text = to_text(path, "en")
    assert list(text_blocks(text, "en")) == ["Step 1: A", "Step 2: C", "Step 3: B"]  # a duplicate id once
    assert "Who: ghost (responsible)" in text and "the contact nocontact is not found" in text
    assert "Stage 2: Empty stage\n--------------------\nThis stage has no steps." in text
    assert "\nOther steps\n" in text
    assert "→ Step 2: C (back to an earlier step)" in text
    assert describe(path, "en").startswith("The path “Draft” has 2 stages and 3 steps.")
    assert "It has no clear starting step" in describe(path, "en")
    assert [h for tag, h in parse(to_html(path, "en")).headings if tag == "h2"] == [
        "Stage 1: S", "Stage 2: Empty stage", "Other steps"
    ]


def test_step_to_html_is_one_escaped_step_block() -> None:
    block = step_to_html(hostile_path(), "x1", "en")
    doc = parse(block)
    assert len(doc.steps) == 1 and "script" not in doc.tags
    assert step_to_html(sample_path(), "backoffice", "en", "client") == ""


def test_builtin_paths_render_completely() -> None:
    """The real data/ files: every visible step once, light bulbs exactly on coordinator steps, no placeholders."""
    assert sorted(DATA_DIR.glob("*.yaml")), "data/ has no built-in paths"
    paths = builtin_paths()
    assert {path.id for path in paths} >= {"ari", "maija", "pohjanmaa"}
    for path in paths:
        placeholders = [value for contact in path.contacts if contact.placeholder
                        for value in (contact.email, contact.phone) if value]
        for lang in LANGS:
            for audience in ("professional", "client"):
                view = audience_view(path, audience)
                html_text = to_html(path, lang, audience)
                doc = parse(html_text)
                assert [h for tag, h in doc.headings if tag == "h3"] == expected_headings(path, lang, audience)
                words = f"💡 {t(f'text.lightbulb.{audience}', lang)}"
                marked = [item for item in doc.steps if words in "".join(item["text"])]
                assert len(marked) == sum(step.coordinator for step in view.steps), (path.id, lang, audience)
                outputs = (html_text, to_text(path, lang, audience), to_markdown(path, lang, audience))
                for value in placeholders:
                    assert all(value not in out for out in outputs), (path.id, value)
                assert describe(path, lang, audience)
