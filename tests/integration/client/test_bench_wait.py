"""The wait phase of `bench` against a fresh database, and whole runs with a stand-in worker."""

from __future__ import annotations

import asyncio
import time
import uuid

import asyncpg
import orjson
import pytest

from pipeline.client.bench import BenchPlan, run_bench, summarize, wait_until_stored
from pipeline.errors import StorageError
from pipeline.settings import load_settings
from storage.migrations import migrate
from storage.run_counts import RunCounter, StoredCounts

from ..conftest import BASE
from .helpers import invoke, stand_in_worker, take_all

pytestmark = pytest.mark.timeout(60)

ROW = """
INSERT INTO logs (event_id, service_name, log_level, ts, message, metadata)
VALUES ($1, 'bench-api', 'INFO', now(), 'hello', $2::jsonb)
"""


async def _insert(url: str, *metadata: dict[str, object]) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute("SELECT ensure_log_day((now() AT TIME ZONE 'UTC')::date)")
        await connection.executemany(
            ROW, [(uuid.uuid4().hex, orjson.dumps(m).decode()) for m in metadata]
        )
    finally:
        await connection.close()


@pytest.fixture
async def database(fresh_database):
    await migrate(fresh_database, BASE.sql_dir)
    return fresh_database


async def test_counts_distinct_sequence_numbers_and_duplicates(database):
    run = [{"bench_run": "r1", "seq": n} for n in range(5)]
    duplicate = {"bench_run": "r1", "seq": 2}  # the same record stored under another event id
    others: list[dict[str, object]] = [{"bench_run": "r2", "seq": 0}, {"seq": 1}, {}]
    await _insert(database, *run, duplicate, *others)
    counter = RunCounter(database, BASE.sql_dir)
    try:
        began = time.monotonic()
        waited = await wait_until_stored(counter, "r1", 5, deadline=began + 10)
    finally:
        await counter.close()
    assert waited.counts[:2] == StoredCounts(stored=5, rows=6)[:2]
    assert waited.counts.last_stored is not None
    assert abs(waited.counts.last_stored - time.time()) < 5
    assert not waited.timed_out
    assert waited.finished - began < 1.0
    summary = summarize(
        run_id="r1",
        plan=BenchPlan(records=5),
        sent=5,
        messages=1,
        stored=5,
        rows=6,
        seconds=waited.finished - began,
        publish_seconds=0.1,
        timed_out=False,
    )
    assert (summary.stored, summary.duplicates, summary.ok) == (5, 1, False)


async def test_gives_up_at_the_deadline_with_what_it_found(database):
    await _insert(database, *({"bench_run": "r1", "seq": n} for n in range(3)))
    counter = RunCounter(database, BASE.sql_dir)
    try:
        began = time.monotonic()
        waited = await wait_until_stored(counter, "r1", 4, deadline=began + 1.0, poll_interval=0.2)
    finally:
        await counter.close()
    assert waited.timed_out
    assert waited.counts[:2] == (3, 3)
    assert 1.0 <= waited.finished - began < 2.0


async def test_keeps_polling_while_rows_arrive(database):
    counter = RunCounter(database, BASE.sql_dir)
    try:
        waiting = asyncio.create_task(
            wait_until_stored(counter, "r1", 4, deadline=time.monotonic() + 20, poll_interval=0.1)
        )
        await asyncio.sleep(0.3)
        assert not waiting.done()
        await _insert(database, *({"bench_run": "r1", "seq": n} for n in range(2)))
        await asyncio.sleep(0.3)
        await _insert(database, *({"bench_run": "r1", "seq": n} for n in range(2, 4)))
        waited = await waiting
    finally:
        await counter.close()
    assert waited.counts[:2] == (4, 4)
    assert not waited.timed_out


@pytest.mark.parametrize("name", ["count_run", "count_rows", "run_latency"])
async def test_the_count_queries_use_the_bench_index(database, name):
    query = RunCounter(database, BASE.sql_dir)._queries[name]
    args = ("r1", [0.0], 100) if name == "run_latency" else ("r1",)
    connection = await asyncpg.connect(database)
    try:
        day = await connection.fetchval("SELECT (now() AT TIME ZONE 'UTC')::date")
        await connection.execute("SELECT ensure_log_day($1)", day)
        await connection.execute("SET enable_seqscan = off")
        rows = await connection.fetch(f"EXPLAIN {query}", *args)
    finally:
        await connection.close()
    # Each day partition has its copy of logs_bench_run_idx, named by PostgreSQL.
    plan = "\n".join(row[0] for row in rows)
    assert f"using logs_d{day:%Y%m%d}_expr_idx" in plan, plan


async def test_an_unmigrated_database_is_refused_before_publishing(fresh_database, service_env):
    settings = load_settings({**service_env, "DATABASE_URL": fresh_database})
    with pytest.raises(StorageError, match="migrate"):
        await run_bench(settings, BenchPlan(records=10, timeout=5))
    assert await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 0) == []


async def test_an_unreachable_database_is_reported_before_publishing(service_env, free_port):
    url = f"postgresql://nobody:secret@127.0.0.1:{free_port}/nowhere"
    settings = load_settings({**service_env, "DATABASE_URL": url})
    result = await invoke(settings, "bench", "--records", "10")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("bench: cannot connect to postgresql://***@127.0.0.1")
    assert await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 0) == []


async def test_a_whole_run_with_a_stand_in_worker(database, service_env):
    settings = load_settings({**service_env, "DATABASE_URL": database})
    worker = asyncio.create_task(
        stand_in_worker(settings.rabbitmq.url, settings.rabbitmq.log_queue, database)
    )
    try:
        summary = await run_bench(settings, BenchPlan(records=3000, batch=250, services=5))
    finally:
        worker.cancel()
        await asyncio.gather(worker, return_exceptions=True)
    assert summary.ok, summary
    assert (summary.sent, summary.stored, summary.duplicates) == (3000, 3000, 0)
    assert summary.messages == 12
    assert summary.seconds >= summary.publish_seconds > 0
    assert summary.logs_per_s > 0
    await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 0)


async def test_the_command_prints_one_json_line(database, service_env):
    settings = load_settings({**service_env, "DATABASE_URL": database})
    worker = asyncio.create_task(
        stand_in_worker(settings.rabbitmq.url, settings.rabbitmq.log_queue, database)
    )
    try:
        result = await invoke(settings, "bench", "--records", "500", "--batch", "50")
    finally:
        worker.cancel()
        await asyncio.gather(worker, return_exceptions=True)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    (line,) = result.stdout.splitlines()
    summary = orjson.loads(line)
    assert summary["sent"] == summary["stored"] == 500
    assert (summary["duplicates"], summary["timed_out"], summary["ok"]) == (0, False, True)
    assert summary["messages"] == 10
    await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 0)


async def test_the_command_times_out_without_a_worker(database, service_env):
    settings = load_settings({**service_env, "DATABASE_URL": database})
    result = await invoke(settings, "bench", "--records", "300", "--timeout", "1")
    assert result.exit_code == 1, result.output
    summary = orjson.loads(result.stdout)
    assert (summary["sent"], summary["stored"], summary["timed_out"]) == (300, 0, True)
    assert 1.0 <= summary["seconds"] < 3.0
    assert summary["logs_per_s"] == 0.0
    await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 3)


async def test_alerts_are_the_incident_events_sent_to_the_alerts_queue(database):
    insert = """
    INSERT INTO insights (id, type, service_name, window_start, window_end, body, created_at)
    VALUES ($1, $2, $3, now(), now(), $4::jsonb, now() + $5 * interval '1 second')
    """
    alert = {"outbound": {"queue": "alerts", "message": {}}}
    rows = [
        ("a", "incident", "bench-api", alert, 0),  # counted
        ("b", "incident", "bench-api", {"outbound": None}, 0),  # an update: no alert sent
        ("c", "recommendation", "bench-api", {"outbound": {"queue": "recommendations"}}, 0),
        ("d", "incident", "checkout", alert, 0),  # not one of the run's services
        ("e", "incident", "bench-api", alert, -3600),  # before the run
    ]
    connection = await asyncpg.connect(database)
    try:
        await connection.executemany(
            insert, [(i, t, s, orjson.dumps(b).decode(), o) for i, t, s, b, o in rows]
        )
        since = await connection.fetchval("SELECT now() - interval '1 minute'")
    finally:
        await connection.close()
    counter = RunCounter(database, BASE.sql_dir)
    try:
        assert await counter.alerts(["bench-api", "bench-auth"], since) == 1
    finally:
        await counter.close()
