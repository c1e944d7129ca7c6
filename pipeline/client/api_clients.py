"""`clients add | list | revoke`: the services that may ask POST /api/v1/auth/token for tokens.

``add`` makes the secret and stores only its argon2id hash: the secret is returned once, to be
printed once. To rotate a secret, add a client under a new name, move the service to it, and
revoke the old one (names are never reused).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pipeline.settings import Settings
from storage.clients import ClientInfo, ClientStore, Revocation
from storage.database import Database
from web.clients import SecretHasher, new_secret


@dataclass(frozen=True)
class NewClient:
    info: ClientInfo
    secret: str = field(repr=False)


@asynccontextmanager
async def open_store(settings: Settings) -> AsyncIterator[ClientStore]:
    """A store on a one-connection pool of its own, closed on exit."""
    database = Database(settings.database.url, 0, 1)
    try:
        yield ClientStore(database, settings.sql_dir)
    finally:
        await database.close()


async def add_client(settings: Settings, name: str) -> NewClient:
    """Store client ``name`` with a new secret's hash; the secret, which is kept nowhere."""
    secret = new_secret()
    secret_hash = SecretHasher().hash(secret)
    async with open_store(settings) as store:
        info = await store.add(name, secret_hash)
    return NewClient(info, secret)


async def list_clients(settings: Settings) -> list[ClientInfo]:
    async with open_store(settings) as store:
        return await store.list()


async def revoke_client(settings: Settings, name: str) -> Revocation | None:
    async with open_store(settings) as store:
        return await store.revoke(name)


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "-"
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def format_clients(clients: Iterable[ClientInfo]) -> str:
    """A plain table: name, created, revoked, last used (times in UTC, '-' for never)."""
    rows = [
        (c.name, _when(c.created_at), _when(c.revoked_at), _when(c.last_used_at)) for c in clients
    ]
    if not rows:
        return "no clients"
    header = ("NAME", "CREATED", "REVOKED", "LAST USED")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    )
