"""The one Markdown escape (paths/render/escape.py): nothing in a text becomes markup (issue 15, item 2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from paths.render.escape import md_escape, md_link

ROOT = Path(__file__).resolve().parents[2]
_SPECIAL = re.compile(r"[\\`*_{}\[\]()<>#+\-.!|~:$&\"'=^%]")


@pytest.mark.parametrize(
    "text",
    [
        "![i](https://example.invalid/pixel.png)",
        "[click](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "&lt;script&gt;",
        ":red[punainen] :material/home: :smile:",
        "$x^2$",
        "# otsikko",
        "- lista",
        "1. numeroitu",
        "| a | b |",
        "~~yli~~ **lihava** _kursiivi_ `koodi`",
        "https://example.invalid www.example.invalid",
        "a\\b",
    ],
)
def test_no_markdown_punctuation_is_left_unescaped(text: str) -> None:
    escaped = md_escape(text)
    assert not _SPECIAL.search(re.sub(r"\\.", "", escaped)), escaped  # every special character escaped
    assert re.sub(r"\\(.)", r"\1", escaped) == " ".join(text.split())


def test_one_line_without_control_characters() -> None:
    assert md_escape("rivi 1\n\n    rivi 2\x07\t") == "rivi 1 rivi 2"


@pytest.mark.parametrize("url", ["https://example.invalid/a b", "https://example.invalid/a\nb", "javascript:alert(1)",
                                 "data:text/html,x", " "])
def test_a_url_that_may_not_be_a_link_is_shown_as_text(url: str) -> None:
    shown = md_link("Lomake", url)
    assert "](" not in shown and shown.startswith("Lomake: ")


def test_a_good_url_is_a_link_whose_parentheses_cannot_end_it() -> None:
    assert md_link("Lomake [Y]", "https://example.invalid/a_(b)") == (
        "[Lomake \\[Y\\]](https://example.invalid/a_%28b%29)"
    )


def test_there_is_one_markdown_escape() -> None:
    """The house rule: the escape is written once; pages import it, none defines its own."""
    defined = [
        str(file.relative_to(ROOT))
        for folder in ("paths", "components")
        for file in (ROOT / folder).rglob("*.py")
        if re.search(r"^def (md_escape|_?markdown_escape)\b", file.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert defined == ["paths/render/escape.py"]
