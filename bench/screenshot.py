"""Screenshots of the app in headless Chromium (for the README and for checking layouts by eye).

Run: `python bench/screenshot.py` → docs/screenshot.png (Ari's path page at 1440 px),
docs/screenshot-phone.png (Pohjanmaa's client view on a 390 px phone: the portrait layout) and
docs/screenshot-blueprint.png (Pohjanmaa's service blueprint at 1280 px); with `--all`
also the library, the path page, the blueprint and the text version at 1280 and 768 px (a tablet)
into bench/out/. Uses its own temporary store, like the browser tests.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from paths.i18n.catalog import t  # noqa: E402
from tests.support.browser import launch_chromium, streamlit_server, wait_idle  # noqa: E402

README_SHOT = ROOT / "docs" / "screenshot.png"
DOC_SHOTS = (  # (file, width, height, path page query)
    ("screenshot-phone.png", 390, 844, "path=pohjanmaa&audience=client"),
    ("screenshot-blueprint.png", 1280, 900, "path=pohjanmaa&show=blueprint"),
)
OUT = ROOT / "bench" / "out"


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp']")
    wait_idle(page)


def _settle(page: Page) -> None:
    wait_idle(page)
    page.wait_for_timeout(1200)


def _path_page(page: Page, base: str, path_id: str, lang: str, tab: str | None = None) -> None:
    _open(page, f"{base}/path?path={path_id}&lang={lang}")
    page.wait_for_selector(".polku-flow:visible svg g", timeout=30_000)
    if tab:
        page.get_by_role("radio", name=t(f"pathpage.shown.{tab}", lang)).click()
        _settle(page)
    _settle(page)


def readme_shot(browser, base: str) -> None:  # noqa: ANN001 - Playwright's Browser
    """Ari's path page on a 1440 x 1080 screen: title, the row of controls and the diagram with its light bulbs."""
    page = browser.new_page(viewport={"width": 1440, "height": 1080})
    _path_page(page, base, "ari", "fi")
    README_SHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(README_SHOT))
    page.close()
    print(f"wrote {README_SHOT.relative_to(ROOT)}")


def doc_shots(browser, base: str) -> None:  # noqa: ANN001 - Playwright's Browser
    """The screenshots docs/diagrams.md shows."""
    for name, width, height, query in DOC_SHOTS:
        page = browser.new_page(viewport={"width": width, "height": height})
        _open(page, f"{base}/path?{query}")
        picture = page.locator(".polku-flow:visible, [data-testid='stPlotlyChart']").first
        picture.wait_for(timeout=60_000)
        _settle(page)
        picture.evaluate("element => element.scrollIntoView({block: 'start'})")  # the picture, from its top
        page.wait_for_timeout(300)
        page.screenshot(path=str(ROOT / "docs" / name))
        page.close()
        print(f"wrote docs/{name}")


def all_shots(browser, base: str) -> None:  # noqa: ANN001 - Playwright's Browser
    OUT.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 900), (768, 1024)):
        page = browser.new_page(viewport={"width": width, "height": height})
        _open(page, base)
        page.screenshot(path=str(OUT / f"library-{width}.png"))
        _path_page(page, base, "ari", "fi")
        page.screenshot(path=str(OUT / f"path-{width}.png"))
        for tab in ("blueprint", "text"):
            _path_page(page, base, "pohjanmaa", "sv", tab)
            page.screenshot(path=str(OUT / f"{tab}-{width}.png"))
        page.close()
        print(f"wrote bench/out/*-{width}.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="also the library, a tablet, the blueprint, the text")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, streamlit_server(Path(tmp)) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        readme_shot(browser, base)
        doc_shots(browser, base)
        if args.all:
            all_shots(browser, base)
        browser.close()


if __name__ == "__main__":
    main()
