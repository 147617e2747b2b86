"""What every fuzz case must end in: a stored path that every export writes and reads back, or one
clear sentence with nothing stored (issue 15)."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from hypothesis import event
from hypothesis.control import currently_in_test_context

from paths.formats.files import dump_json, dump_yaml, load_path_bytes
from paths.formats.spreadsheet import to_csv, to_xlsx
from paths.i18n.catalog import UserError
from paths.model.schema import LANGS, ServicePath
from paths.render.dot import to_dot
from paths.render.text import to_text
from paths.render.text_html import to_html
from paths.render.text_markdown import to_markdown
from paths.store.library import Store

SENTENCE_LIMIT = 1200


def assert_one_sentence(error: UserError) -> None:
    """One sentence in every language: not empty, one line, no traceback, bounded in length."""
    for lang in LANGS:
        message = error.message(lang)
        assert message.strip(), error.key
        assert "\n" not in message and "\r" not in message, message[:200]
        assert "Traceback" not in message and len(message) <= SENTENCE_LIMIT, message[:200]


def _count(outcome: str) -> None:
    """An outcome for hypothesis' statistics (`--hypothesis-show-statistics`); the corpus runs outside it."""
    if currently_in_test_context():
        event(outcome)


def stored_or_refused(read: Callable[[], ServicePath], store: Store) -> ServicePath | None:
    """Run one reader on one input. A refusal must be one sentence and change nothing in `store`;
    a path must then be saved, read back equal, and written by every fast export."""
    before = store.count_paths()
    try:
        path = read()
    except UserError as exc:
        assert_one_sentence(exc)
        assert store.count_paths() == before
        _count(f"refused: {exc.key}")
        return None
    latest = store.latest_version(path.id)
    try:
        store.save_path(path, "fuzz")
    except UserError as exc:
        assert_one_sentence(exc)
        assert store.count_paths() == before and store.latest_version(path.id) == latest
        return None
    stored = store.get_path(path.id)
    assert stored is not None
    assert_fast_exports(stored)
    _count("stored and exported")
    return stored


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


def assert_safe_html(document: str) -> None:
    """No script, no event handler, no link or source outside http(s)/mailto/#, nothing loaded."""
    parser = _Tags()
    parser.feed(document)
    assert not {"script", "iframe", "img", "object", "embed", "link", "svg"} & set(parser.tags), parser.tags
    for name, value in parser.attrs:
        assert not name.startswith("on"), name
        if name in ("href", "src"):
            assert (value or "").startswith(("https://", "http://", "mailto:", "#")), value


_UNESCAPED_MARKUP = re.compile(r"(?<!\\)(?:\]\(|!\[|<[a-zA-Z/!])")


def assert_safe_markdown(document: str) -> None:
    """No image, no raw HTML, and links only where the writer made them (`](` of a safe href)."""
    for match in _UNESCAPED_MARKUP.finditer(document):
        assert match.group() == "](" and document[match.end():].startswith(("https://", "http://", "mailto:")), (
            document[max(0, match.start() - 40): match.end() + 40]
        )


def assert_fast_exports(path: ServicePath) -> None:
    """Every export that runs in-process: YAML and JSON read back equal; CSV and XLSX are written
    (their re-reading is the spreadsheet suite's); DOT, HTML, Markdown and text are written safely."""
    assert load_path_bytes(dump_yaml(path).encode("utf-8"), "fuzz.yaml") == path
    assert load_path_bytes(dump_json(path).encode("utf-8"), "fuzz.json") == path
    for lang in ("fi", "en"):
        assert to_csv(path, lang) and to_xlsx(path, lang)
    for audience in ("professional", "client"):
        dot = to_dot(path, "fi", audience)
        assert dot.startswith(("digraph", "strict digraph")) and "\x00" not in dot
        assert_safe_html(to_html(path, "fi", audience, standalone=True))
        assert_safe_markdown(to_markdown(path, "fi", audience))
        assert to_text(path, "fi", audience)
