"""Browser benchmark (Playwright in Chromium, real `streamlit run`): what a user waits for, beside the floor.

The floor, measured in the same run: a bare Streamlit script that swaps two pre-rendered SVG pictures
(`st.image`; `st.html` drops an SVG): Ari's flow diagram for the professional and the client, drawn by `dot`
beforehand, with the same kind of switch (`st.segmented_control`). For each path (Ari, Maija, Pohjanmaa and a
500-step synthetic path) it clicks the path page's view switch (professional ↔ client) and times the click →
the redrawn diagram on the screen (a shown drawing carries the new view: Streamlit's own, or the quick
switch's copy of a picture the page showed before, components/static/flow_clicks.js). It prints p50 and p95
of each, and the ratio of the p95s to the floor's p95 (targets: at most 1.3 x for the built-in paths, 2.5 x
for the 500-step path). Then the same clicks to the end of the run (Streamlit idle, its own drawing back in
place), against the floor's run: what a switch costs the server and the browser, whatever the screen shows.
Then, once each: first paint of the library and of a path page (navigation start → the first
card / the drawn diagram), the appointment mode's next-stage button (click → the next stage's heading) and the
personal page's status change (choosing "I am here" at a step → the saved page drawn again), and a 2,000-step
path: opened (navigation → its first stage drawn, nothing cached; target under 5 s), another stage chosen in
the overview, a step chosen in the search (→ its stage drawn with its details).

Run: `python bench/bench_browser.py [--clicks N]`. Figures are printed, never asserted. The first click of
each kind is a warm-up (the server draws and caches the picture of each view once, and the page has then
shown both views).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.browser import IDLE, free_port, launch_chromium, streamlit_server, wait_idle  # noqa: E402

BUILTIN_TARGET = 1.3
LARGE_TARGET = 2.5
FLOOR_SCRIPT = '''
import pathlib
import streamlit as st

here = pathlib.Path(__file__).parent
pictures = {name: (here / f"{name}.svg").read_text() for name in ("professional", "client")}
view = st.segmented_control("View", list(pictures), default="professional", key="view", required=True)
st.image(pictures[view], caption=view)
'''


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _floor_server(tmp: Path) -> tuple[subprocess.Popen, str]:
    """`streamlit run` of the floor script, with Ari's two pictures drawn by `dot` beforehand."""
    from paths.formats.files import load_path_file
    from paths.render.image import inline_svg, render_path

    ari = load_path_file(ROOT / "data" / "ari.yaml")
    for view in ("professional", "client"):
        (tmp / f"{view}.svg").write_text(inline_svg(render_path(ari, "svg", "fi", view, legend=False)))
    (tmp / "floor.py").write_text(FLOOR_SCRIPT)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(tmp / "floor.py"), "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
         "--runner.postScriptGC", "false"],  # as the app's .streamlit/config.toml: the same Streamlit on both
        cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):  # noqa: S310 - loopback
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("the floor script did not start")


IDLE_JS = f"document.querySelector({IDLE!r}) !== null"


def _timed_switches(page, click, views: list[str], drawn_js: str, settled_js: str,  # noqa: ANN001
                    clicks: int) -> tuple[list[float], list[float]]:
    """Click the switch's option for each view in turn, as a mouse does, at the middle of the option's box
    (`click(view)` finds it before the clock starts: Playwright's own click would add its search of the page's
    accessibility tree and its checks, which grow with the page, to every figure); per click, seconds from the
    click to `drawn_js(view)` true (the new picture on the screen) and to `settled_js(view)` true (the run
    ended)."""
    drawn, settled = [], []
    for index in range(clicks + 1):
        view = views[(index + 1) % 2]
        x, y = click(view)
        start = time.perf_counter()
        page.mouse.click(x, y)
        page.wait_for_function(drawn_js, arg=view, timeout=300_000)
        drawn_at = time.perf_counter()
        page.wait_for_function(settled_js, arg=view, timeout=300_000)
        if index:  # the first is a warm-up
            drawn.append(drawn_at - start)
            settled.append(time.perf_counter() - start)
    return drawn, settled


def _middle(locator) -> tuple[float, float]:  # noqa: ANN001 - a Playwright locator
    """Where a mouse clicks the element: the middle of its box, in the page's coordinates."""
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def bench_floor(chromium, url: str, clicks: int) -> tuple[list[float], list[float]]:  # noqa: ANN001
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.goto(url)
    page.wait_for_selector("[data-testid='stImage'] img", timeout=60_000)
    drawn = ("(view) => { const f = document.querySelector(\"[data-testid='stImage']\");"
             " return !!f && !!f.querySelector('img') && f.innerText.trim() === view; }")
    settled = f"(view) => ({drawn})(view) && {IDLE_JS}"
    times = _timed_switches(page, lambda view: _middle(page.get_by_role("radio", name=view)),
                            ["professional", "client"], drawn, settled, clicks)
    page.close()
    return times


# The picture on the screen shows the view: Streamlit's own drawing, or the quick switch's copy of one shown
# before (components/static/flow_clicks.js); settled: the run has ended and Streamlit's own drawing is back.
PATH_DRAWN = ("(view) => [...document.querySelectorAll('.polku-flow')].some(r => r.checkVisibility()"
              " && !!r.querySelector('svg') && (r.dataset.version || '').includes('|' + view + '|'))")
PATH_SETTLED = f"(view) => ({PATH_DRAWN})(view) && !document.querySelector('.polku-quick') && {IDLE_JS}"


def bench_path(chromium, app_url: str, path_id: str, clicks: int) -> tuple[list[float], list[float]]:  # noqa: ANN001
    from paths.i18n.catalog import t

    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{app_url}/path?path={path_id}&layout=wide")
    page.wait_for_selector(".polku-flow svg", timeout=300_000)
    wait_idle(page, 300_000)
    names = {view: t(f"pathpage.audience.{view}", "fi") for view in ("professional", "client")}
    times = _timed_switches(page, lambda view: _middle(page.get_by_role("radio", name=names[view])),
                            ["professional", "client"], PATH_DRAWN, PATH_SETTLED, clicks)
    page.close()
    return times


def first_paint(chromium, url: str, selector: str) -> float:  # noqa: ANN001
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(selector, timeout=300_000)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def appointment_next(chromium, app_url: str) -> float:  # noqa: ANN001
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{app_url}/appointment?path=pohjanmaa")
    page.locator(".st-key-appt_next button").wait_for(timeout=120_000)
    wait_idle(page, 120_000)
    before = page.locator("#polku-appt-stage").inner_text()
    start = time.perf_counter()
    page.locator(".st-key-appt_next button").click()
    page.wait_for_function("(old) => { const h = document.querySelector('#polku-appt-stage');"
                           " return !!h && h.innerText !== old; }", arg=before, timeout=120_000)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def personal_status_change(chromium, app_url: str, token: str) -> float:  # noqa: ANN001
    from paths.i18n.catalog import t

    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{app_url}/my-path?token={token}")
    wait_idle(page, 120_000)
    page.wait_for_selector(".polku-flow svg", timeout=120_000)
    here = page.get_by_role("radio", name=f"📍 {t('personal.status.here', 'fi')}").first
    start = time.perf_counter()
    here.check(force=True)
    page.wait_for_selector(IDLE, timeout=120_000)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


SHOWN_VERSION = ("() => { const root = [...document.querySelectorAll('.polku-flow')]"
                 ".find(r => r.checkVisibility() && r.querySelector('svg'));"
                 " return root ? root.dataset.version : ''; }")


def large_path(chromium, app_url: str) -> tuple[float, float, float]:  # noqa: ANN001
    """A 2,000-step path: seconds from navigation to its first stage drawn (nothing cached yet), from choosing
    another stage in the overview to that stage drawn, and from choosing a step in the search to its stage
    drawn with the step's details."""
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    start = time.perf_counter()
    page.goto(f"{app_url}/path?path=iso2000")
    page.wait_for_function(f"() => ({SHOWN_VERSION})() !== ''", timeout=300_000)
    opened = time.perf_counter() - start
    wait_idle(page, 300_000)
    stage_change = _choose(page, ".st-key-_polku_large_stage", 1, lambda: None)
    found = _choose(page, ".st-key-_polku_large_search", -1,
                    lambda: page.locator(".st-key-_polku_flow_step_details").wait_for(timeout=300_000))
    page.close()
    return opened, stage_change, found


def _choose(page, box: str, index: int, then) -> float:  # noqa: ANN001
    """Seconds from choosing option `index` of the selectbox in `box` to another picture drawn and `then()`."""
    before = page.evaluate(SHOWN_VERSION)
    page.locator(box).click()
    options = page.get_by_role("option")
    choice = options.nth(index if index >= 0 else options.count() + index)
    choice.wait_for(timeout=60_000)
    start = time.perf_counter()
    choice.click()
    page.wait_for_function(f"(before) => {{ const now = ({SHOWN_VERSION})(); return now !== '' && now !== before; }}",
                           arg=before, timeout=300_000)
    then()
    elapsed = time.perf_counter() - start
    wait_idle(page, 300_000)
    return elapsed


def _stores(tmp: Path) -> str:
    """The library with the built-in paths, a 500-step and a 2,000-step path; a personal path of Pohjanmaa:
    its token."""
    from bench.synthetic import synthetic_path
    from paths.personal.store import get_personal_store
    from paths.store.library import get_store

    store = get_store(f"sqlite:///{tmp / 'polku.db'}")
    store.ensure_seeded()
    store.save_path(synthetic_path(500, seed=5).model_copy(update={"id": "iso500"}), "bench")
    store.save_path(synthetic_path(2000, seed=4).model_copy(update={"id": "iso2000"}), "bench")
    personal_store = get_personal_store(f"sqlite:///{tmp / 'polku-personal.db'}")
    _personal, token = personal_store.create(
        store.get_path("pohjanmaa"), store.latest_version("pohjanmaa"), owner="bench", display_name="Testi", lang="fi"
    )
    return token


def line(name: str, times: list[float], floor: float | None = None) -> str:
    text = f"{name:<34} p50 {statistics.median(times) * 1000:7.0f} ms   p95 {p95(times) * 1000:7.0f} ms"
    return text + (f"   p95 / floor p95 {p95(times) / floor:5.2f} x" if floor else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=12)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp_name, sync_playwright() as playwright:
        tmp = Path(tmp_name)
        token = _stores(tmp)
        floor_proc, floor_url = _floor_server(tmp)
        chromium = launch_chromium(playwright)
        try:
            with streamlit_server(tmp) as app_url:
                floor, floor_settled = bench_floor(chromium, floor_url, args.clicks)
                print(f"view switch, {args.clicks} clicks each (Chromium, {os.cpu_count()} cores)")
                print("click → the redrawn diagram on the screen")
                print(line("floor (bare script, two SVGs)", floor))
                results = {}
                for path_id, target in (("ari", BUILTIN_TARGET), ("maija", BUILTIN_TARGET),
                                        ("pohjanmaa", BUILTIN_TARGET), ("iso500", LARGE_TARGET)):
                    results[path_id] = bench_path(chromium, app_url, path_id, args.clicks)
                    print(line(f"{path_id} (target ≤ {target} x)", results[path_id][0], p95(floor)))
                print("click → the run ended (Streamlit's own drawing in place)")
                print(line("floor (bare script, two SVGs)", floor_settled))
                for path_id, (_drawn, settled) in results.items():
                    print(line(path_id, settled, p95(floor_settled)))
                print(f"first paint, library:              {first_paint(chromium, app_url, 'h2') * 1000:7.0f} ms")
                path_paint = first_paint(chromium, f"{app_url}/path?path=pohjanmaa", ".polku-flow svg")
                print(f"first paint, path page (Pohjanmaa): {path_paint * 1000:7.0f} ms")
                print(f"appointment next stage:             {appointment_next(chromium, app_url) * 1000:7.0f} ms")
                status = personal_status_change(chromium, app_url, token)
                print(f"personal page status change:        {status * 1000:7.0f} ms")
                opened, stage_change, found = large_path(chromium, app_url)
                print(f"2,000-step path, opened (target < 5 s): {opened * 1000:7.0f} ms")
                print(f"2,000-step path, another stage:     {stage_change * 1000:7.0f} ms")
                print(f"2,000-step path, a step searched:   {found * 1000:7.0f} ms")
        finally:
            chromium.close()
            floor_proc.terminate()
            floor_proc.wait(timeout=10)


if __name__ == "__main__":
    main()
