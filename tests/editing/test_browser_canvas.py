"""The editor's canvas in real Chromium: a drag to another stage and lane, a connection drawn by dragging
(then its condition named), Delete and undo, each saved as a version; and two facilitators in two
browsers editing different steps — both changes end up in the final version, no conflict screen,
and one facilitator's canvas shows the other's saved change by itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from paths.i18n.catalog import t
from paths.store.library import Store
from tests.support.browser import streamlit_server, wait_idle
from tests.support.factories import branching_path

pytestmark = pytest.mark.browser
SLOW = 120_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    directory = tmp_path_factory.mktemp("canvas")
    store = Store(f"sqlite:///{directory / 'polku.db'}")
    try:
        store.ensure_seeded()
        store.save_path(branching_path(id="canvas-one"), "Testaaja")
        store.save_path(branching_path(id="canvas-two"), "Testaaja")
    finally:
        store.close()
    with streamlit_server(directory, env={"POLKU_AUTH": ""}) as url:
        yield url, directory / "polku.db"


def stored(db: Path, path_id: str):  # noqa: ANN201 - a ServicePath
    store = Store(f"sqlite:///{db}")
    try:
        return store.get_path(path_id), store.latest_version(path_id)
    finally:
        store.close()


def open_canvas(page: Page, url: str, path_id: str) -> None:
    page.goto(f"{url}/edit?path={path_id}")
    page.get_by_role("radio", name=t("editor.section.canvas", "fi").split(" ", 1)[1]).click(timeout=SLOW)
    page.locator(".pc-card").first.wait_for(timeout=SLOW)
    wait_idle(page, SLOW)


def card(page: Page, step_id: str):  # noqa: ANN201 - a Locator
    return page.locator(f".pc-card[data-step='{step_id}']")


def drag(page: Page, source, target) -> None:  # noqa: ANN001 - Locators
    """A real pointer drag: press, move in small steps, release."""
    page.locator(".pc-grid").scroll_into_view_if_needed()
    start, end = source.bounding_box(), target.bounding_box()
    x0, y0 = start["x"] + start["width"] / 2, start["y"] + start["height"] / 2
    x1, y1 = end["x"] + end["width"] / 2, end["y"] + end["height"] / 2
    page.mouse.move(x0, y0)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(x0 + (x1 - x0) * step / 10, y0 + (y1 - y0) * step / 10)
    page.mouse.up()


def save(page: Page, version: int) -> None:
    """Save as a draft and wait for the "saved as version N" message (a plain or a merged save)."""
    wait_idle(page, SLOW)
    page.get_by_role("button", name=t("editor.save.draft", "fi")).click()
    saved = t("editor.save.saved", "fi", version=version).rstrip(".")
    expect(page.get_by_text(saved, exact=False).first).to_be_visible(timeout=SLOW)
    wait_idle(page, SLOW)


def test_drag_connect_delete_and_undo_on_the_canvas_are_saved_as_versions(chromium, server) -> None:  # noqa: ANN001
    url, db = server
    context = chromium.new_context(viewport={"width": 1400, "height": 1800}, locale="fi-FI")
    try:
        page = context.new_page()
        open_canvas(page, url, "canvas-one")
        # Drag "Tarve tunnistetaan" into the stage "Yhteys", the coordinator's lane.
        drag(page, card(page, "tarve"), page.locator(".pc-cell[data-stage='yhteys'][data-lane='koordinaattori']"))
        expect(page.locator(".pc-cell[data-stage='yhteys'][data-lane='koordinaattori'] .pc-card[data-step='tarve']"))\
            .to_be_visible(timeout=SLOW)
        save(page, 2)
        path, version = stored(db, "canvas-one")
        assert version == 2 and path.step("tarve").stage == "yhteys"
        assert path.step("tarve").actors[0] == "koordinaattori"

        # Drag from the handle of "Tarve" to "Verkostokokous", then name the condition.
        drag(page, card(page, "tarve").locator(".pc-handle"), card(page, "kokous"))
        condition = page.get_by_label(t("canvas.condition", "fi"))
        condition.fill("jos verkosto tarvitaan")
        condition.press("Enter")
        expect(page.locator(".pc-edge-label", has_text="jos verkosto tarvitaan")).to_have_count(1, timeout=SLOW)
        save(page, 3)
        path, version = stored(db, "canvas-one")
        assert version == 3
        assert any(tr.source == "tarve" and tr.target == "kokous" and tr.condition.fi == "jos verkosto tarvitaan"
                   for tr in path.transitions)

        # Select a step, press Delete; undo brings it back.
        card(page, "kirjaus").click()
        page.keyboard.press("Delete")
        expect(card(page, "kirjaus")).to_have_count(0, timeout=SLOW)
        wait_idle(page, SLOW)
        page.locator(".pc-undo").click()
        expect(card(page, "kirjaus")).to_have_count(1, timeout=SLOW)
        card(page, "kirjaus").click()
        page.keyboard.press("Delete")
        expect(card(page, "kirjaus")).to_have_count(0, timeout=SLOW)
        save(page, 4)
        path, version = stored(db, "canvas-one")
        assert version == 4 and path.step("kirjaus") is None

        # Double-click renames.
        card(page, "kokous").dblclick()
        title = page.get_by_label(t("canvas.rename", "fi"))
        title.fill("Verkostokokous koolle")
        title.press("Enter")
        expect(card(page, "kokous")).to_contain_text("Verkostokokous koolle", timeout=SLOW)
        save(page, 5)
        assert stored(db, "canvas-one")[0].step("kokous").title.fi == "Verkostokokous koolle"
    finally:
        context.close()


def rename_on_canvas(page: Page, step_id: str, title: str) -> None:
    card(page, step_id).dblclick()
    field = page.get_by_label(t("canvas.rename", "fi"))
    field.fill(title)
    field.press("Enter")
    expect(card(page, step_id)).to_contain_text(title, timeout=SLOW)


def test_two_facilitators_editing_different_steps_both_keep_their_changes(chromium, server) -> None:  # noqa: ANN001
    url, db = server
    first = chromium.new_context(viewport={"width": 1400, "height": 1800}, locale="fi-FI")
    second = chromium.new_context(viewport={"width": 1400, "height": 1800}, locale="fi-FI")
    try:
        anna, ben = first.new_page(), second.new_page()
        open_canvas(anna, url, "canvas-two")
        open_canvas(ben, url, "canvas-two")
        rename_on_canvas(anna, "tarve", "Annan nimi")
        save(anna, 2)
        # Ben has not touched anything: his canvas follows Anna's save by itself (no reload).
        expect(card(ben, "tarve")).to_contain_text("Annan nimi", timeout=SLOW)
        # Both edit different steps from the same version, then both save.
        rename_on_canvas(anna, "kokous", "Annan kokous")
        rename_on_canvas(ben, "seuranta", "Benin seuranta")
        save(anna, 3)
        save(ben, 4)
        expect(ben.get_by_text(t("editor.save.merged", "fi", version=4, theirs=3))).to_be_visible(timeout=SLOW)
        expect(ben.get_by_text(t("editor.conflict.rebase", "fi"))).to_have_count(0)
        path, version = stored(db, "canvas-two")
        assert version == 4
        assert path.step("tarve").title.fi == "Annan nimi"
        assert path.step("kokous").title.fi == "Annan kokous"
        assert path.step("seuranta").title.fi == "Benin seuranta"
    finally:
        first.close()
        second.close()
