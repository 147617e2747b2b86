"""Real `streamlit run` in headless Chromium: the blueprint's experience line (words on the picture, in a band
under the stage titles and above the lanes) and the compare page (two pictures side by side, the differences)."""

from __future__ import annotations

import pytest

from paths.editing import edits
from paths.editing import experience as ex
from paths.i18n.catalog import t
from paths.store.library import get_store
from tests.support.browser import streamlit_server, wait_idle
from tests.support.factories import branching_path

pytestmark = pytest.mark.browser
PLOT = "[data-testid='stPlotlyChart']"


@pytest.fixture(scope="module")
def xp_url(tmp_path_factory: pytest.TempPathFactory):
    """A server whose store holds a scored path and a current/target pair."""
    directory = tmp_path_factory.mktemp("xp-browser")
    store = get_store(f"sqlite:///{directory / 'polku.db'}")
    store.ensure_seeded()
    scored = ex.set_feeling(branching_path(id="xp-line"), "tarve", -2)
    scored = ex.set_feeling(scored, "kokous", 2)
    scored = ex.set_items(scored, "tarve", "pain_points", ["Jono on pitkä"], "fi")
    store.save_path(ex.set_feeling(scored, "loppu", 0), "Testi")
    current = branching_path(id="xp-now", current_of="xp-goal")
    target = edits.remove_step(branching_path(id="xp-goal", target_of="xp-now"), "kirjaus", bridge=True)
    store.save_path(current, "Testi")
    store.save_path(target, "Testi")
    store.engine.dispose()
    with streamlit_server(directory) as url:
        yield url


def open_page(page, url: str) -> None:  # noqa: ANN001 - Playwright's Page
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp']")
    wait_idle(page)


def test_the_experience_line_says_its_words_under_the_stage_titles(xp_url: str, page) -> None:  # noqa: ANN001
    open_page(page, f"{xp_url}/path?path=xp-line&lang=en")
    page.get_by_role("radio", name=t("pathpage.shown.blueprint", "en")).click()
    wait_idle(page)
    chart = page.locator(PLOT).first
    chart.locator("svg.main-svg").first.wait_for(timeout=30_000)
    words = chart.locator("text", has_text="very hard")
    assert words.count() >= 2  # beside the point and as the band's axis tick "😣 −2 very hard"
    point_word = chart.locator("g.textpoint text", has_text="very hard").first
    tick = chart.locator("g.y2tick text", has_text="very good").first
    stage = chart.locator("g.xtick text").first
    lane = chart.locator("g.ytick text").first
    point_box, stage_box, lane_box = point_word.bounding_box(), stage.bounding_box(), lane.bounding_box()
    assert tick.is_visible()
    # Under the stage titles and above the first lane.
    assert stage_box["y"] < point_box["y"] < lane_box["y"]
    assert chart.locator("g.textpoint text", has_text="neutral").count() == 1


def test_compare_page_shows_both_pictures_side_by_side_and_the_differences(xp_url: str, page) -> None:  # noqa: ANN001
    open_page(page, f"{xp_url}/compare?path=xp-now&lang=en")  # the other path comes from the link in the file
    page.get_by_role("heading", name=t("compare.differences", "en")).wait_for()
    charts = page.locator(PLOT)
    charts.nth(1).locator("svg.main-svg").first.wait_for(timeout=30_000)
    left, right = charts.nth(0).bounding_box(), charts.nth(1).bounding_box()
    assert left["x"] + left["width"] <= right["x"] + 1 and abs(left["y"] - right["y"]) < 5
    differences = page.locator(".polku-differences li")
    texts = differences.all_text_contents()
    assert "Step removed: Kirjaus" in texts
    assert any(text.startswith("Hand-off added: Tarve tunnistetaan (Client)") for text in texts)
    assert page.get_by_role("heading", name=t("compare.figures", "en")).is_visible()
    assert page.locator("[data-testid='stTable']").get_by_text("Change").is_visible()


@pytest.mark.parametrize("target", [
    "/compare?path=xp-now&other=xp-goal&lang=en",
    "/portfolio?lang=sv",
    "/path?path=xp-line",
])
def test_experience_pages_have_no_serious_axe_violation(xp_url: str, chromium, target: str) -> None:  # noqa: ANN001
    """axe-core (tests/app/test_browser_axe.py's scan) on the compare and portfolio pages and on a scored
    path's page with the figures open."""
    from tests.app.test_browser_axe import AXE, blocking

    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `npm ci --no-audit --no-fund` in the repository root")
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    page = context.new_page()
    try:
        open_page(page, xp_url + target)
        if target.startswith("/portfolio"):
            page.get_by_text("Jono on pitkä").first.wait_for(state="attached", timeout=30_000)  # in the grid
        if target.startswith("/path"):
            page.get_by_text(t("experience.dashboard.title", "fi")).click()
            wait_idle(page)
            page.locator("[data-testid='stMetric']").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)
        wait_idle(page)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    findings = [{"rule": v["id"], "impact": v["impact"], "target": " ".join(map(str, n["target"])),
                 "html": n["html"][:200], "help": v["help"]} for v in result["violations"] for n in v["nodes"]]
    assert not blocking(findings), "\n".join(blocking(findings))
