"""Applies the numbered SQL files in ``sql/migrations`` exactly once per database.

Runs under a PostgreSQL advisory lock so two `migrate` processes (two replicas starting at once)
serialise instead of racing; each file runs in its own transaction together with its ledger row,
so a failure leaves the database at the previous version.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from .database import connect
from .errors import MigrationError
from .queries import load_queries

log = logging.getLogger(__name__)

_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
# An arbitrary constant; it only has to be the same for every process migrating this schema.
ADVISORY_LOCK_KEY = 0x10A_A5E5


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


def discover(migrations_dir: Path) -> list[Migration]:
    migrations = []
    for path in sorted(migrations_dir.glob("*.sql")):
        match = _FILE.match(path.name)
        if match is None:
            raise MigrationError(f"{path.name}: migration files are named NNNN_name.sql")
        migrations.append(
            Migration(int(match.group(1)), match.group(2), path.read_text(encoding="utf-8"))
        )
    versions = [m.version for m in migrations]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"duplicate migration versions in {migrations_dir}")
    return migrations


async def migrate(database_url: str, sql_dir: Path) -> list[Migration]:
    """Apply pending migrations; return the ones applied by this call (empty when up to date)."""
    queries = load_queries(sql_dir, "migrations")
    migrations = discover(sql_dir / "migrations")
    applied_now: list[Migration] = []
    async with connect(database_url) as connection:
        await connection.execute(queries["lock"], ADVISORY_LOCK_KEY)
        try:
            await connection.execute(queries["create_migrations_table"])
            applied = {
                row["version"]: row for row in await connection.fetch(queries["applied_versions"])
            }
            for migration in migrations:
                row = applied.get(migration.version)
                if row is not None:
                    if row["checksum"] != migration.checksum:
                        raise MigrationError(
                            f"migration {migration.version:04d}_{migration.name} changed after it "
                            "was applied; add a new migration instead of editing this one"
                        )
                    continue
                try:
                    async with connection.transaction():
                        await connection.execute(migration.sql)
                        await connection.execute(
                            queries["record_version"],
                            migration.version,
                            migration.name,
                            migration.checksum,
                        )
                except asyncpg.PostgresError as exc:
                    raise MigrationError(
                        f"migration {migration.version:04d}_{migration.name} failed: {exc}"
                    ) from exc
                log.info("applied migration %04d_%s", migration.version, migration.name)
                applied_now.append(migration)
        finally:
            await connection.execute(queries["unlock"], ADVISORY_LOCK_KEY)
    return applied_now
