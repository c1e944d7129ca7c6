"""The HTTP API's reads: their own connection pool, so a slow or heavy read never takes a
connection the ingest path is waiting for, in read-only transactions with a statement timeout.

Custom plans (``plan_cache_mode``) matter here: the queries take optional filters as
``$n IS NULL OR ...``, which a generic plan cannot fold away, so a generic plan would scan what
a custom one reads through an index.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import asyncpg
import orjson

from .database import _UNAVAILABLE, _redact
from .errors import DatabaseUnavailable, StorageError
from .queries import load_queries


class ReadTimedOut(StorageError):
    """A read ran past the statement timeout: the request asked for too much at once."""


class ApiReads:
    def __init__(
        self,
        url: str,
        sql_dir: Path,
        max_connections: int,
        statement_timeout_ms: int,
        acquire_timeout: float = 5.0,
    ) -> None:
        self._url = url
        self._max = max_connections
        self._timeout_ms = statement_timeout_ms
        self._acquire_timeout = acquire_timeout
        self._queries = load_queries(sql_dir, "api")
        self._pool: asyncpg.Pool | None = None
        self._lock = asyncio.Lock()

    async def _get_pool(self) -> asyncpg.Pool:
        if self._pool is None:
            async with self._lock:
                if self._pool is None:
                    try:
                        self._pool = await asyncpg.create_pool(
                            self._url,
                            min_size=0,
                            max_size=self._max,
                            timeout=10,
                            server_settings={
                                "application_name": "log-analysis-api",
                                "statement_timeout": str(self._timeout_ms),
                                "default_transaction_read_only": "on",
                                "plan_cache_mode": "force_custom_plan",
                            },
                        )
                    except _UNAVAILABLE as exc:
                        raise DatabaseUnavailable(
                            f"cannot connect to {_redact(self._url)}: {exc}"
                        ) from exc
        assert self._pool is not None
        return self._pool

    async def fetch(self, name: str, *args: Any) -> list[asyncpg.Record]:
        pool = await self._get_pool()
        # The client-side timeout is a backstop for a server that stopped answering.
        timeout = self._timeout_ms / 1000 + 5.0
        try:
            async with pool.acquire(timeout=self._acquire_timeout) as connection:
                rows: list[asyncpg.Record] = await connection.fetch(
                    self._queries[name], *args, timeout=timeout
                )
                return rows
        except asyncpg.QueryCanceledError as exc:
            raise ReadTimedOut(f"{name} took longer than {self._timeout_ms} ms") from exc
        except _UNAVAILABLE as exc:
            raise DatabaseUnavailable(f"database unavailable: {exc}") from exc
        except (asyncpg.InterfaceError, asyncpg.PostgresConnectionError) as exc:
            raise DatabaseUnavailable(f"database unavailable: {exc}") from exc

    async def fetchrow(self, name: str, *args: Any) -> asyncpg.Record | None:
        rows = await self.fetch(name, *args)
        return rows[0] if rows else None

    async def fetchval(self, name: str, *args: Any) -> Any:
        row = await self.fetchrow(name, *args)
        return None if row is None else row[0]

    async def estimate(self, name: str, *args: Any) -> int:
        """The planner's row estimate of an ``EXPLAIN (FORMAT JSON)`` query."""
        plan = await self.fetchval(name, *args)
        parsed = orjson.loads(plan) if isinstance(plan, str) else plan
        return int(parsed[0]["Plan"]["Plan Rows"])

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()
