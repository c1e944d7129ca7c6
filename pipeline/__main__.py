"""`python -m pipeline` and the `log-analysis` script: the Faust command line for our app."""

from __future__ import annotations

import os
import sys


def main() -> None:
    from pipeline.settings import SettingsError, load_settings

    try:
        settings = load_settings(os.environ)
    except SettingsError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None

    from faust.cli.faust import cli

    from pipeline.app import create_app
    from pipeline.commands import register_commands

    app = create_app(settings)
    register_commands(cli, settings)
    app.main()


if __name__ == "__main__":
    main()
