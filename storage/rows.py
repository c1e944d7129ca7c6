"""What the ingest path hands to storage, and what storage hands back: plain values, no IO.

Times are epoch seconds (float) as the stream carries them; :mod:`storage.log_sink` turns them
into ``timestamptz`` in PostgreSQL, always UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple


class LogRow(NamedTuple):
    """One parsed log record, as it goes into the ``logs`` table.

    A named tuple, not a frozen dataclass: the ingest agent makes one per record, and a frozen
    dataclass of thirteen fields took about 3 us to make (a tuple: 0.3 us)."""

    event_id: str
    service: str
    level: str
    ts: float  # epoch seconds: the event time, after the parser clamped a time in the future
    message: str
    template_id: str
    host: str | None
    trace_id: str | None
    metadata: dict[str, Any] | None  # stored as jsonb; None is stored as {}
    received_at: float  # epoch seconds: when the bridge received the record
    clamped: bool
    truncated: bool
    sanitized: bool


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """The text of a template some row of the batch refers to.

    ``level`` is the level of the record that created the template; storage keeps the first one
    it stores and never changes it.
    """

    service: str
    template_id: str
    template: str
    level: str


@dataclass(frozen=True, slots=True)
class Alias:
    """``old_id`` was superseded by ``new_id`` when the miner generalised a template."""

    service: str
    old_id: str
    new_id: str


@dataclass(frozen=True, slots=True)
class DeadLetterRow:
    """A payload the pipeline refused, kept so an operator can find out why and re-send it.

    ``(stage, sha256, position)`` is the natural key: the same refusal stored twice (a message
    delivered again after a crash) is one row.
    """

    stage: str  # "bridge", "ingest" or "storage"
    reason: str
    field: str | None  # the field at fault, when one is known
    source: str  # the queue or topic the payload came from
    position: int  # the record's index in its message; -1 when the whole payload was refused
    sha256: bytes  # of the whole message the payload came from
    size: int  # bytes of the payload as received
    payload: bytes  # at most a configured prefix of it
    truncated: bool  # payload is shorter than size
    received_at: float  # epoch seconds


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What one :meth:`storage.log_sink.LogSink.store` call did.

    ``inserted``: rows this call inserted; rows already stored (by an earlier call, or a repeat
    inside the batch) are in neither tuple. ``rejected``: rows PostgreSQL (or the driver) refused,
    each with the reason; they were written to ``dead_letters`` in the same transaction.
    """

    inserted: tuple[LogRow, ...]
    rejected: tuple[tuple[LogRow, str], ...]


class StoredRecord(NamedTuple):
    """A stored log row as the detectors count it (refilling open windows after a restore)."""

    event_id: str
    service: str
    ts: float
    received_at: float
    level: str
    message: str
    template_id: str
