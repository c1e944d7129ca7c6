"""Our subcommands of the Faust command line (`python -m pipeline <command>`).

`migrate` needs PostgreSQL; `templates`, `analyze` and `simulate` are offline and keep their
argument parsing in their own modules (argparse), so this module only forwards to them.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

import click
from faust.cli import AppCommand

from storage.errors import StorageError
from storage.migrations import migrate as apply_migrations

if TYPE_CHECKING:
    from pipeline.app import LogAnalysisApp

# command name -> ("module:function" taking argv and returning an exit code, one-line help)
OFFLINE_COMMANDS: dict[str, tuple[str, str]] = {
    "templates": ("pipeline.templates.cli:main", "Mine log templates from a file into a CSV."),
    "analyze": ("pipeline.analysis.cli:analyze_main", "Detect anomalies in JSON lines, offline."),
    "simulate": ("pipeline.analysis.cli:simulate_main", "Write logs with labelled incidents."),
}


class migrate(AppCommand):
    """Apply pending SQL migrations to DATABASE_URL (idempotent, safe to run concurrently)."""

    def __call__(self, *args: Any, **kwargs: Any) -> NoReturn:
        app: LogAnalysisApp = self.app  # type: ignore[assignment]
        try:
            applied = asyncio.run(apply_migrations(app.settings.database.url, app.settings.sql_dir))
        except StorageError as exc:
            click.echo(f"migrate: {exc}", err=True)
            raise SystemExit(1) from None
        if applied:
            names = ", ".join(f"{m.version:04d}_{m.name}" for m in applied)
            click.echo(f"migrate: applied {len(applied)} migration(s): {names}")
        else:
            click.echo("migrate: database is up to date")
        raise SystemExit(0)


def _offline_command(name: str, target: str, help_text: str) -> click.Command:
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


def register_commands() -> None:
    """Add the offline commands to Faust's command group (`migrate` registers by subclassing)."""
    from faust.cli.faust import cli

    for name, (target, help_text) in OFFLINE_COMMANDS.items():
        if name not in cli.commands:
            cli.add_command(_offline_command(name, target, help_text))
