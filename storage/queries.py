"""Loads named SQL queries from the files in ``sql/queries``.

Each query starts with ``-- name: <name>`` followed by a one-line description comment, as in
procrastinate's ``queries.sql``; keeping SQL in files lets reviewers read it as SQL.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_HEADER = re.compile(r"^-- name: (\w+)\s*$", re.MULTILINE)


def parse_queries(text: str) -> dict[str, str]:
    queries: dict[str, str] = {}
    matches = list(_HEADER.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        body = "\n".join(
            line for line in text[match.end() : end].splitlines() if not line.startswith("--")
        ).strip()
        if match.group(1) in queries:
            raise ValueError(f"query {match.group(1)!r} is defined twice")
        queries[match.group(1)] = body
    return queries


@cache
def load_queries(sql_dir: Path, name: str) -> dict[str, str]:
    """The queries of ``sql/queries/<name>.sql``."""
    return parse_queries((sql_dir / "queries" / f"{name}.sql").read_text(encoding="utf-8"))
