"""The outbound ledger on a real database: what was confirmed is known, old records go, and a
database that does not answer is an error within the time budget, never a hang."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import asyncpg
import pytest

from storage.database import Database
from storage.outbound_ledger import KEEP, LedgerUnavailable, OutboundLedger

from ..conftest import BASE
from .conftest import fetch


async def test_a_confirmed_message_is_known_and_recording_it_again_changes_nothing(
    database: Database, url: str
):
    ledger = OutboundLedger(database, BASE.sql_dir)
    assert not await ledger.sent("incident:inc-1:7:opened")
    await ledger.record("incident:inc-1:7:opened", "alerts_queue")
    await ledger.record("incident:inc-1:7:opened", "alerts_queue")
    assert await ledger.sent("incident:inc-1:7:opened")
    assert not await ledger.sent("incident:inc-1:8:updated")
    rows = await fetch(url, "SELECT message_id, queue FROM outbound_sent")
    assert [tuple(r) for r in rows] == [("incident:inc-1:7:opened", "alerts_queue")]


async def insert_old(url: str, message_id: str, age: timedelta) -> None:
    admin = await asyncpg.connect(url)
    try:
        await admin.execute(
            "INSERT INTO outbound_sent (message_id, queue, sent_at) "
            "VALUES ($1, 'q', now() - $2::interval)",
            message_id,
            age,
        )
    finally:
        await admin.close()


async def ids(url: str) -> set[str]:
    return {r[0] for r in await fetch(url, "SELECT message_id FROM outbound_sent")}


async def test_records_older_than_the_topic_keeps_insights_are_deleted_hourly(
    database: Database, url: str
):
    await insert_old(url, "old", KEEP + timedelta(hours=1))
    await insert_old(url, "recent", timedelta(days=1))
    now = [time.time()]
    ledger = OutboundLedger(database, BASE.sql_dir, clock=lambda: now[0])
    # The first record of a process deletes what is older than KEEP.
    await ledger.record("new", "q")
    assert await ids(url) == {"recent", "new"}
    # Within the hour it does not look again; after it, it does.
    await insert_old(url, "old-2", KEEP + timedelta(hours=1))
    now[0] += 1800
    await ledger.record("newer", "q")
    assert await ids(url) == {"recent", "new", "old-2", "newer"}
    now[0] += 1800
    await ledger.record("newest", "q")
    assert await ids(url) == {"recent", "new", "newer", "newest"}


@pytest.mark.timeout(30)
async def test_an_unreachable_or_stuck_database_fails_within_the_budget(url: str):
    unreachable = Database("postgresql://nobody:nothing@127.0.0.1:1/nowhere", 1, 2)
    ledger = OutboundLedger(unreachable, BASE.sql_dir, timeout_seconds=1.0)
    with pytest.raises(LedgerUnavailable):
        await ledger.sent("a")
    # A table locked by someone else: the read waits on nothing, the write on the lock.
    locker = await asyncpg.connect(url)
    database = Database(url, 1, 2)
    try:
        transaction = locker.transaction()
        await transaction.start()
        await locker.execute("LOCK TABLE outbound_sent IN ACCESS EXCLUSIVE MODE")
        ledger = OutboundLedger(database, BASE.sql_dir, timeout_seconds=1.0)
        started = time.monotonic()
        with pytest.raises(LedgerUnavailable, match=r"no answer within 1\.0 s"):
            await ledger.record("a", "q")
        assert time.monotonic() - started < 3
        await transaction.rollback()
        await asyncio.sleep(0)
        await ledger.record("a", "q")
        assert await ledger.sent("a")
    finally:
        await locker.close()
        await database.close()
