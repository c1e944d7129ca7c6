import asyncio
import os
import subprocess
import sys

import asyncpg
import pytest

from storage.errors import DatabaseUnavailable, MigrationError
from storage.migrations import discover, migrate

from ..conftest import BASE, REPO_ROOT

pytestmark = pytest.mark.timeout(60)


async def _versions(url: str) -> list[int]:
    connection = await asyncpg.connect(url)
    try:
        rows = await connection.fetch("SELECT version FROM schema_migrations ORDER BY version")
        return [row["version"] for row in rows]
    finally:
        await connection.close()


async def test_migrate_applies_everything_then_is_a_no_op(fresh_database):
    expected = [m.version for m in discover(BASE.sql_dir / "migrations")]
    first = await migrate(fresh_database, BASE.sql_dir)
    assert [m.version for m in first] == expected
    second = await migrate(fresh_database, BASE.sql_dir)
    assert second == []
    assert await _versions(fresh_database) == expected
    connection = await asyncpg.connect(fresh_database)
    try:
        tables = {
            row["tablename"]
            for row in await connection.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        }
    finally:
        await connection.close()
    assert {"logs", "templates", "anomalies", "dead_letters", "schema_migrations"} <= tables


async def test_concurrent_migrations_do_not_collide(fresh_database):
    results = await asyncio.gather(*(migrate(fresh_database, BASE.sql_dir) for _ in range(4)))
    applied = [m.version for result in results for m in result]
    expected = [m.version for m in discover(BASE.sql_dir / "migrations")]
    assert sorted(applied) == expected  # each migration applied by exactly one run
    assert await _versions(fresh_database) == expected


async def test_an_edited_migration_is_refused(fresh_database, tmp_path):
    (tmp_path / "queries").symlink_to(BASE.sql_dir / "queries")
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "0001_one.sql").write_text("CREATE TABLE one (id int);")
    await migrate(fresh_database, tmp_path)
    (tmp_path / "migrations" / "0001_one.sql").write_text("CREATE TABLE one (id bigint);")
    with pytest.raises(MigrationError, match="changed after it was applied"):
        await migrate(fresh_database, tmp_path)


async def test_a_failing_migration_rolls_back_and_names_itself(fresh_database, tmp_path):
    (tmp_path / "queries").symlink_to(BASE.sql_dir / "queries")
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "0001_good.sql").write_text("CREATE TABLE good (id int);")
    (tmp_path / "migrations" / "0002_bad.sql").write_text(
        "CREATE TABLE half (id int); SELECT * FROM missing_table;"
    )
    with pytest.raises(MigrationError, match="0002_bad failed"):
        await migrate(fresh_database, tmp_path)
    assert await _versions(fresh_database) == [1]
    connection = await asyncpg.connect(fresh_database)
    try:
        assert await connection.fetchval("SELECT to_regclass('half')") is None
    finally:
        await connection.close()


async def test_unreachable_database_is_our_error():
    with pytest.raises(DatabaseUnavailable):
        await migrate("postgresql://u:p@127.0.0.1:1/none", BASE.sql_dir)


def _migrate_cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "migrate", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_migrate_command_twice(fresh_database):
    first = _migrate_cli(fresh_database)
    assert first.returncode == 0, first.stderr
    assert "applied" in first.stdout
    second = _migrate_cli(fresh_database)
    assert second.returncode == 0, second.stderr
    assert "up to date" in second.stdout


def test_migrate_down_command_reverts_and_refuses_bad_counts(fresh_database):
    assert _migrate_cli(fresh_database).returncode == 0
    latest = discover(BASE.sql_dir / "migrations")[-1]
    down = _migrate_cli(fresh_database, "--down", "1")
    assert down.returncode == 0, down.stderr
    assert f"reverted 1 migration(s): {latest.label}" in down.stdout
    assert latest.version not in asyncio.run(_versions(fresh_database))
    zero = _migrate_cli(fresh_database, "--down", "0")
    assert zero.returncode == 2 and "--down" in zero.stderr
    too_many = _migrate_cli(fresh_database, "--down", "999")
    assert too_many.returncode == 1 and too_many.stderr.startswith("migrate: ")


def test_migrate_command_reports_a_bad_setting():
    result = _migrate_cli("mysql://nope")
    assert result.returncode == 2
    assert "configuration error: DATABASE_URL: scheme must be one of" in result.stderr
