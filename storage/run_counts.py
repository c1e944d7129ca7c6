"""Counting what a bench run left in PostgreSQL (``sql/queries/bench.sql``), for ``bench``.

Connection failures become :class:`~storage.errors.DatabaseUnavailable` (try again later); a
failing query becomes :class:`~storage.errors.StorageError`.
"""

from __future__ import annotations

import asyncio
import contextlib
from contextlib import AsyncExitStack
from pathlib import Path
from typing import NamedTuple

import asyncpg

from .database import connect
from .errors import DatabaseUnavailable, StorageError
from .queries import load_queries

QUERY_TIMEOUT_SECONDS = 10.0
_CONNECTION_LOST = (
    OSError,
    asyncio.TimeoutError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
)


class StoredCounts(NamedTuple):
    stored: int  # distinct sequence numbers of the run
    rows: int


class RunCounter:
    """Counts one run's rows over a connection opened on first use and reopened after a loss."""

    def __init__(self, database_url: str, sql_dir: Path) -> None:
        self._url = database_url
        self._query = load_queries(sql_dir, "bench")["count_run"]
        self._stack: AsyncExitStack | None = None
        self._connection: asyncpg.Connection | None = None

    async def count(self, run_id: str) -> StoredCounts:
        """Raises ``DatabaseUnavailable`` (try again later) or ``StorageError`` (the query
        itself failed, e.g. the schema was never migrated)."""
        connection = await self._connect()
        try:
            row = await connection.fetchrow(self._query, run_id, timeout=QUERY_TIMEOUT_SECONDS)
        except _CONNECTION_LOST as exc:
            await self.close()
            raise DatabaseUnavailable(f"lost the database connection: {exc}") from exc
        except asyncpg.UndefinedTableError as exc:
            raise StorageError(f"{exc}: run `python -m pipeline migrate` first") from exc
        except asyncpg.PostgresError as exc:
            raise StorageError(f"counting the run's rows failed: {exc}") from exc
        assert row is not None  # an aggregate always returns one row
        return StoredCounts(int(row["stored"]), int(row["rows"]))

    async def close(self) -> None:
        stack, self._stack, self._connection = self._stack, None, None
        if stack is not None:
            with contextlib.suppress(*_CONNECTION_LOST):  # already gone
                await stack.aclose()

    async def _connect(self) -> asyncpg.Connection:
        if self._connection is None or self._connection.is_closed():
            await self.close()
            stack = AsyncExitStack()
            self._connection = await stack.enter_async_context(connect(self._url))
            self._stack = stack
        return self._connection
