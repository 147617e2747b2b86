"""Suggested changes in the library database: participants propose, vote; the facilitator accepts or declines.

Every rule is enforced here, inside the write transaction, like the workshop's notes and votes
(`paths.workshops.workshop`): no suggestions on a closed workshop, only on steps and stages the
workshop's audience sees, at most `MAX_OPEN_SUGGESTIONS` open suggestions per participant, one
vote budget shared with notes. Texts are cleaned like notes (control and bidi characters dropped)
and stay text wherever they are shown (the pages escape them; the diagram's `to_dot` escapes them).

Accepting applies the change (`changes.apply_change`, i.e. `paths.editing.edits`) to the path's
latest version and saves a new version in the same transaction that marks the suggestion accepted
(the store's in-transaction save, `Store.save_in`, so that the version and the decision commit or
fail together).
Its history names the participant (display name, or "a participant") and the facilitator. A
suggestion whose target was removed or changed since it was made is out of date: it is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select

from paths.i18n.catalog import UserError, t
from paths.model.schema import ServicePath
from paths.store.content import content_json
from paths.store.records import StaleVersionError
from paths.workshops.changes import Change, SuggestionError, apply_change, checked, describe, fingerprint, out_of_date
from paths.workshops.rules import VoteLimitError, clean_display_name, clean_participant_text, participant_hash
from paths.workshops.tables import count_of_participant, suggestion_votes_table, suggestions_table
from paths.workshops.votes import lock_participant, votes_used
from paths.workshops.workshop import WorkshopStore

MAX_OPEN_SUGGESTIONS = 10
MAX_REASON_CHARS = 300
STATUSES: tuple[str, ...] = ("open", "accepted", "declined")

_COUNT_OPEN = count_of_participant(suggestions_table).where(suggestions_table.c.status == "open")
_INSERT = suggestions_table.insert().returning(suggestions_table.c.id)


@dataclass(frozen=True)
class Suggestion:
    id: int
    workshop_id: int
    path_id: str
    change: Change
    base_version: int
    fingerprint: str
    display_name: str | None
    status: str
    reason: str | None
    decided_by: str | None
    decided_at: datetime | None
    accepted_version: int | None
    created_at: datetime
    votes: int = 0
    mine: bool = False

    @property
    def is_open(self) -> bool:
        return self.status == "open"


def _suggestion(row: Any, who: str | None = None) -> Suggestion:
    return Suggestion(
        id=row.id, workshop_id=row.workshop_id, path_id=row.path_id, change=Change.from_json(row.change),
        base_version=row.base_version, fingerprint=row.fingerprint, display_name=row.display_name,
        status=row.status, reason=row.reason, decided_by=row.decided_by, decided_at=row.decided_at,
        accepted_version=row.accepted_version, created_at=row.created_at,
        votes=int(getattr(row, "votes", 0) or 0), mine=who is not None and row.participant_hash == who,
    )


def overlapping(suggestions: list[Suggestion]) -> list[list[Suggestion]]:
    """Open suggestions in groups that touch the same step or stage (a group of one touches nothing else)."""
    groups: list[tuple[set[str], list[Suggestion]]] = []
    for suggestion in suggestions:
        touched = set(suggestion.change.touches())
        joined = [group for group in groups if group[0] & touched]
        merged = (touched.union(*(g[0] for g in joined)), [s for g in joined for s in g[1]] + [suggestion])
        groups = [group for group in groups if group not in joined] + [merged]
    return [sorted(members, key=lambda s: s.id) for _, members in sorted(groups, key=lambda g: min(s.id for s in g[1]))]


def history_summary(path: ServicePath, suggestion: Suggestion, facilitator: str, lang: str) -> str:
    """The version history's line: what changed, who suggested it and who accepted it."""
    who = suggestion.display_name or t("suggest.a_participant", lang)
    return t("suggest.history", lang, what=describe(path, suggestion.change, lang), who=who, by=facilitator)


class SuggestionStore:
    """Suggestions of the workshops in one store (shares the workshop store's engine and write queue)."""

    def __init__(self, workshops: WorkshopStore) -> None:
        self.workshops = workshops
        self.store = workshops.store

    # -- participants --------------------------------------------------------------------------

    def suggest(self, workshop_id: int, participant_token: str, change: Change, display_name: str | None = None
                ) -> Suggestion:
        """Store one participant's suggestion on an open workshop's path (checked and cleaned first)."""
        who = participant_hash(participant_token)
        name = clean_display_name(display_name)
        for _ in range(3):
            workshop = self.workshops.get(workshop_id)
            loaded = self.workshops.path_for(workshop) if workshop is not None else None
            if loaded is None:
                raise SuggestionError("unknown")
            path, version = loaded
            cleaned = checked(change, path, clean_participant_text)
            try:
                return self._insert(workshop_id, who, name, cleaned, path, version)
            except _MovedOn:
                continue  # a new version was saved meanwhile: check the suggestion against it
        raise SuggestionError("busy")

    def _insert(self, workshop_id: int, who: str, name: str | None, change: Change, path: ServicePath,
                version: int) -> Suggestion:
        with self.workshops.write() as connection:
            workshop, current = self.workshops.lock_open(connection, workshop_id)
            if current != version:
                raise _MovedOn()
            steps, stages = self.workshops.targets_for(connection, workshop, current)
            visible = steps if change.target_kind == "step" else stages
            if change.target not in visible or (change.other and change.other not in steps):
                raise SuggestionError("target")
            count = connection.execute(_COUNT_OPEN, {"workshop_id": workshop_id, "who": who}).scalar_one()
            if count >= MAX_OPEN_SUGGESTIONS:
                raise SuggestionError("too_many", max=MAX_OPEN_SUGGESTIONS)
            values = {
                "workshop_id": workshop_id, "path_id": workshop.path_id, "kind": change.kind,
                "target_kind": change.target_kind, "target_id": change.target, "change": change.to_json(),
                "base_version": version, "fingerprint": fingerprint(path, change), "display_name": name,
                "participant_hash": who, "status": "open", "reason": None, "decided_by": None,
                "decided_at": None, "accepted_version": None, "created_at": datetime.now(UTC),
            }
            new_id = connection.execute(_INSERT, values).scalar_one()
        return _suggestion(_Row(id=new_id, **values), who)

    def vote(self, workshop_id: int, participant_token: str, suggestion_id: int) -> int:
        """Spend one vote on an open suggestion (the budget is shared with notes); returns the votes left."""
        who = participant_hash(participant_token)
        with self.workshops.write() as connection:
            lock_participant(connection, self.store.dialect, workshop_id, who)
            workshop, _ = self.workshops.lock_open(connection, workshop_id)
            status = connection.execute(
                select(suggestions_table.c.status).where(
                    suggestions_table.c.id == suggestion_id, suggestions_table.c.workshop_id == workshop_id)
            ).scalar_one_or_none()
            if status != "open":
                raise SuggestionError("vote_target")
            used = votes_used(connection, workshop_id, who)
            if used >= workshop.votes_per_participant:
                raise VoteLimitError(workshop.votes_per_participant)
            connection.execute(suggestion_votes_table.insert().values(
                workshop_id=workshop_id, suggestion_id=suggestion_id, participant_hash=who,
                created_at=datetime.now(UTC)))
            return workshop.votes_per_participant - used - 1

    def unvote(self, workshop_id: int, participant_token: str, suggestion_id: int) -> bool:
        who = participant_hash(participant_token)
        with self.workshops.write() as connection:
            self.workshops.lock_open(connection, workshop_id)
            vote_id = connection.execute(
                select(suggestion_votes_table.c.id).where(
                    suggestion_votes_table.c.workshop_id == workshop_id,
                    suggestion_votes_table.c.suggestion_id == suggestion_id,
                    suggestion_votes_table.c.participant_hash == who,
                ).order_by(suggestion_votes_table.c.id.desc()).limit(1)
            ).scalar_one_or_none()
            if vote_id is None:
                return False
            connection.execute(delete(suggestion_votes_table).where(suggestion_votes_table.c.id == vote_id))
            return True

    # -- reading -------------------------------------------------------------------------------

    def suggestions(self, workshop_id: int, participant_token: str | None = None) -> list[Suggestion]:
        """A workshop's suggestions, oldest first, each with its votes (and `mine` for the given participant)."""
        who = participant_hash(participant_token) if participant_token else None
        votes = (
            select(func.count()).select_from(suggestion_votes_table)
            .where(suggestion_votes_table.c.suggestion_id == suggestions_table.c.id)
        ).scalar_subquery()
        query = (
            select(*suggestions_table.c, votes.label("votes"))
            .where(suggestions_table.c.workshop_id == workshop_id)
            .order_by(suggestions_table.c.id)
        )
        with self.store.read() as connection:
            return [_suggestion(row, who) for row in connection.execute(query)]

    def get(self, suggestion_id: int) -> Suggestion | None:
        with self.store.read() as connection:
            row = connection.execute(select(suggestions_table).where(suggestions_table.c.id == suggestion_id)).first()
        return _suggestion(row) if row else None

    def stamp(self, workshop_id: int) -> tuple[int, int, int]:
        """A cheap number that changes when a suggestion is made or decided: (count, decided, newest id)."""
        query = select(
            func.count(), func.count(suggestions_table.c.decided_at), func.coalesce(func.max(suggestions_table.c.id), 0)
        ).where(suggestions_table.c.workshop_id == workshop_id)
        with self.store.read() as connection:
            row = connection.execute(query).one()
        return int(row[0]), int(row[1]), int(row[2])

    # -- the facilitator -----------------------------------------------------------------------

    def accept(self, suggestion_id: int, facilitator: str, lang: str) -> int:
        """Apply the suggestion to the latest version and save it as a new version; returns its number.

        Refused (`SuggestionError`) when it is no longer open or out of date. A save by someone else
        at the same moment is retried on top of theirs (the out-of-date check runs again)."""
        for _ in range(3):
            suggestion = self.get(suggestion_id)
            if suggestion is None or not suggestion.is_open:
                raise SuggestionError("decided")
            latest = self.store.latest_version(suggestion.path_id)
            path = self.store.get_path(suggestion.path_id, latest) if latest is not None else None
            if path is None:
                raise SuggestionError("gone")
            stale = out_of_date(path, suggestion.change, suggestion.fingerprint)
            if stale is not None:
                raise SuggestionError(f"out_of_date_{stale}")
            try:
                new = apply_change(path, suggestion.change)
            except UserError as exc:
                raise SuggestionError("out_of_date_changed") from exc
            summary = history_summary(path, suggestion, facilitator, lang)
            try:
                return self._save_accepted(suggestion, new, facilitator, summary, latest)
            except StaleVersionError:
                continue
        raise SuggestionError("busy")

    def _save_accepted(self, suggestion: Suggestion, new: ServicePath, facilitator: str, summary: str,
                       latest: int) -> int:
        content = content_json(new)
        with self.store.write() as connection:
            version = self.store.save_in(connection, new, facilitator, summary, latest, content)
            marked = connection.execute(
                suggestions_table.update()
                .where(suggestions_table.c.id == suggestion.id, suggestions_table.c.status == "open")
                .values(status="accepted", decided_by=facilitator[:200], decided_at=datetime.now(UTC),
                        accepted_version=version)
            ).rowcount
            if marked != 1:
                raise SuggestionError("decided")  # rolls the save back too
        return version

    def decline(self, suggestion_id: int, facilitator: str, reason: str) -> bool:
        """Decline with a short reason the participant sees; False when it was no longer open."""
        cleaned = clean_participant_text(reason, MAX_REASON_CHARS, single_line=True)
        if len(cleaned) > MAX_REASON_CHARS:
            raise SuggestionError("too_long", max=MAX_REASON_CHARS)
        with self.workshops.write() as connection:
            return connection.execute(
                suggestions_table.update()
                .where(suggestions_table.c.id == suggestion_id, suggestions_table.c.status == "open")
                .values(status="declined", reason=cleaned or None, decided_by=facilitator[:200],
                        decided_at=datetime.now(UTC))
            ).rowcount == 1


class _MovedOn(Exception):
    """The path got a new version between reading it and writing the suggestion."""


class _Row:
    """A just-inserted row, shaped like a result row for `_suggestion`."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)
