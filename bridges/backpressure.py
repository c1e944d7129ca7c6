"""Whether the inbound bridge takes messages: the Kafka lag in records against a mark. Pure.

When PostgreSQL is slow or down the agents fall behind and records pile up in Kafka. Past
``max_lag`` records the bridge stops taking messages, so RabbitMQ holds the rest (it is made to:
durable, on disk, bounded by its own limits), and takes them again once the lag is down to half
the mark; the gap between the two keeps the bridge from flapping at the mark.

The lag is read from Kafka per partition in Kafka messages, and a Kafka message carries many
records (``bridges.batching``). :class:`SentMessages` converts: the bridge remembers how many
records it put in each of its latest Kafka messages per partition, and the lag of a partition is
the newest messages there, so it counts their records exactly as far as it remembers them, and
the rest (a lag longer than it remembers, messages sent before a restart) at the average of
those it remembers. With several workers, its own latest messages stand for the partition's
newest, which are also the other bridges': an approximation of the same size.

Between readings the bridge adds the records it took since the last reading began, so it pauses
as soon as they pass the mark rather than up to a reading later. A failed reading keeps the
gate as it was for ``grace_seconds`` after the last good one; then the gate opens (fails open):
a lag it cannot read (Kafka away, no right to read the group's offsets) never stops the intake
for good.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from enum import Enum

# How many of its latest Kafka messages per partition the bridge remembers the records of.
REMEMBERED_MESSAGES = 1024
GRACE_SECONDS = 10.0


class Change(Enum):
    PAUSE = "pause"
    RESUME = "resume"


class SentMessages:
    """Records per Kafka message the bridge sent, per partition (its latest ``keep``)."""

    def __init__(self, keep: int = REMEMBERED_MESSAGES) -> None:
        self._keep = keep
        # Running totals of records, one per message after a leading 0: the records of the
        # newest n messages are totals[-1] - totals[-1 - n].
        self._totals: dict[int, deque[int]] = {}
        self._records = 0
        self._messages = 0

    def sent(self, partition: int, records: int) -> None:
        """Kafka acknowledged a message of ``records`` records in ``partition``."""
        totals = self._totals.setdefault(partition, deque([0], maxlen=self._keep + 1))
        totals.append(totals[-1] + records)
        self._records += records
        self._messages += 1

    def records(self, partition: int, messages: int) -> int:
        """Records in the newest ``messages`` Kafka messages of ``partition``."""
        totals = self._totals.get(partition)
        remembered = 0 if totals is None else len(totals) - 1
        if messages <= remembered and totals is not None:
            return totals[-1] - totals[-1 - messages]
        known = 0 if totals is None else totals[-1] - totals[0]
        return known + round((messages - remembered) * self.average(partition))

    def average(self, partition: int) -> float:
        """Records per message of ``partition`` as remembered, else of every message sent; 1
        before the first."""
        totals = self._totals.get(partition)
        if totals is not None and len(totals) > 1:
            return (totals[-1] - totals[0]) / (len(totals) - 1)
        return self._records / self._messages if self._messages else 1.0


class IntakeGate:
    """Pauses past ``max_lag`` records, resumes at half of it; 0 disables it."""

    def __init__(self, max_lag: int, *, grace_seconds: float = GRACE_SECONDS) -> None:
        self.max_lag = max_lag
        self.resume_lag = max_lag // 2
        self.messages = SentMessages()
        self.paused = False
        self.grace_seconds = grace_seconds
        self._read: int | None = None  # records, as of the last good reading
        self._read_at: float | None = None
        self._taken = 0  # records taken, in all
        self._taken_before_read = 0  # ... when the last good reading began
        self._taken_before_reading = 0  # ... when the reading under way began

    @property
    def lag(self) -> int | None:
        """Records in Kafka not yet committed, as far as the gate knows; None: unknown."""
        if self._read is None:
            return None
        return self._read + self._taken - self._taken_before_read

    def took(self, records: int) -> Change | None:
        """The bridge took a message with ``records`` records for Kafka; only a reading resumes."""
        self._taken += records
        return None if self.paused else self._decide()

    def reading(self) -> None:
        """A lag reading begins: records taken from now on may be missing from it."""
        self._taken_before_reading = self._taken

    def measured(self, lags: Mapping[int, int], now: float) -> Change | None:
        """The reading gave ``lags``: Kafka messages not committed, per partition."""
        self._read = sum(self.messages.records(p, n) for p, n in lags.items())
        self._read_at = now
        self._taken_before_read = self._taken_before_reading
        return self._decide()

    def failed(self, now: float) -> Change | None:
        """The reading failed. Past the grace the lag is unknown and the gate open."""
        if self._read_at is not None and now - self._read_at <= self.grace_seconds:
            return None
        self._read = None
        if self.paused:
            self.paused = False
            return Change.RESUME
        return None

    def _decide(self) -> Change | None:
        lag = self.lag
        if lag is None or self.max_lag <= 0:
            return None
        if not self.paused and lag > self.max_lag:
            self.paused = True
            return Change.PAUSE
        if self.paused and lag <= self.resume_lag:
            self.paused = False
            return Change.RESUME
        return None


class HeldBack:
    """Whether records may be waiting in RabbitMQ because the bridge held them back: while it is
    paused, and for ``settle_seconds`` after it resumed (the time the first messages take from
    RabbitMQ through Kafka to the agent).

    The stream's timer closes the windows of a caught-up partition by the partition's clock,
    which runs on from the last record by wall-clock time. A pause leaves the partitions caught
    up (the agents drain Kafka first) while the next records wait in RabbitMQ, so without this
    the clock would run through the pause and close windows whose records were only held back
    by our own backpressure; they would then arrive late. Records that no one held back are
    not waiting anywhere we know, and the clock runs as always. Pure; times are monotonic.
    """

    def __init__(self, settle_seconds: float = 5.0) -> None:
        self.settle_seconds = settle_seconds
        self._paused = False
        self._resumed_at: float | None = None

    def observe(self, paused: bool, now: float) -> None:
        """The gate's state as the bridge reports it (each reading, and at a pause)."""
        if self._paused and not paused:
            self._resumed_at = now
        self._paused = paused

    def holding(self, now: float) -> bool:
        if self._paused:
            return True
        return self._resumed_at is not None and now - self._resumed_at < self.settle_seconds
