"""Alembic migrations of the store, shipped inside the package and run by `Store()` itself.

Adding a migration (e.g. tables for workshops, notes, votes or users):

1. Copy `versions/0001_initial.py` to `versions/000N_<what>.py` (the next number).
2. Set `revision = "000N"` and `down_revision` to the current head (the highest number): the
   chain stays linear, a test checks that there is exactly one head.
   On SQLite, never rebuild (batch-alter) a table that others reference with ON DELETE CASCADE:
   with foreign keys on, dropping the old copy deletes the rows that refer to it.
3. Write `upgrade()` with `op.create_table(...)` / `op.add_column(...)`; on SQLite, alter
   existing tables inside `with op.batch_alter_table("name") as batch:`. Keep the migration
   self-contained: do not import the application's tables, they change later.
4. Define the matching `sqlalchemy.Table` objects in your own module on `paths.store.tables.metadata`
   (and import that module in `library_metadata()`), and use `Store.read()` / `Store.write()` for
   connections. `tests/db/test_migrations.py` runs Alembic's autogenerate comparison on SQLite and
   PostgreSQL and fails on any difference between those tables and the migrated database.

The next `Store(url)` upgrades every database it opens to the head, under a lock
(`paths.db.database.Database.upgrade`), so several processes starting at once are safe.
`alembic_config(connection)` in `paths.store.tables` gives an Alembic `Config` for the alembic
command API (e.g. `command.revision`).
"""
