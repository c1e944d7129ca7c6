"""The asyncpg pool and connection helpers; the only place that opens database connections."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from .errors import DatabaseUnavailable
from .retry import error_message, root_cause

# Connection-level failures, as opposed to errors in a query we sent.
_UNAVAILABLE = (
    OSError,
    asyncio.TimeoutError,
    asyncpg.CannotConnectNowError,
    asyncpg.ConnectionDoesNotExistError,
    asyncpg.InvalidPasswordError,
    asyncpg.InvalidCatalogNameError,
    asyncpg.TooManyConnectionsError,
)


def _redact(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    return f"{scheme}{sep}***@{rest.rsplit('@', 1)[1]}"


@asynccontextmanager
async def connect(url: str, connect_timeout: float = 10.0) -> AsyncIterator[asyncpg.Connection]:
    """One connection, closed on exit; connection failures become :class:`DatabaseUnavailable`."""
    try:
        connection = await asyncpg.connect(url, timeout=connect_timeout)
    except _UNAVAILABLE as exc:
        raise DatabaseUnavailable(f"cannot connect to {_redact(url)}: {exc}") from exc
    try:
        yield connection
    finally:
        await connection.close()


async def create_pool(url: str, min_size: int, max_size: int) -> asyncpg.Pool:
    try:
        pool = await asyncpg.create_pool(url, min_size=min_size, max_size=max_size, timeout=10)
    except _UNAVAILABLE as exc:
        raise DatabaseUnavailable(f"cannot connect to {_redact(url)}: {exc}") from exc
    assert pool is not None  # create_pool only returns None when not awaited
    return pool


class Database:
    """Owns the service's connection pool; opened on first use so start-up never blocks on it."""

    def __init__(self, url: str, min_size: int, max_size: int) -> None:
        self._url = url
        self._min_size = min_size
        self._max_size = max_size
        self._pool: asyncpg.Pool | None = None
        self._lock = asyncio.Lock()

    async def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            async with self._lock:
                if self._pool is None:
                    self._pool = await create_pool(self._url, self._min_size, self._max_size)
        return self._pool

    async def fetchval(self, query: str, *args: object, query_timeout: float = 5.0) -> object:
        pool = await self.pool()
        try:
            return await pool.fetchval(query, *args, timeout=query_timeout)
        except _UNAVAILABLE as exc:
            raise DatabaseUnavailable(f"database unavailable: {exc}") from exc

    @asynccontextmanager
    async def session(self, acquire_timeout: float) -> AsyncIterator[asyncpg.Connection]:
        """A pooled connection, awaited at most ``acquire_timeout`` seconds; released on exit.

        An exception escaping the block while the connection is closed becomes
        :class:`DatabaseUnavailable` ("connection lost: ..."), chained to the original.
        """
        pool = await self.pool()
        async with pool.acquire(timeout=acquire_timeout) as connection:
            try:
                yield connection
            except Exception as exc:
                # Whatever the driver raised (often "connection is closed" from the rollback),
                # the cause is the lost connection: make that the error retry classifies.
                if is_closed(connection):
                    cause = root_cause(exc)
                    detail = error_message(cause) if cause is not exc else "it closed while in use"
                    raise DatabaseUnavailable(f"connection lost: {detail}") from exc
                raise

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()


def is_closed(connection: asyncpg.Connection) -> bool:
    """Whether ``connection`` (possibly a pool's proxy) is closed or was lost."""
    try:
        return bool(connection.is_closed())
    except asyncpg.InterfaceError:
        # The pool detaches its proxy from a connection that was lost, even before release.
        return True
