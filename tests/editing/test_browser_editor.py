"""The editor in headless Chromium against a real `streamlit run`: the table editor (a canvas grid)
and picking a step by clicking its marker in the blueprint. Edits stay unsaved. The module has a
server of its own (the grid's cell edit, typed at canvas coordinates, was lost in CI's full runs on the
server every browser test shares, though it held on a fresh one)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from paths.formats.files import builtin_paths
from paths.i18n.catalog import t
from tests.support.browser import seeded_server, wait_idle

pytestmark = pytest.mark.browser

BUILTIN = {path.id: path for path in builtin_paths()}
SLOW = 120_000


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's own server, with the built-in paths."""
    with seeded_server(tmp_path_factory.mktemp("editor")) as (url, _database):
        yield url
DIAGRAM = ".st-key-polku_ed_diagram .polku-flow svg"  # drawn on the server by `dot`


def open_editor(page, url: str, path_id: str) -> None:  # noqa: ANN001 - Playwright's Page
    page.goto(f"{url}/edit?path={path_id}")
    page.wait_for_selector("[data-testid='stApp']")
    page.get_by_role("radio", name=t("editor.section.step", "fi"), exact=True).wait_for(timeout=SLOW)
    page.locator(DIAGRAM).first.wait_for(timeout=SLOW)
    wait_idle(page, SLOW)


def open_cell_editor(page, grid, editor) -> None:  # noqa: ANN001 - Playwright objects
    """The grid is a canvas: select the first row's id cell (after the row-marker column), move two
    columns right to the name and open its editor. The canvas takes focus a moment after it is
    drawn, so the gesture is repeated (at most three times) until the editor appears."""
    for _ in range(3):
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 80, box["y"] + 57)
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        try:
            editor.wait_for(timeout=5_000)
            return
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
    editor.wait_for(timeout=SLOW)


def test_table_editor_cell_edit_updates_the_diagram(app_url: str, page) -> None:  # noqa: ANN001
    maija = BUILTIN["maija"]
    first = maija.steps[0]
    open_editor(page, app_url, "maija")
    assert "Uusi nimi taulukosta" not in (page.locator(DIAGRAM).first.text_content() or "")
    page.get_by_role("radio", name=t("editor.section.table", "fi")).click()
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=SLOW)
    page.wait_for_timeout(1000)  # let the section's rerun settle before typing into the grid
    wait_idle(page, SLOW)
    grid.scroll_into_view_if_needed()
    editor = page.locator("textarea.gdg-input").first
    cell = grid.get_by_test_id("glide-cell-3-0")
    expect(cell).to_have_text(first.title.fi, timeout=SLOW)
    # A rerun that lands while the cell editor is open redraws the grid and drops the open edit, as it
    # would for a person, who then types it again: the gesture is repeated (at most three times).
    for _ in range(3):
        wait_idle(page, SLOW)
        open_cell_editor(page, grid, editor)
        page.keyboard.press("Control+a")
        page.keyboard.type("Uusi nimi taulukosta")
        expect(editor).to_have_value("Uusi nimi taulukosta")
        page.keyboard.press("Enter")
        try:
            expect(cell).to_have_text("Uusi nimi taulukosta", timeout=10_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    expect(cell).to_have_text("Uusi nimi taulukosta", timeout=SLOW)

    unsaved = t("editor.save.state_dirty", "fi", version=1, summary="1 askel muutettu").split(";")[1].strip()
    expect(page.get_by_text(unsaved, exact=False).first).to_be_visible(timeout=SLOW)
    diagram = page.locator(DIAGRAM).first
    expect(diagram).to_contain_text("Uusi nimi taulukosta", timeout=SLOW)
    assert maija.steps[1].title.fi.split()[0] in (diagram.text_content() or "")


def test_clicking_a_step_in_the_blueprint_opens_its_form(app_url: str, page) -> None:  # noqa: ANN001
    ari = BUILTIN["ari"]
    open_editor(page, app_url, "ari")
    plot = page.locator("[data-testid='stPlotlyChart']").first
    plot.wait_for(timeout=SLOW)
    plot.scroll_into_view_if_needed()
    points = plot.locator("g.scatterlayer g.trace path.point")
    expect(points.first).to_be_attached(timeout=SLOW)
    # Which step each drawn marker stands for: the trace's customdata at the point's index.
    step_ids = points.evaluate_all(
        """els => els.map(el => {
            const trace = el.closest('g.trace').__data__[0].trace;
            return trace.customdata ? trace.customdata[el.__data__.i] : null;
        })"""
    )
    target = ari.coordinator_steps[-1]
    index = max(i for i, step_id in enumerate(step_ids) if step_id == target.id)
    box = points.nth(index).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    heading = page.get_by_role("heading", name=t("editor.step.heading", "fi", name=target.title.fi))
    expect(heading).to_be_visible(timeout=SLOW)
    title_box = page.get_by_label(t("editor.field.title", "fi"), exact=True).first
    expect(title_box).to_have_value(target.title.fi, timeout=SLOW)
    expect(page.get_by_role("switch", name=t("editor.field.coordinator", "fi"))).to_be_checked(timeout=SLOW)
