"""LogSink against a real PostgreSQL: exactly once, template counts, dead letters, retries."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import asyncpg
import pytest
from asyncpg.transaction import Transaction

from storage.database import Database
from storage.day_partitions import DayPartitions, day_of, partition_name
from storage.errors import StoreAborted
from storage.log_sink import LogSink
from storage.retry import Backoff, ErrorKind
from storage.rows import Alias, DeadLetterRow, LogRow, TemplateRow

from ..conftest import BASE
from .conftest import Recorder, fetch, killing_after_insert_into

pytestmark = pytest.mark.timeout(60)

FAST = Backoff(initial=0.01, factor=2.0, cap=0.05)
SOURCE = "test.logs"
T0 = 1_700_000_000.0
# A retention that keeps T0's day: these tests are about storing, not about retention.
CENTURY = 36500
# PostgreSQL names the day partition the row went to.
POISON_CONSTRAINT = (
    f'new row for relation "{partition_name(day_of(T0))}" '
    'violates check constraint "test_no_poison"'
)


def row(index: int, **changes: Any) -> LogRow:
    base = LogRow(
        event_id=f"ev-{index:05d}",
        service="checkout",
        level="INFO",
        ts=T0 + index,
        message=f"request {index} served",
        template_id="tpl-served",
        host="web-1",
        trace_id=None,
        metadata={"n": index},
        received_at=T0 + index + 0.5,
        clamped=False,
        truncated=False,
        sanitized=False,
    )
    return base._replace(**changes)


# Too long for a btree entry even after compression (hex digits compress to about half).
INCOMPRESSIBLE = "".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(200))
SERVED = TemplateRow("checkout", "tpl-served", "request <*> served", "INFO")


def make_sink(database: Database, recorder: Recorder | None = None, **kwargs: Any) -> LogSink:
    recorder = recorder or Recorder()
    return LogSink(
        database,
        BASE.sql_dir,
        source=SOURCE,
        should_stop=recorder.should_stop,
        observer=recorder,
        backoff=FAST,
        partitions=kwargs.pop("partitions", None) or DayPartitions(database, BASE.sql_dir, CENTURY),
        **kwargs,
    )


async def log_count(url: str) -> int:
    return int((await fetch(url, "SELECT count(*) AS n FROM logs"))[0]["n"])


async def template(url: str, template_id: str) -> asyncpg.Record | None:
    rows = await fetch(url, "SELECT * FROM templates WHERE template_id = $1", template_id)
    return rows[0] if rows else None


def at(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


async def test_rows_are_inserted_once_and_counted_once(url, database):
    sink = make_sink(database)
    rows = [row(i) for i in range(20)]
    first = await sink.store(rows, [SERVED], [])
    assert first.inserted == tuple(rows)
    assert first.rejected == ()
    again = await sink.store(rows, [SERVED], [])
    assert again.inserted == ()
    assert await log_count(url) == 20
    stored = await template(url, "tpl-served")
    assert stored is not None
    assert stored["occurrences"] == 20


async def test_stored_columns(url, database):
    await make_sink(database).store(
        [row(1, metadata=None, trace_id="tr-1", clamped=True, sanitized=True)], [SERVED], []
    )
    [stored] = await fetch(url, "SELECT * FROM logs")
    assert stored["ts"] == at(T0 + 1)
    assert stored["received_at"] == at(T0 + 1.5)
    assert stored["metadata"] == "{}"
    assert (stored["trace_id"], stored["clamped"], stored["truncated"], stored["sanitized"]) == (
        "tr-1",
        True,
        False,
        True,
    )
    assert stored["service_name"] == "checkout"
    assert stored["log_level"] == "INFO"


async def test_overlapping_batches_count_only_new_rows(url, database):
    sink = make_sink(database)
    await sink.store([row(i) for i in range(10)], [SERVED], [])
    second = await sink.store([row(i) for i in range(5, 15)], [SERVED], [])
    assert [r.event_id for r in second.inserted] == [row(i).event_id for i in range(10, 15)]
    assert await log_count(url) == 15
    stored = await template(url, "tpl-served")
    assert stored is not None
    assert stored["occurrences"] == 15


async def test_an_event_twice_in_one_batch_counts_once(url, database):
    result = await make_sink(database).store([row(0), row(1), row(0)], [SERVED], [])
    assert [r.event_id for r in result.inserted] == ["ev-00000", "ev-00001"]
    stored = await template(url, "tpl-served")
    assert stored is not None
    assert stored["occurrences"] == 2


async def test_template_first_seen_last_seen_and_occurrences(url, database):
    sink = make_sink(database)
    failed = TemplateRow("checkout", "tpl-failed", "payment <*> failed", "ERROR")
    await sink.store(
        [
            row(1, ts=T0 + 10),
            row(2, ts=T0 + 5),
            row(3, ts=T0 + 20),
            row(4, template_id="tpl-failed", level="ERROR", ts=T0 + 7),
        ],
        [SERVED, failed],
        [],
    )
    served = await template(url, "tpl-served")
    assert served is not None
    assert (served["first_seen"], served["last_seen"], served["occurrences"]) == (
        at(T0 + 5),
        at(T0 + 20),
        3,
    )
    assert (served["template"], served["log_level"]) == ("request <*> served", "INFO")
    await sink.store([row(5, ts=T0 + 1), row(6, ts=T0 + 15), row(7, ts=T0 + 30)], [SERVED], [])
    served = await template(url, "tpl-served")
    assert served is not None
    assert (served["first_seen"], served["last_seen"], served["occurrences"]) == (
        at(T0 + 1),
        at(T0 + 30),
        6,
    )
    other = await template(url, "tpl-failed")
    assert other is not None
    assert (other["first_seen"], other["last_seen"], other["occurrences"]) == (
        at(T0 + 7),
        at(T0 + 7),
        1,
    )
    assert other["log_level"] == "ERROR"


async def test_a_template_without_new_rows_is_left_alone(url, database):
    sink = make_sink(database)
    await sink.store([row(1)], [SERVED], [])
    before = await template(url, "tpl-served")
    unused = TemplateRow("checkout", "tpl-unused", "never <*> stored", "WARN")
    await sink.store([row(1)], [SERVED, unused], [])
    assert await template(url, "tpl-served") == before
    assert await template(url, "tpl-unused") is None


async def test_aliases_set_superseded_by(url, database):
    sink = make_sink(database)
    await sink.store([row(1)], [SERVED], [])
    general = TemplateRow("checkout", "tpl-general", "request <*> <*>", "INFO")
    await sink.store(
        [row(2, template_id="tpl-general")],
        [general],
        [Alias("checkout", "tpl-served", "tpl-general")],
    )
    old = await template(url, "tpl-served")
    assert old is not None
    assert (old["superseded_by"], old["occurrences"]) == ("tpl-general", 1)
    new = await template(url, "tpl-general")
    assert new is not None
    assert (new["superseded_by"], new["occurrences"]) == (None, 1)


async def test_an_alias_of_a_template_not_stored_yet_is_kept(url, database):
    sink = make_sink(database)
    await sink.store([], [], [Alias("checkout", "tpl-served", "tpl-general")])
    placeholder = await template(url, "tpl-served")
    assert placeholder is not None
    assert placeholder["superseded_by"] == "tpl-general"
    assert (placeholder["occurrences"], placeholder["template"], placeholder["log_level"]) == (
        0,
        "",
        None,
    )
    # Its first stored rows set the times and the text exactly; the alias stays.
    await sink.store([row(3, ts=T0 + 3), row(4, ts=T0 + 4)], [SERVED], [])
    stored = await template(url, "tpl-served")
    assert stored is not None
    assert (stored["first_seen"], stored["last_seen"], stored["occurrences"]) == (
        at(T0 + 3),
        at(T0 + 4),
        2,
    )
    assert (stored["template"], stored["log_level"], stored["superseded_by"]) == (
        "request <*> served",
        "INFO",
        "tpl-general",
    )


async def test_the_last_of_two_aliases_for_one_template_wins(url, database):
    aliases = [
        Alias("checkout", "tpl-served", "tpl-general"),
        Alias("checkout", "tpl-served", "tpl-broader"),
    ]
    await make_sink(database).store([row(1)], [SERVED], aliases)
    stored = await template(url, "tpl-served")
    assert stored is not None
    assert (stored["superseded_by"], stored["occurrences"]) == ("tpl-broader", 1)


async def test_rows_of_a_template_not_described_are_still_counted(url, database):
    sink = make_sink(database)
    await sink.store([row(1)], [], [])
    unknown = await template(url, "tpl-served")
    assert unknown is not None
    assert (unknown["template"], unknown["log_level"], unknown["occurrences"]) == ("", None, 1)
    await sink.store([row(2)], [SERVED], [])
    known = await template(url, "tpl-served")
    assert known is not None
    assert (known["template"], known["log_level"], known["occurrences"]) == (
        "request <*> served",
        "INFO",
        2,
    )


async def test_rows_postgres_refuses_are_dead_lettered_and_the_rest_stored(url, database):
    await fetch(url, "ALTER TABLE logs ADD CONSTRAINT test_no_poison CHECK (message <> 'POISON')")
    recorder = Recorder()
    sink = make_sink(database, recorder)
    rows = [row(i, message="POISON") if i in (7, 31) else row(i) for i in range(50)]

    result = await sink.store(rows, [SERVED], [])

    assert len(result.inserted) == 48
    assert [(r.event_id, reason) for r, reason in result.rejected] == [
        ("ev-00007", POISON_CONSTRAINT),
        ("ev-00031", POISON_CONSTRAINT),
    ]
    assert recorder.rejected == ["23514", "23514"]
    assert await log_count(url) == 48
    stored = await template(url, "tpl-served")
    assert stored is not None
    assert stored["occurrences"] == 48
    letters = await fetch(url, "SELECT * FROM dead_letters ORDER BY id")
    assert [(d["stage"], d["reason"], d["source"], d["position"]) for d in letters] == [
        ("storage", POISON_CONSTRAINT, SOURCE, -1),
        ("storage", POISON_CONSTRAINT, SOURCE, -1),
    ]
    payload = json.loads(letters[0]["payload"])
    assert (payload["event_id"], payload["message"]) == ("ev-00007", "POISON")
    assert letters[0]["sha256"] == hashlib.sha256(letters[0]["payload"]).digest()
    assert letters[0]["size"] == len(letters[0]["payload"])
    assert letters[0]["received_at"] == at(T0 + 7.5)

    again = await sink.store(rows, [SERVED], [])

    assert again.inserted == ()
    assert len(again.rejected) == 2
    assert len(await fetch(url, "SELECT id FROM dead_letters")) == 2
    stored = await template(url, "tpl-served")
    assert stored is not None
    assert stored["occurrences"] == 48


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"message": "bad \ud800 text"}, "message"),  # the driver cannot encode it
        ({"host": "web-\ud800"}, "host"),
        ({"message": "nul \x00 byte"}, None),  # PostgreSQL refuses it during COPY
        ({"metadata": {"big": 2**70}}, "metadata"),  # orjson refuses it
        ({"metadata": {"text": "nul \x00"}}, None),  # jsonb refuses \u0000
        ({"ts": float("nan")}, "ts"),
        ({"ts": 1e15}, "ts"),  # out of timestamptz's range, and of any day partition
        ({"received_at": 1e15}, None),  # the dead letter itself gets the time it was written
        ({"event_id": INCOMPRESSIBLE}, None),  # too large for the primary key index: 54000
    ],
)
async def test_a_bad_value_is_dead_lettered_without_blocking_the_rest(url, database, bad, field):
    rows = [row(i) for i in range(10)]
    rows[4] = rows[4]._replace(**bad)
    result = await make_sink(database).store(rows, [SERVED], [])
    assert len(result.inserted) == 9
    [(rejected, reason)] = result.rejected
    assert rejected == rows[4]
    [letter] = await fetch(url, "SELECT * FROM dead_letters")
    assert (letter["stage"], letter["reason"], letter["field"]) == ("storage", reason, field)
    assert json.loads(letter["payload"])["event_id"] == rows[4].event_id


async def test_a_store_of_nothing_does_nothing():
    database = Database("postgresql://nobody:nothing@127.0.0.1:1/nowhere", 1, 2)
    result = await make_sink(database, Recorder(stop_after_retries=0)).store([], [SERVED], [])
    assert (result.inserted, result.rejected) == ((), ())


async def test_a_dead_letter_payload_is_truncated_to_the_limit(url, database):
    rows = [row(0, message="bad \ud800 " + "x" * 500)]
    await make_sink(database, payload_limit=100).store(rows, [SERVED], [])
    [letter] = await fetch(url, "SELECT * FROM dead_letters")
    assert len(letter["payload"]) == 100
    assert letter["truncated"] is True
    assert letter["size"] > 500


async def test_unreachable_database_is_retried_until_told_to_stop():
    recorder = Recorder(stop_after_retries=2)
    database = Database("postgresql://nobody:nothing@127.0.0.1:1/nowhere", 1, 2)
    try:
        with pytest.raises(StoreAborted):
            await make_sink(database, recorder).store([row(1)], [SERVED], [])
    finally:
        await database.close()
    assert len(recorder.retries) == 2
    assert all(kind is ErrorKind.TRANSIENT for kind, _ in recorder.retries)


async def test_missing_schema_is_retried_and_logged_once(fresh_database, caplog):
    # No migrations: 42883 (ensure_log_day undefined) is a deployment error, not a reason to drop
    # data.
    recorder = Recorder(stop_after_retries=4)
    database = Database(fresh_database, 1, 2)
    try:
        with caplog.at_level(logging.DEBUG, logger="storage.retry"), pytest.raises(StoreAborted):
            await make_sink(database, recorder).store([row(1)], [SERVED], [])
    finally:
        await database.close()
    assert recorder.retries == [(ErrorKind.OTHER, "42883")] * 4
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert "42883" in errors[0].getMessage()


@pytest.fixture
async def kill_after_insert(url, monkeypatch):
    async with killing_after_insert_into("logs", url, monkeypatch) as kills:
        yield kills


async def test_a_lost_connection_is_retried_and_the_batch_stored_once(
    url, database, kill_after_insert
):
    recorder = Recorder()
    rows = [row(i) for i in range(30)]
    result = await make_sink(database, recorder).store(rows, [SERVED], [])
    assert kill_after_insert == [0]
    assert [kind for kind, _ in recorder.retries] == [ErrorKind.TRANSIENT]
    assert result.inserted == tuple(rows)
    assert await log_count(url) == 30
    stored = await template(url, "tpl-served")
    assert stored is not None
    assert stored["occurrences"] == 30


async def test_an_aborted_store_commits_nothing(url, database, kill_after_insert):
    kill_after_insert[0] = 100
    recorder = Recorder(stop_after_retries=2)
    with pytest.raises(StoreAborted):
        await make_sink(database, recorder).store([row(i) for i in range(5)], [SERVED], [])
    assert await log_count(url) == 0
    assert await template(url, "tpl-served") is None


@pytest.fixture
def reply_lost_after_commit(monkeypatch):
    """The sink's first outer transaction commits, then its connection fails as if the reply
    never came (a PostgreSQL restart between the two): the store's outcome is unknown to it."""
    original_exit, original_fetch = Transaction.__aexit__, asyncpg.Connection.fetch
    lost = [1]
    inserting: list[bool] = [False]

    async def fetch(self: asyncpg.Connection, query: str, *args: Any, **kwargs: Any) -> Any:
        inserting[0] = inserting[0] or query.startswith("INSERT INTO logs")
        return await original_fetch(self, query, *args, **kwargs)

    async def commit_then_fail(self: Transaction, extype: Any, ex: Any, tb: Any) -> Any:
        result = await original_exit(self, extype, ex, tb)
        # The store's own transaction (not a savepoint, nor the day partitions' DDL before it).
        if extype is None and not self._nested and inserting[0] and lost[0] > 0:
            lost[0] -= 1
            raise asyncpg.exceptions.ConnectionDoesNotExistError(
                "connection was closed in the middle of operation"
            )
        return result

    monkeypatch.setattr(asyncpg.Connection, "fetch", fetch)
    monkeypatch.setattr(Transaction, "__aexit__", commit_then_fail)
    return lost


async def test_rows_a_retry_finds_stored_by_its_own_lost_commit_are_reported_inserted(
    url, database, reply_lost_after_commit
):
    recorder = Recorder()
    rows = [row(i) for i in range(30)]
    result = await make_sink(database, recorder).store(rows, [SERVED], [])
    assert reply_lost_after_commit == [0]
    assert [kind for kind, _ in recorder.retries] == [ErrorKind.TRANSIENT]
    # The first attempt stored them all; the retry found them there. They are still what this
    # call stored: the detectors count the rows a store reports (a CI fault run lost 100 so).
    assert result.inserted == tuple(rows)
    assert await log_count(url) == 30
    stored = await template(url, "tpl-served")
    assert stored is not None
    assert stored["occurrences"] == 30  # counted by the attempt that committed, once


def letter(index: int, **changes: Any) -> DeadLetterRow:
    payload = f'{{"n": {index}}}'.encode()
    base = DeadLetterRow(
        stage="ingest",
        reason="not JSON",
        field=None,
        source="test.logs",
        position=index,
        sha256=hashlib.sha256(b"message").digest(),
        size=len(payload),
        payload=payload,
        truncated=False,
        received_at=T0,
    )
    return replace(base, **changes)


async def test_store_dead_letters_is_idempotent(url, database):
    sink = make_sink(database)
    letters = [letter(0), letter(1, field="service_name"), letter(2)]
    assert await sink.store_dead_letters(letters) == 3
    assert await sink.store_dead_letters(letters) == 0
    assert await sink.store_dead_letters([*letters, letter(3), letter(3)]) == 1
    stored = await fetch(url, "SELECT * FROM dead_letters ORDER BY position")
    assert [d["position"] for d in stored] == [0, 1, 2, 3]
    assert stored[1]["field"] == "service_name"
    assert stored[0]["received_at"] == at(T0)
    assert await sink.store_dead_letters([]) == 0


async def test_store_dead_letters_keeps_text_postgres_cannot_hold(url, database):
    sink = make_sink(database)
    assert await sink.store_dead_letters([letter(0, reason="bad \ud800 \x00 reason")]) == 1
    [stored] = await fetch(url, "SELECT reason FROM dead_letters")
    assert stored["reason"] == "bad ? \ufffd reason"
