"""Facilitator accounts: local names with argon2 password hashes, sign-in throttling, the sign-in mode.

Who may edit, restore and run workshops is decided here, without Streamlit:

- `resolve_mode(setting, has_users)` picks the sign-in mode from `POLKU_AUTH`: `oidc` (the
  organisation's identity provider through Streamlit's `st.login`), `local` (accounts in the
  store, never a demo) or, unset, `local` when an account exists and otherwise `demo`: a
  single-user demo without sign-in, so that a first look needs no set-up.
- `Accounts(store)` keeps the local accounts in the store's `users` table. Passwords are hashed
  with argon2id (argon2-cffi's `PasswordHasher`).
- Failed sign-ins are counted per name in the `sign_in_failures` table (so the count holds across
  processes and restarts): after `FREE_FAILURES` failures each further attempt must wait
  `BASE_DELAY` seconds, doubling up to `MAX_DELAY`. An attempt is counted *before* the password
  is checked, so parallel guesses cannot slip past the count; a correct password clears it.
  A refused attempt says how long to wait instead of sleeping, so no server thread is held.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Column, Integer, String, Table, Text, delete, func, select
from sqlalchemy.exc import IntegrityError

from paths.db.types import UTCDateTime
from paths.i18n.catalog import UserError, t
from paths.store.library import Store
from paths.store.tables import metadata

AuthMode = Literal["demo", "local", "oidc"]
MODE_ENV = "POLKU_AUTH"
OIDC_PROVIDER_ENV = "POLKU_OIDC_PROVIDER"

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
MAX_NAME = 100
FREE_FAILURES = 3
BASE_DELAY = 5
MAX_DELAY = 15 * 60
FAILURE_WINDOW = timedelta(hours=1)
_NAME_RE = re.compile(r"^\w[\w .@'-]*$")


users_table = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False),
    Column("name_key", String(100), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

failures_table = Table(
    "sign_in_failures",
    metadata,
    Column("name_key", String(100), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", UTCDateTime, nullable=False),
    Column("locked_until", UTCDateTime, nullable=True),
)


def resolve_mode(setting: str | None, has_users: bool) -> AuthMode:
    """The sign-in mode for `POLKU_AUTH`'s value; an unknown value is treated as `local` (the safe one)."""
    value = (setting or "").strip().lower()
    if value == "oidc":
        return "oidc"
    if value in ("", "auto"):
        return "local" if has_users else "demo"
    return "local"


def oidc_display_name(claims: Mapping[str, Any]) -> str | None:
    """The facilitator's name from the identity provider's claims (`st.user`), or None when not signed in."""
    if not claims.get("is_logged_in"):
        return None
    for claim in ("name", "preferred_username", "email", "sub"):
        value = claims.get(claim)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:200]
    return None


def name_key(name: str) -> str:
    """What makes two account names the same: Unicode-normalised, trimmed, case-folded."""
    return unicodedata.normalize("NFKC", name).strip().casefold()[:MAX_NAME]


def clean_name(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip()


def delay_after(failures: int) -> int:
    """Seconds the next attempt must wait after `failures` failures in a row."""
    if failures < FREE_FAILURES:
        return 0
    return min(BASE_DELAY * 2 ** (failures - FREE_FAILURES), MAX_DELAY)


class AuthError(UserError):
    """An account problem a user can act on; `message(lang)` is one sentence."""


@dataclass(frozen=True)
class UserInfo:
    name: str
    created_at: datetime


@dataclass(frozen=True)
class SignInResult:
    """`ok` with the account's own spelling of the name, or a refusal with `retry_after` seconds (0: none)."""

    ok: bool
    name: str = ""
    retry_after: int = 0
    throttled: bool = False

    def message(self, lang: str = "fi") -> str:
        """What the sign-in form says about a refused attempt."""
        if self.throttled:
            return t("auth.error.throttled", lang, seconds=self.retry_after)
        if self.retry_after:
            return t("auth.error.wrong_wait", lang, seconds=self.retry_after)
        return t("auth.error.wrong", lang)


def validate_name(name: str) -> str:
    """The cleaned account name, or AuthError naming what is wrong with it."""
    cleaned = clean_name(name)
    if not cleaned:
        raise AuthError("auth.error.name_empty")
    if len(cleaned) > MAX_NAME:
        raise AuthError("auth.error.name_long", max=MAX_NAME)
    if not _NAME_RE.match(cleaned):
        raise AuthError("auth.error.name_chars")
    return cleaned


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AuthError("auth.error.password_short", min=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        raise AuthError("auth.error.password_long", max=MAX_PASSWORD)


class Accounts:
    """Local facilitator accounts in the store's database (share the `Store`: it owns the engine)."""

    def __init__(self, store: Store, hasher: PasswordHasher | None = None) -> None:
        self.store = store
        self.hasher = hasher or PasswordHasher()
        self._dummy_hash: str | None = None

    # -- administration ----------------------------------------------------------------------

    def has_users(self) -> bool:
        with self.store.read() as connection:
            return connection.execute(select(users_table.c.id).limit(1)).first() is not None

    def exists(self, name: str) -> bool:
        with self.store.read() as connection:
            query = select(users_table.c.id).where(users_table.c.name_key == name_key(name))
            return connection.execute(query).first() is not None

    def list_users(self) -> list[UserInfo]:
        query = select(users_table.c.name, users_table.c.created_at).order_by(users_table.c.name_key)
        with self.store.read() as connection:
            return [UserInfo(row.name, row.created_at) for row in connection.execute(query)]

    def add_user(self, name: str, password: str) -> str:
        """Create an account; returns the stored name. AuthError for a bad name or password or a taken name."""
        cleaned = validate_name(name)
        validate_password(password)
        hashed = self.hasher.hash(password)
        try:
            with self.store.write(paths_change=False) as connection:
                exists = connection.execute(
                    select(users_table.c.id).where(users_table.c.name_key == name_key(cleaned))
                ).first()
                if exists is not None:
                    raise AuthError("auth.error.exists", name=cleaned)
                connection.execute(
                    users_table.insert().values(
                        name=cleaned, name_key=name_key(cleaned), password_hash=hashed, created_at=datetime.now(UTC)
                    )
                )
        except IntegrityError:
            raise AuthError("auth.error.exists", name=cleaned) from None
        return cleaned

    def set_password(self, name: str, password: str) -> None:
        validate_password(password)
        hashed = self.hasher.hash(password)
        with self.store.write(paths_change=False) as connection:
            updated = connection.execute(
                users_table.update().where(users_table.c.name_key == name_key(name)).values(password_hash=hashed)
            )
            if updated.rowcount != 1:
                raise AuthError("auth.error.unknown_user", name=clean_name(name))
            connection.execute(delete(failures_table).where(failures_table.c.name_key == name_key(name)))

    def remove_user(self, name: str) -> bool:
        with self.store.write(paths_change=False) as connection:
            removed = connection.execute(delete(users_table).where(users_table.c.name_key == name_key(name)))
            connection.execute(delete(failures_table).where(failures_table.c.name_key == name_key(name)))
            return removed.rowcount == 1

    # -- signing in --------------------------------------------------------------------------

    def sign_in(self, name: str, password: str, now: datetime | None = None) -> SignInResult:
        """Check a name and password, counting the attempt first; never sleeps."""
        now = now or datetime.now(UTC)
        key = name_key(name)
        if not key:
            return SignInResult(False)
        wait = self._count_attempt(key, now)
        if wait is not None:
            return SignInResult(False, retry_after=wait, throttled=True)
        with self.store.read() as connection:
            row = connection.execute(
                select(users_table.c.name, users_table.c.password_hash).where(users_table.c.name_key == key)
            ).first()
        if not self._verify(row.password_hash if row else None, password[:MAX_PASSWORD]):
            return SignInResult(False, retry_after=self._pending_delay(key, now))
        with self.store.write(paths_change=False) as connection:
            connection.execute(delete(failures_table).where(failures_table.c.name_key == key))
            if self.hasher.check_needs_rehash(row.password_hash):
                connection.execute(
                    users_table.update()
                    .where(users_table.c.name_key == key)
                    .values(password_hash=self.hasher.hash(password))
                )
        return SignInResult(True, name=row.name)

    def _verify(self, hashed: str | None, password: str) -> bool:
        """argon2 verification; an unknown name costs the same as a known one (no name probing by timing)."""
        if hashed is None:
            if self._dummy_hash is None:
                self._dummy_hash = self.hasher.hash("polku-no-such-user")
            hashed, password = self._dummy_hash, password + "\x00"
        try:
            return self.hasher.verify(hashed, password) and hashed != self._dummy_hash
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def _count_attempt(self, key: str, now: datetime) -> int | None:
        """Record one more attempt for `key`; the seconds to wait when it is locked (then nothing is counted)."""
        for attempt in range(3):
            try:
                with self.store.write(paths_change=False) as connection:
                    row = connection.execute(
                        select(failures_table).where(failures_table.c.name_key == key).with_for_update()
                    ).first()
                    if row is not None and row.locked_until is not None and row.locked_until > now:
                        return max(1, math.ceil((row.locked_until - now).total_seconds()))
                    fresh = row is None or now - row.last_failure_at > FAILURE_WINDOW
                    failures = 1 if fresh else row.failures + 1
                    delay = delay_after(failures)
                    values = {
                        "failures": failures,
                        "last_failure_at": now,
                        "locked_until": now + timedelta(seconds=delay) if delay else None,
                    }
                    if row is None:
                        connection.execute(failures_table.insert().values(name_key=key, **values))
                    else:
                        connection.execute(
                            failures_table.update().where(failures_table.c.name_key == key).values(**values)
                        )
                    if attempt == 0:
                        connection.execute(
                            delete(failures_table).where(failures_table.c.last_failure_at < now - FAILURE_WINDOW * 24)
                        )
                    return None
            except IntegrityError:
                # Another process inserted this name's first failure at the same moment: count on top of it.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _pending_delay(self, key: str, now: datetime) -> int:
        with self.store.read() as connection:
            locked = connection.execute(
                select(failures_table.c.locked_until).where(failures_table.c.name_key == key)
            ).scalar_one_or_none()
        return max(0, math.ceil((locked - now).total_seconds())) if locked else 0

    def failure_count(self, name: str) -> int:
        with self.store.read() as connection:
            count = connection.execute(
                select(func.coalesce(func.max(failures_table.c.failures), 0)).where(
                    failures_table.c.name_key == name_key(name)
                )
            ).scalar_one()
        return int(count)
