"""Notes and dot votes of a workshop's participants: stored, counted and taken back.

`NotesAndVotes` is mixed into `WorkshopStore` (paths/workshops/workshop.py), which owns the
workshop's lifecycle and gives it `store`, `write()`, `lock_open()` and `targets_for()`: every rule
that must hold under concurrency is checked inside the write transaction, as that module tells.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, delete, distinct, func, select, union

from paths.store.library import Store
from paths.workshops.rules import (
    KINDS,
    MAX_NOTES_PER_PARTICIPANT,
    Note,
    VoteLimitError,
    WorkshopError,
    clean_display_name,
    clean_note_text,
    from_row,
    participant_hash,
)
from paths.workshops.tables import count_of_participant, notes_table, suggestion_votes_table, votes_table
from paths.workshops.votes import lock_participant, votes_used

# The statements of the hot paths (a note, a vote), built once: only their parameters change.
_COUNT_NOTES = count_of_participant(notes_table)
_INSERT_NOTE = notes_table.insert().returning(notes_table.c.id)
_NOTE_IN_WORKSHOP = select(notes_table.c.id).where(
    notes_table.c.id == bindparam("note_id"), notes_table.c.workshop_id == bindparam("workshop_id")
)
_INSERT_VOTE = votes_table.insert()


def _note(row: Any) -> Note:
    return from_row(
        Note,
        row,
        done=bool(row.done),
        turned_into_edit=bool(row.turned_into_edit),
        votes=int(getattr(row, "votes", 0) or 0),
    )


class NotesAndVotes:
    """The notes and votes half of `WorkshopStore` (see the module docstring for what it relies on)."""

    store: Store

    # -- notes -------------------------------------------------------------------------------

    def add_note(
        self,
        workshop_id: int,
        participant_token: str,
        kind: str,
        text: str,
        *,
        step_id: str | None = None,
        stage_id: str | None = None,
        display_name: str | None = None,
    ) -> Note:
        """Store one participant's note on a step or a stage of an open workshop."""
        who = participant_hash(participant_token)
        if kind not in KINDS:
            raise WorkshopError("workshop.error.kind")
        if (step_id is None) == (stage_id is None):
            raise WorkshopError("workshop.error.target")
        cleaned = clean_note_text(text)
        name = clean_display_name(display_name)
        now = datetime.now(UTC)
        with self.write() as connection:
            workshop, version = self.lock_open(connection, workshop_id)
            steps, stages = self.targets_for(connection, workshop, version)
            if (step_id is not None and step_id not in steps) or (stage_id is not None and stage_id not in stages):
                raise WorkshopError("workshop.error.target")
            written = connection.execute(_COUNT_NOTES, {"workshop_id": workshop_id, "who": who}).scalar_one()
            if written >= MAX_NOTES_PER_PARTICIPANT:
                raise WorkshopError("workshop.error.too_many_notes", max=MAX_NOTES_PER_PARTICIPANT)
            values = {
                "workshop_id": workshop_id,
                "path_id": workshop.path_id,
                "step_id": step_id,
                "stage_id": stage_id,
                "kind": kind,
                "text": cleaned,
                "display_name": name,
                "participant_hash": who,
                "created_at": now,
                "done": False,
                "turned_into_edit": False,
            }
            note_id = connection.execute(_INSERT_NOTE, values).scalar_one()
        return Note(id=note_id, **{k: v for k, v in values.items() if k != "participant_hash"})

    def _notes_query(self) -> Any:
        votes = (
            select(func.count()).select_from(votes_table).where(votes_table.c.note_id == notes_table.c.id)
        ).scalar_subquery()
        return select(*notes_table.c, votes.label("votes")).order_by(notes_table.c.created_at, notes_table.c.id)

    def notes(self, workshop_id: int) -> list[Note]:
        """A workshop's notes, oldest first, each with its vote count."""
        with self.store.read() as connection:
            rows = connection.execute(self._notes_query().where(notes_table.c.workshop_id == workshop_id))
            return [_note(row) for row in rows]

    def path_notes(self, path_id: str) -> list[Note]:
        """Every note ever left on a path, in all its workshops (closing a workshop keeps them)."""
        with self.store.read() as connection:
            rows = connection.execute(self._notes_query().where(notes_table.c.path_id == path_id))
            return [_note(row) for row in rows]

    def count_notes(self, workshop_id: int) -> int:
        with self.store.read() as connection:
            return connection.execute(
                select(func.count()).select_from(notes_table).where(notes_table.c.workshop_id == workshop_id)
            ).scalar_one()

    def participants(self, workshop_id: int) -> int:
        """How many different participants have written or voted."""
        who = union(
            select(notes_table.c.participant_hash.label("who")).where(notes_table.c.workshop_id == workshop_id),
            select(votes_table.c.participant_hash.label("who")).where(votes_table.c.workshop_id == workshop_id),
        ).subquery()
        with self.store.read() as connection:
            return connection.execute(select(func.count(distinct(who.c.who)))).scalar_one()

    def set_done(self, note_id: int, done: bool = True) -> bool:
        with self.write() as connection:
            return connection.execute(
                notes_table.update().where(notes_table.c.id == note_id).values(done=done)
            ).rowcount == 1

    def mark_turned_into_edit(self, note_id: int) -> bool:
        with self.write() as connection:
            return connection.execute(
                notes_table.update().where(notes_table.c.id == note_id).values(turned_into_edit=True)
            ).rowcount == 1

    # -- votes -------------------------------------------------------------------------------

    def vote(
        self, workshop_id: int, participant_token: str, *, note_id: int | None = None, step_id: str | None = None
    ) -> int:
        """Spend one of the participant's votes on a note or a step; returns the votes left.

        The limit is checked and the vote stored in one transaction, so parallel clicks cannot overspend.
        """
        who = participant_hash(participant_token)
        if (note_id is None) == (step_id is None):
            raise WorkshopError("workshop.error.vote_target")
        with self.write() as connection:
            lock_participant(connection, self.store.dialect, workshop_id, who)
            workshop, version = self.lock_open(connection, workshop_id)
            if step_id is not None and step_id not in self.targets_for(connection, workshop, version)[0]:
                raise WorkshopError("workshop.error.vote_target")
            if note_id is not None:
                found = connection.execute(_NOTE_IN_WORKSHOP, {"note_id": note_id, "workshop_id": workshop_id}).first()
                if found is None:
                    raise WorkshopError("workshop.error.vote_target")
            used = votes_used(connection, workshop_id, who)
            limit = workshop.votes_per_participant
            if used >= limit:
                raise VoteLimitError(limit)
            connection.execute(
                _INSERT_VOTE,
                {
                    "workshop_id": workshop_id,
                    "note_id": note_id,
                    "step_id": step_id,
                    "participant_hash": who,
                    "created_at": datetime.now(UTC),
                },
            )
            return limit - used - 1

    def unvote(
        self, workshop_id: int, participant_token: str, *, note_id: int | None = None, step_id: str | None = None
    ) -> bool:
        """Take back one of the participant's votes on a note or a step (while the workshop is open)."""
        who = participant_hash(participant_token)
        target = votes_table.c.note_id == note_id if note_id is not None else votes_table.c.step_id == step_id
        with self.write() as connection:
            self.lock_open(connection, workshop_id)
            vote_id = connection.execute(
                select(votes_table.c.id)
                .where(votes_table.c.workshop_id == workshop_id, votes_table.c.participant_hash == who, target)
                .order_by(votes_table.c.id.desc())
                .limit(1)
            ).scalar_one_or_none()
            if vote_id is None:
                return False
            connection.execute(delete(votes_table).where(votes_table.c.id == vote_id))
            return True

    def my_votes(self, workshop_id: int, participant_token: str) -> dict[tuple[str, str], int]:
        """The participant's votes: {("note", "12"): 2, ("step", "s3"): 1, ("suggestion", "4"): 1}."""
        who = participant_hash(participant_token)
        query = (
            select(votes_table.c.note_id, votes_table.c.step_id, func.count().label("n"))
            .where(votes_table.c.workshop_id == workshop_id, votes_table.c.participant_hash == who)
            .group_by(votes_table.c.note_id, votes_table.c.step_id)
        )
        on_suggestions = (
            select(suggestion_votes_table.c.suggestion_id, func.count().label("n"))
            .where(
                suggestion_votes_table.c.workshop_id == workshop_id,
                suggestion_votes_table.c.participant_hash == who,
            )
            .group_by(suggestion_votes_table.c.suggestion_id)
        )
        with self.store.read() as connection:
            found = {
                ("note", str(row.note_id)) if row.note_id is not None else ("step", row.step_id): row.n
                for row in connection.execute(query)
            }
            found.update({("suggestion", str(row.suggestion_id)): row.n for row in connection.execute(on_suggestions)})
            return found

    def step_votes(self, workshop_id: int) -> dict[str, int]:
        """Votes on each step (votes on notes are counted on the notes)."""
        query = (
            select(votes_table.c.step_id, func.count().label("n"))
            .where(votes_table.c.workshop_id == workshop_id, votes_table.c.step_id.is_not(None))
            .group_by(votes_table.c.step_id)
        )
        with self.store.read() as connection:
            return {row.step_id: row.n for row in connection.execute(query)}

    def count_votes(self, workshop_id: int) -> int:
        with self.store.read() as connection:
            return connection.execute(
                select(func.count()).select_from(votes_table).where(votes_table.c.workshop_id == workshop_id)
            ).scalar_one()
