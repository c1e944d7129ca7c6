"""What a backfill worker said that matters, for the message that reports its stall or exit.

The worker writes everything to its own log file; a user (or a CI run, whose files are gone
afterwards) who reads only the command's output should still see why a start failed. So the
warnings, errors and the last lines of a traceback the worker logged during that start are
quoted with the report.
"""

from __future__ import annotations

import re
from pathlib import Path

# Faust/mode log lines: "[2026-12-06 05:18:22,206] [12510] [WARNING] name: text".
_LEVEL = re.compile(r"^\[[^\]]*\] \[\d+\] \[(WARNING|ERROR|CRITICAL)\] ")
_TRACEBACK_END = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b")
MAX_LINE_CHARS = 300


def notable_lines(text: str, limit: int = 8) -> list[str]:
    """The last ``limit`` lines of ``text`` logged at WARNING or above, or ending a traceback
    (``KeyError: ...``), without their time and pid, each cut at ``MAX_LINE_CHARS``."""
    found = []
    for line in text.splitlines():
        level = _LEVEL.match(line)
        if level:
            found.append(f"{level.group(1)} {line[level.end() :]}")
        elif _TRACEBACK_END.match(line):
            found.append(line)
    return [_cut(line) for line in found[-limit:]] if limit > 0 else []


def _cut(line: str) -> str:
    return line if len(line) <= MAX_LINE_CHARS else line[: MAX_LINE_CHARS - 3] + "..."


def size_of(path: Path) -> int:
    """Where the next start's lines begin (0 when the file does not exist yet)."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def notable_since(path: Path, offset: int, limit: int = 8) -> list[str]:
    """:func:`notable_lines` of what ``path`` gained after ``offset`` (none if unreadable)."""
    try:
        with path.open("rb") as file:
            file.seek(offset)
            text = file.read().decode("utf-8", "replace")
    except OSError:
        return []
    return notable_lines(text, limit)
