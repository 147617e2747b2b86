"""A workshop in real Chromium with two browser contexts: the facilitator opens a workshop, a
participant joins with the code in another context and posts a note, and the note appears on the
facilitator's wall without a reload. The participant's browser stays inside the participant view
whatever URL it types. A second server with an account checks the sign-in form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from paths.accounts.auth import Accounts
from paths.i18n.catalog import t
from paths.store.library import Store
from tests.support.browser import streamlit_server, wait_idle
from tests.support.factories import branching_path

pytestmark = pytest.mark.browser
PASSWORD = "kahvi-ja-kehitysideat"
NOTE = "Tekstiviestimuistutus ennen ensimmäistä tapaamista"


def _prepare(directory: Path, *, account: bool) -> None:
    """The server's store, made before it starts: the test path, and an account when asked."""
    store = Store(f"sqlite:///{directory / 'polku.db'}")
    try:
        store.ensure_seeded()
        store.save_path(branching_path(), "Testaaja")
        if account:
            Accounts(store).add_user("Fasilitaattori", PASSWORD)
    finally:
        store.close()


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with no account: the labelled demo mode."""
    directory = tmp_path_factory.mktemp("workshop-demo")
    _prepare(directory, account=False)
    with streamlit_server(directory, env={"POLKU_AUTH": ""}) as url:
        yield url


def _open(page: Page, url: str) -> Page:
    page.goto(url)
    wait_idle(page)
    return page


def test_a_participants_note_appears_on_the_facilitators_wall_without_a_reload(chromium, demo_url: str) -> None:
    facilitator_context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    participant_context = chromium.new_context(viewport={"width": 412, "height": 900}, locale="fi-FI")
    try:
        wall = _open(facilitator_context.new_page(), f"{demo_url}/workshop?path=testipolku")
        expect(wall.get_by_text(t("auth.demo_banner", "fi"))).to_be_visible()
        wall.get_by_role("button", name=t("workshop.open.button", "fi")).click()
        code_element = wall.locator(".polku-join-code")
        expect(code_element).to_be_visible(timeout=30_000)
        code = code_element.inner_text().strip()
        assert re.fullmatch(r"[2-9A-HJ-NP-Z]{6}", code), code
        expect(wall.locator("img.polku-qr")).to_be_visible()
        expect(wall.get_by_text(t("workshop.wall.empty", "fi"))).to_be_visible()

        link = wall.locator("[data-testid='stCode'] code").inner_text().strip()
        assert link == f"{demo_url}/?join={code}"
        phone = _open(participant_context.new_page(), link.replace(code, code.lower()))
        expect(phone.get_by_role("heading", name="Testipolku")).to_be_visible()
        _choose(phone, t("workshop.note.target", "fi"), t("workshop.note.target_step", "fi", step="Tarve tunnistetaan"))
        phone.get_by_text(t("workshop.kind.problem", "fi"), exact=False).first.click()
        phone.get_by_label(t("workshop.note.text", "fi"), exact=True).fill(NOTE)
        phone.get_by_role("button", name=t("workshop.note.submit", "fi")).click()
        expect(phone.get_by_text(t("workshop.note.saved", "fi"))).to_be_visible(timeout=30_000)

        # No reload on the facilitator's side: the wall's fragment fetches the note by itself.
        expect(wall.get_by_text(NOTE)).to_be_visible(timeout=30_000)
        expect(wall.get_by_text(t("workshop.wall.empty", "fi"))).to_have_count(0)

        # The participant's browser keeps the join (a cookie) and every typed URL shows the participant view.
        assert any(c["name"] == "polku_join" and c["value"] == code for c in participant_context.cookies())
        for typed in ("/workshop", "/edit", "/history", "/library", "/?path=testipolku", "/workshop?workshop=1"):
            _open(phone, f"{demo_url}{typed}")
            expect(phone.get_by_role("heading", name=t("workshop.note.title", "fi"))).to_be_visible()
            expect(phone.get_by_text(t("workshop.open.title", "fi"))).to_have_count(0)
            expect(phone.get_by_role("button", name=t("workshop.open.button", "fi"))).to_have_count(0)
            expect(phone.get_by_role("link", name=re.compile(t("nav.library", "fi")))).to_have_count(0)
    finally:
        facilitator_context.close()
        participant_context.close()


def test_local_accounts_need_the_sign_in_form(chromium, tmp_path_factory: pytest.TempPathFactory) -> None:
    directory = tmp_path_factory.mktemp("workshop-local")
    _prepare(directory, account=True)
    with streamlit_server(directory, env={"POLKU_AUTH": ""}) as url:
        context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
        try:
            page = _open(context.new_page(), f"{url}/workshop")
            expect(page.get_by_text(t("auth.demo_banner", "fi"))).to_have_count(0)
            expect(page.get_by_role("heading", name=t("auth.sign_in_title", "fi"))).to_be_visible()
            expect(page.get_by_role("button", name=t("workshop.open.button", "fi"))).to_have_count(0)
            page.get_by_label(t("auth.name", "fi")).fill("Fasilitaattori")
            page.get_by_label(t("auth.password", "fi"), exact=True).fill("väärä salasana")
            page.get_by_role("button", name=t("auth.sign_in", "fi")).click()
            expect(page.get_by_text(t("auth.error.wrong", "fi"))).to_be_visible(timeout=30_000)
            page.get_by_label(t("auth.password", "fi"), exact=True).fill(PASSWORD)
            page.get_by_role("button", name=t("auth.sign_in", "fi")).click()
            expect(page.get_by_role("button", name=t("workshop.open.button", "fi"))).to_be_visible(timeout=30_000)
            expect(page.get_by_text(t("auth.signed_in_as", "fi", name="Fasilitaattori"))).to_be_visible()
        finally:
            context.close()


def _choose(page, box: str, option: str) -> None:  # noqa: ANN001 - Playwright's Page
    """Open a select box and pick an option; again if a rerun of the page's live parts redrew the box while
    its list was opening (seen once on a loaded CI machine)."""
    for attempt in range(3):
        page.get_by_role("combobox", name=box).click()
        try:
            page.get_by_role("option", name=option).click(timeout=10_000)
            return
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
