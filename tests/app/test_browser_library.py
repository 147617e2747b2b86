"""A real `streamlit run` in headless Chromium: library → Ari's path → the drawn diagram → a download."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from paths.formats.files import builtin_paths
from paths.i18n.catalog import t
from tests.support.browser import wait_idle

pytestmark = pytest.mark.browser

BUILTIN = {path.id: path for path in builtin_paths()}
DIAGRAM = ".polku-flow:visible svg"


def open_page(page, url: str) -> None:  # noqa: ANN001 - Playwright's Page
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp']")
    wait_idle(page)


def test_library_opens_aris_path_with_light_bulbs_and_svg_download(app_url: str, page, tmp_path: Path) -> None:  # noqa: ANN001
    open_page(page, app_url)
    page.get_by_role("heading", name=t("library.title", "fi")).wait_for()
    for path in BUILTIN.values():
        assert page.get_by_role("heading", name=path.title.fi).is_visible()

    ari = BUILTIN["ari"]
    page.get_by_role("link", name=t("library.open", "fi", title=ari.title.fi)).click()
    page.wait_for_url(re.compile(r"/path\?.*path=ari"))
    wait_idle(page)
    page.get_by_role("heading", name=ari.title.fi, level=1).wait_for()

    diagram = page.locator(DIAGRAM).first
    diagram.wait_for(timeout=30_000)
    drawn = diagram.text_content() or ""
    bulbs = drawn.count("💡")
    assert bulbs >= len(ari.coordinator_steps) >= 1
    # Every coordinator step is in the drawing with its title's first words.
    for step in ari.coordinator_steps:
        assert step.title.fi.split()[0] in drawn

    page.get_by_text(t("pathpage.downloads", "fi")).click()
    wait_idle(page)
    with page.expect_download(timeout=60_000) as download_info:
        page.get_by_role("button", name=t("pathpage.download.svg", "fi")).click()
    download = download_info.value
    assert download.suggested_filename == "ari-professional-fi.svg"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    svg = saved.read_text(encoding="utf-8")
    assert "<svg" in svg
    assert svg.count("💡") >= len(ari.coordinator_steps)


def test_shared_link_keeps_language_audience_and_path(app_url: str, page) -> None:  # noqa: ANN001
    maija = BUILTIN["maija"]
    open_page(page, f"{app_url}/?path=maija&lang=sv&audience=client")
    page.wait_for_url(re.compile(r"/path\?"))
    wait_idle(page)
    page.get_by_role("heading", name=maija.title.sv, level=1).wait_for()
    assert page.evaluate("document.documentElement.lang") == "sv"
    client = page.get_by_role("radio", name=t("pathpage.audience.client", "sv"))
    assert client.get_attribute("aria-checked") == "true"

    # Switching the language keeps the page, the path and the audience.
    page.get_by_role("radio", name="English").click()
    wait_idle(page)
    page.get_by_role("heading", name=maija.title.en, level=1).wait_for()
    assert "path=maija" in page.url and "audience=client" in page.url and "lang=en" in page.url
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.get_by_role("radio", name=t("pathpage.audience.client", "en")).get_attribute("aria-checked") == "true"


def test_flow_diagram_scrolls_sideways_at_its_own_size_and_fits_when_asked(app_url: str, page) -> None:  # noqa: ANN001
    """The wide Pohjanmaa diagram keeps its readable size in its own sideways scroll (the page itself
    does not scroll sideways); "fit" shrinks it into the page's width, and the choice survives a rerun."""
    open_page(page, f"{app_url}/?path=pohjanmaa&layout=wide")
    page.locator(DIAGRAM).first.wait_for(timeout=30_000)
    measure = """() => {
        const box = document.querySelector(".polku-flow");
        if (!box || !box.querySelector('svg')) return null;  // between a rerun and the new drawing
        const svg = box.querySelector('svg').getBoundingClientRect();
        box.scrollLeft = 400;  // only a real scroll box moves
        const moved = box.scrollLeft;
        box.scrollLeft = 0;
        return {svg: svg.width, box: box.clientWidth, scroll: box.scrollWidth, moved,
                page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth};
    }"""
    # The page's stylesheet travels in the sidebar's note element: the legend is laid out by it.
    assert page.evaluate("getComputedStyle(document.querySelector('.polku-legend ul')).display") == "flex"
    natural = page.evaluate(measure)
    assert natural["svg"] > natural["box"] and natural["scroll"] > natural["box"] and natural["moved"] > 0
    assert natural["page"] <= natural["viewport"]

    page.get_by_text(t("pathpage.fit", "fi")).click()
    wait_idle(page)
    fits = f"() => {{ const m = ({measure})(); return m !== null && m.svg <= m.box + 1; }}"
    page.wait_for_function(fits)
    fitted = page.evaluate(measure)
    assert fitted["scroll"] <= fitted["box"] + 1 and fitted["moved"] == 0

    page.get_by_role("radio", name=t("pathpage.audience.client", "fi")).click()  # a rerun keeps "fit"
    wait_idle(page)
    assert page.get_by_role("switch", name=t("pathpage.fit", "fi")).is_checked()
    page.wait_for_function(fits)  # the client view's diagram, drawn anew, still fits
