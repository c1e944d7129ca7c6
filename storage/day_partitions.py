"""Day partitions of ``logs``: made on demand for the days a batch holds, dropped past retention.

``logs`` is partitioned by UTC day of its event time (sql/migrations/0004_day_partitions.sql).
Before a batch is stored, :meth:`DayPartitions.ensure` makes the partitions of its days that do
not exist yet: one short transaction holding an advisory lock (workers take turns) and a
``lock_timeout`` (a DDL waiting in the lock queue would hold up reads and writes queued after
it), calling ``ensure_log_day`` (CREATE TABLE, then ATTACH PARTITION, which locks ``logs`` only
in SHARE UPDATE EXCLUSIVE mode: reads and COPY go on). A timed-out lock is retried.

Retention keeps the ``retention_days`` whole UTC days before today and today: a record older
than the first of them is refused by the sink (and dead-lettered), and
:meth:`DayPartitions.drop_expired` detaches older days with ``DETACH PARTITION ... CONCURRENTLY``
(no lock that blocks reads or COPY) and drops them. It drops a day only an hour after records of
that day stopped being accepted, so a batch that checked the cutoff just before midnight still
finds its partition.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

from .database import Database
from .queries import load_queries

__all__ = [
    "PARTITION_LOCK_KEY",
    "RETENTION_LOCK_KEY",
    "DayPartitions",
    "day_of",
    "partition_name",
    "retention_cutoff",
]

log = logging.getLogger(__name__)

# Arbitrary constants; they only have to be the same in every process sharing the database.
PARTITION_LOCK_KEY = 0x10A_DA75
RETENTION_LOCK_KEY = 0x10A_DA76
# How long an expired day is kept after records of it stop being accepted.
DROP_GRACE_SECONDS = 3600.0
_DAY_SECONDS = 86400


def day_of(ts: float) -> date:
    """The UTC day of epoch seconds ``ts``.

    >>> day_of(86399.5), day_of(86400.0)
    (datetime.date(1970, 1, 1), datetime.date(1970, 1, 2))
    """
    return date(1970, 1, 1) + timedelta(days=int(ts // _DAY_SECONDS))


def partition_name(day: date) -> str:
    """>>> partition_name(date(2026, 12, 2))
    'logs_d20261202'
    """
    return f"logs_d{day:%Y%m%d}"


def _day_of_name(name: str) -> date:
    return datetime.strptime(name.removeprefix("logs_d"), "%Y%m%d").date()


def retention_cutoff(now: float, retention_days: int) -> float:
    """Epoch seconds of the first instant kept: midnight UTC ``retention_days`` days before
    the day of ``now``. Records before it are refused.

    >>> retention_cutoff(30 * 86400 + 5.0, 30), retention_cutoff(30 * 86400 + 5.0, 1)
    (0.0, 2505600.0)
    """
    return float((int(now // _DAY_SECONDS) - retention_days) * _DAY_SECONDS)


class DayPartitions:
    """See the module docstring. ``clock`` is epoch seconds (tests move it)."""

    def __init__(
        self,
        database: Database,
        sql_dir: Path,
        retention_days: int,
        *,
        lock_timeout_seconds: float = 2.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._database = database
        self._queries = load_queries(sql_dir, "partitions")
        self.retention_days = retention_days
        self._lock_timeout = f"{int(lock_timeout_seconds * 1000)}ms"
        self._clock = clock
        self._known: set[date] = set()

    def cutoff(self) -> float:
        """Epoch seconds before which records are older than the retention."""
        return retention_cutoff(self._clock(), self.retention_days)

    async def ensure(self, days: Iterable[date]) -> list[date]:
        """Make the partitions of ``days`` that are missing; returns the days this call made.
        Database errors propagate (a timed-out lock as 55P03): the caller retries."""
        missing = sorted(set(days) - self._known)
        if not missing:
            return []
        made = await self._ensure_once(missing)
        self._known.update(missing)
        first_kept = day_of(self.cutoff())
        self._known = {day for day in self._known if day >= first_kept}
        if made:
            log.info("logs: created partitions %s", ", ".join(partition_name(d) for d in made))
        return made

    async def _ensure_once(self, days: list[date]) -> list[date]:
        queries = self._queries
        made: list[date] = []
        async with self._database.session(30.0) as connection, connection.transaction():
            await connection.execute(queries["set_lock_timeout"], self._lock_timeout)
            await connection.execute(queries["lock_partitions"], PARTITION_LOCK_KEY)
            for day in days:
                if await connection.fetchval(queries["ensure_day"], day):
                    made.append(day)
        return made

    async def drop_expired(self) -> list[date]:
        """Detach and drop the partitions of days past the retention (and its grace); returns
        the days dropped. Does nothing while another worker is at it."""
        queries = self._queries
        first_kept = day_of(
            retention_cutoff(self._clock() - DROP_GRACE_SECONDS, self.retention_days)
        )
        dropped: list[date] = []
        async with self._database.session(30.0) as connection:
            if not await connection.fetchval(queries["try_lock_retention"], RETENTION_LOCK_KEY):
                return []
            try:
                for row in await connection.fetch(queries["list_days"]):
                    day = _day_of_name(row["name"])
                    if day >= first_kept:
                        continue
                    step = "finalize_statement" if row["detach_pending"] else "detach_statement"
                    # Outside a transaction block: DETACH ... CONCURRENTLY refuses to run in one.
                    await connection.execute(await connection.fetchval(queries[step], row["name"]))
                    await connection.execute(
                        await connection.fetchval(queries["drop_statement"], row["name"])
                    )
                    self._known.discard(day)
                    dropped.append(day)
            finally:
                await connection.execute(queries["unlock_retention"], RETENTION_LOCK_KEY)
        if dropped:
            log.info(
                "logs: dropped partitions past %d days of retention: %s",
                self.retention_days,
                ", ".join(partition_name(d) for d in dropped),
            )
        return dropped
