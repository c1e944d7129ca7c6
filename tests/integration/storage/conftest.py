"""Fixtures and helpers shared by the storage sinks' tests: a migrated database and a recorder."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from asyncpg import Connection

from storage.database import Database
from storage.migrations import discover, migrate
from storage.retry import ErrorKind

from ..conftest import BASE


async def fetch(url: str, query: str, *args: object) -> list[asyncpg.Record]:
    """Rows of one query on a connection of its own."""
    connection = await asyncpg.connect(url)
    try:
        return list(await connection.fetch(query, *args))
    finally:
        await connection.close()


def sql_dir_through(path: Path, last_version: int) -> Path:
    """A copy (links) of the shipped sql directory under ``path`` holding the migrations up to
    ``last_version`` only: a database migrated with it stands where an older release left it."""
    path.mkdir(parents=True, exist_ok=True)
    (path / "queries").symlink_to(BASE.sql_dir / "queries")
    (path / "migrations").mkdir()
    for migration in discover(BASE.sql_dir / "migrations"):
        if migration.version <= last_version:
            source = BASE.sql_dir / "migrations" / migration.filename
            (path / "migrations" / migration.filename).symlink_to(source)
    return path


class Recorder:
    def __init__(self, stop_after_retries: int | None = None) -> None:
        self.retries: list[tuple[ErrorKind, str]] = []
        self.rejected: list[str] = []
        self.stop_after_retries = stop_after_retries

    def on_retry(self, kind: ErrorKind, code: str) -> None:
        self.retries.append((kind, code))

    def on_rejected(self, code: str) -> None:
        self.rejected.append(code)

    def should_stop(self) -> bool:
        return self.stop_after_retries is not None and len(self.retries) >= self.stop_after_retries


@pytest.fixture
async def url(fresh_database: str) -> str:
    await migrate(fresh_database, BASE.sql_dir)
    return fresh_database


@pytest.fixture
async def database(url: str) -> AsyncIterator[Database]:
    database = Database(url, 1, 4)
    yield database
    await database.close()


@asynccontextmanager
async def killing_after_insert_into(
    table: str, url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[list[int]]:
    """Terminates the sink's connection right after its ``INSERT INTO <table>``, inside the
    transaction, ``kills[0]`` times; yields that one-element list."""
    kills = [1]
    admin = await asyncpg.connect(url)
    original = Connection.fetch

    async def fetch_then_die(self: Connection, query: str, *args: Any, **kwargs: Any) -> Any:
        result = await original(self, query, *args, **kwargs)
        if query.startswith(f"INSERT INTO {table}") and kills[0] > 0:
            kills[0] -= 1
            await admin.execute("SELECT pg_terminate_backend($1, 5000)", self.get_server_pid())
        return result

    monkeypatch.setattr(Connection, "fetch", fetch_then_die)
    try:
        yield kills
    finally:
        await admin.close()
