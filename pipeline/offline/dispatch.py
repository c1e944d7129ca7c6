"""``analyze|simulate`` as one entry point: ``python -m pipeline.offline.dispatch analyze ...``.

``python -m pipeline analyze|simulate`` reaches the same functions through
``pipeline.commands``; this module keeps the former ``pipeline.analysis.cli:main``.
"""

from __future__ import annotations

import sys

from pipeline.offline.analyze_command import analyze_main
from pipeline.offline.simulate_command import simulate_main


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"analyze": analyze_main, "simulate": simulate_main}
    if not argv or argv[0] not in commands:
        print("usage: analyze|simulate [options]", file=sys.stderr)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
