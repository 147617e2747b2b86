"""What both stores' Alembic `env.py` run: migrations on the connection `Database.upgrade` hands over.

Without a connection (the alembic command line with `sqlalchemy.url` set) one is opened here.
The version table and the target metadata come from the `Migrations` that made the Config, so
autogenerate compares against the tables the code really uses.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine


def _configure(connection: Connection) -> None:
    attributes = context.config.attributes
    context.configure(
        connection=connection,
        target_metadata=attributes.get("target_metadata"),
        version_table=attributes.get("version_table", "alembic_version"),
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    config = context.config
    if context.is_offline_mode():
        context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    given = config.attributes.get("connection")
    if given is not None:
        _configure(given)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        _configure(connection)
    engine.dispose()
