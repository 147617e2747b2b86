"""Alembic environment for the personal store: run in code by `paths.personal.store.migrate`
with a live connection (no ini file), recording versions in its own table."""

from alembic import context

from paths.personal.store import VERSION_TABLE, metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE)
with context.begin_transaction():
    context.run_migrations()
