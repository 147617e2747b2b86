"""Alembic environment: runs on the connection that `paths.store.library` hands over.

`Store` opens a write transaction, takes a lock and puts the connection in
`config.attributes["connection"]`; without one (the alembic command line with a URL in
`sqlalchemy.url`), a connection is opened here.
"""

from alembic import context
from sqlalchemy import Connection, create_engine

config = context.config


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    given = config.attributes.get("connection")
    if given is not None:
        _run(given)
    else:
        from paths.store.library import resolve_url

        engine = create_engine(config.get_main_option("sqlalchemy.url") or resolve_url())
        with engine.begin() as connection:
            _run(connection)
        engine.dispose()
