"""The editor's canvas in real Chromium: a drag to another stage and lane, a connection drawn by dragging
(then its condition named), Delete and undo, each saved as a version; and two facilitators in two
browsers editing different steps — both changes end up in the final version, no conflict screen,
and one facilitator's canvas shows the other's saved change by itself; a step's feeling set from the
canvas's toolbar (shown on the card, in the form, saved, undone); and the canvas's undo still taking
back my own edit after the canvas followed another facilitator's save (issue 11)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from paths.i18n.catalog import t
from paths.render.experience import feeling_label
from paths.store.library import Store
from tests.support.browser import seeded_server, wait_idle
from tests.support.factories import branching_path

pytestmark = pytest.mark.browser
SLOW = 120_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    paths = [branching_path(id=f"canvas-{name}") for name in ("one", "two", "feel", "undo")]
    with seeded_server(tmp_path_factory.mktemp("canvas"), *paths) as served:
        yield served


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


@contextmanager
def canvases(chromium, url: str, path_id: str, count: int = 1) -> Iterator[tuple[Page, ...]]:  # noqa: ANN001
    """`count` facilitators, each in a browser of their own, with the path's canvas open."""
    contexts = [chromium.new_context(viewport={"width": 1400, "height": 1800}, locale="fi-FI") for _ in range(count)]
    try:
        pages = tuple(context.new_page() for context in contexts)
        for page in pages:
            open_canvas(page, url, path_id)
        yield pages
    finally:
        for context in contexts:
            context.close()


def test_drag_connect_delete_and_undo_on_the_canvas_are_saved_as_versions(chromium, server) -> None:  # noqa: ANN001
    url, db = server
    with canvases(chromium, url, "canvas-one") as (page,):
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


def rename_on_canvas(page: Page, step_id: str, title: str) -> None:
    card(page, step_id).dblclick()
    field = page.get_by_label(t("canvas.rename", "fi"))
    field.fill(title)
    field.press("Enter")
    expect(card(page, step_id)).to_contain_text(title, timeout=SLOW)


def test_two_facilitators_editing_different_steps_both_keep_their_changes(chromium, server) -> None:  # noqa: ANN001
    url, db = server
    with canvases(chromium, url, "canvas-two", 2) as (anna, ben):
        rename_on_canvas(anna, "tarve", "Annan nimi")
        save(anna, 2)
        # Ben has not touched anything: his canvas follows Anna's save by itself (no reload).
        expect(card(ben, "tarve")).to_contain_text("Annan nimi", timeout=SLOW)
        # Both edit different steps from the same version, then both save.
        rename_on_canvas(anna, "kokous", "Annan kokous")
        rename_on_canvas(ben, "seuranta", "Benin seuranta")
        save(anna, 3)
        save(ben, 4)
        # Merged on save, or (when Ben's canvas followed Anna's version 3 with his edit on top before he
        # pressed save) saved plainly: either way no conflict screen, and both changes are in version 4.
        merged = ben.get_by_text(t("editor.save.merged", "fi", version=4, theirs=3))
        saved = ben.get_by_text(t("editor.save.saved", "fi", version=4))
        expect(merged.or_(saved)).to_be_visible(timeout=SLOW)
        expect(ben.get_by_text(t("editor.conflict.rebase", "fi"))).to_have_count(0)
        path, version = stored(db, "canvas-two")
        assert version == 4
        assert path.step("tarve").title.fi == "Annan nimi"
        assert path.step("kokous").title.fi == "Annan kokous"
        assert path.step("seuranta").title.fi == "Benin seuranta"


def feeling_button(page: Page, score: int | None):  # noqa: ANN201 - a Locator
    name = t("canvas.feeling_none", "fi") if score is None else feeling_label(score, "fi")
    return page.locator(".pc-feelings").get_by_role("button", name=name, exact=True)


def test_a_feeling_set_on_the_canvas_shows_on_the_card_in_the_form_and_is_saved(chromium, server) -> None:  # noqa: ANN001
    url, db = server
    with canvases(chromium, url, "canvas-feel") as (page,):
        expect(feeling_button(page, -1)).to_be_disabled()  # nothing selected yet
        card(page, "tarve").click()
        expect(feeling_button(page, -1)).to_be_enabled()
        feeling_button(page, -1).click()
        mark = card(page, "tarve").locator(".pc-feeling")
        expect(mark).to_have_text(feeling_label(-1, "fi"), timeout=SLOW)
        expect(feeling_button(page, -1)).to_have_attribute("aria-pressed", "true")  # still selected after the redraw
        wait_idle(page, SLOW)
        page.locator(".pc-undo").click()
        expect(mark).to_have_count(0, timeout=SLOW)
        wait_idle(page, SLOW)
        # The keyboard way: focus the card (selects it), then the toolbar's button with Enter.
        card(page, "tarve").focus()
        feeling_button(page, 2).focus()
        page.keyboard.press("Enter")
        expect(mark).to_have_text(feeling_label(2, "fi"), timeout=SLOW)
        wait_idle(page, SLOW)
        page.get_by_role("radio", name=t("editor.section.step", "fi"), exact=True).click()
        # The step form opens on the step just scored, its feeling box showing the canvas's choice.
        feeling = page.get_by_role("combobox", name=t("experience.label.feeling", "fi"), exact=True)
        expect(feeling).to_have_value(feeling_label(2, "fi"), timeout=SLOW)
        save(page, 2)
        assert stored(db, "canvas-feel")[0].step("tarve").feeling == 2


def test_canvas_undo_takes_back_my_edit_after_following_anothers_save(chromium, server) -> None:  # noqa: ANN001
    url, db = server
    with canvases(chromium, url, "canvas-undo", 2) as (anna, ben):
        rename_on_canvas(anna, "tarve", "Annan keskeneräinen")
        wait_idle(anna, SLOW)
        rename_on_canvas(ben, "kokous", "Benin kokous")
        save(ben, 2)
        # Anna's canvas follows Ben's save (her unsaved rename stays) and redraws ...
        expect(card(anna, "kokous")).to_contain_text("Benin kokous", timeout=SLOW)
        expect(card(anna, "tarve")).to_contain_text("Annan keskeneräinen")
        wait_idle(anna, SLOW)
        # ... and its undo still takes back her rename, not Ben's.
        expect(anna.locator(".pc-undo")).to_be_enabled()
        anna.locator(".pc-undo").click()
        expect(card(anna, "tarve")).not_to_contain_text("Annan keskeneräinen", timeout=SLOW)
        expect(card(anna, "kokous")).to_contain_text("Benin kokous")
        path, version = stored(db, "canvas-undo")
        assert version == 2 and path.step("kokous").title.fi == "Benin kokous"
