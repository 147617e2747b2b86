"""The personal store: clients' personal paths, kept apart from the path library.

Its own database (env `POLKU_PERSONAL_DATABASE_URL`, default a SQLite file in `var/`), its
own tables (prefix `personal_`) and its own Alembic history (`paths/personal/migrations/`,
version table `alembic_version_personal`), so that personal data can be backed up, retained
and erased on its own terms.

Links carry a secret token (`secrets.token_urlsafe(32)`, 256 bits) that is stored only as
its SHA-256; an optional PIN is stored only as an Argon2 hash, and repeated wrong PINs lock
the link for a growing time. Every save of the client's fill-in is a new version.
"""

from __future__ import annotations

import json
import os
import secrets
import threading
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine

from paths.db.database import database
from paths.db.types import as_utc, utc_now
from paths.model.schema import LANGS, ServicePath, without_experience
from paths.model.text_rules import STORED
from paths.personal.access import LinksAndShares, _hash_pin, hash_token
from paths.personal.model import (
    PersonalDataError,
    PersonalFill,
    PersonalPath,
    check_display_name,
    check_line,
    validate_fill,
)
from paths.personal.records import PersonalConflictError, PersonalSummary, VersionInfo
from paths.personal.tables import (
    ALL_TABLES,
    PERSONAL_MIGRATIONS,
    personal_links,
    personal_paths,
    personal_shares,
    personal_versions,
)

ROOT = Path(__file__).resolve().parents[2]
ENV_URL = "POLKU_PERSONAL_DATABASE_URL"


def default_url() -> str:
    url = os.environ.get(ENV_URL)
    if url:
        return url
    (ROOT / "var").mkdir(exist_ok=True)
    return f"sqlite:///{ROOT / 'var' / 'polku-personal.db'}"


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (clamped to the month's end)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))


class PersonalStore(LinksAndShares):
    """Personal paths in their own database. Methods never log or echo personal data."""

    def __init__(self, url: str | None = None, clock: Callable[[], datetime] = utc_now) -> None:
        self.url = url or default_url()
        self.clock = lambda: as_utc(clock())
        self.db = database(self.url, personal_data=True)
        self.engine: Engine = self.db.engine
        self.ensure_schema()

    def ensure_schema(self) -> None:
        """Create or upgrade the tables; under a lock, so processes starting together are safe."""
        self.db.upgrade(PERSONAL_MIGRATIONS)

    def _write(self) -> AbstractContextManager[Connection]:
        """A write transaction (see `paths.db.database` for the write policy)."""
        return self.db.write()

    # ------------------------------------------------------------ making and reading

    def create(
        self,
        path: ServicePath,
        source_version: int,
        *,
        owner: str,
        display_name: str,
        lang: str,
        pin: str | None = None,
    ) -> tuple[PersonalPath, str]:
        """A new personal path from `path` (a copy is kept) and its first link token.

        The token is returned once and stored only as a hash: show it now or renew later."""
        display_name = check_display_name(display_name)
        owner = check_line(owner, "owner", 200)
        if not owner:
            raise PersonalDataError("owner_missing")
        if lang not in LANGS:
            raise PersonalDataError("bad_lang")
        pin_hash = _hash_pin(pin) if pin else None
        now = self.clock()
        personal_id = uuid.uuid4().hex
        token = secrets.token_urlsafe(32)
        with self._write() as conn:
            conn.execute(
                insert(personal_paths).values(
                    id=personal_id,
                    owner=owner,
                    display_name=display_name,
                    lang=lang,
                    source_path_id=path.id,
                    source_version=source_version,
                    source_json=without_experience(path).model_dump_json(),
                    current_version=1,
                    pin_hash=pin_hash,
                    created_at=now,
                    updated_at=now,
                    last_opened_at=None,
                )
            )
            conn.execute(
                insert(personal_versions).values(
                    personal_id=personal_id, version=1, author=owner, created_at=now,
                    fill_json=PersonalFill().model_dump_json(),
                )
            )
            conn.execute(insert(personal_links).values(
                personal_id=personal_id, token_hash=hash_token(token), created_at=now, failed_pins=0,
            ))
        personal = self.get(personal_id)
        assert personal is not None
        return personal, token

    def get(self, personal_id: str, *, touch: bool = False, version: int | None = None) -> PersonalPath | None:
        """The personal path with its latest (or a given) fill; `touch` records that it was opened."""
        if touch:
            with self._write() as conn:
                conn.execute(
                    update(personal_paths).where(personal_paths.c.id == personal_id).values(last_opened_at=self.clock())
                )
        with self.engine.connect() as conn:
            row = conn.execute(select(personal_paths).where(personal_paths.c.id == personal_id)).mappings().first()
            if row is None:
                return None
            wanted = version or row["current_version"]
            fill_json = conn.execute(
                select(personal_versions.c.fill_json).where(
                    personal_versions.c.personal_id == personal_id, personal_versions.c.version == wanted
                )
            ).scalar()
            if fill_json is None:
                return None
            shares = conn.execute(
                select(personal_shares.c.name).where(personal_shares.c.personal_id == personal_id)
                .order_by(personal_shares.c.name)
            ).scalars().all()
        return PersonalPath(
            id=row["id"],
            owner=row["owner"],
            display_name=row["display_name"],
            lang=row["lang"],
            source_path_id=row["source_path_id"],
            source_version=row["source_version"],
            source=ServicePath.model_validate_json(row["source_json"], context=STORED),
            fill=PersonalFill.model_validate_json(fill_json, context=STORED),
            version=wanted,
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            last_opened_at=row["last_opened_at"],
            shared_with=list(shares),
        )

    def list_for(self, name: str | None) -> list[PersonalSummary]:
        """Personal paths that `name` made or that were shared with them; None lists all (CLI)."""
        query = select(personal_paths)
        if name is not None:
            shared = select(personal_shares.c.personal_id).where(personal_shares.c.name == name)
            query = query.where(or_(personal_paths.c.owner == name, personal_paths.c.id.in_(shared)))
        active = (
            select(personal_links.c.personal_id)
            .where(personal_links.c.revoked_at.is_(None))
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(personal_paths.c.updated_at.desc())).mappings().all()
            with_link = set(conn.execute(active).scalars().all())
        return [
            PersonalSummary(
                id=row["id"], display_name=row["display_name"], owner=row["owner"], lang=row["lang"],
                source_path_id=row["source_path_id"], source_version=row["source_version"],
                version=row["current_version"], created_at=row["created_at"], updated_at=row["updated_at"],
                last_opened_at=row["last_opened_at"], has_link=row["id"] in with_link,
                has_pin=row["pin_hash"] is not None,
            )
            for row in rows
        ]

    def may_see(self, personal_id: str, name: str) -> bool:
        """True when `name` made the personal path or it was shared with them."""
        return any(summary.id == personal_id for summary in self.list_for(name))

    # ------------------------------------------------------------ saving

    def save_fill(self, personal_id: str, fill: PersonalFill, author: str, base_version: int | None = None) -> int:
        """Store `fill` as the next version; PersonalConflictError when `base_version` is stale."""
        with self._write() as conn:
            row = conn.execute(
                select(personal_paths.c.current_version, personal_paths.c.source_json)
                .where(personal_paths.c.id == personal_id)
            ).first()
            if row is None:
                raise PersonalDataError("not_found")
            current, source_json = row
            if base_version is not None and base_version != current:
                raise PersonalConflictError()
            fill = validate_fill(fill, ServicePath.model_validate_json(source_json, context=STORED))
            version = current + 1
            now = self.clock()
            result = conn.execute(
                update(personal_paths)
                .where(personal_paths.c.id == personal_id, personal_paths.c.current_version == current)
                .values(current_version=version, updated_at=now)
            )
            if result.rowcount != 1:
                raise PersonalConflictError()
            conn.execute(insert(personal_versions).values(
                personal_id=personal_id, version=version, author=(author or "")[:200], created_at=now,
                fill_json=fill.model_dump_json(),
            ))
        return version

    def versions(self, personal_id: str) -> list[VersionInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(personal_versions.c.version, personal_versions.c.author, personal_versions.c.created_at)
                .where(personal_versions.c.personal_id == personal_id)
                .order_by(personal_versions.c.version.desc())
            ).all()
        return [VersionInfo(*row) for row in rows]

    # ------------------------------------------------------------ export, erase, retention

    def export(self, personal_id: str) -> dict | None:
        """Everything stored about the personal path, as plain JSON-ready data. Secrets (the
        token and PIN hashes) are reported as present or not, never copied."""
        with self.engine.connect() as conn:
            row = conn.execute(select(personal_paths).where(personal_paths.c.id == personal_id)).mappings().first()
            if row is None:
                return None
            versions = conn.execute(
                select(personal_versions).where(personal_versions.c.personal_id == personal_id)
                .order_by(personal_versions.c.version)
            ).mappings().all()
            links = conn.execute(
                select(personal_links).where(personal_links.c.personal_id == personal_id).order_by(personal_links.c.id)
            ).mappings().all()
            shares = conn.execute(
                select(personal_shares.c.name).where(personal_shares.c.personal_id == personal_id)
            ).scalars().all()
        return {
            "format": "polku-personal-path-export",
            "format_version": 1,
            "exported_at": _iso(self.clock()),
            "personal_path": {
                "id": row["id"],
                "display_name": row["display_name"],
                "lang": row["lang"],
                "owner": row["owner"],
                "shared_with": sorted(shares),
                "source_path_id": row["source_path_id"],
                "source_version": row["source_version"],
                "current_version": row["current_version"],
                "pin_set": row["pin_hash"] is not None,
                "created_at": _iso(row["created_at"]),
                "updated_at": _iso(row["updated_at"]),
                "last_opened_at": _iso(row["last_opened_at"]),
            },
            "source_path": json.loads(row["source_json"]),
            "versions": [
                {
                    "version": v["version"],
                    "author": v["author"],
                    "created_at": _iso(v["created_at"]),
                    "fill": json.loads(v["fill_json"]),
                }
                for v in versions
            ],
            "links": [
                {
                    "created_at": _iso(link["created_at"]),
                    "revoked_at": _iso(link["revoked_at"]),
                    "failed_pins": link["failed_pins"],
                    "locked_until": _iso(link["locked_until"]),
                }
                for link in links
            ],
        }

    def erase(self, personal_id: str) -> bool:
        """Delete every row of the personal path in every table, every version. True if it existed."""
        with self._write() as conn:
            existed = self._exists(conn, personal_id)
            for table in ALL_TABLES:
                column = table.c.id if table is personal_paths else table.c.personal_id
                conn.execute(delete(table).where(column == personal_id))
        return existed

    def purge_expired(self, months: int) -> int:
        """Erase personal paths that nobody has opened for `months` months (never opened: since
        they were made). Returns how many were erased."""
        if months < 1:
            raise PersonalDataError("bad_months")
        cutoff = months_before(self.clock(), months)
        last_seen = func.coalesce(personal_paths.c.last_opened_at, personal_paths.c.created_at)
        with self.engine.connect() as conn:
            expired = conn.execute(select(personal_paths.c.id).where(last_seen < cutoff)).scalars().all()
        for personal_id in expired:
            self.erase(personal_id)
        return len(expired)

    # ------------------------------------------------------------ helpers

    @staticmethod
    def _exists(conn: Connection, personal_id: str) -> bool:
        return conn.execute(select(personal_paths.c.id).where(personal_paths.c.id == personal_id)).first() is not None



def _iso(moment: datetime | None) -> str | None:
    return as_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


_stores: dict[str, PersonalStore] = {}
_stores_lock = threading.Lock()


def get_personal_store(url: str | None = None) -> PersonalStore:
    """One store per database URL in a process (the app and the CLI share this)."""
    url = url or default_url()
    with _stores_lock:
        if url not in _stores:
            _stores[url] = PersonalStore(url)
        return _stores[url]
