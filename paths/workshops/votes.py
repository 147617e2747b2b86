"""The one vote budget of a participant, shared by votes on notes, steps and suggestions, and the lock
that serialises one participant's votes on PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy import text as sql_text

from paths.workshops.tables import count_of_participant, suggestion_votes_table, votes_table

_COUNT_VOTES = count_of_participant(votes_table)
_COUNT_SUGGESTION_VOTES = count_of_participant(suggestion_votes_table)


def votes_used(connection: Connection, workshop_id: int, who: str) -> int:
    """The votes a participant has spent, on notes and steps and on suggestions: one budget for all."""
    params = {"workshop_id": workshop_id, "who": who}
    return connection.execute(_COUNT_VOTES, params).scalar_one() + connection.execute(
        _COUNT_SUGGESTION_VOTES, params
    ).scalar_one()


def lock_participant(connection: Connection, dialect: str, workshop_id: int, who: str) -> None:
    """On PostgreSQL, serialise one participant's votes (SQLite has one writer at a time anyway)."""
    if dialect == "postgresql":
        lock = sql_text("SELECT pg_advisory_xact_lock(:a, :b)")
        connection.execute(lock, {"a": workshop_id, "b": _signed_int32(who)})


def _signed_int32(digest: str) -> int:
    return int.from_bytes(bytes.fromhex(digest[:8]), "big", signed=True)
