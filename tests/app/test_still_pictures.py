"""AppTest: every picture of a path is drawn on the server by `dot` and shown by the flow-diagram component
(no `st.graphviz_chart`, no layout work in the browser): the editor's diagram, the views page's preview, and
what each page shows when `dot` cannot draw (one sentence why, and the path as text)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from paths.i18n.catalog import t
from paths.render.escape import md_escape
from paths.store.library import Store
from paths.workshops.workshop import WorkshopStore
from tests.support.apptest import flow_data, ok, page_script, run_script, seeded_app_store
from tests.support.factories import branching_path

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PRELUDE = "from components.common import sync_lang\nsync_lang()\n"
EDITOR = page_script("components.editor.page", "editor_page")
VIEWS = PRELUDE + page_script("components.views_page", "views_page")
NO_DOT = "/nonexistent/dot"
PATH = branching_path()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store for each test (the pictures are cached per store URL), with the test path saved."""
    with seeded_app_store(tmp_path) as seeded:
        seeded.save_path(PATH, "Testaaja")
        yield seeded


def pictures(at: AppTest) -> list[dict]:
    """What each flow-diagram component on the page was sent."""
    return [flow_data(component) for component in at.get("bidi_component") if component.proto.bytes]


def drawn_texts(svg: str) -> str:
    return " ".join(html.unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg))


def html_bodies(at: AppTest) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


def no_dot_caption(at: AppTest) -> bool:
    wanted = md_escape(f"{t('render.error.no_dot', 'fi')} {t('diagrams.text_instead', 'fi')}")
    return any(caption.value == wanted for caption in at.caption)


def test_the_editor_shows_the_server_drawn_diagram_with_its_legend(store: Store) -> None:
    at = ok(run_script(EDITOR, timeout=90, path=PATH.id))
    [picture] = pictures(at)
    assert picture["steps"] == {} and picture["fit"] is False  # nothing to click; a wide one scrolls
    assert picture["label"] == t("editor.diagram_alt", "fi", title=PATH.title.fi)
    texts = drawn_texts(picture["drawings"]["wide"])
    assert all(step.title.fi.split()[0] in texts for step in PATH.steps)
    assert t("render.legend.title", "fi") in texts


def test_the_editor_without_dot_shows_the_path_as_text(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLKU_DOT", NO_DOT)
    at = ok(run_script(EDITOR, timeout=90, path=PATH.id))
    assert not pictures(at) and no_dot_caption(at)
    assert "polku-text" in html_bodies(at) and html.escape(PATH.steps[0].title.fi) in html_bodies(at)


def test_the_views_preview_is_drawn_on_the_server_for_the_chosen_view(store: Store) -> None:
    at = ok(run_script(VIEWS, path=PATH.id, view="client"))
    [picture] = pictures(at)
    assert picture["label"] == t("views.diagram_alt", "fi")
    texts = drawn_texts(picture["drawings"]["wide"])
    assert "Kirjaus" not in texts  # the back-office step is not in the client view
    assert PATH.step("tarve").title.fi.split()[0] in texts
    assert [e.label for e in at.expander] and t("views.text_version", "fi") in [e.label for e in at.expander]


def test_the_views_preview_without_dot_is_the_text_version(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLKU_DOT", NO_DOT)
    at = ok(run_script(VIEWS, path=PATH.id, view="professional"))
    assert not pictures(at) and no_dot_caption(at)
    assert t("views.text_version", "fi") not in [e.label for e in at.expander]  # the text is shown already
    assert "polku-text" in html_bodies(at)


def test_the_path_page_without_dot_shows_the_text_version(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLKU_DOT", NO_DOT)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["path"] = PATH.id
    ok(at.run())
    assert not pictures(at) and no_dot_caption(at)
    assert "polku-text" in html_bodies(at)


def test_the_print_view_without_dot_says_why(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLKU_DOT", NO_DOT)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["path"] = PATH.id
    at.query_params["audience"] = "print"
    ok(at.run())
    assert not at.get("imgs") and not pictures(at) and no_dot_caption(at)
    assert "polku-text" in html_bodies(at)  # the print view's own text version


def test_the_workshop_picture_without_dot_is_the_text_version(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLKU_DOT", NO_DOT)
    workshop = WorkshopStore(store).open_workshop(PATH.id, "Testaaja")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["join"] = workshop.code
    ok(at.run())
    assert no_dot_caption(at) and "polku-text" in html_bodies(at)
    assert "data:image/svg+xml" not in html_bodies(at)
