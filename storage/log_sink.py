"""Writes the ingest agent's batches to PostgreSQL so that each record is stored exactly once.

One :meth:`LogSink.store` is one transaction: COPY into a staging table, insert what is not
stored yet (``ON CONFLICT (event_id, ts) DO NOTHING``), count only the rows that insert returned
into ``templates``, record aliases, dead-letter the rows PostgreSQL refused. Because the counts are
derived from the inserted rows inside the same transaction, a batch delivered again after a crash
(the offset was not committed, but the rows were) inserts nothing and counts nothing.

Failures (see :mod:`storage.retry`): a lost database is waited out, retrying the whole
transaction until it commits or ``should_stop()`` says the service is stopping. A row PostgreSQL
refuses (SQLSTATE class 22, 23 or 54, or a value the driver cannot encode) is found by splitting
the batch in halves, each half in a savepoint, down to single rows; those go to ``dead_letters``
and the other rows are stored. Rows whose strings the driver cannot encode, whose times are not
finite or whose metadata orjson refuses are refused before the COPY, without splitting.

``logs`` is partitioned by day (:mod:`storage.day_partitions`): rows older than the retention are
refused (code ``retention``, field ``timestamp``) and the partitions of the other rows' days are
made, if missing, before the transaction.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import asyncpg
import orjson

from .database import Database, is_closed
from .day_partitions import DayPartitions, day_of
from .errors import StorageError
from .queries import load_queries
from .retry import Backoff, ErrorKind, classify, error_code, error_message, retry
from .rows import Alias, DeadLetterRow, LogRow, StoreResult, TemplateRow

__all__ = ["DEFAULT_PAYLOAD_LIMIT", "STAGE", "LogSink", "NullObserver", "StoreObserver", "row_json"]

log = logging.getLogger(__name__)

STAGE = "storage"
# The code counted for a record refused because it is older than the retention.
RETENTION_CODE = "retention"
# A dead letter keeps this much of a row's JSON; enough for any sane record, bounded for the rest.
DEFAULT_PAYLOAD_LIMIT = 64 * 1024

# Epoch seconds about 3,000 years either side of 1970, well inside timestamptz's range.
_FAR_EPOCH = 1e11

_STAGING_TABLE = "ingest_logs"
STAGING_COLUMNS = (
    "event_id",
    "service_name",
    "log_level",
    "ts",
    "message",
    "template_id",
    "host",
    "trace_id",
    "metadata",
    "received_at",
    "clamped",
    "truncated",
    "sanitized",
)


class StoreObserver(Protocol):
    """Told what the sink does, so the agent can count it (Prometheus stays out of storage)."""

    def on_retry(self, kind: ErrorKind, code: str) -> None:
        """An attempt failed and will be retried; ``code``: SQLSTATE or exception class name."""

    def on_rejected(self, code: str) -> None:
        """One row was refused and dead-lettered (called after the transaction committed)."""


class NullObserver:
    def on_retry(self, kind: ErrorKind, code: str) -> None:
        pass

    def on_rejected(self, code: str) -> None:
        pass


def _never() -> bool:
    return False


@dataclass(frozen=True, slots=True)
class _Staged:
    row: LogRow
    record: tuple[object, ...]  # the row as COPY sends it, in STAGING_COLUMNS order


@dataclass(frozen=True, slots=True)
class _Refusal:
    row: LogRow
    reason: str
    code: str
    field: str | None


@dataclass(frozen=True, slots=True)
class _Outcome:
    inserted: list[LogRow]
    rejected: list[_Refusal]


class LogSink:
    """Stores batches of :class:`LogRow` for the ingest agent; see the module docstring.

    ``source`` (the topic the rows came from) goes into their dead letters. ``should_stop`` is
    polled between retries; when true, a call that cannot commit raises
    :class:`storage.errors.StoreAborted`. ``statement_timeout`` bounds each statement (seconds):
    a database that stops answering counts as lost.
    """

    def __init__(
        self,
        database: Database,
        sql_dir: Path,
        *,
        source: str,
        partitions: DayPartitions,
        should_stop: Callable[[], bool] = _never,
        observer: StoreObserver | None = None,
        backoff: Backoff | None = None,
        payload_limit: int = DEFAULT_PAYLOAD_LIMIT,
        statement_timeout: float = 60.0,
    ) -> None:
        self._database = database
        self._queries = load_queries(sql_dir, "ingest")
        self._source = source
        self._should_stop = should_stop
        self._observer: StoreObserver = observer or NullObserver()
        self._backoff = backoff or Backoff()
        self._payload_limit = payload_limit
        self._timeout = statement_timeout
        self._partitions = partitions

    async def store(
        self, rows: Sequence[LogRow], templates: Sequence[TemplateRow], aliases: Sequence[Alias]
    ) -> StoreResult:
        """Store ``rows`` not stored yet, count them into their templates, record ``aliases``.

        ``templates`` should describe every template the rows refer to. A row repeated in the
        batch (same ``event_id``) is stored once, as its first occurrence. A template none of
        whose rows this call inserted is left as it is (not created, count unchanged), unless an
        alias names it. Rows refused are returned in ``rejected`` on every call that meets them,
        though their dead letter is written only once.
        """
        first: dict[str, LogRow] = {}
        for row in rows:
            first.setdefault(row.event_id, row)
        unique = list(first.values())
        if not unique and not aliases:
            return StoreResult(inserted=(), rejected=())
        staged: list[_Staged] = []
        refused: list[_Refusal] = []
        for row in unique:
            outcome = _stage(row)
            if isinstance(outcome, _Staged):
                staged.append(outcome)
            else:
                refused.append(outcome)
        staged = self._within_retention(staged, refused)
        # The rows each attempt's INSERT returned. An attempt can fail after its commit went
        # through (the connection lost before the reply: a PostgreSQL restart), and its retry
        # then finds those rows stored and returns none of them; they are still this call's,
        # and the detectors must count them (a CI run's fault test lost 100 rows' counts so).
        claimed: set[str] = set()
        result = await retry(
            lambda: self._store_once(staged, refused, templates, aliases, claimed),
            what=f"storing {len(unique)} log row(s) from {self._source}",
            should_stop=self._should_stop,
            backoff=self._backoff,
            on_retry=self._observer.on_retry,
        )
        order = {row.event_id: index for index, row in enumerate(unique)}
        rejected = sorted(result.rejected, key=lambda refusal: order[refusal.row.event_id])
        for refusal in rejected:
            self._observer.on_rejected(refusal.code)
        return StoreResult(
            inserted=tuple(result.inserted),
            rejected=tuple((refusal.row, refusal.reason) for refusal in rejected),
        )

    def _within_retention(self, staged: list[_Staged], refused: list[_Refusal]) -> list[_Staged]:
        """The rows of ``staged`` inside the retention; the others are added to ``refused``."""
        cutoff = self._partitions.cutoff()
        kept: list[_Staged] = []
        for item in staged:
            if item.row.ts >= cutoff:
                kept.append(item)
                continue
            days = self._partitions.retention_days
            reason = f"older than the retention of {days} days (LOGS_RETENTION_DAYS)"
            refused.append(_Refusal(item.row, reason, RETENTION_CODE, "timestamp"))
        return kept

    async def store_dead_letters(self, letters: Sequence[DeadLetterRow]) -> int:
        """Store ``letters``; returns how many were new (not stored by an earlier call)."""
        if not letters:
            return 0
        columns = _letter_columns(letters)

        async def attempt() -> int:
            async with self._database.session(self._timeout) as connection:
                new = await connection.fetch(
                    self._queries["insert_dead_letters"], *columns, timeout=self._timeout
                )
            return len(new)

        return await retry(
            attempt,
            what=f"storing {len(letters)} dead letter(s)",
            should_stop=self._should_stop,
            backoff=self._backoff,
            on_retry=self._observer.on_retry,
        )

    async def _store_once(
        self,
        staged: list[_Staged],
        refused: list[_Refusal],
        templates: Sequence[TemplateRow],
        aliases: Sequence[Alias],
        claimed: set[str],
    ) -> _Outcome:
        """One attempt. ``claimed`` gathers the ids the attempts' INSERTs returned; the rows
        this call stored are those, while the templates count only this attempt's (an earlier
        attempt that committed counted its own)."""
        inserted_ids: set[str] = set()
        failed: list[_Refusal] = []
        # In its own short transaction: the DDL's locks are not held while the rows are stored.
        await self._partitions.ensure({day_of(item.row.ts) for item in staged})
        async with self._database.session(self._timeout) as connection, connection.transaction():
            if staged:
                await connection.execute(
                    self._queries["create_ingest_table"], timeout=self._timeout
                )
                await self._insert(connection, staged, inserted_ids, failed, clear=False)
            claimed.update(inserted_ids)
            inserted = [item.row for item in staged if item.row.event_id in inserted_ids]
            columns = _template_columns(inserted, templates, aliases)
            if columns[0]:
                await connection.execute(
                    self._queries["upsert_templates"], *columns, timeout=self._timeout
                )
            rejected = [*refused, *failed]
            if rejected:
                letters = [self._dead_letter(refusal) for refusal in rejected]
                await connection.execute(
                    self._queries["insert_dead_letters"],
                    *_letter_columns(letters),
                    timeout=self._timeout,
                )
        return _Outcome([item.row for item in staged if item.row.event_id in claimed], rejected)

    async def _insert(
        self,
        connection: asyncpg.Connection,
        part: Sequence[_Staged],
        inserted_ids: set[str],
        failed: list[_Refusal],
        *,
        clear: bool,
    ) -> None:
        """Insert ``part`` in a savepoint; on a data error, each half in its own, recursively.

        ``clear`` empties the staging table after a part succeeds, so the next part's insert
        does not read it again; the whole batch, inserted at once, needs no clearing.
        """
        failure: Exception
        try:
            async with connection.transaction():
                await connection.copy_records_to_table(
                    _STAGING_TABLE,
                    records=[item.record for item in part],
                    columns=STAGING_COLUMNS,
                    timeout=self._timeout,
                )
                new = await connection.fetch(self._queries["insert_logs"], timeout=self._timeout)
                if clear:
                    await connection.execute(
                        self._queries["clear_ingest_table"], timeout=self._timeout
                    )
        except Exception as exc:
            # A closed connection is not the rows' fault, whatever error reported it.
            if classify(exc) is not ErrorKind.DATA or is_closed(connection):
                raise
            failure = exc  # split outside the except block, so later errors do not chain to it
        else:
            inserted_ids.update(record["event_id"] for record in new)
            return
        if len(part) == 1:
            row = part[0].row
            failed.append(
                _Refusal(row, error_message(failure), error_code(failure), _column_of(failure))
            )
            return
        middle = len(part) // 2
        await self._insert(connection, part[:middle], inserted_ids, failed, clear=True)
        await self._insert(connection, part[middle:], inserted_ids, failed, clear=True)

    def _dead_letter(self, refusal: _Refusal) -> DeadLetterRow:
        payload = row_json(refusal.row)
        return DeadLetterRow(
            stage=STAGE,
            reason=refusal.reason,
            field=refusal.field,
            source=self._source,
            position=-1,
            sha256=hashlib.sha256(payload).digest(),
            size=len(payload),
            payload=payload[: self._payload_limit],
            truncated=len(payload) > self._payload_limit,
            received_at=refusal.row.received_at,
        )


def copy_record(row: LogRow) -> tuple[object, ...]:
    """``row`` as the sink's COPY sends it, in STAGING_COLUMNS order; ``StorageError`` for a
    row the sink would refuse (benchmarks stage rows exactly as the sink does)."""
    outcome = _stage(row)
    if isinstance(outcome, _Refusal):
        raise StorageError(f"{outcome.field}: {outcome.reason}")
    return outcome.record


def _stage(row: LogRow) -> _Staged | _Refusal:
    """The COPY record of ``row``, or why it cannot be sent (checked here to spare a split)."""
    texts = (
        ("event_id", row.event_id),
        ("service_name", row.service),
        ("log_level", row.level),
        ("message", row.message),
        ("template_id", row.template_id),
        ("host", row.host),
        ("trace_id", row.trace_id),
    )
    for column, text in texts:
        if text is not None and not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                return _Refusal(row, str(exc), "UnicodeEncodeError", column)
    for column, seconds in (("ts", row.ts), ("received_at", row.received_at)):
        if not math.isfinite(seconds):
            reason = f"{column} is not a finite number: {seconds!r}"
            return _Refusal(row, reason, "NonFiniteTime", column)
    if abs(row.ts) >= _FAR_EPOCH:
        # No day partition could hold it (nor, past year 294276, a timestamptz).
        return _Refusal(row, f"ts is out of range: {row.ts!r}", "TimeOutOfRange", "ts")
    try:
        metadata = "{}" if row.metadata is None else orjson.dumps(row.metadata).decode()
    except orjson.JSONEncodeError as exc:  # orjson raises TypeError itself under this name
        return _Refusal(row, f"metadata is not JSON: {exc}", "JSONEncodeError", "metadata")
    record = (
        row.event_id,
        row.service,
        row.level,
        row.ts,
        row.message,
        row.template_id,
        row.host,
        row.trace_id,
        metadata,
        row.received_at,
        row.clamped,
        row.truncated,
        row.sanitized,
    )
    return _Staged(row, record)


def _column_of(exc: Exception) -> str | None:
    column = getattr(exc, "column_name", None) if isinstance(exc, asyncpg.PostgresError) else None
    return column if isinstance(column, str) else None


def _storable(text: str) -> str:
    """``text`` without what PostgreSQL's text type refuses (NUL, lone surrogates)."""
    if text.isascii() and "\x00" not in text:
        return text
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "\ufffd")


def row_json(row: LogRow) -> bytes:
    """``row`` as JSON, the same bytes every time (its sha256 is the dead letter's key).

    UTF-8 when it can be; a lone surrogate forces ``\\u`` escapes, and metadata the json module
    cannot write is stored as its repr: a dead letter must always be writable.
    """
    data = row._asdict()
    try:
        text = _dumps(data, ascii_only=False)
    except (TypeError, ValueError, RecursionError):
        data["metadata"] = repr(row.metadata)
        text = _dumps(data, ascii_only=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _dumps(data, ascii_only=True).encode("ascii")


def _dumps(data: dict[str, Any], *, ascii_only: bool) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=ascii_only)


def _template_columns(
    inserted: Sequence[LogRow], templates: Sequence[TemplateRow], aliases: Sequence[Alias]
) -> tuple[list[Any], ...]:
    """The columns of ``upsert_templates``: one entry per template with newly inserted rows or
    named by an alias as superseded, sorted by key."""
    described: dict[tuple[str, str], TemplateRow] = {}
    for given in templates:
        described.setdefault((given.service, given.template_id), given)
    counts: dict[tuple[str, str], tuple[float, float, int]] = {}
    for row in inserted:
        key = (row.service, row.template_id)
        first, last, count = counts.get(key, (row.ts, row.ts, 0))
        counts[key] = (min(first, row.ts), max(last, row.ts), count + 1)
    # The last alias wins: the miner generalised the template again later in the batch.
    superseded = {(alias.service, alias.old_id): alias.new_id for alias in aliases}
    keys = sorted(counts.keys() | superseded.keys())
    undescribed = [key for key in counts if key not in described]
    if undescribed:
        log.warning(
            "%d template(s) of inserted rows were not described, e.g. %s; stored without text",
            len(undescribed),
            undescribed[0],
        )
    columns: tuple[list[Any], ...] = ([], [], [], [], [], [], [], [])
    for key in keys:
        template = described.get(key)
        seen = counts.get(key)
        new_id = superseded.get(key)
        values = (
            _storable(key[0]),
            _storable(key[1]),
            None if template is None else _storable(template.template),
            None if template is None else _storable(template.level),
            None if seen is None else seen[0],
            None if seen is None else seen[1],
            0 if seen is None else seen[2],
            None if new_id is None else _storable(new_id),
        )
        for column, value in zip(columns, values, strict=True):
            column.append(value)
    return columns


def _letter_columns(letters: Sequence[DeadLetterRow]) -> tuple[list[Any], ...]:
    """The columns of ``insert_dead_letters``; texts and times made storable, so the last
    resort for refused data cannot itself be refused. Sorted by key, like the other inserts, so
    two stores writing the same letters wait for each other instead of deadlocking."""
    letters = sorted(letters, key=lambda letter: (letter.stage, letter.sha256, letter.position))
    return (
        [_storable(letter.stage) for letter in letters],
        [_storable(letter.reason) for letter in letters],
        [None if letter.field is None else _storable(letter.field) for letter in letters],
        [_storable(letter.source) for letter in letters],
        [letter.position for letter in letters],
        [letter.sha256 for letter in letters],
        [letter.size for letter in letters],
        [letter.payload for letter in letters],
        [letter.truncated for letter in letters],
        [_storable_time(letter.received_at) for letter in letters],
    )


def _storable_time(seconds: float) -> float:
    """``seconds`` if PostgreSQL can hold it as a timestamptz, else now: a row refused for its
    absurd receive time still gets a dead letter."""
    return seconds if math.isfinite(seconds) and abs(seconds) < _FAR_EPOCH else time.time()
