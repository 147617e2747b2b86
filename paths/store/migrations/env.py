"""Alembic environment of the library store: see `paths.db.alembic_env`."""

from paths.db.alembic_env import run

run()
