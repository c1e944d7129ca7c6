"""Reading dead letters back for the operator (``sql/queries/dead_letters.sql``).

Connection failures become :class:`~storage.errors.DatabaseUnavailable`; a failing query
becomes :class:`~storage.errors.StorageError`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

import asyncpg

from .database import connect
from .errors import DatabaseUnavailable, StorageError
from .queries import load_queries

QUERY_TIMEOUT_SECONDS = 30.0


class ReasonCount(NamedTuple):
    stage: str
    reason: str
    letters: int
    newest: datetime


class LetterSummary(NamedTuple):
    id: int
    stage: str
    reason: str
    field: str | None
    source: str
    position: int
    size: int
    truncated: bool
    received_at: datetime


class StoredPayload(NamedTuple):
    id: int
    stage: str
    reason: str
    position: int  # -1: the whole message was refused
    truncated: bool
    payload: bytes


class DeadLetterReader:
    def __init__(self, database_url: str, sql_dir: Path) -> None:
        self._url = database_url
        self._queries = load_queries(sql_dir, "dead_letters")

    async def counts(self, reason: str | None, since: datetime | None) -> list[ReasonCount]:
        rows = await self._fetch("counts", reason, since)
        return [ReasonCount(r["stage"], r["reason"], r["letters"], r["newest"]) for r in rows]

    async def recent(
        self, reason: str | None, since: datetime | None, limit: int
    ) -> list[LetterSummary]:
        rows = await self._fetch("recent", reason, since, limit)
        return [LetterSummary(*r.values()) for r in rows]

    async def payloads(self, ids: list[int]) -> list[StoredPayload]:
        rows = await self._fetch("payloads", ids)
        return [
            StoredPayload(
                r["id"], r["stage"], r["reason"], r["position"], r["truncated"], bytes(r["payload"])
            )
            for r in rows
        ]

    async def _fetch(self, name: str, *args: Any) -> list[asyncpg.Record]:
        try:
            async with connect(self._url) as connection:
                return list(
                    await connection.fetch(
                        self._queries[name], *args, timeout=QUERY_TIMEOUT_SECONDS
                    )
                )
        except (TimeoutError, OSError, asyncpg.PostgresConnectionError) as exc:
            raise DatabaseUnavailable(f"cannot reach the database: {exc}") from exc
        except asyncpg.UndefinedTableError as exc:
            raise StorageError(f"{exc}: run `python -m pipeline migrate` first") from exc
        except asyncpg.PostgresError as exc:
            raise StorageError(f"reading dead letters failed: {exc}") from exc
