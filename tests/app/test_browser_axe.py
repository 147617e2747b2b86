"""axe-core scans in Chromium: the library, the path page, the appointment mode, the views page, the
accessibility statement and the personal path find no serious or critical violation our code can fix.

axe-core comes from the npm registry (package.json / package-lock.json at the repository root; `npm ci`
installs it) and is injected with Playwright's `add_script_tag`. Findings that come from Streamlit itself
are listed in STREAMLIT_FINDINGS with the reason; everything else fails the test. Every finding, of any
impact, is written to tests/artifacts/axe-report.json for the README's list.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest

from paths.model.schema import ServicePath
from paths.personal.model import PersonalFill, StepEntry, StepStatus
from tests.support.browser import ROOT, streamlit_server, wait_idle
from tests.support.sites import seeded_with_personal

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPORT = ROOT / "tests" / "artifacts" / "axe-report.json"
BLOCKING = {"serious", "critical"}
PATH_ID = "pohjanmaa"


@dataclass(frozen=True)
class StreamlitFinding:
    """An axe finding caused by Streamlit's own markup, which our code cannot change."""

    rule: str
    selector: str  # a regular expression matched against the node's CSS target
    reason: str


STREAMLIT_FINDINGS: tuple[StreamlitFinding, ...] = (
    StreamlitFinding(
        "region",
        r"react-aria|data-baseweb|stTooltipContent",
        "An open drop-down list, tooltip or pop-over is rendered by Streamlit in a portal at the end of <body>, "
        "outside every landmark (axe: moderate).",
    ),
)


def allowed(rule: str, target: str) -> StreamlitFinding | None:
    return next((f for f in STREAMLIT_FINDINGS if f.rule == rule and re.search(f.selector, target)), None)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, chromium):
    """A server whose stores this module fills: the built-in paths and one personal path with statuses."""
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `npm ci --no-audit --no-fund` in the repository root")
    tmp = tmp_path_factory.mktemp("axe")

    def fill(path: ServicePath) -> PersonalFill:
        first, second = path.steps[0].id, path.steps[1].id
        return PersonalFill(entries={first: StepEntry(status=StepStatus.done, note="Muistiinpano"),
                                     second: StepEntry(status=StepStatus.here)}, goals="Oma tavoite")

    _path, token = seeded_with_personal(tmp, PATH_ID, fill)
    with streamlit_server(tmp) as url:
        yield {"url": url, "token": token, "browser": chromium}


def scan(site: dict, target: str, viewport: tuple[int, int] = (1280, 900), ready: str = "h1") -> list[dict]:
    """Open `target`, wait for the page, run axe and return every violation (rule, impact, target)."""
    context = site["browser"].new_context(viewport={"width": viewport[0], "height": viewport[1]}, locale="fi-FI")
    page = context.new_page()
    try:
        page.goto(site["url"] + target)
        page.locator(ready).first.wait_for(timeout=60_000)
        wait_idle(page)
        page.wait_for_timeout(1500)  # the first run's elements settle (stale ones fade out)
        wait_idle(page)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    findings = [
        {"page": target.replace(site["token"], "<token>"), "rule": violation["id"], "impact": violation["impact"],
         "target": " ".join(map(str, node["target"])), "html": node["html"][:200], "help": violation["help"]}
        for violation in result["violations"]
        for node in violation["nodes"]
    ]
    record(findings)
    return findings


def record(findings: list[dict]) -> None:
    REPORT.parent.mkdir(exist_ok=True)
    known = json.loads(REPORT.read_text(encoding="utf-8")) if REPORT.exists() else []
    pages = {f["page"] for f in findings}
    kept = [f for f in known if f["page"] not in pages]
    REPORT.write_text(json.dumps(kept + findings, ensure_ascii=False, indent=1), encoding="utf-8")


def blocking_findings(findings: list[dict]) -> list[dict]:
    """The findings that fail a page: serious or critical, and not a documented Streamlit one."""
    return [f for f in findings if f["impact"] in BLOCKING and not allowed(f["rule"], f["target"])]


def blocking(findings: list[dict]) -> list[str]:
    return [
        f"{f['rule']} ({f['impact']}) at {f['target']}: {f['help']} — {f['html']}" for f in blocking_findings(findings)
    ]


PAGES = [
    ("/", "library"),
    ("/?lang=sv", "library in Swedish"),
    (f"/path?path={PATH_ID}", "path page, professional"),
    (f"/path?path={PATH_ID}&audience=client&lang=en", "path page, client, English"),
    (f"/appointment?path={PATH_ID}", "appointment mode"),
    (f"/appointment?path={PATH_ID}&stage=network&lang=sv", "appointment mode at a stage, Swedish"),
    (f"/views?path={PATH_ID}&view=partner", "views page"),
    ("/accessibility", "accessibility statement"),
]


@pytest.mark.parametrize(("target", "name"), PAGES, ids=[name for _, name in PAGES])
def test_page_has_no_serious_violation(site, target: str, name: str) -> None:
    findings = scan(site, target)
    assert not blocking(findings), f"{name}:\n" + "\n".join(blocking(findings))


def test_appointment_mode_from_a_personal_path(site) -> None:
    findings = scan(site, f"/appointment?personal={site['token']}", ready="#polku-appt-stage")
    assert not blocking(findings), "\n".join(blocking(findings))


@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_personal_path_page(site, viewport: tuple[int, int]) -> None:
    findings = scan(site, f"/my-path?token={site['token']}", viewport=viewport)
    assert not blocking(findings), "\n".join(blocking(findings))


def test_the_scan_catches_what_it_should(site) -> None:
    """The scanner is real: a page of our own with a known fault is reported, and not allowed."""
    context = site["browser"].new_context()
    page = context.new_page()
    try:
        page.set_content('<html lang="fi"><body><main><h1>Testi</h1><img src="x.png">'
                         '<p style="color:#AAAAAA;background:#FFFFFF">Haalea teksti</p></main></body></html>')
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    findings = [{"rule": v["id"], "impact": v["impact"], "target": " ".join(map(str, n["target"])), "help": v["help"],
                 "html": n["html"]} for v in result["violations"] for n in v["nodes"]]
    rules = {f["rule"] for f in blocking_findings(findings)}
    assert {"image-alt", "color-contrast"} <= rules
    assert len(blocking(findings)) >= 2


def test_allowlist_entries_are_documented_and_specific() -> None:
    for finding in STREAMLIT_FINDINGS:
        assert finding.reason.strip().endswith(".")
        assert finding.selector not in ("", ".*")
        assert allowed(finding.rule, "body > main img") is None
