"""Two app servers on one PostgreSQL database behind nginx with sticky sessions, in real Chromium.

Each browser context carries a sticky cookie that nginx hashes to server A or B (checked through
the test-only `X-Polku-Upstream` header), so one person's session lives on A and another's on B:
- a participant on A posts a note that the facilitator's wall on B shows within a few seconds;
- a personal link made on A opens on B, and wrong PINs count across A and B towards the lock;
- two facilitators save the same path on A and B: one new version, one conflict screen, nothing lost;
- server A is killed (SIGKILL) in the middle of a workshop: no stored note is lost, and its
  participant's next page load reaches B and goes on.
Skips without POLKU_TEST_POSTGRES_URL (CI sets it); each module gets a database of its own.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import select

from paths.i18n.catalog import t
from paths.personal.access import hash_token
from paths.personal.store import PersonalStore
from paths.personal.tables import personal_links
from paths.store.library import Store
from paths.workshops.workshop import WorkshopStore
from tests.deploy.cluster import STICKY_COOKIE, Cluster, choose, kill_server, submit_note, two_servers
from tests.deploy.support import pg_database
from tests.support.browser import assert_no_exception, wait_idle
from tests.support.factories import branching_path

pytestmark = [pytest.mark.browser, pytest.mark.postgres]
SLOW = 60_000
# The bound: the wall reruns every 2 s by itself (components/workshop_page.py), so a note
# posted on the other server shows within 3 s.
WALL_BOUND_MS = 3_000


def _prepared(url: str) -> str:
    """The database with the built-in paths and the test path stored; its URL."""
    _prepare(url)
    return url


def _prepare(url: str) -> None:
    store = Store(url)
    try:
        store.ensure_seeded()
        store.save_path(branching_path(), "Testaaja")
    finally:
        store.close()
    PersonalStore(url).engine.dispose()


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import os

    postgres_url = os.environ.get("POLKU_TEST_POSTGRES_URL")
    if not postgres_url:
        pytest.skip("POLKU_TEST_POSTGRES_URL is not set")
    with pg_database(postgres_url, "servers") as url:
        _prepare(url)
        yield url


@pytest.fixture(scope="module")
def cluster(database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    with two_servers(database, tmp_path_factory.mktemp("cluster")) as running:
        yield running


def on(chromium: Browser, cluster: Cluster, server: int, phone: bool = False) -> BrowserContext:
    """A browser context whose session nginx keeps on server `server` (0 = A, 1 = B)."""
    viewport = {"width": 412, "height": 900} if phone else {"width": 1280, "height": 900}
    context = chromium.new_context(viewport=viewport, locale="fi-FI")
    key = cluster.key_for(cluster.servers[server])
    context.add_cookies([{"name": STICKY_COOKIE, "value": key, "url": cluster.url}])
    reached = context.request.get(f"{cluster.url}/_stcore/health").headers["x-polku-upstream"]
    assert "http://" + reached.split(",")[-1].strip() == cluster.servers[server]
    return context


def _open(page: Page, url: str) -> Page:
    page.goto(url)
    wait_idle(page, SLOW)
    return page


def _open_workshop(wall: Page) -> str:
    wall.get_by_role("button", name=t("workshop.open.button", "fi")).click()
    code_element = wall.locator(".polku-join-code")
    expect(code_element).to_be_visible(timeout=SLOW)
    return code_element.inner_text().strip()


def _post_note(phone: Page, text: str) -> None:
    submit_note(phone, text)
    expect(phone.get_by_text(t("workshop.note.saved", "fi"))).to_be_visible(timeout=SLOW)


def test_a_note_posted_on_server_a_reaches_the_wall_on_server_b(chromium: Browser, cluster: Cluster) -> None:
    facilitator, participant = on(chromium, cluster, 1), on(chromium, cluster, 0, phone=True)
    try:
        wall = _open(facilitator.new_page(), f"{cluster.url}/workshop?path=testipolku")
        code = _open_workshop(wall)
        link = wall.locator("[data-testid='stCode'] code").inner_text().strip()
        assert link == f"{cluster.url}/?join={code}"
        phone = _open(participant.new_page(), link)
        expect(phone.get_by_role("heading", name="Testipolku")).to_be_visible(timeout=SLOW)
        note = "Huomio palvelimelta A: odotusaika on pitkä"
        _post_note(phone, note)
        expect(wall.get_by_text(note)).to_be_visible(timeout=WALL_BOUND_MS)
    finally:
        facilitator.close()
        participant.close()


def _create_personal(page: Page, name: str, pin: str) -> str:
    page.get_by_role("textbox", name=t("personal.field.display_name", "fi")).fill(name)
    page.get_by_role("textbox", name=t("personal.pro.pin_optional", "fi")).fill(pin)
    page.get_by_role("button", name=t("personal.pro.create", "fi")).click()
    code = page.locator("[data-testid='stCode'] code").first
    expect(code).to_be_visible(timeout=SLOW)
    return code.inner_text().strip()


def _give_pin(page: Page, pin: str) -> None:
    page.get_by_role("textbox", name=t("personal.client.pin_label", "fi")).fill(pin)
    page.get_by_role("button", name=t("personal.client.pin_submit", "fi")).click()
    wait_idle(page, SLOW)


def _failed_pins(database: str, token: str) -> int:
    store = PersonalStore(database)
    try:
        with store.engine.connect() as connection:
            query = select(personal_links.c.failed_pins).where(personal_links.c.token_hash == hash_token(token))
            return connection.execute(query).scalar_one()
    finally:
        store.engine.dispose()


def test_a_personal_link_made_on_a_opens_on_b_and_wrong_pins_count_across_both(
    chromium: Browser, cluster: Cluster, database: str
) -> None:
    professional = on(chromium, cluster, 0)
    contexts = [professional]
    try:
        link = _create_personal(_open(professional.new_page(), f"{cluster.url}/personal"), "Testi Henkilö", "2468")
        assert link.startswith(f"{cluster.url}/my-path?token=")
        token = link.split("token=", 1)[1]

        client_b = on(chromium, cluster, 1, phone=True)
        contexts.append(client_b)
        page_b = _open(client_b.new_page(), link)
        expect(page_b.get_by_role("heading", name=t("personal.client.pin_title", "fi"))).to_be_visible()
        _give_pin(page_b, "2468")
        expect(page_b.get_by_role("heading", name="Minun polkuni: Testi Henkilö")).to_be_visible(timeout=SLOW)

        # Wrong PINs from B, A, B: the third one locks the link for both servers.
        pages = []
        for server in (1, 0, 1):
            context = on(chromium, cluster, server, phone=True)
            contexts.append(context)
            pages.append(_open(context.new_page(), link))
        wrong = t("personal.client.pin_wrong", "fi")
        wait_words = re.compile(re.escape(t("personal.client.pin_wrong_wait", "fi", seconds=30)[:20]))
        for count, page in enumerate(pages, start=1):
            _give_pin(page, "1111")
            expect(page.get_by_text(wrong) if count < 3 else page.get_by_text(wait_words)).to_be_visible(timeout=SLOW)
            assert _failed_pins(database, token) == count
        # The right PIN on A is refused now: A counted B's failures too.
        _give_pin(pages[1], "2468")
        expect(pages[1].get_by_role("heading", name=t("personal.client.pin_title", "fi"))).to_be_visible()
        expect(pages[1].get_by_role("heading", name=re.compile("Minun polkuni: Testi"))).to_have_count(0)
        # Neither nginx's access log (no query strings) nor the app servers' logs hold the token or name.
        logs = cluster.logs()
        assert "/my-path" in logs and token not in logs and "Testi Henkilö" not in logs
    finally:
        for context in contexts:
            context.close()


def _edit_title(page: Page, text: str) -> None:
    """Rename the first step and wait until the editor holds it (the step's heading shows the new title).
    A rerun still under way when the field is typed in can redraw it empty, as it would for a person,
    who types again: at most three tries."""
    choose(page, t("editor.step.pick", "fi"), "Tarve tunnistetaan")
    field = page.locator(".st-key-_ed_title_fi_tarve input")
    heading = page.get_by_role("heading", name=t("editor.step.heading", "fi", name=text))
    for _ in range(3):
        expect(field).to_be_visible(timeout=SLOW)
        field.fill(text)
        field.press("Enter")
        wait_idle(page, SLOW)
        try:
            expect(heading).to_be_visible(timeout=10_000)
            return
        except AssertionError:
            continue
    expect(heading).to_be_visible()


def test_two_facilitators_saving_on_a_and_b_get_one_version_and_one_conflict(
    chromium: Browser, cluster: Cluster, database: str
) -> None:
    store = Store(database)
    before = store.latest_version("testipolku")
    first, second = on(chromium, cluster, 0), on(chromium, cluster, 1)
    try:
        page_a = _open(first.new_page(), f"{cluster.url}/edit?path=testipolku")
        page_b = _open(second.new_page(), f"{cluster.url}/edit?path=testipolku")
        _edit_title(page_a, "Otsikko palvelimelta A")
        _edit_title(page_b, "Otsikko palvelimelta B")
        page_a.locator(".st-key-_polku_ed_save button").click()
        expect(page_a.get_by_text(t("editor.save.saved", "fi", version=before + 1))).to_be_visible(timeout=SLOW)
        page_b.locator(".st-key-_polku_ed_save button").click()
        expect(page_b.locator(".st-key-polku_ed_conflict")).to_be_visible(timeout=SLOW)
        assert store.latest_version("testipolku") == before + 1
        saved = store.get_path("testipolku")
        assert any(step.title.fi == "Otsikko palvelimelta A" for step in saved.steps)
        # B's edit is still in B's editor: the conflict screen lists it, ready to be re-applied on top.
        mine = t("editor.conflict.my_changes", "fi", summary="1 askel muutettu")
        expect(page_b.get_by_text(mine)).to_be_visible()
        saved_first = t("editor.conflict.message", "fi", version=before + 1, base=before, author="").strip()
        expect(page_b.get_by_text(saved_first.split(".")[0], exact=False)).to_be_visible()
        assert store.latest_version("testipolku") == before + 1
        # Re-applying B's edit on top of A's, with the step form open, redraws the form without an error.
        page_b.locator(".st-key-_polku_ed_rebase button").click()
        wait_idle(page_b, SLOW)
        assert_no_exception(page_b, "the re-applied editor", cluster.logs())
        assert store.latest_version("testipolku") == before + 1
    finally:
        first.close()
        second.close()
        store.close()


def test_killing_server_a_mid_workshop_loses_no_note_and_its_participants_go_on_on_b(
    chromium: Browser, postgres_url: str, tmp_path: Path
) -> None:
    with pg_database(postgres_url, "crash") as database, two_servers(_prepared(database), tmp_path) as own:
        facilitator, participant = on(chromium, own, 1), on(chromium, own, 0, phone=True)
        try:
            wall = _open(facilitator.new_page(), f"{own.url}/workshop?path=testipolku")
            code = _open_workshop(wall)
            phone = _open(participant.new_page(), f"{own.url}/?join={code}")
            notes = [f"Ennen kaatumista {n}" for n in range(3)]
            for note in notes:  # each one stored: the wall on B shows it before the next is posted
                _post_note(phone, note)
                expect(wall.get_by_text(note)).to_be_visible(timeout=SLOW)
            kill_server(own.servers[0])
            workshops = WorkshopStore(Store(database))
            workshop = workshops.find_open(code)
            assert sorted(note.text for note in workshops.notes(workshop.id) if note.text in notes) == sorted(notes)

            reached = participant.request.get(f"{own.url}/_stcore/health").headers["x-polku-upstream"]
            assert "http://" + reached.split(",")[-1].strip() == own.servers[1]
            started = time.monotonic()
            _open(phone, f"{own.url}/")
            expect(phone.get_by_role("heading", name=t("workshop.note.title", "fi"))).to_be_visible(timeout=SLOW)
            assert time.monotonic() - started < 60
            _post_note(phone, "Kaatumisen jälkeen palvelimella B")
            for note in [*notes, "Kaatumisen jälkeen palvelimella B"]:
                expect(wall.get_by_text(note)).to_be_visible(timeout=SLOW)
        finally:
            facilitator.close()
            participant.close()
