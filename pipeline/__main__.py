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

    from pipeline.app import create_app

    create_app(settings).main()


if __name__ == "__main__":
    main()
