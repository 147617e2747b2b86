"""Column types shared by every store."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Dialect, TypeDecorator


def utc_now() -> datetime:
    """Now, timezone-aware in UTC: the one clock every store writes with."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as UTC and always read back timezone-aware (SQLite drops the zone).

    A naive value is taken to be UTC already, which is how the personal store wrote its
    timestamps before every store used this type."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)


def as_utc(value: datetime) -> datetime:
    """`value` as an aware UTC time; a naive one is taken to be UTC already."""
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
