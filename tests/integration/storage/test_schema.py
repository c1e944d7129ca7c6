"""The migrations, applied from scratch or over an older release's database, give the schema the
code expects: every query in sql/queries prepares against it (PostgreSQL resolves every table,
column, function and ON CONFLICT target when it prepares a statement), and logs is partitioned
by day as storage/day_partitions.py assumes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import asyncpg
import pytest

from storage.database import Database
from storage.day_partitions import DayPartitions
from storage.log_sink import LogSink
from storage.migrations import discover, migrate, rollback
from storage.queries import load_queries

from ..conftest import BASE
from .conftest import fetch, sql_dir_through
from .test_day_partitions import NOW, SERVED, row
from .test_insight_sink import schema

pytestmark = pytest.mark.timeout(90)

QUERY_FILES = sorted(path.stem for path in (BASE.sql_dir / "queries").glob("*.sql"))


async def prepare_every_query(url: str) -> list[str]:
    """Prepare every named query; returns their names. Fails on the first one that does not."""
    prepared: list[str] = []
    connection = await asyncpg.connect(url)
    try:
        async with connection.transaction():
            # The ingest queries read the staging table its first query creates.
            await connection.execute(load_queries(BASE.sql_dir, "ingest")["create_ingest_table"])
            for name in QUERY_FILES:
                for query_name, query in load_queries(BASE.sql_dir, name).items():
                    try:
                        await connection.prepare(query)
                    except asyncpg.PostgresError as exc:
                        pytest.fail(f"{name}.sql {query_name}: {exc}")
                    prepared.append(f"{name}.{query_name}")
    finally:
        await connection.close()
    return prepared


async def logs_layout(url: str) -> dict[str, str]:
    [row] = await fetch(
        url,
        """SELECT pg_get_partkeydef('logs'::regclass) AS partition_key,
                  (SELECT pg_get_constraintdef(oid) FROM pg_constraint
                   WHERE conrelid = 'logs'::regclass AND contype = 'p') AS primary_key""",
    )
    return dict(row)


async def test_every_query_prepares_against_the_migrated_schema(fresh_database):
    await migrate(fresh_database, BASE.sql_dir)
    prepared = await prepare_every_query(fresh_database)
    # Every file was read, and the queries the stream depends on most are among them.
    assert {"ingest.insert_logs", "ingest.upsert_templates", "partitions.ensure_day"} <= set(
        prepared
    )
    assert {name.split(".")[0] for name in prepared} == set(QUERY_FILES)
    assert await logs_layout(fresh_database) == {
        "partition_key": "RANGE (ts)",
        "primary_key": "PRIMARY KEY (event_id, ts)",
    }


async def test_an_older_database_upgrades_to_the_same_schema_with_its_rows(
    fresh_database, tmp_path: Path
):
    # What a database of the release before day partitions holds, stored by the SQL of then.
    url = fresh_database
    await migrate(url, sql_dir_through(tmp_path / "old", 3))
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(
            """INSERT INTO logs (event_id, service_name, log_level, ts, message)
               SELECT 'e' || g, 'svc', 'INFO', '2026-06-15'::timestamptz - g * interval '7 hour',
                      'm ' || g
               FROM generate_series(1, 50) AS g"""
        )
    finally:
        await connection.close()
    before = await fetch(url, "SELECT * FROM logs ORDER BY event_id")

    await migrate(url, BASE.sql_dir)

    assert await fetch(url, "SELECT * FROM logs ORDER BY event_id") == before
    days = await fetch(
        url, "SELECT count(*) AS n FROM pg_inherits WHERE inhparent = 'logs'::regclass"
    )
    assert days[0]["n"] == 15  # 50 rows 7 hours apart span 15 days
    upgraded = without_day_partitions(await schema(url))
    await prepare_every_query(url)

    # Down to nothing, then from scratch: the same schema, its day partitions aside.
    await rollback(url, BASE.sql_dir, len(discover(BASE.sql_dir / "migrations")))
    [gone] = await fetch(url, "SELECT to_regclass('logs') AS t")
    assert gone["t"] is None
    await migrate(url, BASE.sql_dir)
    assert without_day_partitions(await schema(url)) == upgraded


def without_day_partitions(found: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[Any]]:
    return {
        part: [item for item in items if not str(item[0]).startswith("logs_d")]
        for part, items in found.items()
    }


async def test_the_sink_stores_into_a_database_migrated_from_scratch(fresh_database):
    await migrate(fresh_database, BASE.sql_dir)
    database = Database(fresh_database, 1, 2)
    try:
        sink = LogSink(
            database,
            BASE.sql_dir,
            source="test.logs",
            partitions=DayPartitions(database, BASE.sql_dir, 30, clock=lambda: NOW),
        )
        result = await sink.store([row(1, NOW)], [SERVED], [])
    finally:
        await database.close()
    assert len(result.inserted) == 1
