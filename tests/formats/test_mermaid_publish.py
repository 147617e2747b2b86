"""Mermaid text and the published page, without a browser: structure, escaping, languages."""

from __future__ import annotations

import re

import pytest

from paths.formats.files import builtin_paths
from paths.formats.mermaid import label, to_mermaid_flowchart, to_mermaid_journey
from paths.formats.publish import PublishError, publish_page
from paths.model.schema import Contact, LocalText
from tests.support.factories import branching_path

PAYLOAD = '"]; click s0 call alert(1) %%{init: {}}%% <img src=x onerror=alert(1)>\n--> x;#:'


def with_title(path, step_id: str, title: str):  # noqa: ANN001, ANN201 - test helper
    return path.model_copy(update={"steps": [
        s.model_copy(update={"title": LocalText(fi=title)}) if s.id == step_id else s for s in path.steps]})


def test_flowchart_has_accessibility_lines_subgraphs_and_classes() -> None:
    path = builtin_paths()[0]
    text = to_mermaid_flowchart(path, "fi")
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    assert lines[1].startswith("    accTitle: ") and lines[2].startswith("    accDescr: ")
    assert text.count("    subgraph ") == len([s for s in path.stages if path.steps_in_stage(s.id)])
    assert ":::coordinator" in text and "classDef coordinator" in text
    assert "#128161;" in text  # the light bulb, as an entity inside the label


def test_user_text_cannot_leave_its_label() -> None:
    path = with_title(branching_path(), "tarve", PAYLOAD)
    for text in (to_mermaid_flowchart(path, "fi"), to_mermaid_journey(path, "fi")):
        assert "click" not in text.replace("click s0", "") or "click s0 call" not in text
        assert "<img" not in text and "%%{" not in text and "onerror=alert(1)>" not in text
        assert len(text.splitlines()) == len(to_flow_lines(text))


def to_flow_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_label_escapes_everything_but_letters_digits_and_spaces() -> None:
    assert label('a"b') == '"a#34;b"'
    assert label("äö 1") == '"äö 1"'
    assert re.fullmatch(r'"[\w #;]*"', label(PAYLOAD))


def test_journey_has_sections_scores_and_actors() -> None:
    path = builtin_paths()[1]
    text = to_mermaid_journey(path, "sv", audience="professional")
    assert text.startswith("journey\n    accTitle: ")
    assert "    title " in text and "    section " in text
    tasks = [line for line in text.splitlines() if line.startswith("      ")]
    assert len(tasks) == len(path.steps)
    assert all(re.fullmatch(r"      [^:;#\n]+: [1-5]: [^:;#\n]+", line) for line in tasks)


def test_published_page_is_self_contained_and_in_the_language() -> None:
    path = builtin_paths()[2]
    page = publish_page(path, "client", "sv", version=4)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"sv\">")
    assert "<script" not in page.lower() and "<svg" in page and "<?xml" not in page and "<!DOCTYPE svg" not in page
    assert re.search(r"""src=["']?https?:|<link\b|@import|url\(""", page) is None  # links stay links: no fetch
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "@media print" in page and "version 4" in page
    assert 'role="img"' in page and 'aria-labelledby="picture-caption"' in page


def test_published_page_escapes_text_and_never_shows_placeholder_contacts_as_real() -> None:
    path = with_title(branching_path(), "tarve", "<script>alert(1)</script>")
    contact = Contact(id="kontakti", label={"fi": "Neuvonta"}, email="esimerkki@example.invalid",
                      phone="040 000 0000", placeholder=True)
    steps = [s.model_copy(update={"contacts": ["kontakti"]}) if s.id == "tarve" else s for s in path.steps]
    path = path.model_copy(update={"contacts": [contact], "steps": steps})
    page = publish_page(path, "professional", "fi")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "esimerkki@example.invalid" not in page and "040 000 0000" not in page
    assert "Neuvonta" in page


def test_unknown_view_is_one_sentence() -> None:
    with pytest.raises(PublishError) as info:
        publish_page(branching_path(), "everyone", "fi")
    assert "client" in info.value.message("en")


def test_the_journey_scores_each_step_by_how_it_feels_to_the_client() -> None:
    path = branching_path()
    felt = {"tarve": -2, "kirjaus": None, "kokous": 2, "seuraava": None}
    steps = [step.model_copy(update={"feeling": felt.get(step.id)}) for step in path.steps]
    text = to_mermaid_journey(path.model_copy(update={"steps": steps}), "fi", audience="professional")
    tasks = [line.strip().split(": ") for line in text.splitlines() if line.startswith("      ")]
    scores = {task: int(score) for task, score, _actors in tasks}
    assert scores["Tarve tunnistetaan"] == 1 and scores["Kirjaus"] == 3
    assert scores["👥 💡 Verkostokokous (Koordinaattorin askel)"] == 5
