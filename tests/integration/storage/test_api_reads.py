"""The API's read pool: its statement timeout, read-only transactions and errors as our own."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import pytest

from storage.api_reads import ApiReads, ReadTimedOut
from storage.errors import DatabaseUnavailable

from ..conftest import BASE

pytestmark = pytest.mark.timeout(60)


def _sql_dir(tmp_path: Path) -> Path:
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "api.sql").write_text(
        "-- name: slow\n-- Sleeps past the timeout.\nSELECT pg_sleep(2);\n\n"
        "-- name: write\n-- Tries to write.\nCREATE TABLE api_reads_must_not (x int);\n\n"
        "-- name: settings\n-- What the session runs with.\n"
        "SELECT current_setting('statement_timeout'), current_setting('plan_cache_mode'),"
        " current_setting('default_transaction_read_only');\n"
    )
    return tmp_path


async def test_a_read_past_the_statement_timeout_is_cut_short(tmp_path: Path) -> None:
    reads = ApiReads(BASE.database.url, _sql_dir(tmp_path), 2, statement_timeout_ms=200)
    try:
        with pytest.raises(ReadTimedOut):
            await reads.fetch("slow")
        row = await reads.fetchrow("settings")
        assert row is not None and tuple(row) == ("200ms", "force_custom_plan", "on")
        with pytest.raises(asyncpg.ReadOnlySQLTransactionError):
            await reads.fetch("write")
    finally:
        await reads.close()


async def test_an_unreachable_database_is_our_own_error(tmp_path: Path) -> None:
    reads = ApiReads("postgresql://u:p@127.0.0.1:1/none", _sql_dir(tmp_path), 2, 200)
    with pytest.raises(DatabaseUnavailable):
        await reads.fetch("settings")
