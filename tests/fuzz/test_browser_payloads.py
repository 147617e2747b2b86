"""The payload list against every page in real Chromium (a real `streamlit run`).

A path holding every storable payload (tests/fuzz/payloads.py) is stored, and a personal path made
from it; then the library, the path page (both audiences, every tab), the editor, the views page
(every view), the appointment mode and the client's personal page are opened. On each: no script
ran (`window.__pwned` never set, no dialog), and no request went to any host but the app's.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.personal.store import get_personal_store
from paths.store.library import get_store
from tests.fuzz.payloads import EXTERNAL_HOST, LINKS, SCRIPTS, STORABLE
from tests.support.browser import assert_no_exception, streamlit_server, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]
PATH_ID = "payloads"
GUARD = """
window.__pwned = undefined;
Object.defineProperty(window, '__pwnedSeen', {value: [], writable: false});
"""


def _payload(index: int) -> str:
    return STORABLE[index % len(STORABLE)]


def payload_path() -> ServicePath:
    """Every storable payload in some text: titles, texts, names, labels, conditions, link URLs."""
    n = len(STORABLE)
    steps = [
        {"id": f"s{i}", "stage": f"v{i % 3}",
         "title": {"fi": _payload(i), "sv": _payload(i + 1), "en": _payload(i + 2)},
         "description": _payload(i + 3), "client_text": _payload(i + 4), "actors": [f"a{i % 2}"],
         "kind": "decision" if i == 0 else "action", "coordinator": i % 4 == 1, "duration": _payload(i + 5),
         "links": [{"label": _payload(i + 6), "url": f"https://{EXTERNAL_HOST}/{_payload(i)}"},
                   {"label": "javascript", "url": "https://example.invalid/a b\nc"}],
         "contacts": ["c0"]}
        for i in range(n)
    ]
    transitions = [{"source": f"s{i}", "target": f"s{i + 1}", "condition": _payload(i + 7)} for i in range(n - 1)]
    transitions[0]["condition"] = LINKS[2]  # the branch choices' labels on the client's page: a pixel
    transitions.append({"source": "s0", "target": "s2", "condition": LINKS[9]})
    return ServicePath.model_validate({
        "id": PATH_ID, "title": " ".join([*LINKS[1:4], SCRIPTS[2]]), "summary": " ".join(STORABLE[4:12]),
        "persona": _payload(9), "provenance": _payload(10), "notes": _payload(11), "status": "published",
        "stages": [{"id": f"v{i}", "title": _payload(20 + i), "description": _payload(30 + i)} for i in range(3)],
        "actors": [{"id": f"a{i}", "name": _payload(12 + i), "group": "professional"} for i in range(2)],
        "contacts": [{"id": "c0", "label": _payload(14), "email": "a@example.invalid", "phone": _payload(15)}],
        "steps": steps, "transitions": transitions,
    })


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, chromium):
    tmp = tmp_path_factory.mktemp("payloads")
    store = get_store(f"sqlite:///{tmp / 'polku.db'}")
    store.ensure_seeded()
    version = store.save_path(payload_path(), "fuzz")
    personal_store = get_personal_store(f"sqlite:///{tmp / 'polku-personal.db'}")
    _, token = personal_store.create(store.get_path(PATH_ID), version, owner="tester",
                                     display_name="<b>Kokeilija</b> ![i](https://example.invalid/p.png)", lang="fi")
    with streamlit_server(tmp) as url:
        yield {"url": url, "token": token, "browser": chromium}


class Watch:
    """A page whose requests, dialogs and script flag are recorded."""

    def __init__(self, site: dict) -> None:
        self.context = site["browser"].new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
        self.context.add_init_script(GUARD)
        self.page = self.context.new_page()
        self.own_host = urlsplit(site["url"]).netloc
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", self._request)
        self.page.on("dialog", self._dialog)

    def _request(self, request) -> None:  # noqa: ANN001 - Playwright's Request
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob", "about") and parts.netloc != self.own_host:
            self.foreign.append(request.url)

    def _dialog(self, dialog) -> None:  # noqa: ANN001 - Playwright's Dialog
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.settle()

    def settle(self) -> None:
        self.page.locator("[data-testid='stApp']").wait_for(timeout=60_000)
        wait_idle(self.page, timeout=120_000)
        self.page.wait_for_timeout(1500)
        wait_idle(self.page, timeout=120_000)

    def check(self, where: str) -> None:
        assert self.page.evaluate("() => window.__pwned") is None, f"a payload's script ran on {where}"
        assert not self.dialogs, f"a dialog opened on {where}: {self.dialogs}"
        assert not self.foreign, f"{where} asked another host: {self.foreign}"
        assert_no_exception(self.page, where)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watch(site):
    watched = Watch(site)
    yield watched
    watched.close()


PAGES = [
    ("/", "library"),
    (f"/path?path={PATH_ID}", "path page, professional"),
    (f"/path?path={PATH_ID}&audience=client&lang=en", "path page, client"),
    (f"/edit?path={PATH_ID}", "editor"),
    *[(f"/views?path={PATH_ID}&view={view}", f"views page, {view}") for view in
      ("professional", "client", "partner", "print")],
    (f"/appointment?path={PATH_ID}", "appointment mode"),
    (f"/appointment?path={PATH_ID}&stage=v1&lang=sv", "appointment mode at a stage"),
]


@pytest.mark.parametrize(("target", "name"), PAGES, ids=[name for _, name in PAGES])
def test_no_payload_runs_or_calls_out(site, watch: Watch, target: str, name: str) -> None:
    watch.open(site["url"] + target)
    watch.check(name)
    if target.startswith("/path"):
        lang = parse_qs(urlsplit(target).query).get("lang", ["fi"])[0]
        for shown in ("blueprint", "text", "flow"):  # the path shown each way ("show as")
            watch.page.get_by_role("radio", name=t(f"pathpage.shown.{shown}", lang)).click()
            watch.settle()
            watch.check(f"{name}, shown as {shown}")


def test_the_clients_personal_page_runs_and_loads_nothing_from_the_path(site, watch: Watch) -> None:
    watch.open(f"{site['url']}/my-path?token={site['token']}")
    watch.check("personal page")
    text = watch.page.locator("[data-testid='stMain']").inner_text()
    assert "![i](https://example.invalid/pixel.png)" in text  # the title's payload shown as text
    assert watch.page.locator("img[src*='example.invalid']").count() == 0
    assert watch.page.locator("a[href^='javascript']").count() == 0
