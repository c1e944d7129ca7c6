"""Rolling migrations back against the real PostgreSQL, each test on a fresh database."""

import asyncio

import asyncpg
import pytest

from storage.errors import MigrationError
from storage.migrations import (
    ADVISORY_LOCK_KEY,
    create_migration_file,
    discover,
    migrate,
    rollback,
)

from ..conftest import BASE

pytestmark = [pytest.mark.integration, pytest.mark.timeout(60)]

TABLES = ("one", "two", "three")


def _sql_dir(tmp_path, *, without_down=()):
    """A sql/ with 0001_one .. 0003_three, each creating the table of its name."""
    (tmp_path / "queries").symlink_to(BASE.sql_dir / "queries")
    (tmp_path / "migration_template.sql").symlink_to(BASE.sql_dir / "migration_template.sql")
    (tmp_path / "migrations").mkdir()
    for version, table in enumerate(TABLES, start=1):
        text = f"-- migrate:up\nCREATE TABLE {table} (id int);\n"
        if table not in without_down:
            text += f"\n-- migrate:down\nDROP TABLE {table};\n"
        (tmp_path / "migrations" / f"{version:04d}_{table}.sql").write_text(text)
    return tmp_path


async def _state(url: str) -> tuple[list[int], set[str]]:
    """The versions in the ledger and the tables in the public schema."""
    connection = await asyncpg.connect(url)
    try:
        rows = await connection.fetch("SELECT version FROM schema_migrations ORDER BY version")
        tables = await connection.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        )
    finally:
        await connection.close()
    return [row["version"] for row in rows], {row["tablename"] for row in tables}


async def test_rollback_one_reverts_the_newest(fresh_database, tmp_path):
    sql_dir = _sql_dir(tmp_path)
    await migrate(fresh_database, sql_dir)
    reverted = await rollback(fresh_database, sql_dir, 1)
    assert [m.label for m in reverted] == ["0003_three"]
    versions, tables = await _state(fresh_database)
    assert versions == [1, 2]
    assert {"one", "two"} <= tables
    assert "three" not in tables


async def test_rollback_n_reverts_newest_first(fresh_database, tmp_path):
    sql_dir = _sql_dir(tmp_path)
    await migrate(fresh_database, sql_dir)
    reverted = await rollback(fresh_database, sql_dir, 2)
    assert [m.version for m in reverted] == [3, 2]
    versions, tables = await _state(fresh_database)
    assert versions == [1]
    assert "one" in tables
    assert not {"two", "three"} & tables


async def test_migrate_after_rollback_reapplies(fresh_database, tmp_path):
    sql_dir = _sql_dir(tmp_path)
    await migrate(fresh_database, sql_dir)
    await rollback(fresh_database, sql_dir, 3)
    versions, tables = await _state(fresh_database)
    assert versions == []
    assert tables == {"schema_migrations"}
    reapplied = await migrate(fresh_database, sql_dir)
    assert [m.version for m in reapplied] == [1, 2, 3]
    versions, tables = await _state(fresh_database)
    assert versions == [1, 2, 3]
    assert set(TABLES) <= tables
    assert await migrate(fresh_database, sql_dir) == []


async def test_the_shipped_migrations_roll_back_completely_and_reapply(fresh_database):
    shipped = discover(BASE.sql_dir / "migrations")
    await migrate(fresh_database, BASE.sql_dir)
    reverted = await rollback(fresh_database, BASE.sql_dir, len(shipped))
    assert [m.version for m in reverted] == [m.version for m in reversed(shipped)]
    assert await _state(fresh_database) == ([], {"schema_migrations"})
    assert [m.version for m in await migrate(fresh_database, BASE.sql_dir)] == [
        m.version for m in shipped
    ]
    _, tables = await _state(fresh_database)
    assert {"logs", "templates", "anomalies", "dead_letters"} <= tables


async def test_a_migration_without_down_part_is_refused_and_nothing_is_reverted(
    fresh_database, tmp_path
):
    sql_dir = _sql_dir(tmp_path, without_down=("two",))
    await migrate(fresh_database, sql_dir)
    # 0003 would be reverted first, but the refusal comes before any reverting.
    with pytest.raises(MigrationError, match=r"0002_two\.sql: it has no down part"):
        await rollback(fresh_database, sql_dir, 2)
    assert await _state(fresh_database) == ([1, 2, 3], {"schema_migrations", *TABLES})
    # Only the newest can still go.
    assert [m.version for m in await rollback(fresh_database, sql_dir, 1)] == [3]


async def test_an_applied_migration_without_file_is_refused(fresh_database, tmp_path):
    sql_dir = _sql_dir(tmp_path)
    await migrate(fresh_database, sql_dir)
    (sql_dir / "migrations" / "0002_two.sql").unlink()
    with pytest.raises(MigrationError, match=r"0002_two\.sql: it is applied but its file"):
        await rollback(fresh_database, sql_dir, 2)
    assert (await _state(fresh_database))[0] == [1, 2, 3]


async def test_a_migration_changed_after_it_was_applied_is_refused(fresh_database, tmp_path):
    sql_dir = _sql_dir(tmp_path)
    await migrate(fresh_database, sql_dir)
    path = sql_dir / "migrations" / "0003_three.sql"
    path.write_text(path.read_text().replace("id int", "id bigint"))
    with pytest.raises(MigrationError, match=r"0003_three\.sql: it changed after it was applied"):
        await rollback(fresh_database, sql_dir, 1)
    assert (await _state(fresh_database))[0] == [1, 2, 3]


async def test_more_steps_than_applied_are_refused(fresh_database, tmp_path):
    sql_dir = _sql_dir(tmp_path)
    with pytest.raises(MigrationError, match=r"cannot roll back 1 migration\(s\): 0 applied"):
        await rollback(fresh_database, sql_dir, 1)
    await migrate(fresh_database, sql_dir)
    with pytest.raises(MigrationError, match=r"cannot roll back 4 migration\(s\): 3 applied"):
        await rollback(fresh_database, sql_dir, 4)
    assert (await _state(fresh_database))[0] == [1, 2, 3]


async def test_adding_a_down_part_to_an_applied_migration_is_not_a_change(fresh_database, tmp_path):
    sql_dir = _sql_dir(tmp_path, without_down=("three",))
    await migrate(fresh_database, sql_dir)
    path = sql_dir / "migrations" / "0003_three.sql"
    path.write_text(path.read_text() + "\n-- migrate:down\nDROP TABLE three;\n")
    assert await migrate(fresh_database, sql_dir) == []
    assert [m.version for m in await rollback(fresh_database, sql_dir, 1)] == [3]


async def test_a_failing_down_part_leaves_that_migration_applied(fresh_database, tmp_path):
    sql_dir = _sql_dir(tmp_path)
    await migrate(fresh_database, sql_dir)
    path = sql_dir / "migrations" / "0002_two.sql"
    path.write_text(path.read_text().replace("DROP TABLE two;", "DROP TABLE two; DROP TABLE nope;"))
    with pytest.raises(
        MigrationError, match=r"rollback of 0002_two failed.*rolled back: 0003_three"
    ):
        await rollback(fresh_database, sql_dir, 2)
    versions, tables = await _state(fresh_database)
    assert versions == [1, 2]
    assert {"one", "two"} <= tables  # the failed down part's DROP TABLE two was undone
    assert "three" not in tables


async def test_rollback_waits_for_the_migration_lock(fresh_database, tmp_path):
    sql_dir = _sql_dir(tmp_path)
    await migrate(fresh_database, sql_dir)
    holder = await asyncpg.connect(fresh_database)
    try:
        await holder.execute("SELECT pg_advisory_lock($1)", ADVISORY_LOCK_KEY)
        task = asyncio.create_task(rollback(fresh_database, sql_dir, 1))
        await asyncio.sleep(0.5)
        assert not task.done()
        assert (await _state(fresh_database))[0] == [1, 2, 3]
        await holder.execute("SELECT pg_advisory_unlock($1)", ADVISORY_LOCK_KEY)
        assert [m.version for m in await asyncio.wait_for(task, 10)] == [3]
    finally:
        await holder.close()


async def test_a_created_file_migrates_and_rolls_back(fresh_database, tmp_path):
    sql_dir = _sql_dir(tmp_path)
    await migrate(fresh_database, sql_dir)
    path = create_migration_file(sql_dir, "add_four")
    assert path.name == "0004_add_four.sql"
    with pytest.raises(MigrationError, match=r"0004_add_four\.sql: the up part has no SQL"):
        await migrate(fresh_database, sql_dir)
    up, down = path.read_text().split("-- migrate:down\n")
    path.write_text(f"{up}CREATE TABLE four (id int);\n\n-- migrate:down\n{down}DROP TABLE four;\n")
    assert [m.label for m in await migrate(fresh_database, sql_dir)] == ["0004_add_four"]
    assert "four" in (await _state(fresh_database))[1]
    assert [m.label for m in await rollback(fresh_database, sql_dir, 1)] == ["0004_add_four"]
    assert "four" not in (await _state(fresh_database))[1]
    assert create_migration_file(sql_dir, "add_five").name == "0005_add_five.sql"
