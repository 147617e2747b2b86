"""pg_dump and pg_restore for one store's tables, with the connection passed in the environment.

The password goes to the tools through PGPASSWORD, never on a command line (which `ps` shows), and
the tools' own messages are not echoed: they can name the host, the user and the database.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from paths.ops.databases import OpsError, StoreDatabase, migrations

_QUERY_ENV = {"sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT", "options": "PGOPTIONS"}
TOOL_TIMEOUT_SECONDS = 3600


def libpq_env(url: str) -> dict[str, str]:
    """The environment that points libpq's tools at the database of a SQLAlchemy URL."""
    parsed = make_url(url)
    env = dict(os.environ)
    for name, value in (
        ("PGHOST", parsed.host),
        ("PGPORT", parsed.port),
        ("PGUSER", parsed.username),
        ("PGPASSWORD", parsed.password),
        ("PGDATABASE", parsed.database),
    ):
        if value is not None:
            env[name] = str(value)
    for key, name in _QUERY_ENV.items():
        value = parsed.query.get(key)
        if isinstance(value, str):
            env[name] = value
    return env


def tool_major(tool: str) -> int:
    """The major version of `pg_dump` or `pg_restore` on PATH, e.g. 15."""
    if shutil.which(tool) is None:
        raise OpsError("pg_tool_missing", tool=tool)
    output = subprocess.run([tool, "--version"], capture_output=True, text=True, check=False).stdout
    match = re.search(r"\) (\d+)", output) or re.search(r"(\d+)\.", output)
    if not match:
        raise OpsError("pg_tool_missing", tool=tool)
    return int(match.group(1))


def _tables(database: StoreDatabase) -> tuple[str, list[str], int]:
    """The schema, the store's own tables in it, and the server's major version."""
    engine = create_engine(database.url, connect_args={"connect_timeout": 10})
    try:
        with engine.connect() as connection:
            schema = connection.execute(text("SELECT current_schema()")).scalar_one()
            names = connection.execute(
                text("SELECT table_name FROM information_schema.tables WHERE table_schema = :schema"),
                {"schema": schema},
            ).scalars()
            server = int(connection.execute(text("SHOW server_version_num")).scalar_one()) // 10000
            tables = sorted(name for name in names if database.owns_table(name))
    finally:
        engine.dispose()
    return schema, tables, server


def _check_tool(tool: str, server: int) -> None:
    major = tool_major(tool)
    if major < server:
        raise OpsError("pg_tool_old", tool=tool, version=major, server=server)


def _run(tool: str, arguments: list[str], database: StoreDatabase) -> None:
    result = subprocess.run(
        [tool, *arguments], env=libpq_env(database.url), capture_output=True, check=False, timeout=TOOL_TIMEOUT_SECONDS
    )
    if result.returncode != 0:
        raise OpsError("pg_tool_failed", tool=tool, store=database.name, code=result.returncode)


def dump(database: StoreDatabase, file: Path) -> str | None:
    """`pg_dump --format=custom` of the store's tables into `file`; the schema revision dumped."""
    schema, tables, server = _tables(database)
    version_table = migrations(database.name).version_table
    if version_table not in tables:
        raise OpsError("missing", store=database.name)
    _check_tool("pg_dump", server)
    patterns = [f'--table="{schema}"."{table}"' for table in tables]
    _run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", f"--file={file}", *patterns], database)
    engine = create_engine(database.url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(f'SELECT version_num FROM "{version_table}"')).scalar()  # noqa: S608
    finally:
        engine.dispose()


def restore(database: StoreDatabase, file: Path) -> None:
    """Replace the store's tables with the dump's, in one transaction (all or nothing)."""
    _, _, server = _tables(database)
    _check_tool("pg_restore", server)
    _run(
        "pg_restore",
        ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
         f"--dbname={make_url(database.url).database}", str(file)],
        database,
    )
