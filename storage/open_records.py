"""Reads back what the detectors counted into windows that were still open: after a restore
they refill those windows from PostgreSQL, which holds every stored record exactly once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import asyncpg

from storage.database import Database
from storage.errors import DatabaseUnavailable
from storage.queries import load_queries
from storage.rows import StoredRecord

READ_TIMEOUT_SECONDS = 60.0


class OpenRecordsReader:
    def __init__(self, database: Database, sql_dir: Path) -> None:
        self._database = database
        self._query = load_queries(sql_dir, "detectors")["open_records"]

    async def __call__(self, spans: Sequence[tuple[str, float]]) -> list[StoredRecord]:
        """Records of each (service, since) pair with a time at or after ``since``, by time."""
        if not spans:
            return []
        names = [name for name, _ in spans]
        since = [float(start) for _, start in spans]
        try:
            async with self._database.session(acquire_timeout=10.0) as connection:
                rows = await connection.fetch(
                    self._query, names, since, timeout=READ_TIMEOUT_SECONDS
                )
        except (asyncpg.PostgresError, OSError, TimeoutError) as exc:
            raise DatabaseUnavailable(f"open windows unreadable: {exc}") from exc
        return [StoredRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "") for r in rows]
