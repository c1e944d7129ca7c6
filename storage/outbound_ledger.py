"""Which outbound messages RabbitMQ has confirmed (table ``outbound_sent``, migration 0008).

Kafka delivers an insight again whenever its offset was not committed: a worker killed between
a publish and the next commit, a Kafka restart, a rebalance. Without a record of what went out,
the outbound bridge would publish such an insight a second time and every consumer of
``alerts_queue`` would have to drop the repeat itself. The bridge asks :meth:`OutboundLedger.sent`
before publishing and calls :meth:`OutboundLedger.record` once RabbitMQ confirmed.

The ledger only ever saves a repeat; it never holds an alert back. Each call has a short time
budget, and a database that does not answer makes it raise :class:`LedgerUnavailable`, on which
the bridge publishes anyway: delivery stays at least once. What is left is a repeat when the
database is away, or when the worker dies between the confirm and the record (milliseconds).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg

from pipeline.errors import StorageError

from .database import Database
from .queries import load_queries

__all__ = ["LedgerUnavailable", "OutboundLedger"]

# The insights topic is created with the broker's default retention (7 days): past that Kafka
# cannot deliver an insight again, so its record is not needed. A day of margin.
KEEP = timedelta(days=8)
# Old records are deleted at most this often, from a record() call.
FORGET_EVERY_SECONDS = 3600.0


class LedgerUnavailable(StorageError):
    """The ledger could not be read or written in time (the database is away or slow)."""


class OutboundLedger:
    def __init__(
        self,
        database: Database,
        sql_dir: Path,
        *,
        timeout_seconds: float = 2.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._database = database
        self._queries = load_queries(sql_dir, "outbound")
        self._timeout = timeout_seconds
        self._clock = clock
        self._forgot_at: float | None = None

    async def sent(self, message_id: str) -> bool:
        """Whether RabbitMQ confirmed ``message_id`` before."""
        return bool(await self._run("was_sent", message_id))

    async def record(self, message_id: str, queue: str) -> None:
        """RabbitMQ confirmed ``message_id`` into ``queue``; now and then also deletes records
        older than :data:`KEEP`."""
        await self._run("record_sent", message_id, queue)
        now = self._clock()
        if self._forgot_at is None or now - self._forgot_at >= FORGET_EVERY_SECONDS:
            self._forgot_at = now
            await self._run("forget_sent_before", datetime.fromtimestamp(now, UTC) - KEEP)

    async def _run(self, name: str, *args: object) -> object:
        try:
            async with asyncio.timeout(self._timeout):
                return await self._database.fetchval(
                    self._queries[name], *args, query_timeout=self._timeout
                )
        except TimeoutError as exc:
            raise LedgerUnavailable(f"{name}: no answer within {self._timeout:.1f} s") from exc
        except (StorageError, asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as exc:
            raise LedgerUnavailable(f"{name}: {exc}") from exc
