from pathlib import Path

import pytest

from storage.errors import MigrationError
from storage.migrations import discover
from storage.queries import load_queries, parse_queries

SQL_DIR = Path(__file__).resolve().parents[3] / "sql"


def test_parse_named_queries():
    text = "-- name: one\n-- first\nSELECT 1;\n\n-- name: two\n-- second\nSELECT\n  2;\n"
    assert parse_queries(text) == {"one": "SELECT 1;", "two": "SELECT\n  2;"}


def test_duplicate_names_are_refused():
    with pytest.raises(ValueError, match="defined twice"):
        parse_queries("-- name: a\nSELECT 1;\n-- name: a\nSELECT 2;\n")


def test_the_shipped_query_files_parse():
    assert {"lock", "unlock", "applied_versions", "record_version"} <= set(
        load_queries(SQL_DIR, "migrations")
    )
    assert load_queries(SQL_DIR, "health")["ping"] == "SELECT 1;"


def test_shipped_migrations_are_numbered_from_one():
    migrations = discover(SQL_DIR / "migrations")
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert all(len(m.checksum) == 64 for m in migrations)


def test_badly_named_migration_is_refused(tmp_path: Path):
    (tmp_path / "1_init.sql").write_text("SELECT 1;")
    with pytest.raises(MigrationError, match=r"NNNN_name\.sql"):
        discover(tmp_path)


def test_duplicate_versions_are_refused(tmp_path: Path):
    (tmp_path / "0001_a.sql").write_text("SELECT 1;")
    (tmp_path / "0001_b.sql").write_text("SELECT 2;")
    with pytest.raises(MigrationError, match="duplicate"):
        discover(tmp_path)
