"""The migration files in ``sql/migrations``: their format, their checksum, and creating new ones.

Pure file handling (no database); :mod:`storage.migrations` applies and reverts them.

File format
-----------
A file is named ``NNNN_name.sql`` (four digits, then ``[a-z0-9_]+``). A line that is exactly
``-- migrate:down`` (trailing whitespace allowed) splits it: everything before that line is the
*up* part, everything after it the *down* part, which reverts the up part. A file without that line
is all up part and cannot be rolled back. The first line may be ``-- migrate:up``; it is an
ordinary SQL comment and belongs to the up part. Any other line that looks like a marker
(``--migrate:down``, ``-- Migrate: Up``, a second ``-- migrate:down``, ``-- migrate:up`` below the
first line) is refused, so a typo never runs the down part as part of the up part. An up part with
no SQL (only comments and blank lines) is refused: that is a file from the template not filled in
yet, and applying it would record its checksum before its SQL is written. A down part with no SQL
counts as no down part.

Checksum rule
-------------
The checksum recorded in ``schema_migrations`` covers the up part only, so a down part may be
added to, or fixed in, an already-applied migration:

- a file without a ``-- migrate:down`` line: sha256 of the whole file text, byte for byte (UTF-8,
  newlines as read in text mode). This is what was recorded before down parts existed, so every
  database migrated before them still matches.
- a file with one: sha256 of ``up.rstrip() + "\\n"``, where ``up`` is the text before the marker
  line. Appending a down part to a file that ended in exactly one newline therefore keeps its
  checksum, however many blank lines separate the two parts. (A file that ended without a newline,
  or in blank lines, gets a new checksum when it gains a down part, and ``migrate`` then refuses it
  as changed.)
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Template

from .errors import MigrationError

UP_MARKER = "-- migrate:up"
DOWN_MARKER = "-- migrate:down"
TEMPLATE_NAME = "migration_template.sql"

_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_NAME = re.compile(r"[a-z0-9_]+")
# Anything a human may have meant as a marker; each match must be exactly one of the two markers.
_MARKER_LIKE = re.compile(r"^\s*--\s*migrate\s*:", re.IGNORECASE)
_MAX_VERSION = 9999


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    up: str
    # None without a down part or with one holding no SQL: then the migration cannot be rolled back.
    down: str | None
    checksum: str

    @property
    def label(self) -> str:
        return f"{self.version:04d}_{self.name}"

    @property
    def filename(self) -> str:
        return f"{self.label}.sql"


def checksum(text: str) -> str:
    """The checksum of a migration file's text, by the rule in the module docstring."""
    up, down = _split(text)
    if down is None:
        return hashlib.sha256(text.encode()).hexdigest()
    return hashlib.sha256((up.rstrip() + "\n").encode()).hexdigest()


def parse_migration(version: int, name: str, text: str) -> Migration:
    """One migration from its file's text; :class:`MigrationError` names the file when malformed."""
    filename = f"{version:04d}_{name}.sql"
    try:
        up, down = _split(text)
    except ValueError as exc:
        raise MigrationError(f"{filename}: {exc}") from None
    if not _has_sql(up):
        raise MigrationError(
            f"{filename}: the up part has no SQL; write the migration before applying it"
        )
    return Migration(
        version=version,
        name=name,
        up=up,
        down=down if down is not None and _has_sql(down) else None,
        checksum=checksum(text),
    )


def discover(migrations_dir: Path) -> list[Migration]:
    """The migrations in ``migrations_dir``, oldest first."""
    return [
        parse_migration(version, name, path.read_text(encoding="utf-8"))
        for version, name, path in _files(migrations_dir)
    ]


def create_migration_file(sql_dir: Path, name: str, *, today: date | None = None) -> Path:
    """Create ``sql_dir/migrations/NNNN_<name>.sql`` from ``sql_dir/migration_template.sql``.

    ``NNNN`` is one more than the highest existing version. Refuses (:class:`MigrationError`) a
    name that is not ``[a-z0-9_]+``, a name some migration already has, and an existing file;
    it never overwrites. Returns the new file's path.
    """
    if not name:
        raise MigrationError("a migration name is required, e.g. add_service_index")
    if _NAME.fullmatch(name) is None:
        raise MigrationError(
            f"migration name {name!r} must be lower-case letters, digits and underscores "
            "([a-z0-9_]+), e.g. add_service_index"
        )
    migrations_dir = sql_dir / "migrations"
    if not migrations_dir.is_dir():
        raise MigrationError(f"{migrations_dir} is not a directory")
    existing = _files(migrations_dir)
    for version, existing_name, _ in existing:
        if existing_name == name:
            raise MigrationError(f"a migration named {name!r} exists: {version:04d}_{name}.sql")
    version = max((version for version, _, _ in existing), default=0) + 1
    if version > _MAX_VERSION:
        raise MigrationError(f"no migration number left after {_MAX_VERSION:04d}")
    template_path = sql_dir / TEMPLATE_NAME
    try:
        template = template_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise MigrationError(f"cannot read the migration template {template_path}: {exc}") from exc
    filename = f"{version:04d}_{name}.sql"
    text = Template(template).substitute(
        filename=filename, created=(today or date.today()).isoformat()
    )
    path = migrations_dir / filename
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError:
        raise MigrationError(f"{path} exists; not overwriting it") from None
    return path


def _files(migrations_dir: Path) -> list[tuple[int, str, Path]]:
    """(version, name, path) of each migration file, oldest first; checks names, not contents."""
    files = []
    for path in sorted(migrations_dir.glob("*.sql")):
        match = _FILE.match(path.name)
        if match is None:
            raise MigrationError(f"{path.name}: migration files are named NNNN_name.sql")
        files.append((int(match.group(1)), match.group(2), path))
    versions = [version for version, _, _ in files]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"duplicate migration versions in {migrations_dir}")
    return files


def _split(text: str) -> tuple[str, str | None]:
    """(up, down) of a file's text; down is None without a ``-- migrate:down`` line."""
    lines = text.splitlines(keepends=True)
    down_at: int | None = None
    for index, line in enumerate(lines):
        if _MARKER_LIKE.match(line) is None:
            continue
        marker = line.rstrip()
        if marker == UP_MARKER and index == 0:
            continue
        if marker == DOWN_MARKER and down_at is None:
            down_at = index
            continue
        raise ValueError(
            f"line {index + 1}: {marker!r} is not a valid marker here; a migration is an optional "
            f"{UP_MARKER!r} first line, the up SQL, then optionally {DOWN_MARKER!r} and down SQL"
        )
    if down_at is None:
        return text, None
    return "".join(lines[:down_at]), "".join(lines[down_at + 1 :])


def _has_sql(part: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("--") for line in part.splitlines())
