"""Day partitions of logs against a real PostgreSQL: made on demand, expired days dropped while
COPY goes on, records past the retention dead-lettered, DDL that never queues reads behind it."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from storage.database import Database
from storage.day_partitions import DayPartitions, day_of, partition_name
from storage.log_sink import LogSink
from storage.retry import Backoff
from storage.rows import LogRow, TemplateRow
from tests.factories import Clock

from ..conftest import BASE
from .conftest import Recorder, fetch

pytestmark = pytest.mark.timeout(90)

FAST = Backoff(initial=0.01, factor=2.0, cap=0.05)
NOW = datetime(2026, 6, 15, 12, tzinfo=UTC).timestamp()
DAY = 86400.0
SERVED = TemplateRow("checkout", "tpl-served", "request <*> served", "INFO")


def row(index: int, ts: float, **changes: Any) -> LogRow:
    return LogRow(
        event_id=f"ev-{index:06d}",
        service="checkout",
        level="INFO",
        ts=ts,
        message=f"request {index} served",
        template_id="tpl-served",
        host=None,
        trace_id=None,
        metadata=None,
        received_at=ts + 0.5,
        clamped=False,
        truncated=False,
        sanitized=False,
    )._replace(**changes)


def sink_for(database: Database, partitions: DayPartitions, recorder: Recorder) -> LogSink:
    return LogSink(
        database,
        BASE.sql_dir,
        source="test.logs",
        partitions=partitions,
        should_stop=recorder.should_stop,
        observer=recorder,
        backoff=FAST,
    )


async def stored_days(url: str) -> list[str]:
    rows = await fetch(
        url,
        """SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'logs'::regclass ORDER BY 1""",
    )
    return [r["relname"] for r in rows]


async def count(url: str, query: str) -> int:
    return int((await fetch(url, query))[0][0])


async def test_a_batch_over_three_days_makes_two_partitions_and_dead_letters_the_old_day(
    url, database
):
    clock = Clock(NOW)
    partitions = DayPartitions(database, BASE.sql_dir, 30, clock=clock)
    recorder = Recorder()
    sink = sink_for(database, partitions, recorder)
    rows = (
        [row(i, NOW - 60 * i) for i in range(10)]
        + [row(100 + i, NOW - DAY - 60 * i) for i in range(10)]
        + [row(200 + i, NOW - 40 * DAY + 60 * i) for i in range(5)]
    )

    result = await sink.store(rows, [SERVED], [])

    assert len(result.inserted) == 20
    assert [r.event_id for r, _ in result.rejected] == [f"ev-{200 + i:06d}" for i in range(5)]
    assert {reason for _, reason in result.rejected} == {
        "older than the retention of 30 days (LOGS_RETENTION_DAYS)"
    }
    assert recorder.rejected == ["retention"] * 5
    assert await stored_days(url) == [
        partition_name(day_of(NOW - DAY)),
        partition_name(day_of(NOW)),
    ]
    letters = await fetch(url, "SELECT reason, field, stage FROM dead_letters")
    assert len(letters) == 5
    assert {(r["field"], r["stage"]) for r in letters} == {("timestamp", "storage")}
    assert await count(url, "SELECT count(*) FROM logs") == 20
    # The same batch again: nothing new, the old records are refused again (one letter each).
    again = await sink.store(rows, [SERVED], [])
    assert (len(again.inserted), len(again.rejected)) == (0, 5)
    assert await count(url, "SELECT count(*) FROM dead_letters") == 5


async def test_a_redelivered_record_keyed_by_its_receive_time_is_stored_once(url, database):
    # No time of its own: its time is the receive time, and a RabbitMQ redelivery is received
    # again, later, even on the next day.
    partitions = DayPartitions(database, BASE.sql_dir, 30, clock=Clock(NOW))
    sink = sink_for(database, partitions, Recorder())
    first = NOW - 0.4 * DAY  # 02:24 on NOW's day
    received = row(1, first, received_at=first)
    assert len((await sink.store([received], [SERVED], [])).inserted) == 1
    for later in (first + 5, first + 0.95 * DAY):  # the same day, and the next
        redelivered = received._replace(ts=later, received_at=later)
        assert (await sink.store([redelivered], [SERVED], [])).inserted == ()
    assert await count(url, "SELECT count(*) FROM logs") == 1
    assert await count(url, "SELECT occurrences FROM templates") == 1
    # A record with its own time is keyed by it: the same id at another time is another row.
    other = row(2, first, received_at=first + 1)
    assert len((await sink.store([other, other._replace(ts=first + 2)], [SERVED], [])).inserted)
    assert await count(url, "SELECT count(*) FROM logs WHERE event_id = 'ev-000002'") == 1


async def test_workers_making_the_same_days_at_once_make_each_once(url):
    databases = [Database(url, 1, 2) for _ in range(4)]
    days = [date(2026, 6, 1) + timedelta(days=i) for i in range(5)]
    try:
        workers = [DayPartitions(db, BASE.sql_dir, 30, clock=Clock(NOW)) for db in databases]
        made = await asyncio.gather(*(worker.ensure(days) for worker in workers))
    finally:
        for db in databases:
            await db.close()
    assert sorted(d for each in made for d in each) == days
    assert await stored_days(url) == [partition_name(d) for d in days]


async def test_partition_ddl_gives_up_instead_of_queueing_reads_behind_it(url, database):
    partitions = DayPartitions(
        database, BASE.sql_dir, 30, lock_timeout_seconds=0.3, clock=Clock(NOW)
    )
    blocker = await asyncpg.connect(url)
    reader = await asyncpg.connect(url)
    try:
        # A lock that conflicts with ATTACH's SHARE UPDATE EXCLUSIVE (and not with reads).
        transaction = blocker.transaction()
        await transaction.start()
        await blocker.execute("LOCK TABLE logs IN SHARE MODE")
        attempt = asyncio.create_task(partitions.ensure([day_of(NOW)]))
        await asyncio.sleep(0.1)
        # While the DDL waits for its lock, a read of logs is not queued behind it.
        started = time.monotonic()
        assert await reader.fetchval("SELECT count(*) FROM logs", timeout=5) == 0
        assert time.monotonic() - started < 0.2
        with pytest.raises(asyncpg.LockNotAvailableError):
            await asyncio.wait_for(attempt, 10)
        await transaction.rollback()
        assert await partitions.ensure([day_of(NOW)]) == [day_of(NOW)]
    finally:
        await blocker.close()
        await reader.close()


async def test_retention_drops_expired_days_while_copy_keeps_running(url, database):
    clock = Clock(NOW)
    partitions = DayPartitions(database, BASE.sql_dir, 30, clock=clock)
    recorder = Recorder()
    sink = sink_for(database, partitions, recorder)
    # Three days, the oldest just inside the retention, with rows in each.
    oldest = NOW - 30 * DAY
    seeded = [row(i, oldest + i * DAY) for i in range(3)]
    assert len((await sink.store(seeded, [SERVED], [])).inserted) == 3
    assert len(await stored_days(url)) == 3

    stop = asyncio.Event()
    stored = 0
    slowest = 0.0

    async def keep_copying() -> None:
        nonlocal stored, slowest
        batch = 0
        while not stop.is_set():
            rows = [row(10_000 + batch * 500 + i, NOW + i * 0.01) for i in range(500)]
            started = time.monotonic()
            stored += len((await sink.store(rows, [SERVED], [])).inserted)
            slowest = max(slowest, time.monotonic() - started)
            batch += 1

    copying = asyncio.create_task(keep_copying())
    await asyncio.sleep(0.5)
    # A reader in the middle of a transaction on logs: DETACH ... CONCURRENTLY waits for it
    # to end, and the copying goes on meanwhile.
    reader = await asyncpg.connect(url)
    try:
        transaction = reader.transaction(isolation="repeatable_read")
        await transaction.start()
        await reader.fetchval("SELECT count(*) FROM logs")
        clock.now = NOW + DAY + 2 * 3600  # the oldest day is now past retention and its grace
        dropping = asyncio.create_task(partitions.drop_expired())
        before = stored
        await asyncio.sleep(1.0)
        assert not dropping.done()  # waiting for the reader's snapshot
        assert stored > before  # and COPY went on meanwhile
        await transaction.commit()
        assert await asyncio.wait_for(dropping, 20) == [day_of(oldest)]
    finally:
        await reader.close()
    await asyncio.sleep(0.3)
    stop.set()
    await copying
    assert slowest < 2.0
    assert partition_name(day_of(oldest)) not in await stored_days(url)
    assert await count(url, "SELECT count(*) FROM logs") == stored + 2
    # Dropped, not only detached.
    [gone] = await fetch(url, "SELECT to_regclass($1) AS t", partition_name(day_of(oldest)))
    assert gone["t"] is None
    # Run again: nothing more is past the retention.
    assert await partitions.drop_expired() == []


async def test_an_interrupted_detach_is_finished_by_the_next_round(url, database):
    clock = Clock(NOW)
    partitions = DayPartitions(database, BASE.sql_dir, 30, clock=clock)
    old_day = day_of(NOW - 30 * DAY)
    await partitions.ensure([old_day, day_of(NOW)])
    name = partition_name(old_day)
    holder = await asyncpg.connect(url)
    detacher = await asyncpg.connect(url)
    try:
        transaction = holder.transaction(isolation="repeatable_read")
        await transaction.start()
        await holder.fetchval("SELECT count(*) FROM logs")
        detach = asyncio.create_task(
            detacher.execute(f"ALTER TABLE logs DETACH PARTITION {name} CONCURRENTLY")
        )
        await asyncio.sleep(0.5)
        await holder.execute("SELECT pg_cancel_backend($1)", detacher.get_server_pid())
        with pytest.raises(asyncpg.QueryCanceledError):
            await detach
        await transaction.commit()
    finally:
        await holder.close()
        await detacher.close()
    [pending] = await fetch(
        url,
        """SELECT i.inhdetachpending FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE c.relname = $1""",
        name,
    )
    assert pending["inhdetachpending"] is True
    clock.now = NOW + 2 * DAY
    assert await partitions.drop_expired() == [old_day]
    assert await stored_days(url) == [partition_name(day_of(NOW))]
