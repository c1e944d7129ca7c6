"""An archive of logs (JSON lines, plain or gzip) turned into Kafka messages of a backfill job.

Each line is one message as a sender would publish it (a record, or an array of records) and
goes through the bridge's own validation (:func:`pipeline.ingest.intake.intake`) with the
archive rules: a record's time must be its own. Records are grouped per partition (the bridge's
partitioner) into messages of at most ``max_bytes``; each message carries the number of its last
line, so a run interrupted while publishing resumes after the last line each partition has.

A line's records are identified as a message's would be (the sender's id, else a digest of the
record and its position in the line), so the same file imported twice yields the same ids.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from pipeline.ingest.intake import IntakeLimits, intake
from pipeline.ingest.wire import ENVELOPE_BYTES, join_records
from storage.rows import DeadLetterRow

__all__ = ["STAGE", "ArchiveMessage", "Packer", "open_archive", "read_lines"]

STAGE = "import"
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class ArchiveMessage:
    """One Kafka message of a job: its partition, value, record count and last line."""

    partition: int
    value: bytes
    records: int
    last_line: int


@dataclass(slots=True)
class _Open:
    records: list[bytes] = field(default_factory=list)
    size: int = ENVELOPE_BYTES
    last_line: int = 0


def open_archive(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when it is gzip (by its first bytes, not its name)."""
    raw = path.open("rb")
    try:
        magic = raw.read(2)
        raw.seek(0)
    except OSError:
        raw.close()
        raise
    if magic == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def read_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(line number from 1, line without its end) for every line that is not blank."""
    for number, line in enumerate(stream, start=1):
        stripped = line.strip()
        if stripped:
            yield number, stripped


class Packer:
    """Validates lines and packs their records into per-partition messages.

    ``add`` returns the messages it closed (full ones); ``flush`` the rest. Refused records are
    collected in ``dead_letters`` as ``(line, letter)``; ``skip_through[p]`` drops the records of
    partition ``p`` from lines up to that number (already published by an interrupted run).
    """

    def __init__(
        self,
        *,
        source: str,
        partition_of: Callable[[str], int],
        limits: IntakeLimits,
        max_bytes: int,
        now: float,
        skip_through: dict[int, int] | None = None,
    ) -> None:
        self._source = source
        self._partition_of = partition_of
        self._limits = limits
        self._max_bytes = max_bytes
        self._now = now
        self._skip = skip_through or {}
        self._open: dict[int, _Open] = {}
        self.dead_letters: list[tuple[int, DeadLetterRow]] = []
        self.accepted = 0
        self.skipped = 0

    def add(self, line: int, body: bytes) -> list[ArchiveMessage]:
        result = intake(
            body,
            source=self._source,
            received_at=self._now,
            limits=self._limits,
            archived=True,
            stage=STAGE,
        )
        self.dead_letters.extend((line, letter) for letter in result.dead_letters)
        closed: list[ArchiveMessage] = []
        for accepted in result.accepted:
            partition = self._partition_of(accepted.service)
            if line <= self._skip.get(partition, 0):
                self.skipped += 1
                continue
            self.accepted += 1
            batch = self._open.setdefault(partition, _Open())
            if batch.records and batch.size + len(accepted.encoded) + 1 > self._max_bytes:
                closed.append(self._close(partition))
                batch = self._open[partition] = _Open()
            batch.records.append(accepted.encoded)
            batch.size += len(accepted.encoded) + 1
            batch.last_line = line
        return closed

    def flush(self) -> list[ArchiveMessage]:
        return [self._close(partition) for partition in sorted(self._open)]

    def _close(self, partition: int) -> ArchiveMessage:
        batch = self._open.pop(partition)
        return ArchiveMessage(
            partition, join_records(batch.records), len(batch.records), batch.last_line
        )
