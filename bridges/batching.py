"""Records of many RabbitMQ messages grouped into Kafka messages of one partition each. Pure.

A Kafka message costs the same to produce and to consume whether it carries one record or a
thousand, so records bound for one partition wait up to a short linger for company, across
RabbitMQ messages, until the next one would push the Kafka message past its byte cap.

By partition, not by service: a partition's records then reach Kafka in the order they arrived,
whatever services they belong to. Grouped by service, a sender replaying hours of logs at full
speed would put minutes of one service's records before the same minutes of the next service's,
and the partition's clock (which the detectors close windows by) would have passed the latter.

A :class:`Ticket` stands for one RabbitMQ message: it is settled (acked, or requeued when a
Kafka send failed) only once every batch holding one of its records or dead letters is settled,
so a message is never acked before Kafka has all of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.ingest.wire import ENVELOPE_BYTES


@dataclass(eq=False, slots=True)
class Ticket:
    """One RabbitMQ message's outstanding Kafka work; ``settle`` is called exactly once with
    True (everything delivered) or False (something failed: requeue the message)."""

    settle: Callable[[bool], None]
    pending: int = 0
    sealed: bool = False
    failed: bool = False
    settled: bool = False

    def hold(self) -> None:
        self.pending += 1

    def release(self, ok: bool) -> None:
        self.pending -= 1
        self.failed = self.failed or not ok
        self._maybe_settle()

    def seal(self) -> None:
        """All of the message's work has been handed out: settle as soon as it is done."""
        self.sealed = True
        self._maybe_settle()

    def _maybe_settle(self) -> None:
        if self.sealed and self.pending == 0 and not self.settled:
            self.settled = True
            self.settle(not self.failed)


@dataclass(eq=False, slots=True)
class Batch:
    """Encoded records bound for one Kafka message of one partition."""

    partition: int
    opened_at: float
    records: list[bytes] = field(default_factory=list)
    size: int = ENVELOPE_BYTES
    # An ordered set (tickets hash by identity): a message's records may span many batches.
    tickets: dict[Ticket, None] = field(default_factory=dict)

    def fits(self, encoded: bytes, max_bytes: int) -> bool:
        # +1 for the comma between records.
        return self.size + len(encoded) + 1 <= max_bytes

    def add(self, encoded: bytes, ticket: Ticket) -> None:
        self.records.append(encoded)
        self.size += len(encoded) + 1
        if ticket not in self.tickets:
            ticket.hold()
            self.tickets[ticket] = None

    def settle(self, ok: bool) -> None:
        for ticket in self.tickets:
            ticket.release(ok)


class Batcher:
    """Open batches per partition; closes a batch when full, when lingering too long, or on
    drain."""

    def __init__(self, max_bytes: int, linger_seconds: float) -> None:
        self._max_bytes = max_bytes
        self._linger = linger_seconds
        self._open: dict[int, Batch] = {}

    def __len__(self) -> int:
        return len(self._open)

    def partitions(self) -> set[int]:
        """The partitions with an open batch (never empty: a batch opens with its record)."""
        return set(self._open)

    def add(self, partition: int, encoded: bytes, ticket: Ticket, now: float) -> Batch | None:
        """Add one record; returns the batch it closed to make room, if any.

        A record bigger than the cap on its own still travels, alone (the intake refuses
        records over the per-record limit, which is far below the cap).
        """
        closed = None
        batch = self._open.get(partition)
        if batch is not None and batch.records and not batch.fits(encoded, self._max_bytes):
            closed = self._open.pop(partition)
            batch = None
        if batch is None:
            batch = self._open[partition] = Batch(partition, now)
        batch.add(encoded, ticket)
        return closed

    def due(self, now: float) -> list[Batch]:
        """Close the batches that have waited their linger."""
        ready = [p for p, b in self._open.items() if now - b.opened_at >= self._linger]
        return [self._open.pop(partition) for partition in ready]

    def drain(self) -> list[Batch]:
        batches = list(self._open.values())
        self._open.clear()
        return batches
