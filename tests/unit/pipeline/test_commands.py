"""Our commands on Faust's command line, registered explicitly (no database needed here)."""

import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from pipeline.commands import OFFLINE_COMMANDS, register_commands
from tests.factories import dev_settings

REPO_ROOT = Path(__file__).resolve().parents[3]


def _group() -> click.Group:
    group = click.Group("test")
    register_commands(group, dev_settings())
    return group


def test_every_command_is_registered_explicitly():
    names = set(_group().commands)
    assert names == {
        "migrate",
        "migrate-create",
        "send",
        "bench",
        "dead-letters",
        "replay",
        "import",
        "token",
        "clients",
        *OFFLINE_COMMANDS,
    }


def test_building_the_app_registers_no_command():
    code = (
        "from faust.cli.faust import cli; before = set(cli.commands); "
        "from pipeline.app import create_app; from tests.factories import dev_settings; "
        "create_app(dev_settings()); print(sorted(set(cli.commands) - before))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_migrate_create_writes_the_next_file_and_refuses_bad_names(tmp_path: Path):
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "0001_initial.sql").write_text("SELECT 1;\n")
    template = (REPO_ROOT / "sql" / "migration_template.sql").read_text()
    (tmp_path / "migration_template.sql").write_text(template)
    runner = CliRunner()
    created = runner.invoke(_group(), ["migrate-create", "add_index", "--sql-dir", str(tmp_path)])
    assert created.exit_code == 0, created.output
    assert (tmp_path / "migrations" / "0002_add_index.sql").is_file()
    again = runner.invoke(_group(), ["migrate-create", "add_index", "--sql-dir", str(tmp_path)])
    assert again.exit_code == 1
    assert "a migration named 'add_index' exists" in again.output
    bad = runner.invoke(_group(), ["migrate-create", "Drop Tables;", "--sql-dir", str(tmp_path)])
    assert bad.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "migrations").iterdir()) == [
        "0001_initial.sql",
        "0002_add_index.sql",
    ]


def test_offline_commands_answer_help_from_their_own_parser():
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "templates", "--help"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout
