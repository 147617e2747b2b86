"""Who may open a personal path: its links, its PIN and its shares.

A link carries a secret token (`secrets.token_urlsafe(32)`, 256 bits) stored only as its SHA-256;
an optional PIN is stored only as an Argon2 hash, and repeated wrong PINs lock the link for a
growing time (`lock_time`).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine

from paths.personal.model import PersonalDataError, check_line
from paths.personal.records import LinkResult
from paths.personal.tables import personal_links, personal_paths, personal_shares

FREE_PIN_TRIES = 3
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(hours=24)
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,128}$")
_PIN_RE = re.compile(r"^\d{4,8}$")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def lock_time(failures: int) -> timedelta:
    """How long a link stays locked after `failures` wrong PINs in a row: 0 for the first
    FREE_PIN_TRIES, then doubling from 30 seconds up to a day."""
    if failures < FREE_PIN_TRIES:
        return timedelta(0)
    return min(FIRST_LOCK * (2 ** (failures - FREE_PIN_TRIES)), LONGEST_LOCK)


_hasher = PasswordHasher()


def _hash_pin(pin: str) -> str:
    if not _PIN_RE.match(pin or ""):
        raise PersonalDataError("pin_format")
    return _hasher.hash(pin)


def _verify_pin(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


class LinksAndShares:
    """The links, PIN and shares half of `PersonalStore` (paths/personal/store.py), which mixes it in
    and gives it `engine`, `clock`, `_write()`, `_exists()` and `get()`."""

    engine: Engine
    clock: Callable[[], datetime]

    # ------------------------------------------------------------ links and PINs

    def open_link(self, token: str | None, pin: str | None = None) -> LinkResult:
        """The personal path behind a link token. Wrong, revoked or malformed tokens all give
        the same `not_found`; a set PIN must be given, and wrong PINs lock the link a while."""
        if not token or not _TOKEN_RE.match(token):
            return LinkResult("not_found")
        with self._write() as conn:
            # The link row is locked for the whole check (FOR UPDATE on PostgreSQL; SQLite's
            # BEGIN IMMEDIATE already holds the database's write lock): parallel guesses wait
            # for each other, so each one sees the count and the lock the one before it left.
            link = conn.execute(
                select(personal_links, personal_paths.c.pin_hash, personal_paths.c.lang)
                .join(personal_paths, personal_paths.c.id == personal_links.c.personal_id)
                .where(personal_links.c.token_hash == hash_token(token), personal_links.c.revoked_at.is_(None))
                .with_for_update(of=personal_links)
            ).mappings().first()
            if link is None:
                return LinkResult("not_found")
            now = self.clock()
            if link["pin_hash"] is not None:
                lang = link["lang"]
                if link["locked_until"] is not None and link["locked_until"] > now:
                    return LinkResult("locked", retry_after=(link["locked_until"] - now).total_seconds(), lang=lang)
                if not pin:
                    return LinkResult("pin_required", lang=lang)
                if not _verify_pin(link["pin_hash"], pin):
                    wait = self._count_wrong_pin(conn, link["id"], now)
                    return LinkResult("pin_wrong", retry_after=wait.total_seconds(), lang=lang)
                if link["failed_pins"]:
                    conn.execute(update(personal_links).where(personal_links.c.id == link["id"]).values(
                        failed_pins=0, locked_until=None,
                    ))
            personal_id = link["personal_id"]
        personal = self.get(personal_id, touch=True)
        return LinkResult("ok", personal) if personal else LinkResult("not_found")

    @staticmethod
    def _count_wrong_pin(conn: Connection, link_id: int, now: datetime) -> timedelta:
        """One more wrong PIN, counted in the database (`failed_pins + 1 ... RETURNING`, never a
        value read earlier), and the link locked for as long as that count says."""
        failures = conn.execute(
            update(personal_links).where(personal_links.c.id == link_id)
            .values(failed_pins=personal_links.c.failed_pins + 1).returning(personal_links.c.failed_pins)
        ).scalar_one()
        wait = lock_time(failures)
        if wait:
            conn.execute(update(personal_links).where(personal_links.c.id == link_id).values(locked_until=now + wait))
        return wait

    def resolve_token(self, token: str | None) -> str | None:
        """The personal path id behind an active link, without the PIN check: for a session that
        already gave the PIN, to notice a revoked link on every rerun."""
        if not token or not _TOKEN_RE.match(token):
            return None
        with self.engine.connect() as conn:
            return conn.execute(
                select(personal_links.c.personal_id).where(
                    personal_links.c.token_hash == hash_token(token), personal_links.c.revoked_at.is_(None)
                )
            ).scalar()

    def renew_link(self, personal_id: str) -> str:
        """Revoke every link of the personal path and make a new one; returns the new token."""
        token = secrets.token_urlsafe(32)
        now = self.clock()
        with self._write() as conn:
            if not self._exists(conn, personal_id):
                raise PersonalDataError("not_found")
            self._revoke(conn, personal_id, now)
            conn.execute(insert(personal_links).values(
                personal_id=personal_id, token_hash=hash_token(token), created_at=now, failed_pins=0,
            ))
        return token

    def revoke_link(self, personal_id: str) -> None:
        with self._write() as conn:
            self._revoke(conn, personal_id, self.clock())

    def has_link(self, personal_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(
                select(func.count()).select_from(personal_links).where(
                    personal_links.c.personal_id == personal_id, personal_links.c.revoked_at.is_(None)
                )
            ).scalar_one() > 0

    def set_pin(self, personal_id: str, pin: str | None) -> None:
        """Set (4–8 digits) or remove (None or empty) the PIN; wrong-PIN counters start over."""
        pin_hash = _hash_pin(pin) if pin else None
        with self._write() as conn:
            if not self._exists(conn, personal_id):
                raise PersonalDataError("not_found")
            conn.execute(update(personal_paths).where(personal_paths.c.id == personal_id).values(pin_hash=pin_hash))
            conn.execute(update(personal_links).where(personal_links.c.personal_id == personal_id).values(
                failed_pins=0, locked_until=None,
            ))

    def share(self, personal_id: str, name: str) -> None:
        name = check_line(name, "owner", 200)
        if not name:
            raise PersonalDataError("owner_missing")
        with self._write() as conn:
            if not self._exists(conn, personal_id):
                raise PersonalDataError("not_found")
            exists = conn.execute(select(personal_shares.c.name).where(
                personal_shares.c.personal_id == personal_id, personal_shares.c.name == name)).first()
            if not exists:
                conn.execute(insert(personal_shares).values(personal_id=personal_id, name=name))

    def unshare(self, personal_id: str, name: str) -> None:
        with self._write() as conn:
            conn.execute(delete(personal_shares).where(
                personal_shares.c.personal_id == personal_id, personal_shares.c.name == name))

    @staticmethod
    def _revoke(conn: Connection, personal_id: str, now: datetime) -> None:
        conn.execute(
            update(personal_links)
            .where(personal_links.c.personal_id == personal_id, personal_links.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )
