"""Facilitator accounts on a real SQLite file and a real PostgreSQL: argon2 hashes, wrong passwords,
throttling that holds across store instances and parallel attempts, the demo mode, and the CLI.

The organisation sign-in (`POLKU_AUTH=oidc`, Streamlit's `st.login`) needs a real identity
provider, so only its mode selection and the name taken from the claims are tested here.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from paths.accounts.auth import (
    BASE_DELAY,
    FAILURE_WINDOW,
    FREE_FAILURES,
    MAX_DELAY,
    Accounts,
    AuthError,
    delay_after,
    oidc_display_name,
    resolve_mode,
    users_table,
)
from paths.i18n.catalog import t
from paths.store.library import ROOT, Store

PASSWORD = "kahvi-ja-kehitysideat"
# Cheaper argon2 parameters keep the tests quick; the production default is argon2-cffi's own.
FAST = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)


@pytest.fixture
def accounts(store: Store) -> Accounts:
    return Accounts(store, hasher=FAST)


# -- the mode --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "has_users", "mode"),
    [
        (None, False, "demo"),
        ("", False, "demo"),
        ("auto", False, "demo"),
        (None, True, "local"),
        ("local", False, "local"),  # an installation that asked for accounts never falls back to the demo
        ("local", True, "local"),
        ("oidc", False, "oidc"),
        (" OIDC ", True, "oidc"),
        ("something-else", False, "local"),  # an unknown value is the safe choice, not the open one
    ],
)
def test_the_sign_in_mode(setting: str | None, has_users: bool, mode: str) -> None:
    assert resolve_mode(setting, has_users) == mode


def test_the_demo_mode_is_on_exactly_while_there_is_no_account(accounts: Accounts) -> None:
    assert not accounts.has_users()
    assert resolve_mode(None, accounts.has_users()) == "demo"
    accounts.add_user("Fasilitaattori", PASSWORD)
    assert resolve_mode(None, accounts.has_users()) == "local"
    accounts.remove_user("fasilitaattori")
    assert resolve_mode(None, accounts.has_users()) == "demo"


def test_the_name_from_the_identity_providers_claims() -> None:
    assert oidc_display_name({}) is None
    assert oidc_display_name({"is_logged_in": False, "name": "X"}) is None
    assert oidc_display_name({"is_logged_in": True, "name": " Maija  Meikäläinen "}) == "Maija Meikäläinen"
    assert oidc_display_name({"is_logged_in": True, "email": "f@example.org"}) == "f@example.org"
    assert oidc_display_name({"is_logged_in": True, "name": "", "sub": "abc123"}) == "abc123"
    assert oidc_display_name({"is_logged_in": True}) is None


# -- accounts --------------------------------------------------------------------------------------


def test_passwords_are_stored_only_as_argon2id_hashes(accounts: Accounts, store: Store) -> None:
    accounts.add_user("Fasilitaattori", PASSWORD)
    with store.read() as connection:
        stored = connection.execute(select(users_table.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert [user.name for user in accounts.list_users()] == ["Fasilitaattori"]


def test_the_default_hasher_is_argon2id(store: Store) -> None:
    hashed = Accounts(store).hasher.hash(PASSWORD)
    assert hashed.startswith("$argon2id$")


def test_sign_in_with_the_right_and_the_wrong_password(accounts: Accounts) -> None:
    accounts.add_user("Fasilitaattori", PASSWORD)
    ok = accounts.sign_in("  fasilitaattori ", PASSWORD)
    assert ok.ok and ok.name == "Fasilitaattori"
    wrong = accounts.sign_in("Fasilitaattori", PASSWORD + "x")
    assert not wrong.ok and not wrong.throttled
    assert wrong.message("en") == t("auth.error.wrong", "en")
    unknown = accounts.sign_in("Nobody", PASSWORD)
    assert not unknown.ok
    assert unknown.message("fi") == wrong.message("fi"), "an unknown name and a wrong password look the same"
    assert not accounts.sign_in("", PASSWORD).ok


def test_account_names_and_passwords_are_checked(accounts: Accounts) -> None:
    cases = [
        ("", PASSWORD, "auth.error.name_empty"),
        ("x" * 101, PASSWORD, "auth.error.name_long"),
        ("<script>", PASSWORD, "auth.error.name_chars"),
        ("Fasilitaattori", "short", "auth.error.password_short"),
        ("Fasilitaattori", "p" * 2000, "auth.error.password_long"),
    ]
    for name, password, key in cases:
        with pytest.raises(AuthError) as refused:
            accounts.add_user(name, password)
        assert refused.value.key == key
    accounts.add_user("Äijä O'Neil-Åberg", PASSWORD)
    with pytest.raises(AuthError) as taken:
        accounts.add_user("äijä o'neil-åberg", PASSWORD)
    assert taken.value.key == "auth.error.exists"
    assert [user.name for user in accounts.list_users()] == ["Äijä O'Neil-Åberg"]


def test_changing_a_password_and_removing_an_account(accounts: Accounts) -> None:
    accounts.add_user("Fasilitaattori", PASSWORD)
    accounts.set_password("FASILITAATTORI", "uusi-salasana-123")
    assert not accounts.sign_in("Fasilitaattori", PASSWORD).ok
    assert accounts.sign_in("Fasilitaattori", "uusi-salasana-123").ok
    with pytest.raises(AuthError):
        accounts.set_password("Nobody", "uusi-salasana-123")
    assert accounts.remove_user("fasilitaattori")
    assert not accounts.remove_user("fasilitaattori")
    assert not accounts.exists("Fasilitaattori")
    assert not accounts.sign_in("Fasilitaattori", "uusi-salasana-123").ok


# -- throttling ------------------------------------------------------------------------------------


def test_the_delay_grows_after_the_free_failures_and_is_capped() -> None:
    assert [delay_after(n) for n in range(FREE_FAILURES)] == [0] * FREE_FAILURES
    assert delay_after(FREE_FAILURES) == BASE_DELAY
    assert delay_after(FREE_FAILURES + 1) == 2 * BASE_DELAY
    assert delay_after(FREE_FAILURES + 2) == 4 * BASE_DELAY
    assert delay_after(100) == MAX_DELAY


def test_failed_sign_ins_slow_down_the_next_attempts(accounts: Accounts) -> None:
    accounts.add_user("Fasilitaattori", PASSWORD)
    now = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    for n in range(1, FREE_FAILURES):
        result = accounts.sign_in("Fasilitaattori", "wrong", now=now)
        assert not result.ok and result.retry_after == 0, n
    third = accounts.sign_in("Fasilitaattori", "wrong", now=now)
    assert not third.ok and third.retry_after == BASE_DELAY
    assert str(BASE_DELAY) in third.message("en")

    # Even the right password is refused while the wait lasts, and without checking it.
    refused = accounts.sign_in("Fasilitaattori", PASSWORD, now=now + timedelta(seconds=2))
    assert not refused.ok and refused.throttled and refused.retry_after == BASE_DELAY - 2
    assert refused.message("fi") == t("auth.error.throttled", "fi", seconds=BASE_DELAY - 2)
    assert accounts.failure_count("Fasilitaattori") == FREE_FAILURES, "a refused attempt is not counted"

    later = now + timedelta(seconds=BASE_DELAY + 1)
    fourth = accounts.sign_in("Fasilitaattori", "wrong", now=later)
    assert fourth.retry_after == 2 * BASE_DELAY
    assert accounts.sign_in("Fasilitaattori", PASSWORD, now=later + timedelta(seconds=1)).throttled

    after_wait = later + timedelta(seconds=2 * BASE_DELAY + 1)
    assert accounts.sign_in("Fasilitaattori", PASSWORD, now=after_wait).ok
    assert accounts.failure_count("Fasilitaattori") == 0, "a successful sign-in clears the count"


def test_unknown_names_are_throttled_too(accounts: Accounts) -> None:
    now = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    for _ in range(FREE_FAILURES):
        accounts.sign_in("Arvaus", "x", now=now)
    assert accounts.sign_in("arvaus", "x", now=now).throttled


def test_old_failures_are_forgotten(accounts: Accounts) -> None:
    accounts.add_user("Fasilitaattori", PASSWORD)
    now = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    for _ in range(FREE_FAILURES - 1):
        accounts.sign_in("Fasilitaattori", "wrong", now=now)
    much_later = now + FAILURE_WINDOW + timedelta(minutes=1)
    assert accounts.sign_in("Fasilitaattori", "wrong", now=much_later).retry_after == 0
    assert accounts.failure_count("Fasilitaattori") == 1


def test_the_count_is_shared_by_every_store_on_the_database(accounts: Accounts, db_url: str) -> None:
    """The count lives in the database, so another process (here: another engine) sees it."""
    accounts.add_user("Fasilitaattori", PASSWORD)
    now = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    other_store = Store(db_url)
    try:
        other = Accounts(other_store, hasher=FAST)
        for _ in range(FREE_FAILURES):
            other.sign_in("Fasilitaattori", "wrong", now=now)
        assert accounts.sign_in("Fasilitaattori", PASSWORD, now=now + timedelta(seconds=1)).throttled
    finally:
        other_store.close()


def test_parallel_guesses_are_all_counted(accounts: Accounts) -> None:
    """Twelve guesses at the same moment: each is counted or refused before any password is checked."""
    accounts.add_user("Fasilitaattori", PASSWORD)
    guesses = 12
    barrier = threading.Barrier(guesses)

    def guess(i: int) -> tuple[bool, bool]:
        barrier.wait(timeout=30)
        result = accounts.sign_in("Fasilitaattori", f"guess-{i}")
        return result.ok, result.throttled

    with ThreadPoolExecutor(guesses) as pool:
        outcomes = list(pool.map(guess, range(guesses)))
    assert not any(ok for ok, _ in outcomes)
    refused = sum(1 for _, throttled in outcomes if throttled)
    counted = accounts.failure_count("Fasilitaattori")
    assert counted + refused == guesses
    assert counted == FREE_FAILURES, "once locked, nothing more is checked or counted"


# -- the command line ------------------------------------------------------------------------------


def _cli(
    url: str, *args: str, stdin: str = "", monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    """`python -m paths ...` in this process (the real parser and handlers), with its exit code and output."""
    from paths.cli.main import main
    from paths.store.library import ENV_URL

    monkeypatch.setenv(ENV_URL, url)
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_the_users_command(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def cli(*args: str, stdin: str = "") -> tuple[int, str, str]:
        return _cli(sqlite_url, *args, stdin=stdin, monkeypatch=monkeypatch, capsys=capsys)

    assert cli("--lang", "en", "users", "list") == (0, t("auth.cli.none", "en"), "")
    code, out, err = cli(
        "users", "add", "Maija Fasilitaattori", "--password-stdin", "--lang", "en", stdin=PASSWORD + "\n"
    )
    assert (code, out, err) == (0, t("auth.cli.added", "en", name="Maija Fasilitaattori"), "")
    again = cli("users", "add", "maija fasilitaattori", "--password-stdin", stdin=PASSWORD + "\n")
    assert again == (2, "", t("auth.error.exists", "fi", name="maija fasilitaattori"))
    short = cli("--lang", "sv", "users", "add", "Toinen", "--password-stdin", stdin="lyhyt\n")
    assert short == (2, "", t("auth.error.password_short", "sv", min=10))
    code, out, _ = cli("users", "list")
    assert code == 0 and out.startswith("Maija Fasilitaattori\t")

    store = Store(sqlite_url)
    try:
        assert Accounts(store).sign_in("Maija Fasilitaattori", PASSWORD).ok
    finally:
        store.close()

    assert cli("users", "remove", "Nobody") == (2, "", t("auth.error.unknown_user", "fi", name="Nobody"))
    assert cli("users", "remove", "MAIJA FASILITAATTORI")[0] == 0
    assert cli("--lang", "en", "users", "list") == (0, t("auth.cli.none", "en"), "")


def test_the_users_command_as_a_real_process_never_echoes_the_password(sqlite_url: str) -> None:
    env = {**os.environ, "POLKU_DATABASE_URL": sqlite_url}
    added = subprocess.run(
        [sys.executable, "-m", "paths", "users", "add", "Fasilitaattori", "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )
    assert added.returncode == 0, added.stderr
    assert PASSWORD not in added.stdout + added.stderr
    store = Store(sqlite_url)
    try:
        assert Accounts(store).sign_in("Fasilitaattori", PASSWORD).ok
    finally:
        store.close()
