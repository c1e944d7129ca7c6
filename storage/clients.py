"""The API's clients (``api_clients``, sql/queries/clients.sql): services with credentials of
their own, which trade them for bearer tokens (web/clients.py).

Only hashes reach this module; the secrets themselves are never stored. Driver errors become
:class:`DatabaseUnavailable` (the database is away) or :class:`StorageError`.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg

from .database import _UNAVAILABLE, Database
from .errors import DatabaseUnavailable, StorageError
from .queries import load_queries

# The same rule as the table's CHECK (sql/migrations/0007_clients.sql). No ':' (it separates
# name and secret in HTTP Basic) and nothing that could forge a log line.
CLIENT_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,62}")
CLIENT_NAME_RULE = (
    "1-63 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"
)

_ACQUIRE_SECONDS = 5.0
_QUERY_SECONDS = 5.0


class ClientExists(StorageError):
    """A client of that name exists (revoked ones included: names are not reused)."""


class InvalidClientName(StorageError):
    """The name breaks :data:`CLIENT_NAME`."""


def valid_client_name(name: str) -> bool:
    return CLIENT_NAME.fullmatch(name) is not None


@dataclass(frozen=True)
class ClientInfo:
    """What may be shown about a client: never its hash."""

    name: str
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None


@dataclass(frozen=True)
class ClientCredentials:
    """What verifying a token request needs."""

    name: str
    secret_hash: str = field(repr=False)
    revoked_at: datetime | None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


@dataclass(frozen=True)
class Revocation:
    name: str
    revoked_at: datetime
    # False when the client had been revoked before (revoked_at is that first time).
    newly_revoked: bool


class ClientStore:
    """``api_clients`` over the service's pool (:class:`storage.database.Database`)."""

    def __init__(self, database: Database, sql_dir: Path) -> None:
        self._database = database
        self._queries = load_queries(sql_dir, "clients")

    @asynccontextmanager
    async def _connection(self, what: str) -> AsyncIterator[asyncpg.Connection]:
        try:
            async with self._database.session(_ACQUIRE_SECONDS) as connection:
                yield connection
        except StorageError:
            raise
        except _UNAVAILABLE as exc:
            raise DatabaseUnavailable(f"{what}: database unavailable: {exc}") from exc
        except (asyncpg.InterfaceError, asyncpg.PostgresConnectionError) as exc:
            raise DatabaseUnavailable(f"{what}: database unavailable: {exc}") from exc
        except asyncpg.PostgresError as exc:
            raise StorageError(f"{what}: {type(exc).__name__}: {exc}") from exc

    async def _fetch(self, query: str, *args: Any) -> list[asyncpg.Record]:
        async with self._connection(query) as connection:
            rows: list[asyncpg.Record] = await connection.fetch(
                self._queries[query], *args, timeout=_QUERY_SECONDS
            )
            return rows

    async def add(self, name: str, secret_hash: str) -> ClientInfo:
        """Store a new client; :class:`ClientExists` when the name is taken."""
        if not valid_client_name(name):
            raise InvalidClientName(f"invalid client name {name!r}: {CLIENT_NAME_RULE}")
        try:
            rows = await self._fetch("add_client", name, secret_hash)
        except StorageError as exc:
            if isinstance(exc.__cause__, asyncpg.CheckViolationError):
                raise InvalidClientName(f"client {name!r} refused: {exc.__cause__}") from exc
            raise
        if not rows:
            raise ClientExists(f"a client named {name!r} exists")
        return _info(rows[0])

    async def list(self) -> list[ClientInfo]:
        return [_info(row) for row in await self._fetch("list_clients")]

    async def revoke(self, name: str) -> Revocation | None:
        """Revoke ``name`` (idempotent); None when there is no such client."""
        rows = await self._fetch("revoke_client", name)
        if not rows:
            return None
        row = rows[0]
        return Revocation(row["name"], row["revoked_at"], row["newly_revoked"])

    async def credentials(self, name: str) -> ClientCredentials | None:
        rows = await self._fetch("client_credentials", name)
        if not rows:
            return None
        row = rows[0]
        return ClientCredentials(row["name"], row["secret_hash"], row["revoked_at"])

    async def touch(self, name: str) -> None:
        """Record that ``name`` was given a token (at most one write a minute)."""
        await self._fetch("touch_client", name)


def _info(row: asyncpg.Record) -> ClientInfo:
    return ClientInfo(row["name"], row["created_at"], row["revoked_at"], row["last_used_at"])
