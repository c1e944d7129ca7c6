"""Keeps an agent's events in offset order, and notices when Faust skipped some.

Faust can advance past events it never handed to an agent: when a rebalance starts while an
event waits for room in a full stream buffer, the consumer drops it and still records its offset
as read (``Consumer._drain_messages``; faust-streaming#216, #221). Its later events are then
acked, and the offset commit goes past the dropped ones: the records are lost. Our topics are
neither compacted nor transactional, so a partition's offsets are consecutive: an event whose
offset is past the one expected means events were skipped. The agent then seeks the partition
back to the expected offset and drops what it was handed of that partition until the expected
event comes again; the sinks are idempotent, so whatever is delivered twice is harmless.

A seek can be lost in turn. Faust drops every fetched record below the partition's read offset
(``Consumer._drain_messages``), and the seek sets that offset back; but the consumer may still be
handing on the rest of an earlier fetch, whose later offsets raise it again, and the records the
seek fetches anew are then dropped before the agent sees them. The partition stalled for good (a
worker restarted mid-stream, or two workers sharing the partitions, in about one CI run in
three). So a partition still waiting for its expected event ``RESEEK_SECONDS`` after a seek is
sought again, by the agent when more of its events come and by a timer when none do.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from aiokafka import TopicPartition
from faust.types import TP

log = logging.getLogger(__name__)

# (topic, partition)
Partition = tuple[str, int]

# How long a seek may go without bringing the expected event before it is made again.
RESEEK_SECONDS = 3.0


def partition_of(event: Any) -> Partition:
    message = event.message
    return message.topic, message.partition


@dataclass
class Sorted:
    """What to do with a batch: handle ``keep`` (in order), seek ``seek`` partitions back."""

    keep: list[Any] = field(default_factory=list)
    seek: dict[Partition, int] = field(default_factory=dict)
    dropped: list[Any] = field(default_factory=list)


class OffsetSequence:
    """Per partition, the offset of the next event the agent must get."""

    def __init__(
        self, reseek_seconds: float = RESEEK_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._next: dict[Partition, int] = {}
        # Partitions sought back and not yet at the offset sought, with when they last were:
        # no second seek for ``reseek_seconds`` (the stale events of the buffer pass meanwhile).
        self._seeking: dict[Partition, float] = {}
        self._reseek_seconds = reseek_seconds
        self._clock = clock

    def unknown(self, events: Iterable[Any]) -> set[Partition]:
        """Partitions of ``events`` without an expected offset yet (give them ``start``)."""
        return {p for p in map(partition_of, events) if p not in self._next}

    def start(self, partition: Partition, offset: int) -> None:
        """The partition's first event since it was assigned must have ``offset`` (its
        committed offset, or the log start when nothing is committed)."""
        self._next[partition] = offset

    def forget(self) -> None:
        """Partitions were revoked: every expectation starts again at the next assignment."""
        self._next.clear()
        self._seeking.clear()

    def describe(self, partition: Partition) -> str:
        """Where the agent stands with ``partition``, for a stall's report."""
        expected = self._next.get(partition)
        if expected is None:
            return "the agent has had no event of it since it was assigned"
        text = f"the agent waits for offset {expected}"
        since = self._seeking.get(partition)
        if since is not None:
            text += f", having sought back to it {self._clock() - since:.0f} s ago"
        return text

    def overdue(self) -> dict[Partition, int]:
        """Partitions whose last seek brought nothing for ``reseek_seconds``, with the offset
        to seek them to again (they count as sought now)."""
        now = self._clock()
        due = {
            partition: self._next[partition]
            for partition, since in self._seeking.items()
            if now - since >= self._reseek_seconds
        }
        for partition in due:
            self._seeking[partition] = now
        return due

    def sort(self, events: Sequence[Any]) -> Sorted:
        """Split a batch into the events that come in sequence and the partitions to seek
        back. An event before the expected offset was handled already (a redelivery after a
        seek); one past it means a gap: seek back, once, and drop the partition's events until
        the expected one comes (again after ``reseek_seconds`` if it has not come by then)."""
        verdict = Sorted()
        now = self._clock()
        for event in events:
            partition = partition_of(event)
            offset = event.message.offset
            expected = self._next[partition]
            if offset == expected:
                verdict.keep.append(event)
                self._next[partition] = offset + 1
                self._seeking.pop(partition, None)
                continue
            verdict.dropped.append(event)
            since = self._seeking.get(partition)
            if offset > expected and (since is None or now - since >= self._reseek_seconds):
                self._seeking[partition] = now
                verdict.seek[partition] = expected
        return verdict


class PartitionOffsets(Protocol):
    async def first(self, partitions: set[Partition]) -> dict[Partition, int]:
        """The offset each partition's first event after an assignment must have."""
        ...

    async def seek(self, partition: Partition, offset: int) -> None: ...


class FaustPartitionOffsets:
    """``PartitionOffsets`` over a Faust app's consumer.

    The committed offsets are asked of the group coordinator by the group member itself, the
    same request Faust's ``perform_seek`` makes. Faust's own copy is not enough: it resumes a
    new assignment's partitions, and its fetcher delivers their events, before
    ``perform_seek`` has filled that copy (``Recovery.on_recovery_completed``). An agent that
    read the empty copy expected offset 0, took the committed offset's event for a gap and
    sought back; ``perform_seek`` then sought forward again and the offset expected never came:
    the partition stalled (seen after a worker was killed mid-stream)."""

    def __init__(self, app: Any) -> None:
        self._app = app

    async def _committed(self, tps: Iterable[TP]) -> dict[TP, int]:
        # The consumer thread's aiokafka consumer, through the thread (no public read).
        thread = self._app.consumer._thread
        kafka = thread._ensure_consumer()

        async def ask() -> dict[TP, int]:
            found = {}
            for tp in tps:
                offset = await kafka.committed(TopicPartition(tp.topic, tp.partition))
                if offset is not None:
                    found[tp] = int(offset)
            return found

        result: dict[TP, int] = await thread.call_thread(ask)
        return result

    async def first(self, partitions: set[Partition]) -> dict[Partition, int]:
        consumer = self._app.consumer
        tps = {partition: TP(*partition) for partition in partitions}
        # One request for all: it waits behind the consumer thread's fetch.
        earliest = await consumer.earliest_offsets(*tps.values())
        committed = await self._committed(tps.values())
        first = {}
        for partition, tp in tps.items():
            # Faust's copy is newer when this member committed since (None or 0: nothing).
            copy = consumer._committed_offset.get(tp) or 0
            # Past the log start: retention may have deleted what was committed.
            first[partition] = int(max(committed.get(tp, 0), copy, earliest.get(tp, 0)))
        return first

    async def seek(self, partition: Partition, offset: int) -> None:
        await self._app.consumer.seek(TP(*partition), offset)


def sequencer(
    app: Any,
    name: str,
    on_skip: Callable[[str], None],
    offsets: PartitionOffsets | None = None,
    sequence: OffsetSequence | None = None,
) -> Callable[[Sequence[Any]], Awaitable[list[Any]]]:
    """For agent ``name`` of ``app``: a function from the events it took to those it may
    handle, in sequence; it seeks skipped partitions back (counted by ``on_skip``) and forgets
    every expectation when partitions are revoked. ``sequence``: the expectations, when the
    caller wants to read them (a stall's report)."""
    if sequence is None:
        sequence = OffsetSequence()
    kafka = offsets if offsets is not None else FaustPartitionOffsets(app)

    async def forget(sender: Any, revoked: Any, **kwargs: Any) -> None:
        sequence.forget()

    app.on_partitions_revoked.connect(forget)

    async def reseek(partitions: dict[Partition, int], why: str) -> None:
        for (topic, number), offset in partitions.items():
            log.warning("%s: events of %s[%d] from offset %d %s", name, topic, number, offset, why)
            on_skip(name)
            await kafka.seek((topic, number), offset)

    async def reseek_overdue() -> None:
        try:
            await reseek(sequence.overdue(), "still not read again; seeking again")
        except Exception as exc:  # revoked meanwhile, or the consumer stopping: next time
            log.debug("%s: seeking again failed: %r", name, exc)

    reseek_overdue.__name__ = reseek_overdue.__qualname__ = f"{name}_reseek_overdue"
    app.timer(RESEEK_SECONDS / 3)(reseek_overdue)

    async def in_sequence(events: Sequence[Any]) -> list[Any]:
        unknown = sequence.unknown(events)
        if unknown:
            for partition, offset in (await kafka.first(unknown)).items():
                sequence.start(partition, offset)
        verdict = sequence.sort(events)
        await reseek(verdict.seek, "were skipped; reading them again")
        if verdict.dropped:
            # Never acked (they come again, or came before): Faust must not wait for them
            # when it stops or rebalances.
            unacked = app.consumer.unacked
            for event in verdict.dropped:
                unacked.discard(event.message)
        return verdict.keep

    return in_sequence
