"""Applies the numbered SQL files in ``sql/migrations`` exactly once per database, and reverts them.

Runs under a PostgreSQL advisory lock so two `migrate` processes (two replicas starting at once)
serialise instead of racing; `rollback` takes the same lock. Each file runs in its own transaction
together with its ledger row (inserted by `migrate`, deleted by `rollback`), so a failure leaves
the database at the previous version.

The file format (``-- migrate:up`` / ``-- migrate:down`` parts) and the checksum rule are in
:mod:`storage.migration_files`: the checksum covers the up part only, and a file without a down
part keeps the whole-file checksum recorded before down parts existed, so adding a down part to
an applied migration is not a change.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg

from .database import connect
from .errors import MigrationError
from .migration_files import Migration, create_migration_file, discover
from .queries import load_queries

__all__ = [
    "ADVISORY_LOCK_KEY",
    "Migration",
    "create_migration_file",
    "discover",
    "migrate",
    "rollback",
]

log = logging.getLogger(__name__)

# An arbitrary constant; it only has to be the same for every process migrating this schema.
ADVISORY_LOCK_KEY = 0x10A_A5E5


@asynccontextmanager
async def _locked(database_url: str, queries: dict[str, str]) -> AsyncIterator[asyncpg.Connection]:
    """A connection holding the migration lock until the block ends."""
    async with connect(database_url) as connection:
        await connection.execute(queries["lock"], ADVISORY_LOCK_KEY)
        try:
            yield connection
        finally:
            await connection.execute(queries["unlock"], ADVISORY_LOCK_KEY)


async def migrate(database_url: str, sql_dir: Path) -> list[Migration]:
    """Apply pending migrations; return the ones applied by this call (empty when up to date)."""
    queries = load_queries(sql_dir, "migrations")
    migrations = discover(sql_dir / "migrations")
    applied_now: list[Migration] = []
    async with _locked(database_url, queries) as connection:
        await connection.execute(queries["create_migrations_table"])
        applied = {
            row["version"]: row for row in await connection.fetch(queries["applied_versions"])
        }
        for migration in migrations:
            row = applied.get(migration.version)
            if row is not None:
                if row["checksum"] != migration.checksum:
                    raise MigrationError(
                        f"migration {migration.label} changed after it was applied; add a new "
                        "migration instead of editing this one (only its down part may change)"
                    )
                continue
            try:
                async with connection.transaction():
                    await connection.execute(migration.up)
                    await connection.execute(
                        queries["record_version"],
                        migration.version,
                        migration.name,
                        migration.checksum,
                    )
            except asyncpg.PostgresError as exc:
                raise MigrationError(f"migration {migration.label} failed: {exc}") from exc
            log.info("applied migration %s", migration.label)
            applied_now.append(migration)
    return applied_now


async def rollback(database_url: str, sql_dir: Path, steps: int) -> list[Migration]:
    """Revert the last ``steps`` applied migrations, newest first; return them in that order.

    Each runs its down part in its own transaction together with deleting its ledger row, under
    the lock `migrate` takes. Before reverting anything it refuses (:class:`MigrationError`,
    naming the file) when ``steps < 1``, when fewer than ``steps`` migrations are applied, or
    when one of them has no file any more, has no down part, or changed after it was applied. If
    a down part fails, that migration stays applied and the ones reverted before it stay reverted.
    """
    if steps < 1:
        raise MigrationError(f"rollback needs at least one step, got {steps}")
    queries = load_queries(sql_dir, "migrations")
    migrations_dir = sql_dir / "migrations"
    files = {migration.version: migration for migration in discover(migrations_dir)}
    reverted: list[Migration] = []
    async with _locked(database_url, queries) as connection:
        rows = []
        if await connection.fetchval(queries["ledger_exists"]):
            rows = await connection.fetch(queries["applied_versions"])
        if len(rows) < steps:
            raise MigrationError(
                f"cannot roll back {steps} migration(s): {len(rows)} applied to this database"
            )
        targets: list[Migration] = []
        for row in reversed(rows[-steps:]):
            migration = files.get(row["version"])
            if migration is None:
                raise MigrationError(
                    f"cannot roll back {row['version']:04d}_{row['name']}.sql: it is applied but "
                    f"its file is no longer in {migrations_dir}"
                )
            if migration.down is None:
                raise MigrationError(
                    f"cannot roll back {migration.filename}: it has no down part (a "
                    "`-- migrate:down` line followed by SQL that reverts it); nothing was reverted"
                )
            if row["checksum"] != migration.checksum:
                raise MigrationError(
                    f"cannot roll back {migration.filename}: it changed after it was applied, so "
                    "its down part may not match what the database holds"
                )
            targets.append(migration)
        for migration in targets:
            try:
                async with connection.transaction():
                    await connection.execute(migration.down)
                    await connection.execute(queries["delete_version"], migration.version)
            except asyncpg.PostgresError as exc:
                done = ", ".join(m.label for m in reverted) or "none"
                raise MigrationError(
                    f"rollback of {migration.label} failed, it is still applied: {exc} "
                    f"(already rolled back: {done})"
                ) from exc
            log.info("rolled back migration %s", migration.label)
            reverted.append(migration)
    return reverted
