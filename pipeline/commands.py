"""Our subcommands of the Faust command line (`python -m pipeline <command>`).

``register_commands`` adds them to Faust's command group explicitly; the entry point calls it.
`migrate` and `migrate-create` take the settings; `templates`, `analyze` and `simulate` are
offline and keep their argument parsing in ``pipeline.offline`` (argparse), so they are only
forwarded to.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import click

from pipeline.errors import StorageError
from pipeline.settings import Settings

# command name -> ("module:function" taking argv and returning an exit code, one-line help)
OFFLINE_COMMANDS: dict[str, tuple[str, str]] = {
    "templates": (
        "pipeline.offline.templates_command:main",
        "Mine log templates from a file into a CSV.",
    ),
    "analyze": (
        "pipeline.offline.analyze_command:analyze_main",
        "Detect anomalies in JSON lines, offline.",
    ),
    "simulate": (
        "pipeline.offline.simulate_command:simulate_main",
        "Write logs with labelled incidents.",
    ),
}


def migrate_command(settings: Settings) -> click.Command:
    @click.command(
        "migrate",
        help="Apply pending SQL migrations to DATABASE_URL (idempotent, safe to run "
        "concurrently), or with --down N revert the last N.",
    )
    @click.option(
        "--down",
        "steps",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help="Revert the last N applied migrations, newest first; refuses (reverting nothing) "
        "when one of them has no down section.",
    )
    def migrate(steps: int | None) -> None:
        # Imported here: asyncpg is not needed by the other commands.
        from storage.migrations import migrate as apply
        from storage.migrations import rollback

        url, sql_dir = settings.database.url, settings.sql_dir
        try:
            if steps is None:
                done = asyncio.run(apply(url, sql_dir))
                verb = "applied"
            else:
                done = asyncio.run(rollback(url, sql_dir, steps))
                verb = "reverted"
        except StorageError as exc:
            click.echo(f"migrate: {exc}", err=True)
            sys.exit(1)
        if done:
            names = ", ".join(migration.label for migration in done)
            click.echo(f"migrate: {verb} {len(done)} migration(s): {names}")
        else:
            click.echo("migrate: database is up to date")

    return migrate


def migrate_create_command(settings: Settings) -> click.Command:
    @click.command(
        "migrate-create",
        help="Create the next numbered migration file NNNN_NAME.sql (NAME: [a-z0-9_]+) from the "
        "template, with up and down sections to fill in.",
    )
    @click.argument("name")
    @click.option(
        "--sql-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="The directory holding migrations/ and migration_template.sql "
        "(default: LOG_ANALYSIS_SQL_DIR, else the checkout's sql/).",
    )
    def migrate_create(name: str, sql_dir: Path | None) -> None:
        from storage.migration_files import create_migration_file

        try:
            path = create_migration_file(sql_dir or settings.sql_dir, name)
        except StorageError as exc:
            click.echo(f"migrate-create: {exc}", err=True)
            sys.exit(1)
        click.echo(f"migrate-create: created {path}")

    return migrate_create


def offline_command(name: str, target: str, help_text: str) -> click.Command:
    def forward(args: tuple[str, ...]) -> None:
        module, _, function = target.partition(":")
        entry: Callable[[list[str]], int] = getattr(importlib.import_module(module), function)
        sys.exit(entry(list(args)))

    return click.Command(
        name,
        callback=forward,
        params=[click.Argument(["args"], nargs=-1, type=click.UNPROCESSED)],
        help=f"{help_text} Run with --help for its options.",
        # argparse in the target module owns the options, including --help.
        context_settings={"ignore_unknown_options": True, "help_option_names": []},
        add_help_option=False,
    )


def our_commands(settings: Settings) -> Iterable[click.Command]:
    yield migrate_command(settings)
    yield migrate_create_command(settings)
    for name, (target, help_text) in OFFLINE_COMMANDS.items():
        yield offline_command(name, target, help_text)


def register_commands(group: click.Group, settings: Settings) -> None:
    """Add our commands to ``group`` (Faust's ``cli``), replacing any of the same name."""
    for command in our_commands(settings):
        assert command.name is not None
        group.add_command(command, command.name)
