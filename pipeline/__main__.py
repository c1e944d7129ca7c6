"""`python -m pipeline` and the `log-analysis` script: the Faust command line for our app."""

from __future__ import annotations

import os
import sys


def main() -> None:
    from pipeline.collector import collect_less
    from pipeline.settings import SettingsError, load_settings

    # Before the app and its state exist: see pipeline/collector.py.
    collect_less()

    try:
        settings = load_settings(os.environ)
    except SettingsError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None

    try:
        # Faust creates only the last level of its data directory; the default lives under the
        # user's state directory, which a fresh machine may not have yet.
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"configuration error: LOG_ANALYSIS_DATA_DIR: {exc}", file=sys.stderr)
        raise SystemExit(2) from None

    from faust.cli.faust import cli

    from pipeline.app import create_app
    from pipeline.commands import register_commands

    app = create_app(settings)
    register_commands(cli, settings)
    app.main()


if __name__ == "__main__":
    main()
