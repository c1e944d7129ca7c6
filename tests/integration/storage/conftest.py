"""Fixtures and helpers shared by the storage sinks' tests: a migrated database and a recorder."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from storage.database import Database
from storage.migrations import migrate
from storage.retry import ErrorKind

from ..conftest import BASE


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
