"""Counting what a bench run left in PostgreSQL (``sql/queries/bench.sql``), for ``bench``: its
rows, their latencies and the alerts stored meanwhile.

Connection failures become :class:`~storage.errors.DatabaseUnavailable` (try again later); a
failing query becomes :class:`~storage.errors.StorageError`.
"""

from __future__ import annotations

import asyncio
import contextlib
from contextlib import AsyncExitStack
from datetime import datetime
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
    stored: int  # distinct sequence numbers of the run (0 from a quick count)
    rows: int
    last_stored: float | None = None  # Unix time the last row's transaction started


class Latencies(NamedTuple):
    p50: float
    p95: float
    p99: float
    worst: float


class RunCounter:
    """Counts one run's rows over a connection opened on first use and reopened after a loss."""

    def __init__(self, database_url: str, sql_dir: Path) -> None:
        self._url = database_url
        self._queries = load_queries(sql_dir, "bench")
        self._stack: AsyncExitStack | None = None
        self._connection: asyncpg.Connection | None = None

    async def count(self, run_id: str, *, quick: bool = False) -> StoredCounts:
        """The run's rows; ``quick`` counts rows only (no distinct sequence numbers, no time),
        which costs PostgreSQL far less while a run is being polled.

        Raises ``DatabaseUnavailable`` (try again later) or ``StorageError`` (the query itself
        failed, e.g. the schema was never migrated)."""
        row = await self._fetchrow("count_rows" if quick else "count_run", run_id)
        last = row["last_stored"]
        return StoredCounts(int(row["stored"]), int(row["rows"]), last)

    async def latencies(self, run_id: str, sent_at: list[float], batch: int) -> Latencies | None:
        """Percentiles of publish-to-row seconds over the run's rows; None without rows."""
        row = await self._fetchrow("run_latency", run_id, sent_at, batch)
        if row["percentiles"] is None:
            return None
        p50, p95, p99 = (round(float(p), 3) for p in row["percentiles"])
        return Latencies(p50, p95, p99, round(float(row["worst"]), 3))

    async def alerts(self, services: list[str], since: datetime) -> int:
        row = await self._fetchrow("count_alerts", services, since)
        return int(row[0])

    async def _fetchrow(self, name: str, *args: object) -> asyncpg.Record:
        connection = await self._connect()
        try:
            row = await connection.fetchrow(
                self._queries[name], *args, timeout=QUERY_TIMEOUT_SECONDS
            )
        except _CONNECTION_LOST as exc:
            await self.close()
            raise DatabaseUnavailable(f"lost the database connection: {exc}") from exc
        except asyncpg.UndefinedTableError as exc:
            raise StorageError(f"{exc}: run `python -m pipeline migrate` first") from exc
        except asyncpg.PostgresError as exc:
            raise StorageError(f"reading the run's rows failed: {exc}") from exc
        assert row is not None  # aggregates always return one row
        return row

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
