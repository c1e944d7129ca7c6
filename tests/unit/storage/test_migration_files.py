"""The migration file format: up/down parts, the checksum rule, and new files from the template."""

import hashlib
from datetime import date
from pathlib import Path

import pytest

from storage import migration_files
from storage.errors import MigrationError
from storage.migration_files import (
    checksum,
    create_migration_file,
    discover,
    parse_migration,
)
from storage.migrations import rollback

SQL_DIR = Path(__file__).resolve().parents[3] / "sql"
# What every database migrated before down parts existed recorded for 0001_initial.sql.
INITIAL_CHECKSUM = "776db4f56bb2bb024b5f5b5f5d8520f3614bec8436cba98e66da671840f00090"
OLD_FILE = "-- Adds a table.\nCREATE TABLE one (id int);\n"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_a_file_without_markers_is_all_up_and_keeps_the_whole_file_checksum():
    for text in (OLD_FILE, "CREATE TABLE one (id int);", "SELECT 1;\n\n\n"):
        migration = parse_migration(1, "one", text)
        assert migration.up == text
        assert migration.down is None
        assert migration.checksum == _sha(text)


def test_up_and_down_parts():
    text = "-- migrate:up\nCREATE TABLE one (id int);\n\n-- migrate:down\nDROP TABLE one;\n"
    migration = parse_migration(1, "one", text)
    assert migration.up == "-- migrate:up\nCREATE TABLE one (id int);\n\n"
    assert migration.down == "DROP TABLE one;\n"
    assert migration.checksum == _sha("-- migrate:up\nCREATE TABLE one (id int);\n")


@pytest.mark.parametrize(
    "appended",
    [
        "\n-- migrate:down\nDROP TABLE one;\n",
        "-- migrate:down\nDROP TABLE one;",
        "\n\n-- migrate:down  \n-- reverts it\nDROP TABLE one;\n\n",
        "\n-- migrate:down\n",  # a down marker with nothing after it
    ],
)
def test_gaining_a_down_part_keeps_the_checksum(appended):
    assert checksum(OLD_FILE + appended) == checksum(OLD_FILE) == _sha(OLD_FILE)


def test_changing_the_down_part_keeps_the_checksum_and_changing_the_up_part_does_not():
    base = checksum(OLD_FILE + "\n-- migrate:down\nDROP TABLE one;\n")
    assert checksum(OLD_FILE + "\n-- migrate:down\nDROP TABLE IF EXISTS one;\n") == base
    assert checksum(OLD_FILE.replace("int", "bigint") + "\n-- migrate:down\nDROP TABLE one;\n") != (
        base
    )


def test_the_shipped_initial_migration_keeps_its_recorded_checksum_and_can_be_reverted():
    initial = discover(SQL_DIR / "migrations")[0]
    assert (initial.version, initial.name) == (1, "initial")
    assert initial.checksum == INITIAL_CHECKSUM
    assert initial.down is not None
    for table in ("logs", "templates", "anomalies", "dead_letters"):
        assert f"CREATE TABLE IF NOT EXISTS {table}" in initial.up
        assert table in initial.down
    assert "DROP TABLE" not in initial.up


def test_a_down_part_without_sql_counts_as_none():
    migration = parse_migration(1, "one", OLD_FILE + "-- migrate:down\n-- nothing yet\n\n")
    assert migration.down is None


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("SELECT 1;\n-- migrate:down\nSELECT 2;\n-- migrate:down\nSELECT 3;\n", 4),
        ("SELECT 1;\n-- migrate:up\nSELECT 2;\n", 2),
        ("SELECT 1;\n-- migrate:down\n-- migrate:up\nSELECT 2;\n", 3),
        ("SELECT 1;\n--migrate:down\nDROP TABLE one;\n", 2),
        ("SELECT 1;\n-- Migrate:Down\nDROP TABLE one;\n", 2),
        ("SELECT 1;\n-- migrate: down\nDROP TABLE one;\n", 2),
        ("SELECT 1;\n  -- migrate:down\nDROP TABLE one;\n", 2),
    ],
)
def test_misplaced_or_misspelt_markers_are_refused(text, line):
    with pytest.raises(MigrationError, match=rf"0007_seven\.sql: line {line}: "):
        parse_migration(7, "seven", text)


@pytest.mark.parametrize(
    "text", ["", "\n", "-- only a comment\n", "-- migrate:up\n\n-- migrate:down\n"]
)
def test_an_up_part_without_sql_is_refused(text):
    with pytest.raises(MigrationError, match=r"0003_three\.sql: the up part has no SQL"):
        parse_migration(3, "three", text)


def _sql_dir(tmp_path: Path, *names: str) -> Path:
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migration_template.sql").write_text(
        (SQL_DIR / "migration_template.sql").read_text()
    )
    for name in names:
        (tmp_path / "migrations" / name).write_text("SELECT 1;\n")
    return tmp_path


def test_new_files_are_numbered_after_the_highest_version(tmp_path: Path):
    sql_dir = _sql_dir(tmp_path)
    first = create_migration_file(sql_dir, "add_things", today=date(2024, 5, 6))
    assert first == sql_dir / "migrations" / "0001_add_things.sql"
    (sql_dir / "migrations" / "0007_later.sql").write_text("SELECT 1;\n")
    assert create_migration_file(sql_dir, "more_2").name == "0008_more_2.sql"


def test_a_new_file_follows_the_template_and_is_refused_until_filled_in(tmp_path: Path):
    sql_dir = _sql_dir(tmp_path, "0001_initial.sql")
    path = create_migration_file(sql_dir, "add_index", today=date(2024, 5, 6))
    text = path.read_text()
    assert text.startswith("-- migrate:up\n-- 0002_add_index.sql: ")
    assert "Created 2024-05-06 by `make migrate-create`" in text
    assert "\n-- migrate:down\n" in text
    assert "$" not in text
    with pytest.raises(MigrationError, match=r"0002_add_index\.sql: the up part has no SQL"):
        discover(sql_dir / "migrations")
    # Filling in both parts where the template leaves room for them.
    text = (
        text.replace("holds SQL.\n\n", "holds SQL.\nCREATE INDEX i ON t (c);\n", 1).rstrip("\n")
        + "\nDROP INDEX i;\n"
    )
    path.write_text(text)
    migration = discover(sql_dir / "migrations")[1]
    assert "CREATE INDEX i ON t (c);" in migration.up
    assert migration.down is not None
    assert migration.down.endswith("DROP INDEX i;\n")
    assert "DROP INDEX" not in migration.up


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "a migration name is required"),
        ("Add_things", "must be lower-case"),
        ("add-things", "must be lower-case"),
        ("add things", "must be lower-case"),
        ("../escape", "must be lower-case"),
        ("add.sql", "must be lower-case"),
        ("add_things\n", "must be lower-case"),
    ],
)
def test_bad_names_are_refused(tmp_path: Path, name, message):
    sql_dir = _sql_dir(tmp_path, "0001_initial.sql")
    with pytest.raises(MigrationError, match=message):
        create_migration_file(sql_dir, name)
    assert [p.name for p in (sql_dir / "migrations").iterdir()] == ["0001_initial.sql"]


def test_a_name_already_taken_is_refused(tmp_path: Path):
    sql_dir = _sql_dir(tmp_path, "0001_initial.sql", "0002_add_things.sql")
    with pytest.raises(MigrationError, match=r"exists: 0002_add_things\.sql"):
        create_migration_file(sql_dir, "add_things")
    assert sorted(p.name for p in (sql_dir / "migrations").iterdir()) == [
        "0001_initial.sql",
        "0002_add_things.sql",
    ]


def test_an_existing_file_is_never_overwritten(tmp_path: Path, monkeypatch):
    sql_dir = _sql_dir(tmp_path, "0001_initial.sql")
    # As if another process created the same file between the scan and the write.
    monkeypatch.setattr(migration_files, "_files", lambda _: [])
    (sql_dir / "migrations" / "0001_add_things.sql").write_text("SELECT 'mine';\n")
    with pytest.raises(MigrationError, match="exists; not overwriting"):
        create_migration_file(sql_dir, "add_things")
    assert (sql_dir / "migrations" / "0001_add_things.sql").read_text() == "SELECT 'mine';\n"


def test_badly_named_files_and_missing_directories_are_refused(tmp_path: Path):
    with pytest.raises(MigrationError, match="is not a directory"):
        create_migration_file(tmp_path, "add_things")
    sql_dir = _sql_dir(tmp_path, "2_oops.sql")
    with pytest.raises(MigrationError, match=r"2_oops\.sql: migration files are named"):
        create_migration_file(sql_dir, "add_things")


def test_a_missing_template_is_refused(tmp_path: Path):
    (tmp_path / "migrations").mkdir()
    with pytest.raises(MigrationError, match="cannot read the migration template"):
        create_migration_file(tmp_path, "add_things")
    assert list((tmp_path / "migrations").iterdir()) == []


@pytest.mark.parametrize("steps", [0, -1])
async def test_rollback_refuses_fewer_than_one_step_before_connecting(steps):
    with pytest.raises(MigrationError, match="at least one step"):
        await rollback("postgresql://u:p@127.0.0.1:1/none", SQL_DIR, steps)
